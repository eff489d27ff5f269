// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// UTF-8 to QString exactly as the WHATWG Encoding standard's "UTF-8 decode without BOM" does it: each
// maximal invalid subpart becomes one U+FFFD, and a leading BOM stays U+FEFF. QString::fromUtf8 replaces a
// truncated sequence byte by byte and drops a leading BOM, so it is used only as the fast path for input
// without a leading BOM that it decodes without any replacement.
QString decodeUtf8(const char *bytes, qsizetype size);

// Whether the bytes are valid UTF-8, i.e. decodeUtf8() replaces nothing in them.
bool isValidUtf8(QByteArrayView bytes);

// The bytes as decodeUtf8() then toUtf8() would give them back: the bytes themselves when valid (no copy),
// otherwise a copy in `scratch` with each invalid sequence replaced by U+FFFD.
QByteArrayView validUtf8(QByteArrayView bytes, QByteArray &scratch);
