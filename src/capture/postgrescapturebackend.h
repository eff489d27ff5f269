// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturebackend.h"

#include <QElapsedTimer>
#include <QVariantList>

struct pg_conn;
struct pg_result;

// The shared store: a PostgreSQL database that several agents and dashboards use at once, reached with
// libpq (a connection URI; passwords come from ~/.pgpass or PGPASSWORD as libpq reads them). Events go in
// with COPY, into partitions of one day each, so retention drops whole partitions. Each session is a row
// of `agents` (host, process, start), and subscriptions are kept per agent, so writers never conflict.
// A lost connection is tried again with backoff on the next call; the writer keeps the events meanwhile.
class PostgresCaptureBackend : public CaptureBackend
{
public:
    static constexpr int SchemaVersion = 2;

    explicit PostgresCaptureBackend(const QString &url);
    ~PostgresCaptureBackend() override;

    // Whether `db` names a PostgreSQL database (postgresql:// or postgres://) rather than a SQLite file.
    static bool isUrl(const QString &db);
    // Why a URL is refused before any connection is tried (a password in it would show in the process
    // list and the shell's history), or empty.
    static QString problemWith(const QString &url);

    bool open(QString *error) override;
    QString location() const override { return m_location; }
    qint64 beginSession(const QString &label, qint64 startedMs, QString *error) override;
    bool append(qint64 session, const QList<CapturedEvent> &events, QString *error) override;
    bool recordSubscriptions(const QList<CapturedSubscription> &subscriptions, qint64 nowMs,
                             QString *error) override;
    QList<CapturedSubscription> subscriptions(QString *error) override;
    bool applyRetention(const RetentionPolicy &policy, qint64 nowMs, QString *error) override;
    std::optional<CaptureStats> stats(QString *error) override;
    RetentionPolicy defaultRetention() const override { return {0, 0}; }
    bool query(const CaptureQuery &query, qint64 *total,
               const std::function<bool(const QList<CapturedEvent> &)> &sink, QString *error) override;

private:
    class Result;
    // A row of `SELECT id, received_ms, subscription_id, source, type, event_id, data, seq`.
    static CapturedEvent eventAt(const Result &rows, int row);

    bool connected(QString *error);
    QString failure(const QString &what, const QString &why) const;
    QString lastError() const;
    // Runs `sql` with `values` bound to $1, $2…; a null result with `error` set when it failed.
    Result run(const QString &sql, const QVariantList &values, const QString &what, QString *error);
    bool exec(const QString &sql, const QString &what, QString *error);
    bool createOrCheckSchema(QString *error);
    // Runs `work` in a transaction under the advisory lock every schema change takes; rolled back when
    // it fails.
    bool underSchemaLock(const QString &what, QString *error, const std::function<bool()> &work);
    bool createPartitions(const QList<qint64> &days, QString *error); // one partition per UTC day

    bool copyEvents(qint64 session, const QList<CapturedEvent> &events, QString *error);

    QString m_url;
    QString m_location; // the URL without a password
    pg_conn *m_conn = nullptr;
    qint64 m_agent = -1;
    QList<qint64> m_partitionDays; // days whose partition exists (created or seen)
    QElapsedTimer m_sinceAttempt;  // since the last failed connection attempt
    int m_backoffMs = 0;
};
