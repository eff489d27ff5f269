#pragma once

#include "sseevent.h"

#include <QString>

// An event as EventScope records it: the SSE event plus where and when it was received and its place in
// the capture.
struct CapturedEvent
{
    SseEvent event;
    QString source;        // the subscription's name, or the URL where it has none
    qint64 receivedMs = 0; // UTC, milliseconds since the epoch
    quint64 seq = 0;
};
