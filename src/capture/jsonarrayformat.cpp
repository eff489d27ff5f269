#include "jsonarrayformat.h"

void JsonArrayFormat::append(QByteArray &out, const CapturedEvent &event)
{
    out.append(m_empty ? "\n" : ",\n");
    m_empty = false;
    m_objects.append(out, event);
    out.chop(1); // the NDJSON line's newline: the separator comes before the next object instead
}
