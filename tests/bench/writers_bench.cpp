// SPDX-License-Identifier: GPL-3.0-or-later
// Several agents writing into one PostgreSQL store at once, at full size: `writers` real `eventscope
// capture` processes (default 4), each reading its own /bench stream at `rate` events a second (default
// 5 000) for `seconds` (default 60) into the same database; then `eventscope export` of the whole store,
// checked: every event once, in received order per source. Prints how long the writers took against the
// streams' length and what the check found. tst_postgresstore runs the same at a small size as a test.
//
//   build/tests/bench/writers_bench [writers] [rate] [seconds]
#include "demoserverthread.h"
#include "postgresserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <cstdio>

namespace {

[[noreturn]] void fail(const QString &error)
{
    std::fprintf(stderr, "writers_bench: %s\n", qPrintable(error));
    std::exit(1);
}

struct Check
{
    qint64 events = 0;
    qint64 missing = 0;    // ids 1..count not found once
    qint64 duplicates = 0; // ids found more than once
    qint64 outOfOrder = 0; // ids lower than the one before them from the same source
};

Check check(const QString &ndjson, int sources, qint64 perSource)
{
    QFile file(ndjson);
    if (!file.open(QIODevice::ReadOnly))
        fail(file.errorString());
    QMap<QString, QList<qint64>> idsBySource;
    Check found;
    while (!file.atEnd()) {
        const QJsonObject event = QJsonDocument::fromJson(file.readLine()).object();
        if (event.isEmpty())
            continue;
        ++found.events;
        idsBySource[event[QStringLiteral("source")].toString()]
            << event[QStringLiteral("id")].toString().toLongLong();
    }
    found.missing = qint64(sources - idsBySource.size()) * perSource;
    for (const QList<qint64> &ids : std::as_const(idsBySource)) {
        QList<int> seen(perSource + 1, 0);
        for (qsizetype i = 0; i < ids.size(); ++i) {
            if (i > 0 && ids[i] < ids[i - 1])
                ++found.outOfOrder;
            if (ids[i] >= 1 && ids[i] <= perSource && ++seen[ids[i]] == 2)
                ++found.duplicates;
        }
        for (qint64 id = 1; id <= perSource; ++id)
            found.missing += seen[id] == 0;
    }
    return found;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int writers = argc > 1 ? std::max(1, std::atoi(argv[1])) : 4;
    const int rate = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5000;
    const int seconds = argc > 3 ? std::max(1, std::atoi(argv[3])) : 60;
    const qint64 perWriter = qint64(rate) * seconds;

    PostgresServer server;
    DemoServerThread demo;
    QTemporaryDir dir;
    QString error;
    if (!server.start(&error) || !server.createDatabase(QStringLiteral("writers"), &error) ||
        !demo.start(&error))
        fail(error);
    const QString db = server.url(QStringLiteral("writers"));
    const QString stream =
        demo.url()
            .resolved(QUrl(QStringLiteral("/bench?n=%1&rate=%2&size=64").arg(perWriter).arg(rate)))
            .toString();
    std::printf("writers_bench: %d x eventscope capture of %d events/s for %d s into PostgreSQL\n", writers,
                rate, seconds);

    QList<QProcess *> processes;
    QElapsedTimer clock;
    clock.start();
    for (int w = 0; w < writers; ++w) {
        auto *process = new QProcess(&app);
        process->setStandardOutputFile(QStringLiteral("/dev/null"));
        process->start(QStringLiteral(EVENTSCOPE_BIN),
                       {QStringLiteral("capture"), QStringLiteral("-q"), QStringLiteral("-n"),
                        QString::number(perWriter), QStringLiteral("--db"), db, QStringLiteral("--source"),
                        QStringLiteral("writer-%1").arg(w), stream});
        processes << process;
    }
    for (QProcess *process : std::as_const(processes)) {
        if (!process->waitForFinished((seconds + 120) * 1000) || process->exitCode() != 0)
            fail(QStringLiteral("a writer failed: ") + QString::fromUtf8(process->readAllStandardError()));
    }
    const double written = double(clock.nsecsElapsed()) / 1e9;
    std::printf("  all %lld events received and written in %.1f s (the streams last %d s)\n",
                static_cast<long long>(perWriter * writers), written, seconds);

    const QString ndjson = dir.filePath(QStringLiteral("export.ndjson"));
    clock.restart();
    QProcess exporter;
    exporter.start(QStringLiteral(EVENTSCOPE_BIN),
                   {QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"),
                    QStringLiteral("ndjson"), QStringLiteral("-o"), ndjson});
    if (!exporter.waitForFinished(600000) || exporter.exitCode() != 0)
        fail(QStringLiteral("export failed: ") + QString::fromUtf8(exporter.readAllStandardError()));
    std::printf("  export of the store: %.1f s\n", double(clock.nsecsElapsed()) / 1e9);
    const Check found = check(ndjson, writers, perWriter);
    std::printf("  exported %lld events: %lld missing, %lld twice, %lld out of received order per source\n",
                static_cast<long long>(found.events), static_cast<long long>(found.missing),
                static_cast<long long>(found.duplicates), static_cast<long long>(found.outOfOrder));
    return found.missing == 0 && found.duplicates == 0 && found.outOfOrder == 0 ? 0 : 1;
}
