#include "ndjsonformat.h"

void NdjsonFormat::appendJsonString(QByteArray &out, const QString &text)
{
    static constexpr char Hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out.reserve(out.size() + utf8.size() + 2);
    out.append('"');
    const char *p = utf8.constData();
    const char *const end = p + utf8.size();
    const char *run = p; // start of bytes that need no escape, appended in one go
    for (; p < end; ++p) {
        const unsigned char c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, p - run);
        run = p + 1;
        switch (c) {
        case '"':
            out.append("\\\"", 2);
            break;
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        default: {
            const char escaped[6] = {'\\', 'u', '0', '0', Hex[c >> 4], Hex[c & 0xF]};
            out.append(escaped, 6);
        }
        }
    }
    out.append(run, p - run);
    out.append('"');
}

void NdjsonFormat::append(QByteArray &out, const CapturedEvent &event)
{
    out.append("{\"time\":\"");
    m_time.append(out, event.receivedMs);
    out.append("\",\"source\":");
    appendJsonString(out, event.source);
    out.append(",\"event\":");
    appendJsonString(out, event.event.type);
    out.append(",\"id\":");
    appendJsonString(out, event.event.id);
    out.append(",\"data\":");
    appendJsonString(out, event.event.data);
    out.append("}\n");
}
