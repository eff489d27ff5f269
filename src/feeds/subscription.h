// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fieldmapping.h"
#include "sserequest.h"
#include "thresholdrule.h"

#include <QJsonObject>
#include <QStringList>

// One endpoint an operator watches: its request (URL, method, headers, body, reconnect policy, idle
// timeout, TLS allowance), the event types of interest, the panel that shows it and how that panel finds
// its numbers. Serialized as JSON in profiles, validated with messages a person can act on.
struct Subscription
{
    enum class Panel { Stock, IoT, Progress, Notifications, Chart, Text, Raw };

    // Where a text panel's message ends: at an event whose data is `data` (a language model API's
    // "[DONE]") or whose type is `eventType` (empty: none).
    struct MessageEnd
    {
        QString data = QStringLiteral("[DONE]");
        QString eventType;
    };

    QString id; // stable across edits and restarts
    QString name;
    SseRequest request;
    QStringList eventTypes; // empty: all
    Panel panel = Panel::Raw;
    FieldMapping mapping;
    QList<ThresholdRule> rules; // checked against the mapped values
    MessageEnd messageEnd;      // for a text panel
    bool enabled = true;

    static Subscription create(const QString &name, const QUrl &url, Panel panel);

    bool wants(const QString &eventType) const
    {
        return eventTypes.isEmpty() || eventTypes.contains(eventType);
    }
    // "field: problem" for each thing that stops it from being used; empty when it is fine.
    QStringList problems() const;

    QJsonObject toJson() const;
    // Reads what it can; every problem found is added to `errors`, and a subscription with errors
    // should not be used.
    static Subscription fromJson(const QJsonObject &object, QStringList *errors);
    // The same with each problem as "field: problem", for an editor to show next to the field.
    static Subscription parse(const QJsonObject &object, QStringList *problems);

    static QString panelName(Panel panel);
    static std::optional<Panel> panelFromName(const QString &name);
    // The mapping a panel kind starts with (the demo feeds' field names).
    static FieldMapping defaultMapping(Panel panel);

    // Headers whose values are secrets (Authorization, Cookie, anything with "token", "key" or "secret")
    // are shown masked and never leave the profile.
    static bool isSecretHeader(const QByteArray &name);
    static QString displayedHeaderValue(const QByteArray &name, const QByteArray &value);
};
