// SPDX-License-Identifier: GPL-3.0-or-later
// `eventscope agent` as a service runs it: the enabled subscriptions of a profile recorded headless, one
// log line per state change (or JSON lines), the profile read again on SIGHUP, a clean stop on SIGTERM
// with everything written, and a profile it cannot use refused in one line.
#include "capturedevents.h"
#include "demoserverthread.h"
#include "sqlitecapturebackend.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

class TestAgent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void recordsEnabledSubscriptionsAndStopsCleanly();
    void reloadsTheProfileOnHangUp();
    void logsJsonLines();
    void unusableProfileIsOneLine();

private:
    bool writeProfile(const QString &path, bool plantEnabled);
    QString stream(const QString &path) const { return m_demo.url().resolved(QUrl(path)).toString(); }
    // Starts the agent on NAME.json (Stocks enabled, Plant not) and NAME.sqlite, its stderr lines going to
    // `log` as they come, and waits until Stocks is open.
    void startAgent(const QString &name, QProcess &agent, QStringList &log, const QStringList &extra = {});

    DemoServerThread m_demo;
    QTemporaryDir m_dir;
    int m_runs = 0;
};

namespace {

constexpr int Bound = 20000;

QMap<QString, int> eventsBySource(const QString &db)
{
    QMap<QString, int> counts;
    SqliteCaptureBackend store(db);
    QString error;
    if (!store.open(&error)) { // not there yet while the agent starts: none so far
        qWarning("%s", qPrintable(error));
        return counts;
    }
    for (const CapturedEvent &event : CapturedEvents::all(store))
        ++counts[event.source];
    return counts;
}

} // namespace

void TestAgent::initTestCase()
{
    QString error;
    QVERIFY2(m_demo.start(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
}

bool TestAgent::writeProfile(const QString &path, bool plantEnabled)
{
    const QJsonObject stocks{
        {"id", "s1"}, {"name", "Stocks"}, {"url", stream("/stocks?rate=40")}, {"panel", "stock"}};
    const QJsonObject plant{{"id", "s2"},
                            {"name", "Plant"},
                            {"url", stream("/iot?rate=20")},
                            {"panel", "iot"},
                            {"enabled", plantEnabled}};
    QFile file(path);
    return file.open(QIODevice::WriteOnly) &&
           file.write(QJsonDocument(QJsonObject{{"subscriptions", QJsonArray{stocks, plant}}}).toJson()) > 0;
}

void TestAgent::startAgent(const QString &name, QProcess &agent, QStringList &log, const QStringList &extra)
{
    const QString profile = m_dir.filePath(name + ".json");
    QVERIFY(writeProfile(profile, false));
    connect(&agent, &QProcess::readyReadStandardError, this, [&agent, &log] {
        while (agent.canReadLine())
            log << QString::fromUtf8(agent.readLine()).trimmed();
    });
    agent.setReadChannel(QProcess::StandardError);
    agent.start(EVENTSCOPE_BIN,
                QStringList{"agent", "--profile", profile, "--db", m_dir.filePath(name + ".sqlite")} + extra);
    QVERIFY(agent.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(!log.filter("Stocks: open").isEmpty(), Bound);
}

void TestAgent::recordsEnabledSubscriptionsAndStopsCleanly()
{
    QProcess agent;
    QStringList log;
    startAgent("stop", agent, log);
    const QString db = m_dir.filePath("stop.sqlite");
    QTRY_VERIFY_WITH_TIMEOUT(eventsBySource(db).value("Stocks") >= 20, Bound); // events flow into the store
    ::kill(pid_t(agent.processId()), SIGTERM);
    QVERIFY(agent.waitForFinished(Bound));
    QCOMPARE(agent.exitStatus(), QProcess::NormalExit);
    QCOMPARE(agent.exitCode(), 0);
    log << QString::fromUtf8(agent.readAllStandardError()).trimmed().split('\n');
    QVERIFY2(log.contains("eventscope agent: 1 of 2 subscriptions enabled"), qPrintable(log.join('\n')));
    const QString stopped = log.filter("stopped; the capture store holds").value(0);
    QVERIFY2(!stopped.isEmpty(), qPrintable(log.join('\n')));
    // Everything received was written before the exit: the store holds what the agent said, Stocks only.
    const QMap<QString, int> stored = eventsBySource(db);
    QCOMPARE(stored.keys(), QStringList({"Stocks"}));
    QCOMPARE(stopped,
             QString("eventscope agent: stopped; the capture store holds %1 events").arg(stored["Stocks"]));
}

void TestAgent::reloadsTheProfileOnHangUp()
{
    QProcess agent;
    QStringList log;
    startAgent("reload", agent, log);
    const QString profile = m_dir.filePath("reload.json");
    const QString db = m_dir.filePath("reload.sqlite");
    QVERIFY(writeProfile(profile, true));
    ::kill(pid_t(agent.processId()), SIGHUP);
    QTRY_VERIFY_WITH_TIMEOUT(log.contains("eventscope agent: Plant: open"), Bound);
    QVERIFY2(log.contains("eventscope agent: profile read again") &&
                 log.contains("eventscope agent: 2 of 2 subscriptions enabled"),
             qPrintable(log.join('\n')));
    // A profile broken meanwhile is said, and what runs goes on.
    QFile broken(profile);
    QVERIFY(broken.open(QIODevice::WriteOnly) && broken.write("{ not json") > 0);
    broken.close();
    ::kill(pid_t(agent.processId()), SIGHUP);
    QTRY_VERIFY_WITH_TIMEOUT(!log.filter("the subscriptions keep running as they were").isEmpty(), Bound);
    QVERIFY(agent.state() == QProcess::Running);
    ::kill(pid_t(agent.processId()), SIGTERM);
    QVERIFY(agent.waitForFinished(Bound));
    QCOMPARE(agent.exitCode(), 0);
    const QMap<QString, int> stored = eventsBySource(db);
    QCOMPARE(stored.keys(), QStringList({"Plant", "Stocks"}));
}

void TestAgent::logsJsonLines()
{
    QProcess agent;
    QStringList log;
    startAgent("json", agent, log, {"--log-format", "json"});
    ::kill(pid_t(agent.processId()), SIGINT);
    QVERIFY(agent.waitForFinished(Bound));
    QCOMPARE(agent.exitCode(), 0);
    log << QString::fromUtf8(agent.readAllStandardError()).trimmed().split('\n', Qt::SkipEmptyParts);
    QVERIFY(log.size() >= 4);
    for (const QString &line : std::as_const(log)) {
        const QJsonObject object = QJsonDocument::fromJson(line.toUtf8()).object();
        QVERIFY2(object["command"] == "agent" && object["level"] == "info" &&
                     QDateTime::fromString(object["time"].toString(), Qt::ISODateWithMs).isValid() &&
                     !object["message"].toString().isEmpty(),
                 qPrintable(line));
    }
}

void TestAgent::unusableProfileIsOneLine()
{
    QProcess agent;
    agent.start(EVENTSCOPE_BIN, {"agent", "--profile", m_dir.filePath("missing.json"), "--db",
                                 m_dir.filePath("missing.sqlite")});
    QVERIFY(agent.waitForFinished(Bound));
    QCOMPARE(agent.exitCode(), 2);
    const QString said = QString::fromUtf8(agent.readAllStandardError()).trimmed();
    QVERIFY2(!said.contains('\n') && said.startsWith("eventscope agent: error: ") &&
                 said.contains("missing.json"),
             qPrintable(said));
}

QTEST_GUILESS_MAIN(TestAgent)
#include "tst_agent.moc"
