#pragma once

#include <QString>

// UTF-8 to QString exactly as the WHATWG Encoding standard's "UTF-8 decode without BOM" does it: each
// maximal invalid subpart becomes one U+FFFD. QString::fromUtf8 replaces a truncated sequence byte by byte,
// so it is used only as the fast path for input it decodes without any replacement.
QString decodeUtf8(const char *bytes, qsizetype size);
