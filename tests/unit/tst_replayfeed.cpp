// SPDX-License-Identifier: GPL-3.0-or-later
#include "replayfeed.h"

#include <QTest>

class TestReplayFeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsTheOriginalRhythm();
    void tenTimesFaster();
    void maximumSpeedIsBoundedPerCall();
    void pauseAndSeek();
};

namespace {

// Events 1 s apart, starting at an old capture time.
QList<CapturedEvent> events(int count)
{
    QList<CapturedEvent> list;
    for (int i = 0; i < count; ++i) {
        CapturedEvent e;
        e.event.id = QString::number(i + 1);
        e.receivedMs = 1000000 + i * 1000;
        list << e;
    }
    return list;
}

QStringList ids(ReplayFeed &feed, qint64 now)
{
    QList<CapturedEvent> out;
    feed.takeDue(now, out);
    QStringList list;
    for (const CapturedEvent &e : out)
        list << e.event.id;
    return list;
}

} // namespace

void TestReplayFeed::keepsTheOriginalRhythm()
{
    ReplayFeed feed(events(4), 5000);
    QCOMPARE(ids(feed, 5000), QStringList{"1"});
    QCOMPARE(ids(feed, 5999), QStringList{});
    QCOMPARE(ids(feed, 6000), QStringList{"2"});
    QCOMPARE(ids(feed, 8500), (QStringList{"3", "4"}));
    QVERIFY(feed.finished());
    QCOMPARE(ids(feed, 99999), QStringList{});
}

void TestReplayFeed::tenTimesFaster()
{
    ReplayFeed feed(events(5), 0);
    feed.setSpeed(10, 0);
    QCOMPARE(ids(feed, 250), (QStringList{"1", "2", "3"}));
    QCOMPARE(feed.position(), 3);
    feed.setSpeed(1, 250); // back to real time: the next event plays now, the one after a second later
    QCOMPARE(ids(feed, 250), QStringList{"4"});
    QCOMPARE(ids(feed, 1249), QStringList{});
    QCOMPARE(ids(feed, 1250), QStringList{"5"});
}

void TestReplayFeed::maximumSpeedIsBoundedPerCall()
{
    ReplayFeed feed(events(ReplayFeed::MaxPerCall + 10), 0);
    feed.setSpeed(0, 0);
    QCOMPARE(ids(feed, 0).size(), ReplayFeed::MaxPerCall);
    QCOMPARE(ids(feed, 0).size(), 10);
    QVERIFY(feed.finished());
}

void TestReplayFeed::pauseAndSeek()
{
    ReplayFeed feed(events(10), 0);
    QCOMPARE(ids(feed, 1500), (QStringList{"1", "2"}));
    feed.setPaused(true, 1500);
    QCOMPARE(ids(feed, 60000), QStringList{});
    feed.setPaused(false, 60000); // resumes where it stopped, in rhythm from now
    QCOMPARE(ids(feed, 60000), QStringList{"3"});
    feed.seek(7, 60100);
    QCOMPARE(ids(feed, 60100), QStringList{"8"});
    QCOMPARE(ids(feed, 61100), QStringList{"9"});
    feed.seek(0, 70000); // back to the start
    QCOMPARE(ids(feed, 70000), QStringList{"1"});
    feed.seek(99, 70000);
    QVERIFY(feed.finished());
}

QTEST_GUILESS_MAIN(TestReplayFeed)
#include "tst_replayfeed.moc"
