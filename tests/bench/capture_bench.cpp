// SPDX-License-Identifier: GPL-3.0-or-later
// The capture stores' throughput: sustained inserts of 64-byte and 4 KiB events in the writer's batch
// size, a text search that matches one event of them all, and an export to NDJSON and CSV with peak RSS,
// to show memory stays flat; first for SQLite, then for PostgreSQL (a server started for the bench, as the
// tests start theirs) with one writer and with four at once, and the one writer through Qt's QPSQL driver
// instead of libpq's COPY, which the backend uses because it is the faster.
//
//   build/tests/bench/capture_bench [events] [sqlite|postgresql]   (default 1000000, both)
#include "captureexporter.h"
#include "postgrescapturebackend.h"
#include "postgresserver.h"
#include "sqlitecapturebackend.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>
#include <cstdio>
#include <sys/resource.h>
#include <thread>

namespace {

constexpr int Batch = 1000; // about what the writer commits every 100 ms at 10 000 events/s
const QString Needle = QStringLiteral("needle-in-the-haystack");

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

[[noreturn]] void fail(const QString &error)
{
    std::fprintf(stderr, "capture_bench: %s\n", qPrintable(error));
    std::exit(1);
}

// `count` events of `dataSize` bytes handed to `append` in batches; the one in the middle carries the
// needle. Returns events per second.
template<typename Append>
double insertBatches(qint64 count, int dataSize, const QString &source, const Append &append)
{
    const QString data =
        QStringLiteral("{\"v\":\"%1\"}").arg(QString(std::max(0, dataSize - 8), QLatin1Char('x')));
    QList<CapturedEvent> batch(Batch);
    QElapsedTimer clock;
    clock.start();
    for (qint64 done = 0; done < count; done += Batch) {
        for (int i = 0; i < Batch; ++i) {
            CapturedEvent &event = batch[i];
            const qint64 n = done + i + 1;
            event.event = {QStringLiteral("quote"), n == count / 2 ? data + Needle : data,
                           QString::number(n)};
            event.source = source;
            event.subscription = QStringLiteral("sub-1");
            event.receivedMs = 1795957262345 + n;
            event.seq = quint64(n);
        }
        append(batch);
    }
    return double(count) / (double(clock.nsecsElapsed()) / 1e9);
}

// The same through a backend, from one session.
double insert(CaptureBackend &store, qint64 count, int dataSize,
              const QString &source = QStringLiteral("Stocks"))
{
    QString error;
    const qint64 session = store.beginSession(QStringLiteral("bench"), 0, &error);
    if (session < 0)
        fail(error);
    return insertBatches(count, dataSize, source, [&](const QList<CapturedEvent> &batch) {
        if (!store.append(session, batch, &error))
            fail(error);
    });
}

// The same batches through Qt's QPSQL driver instead of libpq's COPY, into the tables the backend made:
// one multi-row INSERT per batch in a transaction, the fastest QSqlQuery allows (it cannot COPY).
double insertWithQpsql(const QUrl &url, qint64 count, int dataSize)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("qpsql"));
    db.setHostName(url.host());
    db.setPort(url.port());
    db.setUserName(url.userName());
    db.setDatabaseName(url.path().mid(1)); // the password comes from PGPASSWORD, as for libpq
    if (!db.open())
        fail(db.lastError().text());
    QString values;
    for (int i = 0; i < Batch; ++i)
        values += QStringLiteral("%1(1, ?, ?, ?, ?, ?, ?, ?)").arg(i ? QStringLiteral(", ") : QString());
    QSqlQuery insert(db);
    if (!insert.prepare(QStringLiteral("INSERT INTO events (agent_id, received_ms, subscription_id, source, "
                                       "type, event_id, data, seq) VALUES ") +
                        values))
        fail(insert.lastError().text());
    const double rate =
        insertBatches(count, dataSize, QStringLiteral("Stocks"), [&](const QList<CapturedEvent> &batch) {
            db.transaction();
            int column = 0;
            for (const CapturedEvent &event : batch) {
                insert.bindValue(column++, event.receivedMs);
                insert.bindValue(column++, event.subscription);
                insert.bindValue(column++, event.source);
                insert.bindValue(column++, event.event.type);
                insert.bindValue(column++, event.event.id);
                insert.bindValue(column++, event.event.data);
                insert.bindValue(column++, qint64(event.seq));
            }
            if (!insert.exec() || !db.commit())
                fail(insert.lastError().text() + db.lastError().text());
        });
    insert = QSqlQuery();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("qpsql"));
    return rate;
}

void printInsert(const char *store, int size, double rate, qint64 count, const char *writers = "")
{
    std::printf("%-10s insert %4d-byte events%s: %9.0f events/s (%lld events, batches of %d)\n", store, size,
                writers, rate, static_cast<long long>(count), Batch);
}

void search(const char *name, CaptureBackend &store, qint64 events)
{
    CaptureQuery query;
    query.text = Needle;
    qint64 total = 0;
    QString error;
    QElapsedTimer clock;
    clock.start();
    if (!store.query(
            query, &total, [](const QList<CapturedEvent> &) { return true; }, &error))
        fail(error);
    std::printf("%-10s search a text in %lld events: %lld match, %.0f ms\n", name,
                static_cast<long long>(events), static_cast<long long>(total),
                double(clock.nsecsElapsed()) / 1e6);
}

void exportAll(const char *name, CaptureBackend &store, const QTemporaryDir &dir)
{
    const double rssBefore = peakRssMb();
    for (const char *format : {"ndjson", "csv"}) {
        const QString file = dir.filePath(QStringLiteral("export.") + QLatin1String(format));
        QElapsedTimer clock;
        clock.start();
        const CaptureExporter::Result result = CaptureExporter::run(store, {}, QLatin1String(format), file);
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        if (!result.ok)
            fail(result.error);
        std::printf("%-10s export %lld events to %-6s: %9.0f events/s, %6.1f MB/s (%.0f MB written)\n", name,
                    static_cast<long long>(result.events), format, double(result.events) / seconds,
                    double(result.bytes) / 1e6 / seconds, double(result.bytes) / 1e6);
    }
    std::printf("%-10s peak RSS: %.0f MB before the exports, %.0f MB after\n", name, rssBefore, peakRssMb());
}

void benchSqlite(qint64 events, const QTemporaryDir &dir)
{
    for (int size : {64, 4096}) {
        const qint64 count = size == 64 ? events : std::max<qint64>(Batch, events / 10);
        SqliteCaptureBackend store(dir.filePath(QStringLiteral("insert-%1.sqlite").arg(size)));
        QString error;
        if (!store.open(&error))
            fail(error);
        printInsert("SQLite", size, insert(store, count, size), count);
    }
    SqliteCaptureBackend store(dir.filePath(QStringLiteral("insert-64.sqlite")));
    QString error;
    if (!store.open(&error))
        fail(error);
    search("SQLite", store, events);
    exportAll("SQLite", store, dir);
}

void benchPostgres(qint64 events, const QTemporaryDir &dir)
{
    PostgresServer server;
    QString error;
    if (!server.start(&error))
        fail(error);
    for (int size : {64, 4096}) {
        const qint64 count = size == 64 ? events : std::max<qint64>(Batch, events / 10);
        const QString database = QStringLiteral("insert%1").arg(size);
        if (!server.createDatabase(database, &error))
            fail(error);
        PostgresCaptureBackend store(server.url(database));
        if (!store.open(&error))
            fail(error);
        printInsert("PostgreSQL", size, insert(store, count, size), count, ", 1 writer");
    }
    if (QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        // The schema (and the day's partition) made by the backend, the rows through QPSQL.
        if (!server.createDatabase(QStringLiteral("qpsql"), &error))
            fail(error);
        PostgresCaptureBackend schema(server.url(QStringLiteral("qpsql")));
        if (!schema.open(&error))
            fail(error);
        insert(schema, Batch, 64);
        const qint64 count = std::min<qint64>(events, 200000);
        printInsert("QPSQL", 64, insertWithQpsql(QUrl(server.url(QStringLiteral("qpsql"))), count, 64), count,
                    ", 1 writer");
    } else {
        std::printf("QPSQL      not measured: Qt's PostgreSQL driver is not installed (scripts/setup "
                    "libqt6sql6-psql installs it)\n");
    }
    // Four agents at once, each its own connection and session, a quarter of the events each.
    if (!server.createDatabase(QStringLiteral("writers"), &error))
        fail(error);
    std::vector<std::thread> writers;
    QElapsedTimer clock;
    clock.start();
    for (int w = 0; w < 4; ++w) {
        writers.emplace_back([&, w] {
            PostgresCaptureBackend store(server.url(QStringLiteral("writers")));
            QString problem;
            if (!store.open(&problem))
                fail(problem);
            insert(store, events / 4, 64, QStringLiteral("Stocks %1").arg(w));
        });
    }
    for (std::thread &writer : writers)
        writer.join();
    printInsert("PostgreSQL", 64, double(events / 4 * 4) / (double(clock.nsecsElapsed()) / 1e9),
                events / 4 * 4, ", 4 writers");
    PostgresCaptureBackend store(server.url(QStringLiteral("insert64")));
    if (!store.open(&error))
        fail(error);
    search("PostgreSQL", store, events);
    exportAll("PostgreSQL", store, dir);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 events = argc > 1 ? std::max(Batch, std::atoi(argv[1])) : 1000000;
    const QString only = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString();
    QTemporaryDir dir;
    if (only.isEmpty() || only == QLatin1String("sqlite"))
        benchSqlite(events, dir);
    if (only.isEmpty() || only == QLatin1String("postgresql"))
        benchPostgres(events, dir);
    return 0;
}
