// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard under load: the real main window (QML, charts, event log) fed by FeedHub from demo
// servers at about 10 000 events/s over 20 subscriptions, then a burst: one subscription jumps to 100 000
// events/s for 10 s while the others go on. For each phase it prints the GUI thread's frame intervals, its
// CPU share and how long it waited for a CPU, the events applied per second and peak RSS; for the steady
// phase whether any event was lost between FeedHub and the event log; for the burst what the event log
// said; at the end whether the capture store holds every event received.
//
//   xvfb-run -a build/tests/bench/gui_ingest [steady seconds] [burst seconds]      (default 30 and 10)
//
// With GUI_INGEST_SHOTS=<folder> it also saves the window as each phase ends (steady.png, burst.png), to
// see what the figures were measured on.
#include "demoserverthread.h"
#include "gapdetector.h"
#include "mainwindow.h"
#include "sqlitecapturebackend.h"
#include "workspace.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>

namespace {

constexpr int Servers = 4; // five streams per origin stays under Qt's six HTTP/1.1 connections per host

Profile loadProfile(const QList<QUrl> &bases)
{
    Profile profile;
    auto add = [&](int i, const QString &name, const QString &path, Subscription::Panel panel) {
        Subscription s = Subscription::create(name, bases[i % Servers].resolved(QUrl(path)), panel);
        s.request.idleTimeoutMs = 30000;
        profile.subscriptions << s;
    };
    const QStringList symbols{"AAPL,MSFT,NVDA,AMZN", "GOOG,META,TSLA,NFLX", "AMD,INTC,ORCL,IBM",
                              "SAP,ASML,TSM,ADBE"};
    for (int i = 0; i < 8; ++i)
        add(i, QStringLiteral("Stocks %1").arg(i + 1),
            QStringLiteral("/stocks?symbols=%1&rate=650&sub=%2").arg(symbols[i % 4]).arg(i),
            Subscription::Panel::Stock);
    for (int i = 0; i < 8; ++i)
        add(i + 8, QStringLiteral("Plant %1").arg(i + 1),
            QStringLiteral("/iot?devices=6&rate=550&sub=%1").arg(i), Subscription::Panel::IoT);
    for (int i = 0; i < 2; ++i)
        add(i + 16, QStringLiteral("Jobs %1").arg(i + 1), QStringLiteral("/progress?sub=%1").arg(i),
            Subscription::Panel::Progress);
    add(18, QStringLiteral("Alerts"), QStringLiteral("/notifications?rate=100&sub=0"),
        Subscription::Panel::Notifications);
    // The raw feed that bursts in the second phase.
    add(19, QStringLiteral("Burst"), QStringLiteral("/notifications?rate=100&sub=1"),
        Subscription::Panel::Raw);
    return profile;
}

constexpr int BurstRate = 100000;

// CPU seconds of the calling thread or of the whole process, as the kernel's scheduler counts them (the
// same figures top shows).
double cpuSeconds(const char *statFile)
{
    QFile file(QString::fromLatin1(statFile));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = file.readAll();
    // Fields after the command name, which is in parentheses and may hold spaces: utime is the 12th, stime
    // the 13th.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

// Seconds the calling thread was ready to run but waited for a CPU (the second field of schedstat): on a
// busy machine, frames late for that reason are the machine's, not the window's.
double runQueueSeconds()
{
    QFile file(QStringLiteral("/proc/thread-self/schedstat"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = file.readAll().split(' ');
    return fields.size() < 2 ? 0 : double(fields[1].toLongLong()) / 1e9;
}

constexpr const char *ThisThread = "/proc/thread-self/stat";
constexpr const char *ThisProcess = "/proc/self/stat";

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

} // namespace

// One measured phase: frame intervals, and the GUI thread's and the process's CPU time over it.
struct Phase
{
    std::vector<double> frames;
    QElapsedTimer wall;
    double guiCpuAtStart = 0;
    double guiWaitAtStart = 0;
    double cpuAtStart = 0;
    qint64 appliedAtStart = 0;
    bool measuring = false;
    QQuickWindow *window;
    QString shot; // the file name of the window's picture as the phase ends

    Phase(QQuickWindow *measured, const QString &shotName)
        : window(measured)
        , shot(shotName)
    {}

    void start(qint64 applied)
    {
        frames.clear();
        guiCpuAtStart = cpuSeconds(ThisThread); // called on the GUI thread
        guiWaitAtStart = runQueueSeconds();
        cpuAtStart = cpuSeconds(ThisProcess);
        appliedAtStart = applied;
        wall.start();
        measuring = true;
    }

    void print(const char *name, qint64 applied)
    {
        measuring = false;
        if (!qEnvironmentVariableIsEmpty("GUI_INGEST_SHOTS"))
            window->grabWindow().save(QDir(qEnvironmentVariable("GUI_INGEST_SHOTS")).filePath(shot));
        const double elapsed = double(wall.nsecsElapsed()) / 1e9;
        std::printf("  %s, %.0f s:\n", name, elapsed);
        std::printf("    events applied to the models: %.0f events/s\n",
                    double(applied - appliedAtStart) / elapsed);
        std::printf("    frame interval: median %.1f ms, p95 %.1f ms, p99 %.1f ms over %zu frames\n",
                    percentile(frames, 0.5), percentile(frames, 0.95), percentile(frames, 0.99),
                    frames.size());
        std::printf("    GUI thread CPU: %.0f %% of a core; whole process %.0f %%\n",
                    100.0 * (cpuSeconds(ThisThread) - guiCpuAtStart) / elapsed,
                    100.0 * (cpuSeconds(ThisProcess) - cpuAtStart) / elapsed);
        std::printf("    GUI thread waiting for a CPU: %.0f %% of the time\n",
                    100.0 * (runQueueSeconds() - guiWaitAtStart) / elapsed);
        std::printf("    peak RSS so far: %.0f MB\n", peakRssMb());
    }
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int seconds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 30;
    const int burstSeconds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 10;

    std::vector<std::unique_ptr<DemoServerThread>> servers;
    QList<QUrl> bases;
    for (int i = 0; i < Servers; ++i) {
        servers.push_back(std::make_unique<DemoServerThread>());
        QString error;
        if (!servers.back()->start(&error)) {
            std::fprintf(stderr, "gui_ingest: demo server: %s\n", qPrintable(error));
            return 1;
        }
        bases << servers.back()->url();
    }

    // Recorded as the dashboard records, into a store in a temporary directory.
    QTemporaryDir storeDir;
    CaptureStore store(
        std::make_unique<SqliteCaptureBackend>(storeDir.filePath(QStringLiteral("bench.sqlite"))),
        QStringLiteral("gui_ingest"));
    Workspace workspace({});
    workspace.setCaptureStore(&store);
    QQmlApplicationEngine engine;
    QQuickWindow *window = MainWindow::load(engine, &workspace, false);
    if (!window)
        return 1;
    window->resize(1600, 1000);

    Phase *current = nullptr;
    QElapsedTimer frameClock;
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [&] {
        if (current && current->measuring && frameClock.isValid())
            current->frames.push_back(double(frameClock.nsecsElapsed()) / 1e6);
        frameClock.start();
    });

    // The demo numbers each feed's events 1, 2, 3, …: in the steady phase, where the log shows every
    // event, a hole in a subscription's ids as they reach the event log is an event lost on the way from
    // the socket to the models. The last row's sequence number counts every event received.
    QHash<QString, GapDetector> detectors;
    qint64 lost = 0;
    bool checkingGaps = true;
    quint64 lastSeq = 0;
    EventLogModel *log = workspace.eventLog();
    QObject::connect(log, &QAbstractItemModel::rowsInserted, log,
                     [&](const QModelIndex &, int first, int last) {
                         lastSeq = log->at(last).seq;
                         for (int row = first; row <= last && checkingGaps; ++row)
                             lost += detectors[log->at(row).subscription].observe(log->at(row).event.id);
                     });
    qint64 logSkipped = 0;
    QObject::connect(&workspace, &Workspace::frameApplied, &workspace,
                     [&](const FeedFrame &frame) { logSkipped += frame.logSkipped; });
    QString burstNotice;
    QObject::connect(&workspace, &Workspace::logNoticeChanged, &workspace, [&] {
        if (!workspace.logNotice().isEmpty())
            burstNotice = workspace.logNotice();
    });

    Profile profile = loadProfile(bases);
    workspace.setProfile(profile);
    Phase steady(window, QStringLiteral("steady.png"));
    Phase burst(window, QStringLiteral("burst.png"));
    // Two seconds to connect and warm up, then the steady phase, then the burst.
    QTimer::singleShot(2000, [&] {
        current = &steady;
        steady.start(workspace.eventsApplied());
    });
    QTimer::singleShot(2000 + seconds * 1000, [&] {
        std::printf("gui_ingest: %d subscriptions, window %dx%d, %s\n", int(profile.subscriptions.size()),
                    window->width(), window->height(), qPrintable(QGuiApplication::platformName()));
        steady.print("steady, about 10 000 events/s", workspace.eventsApplied());
        std::printf("    events lost between FeedHub and the event log: %lld\n",
                    static_cast<long long>(lost));
        std::printf("    log rows left out: %lld\n", static_cast<long long>(logSkipped));
        checkingGaps = false;
        Subscription &burster = profile.subscriptions.last();
        burster.request.url = bases[19 % Servers].resolved(QUrl(QStringLiteral("/bench?n=%1&rate=%2&size=64")
                                                                    .arg(qint64(BurstRate) * burstSeconds)
                                                                    .arg(BurstRate)));
        workspace.setProfile(profile);
        current = &burst;
        burst.start(workspace.eventsApplied());
    });
    QTimer::singleShot(2000 + (seconds + burstSeconds) * 1000 + 500, [&] {
        burst.print("burst, one subscription at 100 000 events/s", workspace.eventsApplied());
        std::printf("    the event log said: %s\n",
                    burstNotice.isEmpty() ? "(nothing: it showed every event)" : qPrintable(burstNotice));
        workspace.setProfile({}); // stop the feeds; the last frame still comes through
    });
    // Then the capture writer catches up with the burst (a minute at most): the store should hold every
    // event received, or say how many it could not keep.
    QTimer storeCheck;
    QElapsedTimer catchingUp;
    storeCheck.setInterval(500);
    QObject::connect(&storeCheck, &QTimer::timeout, [&] {
        const CaptureStatus status = store.status();
        const bool done = quint64(status.stats.events + status.unsaved) >= lastSeq && status.waiting == 0;
        if (!done && catchingUp.elapsed() < 60000)
            return;
        storeCheck.stop();
        {
            std::printf("  capture store, %.0f s after the burst: %lld of %llu events received written, %lld "
                        "waiting, %lld not stored, %s\n",
                        double(catchingUp.elapsed()) / 1000.0 + 0.5,
                        static_cast<long long>(status.stats.events), static_cast<unsigned long long>(lastSeq),
                        static_cast<long long>(status.waiting), static_cast<long long>(status.unsaved),
                        status.error.isEmpty() ? "no errors" : qPrintable(status.error));
            std::printf("  peak RSS: %.0f MB\n", peakRssMb());
            QCoreApplication::quit();
        }
    });
    QTimer::singleShot(2000 + (seconds + burstSeconds) * 1000 + 1000, [&] {
        catchingUp.start();
        storeCheck.start();
    });
    return app.exec();
}
