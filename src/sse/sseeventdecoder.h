// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sseevent.h"
#include "sseeventview.h"

#include <QByteArray>

// Makes SseEvents of parsed events, decoding UTF-8 as WHATWG does. A feed's type and id strings are kept
// while their bytes repeat, so a stream of one event type decodes its type once.
class SseEventDecoder
{
public:
    SseEvent decode(const SseEventView &view);

private:
    QByteArray m_typeBytes;
    QString m_type;
    QByteArray m_idBytes;
    QString m_id;
};
