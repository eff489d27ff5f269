// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturedevent.h"

#include <QJsonObject>
#include <QString>
#include <optional>

// A notification an operator should see: from a `notification` or `alert` event, or from a threshold rule.
struct Notification
{
    QString severity; // info, warning or critical
    qint64 timeMs = 0;
    QString source;
    QString subscription;
    QString title;
    QString body;
    bool acknowledged = false;
    // What desktop alerts are rate-limited by (a rule of a subscription, or an event's title), and
    // whether this one may raise one at all (a rule with its notify switch off may not).
    QString alertKey;
    bool desktopAlert = true;

    // The notification an event carries: `notification` and `alert` events whose data (`object`, parsed)
    // names a level or severity, a title and a body or message, or is plain text. Other events carry none.
    static std::optional<Notification> fromEvent(const CapturedEvent &event, const QJsonObject &object);
};
