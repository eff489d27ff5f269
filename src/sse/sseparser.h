// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sseeventview.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// Receives what SseParser finds, in stream order. Each call returns false to stop parsing at once, for a
// receiver that closed or destroyed itself while handling it: the parser then touches nothing more.
// Views are valid only during the call.
class SseParserSink
{
public:
    virtual ~SseParserSink() = default;
    virtual bool eventParsed(const SseEventView &event) = 0;
    virtual bool commentParsed(QByteArrayView comment) = 0; // undecoded UTF-8, without the leading space
    virtual bool retryParsed(int milliseconds) = 0;
    virtual bool limitExceeded(const QString &message) = 0;
};

// Incremental text/event-stream parser following the WHATWG HTML "interpret an event stream" rules.
// Bytes go in as they arrive, in chunks split anywhere; results never depend on where the splits fall.
// In the steady state it allocates nothing: an event's data is handed on as a view of the chunk (or of the
// line buffer, for a line that spanned chunks) and copied only when the event outlives its chunk, and the
// buffers for type, id and split lines keep their capacity from one event to the next.
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

    QString lastEventId() const;
    void setLastEventId(const QString &id);

private:
    bool parseLines(const char *p, const char *end);
    bool processLine(const char *line, qsizetype size);
    bool processField(QByteArrayView name, const char *value, qsizetype valueSize);
    bool appendData(const char *value, qsizetype valueSize);
    bool dispatch();
    bool appendPartialLine(const char *bytes, qsizetype size);
    bool rejectLongLine();
    qsizetype partialLineSize() const { return m_lineBuffered ? m_partialLine.size() : 0; }
    QByteArrayView pendingData() const { return m_dataOwned ? QByteArrayView(m_data) : m_dataView; }
    void ownData();
    void dropEvent();

    SseParserSink *m_sink;
    qsizetype m_maxLineSize = DefaultMaxSize;
    qsizetype m_maxEventSize = DefaultMaxSize;

    // A line whose end has not arrived yet. Once complete it is parsed from here and its bytes stay put
    // (the pending data may be a view of them) until the next split line begins.
    QByteArray m_partialLine;
    bool m_lineBuffered = false;  // m_partialLine holds the start of the current line
    bool m_skipLeadingLf = false; // the last chunk ended in CR: an LF first in the next one ends nothing
    bool m_atStreamStart = true;  // a BOM is stripped only before the first line
    bool m_discardingLine = false;
    bool m_discardingEvent = false;

    // The data buffer without its trailing LF: a view while the event has one data line that is still in
    // the chunk or the line buffer, a copy in m_data once it has several lines or outlives its chunk.
    bool m_hasData = false;
    bool m_dataOwned = false;
    QByteArrayView m_dataView;
    QByteArray m_data;

    QByteArray m_eventType; // the event type buffer, meaningful while m_typeSet
    bool m_typeSet = false;
    // The last event ID buffer is m_idBuffer while an id field waits for its event's dispatch
    // (m_idPending), otherwise it equals the last event ID; dispatch swaps the two, copying nothing.
    QByteArray m_idBuffer;
    bool m_idPending = false;
    QByteArray m_lastEventIdBytes;
};
