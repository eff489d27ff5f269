// SPDX-License-Identifier: GPL-3.0-or-later
#include "captureoptions.h"

#include <QTemporaryFile>
#include <QTest>

class TestCaptureOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEveryOption();
    void bodyMakesItAPost();
    void readsBodyFromFile();
    void zeroRetriesMeansNeverReconnect();
    void rejects_data();
    void rejects();
    void help();
};

void TestCaptureOptions::readsEveryOption()
{
    CaptureOptions options;
    QString message;
    const auto result = CaptureOptions::parse({"http://127.0.0.1:8080/s",
                                               "-H",
                                               "Authorization: Bearer x",
                                               "--header",
                                               "X-A:1",
                                               "-X",
                                               "put",
                                               "-d",
                                               "{}",
                                               "--last-event-id",
                                               "9",
                                               "-n",
                                               "5",
                                               "--duration",
                                               "1.5",
                                               "--format",
                                               "CSV",
                                               "-o",
                                               "/tmp/o",
                                               "--insecure",
                                               "--idle-timeout",
                                               "20",
                                               "--max-retries",
                                               "4",
                                               "--source",
                                               "feed",
                                               "-q"},
                                              options, message);
    QCOMPARE(result, CaptureOptions::Parse::Run);
    QCOMPARE(options.request.url, QUrl("http://127.0.0.1:8080/s"));
    QCOMPARE(options.request.headers.size(), 2);
    QCOMPARE(options.request.headers.at(0), qMakePair(QByteArray("Authorization"), QByteArray("Bearer x")));
    QCOMPARE(options.request.headers.at(1), qMakePair(QByteArray("X-A"), QByteArray("1")));
    QCOMPARE(options.request.method, QByteArray("PUT"));
    QCOMPARE(options.request.body, QByteArray("{}"));
    QCOMPARE(options.lastEventId, QString("9"));
    QCOMPARE(options.maxEvents, 5);
    QCOMPARE(options.durationMs, 1500);
    QCOMPARE(options.format, QString("csv"));
    QCOMPARE(options.outputPath, QString("/tmp/o"));
    QVERIFY(options.request.allowInsecureTls);
    QCOMPARE(options.request.idleTimeoutMs, 20000);
    QCOMPARE(options.request.retry.maxAttempts, 4);
    QCOMPARE(options.source, QString("feed"));
    QVERIFY(options.quiet);
}

void TestCaptureOptions::bodyMakesItAPost()
{
    CaptureOptions options;
    QString message;
    QCOMPARE(CaptureOptions::parse({"https://example.test/jobs", "--data", "x"}, options, message),
             CaptureOptions::Parse::Run);
    QCOMPARE(options.request.method, QByteArray("POST"));
    QCOMPARE(options.source, QString("https://example.test/jobs"));
    QCOMPARE(options.format, QString("ndjson"));
}

void TestCaptureOptions::readsBodyFromFile()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write("{\"name\":\"job\"}");
    file.close();
    CaptureOptions options;
    QString message;
    QCOMPARE(CaptureOptions::parse({"http://h/x", "--data-file", file.fileName()}, options, message),
             CaptureOptions::Parse::Run);
    QCOMPARE(options.request.body, QByteArray("{\"name\":\"job\"}"));
}

void TestCaptureOptions::zeroRetriesMeansNeverReconnect()
{
    CaptureOptions options;
    QString message;
    QCOMPARE(CaptureOptions::parse({"http://a/", "--max-retries", "0"}, options, message),
             CaptureOptions::Parse::Run);
    QCOMPARE(options.request.retry.maxAttempts, RetrySettings::NoReconnect);
}

void TestCaptureOptions::rejects_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no URL") << QStringList{} << "missing URL";
    QTest::newRow("two URLs") << QStringList{"http://a/", "http://b/"} << "expected one URL";
    QTest::newRow("ftp") << QStringList{"ftp://a/x"} << "unsupported URL scheme";
    QTest::newRow("no scheme") << QStringList{"localhost:8080/x"} << "unsupported URL scheme";
    QTest::newRow("no host") << QStringList{"http:///x"} << "has no host";
    QTest::newRow("bad header") << QStringList{"http://a/", "-H", "NoColon"} << "is not of the form";
    QTest::newRow("bad count") << QStringList{"http://a/", "-n", "0"} << "--max-events";
    QTest::newRow("bad duration") << QStringList{"http://a/", "--duration", "soon"} << "--duration";
    QTest::newRow("bad format") << QStringList{"http://a/", "--format", "xml"} << "unknown --format 'xml'";
    QTest::newRow("missing data file") << QStringList{"http://a/", "--data-file", "/nonexistent/body"}
                                       << "cannot read --data-file '/nonexistent/body'";
    QTest::newRow("both bodies") << QStringList{"http://a/", "-d", "x", "--data-file", "f"}
                                 << "exclude each other";
    QTest::newRow("unknown option") << QStringList{"http://a/", "--bogus"} << "bogus";
    QTest::newRow("negative retries") << QStringList{"http://a/", "--max-retries", "-1"}
                                      << "--max-retries needs a whole number, 0 or more, not '-1'";
    QTest::newRow("method with space") << QStringList{"http://a/", "-X", "GE T"} << "is not an HTTP method";
}

void TestCaptureOptions::rejects()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, reason);
    CaptureOptions options;
    QString message;
    QCOMPARE(CaptureOptions::parse(arguments, options, message), CaptureOptions::Parse::Error);
    QVERIFY2(message.contains(reason), qPrintable(message));
}

void TestCaptureOptions::help()
{
    CaptureOptions options;
    QString message;
    QCOMPARE(CaptureOptions::parse({"--help"}, options, message), CaptureOptions::Parse::Help);
    QVERIFY(message.contains("--max-events"));
}

QTEST_GUILESS_MAIN(TestCaptureOptions)
#include "tst_captureoptions.moc"
