#pragma once

#include "sseevent.h"

#include <QByteArray>

// Writes events as text/event-stream bytes: the one serializer, used by the demo server and `.sse` export.
// It remembers the last ID it wrote, so an `id:` line appears only when the ID changes and parsing the output
// gives back exactly the events written, IDs included.
class SseFormatter
{
public:
    enum class LineEnd { Lf, Cr, CrLf };

    explicit SseFormatter(LineEnd lineEnd = LineEnd::Lf);

    // CR and LF in type and id cannot be represented in the format and are dropped; data is split into
    // one `data:` line per line (at CR, LF or CRLF).
    QByteArray event(const SseEvent &event);
    QByteArray retry(int milliseconds) const;
    QByteArray comment(const QString &text) const;

    void appendEvent(QByteArray &out, const SseEvent &event);

private:
    void appendLineEnd(QByteArray &out) const;
    void appendField(QByteArray &out, QByteArrayView name, const QString &value) const;

    LineEnd m_lineEnd;
    QString m_lastId;
};
