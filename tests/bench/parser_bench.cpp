// SPDX-License-Identifier: GPL-3.0-or-later
// Parser throughput: events of a given shape fed in 16 KiB chunks, as a socket would deliver them, to a
// sink that reads every event's data and id (a checksum of their lengths). Prints events/s, MB/s of stream
// bytes and heap allocations per event, counted by wrapping malloc, calloc and realloc for the whole
// process. A last row decodes every event into an SseEvent of QStrings, as EventSource's eventReceived()
// does, to show what decoding adds. Usage: parser_bench [row ...]; rows: data64 typed64 data64k decoded64.
// The streams are the same as those of tests/bench/peers/parser-bench.mjs, so the two compare row by row.
#include "sseeventdecoder.h"
#include "sseparser.h"

#include <QElapsedTimer>
#include <atomic>
#include <cstdio>
#include <cstring>

extern "C" {
void *__libc_malloc(size_t size);
void *__libc_calloc(size_t count, size_t size);
void *__libc_realloc(void *pointer, size_t size);
}

namespace {

std::atomic<qint64> allocations{0};

} // namespace

extern "C" {
void *malloc(size_t size)
{
    allocations.fetch_add(1, std::memory_order_relaxed);
    return __libc_malloc(size);
}
void *calloc(size_t count, size_t size)
{
    allocations.fetch_add(1, std::memory_order_relaxed);
    return __libc_calloc(count, size);
}
void *realloc(void *pointer, size_t size)
{
    allocations.fetch_add(1, std::memory_order_relaxed);
    return __libc_realloc(pointer, size);
}
}

namespace {

constexpr qsizetype ChunkSize = 16 * 1024;

class ChecksumSink : public SseParserSink
{
public:
    explicit ChecksumSink(bool decode)
        : m_decode(decode)
    {}

    qint64 events = 0;
    qint64 checksum = 0;

    bool eventParsed(const SseEventView &event) override
    {
        ++events;
        if (m_decode) {
            const SseEvent decoded = m_decoder.decode(event);
            checksum += decoded.data.size() + decoded.id.size();
        } else {
            checksum += event.data.size() + event.id.size();
        }
        return true;
    }
    bool commentParsed(QByteArrayView) override { return true; }
    bool retryParsed(int) override { return true; }
    bool limitExceeded(const QString &) override { return true; }

private:
    bool m_decode;
    SseEventDecoder m_decoder;
};

QByteArray makeStream(qsizetype dataSize, qsizetype targetBytes, bool withIdAndType)
{
    QByteArray payload(dataSize, 'x');
    for (qsizetype i = 0; i < dataSize; i += 7)
        payload[i] = char('a' + i % 26);
    QByteArray stream;
    stream.reserve(targetBytes + dataSize + 64);
    for (qint64 n = 1; stream.size() < targetBytes; ++n) {
        if (withIdAndType)
            stream += "event: quote\nid: " + QByteArray::number(n) + '\n';
        stream += "data: " + payload + "\n\n";
    }
    return stream;
}

struct Row
{
    const char *key;
    const char *title;
    qsizetype dataSize;
    bool withIdAndType;
    bool decode;
};

constexpr Row Rows[] = {
    {"data64", "64-byte data events", 64, false, false},
    {"typed64", "64-byte data, event: and id:", 64, true, false},
    {"data64k", "64-KiB data events", 64 * 1024, false, false},
    {"decoded64", "event: and id:, decoded to SseEvent", 64, true, true},
};

void run(const Row &row)
{
    const QByteArray stream = makeStream(row.dataSize, 32 * 1024 * 1024, row.withIdAndType);
    ChecksumSink sink(row.decode);
    SseParser parser(&sink);
    auto feedStream = [&] {
        for (qsizetype at = 0; at < stream.size(); at += ChunkSize)
            parser.feed(QByteArrayView(stream).sliced(at, qMin(ChunkSize, stream.size() - at)));
    };
    feedStream(); // warm up: buffers reach their steady size, as on a live connection
    const qint64 warmEvents = sink.events;
    const qint64 allocationsBefore = allocations.load();
    QElapsedTimer timer;
    timer.start();
    qint64 bytes = 0;
    do {
        feedStream();
        bytes += stream.size();
    } while (timer.elapsed() < 2000);
    const double seconds = timer.nsecsElapsed() / 1e9;
    const qint64 events = sink.events - warmEvents;
    std::printf("%-10s %-38s %12.0f events/s %9.1f MB/s %8.3f allocations/event  (checksum %lld)\n", row.key,
                row.title, events / seconds, bytes / seconds / 1e6,
                double(allocations.load() - allocationsBefore) / double(events),
                qlonglong(sink.checksum % 1000));
}

} // namespace

int main(int argc, char *argv[])
{
    std::printf("parser_bench: 16 KiB chunks, ~2 s per row, allocations counted after one warm-up pass\n");
    for (const Row &row : Rows) {
        bool wanted = argc < 2;
        for (int i = 1; i < argc; ++i)
            wanted = wanted || std::strcmp(argv[i], row.key) == 0;
        if (wanted)
            run(row);
    }
    return 0;
}
