// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitecapturebackend.h"

#include "capturefilter.h"
#include "sqlitestatement.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <cmath>

namespace {

constexpr int PageSize = 5000; // events per query page: flat memory, few round trips

QAtomicInteger<quint64> connectionCounter;

const char *const Schema[] = {
    "CREATE TABLE IF NOT EXISTS capture_sessions (id INTEGER PRIMARY KEY, started_ms INTEGER NOT NULL, "
    "label TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL, "
    "received_ms INTEGER NOT NULL, subscription_id TEXT NOT NULL, source TEXT NOT NULL, type TEXT NOT NULL, "
    "event_id TEXT NOT NULL, data TEXT NOT NULL, seq INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS subscriptions (id TEXT PRIMARY KEY, name TEXT NOT NULL, url TEXT NOT NULL, "
    "panel TEXT NOT NULL, updated_ms INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS events_by_time ON events (received_ms)",
    "CREATE INDEX IF NOT EXISTS events_by_subscription ON events (subscription_id, received_ms)",
    "CREATE INDEX IF NOT EXISTS events_by_source ON events (source, received_ms)",
};

// A row of `SELECT id, received_ms, subscription_id, source, type, event_id, data, seq`.
CapturedEvent eventAt(const QSqlQuery &row)
{
    CapturedEvent event;
    event.receivedMs = row.value(1).toLongLong();
    event.subscription = row.value(2).toString();
    event.source = row.value(3).toString();
    event.event.type = row.value(4).toString();
    event.event.id = row.value(5).toString();
    event.event.data = row.value(6).toString();
    event.seq = row.value(7).toULongLong();
    return event;
}

} // namespace

SqliteCaptureBackend::SqliteCaptureBackend(const QString &path)
    : m_path(path)
    , m_connection(QStringLiteral("eventscope-capture-%1").arg(++connectionCounter))
{}

SqliteCaptureBackend::~SqliteCaptureBackend()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

QString SqliteCaptureBackend::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/capture.sqlite");
}

QString SqliteCaptureBackend::failure(const QString &what, const QString &why) const
{
    // SQLite says "disk I/O error" for a full disk or a file-size limit alike; say what to look at.
    const bool space = why.contains(QLatin1String("full")) || why.contains(QLatin1String("I/O error"));
    return QStringLiteral("capture store '%1': %2: %3%4")
        .arg(m_path, what, why, space ? QStringLiteral(" (is the disk full?)") : QString());
}

bool SqliteCaptureBackend::exec(const QString &sql, QString *error)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    *error = failure(QStringLiteral("cannot set it up"), query.lastError().text());
    return false;
}

bool SqliteCaptureBackend::open(QString *error)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        *error = failure(QStringLiteral("cannot open it"),
                         QStringLiteral("the Qt SQLite driver is not installed"));
        return false;
    }
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
    if (!m_db.open()) {
        *error = failure(QStringLiteral("cannot open it"), m_db.lastError().text());
        return false;
    }
    // A file that is not a database (or a damaged one) shows on the first read, not at open.
    QSqlQuery check(m_db);
    if (!check.exec(QStringLiteral("PRAGMA quick_check")) || !check.next() ||
        check.value(0).toString() != QLatin1String("ok")) {
        const QString why =
            check.lastError().isValid() ? check.lastError().text() : check.value(0).toString();
        *error = failure(QStringLiteral("it is damaged or not a capture store"), why);
        return false;
    }
    check.finish(); // an open read would keep the journal mode from changing
    for (const char *pragma : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"}) {
        if (!exec(QString::fromLatin1(pragma), error))
            return false;
    }
    return createOrCheckSchema(error);
}

bool SqliteCaptureBackend::createOrCheckSchema(QString *error)
{
    QSqlQuery version(m_db);
    if (!version.exec(QStringLiteral("PRAGMA user_version")) || !version.next()) {
        *error = failure(QStringLiteral("cannot read its schema version"), version.lastError().text());
        return false;
    }
    const int found = version.value(0).toInt();
    version.finish();
    if (found > SchemaVersion) {
        *error = failure(QStringLiteral("cannot open it"),
                         QStringLiteral("it has schema %1, written by a newer EventScope; this one reads "
                                        "schema %2 and older")
                             .arg(found)
                             .arg(SchemaVersion));
        return false;
    }
    for (const char *statement : Schema) {
        if (!exec(QString::fromLatin1(statement), error))
            return false;
    }
    return found == SchemaVersion ||
           exec(QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion), error);
}

qint64 SqliteCaptureBackend::beginSession(const QString &label, qint64 startedMs, QString *error)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO capture_sessions (started_ms, label) VALUES (?, ?)"));
    query.addBindValue(startedMs);
    query.addBindValue(label);
    if (!query.exec()) {
        *error = failure(QStringLiteral("cannot start a session"), query.lastError().text());
        return -1;
    }
    return query.lastInsertId().toLongLong();
}

bool SqliteCaptureBackend::writeRows(const char *sql, qsizetype rows,
                                     const std::function<void(SqliteStatement &, qsizetype)> &bindRow,
                                     QString *error)
{
    if (rows == 0)
        return true;
    if (!m_db.transaction()) {
        *error = failure(QStringLiteral("cannot write"), m_db.lastError().text());
        return false;
    }
    bool written = true;
    {
        SqliteStatement statement(m_db, sql);
        written = statement.isValid();
        for (qsizetype row = 0; written && row < rows; ++row) {
            bindRow(statement, row);
            written = statement.step();
        }
        if (!written)
            *error = failure(QStringLiteral("cannot write"), statement.lastError());
    } // finalized before COMMIT
    if (written && !m_db.commit()) {
        *error = failure(QStringLiteral("cannot write"), m_db.lastError().text());
        written = false;
    }
    if (!written)
        m_db.rollback();
    return written;
}

bool SqliteCaptureBackend::recordSubscriptions(const QList<CapturedSubscription> &subscriptions, qint64 nowMs,
                                               QString *error)
{
    return writeRows(
        "INSERT OR REPLACE INTO subscriptions (id, name, url, panel, updated_ms) VALUES (?, ?, ?, ?, ?)",
        subscriptions.size(),
        [&](SqliteStatement &upsert, qsizetype row) {
            const CapturedSubscription &subscription = subscriptions[row];
            upsert.bind(0, subscription.id);
            upsert.bind(1, subscription.name);
            upsert.bind(2, subscription.url);
            upsert.bind(3, subscription.panel);
            upsert.bind(4, nowMs);
        },
        error);
}

QList<CapturedSubscription> SqliteCaptureBackend::subscriptions(QString *error)
{
    QList<CapturedSubscription> list;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT id, name, url, panel FROM subscriptions ORDER BY name"))) {
        *error = failure(QStringLiteral("cannot read it"), query.lastError().text());
        return list;
    }
    while (query.next())
        list.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                     query.value(3).toString()});
    return list;
}

bool SqliteCaptureBackend::append(qint64 session, const QList<CapturedEvent> &events, QString *error)
{
    return writeRows(
        "INSERT INTO events (session_id, received_ms, subscription_id, source, type, event_id, data, seq) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        events.size(),
        [&](SqliteStatement &insert, qsizetype row) {
            const CapturedEvent &event = events[row];
            insert.bind(0, session);
            insert.bind(1, event.receivedMs);
            insert.bind(2, event.subscription);
            insert.bind(3, event.source);
            insert.bind(4, event.event.type);
            insert.bind(5, event.event.id);
            insert.bind(6, event.event.data);
            insert.bind(7, event.seq);
        },
        error);
}

bool SqliteCaptureBackend::deleteOldest(qint64 count, QString *error)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "DELETE FROM events WHERE id <= (SELECT id FROM events ORDER BY id LIMIT 1 OFFSET ?)"));
    query.addBindValue(count - 1);
    if (!query.exec()) {
        *error = failure(QStringLiteral("cannot apply retention"), query.lastError().text());
        return false;
    }
    return true;
}

bool SqliteCaptureBackend::applyRetention(const RetentionPolicy &policy, qint64 nowMs, QString *error)
{
    if (policy.maxAgeDays > 0) {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("DELETE FROM events WHERE received_ms < ?"));
        query.addBindValue(nowMs - qint64(policy.maxAgeDays) * 86400000);
        if (!query.exec()) {
            *error = failure(QStringLiteral("cannot apply retention"), query.lastError().text());
            return false;
        }
    }
    if (policy.maxBytes > 0) {
        // Drop the oldest events in proportion to the excess, aiming 10 % under the limit so that
        // retention does not run on every batch.
        for (int round = 0; round < 8; ++round) {
            const std::optional<CaptureStats> now = stats(error);
            if (!now)
                return false;
            if (now->bytes <= policy.maxBytes || now->events == 0)
                break;
            const double excess = 1.0 - 0.9 * double(policy.maxBytes) / double(now->bytes);
            if (!deleteOldest(std::max<qint64>(1, qint64(std::ceil(excess * double(now->events)))), error))
                return false;
        }
    }
    // Freed pages are reused by the next writes, so the file stops growing at the limit; the checkpoint
    // keeps the write-ahead log from growing beside it.
    return exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), error);
}

std::optional<CaptureStats> SqliteCaptureBackend::stats(QString *error)
{
    CaptureStats stats;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT COUNT(*), MIN(received_ms), MAX(received_ms) FROM events")) ||
        !query.next()) {
        *error = failure(QStringLiteral("cannot read it"), query.lastError().text());
        return std::nullopt;
    }
    stats.events = query.value(0).toLongLong();
    stats.oldestMs = query.value(1).toLongLong();
    stats.newestMs = query.value(2).toLongLong();
    qint64 pageSize = 0, pages = 0, freePages = 0;
    for (auto [pragma, target] :
         {std::pair{"PRAGMA page_size", &pageSize}, std::pair{"PRAGMA page_count", &pages},
          std::pair{"PRAGMA freelist_count", &freePages}}) {
        if (!query.exec(QString::fromLatin1(pragma)) || !query.next()) {
            *error = failure(QStringLiteral("cannot read it"), query.lastError().text());
            return std::nullopt;
        }
        *target = query.value(0).toLongLong();
    }
    stats.bytes = (pages - freePages) * pageSize;
    return stats;
}

bool SqliteCaptureBackend::query(const CaptureQuery &query, qint64 *total,
                                 const std::function<bool(const QList<CapturedEvent> &)> &sink,
                                 QString *error)
{
    const CaptureFilter filter = CaptureFilter::of(query,
                                                   {QStringLiteral("data"), QStringLiteral("type"),
                                                    QStringLiteral("event_id"), QStringLiteral("source")},
                                                   QStringLiteral("LIKE"));
    const QVariantList &values = filter.values;
    const QString &where = filter.conditions;

    if (total) {
        QSqlQuery count(m_db);
        count.prepare(QStringLiteral("SELECT COUNT(*) FROM events WHERE 1 = 1") + where);
        for (const QVariant &value : std::as_const(values))
            count.addBindValue(value);
        if (!count.exec() || !count.next()) {
            *error = failure(QStringLiteral("cannot read it"), count.lastError().text());
            return false;
        }
        *total = count.value(0).toLongLong();
    }

    const QString columns = QStringLiteral(
        "SELECT id, received_ms, subscription_id, source, type, event_id, data, seq FROM events ");
    if (query.newest > 0) {
        // The newest matches in one query, walking the table backwards, then turned around.
        QSqlQuery newest(m_db);
        newest.setForwardOnly(true);
        newest.prepare(columns + QStringLiteral("WHERE 1 = 1") + where +
                       QStringLiteral(" ORDER BY id DESC LIMIT %1").arg(query.newest));
        for (const QVariant &value : std::as_const(values))
            newest.addBindValue(value);
        if (!newest.exec()) {
            *error = failure(QStringLiteral("cannot read it"), newest.lastError().text());
            return false;
        }
        QList<CapturedEvent> events;
        while (newest.next())
            events.prepend(eventAt(newest));
        handOnInPages(events, PageSize, sink);
        return true;
    }
    QSqlQuery page(m_db);
    page.setForwardOnly(true);
    page.prepare(columns + QStringLiteral("WHERE id > ?") + where +
                 QStringLiteral(" ORDER BY id LIMIT %1").arg(PageSize));
    qint64 after = 0;
    for (;;) {
        page.bindValue(0, after);
        for (int i = 0; i < values.size(); ++i)
            page.bindValue(i + 1, values[i]);
        if (!page.exec()) {
            *error = failure(QStringLiteral("cannot read it"), page.lastError().text());
            return false;
        }
        QList<CapturedEvent> events;
        events.reserve(PageSize);
        while (page.next()) {
            after = page.value(0).toLongLong();
            events.append(eventAt(page));
        }
        page.finish();
        if (events.isEmpty() || !sink(events))
            return true;
        if (events.size() < PageSize)
            return true;
    }
}
