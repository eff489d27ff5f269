// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedpanel.h"
#include "notificationmodel.h"

// A notification feed on the dashboard: its latest notifications (the Notifications page has them all).
class NotificationsPanel : public FeedPanel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The dashboard creates panels for its subscriptions")
    Q_PROPERTY(NotificationModel *notifications READ notifications CONSTANT)

public:
    static constexpr int Capacity = 200;

    NotificationsPanel(const QString &subscriptionId, QObject *parent);

    NotificationModel *notifications() { return &m_notifications; }
    void ingest(const Input &input) override;
    void flush(qint64 nowMs) override;

private:
    NotificationModel m_notifications;
    QList<Notification> m_pending;
};
