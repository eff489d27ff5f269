// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzcheck.h"
#include "utf8decoder.h"

#include <QString>

// The UTF-8 decoder against the WHATWG Encoding standard's decoder written out step by step, here, as the
// standard words it: same code points, the same U+FFFD for each maximal invalid subpart; and the validity
// check and the re-encoding shortcut agree with it.

namespace {

QString whatwgUtf8Decode(QByteArrayView bytes)
{
    QString out;
    char32_t codePoint = 0;
    int bytesNeeded = 0;
    int bytesSeen = 0;
    quint8 lowerBoundary = 0x80;
    quint8 upperBoundary = 0xBF;
    const auto append = [&out](char32_t c) { // not QString::fromUcs4, which drops U+FEFF as a BOM
        if (QChar::requiresSurrogates(c)) {
            out.append(QChar(QChar::highSurrogate(c)));
            out.append(QChar(QChar::lowSurrogate(c)));
        } else {
            out.append(QChar(char16_t(c)));
        }
    };
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const quint8 byte = quint8(bytes[i]);
        if (bytesNeeded == 0) {
            if (byte <= 0x7F) {
                append(byte);
            } else if (byte >= 0xC2 && byte <= 0xDF) {
                bytesNeeded = 1;
                codePoint = byte & 0x1F;
            } else if (byte >= 0xE0 && byte <= 0xEF) {
                if (byte == 0xE0)
                    lowerBoundary = 0xA0;
                if (byte == 0xED)
                    upperBoundary = 0x9F;
                bytesNeeded = 2;
                codePoint = byte & 0xF;
            } else if (byte >= 0xF0 && byte <= 0xF4) {
                if (byte == 0xF0)
                    lowerBoundary = 0x90;
                if (byte == 0xF4)
                    upperBoundary = 0x8F;
                bytesNeeded = 3;
                codePoint = byte & 0x7;
            } else {
                append(0xFFFD);
            }
            continue;
        }
        if (byte < lowerBoundary || byte > upperBoundary) {
            codePoint = 0;
            bytesNeeded = bytesSeen = 0;
            lowerBoundary = 0x80;
            upperBoundary = 0xBF;
            append(0xFFFD);
            --i; // the byte is processed again, as the start of what follows
            continue;
        }
        lowerBoundary = 0x80;
        upperBoundary = 0xBF;
        codePoint = (codePoint << 6) | (byte & 0x3F);
        if (++bytesSeen == bytesNeeded) {
            append(codePoint);
            codePoint = 0;
            bytesNeeded = bytesSeen = 0;
        }
    }
    if (bytesNeeded != 0)
        append(0xFFFD);
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString expected = whatwgUtf8Decode(bytes);
    FUZZ_CHECK(decodeUtf8(bytes.data(), bytes.size()) == expected);

    const QByteArray expectedBytes = expected.toUtf8();
    const bool valid = expectedBytes == bytes; // nothing was replaced
    FUZZ_CHECK(isValidUtf8(bytes) == valid);
    QByteArray scratch;
    const QByteArrayView reencoded = validUtf8(bytes, scratch);
    FUZZ_CHECK(reencoded == expectedBytes);
    FUZZ_CHECK(!valid || reencoded.data() == bytes.data()); // valid input is passed on without a copy
    return 0;
}
