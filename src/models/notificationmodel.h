// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notification.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

// The Notifications page: newest first, bounded, with an unread count for the badge. Acknowledging marks a
// notification read; clearing removes the acknowledged ones (or all).
class NotificationModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int unreadCount READ unreadCount NOTIFY unreadCountChanged)
    Q_PROPERTY(int capacity READ capacity WRITE setCapacity NOTIFY capacityChanged)
    // Notifications that came faster than a frame could list (over FeedFrame::MaxNotifications): counted,
    // not listed; their events are in the event log's count and the capture store.
    Q_PROPERTY(qint64 unlisted READ unlisted NOTIFY unlistedChanged)

public:
    enum Role {
        SeverityRole = Qt::UserRole + 1,
        TimeRole, // milliseconds since the epoch
        SourceRole,
        SubscriptionRole,
        TitleRole,
        BodyRole,
        AcknowledgedRole,
    };
    Q_ENUM(Role)

    explicit NotificationModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int unreadCount() const { return m_unread; }
    int capacity() const { return m_capacity; }
    void setCapacity(int capacity);

    qint64 unlisted() const { return m_unlisted; }

    // Newest last in `batch`; they appear at the top, newest first. `unlisted` more came before them.
    void add(const QList<Notification> &batch, qint64 unlisted = 0);
    // For QML and tests: one notification now.
    Q_INVOKABLE void notify(const QString &severity, const QString &source, const QString &title,
                            const QString &body);
    Q_INVOKABLE void acknowledge(int row);
    Q_INVOKABLE void acknowledgeAll();
    Q_INVOKABLE void clearAcknowledged();
    Q_INVOKABLE void clear();

Q_SIGNALS:
    void countChanged();
    void unreadCountChanged();
    void capacityChanged();
    void unlistedChanged();
    void notified(const QString &severity, const QString &title);

private:
    void trim();
    void setUnread(int unread);

    QList<Notification> m_items; // newest first
    int m_unread = 0;
    int m_capacity = 1000;
    qint64 m_unlisted = 0;
};
