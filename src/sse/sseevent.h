// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

// One dispatched Server-Sent Event, as the WHATWG processing model defines it.
// `id` is the stream's last event ID at dispatch, so it persists across events that carry no `id:` field.
struct SseEvent
{
    QString type = QStringLiteral("message");
    QString data;
    QString id;

    friend bool operator==(const SseEvent &a, const SseEvent &b)
    {
        return a.type == b.type && a.data == b.data && a.id == b.id;
    }
    friend bool operator!=(const SseEvent &a, const SseEvent &b) { return !(a == b); }
};

Q_DECLARE_METATYPE(SseEvent)
