// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationmodel.h"

#include <QDateTime>

NotificationModel::NotificationModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int NotificationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant NotificationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Notification &item = m_items[index.row()];
    switch (role) {
    case SeverityRole:
        return item.severity;
    case TimeRole:
        return item.timeMs;
    case SourceRole:
        return item.source;
    case SubscriptionRole:
        return item.subscription;
    case TitleRole:
    case Qt::DisplayRole:
        return item.title;
    case BodyRole:
        return item.body;
    case AcknowledgedRole:
        return item.acknowledged;
    default:
        return {};
    }
}

QHash<int, QByteArray> NotificationModel::roleNames() const
{
    return {{SeverityRole, "severity"},         {TimeRole, "time"},   {SourceRole, "source"},
            {SubscriptionRole, "subscription"}, {TitleRole, "title"}, {BodyRole, "body"},
            {AcknowledgedRole, "acknowledged"}};
}

void NotificationModel::setCapacity(int capacity)
{
    capacity = std::max(1, capacity);
    if (capacity == m_capacity)
        return;
    m_capacity = capacity;
    trim();
    Q_EMIT capacityChanged();
}

void NotificationModel::add(const QList<Notification> &batch, qint64 unlisted)
{
    if (unlisted > 0) {
        m_unlisted += unlisted;
        Q_EMIT unlistedChanged();
    }
    if (batch.isEmpty())
        return;
    beginInsertRows({}, 0, int(batch.size()) - 1);
    for (const Notification &item : batch)
        m_items.prepend(item); // QList keeps room at its front: no copy of the rows already held
    endInsertRows();
    for (const Notification &item : batch)
        Q_EMIT notified(item.severity, item.title);
    setUnread(m_unread + int(batch.size()));
    trim();
    Q_EMIT countChanged();
}

void NotificationModel::notify(const QString &severity, const QString &source, const QString &title,
                               const QString &body)
{
    add({{severity, QDateTime::currentMSecsSinceEpoch(), source, {}, title, body, false}});
}

void NotificationModel::acknowledge(int row)
{
    if (row < 0 || row >= m_items.size() || m_items[row].acknowledged)
        return;
    m_items[row].acknowledged = true;
    Q_EMIT dataChanged(index(row), index(row), {AcknowledgedRole});
    setUnread(m_unread - 1);
}

void NotificationModel::acknowledgeAll()
{
    if (m_unread == 0)
        return;
    for (Notification &item : m_items)
        item.acknowledged = true;
    Q_EMIT dataChanged(index(0), index(int(m_items.size()) - 1), {AcknowledgedRole});
    setUnread(0);
}

void NotificationModel::clearAcknowledged()
{
    // Rows are removed in runs so a view keeps its place; unread ones stay.
    for (qsizetype row = m_items.size() - 1; row >= 0;) {
        if (!m_items[row].acknowledged) {
            --row;
            continue;
        }
        qsizetype first = row;
        while (first > 0 && m_items[first - 1].acknowledged)
            --first;
        beginRemoveRows({}, int(first), int(row));
        m_items.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    Q_EMIT countChanged();
}

void NotificationModel::clear()
{
    beginResetModel();
    m_items.clear();
    endResetModel();
    setUnread(0);
    Q_EMIT countChanged();
    if (m_unlisted > 0) {
        m_unlisted = 0;
        Q_EMIT unlistedChanged();
    }
}

void NotificationModel::trim()
{
    if (m_items.size() <= m_capacity)
        return;
    int droppedUnread = 0;
    for (qsizetype row = m_capacity; row < m_items.size(); ++row)
        droppedUnread += m_items[row].acknowledged ? 0 : 1;
    beginRemoveRows({}, m_capacity, int(m_items.size()) - 1);
    m_items.resize(m_capacity);
    endRemoveRows();
    setUnread(m_unread - droppedUnread);
    Q_EMIT countChanged();
}

void NotificationModel::setUnread(int unread)
{
    if (unread == m_unread)
        return;
    m_unread = unread;
    Q_EMIT unreadCountChanged();
}
