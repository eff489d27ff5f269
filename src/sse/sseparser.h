#pragma once

#include "sseevent.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// Receives what SseParser finds, in stream order. Each call returns false to stop parsing at once, for a
// receiver that closed or destroyed itself while handling it: the parser then touches nothing more.
class SseParserSink
{
public:
    virtual ~SseParserSink() = default;
    virtual bool eventParsed(const SseEvent &event) = 0;
    virtual bool commentParsed(const QString &comment) = 0;
    virtual bool retryParsed(int milliseconds) = 0;
    virtual bool limitExceeded(const QString &message) = 0;
};

// Incremental text/event-stream parser following the WHATWG HTML "interpret an event stream" rules.
// Bytes go in as they arrive, in chunks split anywhere; results never depend on where the splits fall.
class SseParser
{
public:
    static constexpr qsizetype DefaultMaxSize = 16 * 1024 * 1024;

    explicit SseParser(SseParserSink *sink);

    // A line longer than maxLineSize, or an event whose data grows past maxEventSize, is reported through
    // limitExceeded() and its event is discarded; parsing goes on with the next event.
    void setMaxLineSize(qsizetype bytes) { m_maxLineSize = bytes; }
    void setMaxEventSize(qsizetype bytes) { m_maxEventSize = bytes; }
    qsizetype maxLineSize() const { return m_maxLineSize; }
    qsizetype maxEventSize() const { return m_maxEventSize; }

    // Returns false when the sink asked to stop.
    bool feed(QByteArrayView bytes);

    // A new connection: drops any incomplete line and event, expects a BOM again, keeps the last event ID.
    void restart();

    QString lastEventId() const { return m_lastEventId; }
    void setLastEventId(const QString &id);

private:
    bool processLine(const char *line, qsizetype size);
    bool processField(QByteArrayView name, const char *value, qsizetype valueSize);
    bool dispatch();
    bool appendPartialLine(const char *bytes, qsizetype size);
    bool rejectLongLine(qsizetype seenBytes);
    bool reportLimit(const QString &message);
    const char *findLineEnd(const char *from, const char *end);

    SseParserSink *m_sink;
    qsizetype m_maxLineSize = DefaultMaxSize;
    qsizetype m_maxEventSize = DefaultMaxSize;

    QByteArray m_partialLine;     // bytes of a line whose end has not arrived yet
    bool m_skipLeadingLf = false; // the last chunk ended in CR: an LF first in the next one ends nothing
    bool m_atStreamStart = true;  // a BOM is stripped only before the first line
    bool m_discardingLine = false;
    bool m_discardingEvent = false;

    QByteArray m_data;      // the data buffer: each data line's value followed by LF
    QByteArray m_eventType; // the event type buffer
    QByteArray m_idBuffer;  // the last event ID buffer
    QByteArray m_lastEventIdBytes;
    QString m_lastEventId;

    // Event types repeat, so the decoded string is kept and shared while the bytes stay the same.
    QByteArray m_cachedTypeBytes;
    QString m_cachedType;

    // Where the next CR and LF are in the current chunk; searched again only once passed, so a stream
    // that uses just one kind of line end is still scanned in linear time.
    const char *m_nextCr = nullptr;
    const char *m_nextLf = nullptr;
};
