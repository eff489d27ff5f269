// SPDX-License-Identifier: GPL-3.0-or-later
#include "ndjsonformat.h"

#include <algorithm>
#include <cstring>

namespace {

// The longest a byte can become: \u00XX.
constexpr qsizetype MaxEscapedBytes = 6;

// Writes the JSON string literal at `to` and returns its end. Records are written through a pointer into
// room reserved beforehand: appending piece by piece to a QByteArray costs more than the escaping.
char *writeJsonString(char *to, QByteArrayView utf8)
{
    static constexpr char Hex[] = "0123456789abcdef";
    *to++ = '"';
    // A string starting with U+FEFF keeps it escaped: Qt's JSON reader, like QString::fromUtf8, drops it
    // from the start of a string it reads without escapes, so the raw bytes would not import back.
    if (utf8.startsWith("\xEF\xBB\xBF")) {
        to = std::copy_n("\\ufeff", 6, to);
        utf8 = utf8.sliced(3);
    }
    for (const char byte : utf8) {
        const auto c = static_cast<unsigned char>(byte);
        if (c >= 0x20 && c != '"' && c != '\\') {
            *to++ = byte;
            continue;
        }
        *to++ = '\\';
        switch (c) {
        case '"':
        case '\\':
            *to++ = byte;
            break;
        case '\n':
            *to++ = 'n';
            break;
        case '\r':
            *to++ = 'r';
            break;
        case '\t':
            *to++ = 't';
            break;
        default:
            *to++ = 'u';
            *to++ = '0';
            *to++ = '0';
            *to++ = Hex[c >> 4];
            *to++ = Hex[c & 0xF];
        }
    }
    *to++ = '"';
    return to;
}

char *writeLiteral(char *to, QByteArrayView literal)
{
    std::memcpy(to, literal.data(), size_t(literal.size()));
    return to + literal.size();
}

} // namespace

void NdjsonFormat::appendRecord(QByteArray &out, const RecordBytes &record)
{
    const qsizetype start = out.size();
    const qsizetype textBytes =
        record.source.size() + record.type.size() + record.id.size() + record.data.size();
    out.resize(start + 80 + UtcTimestamp::MaxSize + MaxEscapedBytes * textBytes);
    char *to = writeLiteral(out.data() + start, "{\"time\":\"");
    to = m_time.write(to, record.receivedMs);
    to = writeLiteral(to, "\",\"source\":");
    to = writeJsonString(to, record.source);
    to = writeLiteral(to, ",\"event\":");
    to = writeJsonString(to, record.type);
    to = writeLiteral(to, ",\"id\":");
    to = writeJsonString(to, record.id);
    to = writeLiteral(to, ",\"data\":");
    to = writeJsonString(to, record.data);
    to = writeLiteral(to, "}\n");
    out.resize(to - out.constData());
}
