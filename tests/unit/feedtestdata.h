// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Subscriptions and events as FeedHub's worker sees them, for the tests of what it makes of them.
#include "capturedevent.h"
#include "subscription.h"

inline Subscription subscription(const QString &id, Subscription::Panel panel)
{
    Subscription s = Subscription::create(id, QUrl("http://127.0.0.1:1/" + id), panel);
    s.id = id;
    return s;
}

inline CapturedEvent captured(const QString &subscription, const QString &type, const QString &data,
                              qint64 ms = 1000)
{
    CapturedEvent e;
    e.event = {type, data, {}};
    e.subscription = subscription;
    e.source = subscription;
    e.receivedMs = ms;
    return e;
}
