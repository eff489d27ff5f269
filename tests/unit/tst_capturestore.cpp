// SPDX-License-Identifier: GPL-3.0-or-later
// The capture store's SQLite backend, exporter and importer: every format round-trips awkward data,
// queries filter, retention keeps the store within its limits, damaged files and cancelled exports
// destroy nothing, and the writer thread commits within its flush interval.
#include "capturedevents.h"
#include "captureexporter.h"
#include "captureimporter.h"
#include "capturestore.h"
#include "ndjsonformat.h"
#include "sqlitecapturebackend.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestCaptureStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void roundTripEachFormat_data();
    void roundTripEachFormat();
    void queryFilters();
    void subscriptionsAreRemembered();
    void retentionByAge();
    void retentionBySize();
    void damagedFileIsLeftAlone();
    void schemaVersionIsRecorded();
    void newerSchemaIsRefused();
    void lockedStoreSaysSoAndRecovers();
    void cancelledExportLeavesNoFile();
    void malformedImportLinesAreCounted();
    void loneSurrogatesImportAsTheyWouldExport();
    void writerCommitsWithinItsInterval();
    void saysWhenBehindAndWhenCaughtUp();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

using CapturedEvents::all;
using CapturedEvents::captured;
using CapturedEvents::T0;

// Data that trips up careless writers and readers.
QList<CapturedEvent> awkwardEvents()
{
    return {captured(1, "plain"),
            captured(2, ""),
            captured(3, "two\nlines"),
            captured(4, "comma, \"quoted\", and\r\nCRLF inside", "quote"),
            captured(5, "unicode: Grüße, 日本語, emoji 🚀, U+2028 \u2028 end", "message", "Ünïcode feed"),
            captured(6, "{\"json\": [1, 2, {\"nested\": \"yes\"}]}", "reading"),
            captured(7, "trailing newline\n"),
            captured(8, "tab\there, backslash \\ and control \x01", "alert", "Feed, with comma")};
}

SqliteCaptureBackend *openStore(const QString &file, const QList<CapturedEvent> &events)
{
    auto *store = new SqliteCaptureBackend(file);
    QString error;
    if (!store->open(&error))
        qFatal("%s", qPrintable(error));
    const qint64 session = store->beginSession("test", T0, &error);
    if (!store->append(session, events, &error))
        qFatal("%s", qPrintable(error));
    return store;
}

QByteArray readAll(const QString &file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// RFC 4180 records, quoted fields with doubled quotes and line breaks inside.
QList<QStringList> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row << std::exchange(field, {});
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            row << std::exchange(field, {});
            rows << std::exchange(row, {});
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

void TestCaptureStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCaptureStore::roundTripEachFormat_data()
{
    QTest::addColumn<QString>("format");
    for (const char *format : {"ndjson", "csv", "json", "sse"})
        QTest::newRow(format) << format;
}

void TestCaptureStore::roundTripEachFormat()
{
    QFETCH(QString, format);
    const QList<CapturedEvent> original = awkwardEvents();
    std::unique_ptr<SqliteCaptureBackend> store(openStore(path("store.sqlite"), original));
    QCOMPARE(all(*store).size(), original.size());

    const QString file = path("export." + format);
    QList<qint64> progress;
    const CaptureExporter::Result result = CaptureExporter::run(
        *store, {}, format, file, [&](qint64 done, qint64 total) { progress << done << total; });
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.events, original.size());
    QCOMPARE(progress, (QList<qint64>{original.size(), original.size()}));
    const QByteArray bytes = readAll(file);
    QCOMPARE(result.bytes, bytes.size());

    // Read it back the way its readers would and compare field by field.
    QList<QStringList> back; // time, source, event, id, data
    if (format == "ndjson" || format == "sse") {
        const CaptureImporter::Result imported = format == "ndjson" ? CaptureImporter::fromNdjson(bytes, "x")
                                                                    : CaptureImporter::fromSse(bytes, "x");
        QCOMPARE(imported.malformed, 0);
        for (const CapturedEvent &e : imported.events)
            back << QStringList{isoTime(e.receivedMs), e.source, e.event.type, e.event.id, e.event.data};
    } else if (format == "json") {
        QJsonParseError error;
        const QJsonArray array = QJsonDocument::fromJson(bytes, &error).array();
        QCOMPARE(error.error, QJsonParseError::NoError);
        for (const QJsonValue &value : array) {
            const QJsonObject o = value.toObject();
            back << QStringList{o["time"].toString(), o["source"].toString(), o["event"].toString(),
                                o["id"].toString(), o["data"].toString()};
        }
    } else {
        back = parseCsv(bytes);
        QCOMPARE(back.takeFirst(), (QStringList{"time", "source", "event", "id", "data"}));
    }
    QCOMPARE(back.size(), original.size());
    for (int i = 0; i < original.size(); ++i) {
        const CapturedEvent &e = original[i];
        QCOMPARE(back[i][2], e.event.type);
        QCOMPARE(back[i][3], e.event.id);
        // A stream has no way to carry a CR inside data (it ends a line), so events that came from one never
        // hold any; in a .sse file written from elsewhere they become line feeds.
        QCOMPARE(back[i][4], format == "sse" ? QString(e.event.data).replace("\r\n", "\n") : e.event.data);
        if (format != "sse") { // a stream carries no receipt times or sources
            QCOMPARE(back[i][0], isoTime(e.receivedMs));
            QCOMPARE(back[i][1], e.source);
        }
    }
}

void TestCaptureStore::queryFilters()
{
    QList<CapturedEvent> events;
    for (int n = 1; n <= 30; ++n)
        events << captured(n, QString("value %1%").arg(n), n % 3 ? "quote" : "alert", n % 2 ? "Odd" : "Even");
    std::unique_ptr<SqliteCaptureBackend> store(openStore(path("q.sqlite"), events));
    auto count = [&](const CaptureQuery &query) {
        qint64 total = -1;
        QString error;
        store->query(
            query, &total, [](const QList<CapturedEvent> &) { return true; }, &error);
        return total == qint64(all(*store, query).size()) ? total : -1;
    };
    QCOMPARE(count({}), 30);
    QCOMPARE(count({T0 + 10000, 0, {}, {}, {}}), 21);          // n >= 10
    QCOMPARE(count({T0 + 10000, T0 + 20000, {}, {}, {}}), 10); // 10 <= n < 20
    QCOMPARE(count({0, 0, {"Odd"}, {}, {}}), 15);
    QCOMPARE(count({0, 0, {"Odd", "Even"}, {"alert"}, {}}), 10);
    QCOMPARE(count({0, 0, {}, {}, "value 2"}), 11); // 2, 20-29
    QCOMPARE(count({0, 0, {}, {}, "5%"}), 3);       // 5%, 15%, 25%: the % is literal, not a wildcard
    QCOMPARE(count({0, 0, {}, {}, "ALERT"}), 10);   // the type, case-insensitively
}

void TestCaptureStore::subscriptionsAreRemembered()
{
    std::unique_ptr<SqliteCaptureBackend> store(openStore(path("subs.sqlite"), {}));
    QString error;
    QVERIFY(store->recordSubscriptions({{"s1", "Stocks", "http://127.0.0.1:1/stocks", "stock"},
                                        {"s2", "Alerts", "http://127.0.0.1:1/alerts", "notifications"}},
                                       T0, &error));
    QVERIFY(
        store->recordSubscriptions({{"s1", "Quotes", "http://127.0.0.1:1/quotes", "stock"}}, T0 + 1, &error));
    const QList<CapturedSubscription> kept = store->subscriptions(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(kept.size(), 2);
    QCOMPARE(kept[0].name, QStringLiteral("Alerts"));
    QCOMPARE(kept[1].name, QStringLiteral("Quotes")); // updated, not duplicated
    QCOMPARE(kept[1].url, QStringLiteral("http://127.0.0.1:1/quotes"));
}

void TestCaptureStore::retentionByAge()
{
    const qint64 now = T0 + 40LL * 86400000;
    QList<CapturedEvent> events;
    for (int day = 0; day < 40; ++day) {
        CapturedEvent e = captured(day + 1, "day");
        e.receivedMs = T0 + qint64(day) * 86400000;
        events << e;
    }
    std::unique_ptr<SqliteCaptureBackend> store(openStore(path("age.sqlite"), events));
    QString error;
    QVERIFY2(store->applyRetention({30, 0}, now, &error), qPrintable(error));
    const QList<CapturedEvent> kept = all(*store);
    QCOMPARE(kept.size(), 30);
    QCOMPARE(kept.first().receivedMs, now - 30LL * 86400000);
    QCOMPARE(store->stats(&error)->events, 30);
}

void TestCaptureStore::retentionBySize()
{
    const QString file = path("size.sqlite");
    std::unique_ptr<SqliteCaptureBackend> store(openStore(file, {}));
    QString error;
    const QString data(4096, 'x');
    const qint64 limit = 2 * 1024 * 1024;
    for (int round = 0; round < 10; ++round) { // 10 × 200 events × 4 KiB ≈ 8 MiB offered
        QList<CapturedEvent> batch;
        for (int i = 0; i < 200; ++i)
            batch << captured(round * 200 + i + 1, data);
        QVERIFY(store->append(1, batch, &error));
        QVERIFY2(store->applyRetention({0, limit}, T0, &error), qPrintable(error));
        const CaptureStats stats = *store->stats(&error);
        QVERIFY2(stats.bytes <= limit, qPrintable(QString::number(stats.bytes)));
        // Freed pages are reused: the file stops at the limit plus the batch that went over it.
        QVERIFY2(QFileInfo(file).size() <= limit + 200 * 4096 * 1.1,
                 qPrintable(QStringLiteral("%1 bytes in the file, %2 in use")
                                .arg(QFileInfo(file).size())
                                .arg(stats.bytes)));
    }
    const QList<CapturedEvent> kept = all(*store);
    QVERIFY(kept.size() > 300 && kept.size() < 2000);
    QCOMPARE(kept.last().event.id, QStringLiteral("2000")); // the newest stay
}

void TestCaptureStore::damagedFileIsLeftAlone()
{
    const QString file = path("damaged.sqlite");
    const QByteArray garbage = QByteArray("this is not a database at all, just text\n").repeated(100);
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(garbage);
    }
    SqliteCaptureBackend store(file);
    QString error;
    QVERIFY(!store.open(&error));
    QVERIFY2(error.contains("damaged.sqlite") && error.contains("damaged or not a capture store"),
             qPrintable(error));
    QCOMPARE(readAll(file), garbage);
}

static int userVersion(const QString &file)
{
    int version = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "version");
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec("PRAGMA user_version") && query.next())
                version = query.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase("version");
    return version;
}

static bool setUserVersion(const QString &file, int version)
{
    bool done = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "version");
        db.setDatabaseName(file);
        done = db.open() && QSqlQuery(db).exec(QString("PRAGMA user_version = %1").arg(version));
    }
    QSqlDatabase::removeDatabase("version");
    return done;
}

void TestCaptureStore::schemaVersionIsRecorded()
{
    // A new store, and one from before versioning (user_version 0), both end up marked as this schema.
    const QString file = path("versioned.sqlite");
    delete openStore(file, {captured(1, "first")});
    QCOMPARE(userVersion(file), SqliteCaptureBackend::SchemaVersion);
    QVERIFY(setUserVersion(file, 0));
    std::unique_ptr<SqliteCaptureBackend> reopened(openStore(file, {captured(2, "second")}));
    QCOMPARE(all(*reopened).size(), 2);
    reopened.reset();
    QCOMPARE(userVersion(file), SqliteCaptureBackend::SchemaVersion);
}

void TestCaptureStore::newerSchemaIsRefused()
{
    const QString file = path("newer.sqlite");
    delete openStore(file, {captured(1, "kept")});
    const int newer = SqliteCaptureBackend::SchemaVersion + 1;
    QVERIFY(setUserVersion(file, newer));
    SqliteCaptureBackend store(file);
    QString error;
    QVERIFY(!store.open(&error));
    QVERIFY2(error.contains("newer.sqlite") &&
                 error.contains(QString("it has schema %1, written by a newer EventScope").arg(newer)),
             qPrintable(error));
    QCOMPARE(userVersion(file), newer); // left as it was
}

void TestCaptureStore::lockedStoreSaysSoAndRecovers()
{
    const QString file = path("locked.sqlite");
    std::unique_ptr<SqliteCaptureBackend> store(openStore(file, {captured(1, "before")}));
    {
        // Another program holds the write lock for longer than the store waits (2 s).
        QSqlDatabase other = QSqlDatabase::addDatabase("QSQLITE", "other");
        other.setDatabaseName(file);
        QVERIFY(other.open());
        QSqlQuery lock(other);
        QVERIFY(lock.exec("BEGIN EXCLUSIVE"));
        QString error;
        QVERIFY(!store->append(1, {captured(2, "during")}, &error));
        QVERIFY2(error.contains("locked.sqlite") && error.contains("locked"), qPrintable(error));
        QVERIFY(lock.exec("ROLLBACK"));
        lock.finish();
        other.close();
    }
    QSqlDatabase::removeDatabase("other");
    QString error;
    QVERIFY2(store->append(1, {captured(2, "after")}, &error), qPrintable(error));
    QCOMPARE(all(*store).size(), 2); // nothing lost of what was stored before
}

void TestCaptureStore::cancelledExportLeavesNoFile()
{
    QList<CapturedEvent> events;
    for (int n = 1; n <= 12000; ++n) // more than one page
        events << captured(n, "x");
    std::unique_ptr<SqliteCaptureBackend> store(openStore(path("c.sqlite"), events));
    const QString file = path("kept.csv");
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("an earlier export\n");
    }
    std::atomic_bool cancel = false;
    const CaptureExporter::Result result = CaptureExporter::run(
        *store, {}, "csv", file, [&](qint64 done, qint64) { cancel = done >= 5000; }, &cancel);
    QVERIFY(!result.ok);
    QVERIFY(result.cancelled);
    QCOMPARE(readAll(file), QByteArray("an earlier export\n")); // untouched
    QCOMPARE(QDir(m_dir->path()).entryList({"kept.csv*"}, QDir::Files), QStringList{"kept.csv"});

    const CaptureExporter::Result unwritable =
        CaptureExporter::run(*store, {}, "csv", path("no-dir/x/y.csv"));
    QVERIFY(!unwritable.ok);
    QVERIFY2(unwritable.error.contains("y.csv"), qPrintable(unwritable.error));
    QVERIFY(CaptureExporter::run(*store, {}, "xml", path("z")).error.startsWith("unknown format 'xml'"));
}

void TestCaptureStore::malformedImportLinesAreCounted()
{
    const QByteArray ndjson =
        R"({"time":"2026-11-24T13:00:00.000Z","source":"A","event":"quote","id":"1","data":"x"}
not json
{"time":"2026-11-24T13:00:01.000Z","source":"A","event":"quote","id":"2"}

[1, 2]
{"time":"yester\nday","data":"y"}
{"data":"no time: follows the line before","id":"3"}
)";
    const CaptureImporter::Result result = CaptureImporter::fromNdjson(ndjson, "file");
    QCOMPARE(result.events.size(), 2);
    QCOMPARE(result.malformed, 4);
    QCOMPARE(result.problems.size(), 4);
    QVERIFY(result.problems[0].startsWith("line 2: "));
    QCOMPARE(result.problems[1], QStringLiteral("line 3: no \"data\" string"));
    QCOMPARE(result.problems[2], QStringLiteral("line 5: not a JSON object"));
    // Found by fuzz_captureimport: the time quoted in the problem carried its line break into it.
    QCOMPARE(result.problems[3], QStringLiteral("line 6: \"time\" is not an ISO 8601 time: yester day"));
    QCOMPARE(result.events[1].event.type, QStringLiteral("message"));
    QCOMPARE(result.events[1].source, QStringLiteral("file"));
    QCOMPARE(result.events[1].receivedMs, result.events[0].receivedMs);

    const CaptureImporter::Result missing = CaptureImporter::importFile(path("nope.ndjson"));
    QVERIFY(missing.error.contains("nope.ndjson"));
}

// Found by fuzz_captureimport: "\ude00" imported as a lone surrogate, which exported as '?'.
void TestCaptureStore::loneSurrogatesImportAsTheyWouldExport()
{
    const QByteArray ndjson = R"({"data":"a\ude00b \ud83d\ude00 \ud83d","event":"\udbff","id":"\udfff"})";
    const CaptureImporter::Result result = CaptureImporter::fromNdjson(ndjson, "file");
    QCOMPARE(result.events.size(), 1);
    const SseEvent &event = result.events[0].event;
    QCOMPARE(event.data, QStringLiteral("a\uFFFDb 😀 \uFFFD")); // the pair stays a pair
    QCOMPARE(event.type, QStringLiteral("\uFFFD"));
    QCOMPARE(event.id, QStringLiteral("\uFFFD"));

    QByteArray exported;
    NdjsonFormat().append(exported, result.events[0]);
    QCOMPARE(CaptureImporter::fromNdjson(exported, "file").events[0].event, event);
}

void TestCaptureStore::writerCommitsWithinItsInterval()
{
    const QString file = path("writer.sqlite");
    auto store = std::make_unique<CaptureStore>(std::make_unique<SqliteCaptureBackend>(file), "test");
    QSignalSpy status(store.get(), &CaptureStore::statusChanged);
    QTRY_VERIFY_WITH_TIMEOUT(!status.isEmpty(), 5000);
    QCOMPARE(store->status().error, QString());
    store->record({captured(1, "a"), captured(2, "b")});
    QElapsedTimer clock;
    clock.start();
    SqliteCaptureBackend reader(file);
    QString error;
    QVERIFY2(reader.open(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(all(reader).size(), 2, 5000);
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    store->record({captured(3, "c")});
    store.reset(); // shutting down writes what waits
    QCOMPARE(all(reader).size(), 3);
}

void TestCaptureStore::saysWhenBehindAndWhenCaughtUp()
{
    using Backlog = EventRecorder::Backlog;
    const QString file = path("behind.sqlite");
    CaptureStore store(std::make_unique<SqliteCaptureBackend>(file), "test");
    // A tenth of the product's threshold: the same states, in a tenth of the writing (a 200 000-event
    // backlog took a minute to drain under AddressSanitizer).
    const qsizetype behindAt = CaptureStore::BehindAt / 10;
    store.setBehindAt(behindAt);
    QSignalSpy status(&store, &CaptureStore::statusChanged);
    QTRY_VERIFY_WITH_TIMEOUT(!status.isEmpty(), 5000);
    QCOMPARE(store.backlog(), Backlog::None);
    auto batchOf = [](int first, int count) {
        QList<CapturedEvent> batch;
        for (int n = first; n < first + count; ++n)
            batch << captured(n, "x");
        return batch;
    };
    // Counted the moment a batch is handed over, before the writer sees it.
    store.record(batchOf(1, behindAt));
    QCOMPARE(store.backlog(), Backlog::Behind);
    store.record(batchOf(1 + behindAt, behindAt));
    QCOMPARE(store.backlog(), Backlog::Full);
    QTRY_COMPARE_WITH_TIMEOUT(store.backlog(), Backlog::None, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(store.status().stats.events, 2 * qint64(behindAt), 5000);
    SqliteCaptureBackend reader(file);
    QString error;
    QVERIFY2(reader.open(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(all(reader).size(), 2 * behindAt, 5000);
    // The status counts what is written as it is written, not at the next full count (at most once a
    // second, and only after a write: the last events of a burst would show only half a minute later).
    const qint64 written = 2 * qint64(behindAt);
    store.record({captured(int(written) + 1, "one more")});
    QTRY_COMPARE_WITH_TIMEOUT(store.status().stats.events, written + 1, 5000);
    store.record({captured(int(written) + 2, "and the last, within a second")});
    QTRY_COMPARE_WITH_TIMEOUT(store.status().stats.events, written + 2, 5000);

    // A store that cannot be written never holds the feeds back: monitoring goes on.
    QFile notAFolder(path("not-a-folder"));
    QVERIFY(notAFolder.open(QIODevice::WriteOnly));
    notAFolder.close();
    CaptureStore broken(std::make_unique<SqliteCaptureBackend>(path("not-a-folder/x.sqlite")), "test");
    QSignalSpy brokenStatus(&broken, &CaptureStore::statusChanged);
    QTRY_VERIFY_WITH_TIMEOUT(!brokenStatus.isEmpty(), 5000);
    QVERIFY(!broken.status().error.isEmpty());
    broken.record(batchOf(1, 2 * CaptureStore::BehindAt));
    QCOMPARE(broken.backlog(), Backlog::None);
}

QTEST_GUILESS_MAIN(TestCaptureStore)
#include "tst_capturestore.moc"
