// SPDX-License-Identifier: GPL-3.0-or-later
// The workspace against the demo server: every event FeedHub delivers reaches the event log and the
// panels, pausing buffers and resuming applies the buffer, and profiles are saved on edit, exported
// without secrets and never overwritten when they cannot be read.
#include "demoserver.h"
#include "gapdetector.h"
#include "rawpanel.h"
#include "sqlitecapturebackend.h"
#include "stockpanel.h"
#include "workspace.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyEventReachesTheModels();
    void aFloodThinsTheLogAndSaysSo();
    void captureCountsChangeOnceASecond();
    void pauseBuffersAndResumeApplies();
    void editsAreSavedToTheProfile();
    void badProfileIsLeftAlone();
    void exportLeavesSecretsOut();
    void replayGoesThroughFeedHubMarked();

private:
    DemoServer m_server;
    QTemporaryDir m_dir;
};

namespace {

constexpr int Bound = 10000;

Profile fastProfile(const DemoServer &server)
{
    Profile profile = Profile::demo(server.url());
    for (Subscription &subscription : profile.subscriptions) {
        subscription.request.url.setQuery(subscription.request.url.query().replace("rate=8", "rate=200"));
        subscription.request.retry.initialDelayMs = 20;
    }
    return profile;
}

} // namespace

void TestWorkspace::initTestCase()
{
    QString error;
    QVERIFY2(m_server.listen(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
}

void TestWorkspace::everyEventReachesTheModels()
{
    Workspace workspace({});
    QSignalSpy applied(&workspace, &Workspace::frameApplied);
    const Profile profile = fastProfile(m_server);
    workspace.setProfile(profile);
    QTRY_VERIFY_WITH_TIMEOUT(workspace.eventLog()->rowCount() >= 400, Bound);

    // Per source, the demo's numbered ids arrive in the log without a hole.
    QHash<QString, GapDetector> detectors;
    qint64 missing = 0;
    for (int row = 0; row < workspace.eventLog()->rowCount(); ++row) {
        const CapturedEvent &event = workspace.eventLog()->at(row);
        missing += detectors[event.subscription].observe(event.event.id);
    }
    QCOMPARE(missing, 0);
    QCOMPARE(workspace.eventsApplied(), qint64(workspace.eventLog()->rowCount()));
    QVERIFY(applied.size() < workspace.eventLog()->rowCount()); // batches, not one signal per event

    auto *stocks = qobject_cast<StockPanel *>(workspace.dashboard()->panelFor(profile.subscriptions[0].id));
    QVERIFY(stocks);
    QTRY_COMPARE_WITH_TIMEOUT(stocks->quotes()->rowCount(), 4, Bound);
    QTRY_COMPARE_WITH_TIMEOUT(workspace.subscriptions()->openCount(), int(profile.subscriptions.size()),
                              Bound);
    QCOMPARE(stocks->connectionState(), QStringLiteral("open"));
}

void TestWorkspace::aFloodThinsTheLogAndSaysSo()
{
    // A feed far above what the log takes (20 000 rows/s): the log shows the newest, says so, and the
    // models still count every event.
#ifdef EVENTSCOPE_SANITIZED
    QSKIP("under a sanitizer the feed does not outrun the log, so there is no flood to thin");
#endif
    Workspace workspace({});
    Subscription flood = Subscription::create("Flood", m_server.url("/bench?n=400000&size=16&rate=100000"),
                                              Subscription::Panel::Raw);
    workspace.setProfile({{flood}});
    QTRY_VERIFY_WITH_TIMEOUT(workspace.logNotice().startsWith("Showing the newest "), Bound);
    QVERIFY2(workspace.logNotice().endsWith(" events/s; every event is in the capture store"),
             qPrintable(workspace.logNotice()));
    QVERIFY(workspace.eventLog()->rowCount() < workspace.eventsApplied());
}

void TestWorkspace::captureCountsChangeOnceASecond()
{
    // The store reports after every write; the status bar's counts follow once a second, so they draw no
    // frames of their own between the feeds' frames.
#ifdef EVENTSCOPE_SANITIZED
    QSKIP("counts changes per second, which a sanitizer's slower writes make too few to judge");
#endif
    CaptureStore store(std::make_unique<SqliteCaptureBackend>(m_dir.filePath("counts.sqlite")),
                       QStringLiteral("counts")); // outlives the workspace, whose hub records into it
    Workspace workspace({});
    workspace.setCaptureStore(&store);
    QSignalSpy storeReports(&store, &CaptureStore::statusChanged);
    QSignalSpy shown(&workspace, &Workspace::captureChanged);
    workspace.setProfile(fastProfile(m_server));
    QTRY_VERIFY_WITH_TIMEOUT(!workspace.captureSummary().startsWith("Captured 0 "), Bound);
    const qsizetype reportsBefore = storeReports.size();
    const qsizetype shownBefore = shown.size();
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() >= 3000, Bound);
    const qsizetype reports = storeReports.size() - reportsBefore;
    const qsizetype changes = shown.size() - shownBefore;
    QVERIFY2(reports >= 10, qPrintable(QString::number(reports))); // the store did report many times
    QVERIFY2(changes >= 2 && changes <= 4, qPrintable(QStringLiteral("%1 changes in %2 ms for %3 reports")
                                                          .arg(changes)
                                                          .arg(clock.elapsed())
                                                          .arg(reports)));
}

void TestWorkspace::pauseBuffersAndResumeApplies()
{
    Workspace workspace({});
    workspace.setProfile(fastProfile(m_server));
    QTRY_VERIFY_WITH_TIMEOUT(workspace.eventLog()->rowCount() > 0, Bound);
    workspace.setPaused(true);
    const int held = workspace.eventLog()->rowCount();
    QTRY_VERIFY_WITH_TIMEOUT(workspace.bufferedCount() >= 100, Bound);
    QCOMPARE(workspace.eventLog()->rowCount(), held);
    workspace.setProfile({}); // stop the feeds so the count stays put
    const int buffered = workspace.bufferedCount();
    workspace.setPaused(false);
    QCOMPARE(workspace.bufferedCount(), 0);
    QVERIFY(workspace.eventLog()->rowCount() >= held + buffered);
}

void TestWorkspace::editsAreSavedToTheProfile()
{
    const QString path = m_dir.filePath("edits.json");
    Workspace workspace(path);
    QString error;
    QVERIFY(workspace.loadProfile(&error)); // no file yet: an empty profile
    QJsonObject draft = workspace.newSubscriptionJson();
    draft["name"] = "Bench";
    draft["url"] = m_server.url("/bench?rate=10").toString();
    QCOMPARE(workspace.saveSubscription(draft), QString());
    std::optional<Profile> saved = Profile::load(path, &error);
    QVERIFY2(saved, qPrintable(error));
    QCOMPARE(saved->subscriptions.size(), 1);
    QCOMPARE(saved->subscriptions[0].name, QStringLiteral("Bench"));

    draft = workspace.subscriptionJson(saved->subscriptions[0].id);
    draft["url"] = "not a url";
    QVERIFY(workspace.saveSubscription(draft).startsWith("url: "));
    QCOMPARE(Profile::load(path, &error)->subscriptions[0].request.url, m_server.url("/bench?rate=10"));

    workspace.subscriptions()->setEnabled(0, false); // the sidebar switch saves too
    QCOMPARE(Profile::load(path, &error)->subscriptions[0].enabled, false);
    workspace.removeSubscription(saved->subscriptions[0].id);
    QCOMPARE(Profile::load(path, &error)->subscriptions.size(), 0);
}

void TestWorkspace::badProfileIsLeftAlone()
{
    const QString path = m_dir.filePath("bad.json");
    const QByteArray broken = R"({"subscriptions": [ {"name": "x", )";
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(broken);
    file.close();
    Workspace workspace(path);
    QSignalSpy changed(&workspace, &Workspace::profileChanged);
    QString error;
    QVERIFY(!workspace.loadProfile(&error));
    QVERIFY2(error.contains("bad.json"), qPrintable(error));
    QCOMPARE(workspace.profileProblem(), error);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(workspace.subscriptions()->rowCount(), 0);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), broken);
}

void TestWorkspace::exportLeavesSecretsOut()
{
    Workspace workspace({});
    Profile profile = fastProfile(m_server);
    profile.subscriptions[0].request.headers = {{"Authorization", "Bearer s3cret"}, {"X-Team", "ops"}};
    profile.subscriptions[0].enabled = false;
    workspace.setProfile(profile);
    const QString path = m_dir.filePath("exported.json");
    QCOMPARE(workspace.exportProfile(QUrl::fromLocalFile(path)), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    QVERIFY(!json.contains("s3cret"));
    QVERIFY(json.contains("ops"));
    // A file where a directory should be: the export cannot be written, and says where.
    const QString blocked = m_dir.filePath("a-file") + "/x.json";
    QVERIFY(QFile(m_dir.filePath("a-file")).open(QIODevice::WriteOnly));
    QVERIFY(workspace.exportProfile(QUrl::fromLocalFile(blocked)).contains("x.json"));
    QVERIFY(workspace.importProfile(QUrl::fromLocalFile(m_dir.filePath("missing.json")))
                .contains("missing.json"));
}

void TestWorkspace::replayGoesThroughFeedHubMarked()
{
    const QString file = m_dir.filePath("quotes.ndjson");
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        for (int i = 1; i <= 300; ++i) {
            const QString data =
                QString(R"({\"symbol\":\"%1\",\"price\":%2})").arg(i % 2 ? "AAPL" : "MSFT").arg(100 + i);
            out.write(
                QString(
                    R"({"time":"2026-11-24T13:00:%1.000Z","source":"Stocks","event":"quote","id":"%2","data":"%3"})")
                    .arg(i / 10 % 60, 2, 10, QChar('0'))
                    .arg(i)
                    .arg(data)
                    .toUtf8() +
                "\n");
        }
        out.write("not json\n");
    }
    Workspace workspace({});
    QSignalSpy replay(&workspace, &Workspace::replayChanged);
    const QString problem = workspace.openReplay(QUrl::fromLocalFile(file));
    QVERIFY2(problem.startsWith("1 malformed lines skipped:\nline 301: "), qPrintable(problem));
    QVERIFY(workspace.replayActive());
    QCOMPARE(workspace.replayTotal(), 300);
    auto *panel = qobject_cast<StockPanel *>(workspace.dashboard()->panelFor(Workspace::ReplayId));
    QVERIFY2(panel, "quotes replay into a stock panel");
    QCOMPARE(panel->title(), QStringLiteral("Replay · quotes.ndjson"));

    workspace.setReplaySpeed(0); // as fast as possible
    QTRY_COMPARE_WITH_TIMEOUT(workspace.eventLog()->rowCount(), 300, Bound);
    QTRY_COMPARE_WITH_TIMEOUT(workspace.replayPosition(), 300, Bound);
    for (int row = 0; row < 300; ++row) {
        QVERIFY(workspace.eventLog()->index(row).data(EventLogModel::ReplayedRole).toBool());
        QCOMPARE(workspace.eventLog()->at(row).event.id, QString::number(row + 1));
    }
    QCOMPARE(panel->quotes()->rowCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(panel->chart()->pointCount("AAPL"), 150, Bound); // with the next chart tick

    workspace.closeReplay();
    QVERIFY(!workspace.replayActive());
    QCOMPARE(workspace.dashboard()->panelFor(Workspace::ReplayId), nullptr);
    QVERIFY(workspace.openReplay(QUrl::fromLocalFile(m_dir.filePath("none.ndjson"))).contains("none.ndjson"));
}

QTEST_MAIN(TestWorkspace)
#include "tst_workspace.moc"
