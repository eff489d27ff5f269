// SPDX-License-Identifier: GPL-3.0-or-later
// The demo generators: documented JSON fields, determinism by seed, pacing, thresholds and job endings.
#include "iotfeed.h"
#include "jobfeed.h"
#include "notificationfeed.h"
#include "progressfeed.h"
#include "ratepacer.h"
#include "stockfeed.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

constexpr qint64 Start = 1795525262000;

QJsonObject json(const SseEvent &event)
{
    return QJsonDocument::fromJson(event.data.toUtf8()).object();
}

// Runs a generator over `seconds` of simulated time in 20 ms ticks.
QList<SseEvent> run(FeedGenerator &generator, int seconds)
{
    QList<SseEvent> events;
    for (qint64 t = Start; t <= Start + seconds * 1000; t += 20)
        generator.advance(t, events);
    return events;
}

} // namespace

class TestDemoFeeds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pacerKeepsTheRate_data();
    void pacerKeepsTheRate();
    void stockQuotes();
    void stockFeedIsDeterministic();
    void iotReadingsAlertsAndStatus();
    void notifications();
    void jobRunsToDone();
    void jobFailsAtItsStep();
    void progressFeedStartsJobs();
};

void TestDemoFeeds::pacerKeepsTheRate_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<int>("expected"); // over 10 s, plus the one a new feed sends at once
    QTest::newRow("0.3/s") << 0.3 << 4;
    QTest::newRow("5/s") << 5.0 << 51;
    QTest::newRow("7000/s") << 7000.0 << 70001;
}

void TestDemoFeeds::pacerKeepsTheRate()
{
    QFETCH(double, rate);
    QFETCH(int, expected);
    RatePacer pacer(rate);
    int total = 0;
    for (qint64 t = Start; t <= Start + 10000; t += 20)
        total += pacer.due(t);
    QCOMPARE(total, expected);
}

void TestDemoFeeds::stockQuotes()
{
    StockFeed feed({"AAPL", "MSFT"}, 10, 1);
    const QList<SseEvent> events = run(feed, 2);
    QCOMPARE(events.size(), 21);
    for (int i = 0; i < events.size(); ++i) {
        QCOMPARE(events[i].type, QString("quote"));
        const QJsonObject quote = json(events[i]);
        QCOMPARE(quote.value("symbol").toString(), QString(i % 2 ? "MSFT" : "AAPL"));
        QVERIFY(quote.value("price").toDouble() > 0);
        QVERIFY(quote.contains("change"));
        QVERIFY(quote.contains("changePercent"));
        QVERIFY(quote.value("volume").toInteger() > 0);
        QVERIFY(quote.value("time").toString().endsWith('Z'));
    }
}

void TestDemoFeeds::stockFeedIsDeterministic()
{
    StockFeed a({"X"}, 50, 7), b({"X"}, 50, 7), c({"X"}, 50, 8);
    const QList<SseEvent> first = run(a, 1), second = run(b, 1), other = run(c, 1);
    QCOMPARE(first, second);
    QVERIFY(first != other);
}

void TestDemoFeeds::iotReadingsAlertsAndStatus()
{
    IotFeed feed(3, 200, 3);
    const QList<SseEvent> events = run(feed, 60); // 12 000 events: thresholds and outages will happen
    QSet<QString> sensors, types, levels;
    for (const SseEvent &event : events) {
        types << event.type;
        const QJsonObject object = json(event);
        QVERIFY(object.value("device").toString().startsWith("sensor-0"));
        if (event.type == "reading") {
            sensors << object.value("sensor").toString() + " " + object.value("unit").toString();
            QVERIFY(object.value("value").isDouble());
        } else if (event.type == "alert") {
            levels << object.value("level").toString();
            QVERIFY(!object.value("message").toString().isEmpty());
        } else {
            QCOMPARE(event.type, QString("status"));
            QVERIFY(QStringList({"online", "offline"}).contains(object.value("state").toString()));
        }
    }
    QCOMPARE(sensors, (QSet<QString>{"temperature °C", "humidity %", "pressure hPa", "battery %"}));
    QCOMPARE(types, (QSet<QString>{"reading", "alert", "status"}));
    QVERIFY(levels.contains("warning"));
}

void TestDemoFeeds::notifications()
{
    NotificationFeed feed(20, 5);
    const QList<SseEvent> events = run(feed, 10);
    QSet<QString> levels;
    for (const SseEvent &event : events) {
        QCOMPARE(event.type, QString("notification"));
        const QJsonObject object = json(event);
        levels << object.value("level").toString();
        QVERIFY(!object.value("title").toString().isEmpty());
        QVERIFY(!object.value("body").toString().isEmpty());
    }
    QCOMPARE(levels, (QSet<QString>{"info", "warning", "critical"}));
}

void TestDemoFeeds::jobRunsToDone()
{
    JobFeed feed({"job-1", "build", 4, 100, 0}, Start);
    const QList<SseEvent> events = run(feed, 2);
    QCOMPARE(events.size(), 5);
    QStringList percents;
    for (const SseEvent &event : events)
        percents << event.type + ":" + QString::number(json(event).value("percent").toInt());
    QCOMPARE(percents, (QStringList{"progress:0", "progress:25", "progress:50", "progress:75", "done:100"}));
    QCOMPARE(json(events.last()).value("state").toString(), QString("done"));
    QCOMPARE(json(events.first()).value("eta").toDouble(), 0.4);
    QVERIFY(feed.finished());
}

void TestDemoFeeds::jobFailsAtItsStep()
{
    JobFeed feed({"job-2", "deploy", 10, 50, 3}, Start);
    const QList<SseEvent> events = run(feed, 2);
    QCOMPARE(events.size(), 4);
    QCOMPARE(events.last().type, QString("failed"));
    QVERIFY(json(events.last()).value("error").toString().contains("step 3 of 10"));
    QVERIFY(feed.finished());
}

void TestDemoFeeds::progressFeedStartsJobs()
{
    ProgressFeed feed(11);
    const QList<SseEvent> events = run(feed, 120);
    QSet<QString> jobs;
    int ended = 0;
    for (const SseEvent &event : events) {
        jobs << json(event).value("job").toString();
        ended += event.type == "done" || event.type == "failed";
    }
    QVERIFY2(jobs.size() >= 10, qPrintable(QString::number(jobs.size())));
    QVERIFY(ended >= 8);
    QVERIFY(!feed.finished());
}

QTEST_GUILESS_MAIN(TestDemoFeeds)
#include "tst_demofeeds.moc"
