// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's Store page engine (StoreBrowser) against a real SQLite file and a real PostgreSQL the
// test starts: the newest matching events, search and source filter answered by the store, what a writer
// adds meanwhile shown on refresh, a missing file or a refused login said in one line with nothing created
// and what was shown kept, and a replay of what the page shows.
#include "capturedevents.h"
#include "postgrescapturebackend.h"
#include "postgresserver.h"
#include "sqlitecapturebackend.h"
#include "storebrowser.h"
#include "workspace.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using CapturedEvents::captured;
using CapturedEvents::T0;

class TestStoreBrowser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsTheNewestMatchesOfASqliteStore();
    void searchAndSourceAreAnsweredByTheStore();
    void missingFileIsSaidAndNotCreated();
    void browsesASharedStoreWhileAWriterAddsToIt();
    void refusedLoginIsOneLineAndKeepsWhatWasShown();
    void replaysWhatThePageShows();

private:
    static void append(CaptureBackend &store, const QList<CapturedEvent> &events);
    static bool answered(StoreBrowser &browser);
    QString sqliteStore(const QList<CapturedEvent> &events);

    QTemporaryDir m_dir;
    PostgresServer m_server;
    int m_stores = 0;
};

namespace {

constexpr int Bound = 30000;

// `count` events alternating between two sources; every seventh mentions "overheat".
QList<CapturedEvent> mixedEvents(int count, int first = 1)
{
    QList<CapturedEvent> events;
    for (int n = first; n < first + count; ++n)
        events.append(captured(
            n, n % 7 == 0 ? QString("{\"alarm\":\"overheat %1\"}").arg(n) : QString("{\"value\":%1}").arg(n),
            "reading", n % 2 ? "Boiler" : "Chiller"));
    return events;
}

} // namespace

void TestStoreBrowser::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
}

void TestStoreBrowser::append(CaptureBackend &store, const QList<CapturedEvent> &events)
{
    QString error;
    const qint64 session = store.beginSession("test", T0, &error);
    if (session < 0 || !store.append(session, events, &error))
        qFatal("%s", qPrintable(error));
}

bool TestStoreBrowser::answered(StoreBrowser &browser)
{
    QSignalSpy spy(&browser, &StoreBrowser::answered);
    return (!spy.isEmpty() || spy.wait(Bound)) && !browser.busy();
}

QString TestStoreBrowser::sqliteStore(const QList<CapturedEvent> &events)
{
    const QString path = m_dir.filePath(QString("store%1.sqlite").arg(++m_stores));
    SqliteCaptureBackend store(path);
    QString error;
    if (!store.open(&error))
        qFatal("%s", qPrintable(error));
    append(store, events);
    store.recordSubscriptions({{"sub-Boiler", "Boiler", "http://127.0.0.1/b", "raw"},
                               {"sub-Chiller", "Chiller", "http://127.0.0.1/c", "raw"}},
                              T0, &error);
    return path;
}

void TestStoreBrowser::showsTheNewestMatchesOfASqliteStore()
{
    const int stored = StoreBrowser::Limit + 250;
    StoreBrowser browser;
    browser.open(sqliteStore(mixedEvents(stored)));
    QVERIFY(browser.busy());
    QVERIFY(answered(browser));
    QCOMPARE(browser.problem(), QString());
    QCOMPARE(browser.storedCount(), double(stored));
    QCOMPARE(browser.sources(), QStringList({"Boiler", "Chiller"}));
    // The newest Limit events, oldest first: the first shown is event 251, the last the newest.
    QCOMPARE(browser.events()->rowCount(), StoreBrowser::Limit);
    QCOMPARE(browser.events()->at(0).event.id, QString::number(stored - StoreBrowser::Limit + 1));
    QCOMPARE(browser.events()->at(StoreBrowser::Limit - 1).event.id, QString::number(stored));
}

void TestStoreBrowser::searchAndSourceAreAnsweredByTheStore()
{
    StoreBrowser browser;
    browser.open(sqliteStore(mixedEvents(700)));
    QVERIFY(answered(browser));
    browser.search("OVERHEAT", QString()); // case as SQLite's LIKE and the Events page ignore it
    QVERIFY(answered(browser));
    QCOMPARE(browser.events()->rowCount(), 100); // 7, 14, …, 700
    browser.search("overheat", "Boiler");        // odd multiples of seven
    QVERIFY(answered(browser));
    QCOMPARE(browser.events()->rowCount(), 50);
    for (int row = 0; row < browser.events()->rowCount(); ++row)
        QCOMPARE(browser.events()->at(row).source, QString("Boiler"));
    browser.search("no such text", QString());
    QVERIFY(answered(browser));
    QCOMPARE(browser.events()->rowCount(), 0);
    QCOMPARE(browser.problem(), QString());
}

void TestStoreBrowser::missingFileIsSaidAndNotCreated()
{
    const QString path = m_dir.filePath("mistyped.sqlite");
    StoreBrowser browser;
    browser.open(path);
    QVERIFY(answered(browser));
    QCOMPARE(browser.problem(), QString("no capture store at '%1'").arg(path));
    QVERIFY(!QFile::exists(path));
}

void TestStoreBrowser::browsesASharedStoreWhileAWriterAddsToIt()
{
    QString error;
    QVERIFY2(m_server.createDatabase("shared", &error), qPrintable(error));
    PostgresCaptureBackend agent(m_server.url("shared"));
    QVERIFY2(agent.open(&error), qPrintable(error));
    append(agent, mixedEvents(300));

    StoreBrowser browser;
    browser.open(m_server.url("shared"));
    QVERIFY(answered(browser));
    QCOMPARE(browser.problem(), QString());
    QCOMPARE(browser.events()->rowCount(), 300);
    browser.search("overheat", QString());
    QVERIFY(answered(browser));
    QCOMPARE(browser.events()->rowCount(), 42);

    // The agent goes on writing; a refresh shows what it added, with the same search.
    append(agent, mixedEvents(70, 301));
    browser.refresh();
    QVERIFY(answered(browser));
    QCOMPARE(browser.events()->rowCount(), 52);
    QCOMPARE(browser.events()->at(51).event.id, QString("364"));
    QCOMPARE(browser.storedCount(), 370.0);
}

void TestStoreBrowser::refusedLoginIsOneLineAndKeepsWhatWasShown()
{
    StoreBrowser browser;
    browser.open(sqliteStore(mixedEvents(20)));
    QVERIFY(answered(browser));
    QCOMPARE(browser.events()->rowCount(), 20);

    const QByteArray password = qgetenv("PGPASSWORD");
    qputenv("PGPASSWORD", "not-the-password");
    browser.open(m_server.url("postgres"));
    QVERIFY(answered(browser));
    qputenv("PGPASSWORD", password);
    QVERIFY2(browser.problem().contains("password authentication failed"), qPrintable(browser.problem()));
    QVERIFY(!browser.problem().contains('\n'));

    browser.open("postgresql://eventscope:secret@127.0.0.1:1/x");
    QVERIFY(answered(browser));
    QCOMPARE(browser.problem(),
             QString("put the database password in ~/.pgpass or PGPASSWORD, not in the URL"));
    // A new location is a new store: what the old one showed goes rather than stand under its name.
    QCOMPARE(browser.events()->rowCount(), 0);

    // The same store failing on a later read keeps its rows.
    QString error;
    QVERIFY2(m_server.createDatabase("flaky", &error), qPrintable(error));
    PostgresCaptureBackend agent(m_server.url("flaky"));
    QVERIFY2(agent.open(&error), qPrintable(error));
    append(agent, mixedEvents(30));
    browser.open(m_server.url("flaky"));
    QVERIFY(answered(browser));
    QCOMPARE(browser.events()->rowCount(), 30);
    m_server.stop();
    browser.refresh();
    QVERIFY(answered(browser));
    QVERIFY2(browser.problem().contains("cannot"), qPrintable(browser.problem()));
    QCOMPARE(browser.events()->rowCount(), 30); // the last good answer stays (the server stays down)
}

void TestStoreBrowser::replaysWhatThePageShows()
{
    StoreBrowser browser;
    browser.open(sqliteStore(mixedEvents(140)));
    QVERIFY(answered(browser));
    browser.search("overheat", QString());
    QVERIFY(answered(browser));
    Workspace workspace({});
    QCOMPARE(workspace.replayStore(&browser), QString());
    QVERIFY(workspace.replayActive());
    QCOMPARE(workspace.replayTotal(), 20);
    QVERIFY(workspace.replayName().startsWith("store"));
    browser.search("no such text", QString());
    QVERIFY(answered(browser));
    QCOMPARE(workspace.replayStore(&browser), QString("The search found no events to replay."));
}

QTEST_MAIN(TestStoreBrowser)
#include "tst_storebrowser.moc"
