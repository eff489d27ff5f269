// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedframe.h"
#include "subscription.h"
#include "subscriptionstatus.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class FeedPanel;

// The Dashboard page: one panel per subscription, of the subscription's panel kind. Each FeedHub frame's
// panel records and chart frames (worked out on the worker) go to their panels, then every panel flushes
// once, so the views see one update a frame. What the panels' charts show goes back to FeedHub.
class Dashboard : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application provides the dashboard")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        PanelRole = Qt::UserRole + 1, // the FeedPanel
        KindRole,
        TitleRole,
        SubscriptionRole,
    };
    Q_ENUM(Role)

    explicit Dashboard(QObject *parent = nullptr);
    ~Dashboard() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Panels follow the enabled subscriptions; a panel whose subscription keeps its kind keeps its data.
    void setSubscriptions(const QList<Subscription> &subscriptions);
    // Hands each panel its share of a frame.
    void apply(const QHash<QString, PanelFrame> &panels, qint64 nowMs);
    // Lets idle charts slide on and silent devices go offline.
    void tick(qint64 nowMs);
    Q_INVOKABLE FeedPanel *panelFor(const QString &subscriptionId) const;
    void updateStatuses(const QList<SubscriptionStatus> &statuses);

Q_SIGNALS:
    void countChanged();
    // The charts of `subscriptionId`'s panel show something else now (window, width, series).
    void chartViewChanged(const QString &subscriptionId, const ChartView &view);

private:
    struct Route
    {
        Subscription subscription;
        FeedPanel *panel = nullptr;
    };

    QList<Route> m_routes; // in the order of the subscriptions
};
