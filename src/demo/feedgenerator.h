// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sseevent.h"

#include <QJsonObject>
#include <QList>

// Makes a demo feed's events as time passes; the Channel that owns it numbers and sends them.
class FeedGenerator
{
public:
    virtual ~FeedGenerator() = default;

    // Appends the events that are due by nowMs (milliseconds since the epoch).
    virtual void advance(qint64 nowMs, QList<SseEvent> &out) = 0;
    // True once the feed has nothing more to say (a job that ended); the channel then closes its streams.
    virtual bool finished() const { return false; }

protected:
    static SseEvent jsonEvent(const QString &type, const QJsonObject &object);
    static QString isoTime(qint64 msecsSinceEpoch);
};
