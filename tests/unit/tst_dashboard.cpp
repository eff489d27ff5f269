// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboard.h"
#include "feeddigester.h"
#include "feedtestdata.h"
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
};

namespace {

// The frame FeedHub's worker makes of `events`, with each subscription's digester as the worker has it.
FeedFrame digested(const QList<Subscription> &subscriptions, const QList<CapturedEvent> &events, qint64 nowMs)
{
    QHash<QString, FeedDigester> digesters;
    for (const Subscription &s : subscriptions)
        digesters.insert(s.id, FeedDigester(s));
    FeedFrame frame;
    for (const CapturedEvent &event : events) {
        frame.addEvent(event);
        const auto found = digesters.find(event.subscription);
        if (found != digesters.end())
            found->digest(event, frame);
    }
    for (auto it = digesters.begin(); it != digesters.end(); ++it) {
        if (std::optional<ChartFrame> chart = it->chartFrame(nowMs))
            frame.panels[it.key()].chart = chart;
    }
    return frame;
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
    const QList<Subscription> subscriptions{subscription("s", Subscription::Panel::Stock),
                                            subscription("i", Subscription::Panel::IoT),
                                            subscription("r", Subscription::Panel::Raw)};
    dashboard.setSubscriptions(subscriptions);
    const FeedFrame frame = digested(
        subscriptions,
        {captured("s", "quote", R"({"symbol":"AAPL","price":101.5,"time":"2026-11-24T13:00:00Z"})"),
         captured("i", "reading", R"({"device":"d1","sensor":"temperature","value":21,"unit":"°C"})"),
         captured("i", "status", R"({"device":"d2","state":"offline"})"),
         captured("r", "message", "not json"), captured("gone", "quote", R"({"symbol":"X","price":1})"),
         captured("s", "quote", "broken {")},
        2000);
    dashboard.apply(frame.panels, 2000);
    auto *stock = qobject_cast<StockPanel *>(dashboard.panelFor("s"));
    QCOMPARE(stock->quotes()->rowCount(), 1);
    QCOMPARE(stock->quotes()->index(0).data(QuoteModel::PriceRole).toDouble(), 101.5);
    QCOMPARE(stock->chart()->pointCount("AAPL"), 1);
    auto *iot = qobject_cast<IotPanel *>(dashboard.panelFor("i"));
    QCOMPARE(iot->devices()->rowCount(), 2);
    QCOMPARE(iot->devices()->index(1).data(DeviceModel::OnlineRole).toBool(), false);
    QCOMPARE(iot->chart()->seriesNames(), QStringList{"d1 · temperature"});
    auto *raw = qobject_cast<RawPanel *>(dashboard.panelFor("r"));
    QCOMPARE(raw->events()->rowCount(), 1); // flushed with the frame
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
