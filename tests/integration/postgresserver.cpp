// SPDX-License-Identifier: GPL-3.0-or-later
#include "postgresserver.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <libpq-fe.h>
#include <pwd.h>
#include <unistd.h>

PostgresServer::~PostgresServer()
{
    stop();
}

QString PostgresServer::binary(const QString &name) const
{
    return m_bin + QLatin1Char('/') + name;
}

bool PostgresServer::run(const QStringList &command, QString *error, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QStringList arguments = command;
    QString program = arguments.takeFirst();
    if (m_asPostgres) {
        arguments = QStringList{"-u", "postgres", "--", program} + arguments;
        program = "runuser";
    }
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        *error = command.join(' ') + ": " + QString::fromLocal8Bit(process.readAll()).trimmed();
        process.kill();
        process.waitForFinished();
        return false;
    }
    return true;
}

bool PostgresServer::start(QString *error)
{
    const QStringList versions =
        QDir("/usr/lib/postgresql").entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::Reversed);
    if (versions.isEmpty()) {
        *error = "no PostgreSQL server in /usr/lib/postgresql (scripts/setup installs postgresql-15)";
        return false;
    }
    m_bin = "/usr/lib/postgresql/" + versions.first() + "/bin";
    if (!m_dir.isValid()) {
        *error = "no temporary folder";
        return false;
    }
    QFile passwordFile(m_dir.filePath("password"));
    if (!passwordFile.open(QIODevice::WriteOnly) || passwordFile.write(Password) < 0)
        return false;
    passwordFile.close();
    m_asPostgres = geteuid() == 0;
    if (m_asPostgres) {
        const passwd *user = getpwnam("postgres");
        if (!user) {
            *error = "running as root, and there is no postgres user to run PostgreSQL as";
            return false;
        }
        for (const QString &path : {m_dir.path(), passwordFile.fileName()}) {
            if (chown(QFile::encodeName(path).constData(), user->pw_uid, user->pw_gid) != 0) {
                *error = "cannot give " + path + " to the postgres user";
                return false;
            }
        }
    }
    {
        QTcpServer probe; // a port free now; PostgreSQL takes it a moment later
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            *error = "no free port";
            return false;
        }
        m_port = probe.serverPort();
    }
    const QString data = m_dir.filePath("data");
    if (!run({binary("initdb"), "-D", data, "-U", "eventscope", "--pwfile=" + passwordFile.fileName(),
              "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C", "--no-sync"},
             error))
        return false;
    const QString options = QString("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                                    "-c synchronous_commit=off -c full_page_writes=off")
                                .arg(m_port)
                                .arg(m_dir.path());
    if (!run({binary("pg_ctl"), "-D", data, "-l", m_dir.filePath("server.log"), "-o", options, "-w", "-t",
              "60", "start"},
             error))
        return false;
    m_running = true;
    qputenv("PGPASSWORD", Password);
    return true;
}

bool PostgresServer::restart(QString *error)
{
    return run({binary("pg_ctl"), "-D", m_dir.filePath("data"), "-m", "fast", "-w", "-t", "60", "restart"},
               error);
}

void PostgresServer::stop()
{
    if (!m_running)
        return;
    QString ignored;
    run({binary("pg_ctl"), "-D", m_dir.filePath("data"), "-m", "immediate", "-w", "stop"}, &ignored);
    m_running = false;
}

QString PostgresServer::url(const QString &database) const
{
    return QString("postgresql://eventscope@127.0.0.1:%1/%2").arg(m_port).arg(database);
}

bool PostgresServer::createDatabase(const QString &name, QString *error)
{
    PGconn *conn = PQconnectdb(url().toUtf8().constData());
    bool done = PQstatus(conn) == CONNECTION_OK;
    if (done) {
        PGresult *result = PQexec(conn, QString("CREATE DATABASE \"%1\"").arg(name).toUtf8().constData());
        done = PQresultStatus(result) == PGRES_COMMAND_OK;
        PQclear(result);
    }
    if (!done)
        *error = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    PQfinish(conn);
    return done;
}

QString PostgresServer::log() const
{
    QFile file(m_dir.filePath("server.log"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}
