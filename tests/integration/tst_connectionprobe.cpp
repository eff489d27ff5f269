// SPDX-License-Identifier: GPL-3.0-or-later
// The editor's "test connection" against the demo server: the first events of a good draft, the
// server's refusal of a bad one, and a draft too broken to try.
#include "connectionprobe.h"
#include "demoserver.h"
#include "subscription.h"

#include <QSignalSpy>
#include <QTest>

class TestConnectionProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsTheFirstEvents();
    void reportsWhatTheServerSaid();
    void invalidDraftIsNotTried();

private:
    DemoServer m_server;
};

namespace {

constexpr int Bound = 15000;

} // namespace

void TestConnectionProbe::initTestCase()
{
    QString error;
    QVERIFY2(m_server.listen(&error), qPrintable(error));
}

void TestConnectionProbe::showsTheFirstEvents()
{
    ConnectionProbe probe;
    probe.start(
        Subscription::create("Stocks", m_server.url("/stocks?rate=50"), Subscription::Panel::Stock).toJson());
    QVERIFY(probe.running());
    QTRY_VERIFY_WITH_TIMEOUT(!probe.running(), Bound);
    QCOMPARE(probe.events().size(), ConnectionProbe::EventsShown);
    QVERIFY2(probe.events().first().startsWith("quote #1: {"), qPrintable(probe.events().first()));
    QCOMPARE(probe.message(), QStringLiteral("connected; the first 5 events arrived"));
}

void TestConnectionProbe::reportsWhatTheServerSaid()
{
    ConnectionProbe probe;
    probe.start(Subscription::create("Broken", m_server.url("/stocks?status=503"), Subscription::Panel::Raw)
                    .toJson());
    QTRY_VERIFY_WITH_TIMEOUT(probe.message().contains("503"), Bound);
    QVERIFY(probe.events().isEmpty());
    probe.stop();
    QVERIFY(!probe.running());
}

void TestConnectionProbe::invalidDraftIsNotTried()
{
    ConnectionProbe probe;
    QSignalSpy changed(&probe, &ConnectionProbe::changed);
    probe.start(Subscription::create("", QUrl("ftp://example.com/"), Subscription::Panel::Raw).toJson());
    QVERIFY(!probe.running());
    QCOMPARE(probe.state(), QStringLiteral("invalid"));
    QVERIFY2(probe.message().startsWith("name: "), qPrintable(probe.message()));
    QCOMPARE(changed.size(), 1);
}

QTEST_GUILESS_MAIN(TestConnectionProbe)
#include "tst_connectionprobe.moc"
