// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "eventsource.h"

#include <QList>
#include <QMetaType>
#include <QString>

// What a subscription is doing right now, as the sidebar and status bar show it.
struct SubscriptionStatus
{
    QString id;
    bool enabled = true;
    EventSource::ReadyState state = EventSource::ReadyState::Closed;
    qint64 events = 0;
    double eventsPerSecond = 0;
    qint64 bytes = 0;
    int reconnects = 0;
    qint64 gaps = 0; // events missing by their numeric IDs
    QString lastError;
    qint64 lastEventMs = 0; // 0: none yet
    // Not reading because the capture store is behind: for how long, and what waits meanwhile in the
    // connection's bounded buffer (the server is slowed down by TCP beyond that).
    qint64 laggingMs = 0;
    qint64 bytesWaiting = 0;

    // "connecting", "open" or "closed", as the sidebar and the agent's log say it.
    static QString stateName(EventSource::ReadyState state)
    {
        switch (state) {
        case EventSource::ReadyState::Connecting:
            return QStringLiteral("connecting");
        case EventSource::ReadyState::Open:
            return QStringLiteral("open");
        case EventSource::ReadyState::Closed:
            break;
        }
        return QStringLiteral("closed");
    }
};

Q_DECLARE_METATYPE(SubscriptionStatus)
Q_DECLARE_METATYPE(QList<SubscriptionStatus>)
