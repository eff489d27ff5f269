#include "dashboard.h"
#include "iotpanel.h"
#include "rawpanel.h"
#include "stockpanel.h"

#include <QAbstractItemModelTester>
#include <QTest>

class TestDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void panelPerEnabledSubscription();
    void routesEventsToTheirPanels();
    void rulesAndAlertsRaiseNotifications();
};

namespace {

Subscription subscription(const QString &id, Subscription::Panel panel)
{
    Subscription s = Subscription::create(id, QUrl("http://127.0.0.1:1/" + id), panel);
    s.id = id;
    return s;
}

CapturedEvent captured(const QString &subscription, const QString &type, const QString &data,
                       qint64 ms = 1000)
{
    CapturedEvent e;
    e.event = {type, data, {}};
    e.subscription = subscription;
    e.source = subscription;
    e.receivedMs = ms;
    return e;
}

} // namespace

void TestDashboard::panelPerEnabledSubscription()
{
    Dashboard dashboard;
    QAbstractItemModelTester tester(&dashboard);
    Subscription off = subscription("off", Subscription::Panel::Chart);
    off.enabled = false;
    dashboard.setSubscriptions(
        {subscription("s", Subscription::Panel::Stock), off, subscription("r", Subscription::Panel::Raw)});
    QCOMPARE(dashboard.rowCount(), 2);
    QCOMPARE(dashboard.index(0).data(Dashboard::KindRole).toString(), QStringLiteral("stock"));
    QCOMPARE(dashboard.index(1).data(Dashboard::KindRole).toString(), QStringLiteral("raw"));
    FeedPanel *stock = dashboard.panelFor("s");
    QVERIFY(qobject_cast<StockPanel *>(stock));

    // Same id and kind: the panel and its data stay; another kind gets a new panel.
    Subscription renamed = subscription("s", Subscription::Panel::Stock);
    renamed.name = "Quotes";
    dashboard.setSubscriptions({renamed, subscription("r", Subscription::Panel::Chart)});
    QCOMPARE(dashboard.panelFor("s"), stock);
    QCOMPARE(stock->title(), QStringLiteral("Quotes"));
    QCOMPARE(dashboard.panelFor("r")->kind(), QStringLiteral("chart"));
}

void TestDashboard::routesEventsToTheirPanels()
{
    Dashboard dashboard;
    dashboard.setSubscriptions({subscription("s", Subscription::Panel::Stock),
                                subscription("i", Subscription::Panel::IoT),
                                subscription("r", Subscription::Panel::Raw)});
    dashboard.ingest(
        {captured("s", "quote", R"({"symbol":"AAPL","price":101.5,"time":"2026-11-24T13:00:00Z"})"),
         captured("i", "reading", R"({"device":"d1","sensor":"temperature","value":21,"unit":"°C"})"),
         captured("i", "status", R"({"device":"d2","state":"offline"})"),
         captured("r", "message", "not json"), captured("gone", "quote", R"({"symbol":"X","price":1})"),
         captured("s", "quote", "broken {")},
        2000);
    auto *stock = qobject_cast<StockPanel *>(dashboard.panelFor("s"));
    QCOMPARE(stock->quotes()->rowCount(), 1);
    QCOMPARE(stock->quotes()->index(0).data(QuoteModel::PriceRole).toDouble(), 101.5);
    QCOMPARE(stock->chart()->pointCount("AAPL"), 1);
    auto *iot = qobject_cast<IotPanel *>(dashboard.panelFor("i"));
    QCOMPARE(iot->devices()->rowCount(), 2);
    QCOMPARE(iot->devices()->index(1).data(DeviceModel::OnlineRole).toBool(), false);
    QCOMPARE(iot->chart()->seriesNames(), QStringList{"d1 · temperature"});
    auto *raw = qobject_cast<RawPanel *>(dashboard.panelFor("r"));
    QCOMPARE(raw->events()->rowCount(), 1); // flushed with the batch
}

void TestDashboard::rulesAndAlertsRaiseNotifications()
{
    Dashboard dashboard;
    Subscription iot = subscription("i", Subscription::Panel::IoT);
    iot.rules = {{ThresholdRule::Kind::Above, 30, "temperature", "critical"}};
    dashboard.setSubscriptions({iot});
    auto reading = [](double value) {
        return captured("i", "reading",
                        QStringLiteral(R"({"device":"d1","sensor":"temperature","value":%1})").arg(value));
    };
    QList<Notification> raised = dashboard.ingest(
        {reading(25), reading(31), reading(35),
         captured("i", "alert", R"({"device":"d1","level":"warning","message":"fan slow"})")},
        2000);
    QCOMPARE(raised.size(), 2);
    QCOMPARE(raised[0].severity, QStringLiteral("critical"));
    QCOMPARE(raised[0].title, QStringLiteral("d1 · temperature above 30"));
    QCOMPARE(raised[0].body, QStringLiteral("d1 · temperature is 31 (limit 30)."));
    QCOMPARE(raised[1].title, QStringLiteral("d1"));
    QCOMPARE(raised[1].body, QStringLiteral("fan slow"));
    // Still above: no new notification until it has been back under.
    QVERIFY(dashboard.ingest({reading(36)}, 3000).isEmpty());
    QCOMPARE(dashboard.ingest({reading(20), reading(32)}, 4000).size(), 1);
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
