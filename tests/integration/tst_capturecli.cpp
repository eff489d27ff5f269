// SPDX-License-Identifier: GPL-3.0-or-later
// `eventscope capture` end to end: the real binary against a scripted server on 127.0.0.1, its output
// compared line by line and its exit codes and stderr checked.
#include "residentmemory.h"
#include "scriptedserver.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr int Bound = 10000;

struct Run
{
    int exitCode = -1;
    QStringList stdoutLines;
    QString stderrText;
};

// Runs the CLI without blocking the event loop, so the in-process server keeps serving.
Run capture(const QStringList &arguments)
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(EVENTSCOPE_BIN), QStringList{"capture"} + arguments);
    Run run;
    if (!process.waitForStarted(Bound) || !finished.wait(Bound)) {
        process.kill();
        process.waitForFinished(Bound);
        run.stderrText = "did not finish in time: " + QString::fromUtf8(process.readAllStandardError());
        return run;
    }
    run.exitCode = process.exitCode();
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    run.stdoutLines = out.split('\n');
    if (run.stdoutLines.last().isEmpty())
        run.stdoutLines.removeLast();
    run.stderrText = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// The time field differs per run: check its form and replace it, so the rest compares exactly.
QStringList withoutTimes(const QStringList &lines)
{
    static const QRegularExpression time(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)");
    QStringList result;
    for (QString line : lines)
        result << line.replace(time, "TIME");
    return result;
}

// Streams ids 1..count as fast as the client takes them, keeping at most 256 KiB queued in the socket, so
// how far it got is how far TCP let it: a client that stops reading stops it too.
class FastServer : public QObject
{
public:
    explicit FastServer(qint64 count)
        : m_count(count)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            m_socket = m_server.nextPendingConnection();
            connect(m_socket, &QTcpSocket::readyRead, this, [this] {
                if (!m_socket->readAll().contains("\r\n\r\n") || m_next > 0)
                    return;
                m_socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                                "Transfer-Encoding: chunked\r\n\r\n");
                m_next = 1;
                fill();
            });
            connect(m_socket, &QTcpSocket::bytesWritten, this, [this] { fill(); });
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/fast").arg(m_server.serverPort()); }
    qint64 sent() const { return m_next - 1; } // events handed to the kernel or queued for it

private:
    void fill()
    {
        static const QByteArray data(64, 'x');
        QByteArray batch;
        while (m_next > 0 && m_next <= m_count && m_socket->bytesToWrite() + batch.size() < 256 * 1024)
            batch += "id: " + QByteArray::number(m_next++) + "\ndata: " + data + "\n\n";
        if (!batch.isEmpty())
            m_socket->write(QByteArray::number(batch.size(), 16) + "\r\n" + batch + "\r\n");
    }

    QTcpServer m_server;
    QTcpSocket *m_socket = nullptr;
    qint64 m_count;
    qint64 m_next = 0;
};

} // namespace

class TestCaptureCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void printsNdjsonLinesUntilMaxEvents();
    void printsCsvWithHeader();
    void followsReconnectsUntilStreamClosesForGood();
    void failsWithExit3OnPermanentError();
    void zeroRetriesStopsAtTheFirstEnd();
    void helpNamesTheCommand();
    void usageErrorsExit2_data();
    void usageErrorsExit2();
    void stopsAfterDuration();
    void sendsBodyHeadersAndLastEventId();
    void writesToOutputFile();
    void urlPasswordIsSentButNeverShown();
    void slowReaderSlowsTheServerAndLosesNothing();
    void capturesFromServeDemo();
    void serveDemoRejectsBadArguments();
};

void TestCaptureCli::printsNdjsonLinesUntilMaxEvents()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(
        ScriptedResponse::stream("id: 1\nevent: quote\ndata: {\"symbol\":\"AAPL\",\"price\":1.5}\n\n"
                                 ": heartbeat\n"
                                 "id: 2\ndata: line one\ndata: \"two\"\n\n"
                                 "id: 3\nevent: quote\ndata: é😀\\\n\n"
                                 "id: 4\ndata: beyond max\n\n"));
    const QString url = server.url().toString();
    const Run run = capture({url, "--max-events", "3"});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(withoutTimes(run.stdoutLines),
             (QStringList{
                 R"({"time":"TIME","source":")" + url +
                     R"(","event":"quote","id":"1","data":"{\"symbol\":\"AAPL\",\"price\":1.5}"})",
                 R"({"time":"TIME","source":")" + url +
                     R"(","event":"message","id":"2","data":"line one\n\"two\""})",
                 R"({"time":"TIME","source":")" + url + R"(","event":"quote","id":"3","data":"é😀\\"})",
             }));
    QVERIFY2(run.stderrText.contains("eventscope capture: connecting to " + url), qPrintable(run.stderrText));
    QVERIFY2(run.stderrText.contains("eventscope capture: open"), qPrintable(run.stderrText));
}

void TestCaptureCli::printsCsvWithHeader()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::stream("id: a\ndata: plain\n\nevent: x\ndata: with, comma \"q\"\n\n"));
    const Run run =
        capture({server.url().toString(), "-n", "2", "--format", "csv", "--source", "feed", "-q"});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(withoutTimes(run.stdoutLines),
             (QStringList{"time,source,event,id,data\r", "TIME,feed,message,a,plain\r",
                          "TIME,feed,x,a,\"with, comma \"\"q\"\"\"\r"}));
    QCOMPARE(run.stderrText, QString()); // quiet
}

void TestCaptureCli::followsReconnectsUntilStreamClosesForGood()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::stream("retry: 50\nid: 1\ndata: a\n\n", false));
    server.enqueue(ScriptedResponse::stream("id: 2\ndata: b\n\n", false));
    server.enqueue(ScriptedResponse::withStatus(204, "No Content"));
    const Run run = capture({server.url().toString(), "--source", "s"});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(withoutTimes(run.stdoutLines),
             (QStringList{R"({"time":"TIME","source":"s","event":"message","id":"1","data":"a"})",
                          R"({"time":"TIME","source":"s","event":"message","id":"2","data":"b"})"}));
    QCOMPARE(server.requests().size(), 3);
    QCOMPARE(server.requests().at(2).headers.value("last-event-id"), QByteArray("2"));
    QVERIFY2(run.stderrText.contains("retry in 50 ms (attempt 1)"), qPrintable(run.stderrText));
    QVERIFY2(run.stderrText.contains("stream closed by the server after 2 events"),
             qPrintable(run.stderrText));
}

void TestCaptureCli::failsWithExit3OnPermanentError()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::withStatus(404, "Not Found"));
    const Run run = capture({server.url().toString(), "-q"});
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.stdoutLines, QStringList());
    QCOMPARE(
        run.stderrText,
        QString(
            "eventscope capture: error: http status error: server answered 404 Not Found; not retrying\n"));
}

void TestCaptureCli::zeroRetriesStopsAtTheFirstEnd()
{
    // The stream ends once; with --max-retries 0 the capture does not ask again (a second response is
    // there if it did).
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::stream("retry: 50\nid: 1\ndata: a\n\n", false));
    server.enqueue(ScriptedResponse::stream("id: 2\ndata: b\n\n", false));
    const Run run = capture({server.url().toString(), "--max-retries", "0", "-q"});
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.stdoutLines.size(), 1);
    QCOMPARE(server.requests().size(), 1);
    QVERIFY2(run.stderrText.contains("the server ended the stream; reconnecting is turned off"),
             qPrintable(run.stderrText));
}

void TestCaptureCli::helpNamesTheCommand()
{
    const Run run = capture({"--help"});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.stdoutLines.value(0), QString("Usage: eventscope capture [options] URL"));
}

void TestCaptureCli::usageErrorsExit2_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no URL") << QStringList{} << "missing URL";
    QTest::newRow("bad URL") << QStringList{"notaurl"} << "unsupported URL scheme";
    QTest::newRow("bad option") << QStringList{"http://127.0.0.1:1/", "--nope"} << "Unknown option 'nope'";
    QTest::newRow("unwritable output") << QStringList{"http://127.0.0.1:1/", "-o", "/nonexistent/dir/out"}
                                       << "cannot write --output '/nonexistent/dir/out'";
}

void TestCaptureCli::usageErrorsExit2()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = capture(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.stderrText.startsWith("eventscope capture: error: "), qPrintable(run.stderrText));
    QVERIFY2(run.stderrText.contains(message), qPrintable(run.stderrText));
    QCOMPARE(run.stderrText.count('\n'), 1);
}

void TestCaptureCli::stopsAfterDuration()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::stream("data: only\n\n"));
    QElapsedTimer timer;
    timer.start();
    const Run run = capture({server.url().toString(), "--duration", "0.5"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(timer.elapsed() >= 500);
    QCOMPARE(run.stdoutLines.size(), 1);
    QVERIFY2(run.stderrText.contains("duration reached after 1 events"), qPrintable(run.stderrText));
}

void TestCaptureCli::sendsBodyHeadersAndLastEventId()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::stream("event: done\ndata: {}\n\n"));
    const Run run = capture({server.url("/jobs").toString(), "-d", "{\"steps\":2}", "-H",
                             "Authorization: Bearer t", "--last-event-id", "17", "-n", "1", "-q"});
    QCOMPARE(run.exitCode, 0);
    const ReceivedRequest &request = server.requests().at(0);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.body, QByteArray("{\"steps\":2}"));
    QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer t"));
    QCOMPARE(request.headers.value("last-event-id"), QByteArray("17"));
    QVERIFY(run.stdoutLines.value(0).contains(R"("event":"done","id":"17")"));
}

void TestCaptureCli::urlPasswordIsSentButNeverShown()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::stream("id: 1\ndata: x\n\n"));
    QUrl url = server.url("/feed");
    url.setUserName("operator");
    url.setPassword("s3cret-pw");
    QTemporaryDir dir;
    const QString db = dir.filePath("capture.db");
    const Run run = capture({url.toString(), "-n", "1", "--db", db});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(server.requests().at(0).headers.value("authorization"),
             "Basic " + QByteArray("operator:s3cret-pw").toBase64());
    const QString shown = "http://operator:••••@127.0.0.1:" + QString::number(url.port()) + "/feed";
    QVERIFY2(run.stderrText.contains("connecting to " + shown), qPrintable(run.stderrText));
    QVERIFY2(!run.stderrText.contains("s3cret"), qPrintable(run.stderrText));
    const QString sourceField = "\"source\":\"" + shown + '"';
    QVERIFY2(run.stdoutLines.value(0).contains(sourceField), qPrintable(run.stdoutLines.value(0)));

    QProcess exporter; // and what the store kept
    exporter.start(QStringLiteral(EVENTSCOPE_BIN), {"export", "--db", db, "--format", "ndjson"});
    QVERIFY(exporter.waitForFinished(Bound));
    const QByteArray exported = exporter.readAllStandardOutput();
    QVERIFY2(exported.contains(shown.toUtf8()) && !exported.contains("s3cret"), exported.constData());
}

void TestCaptureCli::writesToOutputFile()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::stream("data: 1\n\ndata: 2\n\n"));
    QTemporaryDir dir;
    const QString path = dir.filePath("events.ndjson");
    const Run run = capture({server.url().toString(), "-n", "2", "-o", path, "-q"});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.stdoutLines, QStringList());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), 2);
}

void TestCaptureCli::slowReaderSlowsTheServerAndLosesNothing()
{
    // 300 000 events (about 27 MB) into a pipe nobody reads for a while: the capture must stop reading,
    // stay small, and hold the server back; then deliver every event once the reader comes.
    constexpr qint64 Count = 300000;
    FastServer server(Count);
    QTemporaryDir dir;
    const QByteArray fifo = QFile::encodeName(dir.filePath("out"));
    QVERIFY(::mkfifo(fifo.constData(), 0600) == 0);
    const int reader = ::open(fifo.constData(), O_RDONLY | O_NONBLOCK); // open, but not read yet
    QVERIFY(reader >= 0);

    QProcess process;
    process.start(QStringLiteral(EVENTSCOPE_BIN), {"capture", server.url(), "-n", QString::number(Count),
                                                   "-o", QFile::decodeName(fifo), "-q"});
    QVERIFY(process.waitForStarted(Bound));

    // Stalled: no progress over half a second, long before the end.
    qint64 lastSent = -1;
    int still = 0;
    QTimer probe;
    QObject::connect(&probe, &QTimer::timeout, [&] {
        still = server.sent() == lastSent ? still + 1 : 0;
        lastSent = server.sent();
    });
    probe.start(100);
    QTRY_VERIFY_WITH_TIMEOUT(still >= 5 && lastSent > 0, Bound);
    QVERIFY2(lastSent < Count / 2, qPrintable(QString::number(lastSent)));
#ifndef EVENTSCOPE_SANITIZED // a sanitizer's shadow memory and quarantine say nothing of the program's own
    const qint64 rss = residentKilobytes(process.processId());
    QVERIFY2(rss > 0 && rss <= 40 * 1024, qPrintable(QStringLiteral("%1 kB").arg(rss)));
#endif

    QByteArray output;
    QSocketNotifier readable(reader, QSocketNotifier::Read);
    QObject::connect(&readable, &QSocketNotifier::activated, [&] {
        char buffer[65536];
        qint64 got;
        while ((got = ::read(reader, buffer, sizeof buffer)) > 0)
            output.append(buffer, got);
    });
    QSignalSpy finished(&process, &QProcess::finished);
    QVERIFY(finished.wait(60000));
    QCOMPARE(process.exitCode(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(output.count('\n'), Count, Bound);
    ::close(reader);
    const QList<QByteArray> lines = output.split('\n');
    auto idField = [](qint64 id) {
        return QByteArray("\"id\":\"" + QByteArray::number(id) + '"');
    };
    for (qint64 i = 0; i < Count; i += 997) // every line has its id in order; a sample keeps it quick
        QVERIFY(lines[i].contains(idField(i + 1)));
    QVERIFY(lines[Count - 1].contains(idField(Count)));
}

void TestCaptureCli::capturesFromServeDemo()
{
    QProcess server;
    server.start(QStringLiteral(EVENTSCOPE_BIN), {"serve-demo", "--port", "0", "--heartbeat", "1"});
    QVERIFY(server.waitForStarted(Bound));
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), Bound);
    const QString banner = QString::fromUtf8(server.readLine()).trimmed();
    const QRegularExpression pattern(R"(^EventScope demo server on (http://127\.0\.0\.1:\d+/)$)");
    const QRegularExpressionMatch match = pattern.match(banner);
    QVERIFY2(match.hasMatch(), qPrintable(banner));
    const QString base = match.captured(1);

    const Run run = capture({base + "stocks?symbols=AAPL,MSFT&rate=50", "-n", "6", "--source", "demo"});
    server.terminate();
    server.waitForFinished(Bound);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.stdoutLines.size(), 6);
    for (int i = 0; i < run.stdoutLines.size(); ++i) {
        const QJsonObject line = QJsonDocument::fromJson(run.stdoutLines[i].toUtf8()).object();
        QCOMPARE(line.value("source").toString(), QString("demo"));
        QCOMPARE(line.value("event").toString(), QString("quote"));
        QCOMPARE(line.value("id").toString(), QString::number(i + 1));
        const QJsonObject quote = QJsonDocument::fromJson(line.value("data").toString().toUtf8()).object();
        QCOMPARE(quote.value("symbol").toString(), QString(i % 2 ? "MSFT" : "AAPL"));
        QVERIFY(quote.value("price").toDouble() > 0);
    }
    QVERIFY2(run.stderrText.contains("stopped after 6 events"), qPrintable(run.stderrText));
}

void TestCaptureCli::serveDemoRejectsBadArguments()
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(EVENTSCOPE_BIN), {"serve-demo", "--port", "70000"});
    QVERIFY(finished.wait(Bound));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(
        QString::fromUtf8(process.readAllStandardError()).contains("--port needs a number from 0 to 65535"));
}

QTEST_GUILESS_MAIN(TestCaptureCli)
#include "tst_capturecli.moc"
