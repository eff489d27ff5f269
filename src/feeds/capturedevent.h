// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sseevent.h"

#include <QList>
#include <QMetaType>
#include <QString>

// An event as EventScope records it: the SSE event stamped by FeedHub (or the CLI) with where and when it
// was received and its place in the capture. Live and replayed events both travel as these.
struct CapturedEvent
{
    SseEvent event;
    QString source;        // the subscription's name, or the URL where it has none
    qint64 receivedMs = 0; // UTC, milliseconds since the epoch
    quint64 seq = 0;       // order of receipt across all subscriptions
    QString subscription;  // the subscription's id; empty for the CLI
    bool replayed = false; // played back from a capture file, not received live
};

Q_DECLARE_METATYPE(CapturedEvent)
Q_DECLARE_METATYPE(QList<CapturedEvent>)
