// SPDX-License-Identifier: GPL-3.0-or-later
// The export dialog's engine: exports what a filtered Events view shows, or a store query, in the
// background with progress; a cancelled export leaves no file.
#include "captureexport.h"
#include "eventfiltermodel.h"
#include "eventlogmodel.h"
#include "sqlitecapturebackend.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

class TestCaptureExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exportsWhatTheViewShows();
    void exportsAStoreQuery();
    void cancelLeavesNoFile();
    void closingMidExportLeavesNoFile();
};

namespace {

constexpr int Bound = 20000;

QList<CapturedEvent> events(int count)
{
    QList<CapturedEvent> list;
    for (int n = 1; n <= count; ++n) {
        CapturedEvent e;
        e.event = {n % 2 ? "quote" : "alert", QString("{\"n\":%1}").arg(n), QString::number(n)};
        e.source = n % 3 ? "Stocks" : "Plant";
        e.receivedMs = 1795957262345 + n;
        e.seq = quint64(n);
        list << e;
    }
    return list;
}

QList<QByteArray> lines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> out = file.readAll().split('\n');
    out.removeAll(QByteArray());
    return out;
}

// An Events page over `count` events.
struct ShownEvents
{
    EventLogModel log;
    EventFilterModel view;

    explicit ShownEvents(int count)
    {
        log.append(events(count));
        view.setLog(&log);
    }
};

} // namespace

void TestCaptureExport::exportsWhatTheViewShows()
{
    QTemporaryDir dir;
    ShownEvents shown(30);
    EventFilterModel &view = shown.view;
    view.setType("alert");
    view.setSource("Stocks"); // even n, not a multiple of 3: 10 events
    CaptureExport exporter;
    QSignalSpy finished(&exporter, &CaptureExport::finished);
    exporter.exportView(&view, QUrl::fromLocalFile(dir.filePath("view.ndjson")), "ndjson");
    QVERIFY(exporter.running());
    QVERIFY(finished.wait(Bound));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(exporter.written(), 10.0);
    QVERIFY2(exporter.message().startsWith("Exported 10 events"), qPrintable(exporter.message()));
    const QList<QByteArray> written = lines(dir.filePath("view.ndjson"));
    QCOMPARE(written.size(), 10);
    QVERIFY(written.first().contains(R"("id":"2")"));
    QVERIFY(written.last().contains(R"("id":"28")"));
}

void TestCaptureExport::exportsAStoreQuery()
{
    QTemporaryDir dir;
    const QString storePath = dir.filePath("store.sqlite");
    {
        SqliteCaptureBackend store(storePath);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QVERIFY(store.append(store.beginSession("t", 0, &error), events(100), &error));
    }
    CaptureExport exporter;
    QSignalSpy finished(&exporter, &CaptureExport::finished);
    exporter.exportStore(storePath, QUrl::fromLocalFile(dir.filePath("q.csv")), "csv", 1795957262345 + 51, 0,
                         "Plant", "", "");
    QVERIFY(finished.wait(Bound));
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(lines(dir.filePath("q.csv")).size(), 1 + 17); // header + multiples of 3 from 51 to 99

    exporter.exportStore(dir.filePath("missing-dir/none.sqlite"), QUrl::fromLocalFile(dir.filePath("x.csv")),
                         "csv", 0, 0, {}, {}, {});
    QVERIFY(finished.wait(Bound));
    QCOMPARE(finished.last().first().toBool(), false);
    QVERIFY2(exporter.message().startsWith("no capture store at"), qPrintable(exporter.message()));
}

void TestCaptureExport::cancelLeavesNoFile()
{
    QTemporaryDir dir;
    ShownEvents shown(50000);
    EventFilterModel &view = shown.view;
    CaptureExport exporter;
    QSignalSpy finished(&exporter, &CaptureExport::finished);
    exporter.exportView(&view, QUrl::fromLocalFile(dir.filePath("big.json")), "json");
    exporter.cancel(); // before the first page is through
    QVERIFY(finished.wait(Bound));
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(exporter.message(), QStringLiteral("Cancelled; no file was written."));
    QVERIFY(!QFile::exists(dir.filePath("big.json")));
}

void TestCaptureExport::closingMidExportLeavesNoFile()
{
    // The dialog closes (or the window with it) while an export runs: the exporter cancels it and returns
    // only once its thread is gone, so nothing writes into the deleted exporter or leaves a file.
    QTemporaryDir dir;
    ShownEvents shown(50000);
    EventFilterModel &view = shown.view;
    auto exporter = std::make_unique<CaptureExport>();
    exporter->exportView(&view, QUrl::fromLocalFile(dir.filePath("big.json")), "json");
    QVERIFY(exporter->running());
    exporter.reset();
    QCoreApplication::processEvents(); // progress posted by the thread before it ended finds no exporter
    QVERIFY(!QFile::exists(dir.filePath("big.json")));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

QTEST_GUILESS_MAIN(TestCaptureExport)
#include "tst_captureexport.moc"
