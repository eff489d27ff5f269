#include "utf8decoder.h"

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
    QString fast = QString::fromUtf8(bytes, size);
    if (!fast.contains(QChar::ReplacementCharacter))
        return fast;
    return decodeUtf8Whatwg(reinterpret_cast<const unsigned char *>(bytes), size);
}
