#include "csvformat.h"

#include <algorithm>

QByteArray CsvFormat::header() const
{
    return QByteArrayLiteral("time,source,event,id,data\r\n");
}

void CsvFormat::appendField(QByteArray &out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    const bool needsQuotes = std::any_of(
        utf8.cbegin(), utf8.cend(), [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
    if (!needsQuotes) {
        out.append(utf8);
        return;
    }
    out.append('"');
    for (const char c : utf8) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    out.append('"');
}

void CsvFormat::append(QByteArray &out, const CapturedEvent &event)
{
    m_time.append(out, event.receivedMs);
    out.append(',');
    appendField(out, event.source);
    out.append(',');
    appendField(out, event.event.type);
    out.append(',');
    appendField(out, event.event.id);
    out.append(',');
    appendField(out, event.event.data);
    out.append("\r\n", 2);
}
