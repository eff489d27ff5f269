// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// What the fuzz targets share: a check that stops the run on the first broken property (libFuzzer keeps
// the input as a finding, the corpus runner fails its test), and a way to split one input into chunks.

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(condition)                                                                                \
    do {                                                                                                     \
        if (!(condition))                                                                                    \
            fuzzCheckFailed(#condition, __FILE__, __LINE__);                                                 \
    } while (false)

[[noreturn]] inline void fuzzCheckFailed(const char *condition, const char *file, int line)
{
    std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", file, line, condition);
    std::abort();
}

// An input read front to back: a few header bytes choose options, the rest is the payload.
class FuzzInput
{
public:
    FuzzInput(const uint8_t *data, size_t size)
        : m_bytes(reinterpret_cast<const char *>(data), qsizetype(size))
    {}

    // The next byte of the header, or 0 once the input is used up.
    quint8 takeByte()
    {
        if (m_bytes.isEmpty())
            return 0;
        const quint8 byte = quint8(m_bytes.front());
        m_bytes = m_bytes.sliced(1);
        return byte;
    }

    QByteArrayView rest() const { return m_bytes; }

    // The rest cut into chunks whose sizes follow from `seed`: mostly short ones (1 to 16 bytes), now and
    // then a long one, so splits fall inside line ends, multi-byte characters and field names alike.
    static QList<QByteArrayView> split(QByteArrayView bytes, quint32 seed)
    {
        QList<QByteArrayView> chunks;
        quint32 state = seed * 2654435761u + 1;
        while (!bytes.isEmpty()) {
            state = state * 1664525u + 1013904223u;
            const quint32 roll = state >> 24;
            const qsizetype size = roll < 224 ? qsizetype(roll % 16) + 1 : qsizetype(roll) * 4;
            const qsizetype taken = qMin(size, bytes.size());
            chunks.append(bytes.first(taken));
            bytes = bytes.sliced(taken);
        }
        return chunks;
    }

private:
    QByteArrayView m_bytes;
};
