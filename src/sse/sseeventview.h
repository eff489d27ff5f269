// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

// One event as SseParser dispatches it: views of the parser's own bytes, valid only during the sink's call.
// Nothing is decoded or copied until a consumer asks (SseEventDecoder makes an SseEvent of it), so a
// consumer that only forwards bytes costs no allocation per event.
struct SseEventView
{
    QByteArrayView type; // empty when the stream named none: the type is "message"
    QByteArrayView data;
    QByteArrayView id; // the stream's last event ID at dispatch
};
