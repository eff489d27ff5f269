// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzcheck.h"
#include "sseeventdecoder.h"
#include "sseformat.h"
#include "sseparser.h"

#include <QStringList>

// SseParser on any bytes: fed at once or split anywhere it finds the same events, comments, retries and
// limit reports; and the events it finds, written back with SseFormatter, parse to the same events.

namespace {

struct Parsed
{
    QList<SseEvent> events;
    QList<QByteArray> comments;
    QList<int> retries;
    QStringList limits;

    bool operator==(const Parsed &other) const
    {
        return events == other.events && comments == other.comments && retries == other.retries &&
               limits == other.limits;
    }
};

class Recorder : public SseParserSink
{
public:
    Parsed parsed;

    bool eventParsed(const SseEventView &event) override
    {
        parsed.events.append(m_decoder.decode(event));
        return true;
    }
    bool commentParsed(QByteArrayView comment) override
    {
        parsed.comments.append(comment.toByteArray());
        return true;
    }
    bool retryParsed(int milliseconds) override
    {
        parsed.retries.append(milliseconds);
        return true;
    }
    bool limitExceeded(const QString &message) override
    {
        parsed.limits.append(message);
        return true;
    }

private:
    SseEventDecoder m_decoder;
};

Parsed parse(const QList<QByteArrayView> &chunks, qsizetype maxLine, qsizetype maxEvent)
{
    Recorder recorder;
    SseParser parser(&recorder);
    parser.setMaxLineSize(maxLine);
    parser.setMaxEventSize(maxEvent);
    for (QByteArrayView chunk : chunks)
        FUZZ_CHECK(parser.feed(chunk));
    return recorder.parsed;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput input(data, size);
    const quint8 options = input.takeByte();
    const quint32 seed = input.takeByte();
    // Small limits now and then, so the limit paths see split lines and events too.
    const qsizetype maxLine = (options & 1) ? 8 + (options >> 1) : SseParser::DefaultMaxSize;
    const qsizetype maxEvent = (options & 2) ? 16 + (options >> 2) * 3 : SseParser::DefaultMaxSize;
    const QByteArrayView stream = input.rest();

    const Parsed whole = parse({stream}, maxLine, maxEvent);
    FUZZ_CHECK(parse(FuzzInput::split(stream, seed), maxLine, maxEvent) == whole);

    SseFormatter formatter;
    QByteArray written;
    for (const SseEvent &event : whole.events)
        formatter.appendEvent(written, event);
    FUZZ_CHECK(parse({written}, SseParser::DefaultMaxSize, SseParser::DefaultMaxSize).events == whole.events);
    return 0;
}
