// SPDX-License-Identifier: GPL-3.0-or-later
#include "sseformat.h"

#include <QStringList>

namespace {

// CR and LF cannot stand in a type or id line: the bytes without them, copied to `scratch` only if needed.
QByteArrayView withoutLineBreaks(QByteArrayView bytes, QByteArray &scratch)
{
    if (!bytes.contains('\r') && !bytes.contains('\n'))
        return bytes;
    scratch = bytes.toByteArray();
    scratch.replace("\r", "").replace("\n", "");
    return scratch;
}

QString withoutLineBreaks(QString text)
{
    text.remove(QLatin1Char('\r'));
    text.remove(QLatin1Char('\n'));
    return text;
}

} // namespace

SseFormatter::SseFormatter(LineEnd lineEnd)
    : m_lineEnd(lineEnd)
{}

void SseFormatter::appendLineEnd(QByteArray &out) const
{
    switch (m_lineEnd) {
    case LineEnd::Lf:
        out.append('\n');
        break;
    case LineEnd::Cr:
        out.append('\r');
        break;
    case LineEnd::CrLf:
        out.append("\r\n", 2);
        break;
    }
}

void SseFormatter::appendField(QByteArrayView name, QByteArrayView value, QByteArray &out) const
{
    out.append(name);
    out.append(": ", 2);
    out.append(value);
    appendLineEnd(out);
}

void SseFormatter::appendEvent(QByteArray &out, const SseEvent &event)
{
    const QByteArray type = event.type.toUtf8();
    const QByteArray id = event.id.toUtf8();
    const QByteArray data = event.data.toUtf8();
    appendEvent(out, SseEventView{type, data, id});
}

void SseFormatter::appendEvent(QByteArray &out, const SseEventView &event)
{
    const QByteArrayView type = withoutLineBreaks(event.type, m_scratch);
    if (!type.isEmpty() && type != "message")
        appendField("event", type, out);

    const QByteArrayView id = withoutLineBreaks(event.id, m_scratch);
    if (id != m_lastId) {
        if (id.isEmpty()) {
            out.append("id");
            appendLineEnd(out);
        } else {
            appendField("id", id, out);
        }
        m_lastId.resize(0);
        m_lastId.append(id);
    }

    const char *p = event.data.data();
    const char *const end = p + event.data.size();
    for (;;) {
        const char *lineEnd = p;
        while (lineEnd < end && *lineEnd != '\n' && *lineEnd != '\r')
            ++lineEnd;
        out.append("data: ", 6);
        out.append(p, lineEnd - p);
        appendLineEnd(out);
        if (lineEnd == end)
            break;
        p = lineEnd + ((*lineEnd == '\r' && lineEnd + 1 < end && lineEnd[1] == '\n') ? 2 : 1);
    }
    appendLineEnd(out);
}

QByteArray SseFormatter::event(const SseEvent &event)
{
    QByteArray out;
    out.reserve(event.data.size() + event.type.size() + event.id.size() + 32);
    appendEvent(out, event);
    return out;
}

QByteArray SseFormatter::retry(int milliseconds) const
{
    QByteArray out = "retry: " + QByteArray::number(milliseconds);
    appendLineEnd(out);
    return out;
}

QByteArray SseFormatter::comment(const QString &text) const
{
    QByteArray out;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        out.append(": ", 2);
        out.append(withoutLineBreaks(line).toUtf8());
        appendLineEnd(out);
    }
    return out;
}
