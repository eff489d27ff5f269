// SPDX-License-Identifier: GPL-3.0-or-later
#include "subscriptionlistmodel.h"

#include "displayurl.h"

QString SubscriptionListModel::stateName(bool enabled, EventSource::ReadyState state)
{
    return enabled ? SubscriptionStatus::stateName(state) : QStringLiteral("disabled");
}

SubscriptionListModel::SubscriptionListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int SubscriptionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_subscriptions.size());
}

QVariant SubscriptionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Subscription &subscription = m_subscriptions[index.row()];
    const SubscriptionStatus status = m_statuses.value(subscription.id);
    switch (role) {
    case IdRole:
        return subscription.id;
    case NameRole:
    case Qt::DisplayRole:
        return subscription.name;
    case UrlRole:
        return displayUrl(subscription.request.url);
    case PanelRole:
        return Subscription::panelName(subscription.panel);
    case EnabledRole:
        return subscription.enabled;
    case StateRole:
        return stateName(subscription.enabled, status.state);
    case EventsRole:
        return status.events;
    case EventsPerSecondRole:
        return status.eventsPerSecond;
    case BytesRole:
        return status.bytes;
    case ReconnectsRole:
        return status.reconnects;
    case GapsRole:
        return status.gaps;
    case LastErrorRole:
        return status.lastError;
    case LastEventRole:
        return status.lastEventMs;
    case LaggingRole:
        return status.laggingMs;
    case BytesWaitingRole:
        return status.bytesWaiting;
    default:
        return {};
    }
}

bool SubscriptionListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != EnabledRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    setEnabled(index.row(), value.toBool());
    return true;
}

Qt::ItemFlags SubscriptionListModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags flags = QAbstractListModel::flags(index);
    return index.isValid() ? flags | Qt::ItemIsEditable : flags; // the enable switch edits rows, nothing else
}

QHash<int, QByteArray> SubscriptionListModel::roleNames() const
{
    return {{IdRole, "subscriptionId"},
            {NameRole, "name"},
            {UrlRole, "url"},
            {PanelRole, "panel"},
            {EnabledRole, "isEnabled"},
            {StateRole, "connectionState"},
            {EventsRole, "events"},
            {EventsPerSecondRole, "eventsPerSecond"},
            {BytesRole, "bytes"},
            {ReconnectsRole, "reconnects"},
            {GapsRole, "gaps"},
            {LastErrorRole, "lastError"},
            {LastEventRole, "lastEvent"},
            {LaggingRole, "laggingMs"},
            {BytesWaitingRole, "bytesWaiting"}};
}

void SubscriptionListModel::setSubscriptions(const QList<Subscription> &subscriptions)
{
    beginResetModel();
    m_subscriptions = subscriptions;
    endResetModel();
    Q_EMIT countChanged();
    Q_EMIT totalsChanged();
}

void SubscriptionListModel::updateStatuses(const QList<SubscriptionStatus> &statuses)
{
    for (const SubscriptionStatus &status : statuses)
        m_statuses.insert(status.id, status);
    if (!m_subscriptions.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_subscriptions.size()) - 1)); // one update for the whole list
    Q_EMIT totalsChanged();
}

void SubscriptionListModel::setEnabled(int row, bool enabled)
{
    if (row < 0 || row >= m_subscriptions.size() || m_subscriptions[row].enabled == enabled)
        return;
    m_subscriptions[row].enabled = enabled;
    Q_EMIT dataChanged(index(row), index(row), {EnabledRole, StateRole});
    Q_EMIT subscriptionsEdited(m_subscriptions);
}

double SubscriptionListModel::totalEventsPerSecond() const
{
    double total = 0;
    for (const Subscription &subscription : m_subscriptions)
        total += subscription.enabled ? m_statuses.value(subscription.id).eventsPerSecond : 0;
    return total;
}

int SubscriptionListModel::openCount() const
{
    return int(std::count_if(m_subscriptions.cbegin(), m_subscriptions.cend(), [this](const Subscription &s) {
        return s.enabled && m_statuses.value(s.id).state == EventSource::ReadyState::Open;
    }));
}
