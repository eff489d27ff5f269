// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonarrayformat.h"

void JsonArrayFormat::appendRecord(QByteArray &out, const RecordBytes &record)
{
    out.append(m_empty ? "\n" : ",\n");
    m_empty = false;
    m_objects.appendRecord(out, record);
    out.chop(1); // the NDJSON line's newline: the separator comes before the next object instead
}
