// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboard.h"

#include "chartfeeder.h"
#include "chartpanel.h"
#include "iotpanel.h"
#include "notificationspanel.h"
#include "progresspanel.h"
#include "rawpanel.h"
#include "stockpanel.h"
#include "subscriptionlistmodel.h"
#include "textpanel.h"

namespace {

FeedPanel *createPanel(const Subscription &subscription, QObject *parent)
{
    switch (subscription.panel) {
    case Subscription::Panel::Stock:
        return new StockPanel(subscription.id, parent);
    case Subscription::Panel::IoT:
        return new IotPanel(subscription.id, subscription.mapping, parent);
    case Subscription::Panel::Progress:
        return new ProgressPanel(subscription.id, parent);
    case Subscription::Panel::Notifications:
        return new NotificationsPanel(subscription.id, parent);
    case Subscription::Panel::Chart:
        return new ChartPanel(subscription.id, parent);
    case Subscription::Panel::Text:
        return new TextPanel(subscription.id, parent);
    case Subscription::Panel::Raw:
        break;
    }
    return new RawPanel(subscription.id, parent);
}

} // namespace

Dashboard::Dashboard(QObject *parent)
    : QAbstractListModel(parent)
{}

Dashboard::~Dashboard() = default;

int Dashboard::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_routes.size());
}

QVariant Dashboard::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Route &route = m_routes[index.row()];
    switch (role) {
    case PanelRole:
        return QVariant::fromValue(route.panel);
    case KindRole:
        return route.panel->kind();
    case TitleRole:
    case Qt::DisplayRole:
        return route.subscription.name;
    case SubscriptionRole:
        return route.subscription.id;
    default:
        return {};
    }
}

QHash<int, QByteArray> Dashboard::roleNames() const
{
    return {
        {PanelRole, "panel"}, {KindRole, "kind"}, {TitleRole, "title"}, {SubscriptionRole, "subscriptionId"}};
}

void Dashboard::setSubscriptions(const QList<Subscription> &subscriptions)
{
    QList<Route> routes;
    for (const Subscription &subscription : subscriptions) {
        if (!subscription.enabled)
            continue;
        Route route;
        route.subscription = subscription;
        const auto kept = std::find_if(m_routes.begin(), m_routes.end(), [&subscription](const Route &r) {
            return r.panel && r.subscription.id == subscription.id &&
                   r.subscription.panel == subscription.panel;
        });
        if (kept != m_routes.end()) {
            route.panel = std::exchange(kept->panel, nullptr);
            route.panel->setMapping(subscription.mapping);
        } else {
            route.panel = createPanel(subscription, this);
            if (ChartFeeder *chart = route.panel->chart()) {
                const QString id = subscription.id;
                connect(chart, &ChartFeeder::viewChanged, this,
                        [this, id, chart] { Q_EMIT chartViewChanged(id, chart->view()); });
                Q_EMIT chartViewChanged(id, chart->view());
            }
        }
        route.panel->setTitle(subscription.name);
        routes.append(std::move(route));
    }
    beginResetModel();
    // Panels left behind are deleted later: a view may still hold them until the reset has reached it.
    for (Route &old : m_routes) {
        if (old.panel)
            old.panel->deleteLater();
    }
    m_routes = std::move(routes);
    endResetModel();
    Q_EMIT countChanged();
}

void Dashboard::apply(const QHash<QString, PanelFrame> &panels, qint64 nowMs)
{
    for (auto it = panels.cbegin(); it != panels.cend(); ++it) {
        FeedPanel *panel = panelFor(it.key());
        if (!panel)
            continue; // a disabled or removed subscription's last events: logged, not charted
        for (const PanelRecord &record : it->records)
            panel->ingest({record.event, record.object, record.sample, record.notification});
        panel->ingestText(it->text, it->textSkipped);
        if (it->chart && panel->chart())
            panel->chart()->apply(*it->chart);
    }
    tick(nowMs);
}

void Dashboard::tick(qint64 nowMs)
{
    for (const Route &route : std::as_const(m_routes))
        route.panel->flush(nowMs);
}

FeedPanel *Dashboard::panelFor(const QString &subscriptionId) const
{
    for (const Route &route : m_routes) {
        if (route.subscription.id == subscriptionId)
            return route.panel;
    }
    return nullptr;
}

void Dashboard::updateStatuses(const QList<SubscriptionStatus> &statuses)
{
    for (const SubscriptionStatus &status : statuses) {
        if (FeedPanel *panel = panelFor(status.id))
            panel->setStatus(SubscriptionListModel::stateName(true, status.state), status.eventsPerSecond,
                             status.lastError);
    }
}
