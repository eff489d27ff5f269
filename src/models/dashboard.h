#pragma once

#include "capturedevent.h"
#include "notification.h"
#include "subscription.h"
#include "subscriptionstatus.h"
#include "thresholdmonitor.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class FeedPanel;

// The Dashboard page: one panel per subscription, of the subscription's panel kind. A batch from FeedHub
// is routed event by event to its panel (each event's JSON parsed once), checked against the
// subscription's threshold rules, and then every panel flushes once, so the views see one update a tick.
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
    // Routes a batch to the panels and returns the notifications it raised (from events and rules).
    QList<Notification> ingest(const QList<CapturedEvent> &batch, qint64 nowMs);
    // Lets idle charts slide on and silent devices go offline.
    void tick(qint64 nowMs);
    Q_INVOKABLE FeedPanel *panelFor(const QString &subscriptionId) const;
    void updateStatuses(const QList<SubscriptionStatus> &statuses);

Q_SIGNALS:
    void countChanged();

private:
    struct Route
    {
        Subscription subscription;
        FeedPanel *panel = nullptr;
        ThresholdMonitor monitor;
    };

    QList<Route> m_routes; // in the order of the subscriptions
};
