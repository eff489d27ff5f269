// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sseevent.h"
#include "sseeventview.h"

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
    void appendEvent(QByteArray &out, const SseEventView &event); // valid UTF-8; an empty type is "message"

private:
    void appendLineEnd(QByteArray &out) const;
    void appendField(QByteArrayView name, QByteArrayView value, QByteArray &out) const;

    LineEnd m_lineEnd;
    QByteArray m_lastId;
    QByteArray m_scratch;
};
