// SPDX-License-Identifier: GPL-3.0-or-later
// The capture store's throughput: sustained inserts of 64-byte and 4 KiB events in the writer's batch
// size, and an export of 1 000 000 events to NDJSON and CSV with peak RSS, to show memory stays flat.
//
//   build/tests/bench/capture_bench [events]      (default 1000000)
#include "captureexporter.h"
#include "sqlitecapturebackend.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <cstdio>
#include <sys/resource.h>

namespace {

constexpr int Batch = 1000; // about what the writer commits every 100 ms at 10 000 events/s

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

double insert(SqliteCaptureBackend &store, qint64 session, qint64 count, int dataSize)
{
    const QString data =
        QStringLiteral("{\"v\":\"%1\"}").arg(QString(std::max(0, dataSize - 8), QLatin1Char('x')));
    QList<CapturedEvent> batch(Batch);
    QElapsedTimer clock;
    clock.start();
    QString error;
    for (qint64 done = 0; done < count; done += Batch) {
        for (int i = 0; i < Batch; ++i) {
            CapturedEvent &event = batch[i];
            event.event = {QStringLiteral("quote"), data, QString::number(done + i + 1)};
            event.source = QStringLiteral("Stocks");
            event.subscription = QStringLiteral("sub-1");
            event.receivedMs = 1795957262345 + done + i;
            event.seq = quint64(done + i + 1);
        }
        if (!store.append(session, batch, &error)) {
            std::fprintf(stderr, "capture_bench: %s\n", qPrintable(error));
            std::exit(1);
        }
    }
    return double(count) / (double(clock.nsecsElapsed()) / 1e9);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 events = argc > 1 ? std::max(Batch, std::atoi(argv[1])) : 1000000;
    QTemporaryDir dir;

    for (int size : {64, 4096}) {
        const qint64 count = size == 64 ? events : std::max<qint64>(Batch, events / 10);
        SqliteCaptureBackend store(dir.filePath(QStringLiteral("insert-%1.sqlite").arg(size)));
        QString error;
        if (!store.open(&error)) {
            std::fprintf(stderr, "capture_bench: %s\n", qPrintable(error));
            return 1;
        }
        const double rate =
            insert(store, store.beginSession(QStringLiteral("bench"), 0, &error), count, size);
        std::printf("insert %4d-byte events: %9.0f events/s (%lld events, batches of %d)\n", size, rate,
                    static_cast<long long>(count), Batch);
    }

    SqliteCaptureBackend store(dir.filePath(QStringLiteral("insert-64.sqlite")));
    QString error;
    store.open(&error);
    const double rssBefore = peakRssMb();
    for (const char *format : {"ndjson", "csv"}) {
        const QString file = dir.filePath(QStringLiteral("export.") + QLatin1String(format));
        QElapsedTimer clock;
        clock.start();
        const CaptureExporter::Result result = CaptureExporter::run(store, {}, QLatin1String(format), file);
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        if (!result.ok) {
            std::fprintf(stderr, "capture_bench: %s\n", qPrintable(result.error));
            return 1;
        }
        std::printf("export %lld events to %-6s: %9.0f events/s, %6.1f MB/s (%.0f MB written)\n",
                    static_cast<long long>(result.events), format, double(result.events) / seconds,
                    double(result.bytes) / 1e6 / seconds, double(result.bytes) / 1e6);
    }
    std::printf("peak RSS: %.0f MB before the exports, %.0f MB after\n", rssBefore, peakRssMb());
    return 0;
}
