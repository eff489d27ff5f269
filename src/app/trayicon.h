// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QMenu>
#include <QSystemTrayIcon>

class NotificationModel;
class QQuickWindow;

// EventScope in the desktop's system tray, where there is one: the icon carries the number of unread
// notifications as a red badge (and says it in its tooltip), a click brings the window to the front, and
// its menu shows the window or quits.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    TrayIcon(QQuickWindow *window, NotificationModel *notifications, const QIcon &icon);

    // The application icon with `unread` in a red badge at its top right ("99+" above 99); the icon as
    // it is for 0.
    static QIcon withBadge(const QIcon &icon, int unread);

private:
    void showWindow();
    void showUnread();

    QQuickWindow *m_window;
    NotificationModel *m_notifications;
    QIcon m_icon;
    QSystemTrayIcon m_tray;
    QMenu m_menu;
};
