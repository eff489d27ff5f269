// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgrescapturebackend.h"

#include "capturefilter.h"
#include "sqlitecapturebackend.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QHostInfo>
#include <QUrl>
#include <algorithm>
#include <libpq-fe.h>
#include <limits>
#include <vector>

namespace {

constexpr int PageSize = 5000;
constexpr qint64 DayMs = 86400000;
constexpr int MaxBackoffMs = 10000;
constexpr qsizetype CopyChunkBytes = 1 << 20;
// Above this many events (PostgreSQL's own estimate), stats() reports the estimate: an exact count of
// millions of rows each second would cost the writers more than the figure is worth.
constexpr double ExactCountBelow = 1e6;
// Every schema change and partition creation is made under this advisory lock, so agents starting together
// or crossing midnight together do not race each other.
constexpr qint64 SchemaLock = 0x4576536370; // "EvScp"

// What the text filter searches: one expression (with a trigram index), the four fields apart by a unit
// separator, which a searched text does not contain, so no match can span two fields. It must stay the
// expression that migration 1 indexed, character for character, or the index no longer serves it.
const char SearchText[] = "(source || chr(31) || type || chr(31) || event_id || chr(31) || data)";

// The schema's history: Migrations[i] takes a database from schema i to schema i + 1 (0: nothing of
// ours yet), and a newer EventScope applies those a store lacks, in order, under the schema lock. A
// migration is never edited once released; a change is a new one at the end, and SchemaVersion follows.
const std::vector<std::vector<const char *>> Migrations = {
    // 1: agents, their subscriptions, events partitioned by day, the SQLite store's indexes, text search.
    {
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        "CREATE TABLE agents (id bigserial PRIMARY KEY, host text NOT NULL, process bigint NOT NULL, "
        "label text NOT NULL, started_ms bigint NOT NULL)",
        "CREATE TABLE subscriptions (agent_id bigint NOT NULL REFERENCES agents ON DELETE CASCADE, "
        "id text NOT NULL, name text NOT NULL, url text NOT NULL, panel text NOT NULL, "
        "updated_ms bigint NOT NULL, PRIMARY KEY (agent_id, id))",
        "CREATE TABLE events (id bigserial NOT NULL, agent_id bigint NOT NULL, received_ms bigint NOT NULL, "
        "subscription_id text NOT NULL, source text NOT NULL, type text NOT NULL, event_id text NOT NULL, "
        "data text NOT NULL, seq bigint NOT NULL) PARTITION BY RANGE (received_ms)",
        "CREATE INDEX events_by_time ON events (received_ms, id)",
        "CREATE INDEX events_by_subscription ON events (subscription_id, received_ms)",
        "CREATE INDEX events_by_source ON events (source, received_ms)",
        "CREATE INDEX events_search ON events USING gin ((source || chr(31) || type || chr(31) || "
        "event_id || chr(31) || data) gin_trgm_ops)",
    },
    // 2: which EventScope each agent ran, and when each schema version was applied, so that the operators
    // of a shared store can tell which agents still run a release older than the store.
    {
        "ALTER TABLE agents ADD COLUMN version text NOT NULL DEFAULT ''",
        "ALTER TABLE eventscope_schema ADD COLUMN applied_ms bigint",
    },
};

// libpq's messages run over lines ("server closed the connection unexpectedly\n\tThis probably…").
QString oneLine(const char *message)
{
    QStringList lines = QString::fromUtf8(message).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (QString &line : lines)
        line = line.trimmed();
    lines.removeAll(QString());
    return lines.join(QStringLiteral("; "));
}

QString partitionName(qint64 day)
{
    return QStringLiteral("events_") +
           QDateTime::fromMSecsSinceEpoch(day * DayMs, Qt::UTC).toString(QStringLiteral("yyyyMMdd"));
}

// COPY's text format: backslash, tab and line ends escaped; PostgreSQL text cannot hold U+0000, so it
// becomes U+FFFD.
void appendCopyField(QByteArray &out, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        case '\0':
            out.append("\xEF\xBF\xBD", 3);
            break;
        default:
            out.append(c);
        }
    }
}

// `?` placeholders as libpq's numbered ones, after `first - 1` others.
QString numbered(const QString &sql, int first = 1)
{
    QString out;
    int next = first;
    for (const QChar c : sql) {
        if (c == QLatin1Char('?'))
            out += QLatin1Char('$') + QString::number(next++);
        else
            out += c;
    }
    return out;
}

} // namespace

class PostgresCaptureBackend::Result
{
public:
    explicit Result(PGresult *result = nullptr)
        : m_result(result)
    {}
    Result(Result &&other) noexcept
        : m_result(std::exchange(other.m_result, nullptr))
    {}
    Result &operator=(Result &&) = delete;
    ~Result()
    {
        if (m_result)
            PQclear(m_result);
    }
    explicit operator bool() const { return m_result != nullptr; }
    ExecStatusType status() const { return PQresultStatus(m_result); }
    bool succeeded() const { return status() == PGRES_COMMAND_OK || status() == PGRES_TUPLES_OK; }
    QString message() const { return oneLine(PQresultErrorMessage(m_result)); }
    int rows() const { return PQntuples(m_result); }
    QString text(int row, int column) const
    {
        return QString::fromUtf8(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
    }
    qint64 number(int row, int column) const
    {
        return QByteArray::fromRawData(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column))
            .toLongLong();
    }

private:
    PGresult *m_result;
};

CapturedEvent PostgresCaptureBackend::eventAt(const Result &rows, int row)
{
    CapturedEvent event;
    event.receivedMs = rows.number(row, 1);
    event.subscription = rows.text(row, 2);
    event.source = rows.text(row, 3);
    event.event.type = rows.text(row, 4);
    event.event.id = rows.text(row, 5);
    event.event.data = rows.text(row, 6);
    event.seq = quint64(rows.number(row, 7));
    return event;
}

std::unique_ptr<CaptureBackend> captureBackendFor(const QString &location)
{
    if (PostgresCaptureBackend::isUrl(location))
        return std::make_unique<PostgresCaptureBackend>(location);
    return std::make_unique<SqliteCaptureBackend>(location);
}

QString problemReadingStore(const QString &location)
{
    if (PostgresCaptureBackend::isUrl(location))
        return PostgresCaptureBackend::problemWith(location);
    if (!QFileInfo::exists(location))
        return QStringLiteral("no capture store at '%1'").arg(location);
    return QString();
}

PostgresCaptureBackend::PostgresCaptureBackend(const QString &url)
    : m_url(url)
{
    QUrl shown(url);
    shown.setPassword(QString());
    m_location = shown.toString();
}

PostgresCaptureBackend::~PostgresCaptureBackend()
{
    if (m_conn)
        PQfinish(m_conn);
}

bool PostgresCaptureBackend::isUrl(const QString &db)
{
    return db.startsWith(QLatin1String("postgresql://")) || db.startsWith(QLatin1String("postgres://"));
}

QString PostgresCaptureBackend::problemWith(const QString &url)
{
    const QUrl parsed(url);
    if (!parsed.isValid()) // no host is fine: libpq then takes the local socket
        return QStringLiteral("'%1' is not a postgresql://user@host:port/dbname URL").arg(url);
    if (!parsed.password().isEmpty())
        return QStringLiteral("put the database password in ~/.pgpass or PGPASSWORD, not in the URL");
    return QString();
}

QString PostgresCaptureBackend::failure(const QString &what, const QString &why) const
{
    return QStringLiteral("capture store '%1': %2: %3").arg(m_location, what, why);
}

QString PostgresCaptureBackend::lastError() const
{
    const QString message = oneLine(PQerrorMessage(m_conn));
    return message.isEmpty() ? QStringLiteral("no answer") : message;
}

bool PostgresCaptureBackend::open(QString *error)
{
    if (m_conn)
        PQfinish(m_conn);
    m_conn = PQconnectdb(m_url.toUtf8().constData());
    if (PQstatus(m_conn) != CONNECTION_OK) {
        *error = failure(QStringLiteral("cannot connect"), lastError());
        return false;
    }
    PQsetClientEncoding(m_conn, "UTF8");
    PQsetNoticeProcessor(
        m_conn, [](void *, const char *) {}, nullptr); // "already exists, skipping"
    return exec(QStringLiteral("SET application_name = 'eventscope'"), QStringLiteral("cannot set it up"),
                error) &&
           createOrCheckSchema(error);
}

bool PostgresCaptureBackend::connected(QString *error)
{
    if (m_conn && PQstatus(m_conn) == CONNECTION_OK)
        return true;
    if (m_sinceAttempt.isValid() && m_sinceAttempt.elapsed() < m_backoffMs) {
        *error = failure(QStringLiteral("cannot reach it"),
                         QStringLiteral("trying again in %1 s").arg((m_backoffMs + 999) / 1000));
        return false;
    }
    PQreset(m_conn);
    if (PQstatus(m_conn) == CONNECTION_OK) {
        m_sinceAttempt.invalidate();
        m_backoffMs = 0;
        PQsetClientEncoding(m_conn, "UTF8");
        return true;
    }
    m_backoffMs = std::min(MaxBackoffMs, std::max(250, m_backoffMs * 2));
    m_sinceAttempt.start();
    *error = failure(QStringLiteral("cannot reach it"), lastError());
    return false;
}

PostgresCaptureBackend::Result PostgresCaptureBackend::run(const QString &sql, const QVariantList &values,
                                                           const QString &what, QString *error)
{
    if (!connected(error))
        return Result();
    std::vector<QByteArray> texts;
    texts.reserve(values.size());
    std::vector<const char *> parameters;
    for (const QVariant &value : values) {
        texts.push_back(value.toString().toUtf8());
        parameters.push_back(texts.back().constData());
    }
    Result result(PQexecParams(m_conn, numbered(sql).toUtf8().constData(), int(parameters.size()), nullptr,
                               parameters.data(), nullptr, nullptr, 0));
    if (result && result.succeeded())
        return result;
    *error = failure(what, result && !result.message().isEmpty() ? result.message() : lastError());
    return Result();
}

bool PostgresCaptureBackend::exec(const QString &sql, const QString &what, QString *error)
{
    return bool(run(sql, {}, what, error));
}

bool PostgresCaptureBackend::underSchemaLock(const QString &what, QString *error,
                                             const std::function<bool()> &work)
{
    if (!exec(QStringLiteral("BEGIN"), what, error))
        return false;
    if (exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(SchemaLock), what, error) && work() &&
        exec(QStringLiteral("COMMIT"), what, error))
        return true;
    QString ignored;
    exec(QStringLiteral("ROLLBACK"), QString(), &ignored);
    return false;
}

bool PostgresCaptureBackend::createOrCheckSchema(QString *error)
{
    const QString what = QStringLiteral("cannot set it up");
    const bool ready = underSchemaLock(what, error, [&] {
        if (!exec(QStringLiteral("CREATE TABLE IF NOT EXISTS eventscope_schema (version integer NOT NULL)"),
                  what, error))
            return false;
        const Result version =
            run(QStringLiteral("SELECT max(version) FROM eventscope_schema"), {}, what, error);
        if (!version)
            return false;
        const int found = int(version.number(0, 0));
        if (found > SchemaVersion) {
            *error =
                failure(QStringLiteral("cannot open it"),
                        QStringLiteral("it has schema %1, written by a newer EventScope; this one writes "
                                       "schema %2 and older")
                            .arg(found)
                            .arg(SchemaVersion));
            return false;
        }
        for (int version = found + 1; version <= SchemaVersion; ++version) {
            for (const char *statement : Migrations[std::size_t(version - 1)]) {
                if (!exec(QString::fromLatin1(statement), what, error))
                    return false;
            }
            // From schema 2 on, the row also says when the version was applied.
            const QString row = version >= 2 ? QStringLiteral("(version, applied_ms) VALUES (%1, %2)")
                                                   .arg(version)
                                                   .arg(QDateTime::currentMSecsSinceEpoch())
                                             : QStringLiteral("(version) VALUES (%1)").arg(version);
            if (!exec(QStringLiteral("INSERT INTO eventscope_schema ") + row, what, error))
                return false;
        }
        return true;
    });
    // Today's and tomorrow's partitions now, so that no writer waits for one at midnight.
    const qint64 today = QDateTime::currentMSecsSinceEpoch() / DayMs;
    return ready && createPartitions({today, today + 1}, error);
}

bool PostgresCaptureBackend::createPartitions(const QList<qint64> &days, QString *error)
{
    const QString what = QStringLiteral("cannot add a day's partition");
    for (const qint64 day : days) {
        if (m_partitionDays.contains(day))
            continue;
        if (!underSchemaLock(what, error, [&] {
                return exec(
                    QStringLiteral(
                        "CREATE TABLE IF NOT EXISTS %1 PARTITION OF events FOR VALUES FROM (%2) TO (%3)")
                        .arg(partitionName(day))
                        .arg(day * DayMs)
                        .arg((day + 1) * DayMs),
                    what, error);
            }))
            return false;
        m_partitionDays.append(day);
    }
    return true;
}

qint64 PostgresCaptureBackend::beginSession(const QString &label, qint64 startedMs, QString *error)
{
    const Result agent =
        run(QStringLiteral(
                "INSERT INTO agents (host, process, label, started_ms, version) VALUES (?, ?, ?, ?, ?) "
                "RETURNING id"),
            {QHostInfo::localHostName(), QCoreApplication::applicationPid(), label, startedMs,
             QCoreApplication::applicationVersion()},
            QStringLiteral("cannot start a session"), error);
    m_agent = agent ? agent.number(0, 0) : -1;
    return m_agent;
}

bool PostgresCaptureBackend::copyEvents(qint64 session, const QList<CapturedEvent> &events, QString *error)
{
    const QString what = QStringLiteral("cannot write");
    const Result start(PQexec(m_conn, "COPY events (agent_id, received_ms, subscription_id, source, type, "
                                      "event_id, data, seq) FROM STDIN"));
    if (!start || start.status() != PGRES_COPY_IN) {
        *error = failure(what, start && !start.message().isEmpty() ? start.message() : lastError());
        return false;
    }
    const QByteArray agent = QByteArray::number(session);
    QByteArray chunk;
    chunk.reserve(CopyChunkBytes + 4096);
    bool sent = true;
    const auto send = [&] {
        sent = PQputCopyData(m_conn, chunk.constData(), int(chunk.size())) == 1;
        chunk.resize(0);
    };
    for (const CapturedEvent &event : events) {
        chunk += agent + '\t' + QByteArray::number(event.receivedMs) + '\t';
        for (const QString *field :
             {&event.subscription, &event.source, &event.event.type, &event.event.id, &event.event.data}) {
            appendCopyField(chunk, *field);
            chunk += '\t';
        }
        chunk += QByteArray::number(event.seq) + '\n';
        if (chunk.size() >= CopyChunkBytes) {
            send();
            if (!sent)
                break;
        }
    }
    if (sent && !chunk.isEmpty())
        send();
    bool done = PQputCopyEnd(m_conn, sent ? nullptr : "the connection failed while copying") == 1 && sent;
    QString message;
    // A connection lost mid-copy can leave libpq answering "still copying" for ever: stop at the first
    // answer that is not a result, or once the connection is gone.
    while (PGresult *raw = PQgetResult(m_conn)) {
        const Result result(raw);
        if (result.status() == PGRES_COMMAND_OK)
            continue;
        done = false;
        message = result.message();
        if (result.status() == PGRES_COPY_IN || PQstatus(m_conn) != CONNECTION_OK)
            break;
    }
    if (!done)
        *error = failure(what, message.isEmpty() ? lastError() : message);
    return done;
}

bool PostgresCaptureBackend::append(qint64 session, const QList<CapturedEvent> &events, QString *error)
{
    if (events.isEmpty())
        return true;
    QList<qint64> days;
    for (const CapturedEvent &event : events) {
        if (!days.contains(event.receivedMs / DayMs))
            days.append(event.receivedMs / DayMs);
    }
    return connected(error) && createPartitions(days, error) && copyEvents(session, events, error);
}

bool PostgresCaptureBackend::recordSubscriptions(const QList<CapturedSubscription> &subscriptions,
                                                 qint64 nowMs, QString *error)
{
    const QString what = QStringLiteral("cannot record the subscriptions");
    for (const CapturedSubscription &subscription : subscriptions) {
        if (!run(QStringLiteral("INSERT INTO subscriptions (agent_id, id, name, url, panel, updated_ms) "
                                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (agent_id, id) DO UPDATE SET "
                                "name = excluded.name, url = excluded.url, panel = excluded.panel, "
                                "updated_ms = excluded.updated_ms"),
                 {m_agent, subscription.id, subscription.name, subscription.url, subscription.panel, nowMs},
                 what, error))
            return false;
    }
    return true;
}

QList<CapturedSubscription> PostgresCaptureBackend::subscriptions(QString *error)
{
    QList<CapturedSubscription> list;
    const Result rows =
        run(QStringLiteral("SELECT id, name, url, panel FROM (SELECT DISTINCT ON (id) * FROM "
                           "subscriptions ORDER BY id, updated_ms DESC) AS newest ORDER BY name"),
            {}, QStringLiteral("cannot read it"), error);
    for (int row = 0; rows && row < rows.rows(); ++row)
        list.append({rows.text(row, 0), rows.text(row, 1), rows.text(row, 2), rows.text(row, 3)});
    return list;
}

bool PostgresCaptureBackend::applyRetention(const RetentionPolicy &policy, qint64 nowMs, QString *error)
{
    if (policy.maxAgeDays <= 0 && policy.maxBytes <= 0)
        return true;
    const QString what = QStringLiteral("cannot apply retention");
    // Whole days go, oldest first: partitions are named by their day, so their names sort by age.
    const Result partitions = run(
        QStringLiteral("SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_inherits i JOIN pg_class c "
                       "ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass ORDER BY c.relname"),
        {}, what, error);
    if (!partitions)
        return false;
    qint64 bytes = 0;
    for (int row = 0; row < partitions.rows(); ++row)
        bytes += partitions.number(row, 1);
    const qint64 oldestKept = nowMs - qint64(policy.maxAgeDays) * DayMs;
    for (int row = 0; row < partitions.rows(); ++row) {
        const QString name = partitions.text(row, 0);
        const QDate day = QDate::fromString(name.mid(7), QStringLiteral("yyyyMMdd"));
        const qint64 dayEndMs = QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() + DayMs;
        if (!day.isValid() || dayEndMs > nowMs - nowMs % DayMs)
            break; // today and the days ahead always stay
        const bool tooOld = policy.maxAgeDays > 0 && dayEndMs <= oldestKept;
        const bool tooBig = policy.maxBytes > 0 && bytes > policy.maxBytes;
        if (!tooOld && !tooBig)
            break;
        if (!exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(name), what, error))
            return false;
        bytes -= partitions.number(row, 1);
        m_partitionDays.removeAll(dayEndMs / DayMs - 1);
    }
    return true;
}

std::optional<CaptureStats> PostgresCaptureBackend::stats(QString *error)
{
    const QString what = QStringLiteral("cannot read it");
    const Result sizes =
        run(QStringLiteral("SELECT coalesce(sum(c.reltuples), 0), "
                           "coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_inherits i "
                           "JOIN pg_class c ON c.oid = i.inhrelid "
                           "WHERE i.inhparent = 'events'::regclass"),
            {}, what, error);
    const Result range =
        sizes ? run(QStringLiteral(
                        "SELECT coalesce(min(received_ms), 0), coalesce(max(received_ms), 0) FROM events"),
                    {}, what, error)
              : Result();
    if (!range)
        return std::nullopt;
    CaptureStats stats;
    stats.bytes = sizes.number(0, 1);
    stats.oldestMs = range.number(0, 0);
    stats.newestMs = range.number(0, 1);
    const double estimate = sizes.text(0, 0).toDouble();
    if (estimate >= ExactCountBelow) {
        stats.events = qint64(estimate);
        return stats;
    }
    const Result count = run(QStringLiteral("SELECT count(*) FROM events"), {}, what, error);
    if (!count)
        return std::nullopt;
    stats.events = count.number(0, 0);
    return stats;
}

bool PostgresCaptureBackend::query(const CaptureQuery &query, qint64 *total,
                                   const std::function<bool(const QList<CapturedEvent> &)> &sink,
                                   QString *error)
{
    const QString what = QStringLiteral("cannot read it");
    const CaptureFilter filter =
        CaptureFilter::of(query, {QString::fromLatin1(SearchText)}, QStringLiteral("ILIKE"));
    if (total) {
        const Result count = run(QStringLiteral("SELECT count(*) FROM events WHERE true") + filter.conditions,
                                 filter.values, what, error);
        if (!count)
            return false;
        *total = count.number(0, 0);
    }
    // Every read is of these columns, in this order (eventAt() reads them).
    const QString columns = QStringLiteral(
        "SELECT id, received_ms, subscription_id, source, type, event_id, data, seq FROM events ");
    if (query.newest > 0) {
        // The newest matches in one query, walking the time index backwards, then turned around.
        const Result newest =
            run(columns + QStringLiteral("WHERE true") + filter.conditions +
                    QStringLiteral(" ORDER BY received_ms DESC, id DESC LIMIT %1").arg(query.newest),
                filter.values, what, error);
        if (!newest)
            return false;
        QList<CapturedEvent> events;
        events.reserve(newest.rows());
        for (int row = newest.rows() - 1; row >= 0; --row)
            events.append(eventAt(newest, row));
        handOnInPages(events, PageSize, sink);
        return true;
    }
    // Pages follow (received_ms, id), which the time index serves in order, partition after partition.
    const QString sql = columns + QStringLiteral("WHERE (received_ms, id) > (?, ?)") + filter.conditions +
                        QStringLiteral(" ORDER BY received_ms, id LIMIT %1").arg(PageSize);
    qint64 afterMs = std::numeric_limits<qint64>::min();
    qint64 afterId = 0;
    for (;;) {
        const Result page = run(sql, QVariantList{afterMs, afterId} + filter.values, what, error);
        if (!page)
            return false;
        QList<CapturedEvent> events;
        events.reserve(page.rows());
        for (int row = 0; row < page.rows(); ++row)
            events.append(eventAt(page, row));
        if (!events.isEmpty()) {
            afterId = page.number(page.rows() - 1, 0);
            afterMs = events.last().receivedMs;
        }
        if (events.isEmpty() || !sink(events) || events.size() < PageSize)
            return true;
    }
}
