// SPDX-License-Identifier: GPL-3.0-or-later
// The PostgreSQL capture store against a real PostgreSQL started for the test (PostgresServer): awkward
// data round-trips, filters and search match SQLite's, subscriptions stay per agent, retention drops whole
// days, a newer schema is refused; and the eventscope binary's capture and export with --db postgresql://:
// a wrong password or no server is one line and exit 3, a server restarted mid-capture loses nothing, and
// several writers at once lose nothing and keep each source's order; and the agent writing into it.
#include "capturedevents.h"
#include "demoserverthread.h"
#include "postgrescapturebackend.h"
#include "postgresserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <libpq-fe.h>

class TestPostgresStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void awkwardDataRoundTrips();
    void filtersAndSearchMatchSqlite();
    void subscriptionsAreKeptPerAgent();
    void retentionDropsWholeDays();
    void newerSchemaIsRefused();
    void versionOneStoreIsMigrated();
    void wrongPasswordOrNoServerIsExitThree();
    void restartMidCaptureLosesNothing();
    void severalWritersLoseNothing();
    void agentRecordsIntoTheSharedStore();

private:
    QString freshDatabase();
    QString stream(const QString &path) const { return m_demo.url().resolved(QUrl(path)).toString(); }
    bool sql(const QString &database, const QString &statement);

    PostgresServer m_server;
    DemoServerThread m_demo;
    int m_databases = 0;
};

namespace {

using CapturedEvents::all;
using CapturedEvents::captured;
using CapturedEvents::T0;

constexpr qint64 DayMs = 86400000;
constexpr int Bound = 60000;

std::unique_ptr<PostgresCaptureBackend> openStore(const QString &url, const QList<CapturedEvent> &events,
                                                  const QString &label = "test")
{
    auto store = std::make_unique<PostgresCaptureBackend>(url);
    QString error;
    if (!store->open(&error))
        qFatal("%s", qPrintable(error));
    const qint64 session = store->beginSession(label, T0, &error);
    if (session < 0 || !store->append(session, events, &error))
        qFatal("%s", qPrintable(error));
    return store;
}

struct Finished
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Finished runEventscope(const QStringList &arguments,
                       const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(EVENTSCOPE_BIN, arguments);
    Finished finished;
    if (!process.waitForFinished(Bound)) {
        process.kill();
        process.waitForFinished();
        finished.err = "did not finish";
        return finished;
    }
    finished.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    finished.out = process.readAllStandardOutput();
    finished.err = QString::fromUtf8(process.readAllStandardError());
    return finished;
}

} // namespace

void TestPostgresStore::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QVERIFY2(m_demo.start(&error), qPrintable(error));
}

QString TestPostgresStore::freshDatabase()
{
    const QString name = QString("test%1").arg(++m_databases);
    QString error;
    if (!m_server.createDatabase(name, &error))
        qFatal("%s", qPrintable(error));
    return m_server.url(name);
}

bool TestPostgresStore::sql(const QString &database, const QString &statement)
{
    PGconn *conn = PQconnectdb(database.toUtf8().constData());
    PGresult *result = PQexec(conn, statement.toUtf8().constData());
    const bool done = PQresultStatus(result) == PGRES_COMMAND_OK || PQresultStatus(result) == PGRES_TUPLES_OK;
    if (!done)
        qWarning("%s", PQerrorMessage(conn));
    PQclear(result);
    PQfinish(conn);
    return done;
}

void TestPostgresStore::awkwardDataRoundTrips()
{
    const QList<CapturedEvent> events = {
        captured(1, "plain"),
        captured(2, ""),
        captured(3, "two\nlines and\r\nCRLF"),
        captured(4, "tab\there, backslash \\ and \\N and control \x01", "alert", "Feed, with comma"),
        captured(5, "unicode: Grüße, 日本語, emoji 🚀, U+2028 \u2028 end", "message", "Ünïcode feed"),
        captured(6, "{\"json\": [1, 2, {\"nested\": \"yes\"}]}", "reading"),
        captured(7, "the next day", "message", "Feed", T0 + DayMs),
    };
    std::unique_ptr<PostgresCaptureBackend> store = openStore(freshDatabase(), events);
    const QList<CapturedEvent> back = all(*store);
    QCOMPARE(back.size(), events.size());
    for (int i = 0; i < events.size(); ++i) {
        QCOMPARE(back[i].event.data, events[i].event.data);
        QCOMPARE(back[i].event.type, events[i].event.type);
        QCOMPARE(back[i].event.id, events[i].event.id);
        QCOMPARE(back[i].source, events[i].source);
        QCOMPARE(back[i].subscription, events[i].subscription);
        QCOMPARE(back[i].receivedMs, events[i].receivedMs);
        QCOMPARE(back[i].seq, events[i].seq);
    }
    QString error;
    const std::optional<CaptureStats> stats = store->stats(&error);
    QVERIFY2(stats, qPrintable(error));
    QCOMPARE(stats->events, qint64(events.size()));
    QCOMPARE(stats->oldestMs, events.first().receivedMs);
    QCOMPARE(stats->newestMs, events.last().receivedMs);
    QVERIFY(stats->bytes > 0);
}

void TestPostgresStore::filtersAndSearchMatchSqlite()
{
    const QList<CapturedEvent> events = {
        captured(1, "{\"symbol\":\"AAPL\"}", "quote", "Stocks"),
        captured(2, "{\"device\":\"sensor-1\"}", "reading", "Plant"),
        captured(3, "100% done_now", "progress", "Jobs"),
        captured(4, "Disk ALMOST full", "alert", "Plant"),
        captured(5, "nothing here", "quote", "Stocks"),
    };
    std::unique_ptr<PostgresCaptureBackend> store = openStore(freshDatabase(), events);
    const auto ids = [&](const CaptureQuery &query) {
        QStringList out;
        qint64 total = -1;
        for (const CapturedEvent &event : all(*store, query, &total))
            out << event.event.id;
        if (total != out.size())
            out << QString("total %1").arg(total);
        return out.join(',');
    };
    QCOMPARE(ids({}), QString("1,2,3,4,5"));
    QCOMPARE(ids({T0 + 2000, T0 + 4000, {}, {}, {}}), QString("2,3"));
    QCOMPARE(ids({0, 0, {"Plant"}, {}, {}}), QString("2,4"));
    QCOMPARE(ids({0, 0, {}, {"quote", "alert"}, {}}), QString("1,4,5"));
    QCOMPARE(ids({0, 0, {}, {}, "almost"}), QString("4")); // any case
    QCOMPARE(ids({0, 0, {}, {}, "aapl"}), QString("1"));
    QCOMPARE(ids({0, 0, {}, {}, "100%"}), QString("3")); // % and _ are themselves
    QCOMPARE(ids({0, 0, {}, {}, "e_n"}), QString("3"));
    QCOMPARE(ids({0, 0, {}, {}, "progress"}), QString("3")); // the type, the source, the id match too
    QCOMPARE(ids({0, 0, {}, {}, "stocks"}), QString("1,5"));
    QCOMPARE(ids({0, 0, {"Stocks"}, {}, "nothing"}), QString("5"));
}

void TestPostgresStore::subscriptionsAreKeptPerAgent()
{
    const QString url = freshDatabase();
    std::unique_ptr<PostgresCaptureBackend> first = openStore(url, {}, "agent one");
    std::unique_ptr<PostgresCaptureBackend> second = openStore(url, {}, "agent two");
    QString error;
    QVERIFY2(first->recordSubscriptions({{"s1", "Stocks", "http://a/stocks", "stock"}}, T0, &error),
             qPrintable(error));
    // The same subscription id from another agent is its own row; the newest wins when listed.
    QVERIFY2(second->recordSubscriptions({{"s1", "Stocks (renamed)", "http://b/stocks", "stock"},
                                          {"s2", "Plant", "http://b/iot", "iot"}},
                                         T0 + 1000, &error),
             qPrintable(error));
    const QList<CapturedSubscription> listed = first->subscriptions(&error);
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed[0].name, QString("Plant"));
    QCOMPARE(listed[1].name, QString("Stocks (renamed)"));
}

void TestPostgresStore::retentionDropsWholeDays()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QList<CapturedEvent> events = {
        captured(1, "ten days ago", "message", "Feed", now - 10 * DayMs),
        captured(2, "five days ago", "message", "Feed", now - 5 * DayMs),
        captured(3, "now", "message", "Feed", now),
    };
    std::unique_ptr<PostgresCaptureBackend> store = openStore(freshDatabase(), events);
    QString error;
    // A shared store keeps everything until its operators say otherwise.
    QCOMPARE(store->defaultRetention().maxAgeDays, 0);
    QCOMPARE(store->defaultRetention().maxBytes, qint64(0));
    QVERIFY2(store->applyRetention({7, 0}, now, &error), qPrintable(error));
    QStringList left;
    for (const CapturedEvent &event : all(*store))
        left << event.event.data;
    QCOMPARE(left, QStringList({"five days ago", "now"}));
    // By size: the oldest days go until it fits; the newest day always stays.
    QVERIFY2(store->applyRetention({0, 1}, now, &error), qPrintable(error));
    left.clear();
    for (const CapturedEvent &event : all(*store))
        left << event.event.data;
    QCOMPARE(left, QStringList({"now"}));
}

void TestPostgresStore::newerSchemaIsRefused()
{
    const QString url = freshDatabase();
    openStore(url, {captured(1, "kept")}).reset();
    QVERIFY(sql(url, "UPDATE eventscope_schema SET version = 99"));
    PostgresCaptureBackend store(url);
    QString error;
    QVERIFY(!store.open(&error));
    QVERIFY2(error.contains("it has schema 99, written by a newer EventScope") && error.contains("127.0.0.1"),
             qPrintable(error));
    QVERIFY2(!error.contains(PostgresServer::Password), qPrintable(error));
}

void TestPostgresStore::versionOneStoreIsMigrated()
{
    const QString url = freshDatabase();
    QFile v1(QFINDTESTDATA("data/postgres-schema-v1.sql"));
    QVERIFY(v1.open(QIODevice::ReadOnly));
    QVERIFY(sql(url, QString::fromUtf8(v1.readAll())));

    QCoreApplication::setApplicationVersion("9.8.7");
    std::unique_ptr<PostgresCaptureBackend> store = openStore(url, {captured(3, "written by schema 2")});
    // Both versions recorded, the second with when it was applied; what schema 1 held is still there,
    // found by the same search, and the new agent's row says which EventScope it ran.
    QVERIFY(sql(
        url, "DO $$ BEGIN IF (SELECT count(*) FROM eventscope_schema) <> 2 OR (SELECT applied_ms "
             "FROM eventscope_schema WHERE version = 2) IS NULL THEN RAISE 'not migrated'; END IF; END $$"));
    QVERIFY(sql(url,
                "DO $$ BEGIN IF (SELECT version FROM agents WHERE label = 'test') <> '9.8.7' OR "
                "(SELECT version FROM agents WHERE label = 'agent 0.1.0') <> '' THEN RAISE 'no version'; "
                "END IF; END $$"));
    CaptureQuery search;
    search.text = "SCHEMA";
    const QList<CapturedEvent> found = all(*store, search);
    QCOMPARE(found.size(), 3);
    QCOMPARE(found[0].event.data, QString("written by schema 1"));
    QCOMPARE(found[1].event.type, QString("alert"));
    QCOMPARE(found[2].event.data, QString("written by schema 2"));
    store.reset();

    // Opening it again changes nothing.
    openStore(url, {}).reset();
    QVERIFY(sql(url, "DO $$ BEGIN IF (SELECT count(*) FROM eventscope_schema) <> 2 THEN RAISE 'again'; END "
                     "IF; END $$"));
}

void TestPostgresStore::wrongPasswordOrNoServerIsExitThree()
{
    const QString url = freshDatabase();
    const QString quotes = stream("/stocks?rate=50");
    QProcessEnvironment wrong = QProcessEnvironment::systemEnvironment();
    wrong.insert("PGPASSWORD", "not-the-password");
    for (const QStringList &arguments : {QStringList{"capture", "-n", "5", "--db", url, quotes},
                                         QStringList{"export", "--format", "ndjson", "--db", url}}) {
        const Finished refused = runEventscope(arguments, wrong);
        QVERIFY2(refused.exitCode == 3, qPrintable(refused.err));
        QVERIFY2(refused.err.trimmed().count('\n') == 0 &&
                     refused.err.contains("password authentication failed"),
                 qPrintable(refused.err));
    }
    const Finished passwordInUrl = runEventscope(
        {"export", "--format", "ndjson", "--db", "postgresql://eventscope:secret@127.0.0.1:1/x"});
    QCOMPARE(passwordInUrl.exitCode, 2);
    QCOMPARE(passwordInUrl.err.trimmed(), QString("eventscope export: error: put the database password in "
                                                  "~/.pgpass or PGPASSWORD, not in the URL"));
    QString closedPort;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = QString::number(probe.serverPort());
    }
    const Finished unreachable = runEventscope(
        {"capture", "-n", "5", "--db", "postgresql://eventscope@127.0.0.1:" + closedPort + "/x", quotes});
    QCOMPARE(unreachable.exitCode, 3);
    QVERIFY2(unreachable.err.trimmed().count('\n') == 0 && unreachable.err.contains("cannot connect"),
             qPrintable(unreachable.err));
}

void TestPostgresStore::restartMidCaptureLosesNothing()
{
    const QString url = freshDatabase();
    QProcess capture;
    capture.start(EVENTSCOPE_BIN, {"capture", "--duration", "8", "--db", url, "--format", "csv",
                                   stream("/stocks?rate=400&symbols=A,B")});
    QVERIFY(capture.waitForStarted());
    // Once events are flowing into the store, the database goes away and comes back.
    PostgresCaptureBackend watcher(url);
    QString error;
    QTRY_VERIFY_WITH_TIMEOUT(watcher.open(&error) && all(watcher).size() >= 400, Bound);
    QVERIFY2(m_server.restart(&error), qPrintable(error));
    const bool finished = capture.waitForFinished(Bound);
    if (!finished)
        capture.kill();
    const QString said = QString::fromUtf8(capture.readAllStandardError());
    QVERIFY2(finished && capture.exitCode() == 0, qPrintable(said));
    const qsizetype printed = capture.readAllStandardOutput().count('\n') - 1; // less the CSV header
    QVERIFY2(printed > 1500, qPrintable(QString::number(printed)));
    // The restart did cut a write, and the capture said so once and then that it wrote again.
    QVERIFY2(said.contains("cannot write") || said.contains("cannot reach"), qPrintable(said));
    QVERIFY2(said.contains("capture store: writing again"), qPrintable(said));
    PostgresCaptureBackend store(url);
    QVERIFY2(store.open(&error), qPrintable(error));
    QCOMPARE(all(store).size(), printed);
}

void TestPostgresStore::severalWritersLoseNothing()
{
    const QString url = freshDatabase();
    QList<QProcess *> writers;
    for (int i = 0; i < 4; ++i) {
        auto *writer = new QProcess(this);
        writer->start(EVENTSCOPE_BIN,
                      {"capture", "-q", "-n", "4000", "--db", url, "--source", QString("writer-%1").arg(i),
                       "-o", "/dev/null", stream("/stocks?rate=2000")});
        writers << writer;
    }
    for (QProcess *writer : std::as_const(writers)) {
        QVERIFY(writer->waitForFinished(Bound));
        QVERIFY2(writer->exitCode() == 0, writer->readAllStandardError().constData());
    }
    const Finished exported = runEventscope({"export", "--db", url, "--format", "ndjson"});
    QCOMPARE(exported.exitCode, 0);
    QMap<QString, QList<qint64>> idsBySource;
    for (const QByteArray &line : exported.out.split('\n')) {
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        if (!event.isEmpty())
            idsBySource[event["source"].toString()] << event["id"].toString().toLongLong();
    }
    QCOMPARE(idsBySource.size(), 4);
    for (auto it = idsBySource.cbegin(); it != idsBySource.cend(); ++it) {
        QCOMPARE(it.value().size(), 4000); // each once
        for (int i = 1; i < it.value().size(); ++i)
            QVERIFY2(it.value()[i] > it.value()[i - 1], qPrintable(it.key())); // in received order
    }
}

void TestPostgresStore::agentRecordsIntoTheSharedStore()
{
    const QString url = freshDatabase();
    QTemporaryDir dir;
    const QString profile = dir.filePath("profile.json");
    {
        const QJsonObject stocks{
            {"id", "s1"}, {"name", "Stocks"}, {"url", stream("/stocks?rate=50")}, {"panel", "stock"}};
        QFile file(profile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(QJsonObject{{"subscriptions", QJsonArray{stocks}}}).toJson());
    }
    QProcess agent;
    agent.start(EVENTSCOPE_BIN, {"agent", "--profile", profile, "--db", url, "--label", "rack-7"});
    QVERIFY(agent.waitForStarted());
    QByteArray said;
    QTRY_VERIFY_WITH_TIMEOUT((said += agent.readAllStandardError()).contains("Stocks: open"), Bound);
    PostgresCaptureBackend watcher(url);
    QString error;
    QTRY_VERIFY_WITH_TIMEOUT(watcher.open(&error) && all(watcher).size() >= 25, Bound);
    ::kill(pid_t(agent.processId()), SIGTERM);
    QVERIFY(agent.waitForFinished(Bound));
    said += agent.readAllStandardError();
    QVERIFY2(agent.exitCode() == 0, said.constData());
    // Every event the agent stored is in the shared store under its session, named by its label.
    PostgresCaptureBackend store(url);
    QVERIFY2(store.open(&error), qPrintable(error));
    const qsizetype stored = all(store).size();
    QVERIFY2(said.contains(QString("stopped; the capture store holds %1 events").arg(stored).toUtf8()),
             said.constData());
    QVERIFY(sql(url, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM agents WHERE label = 'rack-7') "
                     "THEN RAISE EXCEPTION 'no agent row'; END IF; END $$"));
    const QList<CapturedSubscription> subscriptions = store.subscriptions(&error);
    QCOMPARE(subscriptions.size(), 1);
    QCOMPARE(subscriptions.first().name, QString("Stocks"));
}

QTEST_GUILESS_MAIN(TestPostgresStore)
#include "tst_postgresstore.moc"
