// SPDX-License-Identifier: GPL-3.0-or-later
#include "trayicon.h"

#include "notificationmodel.h"

#include <QApplication>
#include <QPainter>
#include <QQuickWindow>

TrayIcon::TrayIcon(QQuickWindow *window, NotificationModel *notifications, const QIcon &icon)
    : QObject(window)
    , m_window(window)
    , m_notifications(notifications)
    , m_icon(icon)
{
    m_menu.addAction(tr("Show EventScope"), this, &TrayIcon::showWindow);
    m_menu.addSeparator();
    m_menu.addAction(tr("Quit"), qApp, &QCoreApplication::quit);
    m_tray.setContextMenu(&m_menu);
    connect(&m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            showWindow();
    });
    connect(notifications, &NotificationModel::unreadCountChanged, this, &TrayIcon::showUnread);
    showUnread();
    m_tray.show();
}

void TrayIcon::showWindow()
{
    m_window->show();
    m_window->raise();
    m_window->requestActivate();
}

void TrayIcon::showUnread()
{
    const int unread = m_notifications->unreadCount();
    m_tray.setIcon(withBadge(m_icon, unread));
    m_tray.setToolTip(unread == 0 ? tr("EventScope")
                                  : tr("EventScope: %n unread notification(s)", "", unread));
}

QIcon TrayIcon::withBadge(const QIcon &icon, int unread)
{
    if (unread <= 0)
        return icon;
    constexpr int Size = 64;
    QPixmap pixmap = icon.pixmap(Size, Size);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QString text = unread > 99 ? QStringLiteral("99+") : QString::number(unread);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(text.size() > 2 ? 20 : 26);
    painter.setFont(font);
    const QRectF badge(Size * 0.42, 0, Size * 0.58, Size * 0.5);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xef, 0x4f, 0x4f)); // Theme.critical, as the Notifications tab badge
    painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2);
    painter.setPen(Qt::white);
    painter.drawText(badge, Qt::AlignCenter, text);
    painter.end();
    return QIcon(pixmap);
}
