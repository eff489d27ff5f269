// SPDX-License-Identifier: GPL-3.0-or-later
// Text search in a shared PostgreSQL store at scale: N events (default 10 million, about 110 bytes of
// JSON each, 20 sources) loaded into a store the backend created, then the searches the Store page and
// `export --text` make, timed with the trigram GIN index the schema builds and again with a tsvector GIN
// index in its place: index build time and size, and each search's time (median of three).
//
// A tsvector matches whole words (`overheat`, `sensor-123`); the trigram index any substring, case
// ignored, as the SQLite store's LIKE and the Events page's filter do, which is why the schema uses it.
//
//   build/tests/bench/search_bench [events]     (default 10000000; about 10 minutes on 2 cores)
#include "postgrescapturebackend.h"
#include "postgresserver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>
#include <libpq-fe.h>
#include <vector>

namespace {

constexpr qint64 DayMs = 86400000;
constexpr int Shown = 5000; // the Store page's newest matches
const char SearchText[] = "(source || chr(31) || type || chr(31) || event_id || chr(31) || data)";

[[noreturn]] void fail(const QString &error)
{
    std::fprintf(stderr, "search_bench: %s\n", qPrintable(error));
    std::exit(1);
}

double since(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

class Sql
{
public:
    explicit Sql(const QString &url)
        : m_conn(PQconnectdb(url.toUtf8().constData()))
    {
        if (PQstatus(m_conn) != CONNECTION_OK)
            fail(QString::fromUtf8(PQerrorMessage(m_conn)));
    }
    ~Sql() { PQfinish(m_conn); }

    // Runs `statement` with `parameter` as $1 (if given); the first column of the first row, and the
    // number of rows in `rows`.
    QString run(const QString &statement, const QString &parameter = QString(), int *rows = nullptr)
    {
        const QByteArray value = parameter.toUtf8();
        const char *values[] = {value.constData()};
        PGresult *result = PQexecParams(m_conn, statement.toUtf8().constData(), parameter.isNull() ? 0 : 1,
                                        nullptr, values, nullptr, nullptr, 0);
        const ExecStatusType status = PQresultStatus(result);
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
            fail(QString::fromUtf8(PQresultErrorMessage(result)));
        const QString first = PQntuples(result) > 0 ? QString::fromUtf8(PQgetvalue(result, 0, 0)) : QString();
        if (rows)
            *rows = PQntuples(result);
        PQclear(result);
        return first;
    }

private:
    PGconn *m_conn;
};

// The median of three runs of `search`, which returns how many events it found.
template<typename Search> std::pair<double, qint64> median(Search search)
{
    std::vector<double> times;
    qint64 found = 0;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer clock;
        clock.start();
        found = search();
        times.push_back(since(clock));
    }
    std::sort(times.begin(), times.end());
    return {times[1], found};
}

qint64 storePage(PostgresCaptureBackend &store, const QString &text, bool newest)
{
    CaptureQuery query;
    query.text = text;
    query.newest = newest ? Shown : 0;
    qint64 found = 0;
    QString error;
    if (!store.query(
            query, nullptr,
            [&](const QList<CapturedEvent> &page) {
                found += page.size();
                return true;
            },
            &error))
        fail(error);
    return found;
}

const QStringList Texts = {QStringLiteral("needle-in-the-haystack"), QStringLiteral("sensor-123\""),
                           QStringLiteral("overheat")};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 events = argc > 1 ? std::max<qint64>(100000, std::atoll(argv[1])) : 10000000;
    PostgresServer server;
    QString error;
    if (!server.start(&error) || !server.createDatabase(QStringLiteral("search"), &error))
        fail(error);
    PostgresCaptureBackend store(server.url(QStringLiteral("search")));
    if (!store.open(&error))
        fail(error);
    Sql sql(server.url(QStringLiteral("search")));

    // Loaded without the search index, as a restore would be, then indexed; 100 events a second from
    // the start of today (today's and tomorrow's partitions exist), five needles.
    const qint64 today = QDateTime::currentMSecsSinceEpoch() / DayMs * DayMs;
    sql.run(QStringLiteral("DROP INDEX events_search"));
    QElapsedTimer clock;
    clock.start();
    sql.run(QStringLiteral(
                "INSERT INTO agents (host, process, label, started_ms) VALUES ('bench', 1, 'bench', %1)")
                .arg(today));
    sql.run(
        QStringLiteral(
            "INSERT INTO events (agent_id, received_ms, subscription_id, source, type, event_id, data, seq) "
            "SELECT 1, %1 + i * 10, 'sub-' || (i % 20), 'Feed ' || (i % 20), "
            "(ARRAY['quote','reading','progress','notification'])[1 + i % 4], i::text, "
            "'{\"device\":\"sensor-' || (i % 500) || '\",\"value\":' || (i % 997) || ',\"note\":\"' || "
            "(ARRAY['steady','rising','falling','idle','overheat','calibrating','offline','nominal'])"
            "[1 + i % 8] || ' ' || md5(i::text) || CASE WHEN i % %3 = %4 THEN "
            "' needle-in-the-haystack' ELSE '' END || '\"}', i FROM generate_series(1, %2) AS i")
            .arg(today)
            .arg(events)
            .arg(events / 5)
            .arg(events / 10));
    sql.run(QStringLiteral("VACUUM ANALYZE events"));
    std::printf("PostgreSQL %lld events loaded in %.0f s; table %s\n", static_cast<long long>(events),
                since(clock) / 1000,
                qPrintable(sql.run(QStringLiteral("SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) "
                                                  "FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                                                  "WHERE i.inhparent = 'events'::regclass"))));

    const auto index = [&](const char *name, const QString &create) {
        QElapsedTimer built;
        built.start();
        sql.run(QStringLiteral("SET maintenance_work_mem = '512MB'")); // what a DBA gives an index build
        sql.run(create);
        sql.run(QStringLiteral("ANALYZE events"));
        std::printf("%-8s index built in %.0f s, %s\n", name, since(built) / 1000,
                    qPrintable(sql.run(QStringLiteral(
                        "SELECT pg_size_pretty(sum(pg_relation_size(inhrelid))) FROM pg_inherits WHERE "
                        "inhparent = 'events_search'::regclass"))));
    };

    index("trigram", QStringLiteral("CREATE INDEX events_search ON events USING gin (%1 gin_trgm_ops)")
                         .arg(QLatin1String(SearchText)));
    for (const QString &text : Texts) {
        const auto [page, shown] = median([&] { return storePage(store, text, true); });
        std::printf("trigram  Store page, newest %d matching '%s': %lld events, %.0f ms\n", Shown,
                    qPrintable(text), static_cast<long long>(shown), page);
    }
    const auto [all, matched] = median([&] { return storePage(store, Texts[0], false); });
    std::printf("trigram  export --text '%s': %lld events, %.0f ms\n", qPrintable(Texts[0]),
                static_cast<long long>(matched), all);

    sql.run(QStringLiteral("DROP INDEX events_search"));
    const QString vector = QStringLiteral("to_tsvector('simple', %1)").arg(QLatin1String(SearchText));
    index("tsvector", QStringLiteral("CREATE INDEX events_search ON events USING gin (%1)").arg(vector));
    for (const QString &text : Texts) {
        const QString words = QString(text).remove(QLatin1Char('"'));
        const auto [page, shown] = median([&] {
            int rows = 0;
            sql.run(QStringLiteral("SELECT id FROM events WHERE %1 @@ plainto_tsquery('simple', $1) "
                                   "ORDER BY received_ms DESC, id DESC LIMIT %2")
                        .arg(vector)
                        .arg(Shown),
                    words, &rows);
            return qint64(rows);
        });
        std::printf("tsvector newest %d matching the words '%s': %lld events, %.0f ms\n", Shown,
                    qPrintable(words), static_cast<long long>(shown), page);
    }
    return 0;
}
