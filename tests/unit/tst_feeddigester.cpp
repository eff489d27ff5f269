// SPDX-License-Identifier: GPL-3.0-or-later
// What FeedHub's worker makes of events for the GUI: notifications from alerts and rules, one record per
// key, chart frames cut to what is shown and stepped in time, frames whose size stays bounded, and a text
// panel's pieces, every one, with where its messages end.
#include "feeddigester.h"
#include "feedtestdata.h"

#include <QTest>

class TestFeedDigester : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rulesAndAlertsRaiseNotifications();
    void newerRecordsReplaceOlderOfTheirKey();
    void chartFramesCarryShownSeriesOnly();
    void chartFramesStepInTimeAndComeOnlyOnChange();
    void framesStayBounded();
    void textPiecesFollowThePointerAndTheEnd();
};

namespace {

CapturedEvent quote(const QString &symbol, double price, qint64 ms)
{
    return captured("s", "quote", QStringLiteral(R"({"symbol":"%1","price":%2})").arg(symbol).arg(price), ms);
}

} // namespace

void TestFeedDigester::rulesAndAlertsRaiseNotifications()
{
    Subscription iot = subscription("i", Subscription::Panel::IoT);
    iot.rules = {{ThresholdRule::Kind::Above, 30, "temperature", "critical"}};
    FeedDigester digester(iot);
    auto reading = [](double value) {
        return captured("i", "reading",
                        QStringLiteral(R"({"device":"d1","sensor":"temperature","value":%1})").arg(value));
    };
    FeedFrame frame;
    for (const CapturedEvent &event :
         {reading(25), reading(31), reading(35),
          captured("i", "alert", R"({"device":"d1","level":"warning","message":"fan slow"})")})
        digester.digest(event, frame);
    QCOMPARE(frame.notifications.size(), 2);
    QCOMPARE(frame.notifications[0].severity, QStringLiteral("critical"));
    QCOMPARE(frame.notifications[0].title, QStringLiteral("d1 · temperature above 30"));
    QCOMPARE(frame.notifications[0].body, QStringLiteral("d1 · temperature is 31 (limit 30)."));
    QCOMPARE(frame.notifications[1].title, QStringLiteral("d1"));
    QCOMPARE(frame.notifications[1].body, QStringLiteral("fan slow"));
    // Still above: no new notification until it has been back under.
    FeedFrame next;
    digester.digest(reading(36), next);
    QVERIFY(next.notifications.isEmpty());
    digester.digest(reading(20), next);
    digester.digest(reading(32), next);
    QCOMPARE(next.notifications.size(), 1);
}

void TestFeedDigester::newerRecordsReplaceOlderOfTheirKey()
{
    FeedDigester stocks(subscription("s", Subscription::Panel::Stock));
    FeedFrame frame;
    for (int i = 0; i < 1000; ++i) {
        stocks.digest(quote("AAPL", 100 + i, 1000 + i), frame);
        stocks.digest(quote("MSFT", 400 - i, 1000 + i), frame);
    }
    stocks.digest(captured("s", "quote", "not json"), frame); // nothing a stock panel can show
    const QList<PanelRecord> &records = frame.panels["s"].records;
    QCOMPARE(records.size(), 2);
    QCOMPARE(records[0].sample->series, QStringLiteral("AAPL"));
    QCOMPARE(records[0].sample->value, 1099.0);
    QCOMPARE(records[1].sample->value, -599.0);

    FeedDigester jobs(subscription("p", Subscription::Panel::Progress));
    for (int i = 0; i < 10; ++i)
        jobs.digest(
            captured("p", "progress", QStringLiteral(R"({"job":"j%1","percent":%2})").arg(i % 3).arg(i)),
            frame);
    QCOMPARE(frame.panels["p"].records.size(), 3);

    // A raw panel gets every event, up to what it can show; the newest stay.
    FeedDigester raw(subscription("r", Subscription::Panel::Raw));
    for (int i = 0; i < PanelFrame::MaxUnkeyedRecords + 10; ++i)
        raw.digest(captured("r", "message", QString::number(i)), frame);
    QCOMPARE(frame.panels["r"].records.size(), PanelFrame::MaxUnkeyedRecords);
    QCOMPARE(frame.panels["r"].records.constLast().event.event.data,
             QString::number(PanelFrame::MaxUnkeyedRecords + 9));
}

void TestFeedDigester::chartFramesCarryShownSeriesOnly()
{
    FeedDigester digester(subscription("s", Subscription::Panel::Stock));
    const qint64 now = 1795957262000;
    FeedFrame frame;
    for (int i = 0; i < 50000; ++i)
        digester.digest(quote("AAPL", 100 + i % 10, now - 50000 + i), frame);
    digester.digest(quote("MSFT", 400, now - 1000), frame);
    digester.digest(quote("OLD", 1, now - 2 * 3600000), frame); // older than the longest window

    digester.setChartView({1, 200, {"AAPL"}});
    std::optional<ChartFrame> chart = digester.chartFrame(now);
    QVERIFY(chart);
    QCOMPARE(chart->names, (QStringList{"AAPL", "MSFT", "OLD"}));
    QCOMPARE(chart->series["AAPL"].held, 50000);
    QVERIFY(chart->series["AAPL"].points.size() <= 4 * 200);
    QVERIFY(chart->series["AAPL"].points.size() >= 200);
    QCOMPARE(chart->series["AAPL"].latest, 109.0);
    QVERIFY(chart->series["MSFT"].points.isEmpty()); // not shown: no points cut for it
    QCOMPARE(chart->series["MSFT"].latest, 400.0);
    QCOMPARE(chart->series["OLD"].held, 0); // let go with the window
}

void TestFeedDigester::chartFramesStepInTimeAndComeOnlyOnChange()
{
    FeedDigester digester(subscription("s", Subscription::Panel::Stock));
    digester.setChartView({1, 400, {"AAPL"}});
    const qint64 step = 60000 / FeedDigester::XSteps;
    const qint64 now = 1795957262000 / step * step + 100;
    FeedFrame frame;
    digester.digest(quote("AAPL", 1, now), frame);
    const std::optional<ChartFrame> first = digester.chartFrame(now);
    QVERIFY(first);
    QCOMPARE(first->toMs, now - 100 + step); // the next step after now
    QCOMPARE(first->fromMs, first->toMs - 60000);
    QVERIFY(!digester.chartFrame(now + 50)); // nothing new, same step: nothing to redraw
    digester.digest(quote("AAPL", 2, now + 60), frame);
    const qint64 columnMs = 60000 / 400;               // the time a pixel column of the plot spans
    QVERIFY(!digester.chartFrame(now + columnMs - 1)); // new points, but the line cannot have moved yet
    const std::optional<ChartFrame> second = digester.chartFrame(now + columnMs);
    QVERIFY(second);
    QCOMPARE(second->toMs, first->toMs); // new points, same axis range
    QCOMPARE(second->series["AAPL"].points.size(), 2);
    const std::optional<ChartFrame> moved = digester.chartFrame(now + step);
    QVERIFY(moved); // time crossed a step: the axis moves on, even without new points
    QCOMPARE(moved->toMs, first->toMs + step);
    digester.setChartView({5, 400, {"AAPL"}});
    const std::optional<ChartFrame> wider = digester.chartFrame(now + step);
    QVERIFY(wider);
    QCOMPARE(wider->toMs - wider->fromMs, 5 * 60000);
}

void TestFeedDigester::framesStayBounded()
{
    FeedFrame pending;
    for (int i = 0; i < FeedFrame::MaxLogRows + 100; ++i)
        pending.addEvent(captured("r", "message", QString::number(i)));
    QCOMPARE(pending.events, FeedFrame::MaxLogRows + 100);
    QCOMPARE(pending.log.size(), FeedFrame::MaxLogRows);
    QCOMPARE(pending.logSkipped, 100);
    QCOMPARE(pending.log.constFirst().event.data, QStringLiteral("100")); // the newest stay

    FeedFrame later;
    later.addEvent(captured("r", "message", "last"));
    later.panels["s"].add({quote("AAPL", 2, 1), {}, {}, {}, "AAPL"});
    pending.panels["s"].add({quote("AAPL", 1, 0), {}, {}, {}, "AAPL"});
    pending.merge(std::move(later), 50);
    QCOMPARE(pending.events, FeedFrame::MaxLogRows + 101);
    QCOMPARE(pending.log.size(), 50);
    QCOMPARE(pending.logSkipped, FeedFrame::MaxLogRows + 101 - 50);
    QCOMPARE(pending.log.constLast().event.data, QStringLiteral("last"));
    QCOMPARE(pending.panels["s"].records.size(), 1); // the later quote replaced the earlier
    QCOMPARE(pending.panels["s"].records[0].event.receivedMs, 1);
}

void TestFeedDigester::textPiecesFollowThePointerAndTheEnd()
{
    Subscription chat = subscription("c", Subscription::Panel::Text);
    chat.mapping.value = "/choices/0/delta/content";
    FeedDigester digester(chat);
    const auto chunk = [](const QString &delta) {
        return captured("c", "message", QStringLiteral(R"({"choices":[{"delta":%1}]})").arg(delta));
    };
    FeedFrame frame;
    for (const CapturedEvent &event :
         {chunk(R"({"role":"assistant"})"), chunk(R"({"content":"Hel"})"), chunk(R"({"content":"lo"})"),
          chunk("{}"), captured("c", "message", " [DONE] ")})
        digester.digest(event, frame);
    const QList<TextPiece> &pieces = frame.panels["c"].text;
    QCOMPARE(pieces.size(), 5);
    QCOMPARE(pieces[1].text + pieces[2].text, QString("Hello"));
    QVERIFY(pieces[0].text.isEmpty() && !pieces[0].endsMessage);
    QVERIFY(pieces[4].text.isEmpty() && pieces[4].endsMessage);
    QVERIFY(frame.panels["c"].records.isEmpty());

    // Without a pointer the whole data is the text; an event type may end the message instead.
    chat.mapping.value.clear();
    chat.messageEnd = {{}, "message_stop"};
    digester.setSubscription(chat);
    FeedFrame log;
    digester.digest(captured("c", "line", "disk 91% full"), log);
    digester.digest(captured("c", "message_stop", ""), log);
    digester.digest(captured("c", "line", "[DONE]"), log); // not a marker any more
    QCOMPARE(log.panels["c"].text.size(), 3);
    QCOMPARE(log.panels["c"].text[0].text, QString("disk 91% full"));
    QVERIFY(log.panels["c"].text[1].endsMessage);
    QCOMPARE(log.panels["c"].text[2].text, QString("[DONE]"));

    // A flood keeps the newest pieces up to the bound and counts the rest.
    FeedFrame flood;
    for (qsizetype i = 0; i < PanelFrame::MaxTextPieces + 7; ++i)
        digester.digest(captured("c", "line", "x"), flood);
    QCOMPARE(flood.panels["c"].text.size(), PanelFrame::MaxTextPieces);
    QCOMPARE(flood.panels["c"].textSkipped, 7);
}

QTEST_GUILESS_MAIN(TestFeedDigester)
#include "tst_feeddigester.moc"
