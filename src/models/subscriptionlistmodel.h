// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "subscription.h"
#include "subscriptionstatus.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

// The sidebar: each subscription with its live status (state, counters, last error). Editing from the
// view (the enable switch) changes the list and says so through subscriptionsEdited(), so the profile is
// saved and FeedHub follows.
class SubscriptionListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application provides the subscriptions")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(double totalEventsPerSecond READ totalEventsPerSecond NOTIFY totalsChanged)
    Q_PROPERTY(int openCount READ openCount NOTIFY totalsChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        UrlRole,
        PanelRole, // "stock", "iot", …
        EnabledRole,
        StateRole, // "connecting", "open", "closed", "disabled"
        EventsRole,
        EventsPerSecondRole,
        BytesRole,
        ReconnectsRole,
        GapsRole,
        LastErrorRole,
        LastEventRole,
        LaggingRole,
        BytesWaitingRole,
    };
    Q_ENUM(Role)

    explicit SubscriptionListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    const QList<Subscription> &subscriptions() const { return m_subscriptions; }
    void setSubscriptions(const QList<Subscription> &subscriptions);
    void updateStatuses(const QList<SubscriptionStatus> &statuses);

    Q_INVOKABLE void setEnabled(int row, bool enabled);
    // The id of the subscription in `row`; empty when there is none.
    Q_INVOKABLE QString idAt(int row) const
    {
        return row >= 0 && row < m_subscriptions.size() ? m_subscriptions[row].id : QString();
    }
    double totalEventsPerSecond() const;
    int openCount() const;
    // "connecting", "open", "closed" or "disabled", as views show a subscription's state.
    static QString stateName(bool enabled, EventSource::ReadyState state);

Q_SIGNALS:
    void countChanged();
    void totalsChanged();
    void subscriptionsEdited(const QList<Subscription> &subscriptions);

private:
    QList<Subscription> m_subscriptions;
    QHash<QString, SubscriptionStatus> m_statuses;
};
