// SPDX-License-Identifier: GPL-3.0-or-later
#include "subscription.h"
#include "thresholdmonitor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class TestThresholdMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsOnCrossingOnly();
    void changePercentFromFirstValue();
    void seriesFilter();
    void rulesRoundTripThroughSubscriptionJson();
    void badRulesAreClearErrors_data();
    void badRulesAreClearErrors();
};

namespace {

QList<double> breachedValues(ThresholdMonitor &monitor, const QString &series, const QList<double> &values)
{
    QList<double> breached;
    for (double value : values) {
        for (const ThresholdMonitor::Breach &breach : monitor.check({series, value, 0}))
            breached << breach.value;
    }
    return breached;
}

} // namespace

void TestThresholdMonitor::reportsOnCrossingOnly()
{
    ThresholdMonitor monitor;
    monitor.setRules({{ThresholdRule::Kind::Above, 30, {}, QStringLiteral("critical")}});
    // 29.8 is inside, but not by the 1 % margin (0.3): no re-arm, so 30.5 stays quiet; 29 re-arms.
    QCOMPARE(breachedValues(monitor, "t", {25, 31, 33, 35, 29.8, 30.5, 29, 30, 30.5}),
             (QList<double>{31, 30.5}));

    ThresholdMonitor below;
    below.setRules({{ThresholdRule::Kind::Below, 10, {}, QStringLiteral("warning")}});
    QCOMPARE(breachedValues(below, "b", {9, 8, 12, 7}), (QList<double>{9, 7}));
}

void TestThresholdMonitor::changePercentFromFirstValue()
{
    ThresholdMonitor monitor;
    monitor.setRules({{ThresholdRule::Kind::ChangePercent, 2, {}, QStringLiteral("warning")}});
    // Baseline 100: 101.9 is within 2 %, 102.5 and 97.5 are beyond; re-arming needs a change of at most
    // 1.5 % (three quarters of the limit), so 101.8 does not re-arm and 100 does.
    QCOMPARE(breachedValues(monitor, "AAPL", {100, 101.9, 102.5, 103, 101.8, 102.4, 100, 97.5}),
             (QList<double>{102.5, 97.5}));
    // Each series has its own baseline.
    QCOMPARE(breachedValues(monitor, "MSFT", {400, 404, 409}), (QList<double>{409}));
}

void TestThresholdMonitor::seriesFilter()
{
    ThresholdMonitor monitor;
    monitor.setRules(
        {{ThresholdRule::Kind::Above, 30, QStringLiteral("temperature"), QStringLiteral("info")}});
    QCOMPARE(breachedValues(monitor, "sensor-01 · humidity", {50, 60}), QList<double>{});
    const QList<ThresholdMonitor::Breach> breaches = monitor.check({"sensor-01 · temperature", 31, 0});
    QCOMPARE(breaches.size(), 1);
    QCOMPARE(breaches.first().series, QStringLiteral("sensor-01 · temperature"));
    QCOMPARE(breaches.first().rule.describe(), QStringLiteral("temperature above 30"));
}

void TestThresholdMonitor::rulesRoundTripThroughSubscriptionJson()
{
    Subscription subscription =
        Subscription::create("Stocks", QUrl("http://127.0.0.1:1/stocks"), Subscription::Panel::Stock);
    subscription.rules = {{ThresholdRule::Kind::ChangePercent, 1.5, "AAPL", "critical"},
                          {ThresholdRule::Kind::Below, -3, {}, "info"}};
    QStringList errors;
    const Subscription back = Subscription::fromJson(subscription.toJson(), &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));
    QCOMPARE(back.rules.size(), 2);
    QCOMPARE(back.rules[0].kind, ThresholdRule::Kind::ChangePercent);
    QCOMPARE(back.rules[0].limit, 1.5);
    QCOMPARE(back.rules[0].series, QStringLiteral("AAPL"));
    QCOMPARE(back.rules[0].severity, QStringLiteral("critical"));
    QCOMPARE(back.rules[1].kind, ThresholdRule::Kind::Below);
    QCOMPARE(back.rules[1].limit, -3.0);
}

void TestThresholdMonitor::badRulesAreClearErrors_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown kind") << QByteArray(R"({"kind":"over","limit":1})")
                                  << "Feed: rules: kind 'over' is not one of above, below, changePercent";
    QTest::newRow("limit not a number") << QByteArray(R"({"kind":"above","limit":"high"})")
                                        << "Feed: rules: the limit of a 'above' rule must be a number";
    QTest::newRow("change of zero") << QByteArray(R"({"kind":"changePercent","limit":0})")
                                    << "Feed: rules: a change limit must be a percentage above 0";
    QTest::newRow("bad severity") << QByteArray(R"({"kind":"below","limit":1,"severity":"panic"})")
                                  << "Feed: rules: severity 'panic' is not one of info, warning, critical";
}

void TestThresholdMonitor::badRulesAreClearErrors()
{
    QFETCH(QByteArray, rule);
    QFETCH(QString, error);
    QJsonObject object =
        Subscription::create("Feed", QUrl("http://127.0.0.1:1/"), Subscription::Panel::Chart).toJson();
    object.insert("rules", QJsonArray{QJsonDocument::fromJson(rule).object()});
    QStringList errors;
    const Subscription subscription = Subscription::fromJson(object, &errors);
    QCOMPARE(errors, QStringList{error});
    QVERIFY(subscription.rules.isEmpty());
}

QTEST_GUILESS_MAIN(TestThresholdMonitor)
#include "tst_thresholdmonitor.moc"
