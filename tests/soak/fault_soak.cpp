// SPDX-License-Identifier: GPL-3.0-or-later
// The fault soak: 20 subscriptions read four demo servers that misbehave on purpose for N minutes (default
// 10), through FeedHub into a capture store, as the dashboard reads and records. Per subscription, the
// faults are one of: the connection dropped every few seconds (?drop_after), the stream stalled for longer
// than the idle timeout (?stall_after), drops whose reconnects are answered 503 with Retry-After every
// second time (?fail_every), rare drops, or none; and every 30 s one of the servers stops, with all its
// connections, and starts again on the same port 3 s later. At the end it prints, per subscription, the
// IDs the server numbered against those received and those stored (lost, duplicated, out of order), the
// reconnects, RSS growth, and open file descriptors and threads once every subscription is disabled
// against before the first one started. Exit status 0 when all of that is as it must be, 1 otherwise.
//
//   build/tests/soak/fault_soak [minutes]        (default 10; fractions allowed: 0.75 is 45 s)
#include "capturestore.h"
#include "demoserver.h"
#include "feedhub.h"
#include "residentmemory.h"
#include "sqlitecapturebackend.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QMutex>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <cstdio>
#include <memory>

namespace {

constexpr int Servers = 4; // five streams per origin stays under Qt's six HTTP/1.1 connections per host
constexpr int Subscriptions = 20;
constexpr int RestartEveryMs = 30000;
constexpr int DownForMs = 3000;
constexpr int IdleTimeoutMs = 2500;

struct Fault
{
    const char *name;
    const char *query;
};

// One of these per subscription, in turn: each server serves one subscription of each kind.
const Fault Faults[] = {
    {"drop every 3 s", "&drop_after=75"},
    {"stall 4 s, idle timeout", "&stall_after=100"},
    {"drop + 503 every 2nd", "&drop_after=100&fail_every=2"},
    {"drop every 20 s", "&drop_after=500"},
    {"restarts only", ""},
};

// The four servers, on a thread of their own as a real server would be on its own machine.
class SoakServers
{
public:
    SoakServers()
    {
        m_thread.setObjectName(QStringLiteral("soak-servers"));
        m_context.moveToThread(&m_thread);
        m_thread.start();
    }

    ~SoakServers()
    {
        QMetaObject::invokeMethod(
            &m_context, [this] { m_servers.clear(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }

    bool start(QString *error)
    {
        bool ok = true;
        QMetaObject::invokeMethod(
            &m_context,
            [&] {
                for (int i = 0; i < Servers && ok; ++i) {
                    DemoServerOptions options;
                    options.heartbeatMs = 1000; // well inside the idle timeout: only a stall trips it
                    options.retryMs = 300;
                    // 41 s of each feed for resumes, far more than any fault here keeps a client away; the
                    // replay buffers live in this process too, and fill within the warm-up.
                    options.ringCapacity = 1024;
                    m_servers.push_back(std::make_unique<DemoServer>(options));
                    ok = m_servers.back()->listen(error);
                    m_urls << m_servers.back()->url();
                }
            },
            Qt::BlockingQueuedConnection);
        return ok;
    }

    QUrl url(int server) const { return m_urls.at(server); }

    // Stops the server now and starts it again on the same port after DownForMs.
    void restart(int server)
    {
        QMetaObject::invokeMethod(&m_context, [this, server] {
            DemoServer *demo = m_servers.at(server).get();
            demo->stopListening();
            ++m_down;
            QTimer::singleShot(DownForMs, &m_context, [this, demo] {
                QString error;
                if (!demo->listen(&error))
                    std::fprintf(stderr, "fault_soak: a server did not start again: %s\n", qPrintable(error));
                --m_down;
            });
        });
    }

    bool allUp()
    {
        int down = 0;
        QMetaObject::invokeMethod(
            &m_context, [&] { down = m_down; }, Qt::BlockingQueuedConnection);
        return down == 0;
    }

    qint64 lastEventNumber(int server, const QUrl &feed)
    {
        qint64 last = 0;
        QMetaObject::invokeMethod(
            &m_context, [&] { last = m_servers.at(server)->lastEventNumber(feed); },
            Qt::BlockingQueuedConnection);
        return last;
    }

private:
    QThread m_thread;
    QObject m_context;
    std::vector<std::unique_ptr<DemoServer>> m_servers; // made, used and deleted on m_thread
    QList<QUrl> m_urls;
    int m_down = 0; // used on m_thread only
};

// Checks IDs against 1, 2, 3, … as they come, in constant memory: a list of every ID would grow the very
// RSS the soak watches.
struct IdTally
{
    qint64 count = 0;
    qint64 last = 0;
    qint64 lost = 0;      // numbers skipped
    qint64 backwards = 0; // IDs not above the one before: duplicated, or out of order

    void observe(qint64 id)
    {
        ++count;
        if (id <= last) {
            ++backwards;
            return;
        }
        lost += id - last - 1;
        last = id;
    }
    bool operator==(const IdTally &other) const
    {
        return count == other.count && last == other.last && lost == other.lost &&
               backwards == other.backwards;
    }
};

// Tallies each live event's ID per subscription on its way to the capture store (on FeedHub's thread).
class IdLedger : public EventRecorder
{
public:
    explicit IdLedger(EventRecorder *store)
        : m_store(store)
    {}

    void record(const QList<CapturedEvent> &events) override
    {
        {
            QMutexLocker lock(&m_mutex);
            for (const CapturedEvent &captured : events)
                m_tallies[captured.subscription].observe(captured.event.id.toLongLong());
        }
        m_store->record(events);
    }
    Backlog backlog() override { return m_store->backlog(); }

    IdTally tally(const QString &subscription)
    {
        QMutexLocker lock(&m_mutex);
        return m_tallies.value(subscription);
    }
    qint64 total()
    {
        QMutexLocker lock(&m_mutex);
        qint64 sum = 0;
        for (const IdTally &tally : std::as_const(m_tallies))
            sum += tally.count;
        return sum;
    }

private:
    EventRecorder *m_store;
    QMutex m_mutex;
    QHash<QString, IdTally> m_tallies;
};

qsizetype entriesIn(const char *folder)
{
    return QDir(QString::fromLatin1(folder))
        .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System)
        .size();
}

double rssMb()
{
    return double(residentKilobytes()) / 1024.0;
}

// Runs the event loop until `done` or the bound passes; whether it became true.
bool waitUntil(const std::function<bool()> &done, int boundMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > boundMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(20);
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const double minutes = argc > 1 ? QByteArray(argv[1]).toDouble() : 10;
    if (minutes <= 0) {
        std::fprintf(stderr, "usage: fault_soak [minutes]   (a positive number; default 10)\n");
        return 2;
    }
    const qint64 runMs = qint64(minutes * 60000);
    const qint64 warmUpMs = qMin<qint64>(60000, runMs / 5); // RSS growth counts from here

    SoakServers servers;
    QString error;
    if (!servers.start(&error)) {
        std::fprintf(stderr, "fault_soak: demo server: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir storeDir;
    const QString storePath = storeDir.filePath(QStringLiteral("soak.sqlite"));
    auto store = std::make_unique<CaptureStore>(std::make_unique<SqliteCaptureBackend>(storePath),
                                                QStringLiteral("fault_soak"));
    IdLedger ledger(store.get());
    FeedHub hub;
    hub.setRecorder(&ledger);

    QList<Subscription> subscriptions;
    QList<int> serverOf;
    for (int i = 0; i < Subscriptions; ++i) {
        const Fault &fault = Faults[i % std::size(Faults)];
        const int server = i % Servers;
        const QString feed = QStringLiteral("/stocks?symbols=SOAK%1&rate=25%2")
                                 .arg(i, 2, 10, QLatin1Char('0'))
                                 .arg(fault.query);
        Subscription s =
            Subscription::create(QStringLiteral("%1 #%2").arg(fault.name).arg(i + 1),
                                 servers.url(server).resolved(QUrl(feed)), Subscription::Panel::Raw);
        s.request.idleTimeoutMs = IdleTimeoutMs;
        s.request.retry.initialDelayMs = 300;
        s.request.retry.maxDelayMs = 5000; // a restart should not leave a feed waiting for a minute
        subscriptions << s;
        serverOf << server;
    }

    QHash<QString, int> reconnects;
    QHash<QString, QString> shownErrors;
    QMap<QString, int> errorKinds; // the errors the sidebar showed, long numbers (ports, times) left out
    QObject::connect(&hub, &FeedHub::statusesChanged, [&](const QList<SubscriptionStatus> &statuses) {
        static const QRegularExpression number(QStringLiteral("\\d{4,}"));
        for (const SubscriptionStatus &status : statuses) {
            reconnects[status.id] = status.reconnects;
            if (!status.lastError.isEmpty() && status.lastError != shownErrors.value(status.id))
                ++errorKinds[QString(status.lastError).replace(number, QStringLiteral("N"))];
            shownErrors[status.id] = status.lastError;
        }
    });

    // The store opens its file on its own thread: counted in before the baseline.
    bool storeOpened = false;
    QObject::connect(store.get(), &CaptureStore::statusChanged, [&] { storeOpened = true; });
    waitUntil([&] { return storeOpened; }, 10000);
    const qsizetype fdsAtStart = entriesIn("/proc/self/fd");
    const qsizetype threadsAtStart = entriesIn("/proc/self/task");
    std::printf("fault_soak: %d subscriptions on %d demo servers for %.1f min, %d events/s each; a server "
                "restart every %d s, down %d s\n",
                Subscriptions, Servers, minutes, 25, RestartEveryMs / 1000, DownForMs / 1000);
    std::fflush(stdout);
    hub.setSubscriptions(subscriptions);

    QElapsedTimer clock;
    clock.start();
    double rssAfterWarmUp = 0;
    double rssPeak = 0;
    int restarts = 0;
    qint64 minutesReported = 0;
    QTimer restartTimer;
    QObject::connect(&restartTimer, &QTimer::timeout, [&] { servers.restart(restarts++ % Servers); });
    restartTimer.start(RestartEveryMs);
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, [&] {
        const double rss = rssMb();
        if (clock.elapsed() >= warmUpMs) {
            if (rssAfterWarmUp == 0)
                rssAfterWarmUp = rss;
            rssPeak = qMax(rssPeak, rss);
        }
        if (clock.elapsed() / 60000 > minutesReported) {
            minutesReported = clock.elapsed() / 60000;
            std::printf("  %3lld min: %lld events received, %d server restarts, RSS %.0f MB\n",
                        minutesReported, ledger.total(), restarts, rss);
            std::fflush(stdout);
        }
    });
    sampler.start(1000);
    waitUntil([&] { return clock.elapsed() >= runMs; }, int(runMs + 1000));
    restartTimer.stop();
    sampler.stop();
    const double rssAtEnd = rssMb();

    // The servers come back; each subscription then catches up with what its server has numbered so far.
    bool caughtUp = waitUntil([&] { return servers.allUp(); }, 2 * DownForMs);
    QList<qint64> sent;
    for (int i = 0; i < Subscriptions; ++i)
        sent << servers.lastEventNumber(serverOf[i], subscriptions[i].request.url);
    caughtUp = caughtUp && waitUntil(
                               [&] {
                                   for (int i = 0; i < Subscriptions; ++i) {
                                       if (ledger.tally(subscriptions[i].id).last < sent[i])
                                           return false;
                                   }
                                   return true;
                               },
                               30000);

    // Every subscription disabled: their connections and whatever they started should be gone.
    QList<Subscription> disabled = subscriptions;
    for (Subscription &s : disabled)
        s.enabled = false;
    hub.setSubscriptions(disabled);
    const bool released = waitUntil(
        [&] {
            return entriesIn("/proc/self/fd") <= fdsAtStart && entriesIn("/proc/self/task") <= threadsAtStart;
        },
        15000);
    const qsizetype fdsAtEnd = entriesIn("/proc/self/fd");
    if (!released) {
        for (const QFileInfo &fd :
             QDir(QStringLiteral("/proc/self/fd")).entryInfoList(QDir::System | QDir::NoDotAndDotDot))
            std::printf("  open at the end: fd %s -> %s\n", qPrintable(fd.fileName()),
                        qPrintable(fd.symLinkTarget()));
    }
    const qsizetype threadsAtEnd = entriesIn("/proc/self/task");

    // What the store kept, read back after it has written everything and closed.
    hub.setRecorder(nullptr);
    store.reset();
    SqliteCaptureBackend stored(storePath);
    QHash<QString, IdTally> storedIds;
    const bool read = stored.open(&error) &&
                      stored.query(
                          {}, nullptr,
                          [&](const QList<CapturedEvent> &page) {
                              for (const CapturedEvent &captured : page)
                                  storedIds[captured.subscription].observe(captured.event.id.toLongLong());
                              return true;
                          },
                          &error);
    if (!read)
        std::fprintf(stderr, "fault_soak: reading the store: %s\n", qPrintable(error));

    std::printf("\n  %-28s %7s %9s %5s %9s %7s %9s %10s\n", "subscription", "sent", "received", "lost",
                "dup/order", "stored", "as recvd", "reconnects");
    bool clean = caughtUp && released && read;
    qint64 totals[4] = {};
    for (int i = 0; i < Subscriptions; ++i) {
        const IdTally got = ledger.tally(subscriptions[i].id);
        const IdTally kept = storedIds.value(subscriptions[i].id);
        const qint64 lost = got.lost + qMax<qint64>(0, sent[i] - got.last); // the tail counts too
        const bool sameAsReceived = kept == got;
        clean = clean && lost == 0 && got.backwards == 0 && sameAsReceived;
        std::printf("  %-28s %7lld %9lld %5lld %9lld %7lld %9s %10d\n", qPrintable(subscriptions[i].name),
                    sent[i], got.count, lost, got.backwards, kept.count, sameAsReceived ? "yes" : "NO",
                    reconnects.value(subscriptions[i].id));
        totals[0] += sent[i];
        totals[1] += got.count;
        totals[2] += kept.count;
        totals[3] += lost + got.backwards;
    }
    std::printf("  %-28s %7lld %9lld %15lld %7lld\n", "all", totals[0], totals[1], totals[3], totals[2]);
    std::printf("\n  errors the subscriptions reported (as the sidebar shows them), by kind:\n");
    for (auto it = errorKinds.cbegin(); it != errorKinds.cend(); ++it)
        std::printf("    %5d  %s\n", it.value(), qPrintable(it.key()));

    const double growth = rssAfterWarmUp > 0 ? 100.0 * (rssAtEnd - rssAfterWarmUp) / rssAfterWarmUp : 0;
    const bool judgeRss = runMs >= 5 * 60000; // a shorter run is mostly warm-up
    std::printf("\n  %d server restarts; every feed caught up at the end: %s\n", restarts,
                caughtUp ? "yes" : "NO");
    std::printf("  RSS after %lld s of warm-up %.1f MB, at the end %.1f MB (%+.1f %%), peak %.1f MB%s\n",
                warmUpMs / 1000, rssAfterWarmUp, rssAtEnd, growth, rssPeak,
                judgeRss ? "" : "  (not judged: runs under 5 min)");
    std::printf("  open file descriptors: %lld before, %lld after all were disabled\n", qlonglong(fdsAtStart),
                qlonglong(fdsAtEnd));
    std::printf("  threads: %lld before, %lld after all were disabled\n", qlonglong(threadsAtStart),
                qlonglong(threadsAtEnd));
    if (judgeRss && growth > 10)
        clean = false;
    std::printf("fault_soak: %s\n", clean ? "clean" : "FAILED");
    return clean ? 0 : 1;
}
