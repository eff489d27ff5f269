// SPDX-License-Identifier: GPL-3.0-or-later
#include "sseeventdecoder.h"

#include "utf8decoder.h"

namespace {

// Decodes only when the bytes differ from the last ones, reusing the byte buffer's capacity.
const QString &decodeRepeated(QByteArrayView bytes, QByteArray &lastBytes, QString &lastText)
{
    if (lastBytes != bytes) {
        lastBytes.resize(0);
        lastBytes.append(bytes);
        lastText = decodeUtf8(bytes.data(), bytes.size());
    }
    return lastText;
}

} // namespace

SseEvent SseEventDecoder::decode(const SseEventView &view)
{
    SseEvent event;
    event.data = decodeUtf8(view.data.data(), view.data.size());
    if (!view.type.isEmpty())
        event.type = decodeRepeated(view.type, m_typeBytes, m_type);
    if (!view.id.isEmpty())
        event.id = decodeRepeated(view.id, m_idBytes, m_id);
    return event;
}
