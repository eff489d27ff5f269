// The dashboard under load: the real main window (QML, charts, event log) fed by FeedHub from demo
// servers at about 10 000 events/s over 20 subscriptions. Prints the GUI thread's frame intervals,
// the events applied per second, whether any event was lost between FeedHub and the models, and peak RSS.
//
//   xvfb-run -a build/tests/bench/gui_ingest [seconds]      (default 30)
#include "demoserverthread.h"
#include "gapdetector.h"
#include "mainwindow.h"
#include "sqlitecapturebackend.h"
#include "workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <sys/resource.h>

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
    for (int i = 0; i < 2; ++i)
        add(i + 18, QStringLiteral("Alerts %1").arg(i + 1),
            QStringLiteral("/notifications?rate=100&sub=%1").arg(i), Subscription::Panel::Notifications);
    return profile;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int seconds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 30;

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

    std::vector<double> frameIntervals;
    QElapsedTimer frameClock;
    bool measuring = false;
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [&] {
        if (measuring && frameClock.isValid())
            frameIntervals.push_back(double(frameClock.nsecsElapsed()) / 1e6);
        frameClock.start();
    });

    // The demo numbers each feed's events 1, 2, 3, …: a hole in a subscription's ids as they reach the
    // event log is an event lost on the way from the socket to the models.
    QHash<QString, GapDetector> detectors;
    qint64 lost = 0;
    EventLogModel *log = workspace.eventLog();
    QObject::connect(log, &QAbstractItemModel::rowsInserted, log,
                     [&](const QModelIndex &, int first, int last) {
                         for (int row = first; row <= last; ++row)
                             lost += detectors[log->at(row).subscription].observe(log->at(row).event.id);
                     });

    const Profile profile = loadProfile(bases);
    workspace.setProfile(profile);
    qint64 appliedAtStart = 0;
    QElapsedTimer run;
    // Two seconds to connect and warm up, then the measured run.
    QTimer::singleShot(2000, [&] {
        appliedAtStart = workspace.eventsApplied();
        frameIntervals.clear();
        measuring = true;
        run.start();
    });
    QTimer::singleShot(2000 + seconds * 1000, [&] {
        measuring = false;
        const double elapsed = double(run.nsecsElapsed()) / 1e9;
        const qint64 applied = workspace.eventsApplied() - appliedAtStart;
        workspace.setProfile({}); // stop the feeds; the last batch still comes through
        QTimer::singleShot(500, [&, elapsed, applied] {
            rusage usage{};
            getrusage(RUSAGE_SELF, &usage);
            std::printf("gui_ingest: %d subscriptions over %d s, window %dx%d, %s\n",
                        int(profile.subscriptions.size()), seconds, window->width(), window->height(),
                        qPrintable(QGuiApplication::platformName()));
            std::printf("  events applied to the models: %.0f events/s (%lld in all)\n",
                        double(applied) / elapsed, static_cast<long long>(applied));
            std::printf("  events lost between FeedHub and the models: %lld\n", static_cast<long long>(lost));
            std::printf("  frame interval: median %.1f ms, p95 %.1f ms, p99 %.1f ms over %zu frames\n",
                        percentile(frameIntervals, 0.5), percentile(frameIntervals, 0.95),
                        percentile(frameIntervals, 0.99), frameIntervals.size());
            std::printf("  peak RSS: %.0f MB\n", double(usage.ru_maxrss) / 1024.0);
            std::printf("  capture store: %lld events written, %lld waiting, %s\n",
                        static_cast<long long>(store.status().stats.events),
                        static_cast<long long>(store.status().waiting),
                        store.status().error.isEmpty() ? "no errors" : qPrintable(store.status().error));
            QCoreApplication::quit();
        });
    });
    return app.exec();
}
