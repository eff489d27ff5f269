// SPDX-License-Identifier: GPL-3.0-or-later
// FeedHub against the demo server: several subscriptions on the network thread, stamped events in
// per-tick batches with nothing lost, event-type filters, statuses, gap detection, live edits.
#include "demoserver.h"
#include "feedhub.h"
#include "profile.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <atomic>

namespace {

constexpr int Bound = 10000;

struct Received
{
    QList<CapturedEvent> events;
    QList<int> batchSizes;
    QList<qint64> batchTimes;
    QList<SubscriptionStatus> statuses;
    QElapsedTimer clock;

    explicit Received(FeedHub &hub)
    {
        clock.start();
        QObject::connect(&hub, &FeedHub::frameArrived, [this](const FeedFrame &frame) {
            QVERIFY(frame.logSkipped == 0); // these feeds stay far below what the log takes
            events += frame.log;
            batchSizes << int(frame.log.size());
            batchTimes << clock.elapsed();
        });
        QObject::connect(&hub, &FeedHub::statusesChanged,
                         [this](const QList<SubscriptionStatus> &latest) { statuses = latest; });
    }

    QList<CapturedEvent> of(const QString &subscription) const
    {
        QList<CapturedEvent> list;
        for (const CapturedEvent &event : events) {
            if (event.subscription == subscription)
                list << event;
        }
        return list;
    }

    SubscriptionStatus status(const QString &id) const
    {
        for (const SubscriptionStatus &status : statuses) {
            if (status.id == id)
                return status;
        }
        return {};
    }
};

// Where a subscription's events stop being 1, 2, 3, … in order, or -1 when none is lost or repeated.
qsizetype firstOutOfOrder(const QList<CapturedEvent> &events)
{
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (events[i].event.id != QString::number(i + 1))
            return i;
    }
    return -1;
}

Subscription subscription(const DemoServer &server, const QString &name, const QString &pathAndQuery)
{
    Subscription s = Subscription::create(name, server.url(pathAndQuery), Subscription::Panel::Raw);
    s.request.retry.initialDelayMs = 20;
    return s;
}

// A capture store that has fallen behind, on demand: a real one needs a disk slower than the feeds.
class StalledRecorder : public EventRecorder
{
public:
    std::atomic<Backlog> level{Backlog::None};

    void record(const QList<CapturedEvent> &) override {}
    Backlog backlog() override { return level; }
};

DemoServer *startServer(QObject *parent, int ringCapacity = 4096)
{
    DemoServerOptions options;
    options.retryMs = 20;
    options.ringCapacity = ringCapacity;
    auto *server = new DemoServer(options, parent);
    return server->listen() ? server : nullptr;
}

} // namespace

class TestFeedHub : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliversStampedBatchesWithoutLoss();
    void twentyStreamsToOneOriginAllFlow();
    void showsHowFarAFeedLagsWhileTheStoreIsBehind();
    void quietFeedsGetFewerFrames();
    void framesFollowTheWindowsFrames();
    void filtersEventTypes();
    void reportsStatuses();
    void detectsGapsByEventId();
    void editsKeepOrRestartConnections();
};

void TestFeedHub::deliversStampedBatchesWithoutLoss()
{
    DemoServer *server = startServer(this);
    QVERIFY(server);
    FeedHub hub;
    Received got(hub);
    const QList<Subscription> subscriptions{subscription(*server, "stocks", "/stocks?rate=400"),
                                            subscription(*server, "iot", "/iot?devices=3&rate=400"),
                                            subscription(*server, "notes", "/notifications?rate=100")};
    hub.setSubscriptions(subscriptions);
    QTRY_VERIFY_WITH_TIMEOUT(got.of(subscriptions[0].id).size() >= 200 &&
                                 got.of(subscriptions[1].id).size() >= 200 &&
                                 got.of(subscriptions[2].id).size() >= 50,
                             Bound);

    quint64 lastSeq = 0;
    for (const CapturedEvent &event : std::as_const(got.events)) {
        QVERIFY(event.seq > lastSeq); // one order across subscriptions and batches
        lastSeq = event.seq;
        QVERIFY(event.receivedMs > 0);
    }
    for (const Subscription &s : subscriptions) {
        const QList<CapturedEvent> events = got.of(s.id);
        for (int i = 0; i < events.size(); ++i) {
            QCOMPARE(events[i].source, s.name);
            QCOMPARE(events[i].event.id, QString::number(i + 1)); // nothing lost on the way
        }
    }
    // Batched per tick, not per event: far fewer batches than events, and never two within a few ms.
    QVERIFY2(
        got.batchSizes.size() < got.events.size() / 4,
        qPrintable(QString("%1 batches for %2 events").arg(got.batchSizes.size()).arg(got.events.size())));
    int tooClose = 0;
    for (int i = 1; i < got.batchTimes.size(); ++i)
        tooClose += got.batchTimes[i] - got.batchTimes[i - 1] < 8;
    QVERIFY2(tooClose <= got.batchTimes.size() / 10, qPrintable(QString::number(tooClose)));
}

void TestFeedHub::twentyStreamsToOneOriginAllFlow()
{
    // Each stream has a connection of its own: none waits for a free one (browsers and Qt's network
    // access manager give an origin six over HTTP/1.1).
    DemoServer *server = startServer(this);
    QVERIFY(server);
    FeedHub hub;
    Received got(hub);
    QList<Subscription> subscriptions;
    for (int i = 0; i < 20; ++i)
        subscriptions << subscription(*server, QStringLiteral("s%1").arg(i),
                                      QStringLiteral("/stocks?rate=50"));
    QElapsedTimer clock;
    clock.start();
    hub.setSubscriptions(subscriptions);
    auto allReceived = [&] {
        return std::all_of(subscriptions.cbegin(), subscriptions.cend(),
                           [&](const Subscription &s) { return !got.of(s.id).isEmpty(); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(allReceived(), Bound);
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QStringLiteral("%1 ms").arg(clock.elapsed())));
    for (const Subscription &s : std::as_const(subscriptions))
        QCOMPARE(got.status(s.id).state, EventSource::ReadyState::Open);
}

void TestFeedHub::showsHowFarAFeedLagsWhileTheStoreIsBehind()
{
    DemoServer *server = startServer(this);
    QVERIFY(server);
    StalledRecorder recorder; // outlives the hub, whose worker asks it until the end
    recorder.level = EventRecorder::Backlog::Full;
    FeedHub hub;
    hub.setRecorder(&recorder);
    Received got(hub);
    const Subscription stocks = subscription(*server, "stocks", "/stocks?rate=500");
    hub.setSubscriptions({stocks});

    // Held back: the status says for how long and what waits, and no event is read meanwhile.
    QTRY_VERIFY_WITH_TIMEOUT(got.status(stocks.id).laggingMs >= 1000, Bound);
    const qsizetype eventsWhileLagging = got.of(stocks.id).size();
    QTRY_VERIFY_WITH_TIMEOUT(got.status(stocks.id).laggingMs >= 2000, Bound);
    QCOMPARE(got.of(stocks.id).size(), eventsWhileLagging);
    const qint64 waiting = got.status(stocks.id).bytesWaiting;
    QVERIFY2(waiting > 0 && waiting <= HttpStream::BufferBytes, qPrintable(QString::number(waiting)));

    // Caught up: reading resumes where it stopped, nothing lost, and the lag is gone.
    recorder.level = EventRecorder::Backlog::None;
    QTRY_VERIFY_WITH_TIMEOUT(got.of(stocks.id).size() > eventsWhileLagging + 100, Bound);
    QTRY_COMPARE_WITH_TIMEOUT(got.status(stocks.id).laggingMs, 0, Bound);
    QCOMPARE(firstOutOfOrder(got.of(stocks.id)), -1);
}

void TestFeedHub::quietFeedsGetFewerFrames()
{
    DemoServer *server = startServer(this);
    QVERIFY(server);
    FeedHub hub;
    Received got(hub);
    // A hub bringing 200 events/s is quiet: a frame at most every 100 ms, not one every 16 ms tick.
    const Subscription quiet = subscription(*server, "quiet", "/notifications?rate=200");
    hub.setSubscriptions({quiet});
    QTRY_VERIFY_WITH_TIMEOUT(got.of(quiet.id).size() >= 20, Bound);
    const qsizetype framesBefore = got.batchTimes.size();
    const qsizetype eventsBefore = got.events.size();
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() >= 2000, Bound);
    const qsizetype frames = got.batchTimes.size() - framesBefore;
    const qsizetype events = got.events.size() - eventsBefore;
    QVERIFY2(events >= 200, qPrintable(QString::number(events))); // the feed kept flowing
    QVERIFY2(
        frames <= 2000 / 100 + 3,
        qPrintable(QString("%1 frames for %2 events in %3 ms").arg(frames).arg(events).arg(clock.elapsed())));

    QCOMPARE(firstOutOfOrder(got.of(quiet.id)), -1); // nothing is lost by waiting
}

void TestFeedHub::framesFollowTheWindowsFrames()
{
    DemoServer *server = startServer(this);
    QVERIFY(server);
    FeedHub hub(1000); // a tick far slower than any display's refresh
    Received got(hub);
    const Subscription busy = subscription(*server, "busy", "/stocks?rate=2000");
    hub.setSubscriptions({busy});
    QTRY_VERIFY_WITH_TIMEOUT(got.batchTimes.size() >= 2, Bound); // past the first second: not quiet

    // A window showing a frame every 17 ms: a frame follows each one it shows.
    QTimer display;
    display.setInterval(17);
    connect(&display, &QTimer::timeout, &hub, &FeedHub::frameShown);
    display.start();
    qsizetype before = got.batchTimes.size();
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() >= 1000, Bound);
    const qsizetype paced = got.batchTimes.size() - before;
    QVERIFY2(paced >= 20, qPrintable(QString("%1 frames in a second of a 60 Hz display").arg(paced)));

    // The window stops showing frames (nothing it draws changed): the tick sends them again.
    display.stop();
    before = got.batchTimes.size();
    clock.restart();
    QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() >= 2000, Bound);
    const qsizetype ticked = got.batchTimes.size() - before;
    QVERIFY2(ticked >= 1 && ticked <= 5, qPrintable(QString("%1 frames in two 1-s ticks").arg(ticked)));
    QCOMPARE(firstOutOfOrder(got.of(busy.id)), -1); // nothing is lost either way
}

void TestFeedHub::filtersEventTypes()
{
    DemoServer *server = startServer(this);
    QVERIFY(server);
    FeedHub hub;
    Received got(hub);
    Subscription alerts = subscription(*server, "alerts", "/iot?devices=2&rate=2000");
    alerts.eventTypes = {"alert", "status"};
    hub.setSubscriptions({alerts});
    QTRY_VERIFY_WITH_TIMEOUT(got.events.size() >= 3, Bound);
    for (const CapturedEvent &event : std::as_const(got.events))
        QVERIFY2(event.event.type == "alert" || event.event.type == "status", qPrintable(event.event.type));
    QTRY_VERIFY_WITH_TIMEOUT(got.status(alerts.id).events == got.events.size(), Bound);
}

void TestFeedHub::reportsStatuses()
{
    DemoServer *server = startServer(this);
    QVERIFY(server);
    FeedHub hub;
    Received got(hub);
    const Subscription good = subscription(*server, "good", "/stocks?rate=100");
    const Subscription missing = subscription(*server, "missing", "/nope");
    Subscription off = subscription(*server, "off", "/stocks?rate=100");
    off.enabled = false;
    hub.setSubscriptions({good, missing, off});

    QTRY_VERIFY_WITH_TIMEOUT(got.status(good.id).eventsPerSecond > 20 && got.status(good.id).bytes > 0,
                             Bound);
    const SubscriptionStatus healthy = got.status(good.id);
    QCOMPARE(healthy.state, EventSource::ReadyState::Open);
    QVERIFY(healthy.enabled);
    QVERIFY(healthy.events > 0);
    QVERIFY(healthy.lastEventMs > 0);
    QCOMPARE(healthy.lastError, QString());

    const SubscriptionStatus failed = got.status(missing.id);
    QCOMPARE(failed.state, EventSource::ReadyState::Closed);
    QVERIFY2(failed.lastError.contains("404"), qPrintable(failed.lastError));

    const SubscriptionStatus disabled = got.status(off.id);
    QVERIFY(!disabled.enabled);
    QCOMPARE(disabled.state, EventSource::ReadyState::Closed);
    QCOMPARE(disabled.events, 0);
    QCOMPARE(got.statuses.size(), 3);
}

void TestFeedHub::detectsGapsByEventId()
{
    // A replay buffer of 5 events and a stream dropped after every 50 events at 2000 events/s: what the
    // server made while the client reconnected no longer fits, and the IDs show the loss.
    DemoServer *server = startServer(this, 5);
    QVERIFY(server);
    FeedHub hub;
    Received got(hub);
    Subscription lossy = subscription(*server, "lossy", "/stocks?rate=2000&drop_after=50");
    lossy.request.retry.initialDelayMs = 60;
    hub.setSubscriptions({lossy});
    QTRY_VERIFY_WITH_TIMEOUT(got.status(lossy.id).gaps > 0 && got.status(lossy.id).reconnects > 0, Bound);
    qint64 missing = 0;
    const QList<CapturedEvent> events = got.of(lossy.id);
    for (int i = 1; i < events.size(); ++i)
        missing += events[i].event.id.toLongLong() - events[i - 1].event.id.toLongLong() - 1;
    QTRY_COMPARE_WITH_TIMEOUT(got.status(lossy.id).gaps >= missing, true, Bound);
}

void TestFeedHub::editsKeepOrRestartConnections()
{
    DemoServer *server = startServer(this);
    QVERIFY(server);
    FeedHub hub;
    Received got(hub);
    Subscription feed = subscription(*server, "feed", "/stocks?rate=200");
    hub.setSubscriptions({feed});
    QTRY_VERIFY_WITH_TIMEOUT(got.events.size() >= 20, Bound);
    QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 1, Bound);

    // A new name keeps the stream: IDs go on.
    feed.name = "renamed";
    hub.setSubscriptions({feed});
    QTRY_VERIFY_WITH_TIMEOUT(!got.events.isEmpty() && got.events.last().source == "renamed", Bound);
    const QList<CapturedEvent> events = got.of(feed.id);
    for (int i = 0; i < events.size(); ++i)
        QCOMPARE(events[i].event.id, QString::number(i + 1));
    QCOMPARE(got.status(feed.id).reconnects, 0);

    // Disabling closes the connection; removing forgets the status.
    feed.enabled = false;
    hub.setSubscriptions({feed});
    QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 0, Bound);
    QTRY_VERIFY_WITH_TIMEOUT(!got.status(feed.id).enabled, Bound);
    hub.setSubscriptions({});
    QTRY_VERIFY_WITH_TIMEOUT(got.statuses.isEmpty(), Bound);
}

QTEST_GUILESS_MAIN(TestFeedHub)
#include "tst_feedhub.moc"
