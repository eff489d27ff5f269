// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturebackend.h"

#include <QSqlDatabase>

class SqliteStatement;

// The embedded store: one SQLite file in WAL mode (a crash or kill -9 loses no committed batch) whose
// pages freed by retention are reused, and a connection of its own per instance, so a writer thread and
// an exporter can each have one.
class SqliteCaptureBackend : public CaptureBackend
{
public:
    explicit SqliteCaptureBackend(const QString &path);
    ~SqliteCaptureBackend() override;

    bool open(QString *error) override;
    QString location() const override { return m_path; }
    qint64 beginSession(const QString &label, qint64 startedMs, QString *error) override;
    bool append(qint64 session, const QList<CapturedEvent> &events, QString *error) override;
    bool recordSubscriptions(const QList<CapturedSubscription> &subscriptions, qint64 nowMs,
                             QString *error) override;
    QList<CapturedSubscription> subscriptions(QString *error) override;
    bool applyRetention(const RetentionPolicy &policy, qint64 nowMs, QString *error) override;
    std::optional<CaptureStats> stats(QString *error) override;
    bool query(const CaptureQuery &query, qint64 *total,
               const std::function<bool(const QList<CapturedEvent> &)> &sink, QString *error) override;

    static QString defaultPath();

    // The layout of the tables this build writes, kept in SQLite's user_version. A store of a later
    // schema is refused rather than half understood; stores from before versioning (0) are schema 1.
    static constexpr int SchemaVersion = 1;

private:
    bool exec(const QString &sql, QString *error);
    bool createOrCheckSchema(QString *error);
    QString failure(const QString &what, const QString &why) const;
    bool deleteOldest(qint64 count, QString *error);
    // Prepares `sql` once and runs it for each of `rows` rows, bound by `bindRow`, in one transaction:
    // all of them or, on error, none.
    bool writeRows(const char *sql, qsizetype rows,
                   const std::function<void(SqliteStatement &, qsizetype)> &bindRow, QString *error);

    QString m_path;
    QString m_connection;
    QSqlDatabase m_db;
};
