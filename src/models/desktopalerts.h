// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notification.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

// Critical and warning notifications reach an operator who is looking elsewhere: while the window is not
// active, each raises a desktop notification (org.freedesktop.Notifications over the session bus). At
// most one goes out per alert key (a rule of a subscription, an event's title) per `intervalMs`; those
// held back meanwhile are counted and, once the interval is over, said in one more ("and 12 more"), so
// a flapping sensor cannot bury the desktop. Info notifications and rules with notify off stay in the
// window.
class DesktopAlerts : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The workspace provides its desktop alerts")
    Q_PROPERTY(bool windowActive READ windowActive WRITE setWindowActive NOTIFY windowActiveChanged)
    Q_PROPERTY(int sent READ sent NOTIFY sentChanged)

public:
    static constexpr int DefaultIntervalMs = 30000;

    explicit DesktopAlerts(QObject *parent = nullptr);

    bool windowActive() const { return m_windowActive; }
    void setWindowActive(bool active);
    void setIntervalMs(int intervalMs) { m_intervalMs = intervalMs; }
    int sent() const { return m_sent; }

    // The notifications of a frame, newest last.
    void offer(const QList<Notification> &notifications);

Q_SIGNALS:
    void windowActiveChanged();
    void sentChanged();

private:
    struct Held
    {
        qint64 lastSentMs = 0;
        int count = 0;       // held back since the last one went out
        Notification newest; // the last of them, said in the summary
    };

    void send(const Notification &notification, int heldBefore);
    void sendDueSummaries();

    bool m_windowActive = true;
    int m_intervalMs = DefaultIntervalMs;
    int m_sent = 0;
    QHash<QString, Held> m_held; // by alert key
    QTimer m_summaries;
};
