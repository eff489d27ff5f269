// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTemporaryDir>

// A real PostgreSQL for a test: initdb in a temporary folder, pg_ctl start on a free port on 127.0.0.1,
// stopped and removed at the end. PostgreSQL refuses to run as root, so as root (CI) it runs as the
// `postgres` system user (Debian's postgresql package makes it) with runuser. Logins over TCP need a
// password (scram-sha-256): user `eventscope`, password Password, given to libpq by PGPASSWORD.
class PostgresServer
{
public:
    static constexpr const char *Password = "capture-secret";

    PostgresServer() = default;
    ~PostgresServer();

    bool start(QString *error);
    bool restart(QString *error); // pg_ctl restart: every connection is cut
    void stop();
    int port() const { return m_port; }
    // postgresql://eventscope@127.0.0.1:PORT/DATABASE (no password: PGPASSWORD carries it).
    QString url(const QString &database = QStringLiteral("postgres")) const;
    // A new, empty database for one test.
    bool createDatabase(const QString &name, QString *error);
    QString log() const;

private:
    bool run(const QStringList &command, QString *error, int timeoutMs = 60000);
    QString binary(const QString &name) const;

    QTemporaryDir m_dir;
    QString m_bin;
    int m_port = 0;
    bool m_running = false;
    bool m_asPostgres = false;
};
