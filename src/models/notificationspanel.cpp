// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationspanel.h"

NotificationsPanel::NotificationsPanel(const QString &subscriptionId, QObject *parent)
    : FeedPanel(subscriptionId, QStringLiteral("notifications"), parent)
{
    m_notifications.setCapacity(Capacity);
}

void NotificationsPanel::ingest(const Input &input)
{
    if (input.notification) {
        m_pending.append(*input.notification);
        m_pending.last().acknowledged = true; // unread counts belong to the Notifications page
    }
}

void NotificationsPanel::flush(qint64 nowMs)
{
    Q_UNUSED(nowMs)
    m_notifications.add(m_pending);
    m_pending.clear();
}
