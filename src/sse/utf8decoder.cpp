// SPDX-License-Identifier: GPL-3.0-or-later
#include "utf8decoder.h"

#include <cstring>

namespace {

QString decodeUtf8Whatwg(const unsigned char *bytes, qsizetype size)
{
    QString out;
    out.resize(size); // never more UTF-16 units than bytes
    QChar *dst = out.data();
    const QChar *const begin = dst;

    char32_t codePoint = 0;
    int needed = 0;
    int seen = 0;
    unsigned char lower = 0x80;
    unsigned char upper = 0xBF;

    auto put = [&dst](char32_t c) {
        if (c > 0xFFFF) {
            *dst++ = QChar(QChar::highSurrogate(c));
            *dst++ = QChar(QChar::lowSurrogate(c));
        } else {
            *dst++ = QChar(char16_t(c));
        }
    };

    qsizetype i = 0;
    while (i < size) {
        const unsigned char b = bytes[i];
        if (needed == 0) {
            ++i;
            if (b <= 0x7F) {
                put(b);
            } else if (b >= 0xC2 && b <= 0xDF) {
                needed = 1;
                codePoint = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                lower = b == 0xE0 ? 0xA0 : 0x80;
                upper = b == 0xED ? 0x9F : 0xBF;
                needed = 2;
                codePoint = b & 0x0F;
            } else if (b >= 0xF0 && b <= 0xF4) {
                lower = b == 0xF0 ? 0x90 : 0x80;
                upper = b == 0xF4 ? 0x8F : 0xBF;
                needed = 3;
                codePoint = b & 0x07;
            } else {
                put(QChar::ReplacementCharacter);
            }
            continue;
        }
        if (b < lower || b > upper) {
            // The sequence so far is one maximal subpart; b is looked at again as a possible lead byte.
            needed = seen = 0;
            lower = 0x80;
            upper = 0xBF;
            put(QChar::ReplacementCharacter);
            continue;
        }
        ++i;
        lower = 0x80;
        upper = 0xBF;
        codePoint = (codePoint << 6) | (b & 0x3F);
        if (++seen == needed) {
            put(codePoint);
            needed = seen = 0;
        }
    }
    if (needed != 0)
        put(QChar::ReplacementCharacter);

    out.truncate(dst - begin);
    return out;
}

} // namespace

QString decodeUtf8(const char *bytes, qsizetype size)
{
    // QString::fromUtf8 also drops a leading BOM, which "decode without BOM" keeps as U+FEFF.
    const bool leadingBom = size >= 3 && std::memcmp(bytes, "\xEF\xBB\xBF", 3) == 0;
    if (!leadingBom) {
        QString fast = QString::fromUtf8(bytes, size);
        if (!fast.contains(QChar::ReplacementCharacter))
            return fast;
    }
    return decodeUtf8Whatwg(reinterpret_cast<const unsigned char *>(bytes), size);
}

bool isValidUtf8(QByteArrayView bytes)
{
    auto p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto end = p + bytes.size();
    while (p < end) {
        if (end - p >= 8) { // eight ASCII bytes at a time, the common case
            quint64 word;
            std::memcpy(&word, p, sizeof word);
            if ((word & 0x8080808080808080ULL) == 0) {
                p += 8;
                continue;
            }
        }
        const unsigned char lead = *p++;
        if (lead <= 0x7F)
            continue;
        // The same ranges as the WHATWG decoder above: no overlong forms, surrogates or values past U+10FFFF.
        int needed = 0;
        unsigned char lower = 0x80;
        unsigned char upper = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            needed = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            needed = 2;
            lower = lead == 0xE0 ? 0xA0 : 0x80;
            upper = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            needed = 3;
            lower = lead == 0xF0 ? 0x90 : 0x80;
            upper = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        if (end - p < needed || p[0] < lower || p[0] > upper)
            return false;
        for (int i = 1; i < needed; ++i) {
            if (p[i] < 0x80 || p[i] > 0xBF)
                return false;
        }
        p += needed;
    }
    return true;
}

QByteArrayView validUtf8(QByteArrayView bytes, QByteArray &scratch)
{
    if (isValidUtf8(bytes))
        return bytes;
    scratch = decodeUtf8(bytes.data(), bytes.size()).toUtf8();
    return scratch;
}
