// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvformat.h"

#include <algorithm>

QByteArray CsvFormat::header() const
{
    return QByteArrayLiteral("time,source,event,id,data\r\n");
}

void CsvFormat::appendField(QByteArray &out, QByteArrayView utf8)
{
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

void CsvFormat::appendRecord(QByteArray &out, const RecordBytes &record)
{
    m_time.append(out, record.receivedMs);
    out.append(',');
    appendField(out, record.source);
    out.append(',');
    appendField(out, record.type);
    out.append(',');
    appendField(out, record.id);
    out.append(',');
    appendField(out, record.data);
    out.append("\r\n", 2);
}
