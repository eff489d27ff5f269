#include "dashboard.h"

#include "chartpanel.h"
#include "iotpanel.h"
#include "notificationspanel.h"
#include "progresspanel.h"
#include "rawpanel.h"
#include "stockpanel.h"
#include "subscriptionlistmodel.h"

#include <QJsonDocument>

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
    case Subscription::Panel::Raw:
        break;
    }
    return new RawPanel(subscription.id, parent);
}

QJsonObject objectOf(const QString &data)
{
    // Only what looks like an object is worth a parse: most non-JSON feeds fail on the first character.
    const qsizetype start = data.indexOf(QLatin1Char('{'));
    if (start < 0 || !data.left(start).trimmed().isEmpty())
        return {};
    return QJsonDocument::fromJson(data.toUtf8()).object();
}

QString breachBody(const ThresholdMonitor::Breach &breach)
{
    if (breach.rule.kind != ThresholdRule::Kind::ChangePercent)
        return QStringLiteral("%1 is %2 (limit %3).")
            .arg(breach.series)
            .arg(breach.value)
            .arg(breach.rule.limit);
    const double change = (breach.value - breach.baseline) / breach.baseline * 100.0;
    return QStringLiteral("%1 is %2, %3%4 % from %5.")
        .arg(breach.series)
        .arg(breach.value)
        .arg(change > 0 ? QStringLiteral("+") : QString())
        .arg(change, 0, 'f', 2)
        .arg(breach.baseline);
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
        }
        route.panel->setTitle(subscription.name);
        route.monitor.setRules(subscription.rules);
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

QList<Notification> Dashboard::ingest(const QList<CapturedEvent> &batch, qint64 nowMs)
{
    QList<Notification> raised;
    Route *route = nullptr;
    for (const CapturedEvent &event : batch) {
        if (!route || route->subscription.id != event.subscription) {
            const auto found = std::find_if(m_routes.begin(), m_routes.end(), [&event](const Route &r) {
                return r.subscription.id == event.subscription;
            });
            route = found == m_routes.end() ? nullptr : &*found;
        }
        const QJsonObject object = objectOf(event.event.data);
        const std::optional<Notification> notification = Notification::fromEvent(event, object);
        if (notification)
            raised.append(*notification);
        if (!route)
            continue; // a disabled or removed subscription's last events: logged, not charted
        const std::optional<FieldMapping::Sample> sample =
            route->subscription.mapping.extractFromJson(object, event.receivedMs);
        if (sample) {
            for (const ThresholdMonitor::Breach &breach : route->monitor.check(*sample))
                raised.append({breach.rule.severity, event.receivedMs, event.source, event.subscription,
                               breach.rule.describe(breach.series), breachBody(breach), false});
        }
        route->panel->ingest({event, object, sample, notification});
    }
    tick(nowMs);
    return raised;
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
