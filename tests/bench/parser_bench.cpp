// Parser throughput: events of a given data size, fed in 16 KiB chunks as a socket would deliver them,
// with every SseEvent constructed and handed to a sink. Prints events/s and MB/s of stream bytes.
#include "sseparser.h"

#include <QElapsedTimer>
#include <cstdio>

namespace {

constexpr qsizetype ChunkSize = 16 * 1024;

class CountingSink : public SseParserSink
{
public:
    qint64 events = 0;
    qint64 dataChars = 0;

    bool eventParsed(const SseEvent &event) override
    {
        ++events;
        dataChars += event.data.size() + event.id.size();
        return true;
    }
    bool commentParsed(const QString &) override { return true; }
    bool retryParsed(int) override { return true; }
    bool limitExceeded(const QString &) override { return true; }
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

void run(const char *name, qsizetype dataSize, bool withIdAndType)
{
    const QByteArray stream = makeStream(dataSize, 32 * 1024 * 1024, withIdAndType);
    CountingSink sink;
    SseParser parser(&sink);
    QElapsedTimer timer;
    timer.start();
    qint64 bytes = 0;
    do {
        for (qsizetype at = 0; at < stream.size(); at += ChunkSize)
            parser.feed(QByteArrayView(stream).sliced(at, qMin(ChunkSize, stream.size() - at)));
        bytes += stream.size();
    } while (timer.elapsed() < 2000);
    const double seconds = timer.nsecsElapsed() / 1e9;
    std::printf("%-34s %12.0f events/s %10.1f MB/s  (%lld events, checksum %lld)\n", name,
                sink.events / seconds, bytes / seconds / 1e6, qlonglong(sink.events),
                qlonglong(sink.dataChars % 1000));
}

} // namespace

int main()
{
    std::printf("parser_bench: 16 KiB chunks, SseEvent built for every event, ~2 s per row\n");
    run("64-byte data events", 64, false);
    run("64-byte data, event: and id:", 64, true);
    run("64-KiB data events", 64 * 1024, false);
    return 0;
}
