// SPDX-License-Identifier: GPL-3.0-or-later
// Desktop alerts on a real session bus (the test runs under dbus-run-session), their Notify calls
// recorded by dbus-monitor as a notification daemon would receive them: nothing while the window is
// active, critical and warning ones only, one per rule per interval with the rest said as "and N more",
// urgency by severity, and none for a rule whose notify switch is off.
#include "desktopalerts.h"

#include <QDBusConnection>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

class TestDesktopAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void onlyWhileTheWindowIsNotActive();
    void oneAlertPerRulePerIntervalThenHowManyMore();
    void infoAndRulesWithNotifyOffStayInTheWindow();

private:
    struct Notify
    {
        QString summary;
        QString body;
        int urgency = -1;
    };
    // Every Notify call dbus-monitor has printed so far.
    QList<Notify> calls();

    QProcess m_monitor;
    QByteArray m_seen;
};

namespace {

constexpr int Bound = 10000;

Notification alert(const QString &severity, const QString &title, const QString &key, bool desktop = true)
{
    Notification notification;
    notification.severity = severity;
    notification.source = "Plant";
    notification.subscription = "plant";
    notification.title = title;
    notification.body = title + " now";
    notification.alertKey = key;
    notification.desktopAlert = desktop;
    return notification;
}

} // namespace

void TestDesktopAlerts::initTestCase()
{
    QVERIFY2(QDBusConnection::sessionBus().isConnected(), "no session bus: run under with-session-bus");
    m_monitor.start(
        "dbus-monitor",
        {"--session", "type='method_call',interface='org.freedesktop.Notifications',member='Notify'"});
    QVERIFY(m_monitor.waitForStarted(Bound));
    // It says it took its name (NameAcquired, then NameLost as it turns monitor) once it listens.
    QTRY_VERIFY_WITH_TIMEOUT((m_seen += m_monitor.readAllStandardOutput()).contains("NameLost"), Bound);
}

void TestDesktopAlerts::cleanupTestCase()
{
    m_monitor.kill();
    m_monitor.waitForFinished();
}

QList<TestDesktopAlerts::Notify> TestDesktopAlerts::calls()
{
    m_seen += m_monitor.readAllStandardOutput();
    QList<Notify> found;
    static const QRegularExpression string(R"re(string "((?:[^"\\]|\\.)*)")re",
                                           QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression urgency(R"re("urgency"\s+variant\s+byte (\d))re");
    const QStringList blocks = QString::fromUtf8(m_seen).split("method call ");
    for (const QString &block : blocks) {
        if (!block.contains("member=Notify"))
            continue;
        QStringList strings;
        for (auto it = string.globalMatch(block); it.hasNext();)
            strings << it.next().captured(1);
        // app_name, app_icon, summary, body, then the hints' keys and values.
        if (strings.size() < 4)
            continue;
        const QRegularExpressionMatch level = urgency.match(block);
        found.append({strings[2], strings[3], level.hasMatch() ? level.captured(1).toInt() : -1});
    }
    return found;
}

void TestDesktopAlerts::onlyWhileTheWindowIsNotActive()
{
    DesktopAlerts alerts;
    QVERIFY(alerts.windowActive());
    alerts.offer({alert("critical", "boiler pressure above 9", "plant|pressure")});
    alerts.setWindowActive(false);
    alerts.offer({alert("critical", "boiler temperature above 90", "plant|temperature")});
    QTRY_COMPARE_WITH_TIMEOUT(calls().size(), 1, Bound);
    // The one offered while the operator was looking never went out.
    QCOMPARE(calls().first().summary, QString("Plant · boiler temperature above 90"));
    QCOMPARE(calls().first().body, QString("boiler temperature above 90 now"));
    QCOMPARE(calls().first().urgency, 2);
    QCOMPARE(alerts.sent(), 1);
}

void TestDesktopAlerts::oneAlertPerRulePerIntervalThenHowManyMore()
{
    const qsizetype before = calls().size();
    DesktopAlerts alerts;
    alerts.setIntervalMs(600);
    alerts.setWindowActive(false);
    // A flapping sensor: four breaches of one rule at once, and one of another rule.
    alerts.offer({alert("warning", "sensor-3 battery below 15", "plant|battery"),
                  alert("warning", "sensor-3 battery below 15", "plant|battery"),
                  alert("warning", "sensor-2 battery below 15", "plant|battery"),
                  alert("warning", "sensor-1 battery below 15", "plant|battery"),
                  alert("critical", "sensor-1 temperature above 32", "plant|temperature")});
    QTRY_COMPARE_WITH_TIMEOUT(calls().size(), before + 2, Bound);
    QCOMPARE(calls()[before].summary, QString("Plant · sensor-3 battery below 15"));
    QCOMPARE(calls()[before].urgency, 1);
    QCOMPARE(calls()[before + 1].summary, QString("Plant · sensor-1 temperature above 32"));
    // Once the interval is over, the newest held back stands for the three, with how many besides.
    QTRY_COMPARE_WITH_TIMEOUT(calls().size(), before + 3, Bound);
    QCOMPARE(calls()[before + 2].summary, QString("Plant · sensor-1 battery below 15"));
    QCOMPARE(calls()[before + 2].body, QString("sensor-1 battery below 15 now\nand 2 more"));
    QCOMPARE(alerts.sent(), 3);
}

void TestDesktopAlerts::infoAndRulesWithNotifyOffStayInTheWindow()
{
    const qsizetype before = calls().size();
    DesktopAlerts alerts;
    alerts.setWindowActive(false);
    alerts.offer({alert("info", "backup finished", "plant|backup"),
                  alert("critical", "valve stuck", "plant|valve", false),
                  alert("warning", "fan slow", "plant|fan")});
    QTRY_COMPARE_WITH_TIMEOUT(calls().size(), before + 1, Bound);
    QCOMPARE(calls().last().summary, QString("Plant · fan slow"));
    QCOMPARE(alerts.sent(), 1);
}

QTEST_GUILESS_MAIN(TestDesktopAlerts)
#include "tst_desktopalerts.moc"
