// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopalerts.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDateTime>
#include <QVariantMap>

namespace {

bool raisesAlert(const Notification &notification)
{
    return notification.desktopAlert && (notification.severity == QLatin1String("critical") ||
                                         notification.severity == QLatin1String("warning"));
}

} // namespace

DesktopAlerts::DesktopAlerts(QObject *parent)
    : QObject(parent)
{
    m_summaries.setInterval(1000);
    connect(&m_summaries, &QTimer::timeout, this, &DesktopAlerts::sendDueSummaries);
}

void DesktopAlerts::setWindowActive(bool active)
{
    if (active == m_windowActive)
        return;
    m_windowActive = active;
    Q_EMIT windowActiveChanged();
}

void DesktopAlerts::offer(const QList<Notification> &notifications)
{
    if (m_windowActive)
        return; // the operator sees them in the window
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    for (const Notification &notification : notifications) {
        if (!raisesAlert(notification))
            continue;
        Held &held = m_held[notification.alertKey];
        if (held.lastSentMs == 0 || nowMs - held.lastSentMs >= m_intervalMs) {
            send(notification, std::exchange(held.count, 0));
            held.lastSentMs = nowMs;
            continue;
        }
        ++held.count;
        held.newest = notification;
        m_summaries.start();
    }
}

void DesktopAlerts::sendDueSummaries()
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    bool waiting = false;
    for (auto it = m_held.begin(); it != m_held.end(); ++it) {
        Held &held = it.value();
        if (held.count == 0)
            continue;
        if (nowMs - held.lastSentMs < m_intervalMs) {
            waiting = true;
            continue;
        }
        // The newest of those held back stands for them, with how many there were besides it.
        send(held.newest, std::exchange(held.count, 0) - 1);
        held.lastSentMs = nowMs;
    }
    if (!waiting)
        m_summaries.stop();
}

void DesktopAlerts::send(const Notification &notification, int heldBefore)
{
    // The Desktop Notifications Specification: Notify(app_name, replaces_id, app_icon, summary, body,
    // actions, hints, expire_timeout). Urgency 2 (critical) stays until dismissed on most desktops.
    const QString summary = QStringLiteral("%1 · %2").arg(notification.source, notification.title);
    const QString body = heldBefore > 0
                             ? QStringLiteral("%1\nand %2 more").arg(notification.body).arg(heldBefore)
                             : notification.body;
    const uchar urgency = notification.severity == QLatin1String("critical") ? 2 : 1;
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("/org/freedesktop/Notifications"),
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("Notify"));
    call << QStringLiteral("EventScope") << uint(0) << QStringLiteral("org.eventscope.EventScope") << summary
         << body << QStringList()
         << QVariantMap{{QStringLiteral("urgency"), QVariant::fromValue(urgency)},
                        {QStringLiteral("desktop-entry"), QStringLiteral("org.eventscope.EventScope")},
                        {QStringLiteral("category"), QStringLiteral("x-eventscope.alert")}}
         << int(-1);
    // No session bus (a server, a bare X session): the window and the tray still show it.
    if (!QDBusConnection::sessionBus().isConnected() || !QDBusConnection::sessionBus().send(call))
        return;
    ++m_sent;
    Q_EMIT sentChanged();
}
