// SPDX-License-Identifier: GPL-3.0-or-later
// `eventscope capture` of /bench?n=200000&size=64 to /dev/null over loopback: events/s end to end,
// process start and connection included. Three runs; prints each and the median.
#include "demoserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTimer>
#include <algorithm>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 events = argc > 1 ? QByteArray(argv[1]).toLongLong() : 200000;
    const int size = argc > 2 ? QByteArray(argv[2]).toInt() : 64;

    DemoServer server;
    QString error;
    if (!server.listen(&error)) {
        std::fprintf(stderr, "capture_e2e_bench: %s\n", qPrintable(error));
        return 1;
    }
    const QString url = server.url(QStringLiteral("/bench?n=%1&size=%2").arg(events).arg(size)).toString();
    std::printf("capture_e2e_bench: eventscope capture %s -> /dev/null\n", qPrintable(url));

    QList<double> rates;
    for (int run = 1; run <= 3; ++run) {
        QProcess capture;
        capture.setStandardOutputFile(QStringLiteral("/dev/null"));
        capture.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer timer;
        timer.start();
        capture.start(QStringLiteral(EVENTSCOPE_BIN),
                      {QStringLiteral("capture"), url, QStringLiteral("--max-events"),
                       QString::number(events), QStringLiteral("--quiet")});
        // The server lives in this process: serve while waiting, bounded at two minutes.
        QEventLoop loop;
        QObject::connect(&capture, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        loop.exec();
        const double seconds = timer.nsecsElapsed() / 1e9;
        if (capture.state() != QProcess::NotRunning || capture.exitCode() != 0) {
            std::fprintf(stderr, "capture_e2e_bench: run %d failed (exit %d)\n", run, capture.exitCode());
            capture.kill();
            capture.waitForFinished();
            return 1;
        }
        rates << events / seconds;
        std::printf("  run %d: %lld events of %d bytes in %.3f s = %.0f events/s\n", run, qlonglong(events),
                    size, seconds, events / seconds);
    }
    std::sort(rates.begin(), rates.end());
    std::printf("median: %.0f events/s\n", rates[1]);
    return 0;
}
