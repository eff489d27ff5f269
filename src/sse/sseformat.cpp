#include "sseformat.h"

#include <QStringList>

namespace {

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

void SseFormatter::appendField(QByteArray &out, QByteArrayView name, const QString &value) const
{
    out.append(name);
    out.append(": ", 2);
    out.append(value.toUtf8());
    appendLineEnd(out);
}

void SseFormatter::appendEvent(QByteArray &out, const SseEvent &event)
{
    const QString type = withoutLineBreaks(event.type);
    if (!type.isEmpty() && type != QLatin1String("message"))
        appendField(out, "event", type);

    const QString id = withoutLineBreaks(event.id);
    if (id != m_lastId) {
        if (id.isEmpty()) {
            out.append("id");
            appendLineEnd(out);
        } else {
            appendField(out, "id", id);
        }
        m_lastId = id;
    }

    const QByteArray data = event.data.toUtf8();
    const char *p = data.constData();
    const char *const end = p + data.size();
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
