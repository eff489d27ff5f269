// SPDX-License-Identifier: GPL-3.0-or-later
// DemoServer as a real peer: EventSource reads every feed, resumes after injected drops and stalls without
// gaps or duplicates, and malformed or hostile requests get a 4xx or a clean close while serving goes on.
#include "chatfeed.h"
#include "demoserver.h"
#include "eventsource.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

namespace {

constexpr int Bound = 10000;

DemoServerOptions fastOptions()
{
    DemoServerOptions options;
    options.retryMs = 20; // clients reconnect at once after injected drops
    options.heartbeatMs = 200;
    options.requestTimeoutMs = 500;
    return options;
}

struct Collector
{
    QList<SseEvent> events;
    QList<SseError> errors;
    QStringList comments;

    explicit Collector(EventSource &source)
    {
        QObject::connect(&source, &EventSource::eventReceived,
                         [this](const SseEvent &event) { events << event; });
        QObject::connect(&source, &EventSource::errorOccurred,
                         [this](const SseError &error) { errors << error; });
        QObject::connect(&source, &EventSource::commentReceived, [this](const QString &c) { comments << c; });
    }
};

SseRequest request(const QUrl &url)
{
    SseRequest request;
    request.url = url;
    request.retry.initialDelayMs = 20;
    return request;
}

// POSTs `body` to `url` and collects what the stream brings until the EventSource gives up for good.
Collector postUntilClosed(const QUrl &url, const QByteArray &body, int maxAttempts = RetrySettings::Unlimited)
{
    SseRequest post = request(url);
    post.method = "POST";
    post.body = body;
    post.headers = {{"Content-Type", "application/json"}};
    post.retry.maxAttempts = maxAttempts;
    EventSource source;
    source.setRequest(post);
    Collector got(source);
    QSignalSpy closed(&source, &EventSource::closed);
    source.open();
    if (!closed.wait(Bound))
        qWarning("the stream did not close within %d ms", Bound);
    return got;
}

QJsonObject json(const SseEvent &event)
{
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(event.data.toUtf8(), &error).object();
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", qPrintable(event.data));
    return object;
}

// Sends raw bytes and reads until the server closes the connection (or the bound passes).
QByteArray exchange(quint16 port, const QByteArray &raw)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(Bound))
        return "no connection";
    socket.write(raw);
    QByteArray answer;
    QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
    QObject::connect(&socket, &QTcpSocket::readyRead, [&] { answer += socket.readAll(); });
    if (socket.state() == QAbstractSocket::ConnectedState && !disconnected.wait(Bound))
        return "still open: " + answer;
    return answer + socket.readAll();
}

// Reads a feed until it has delivered at least `count` events or the bound passes, then closes it;
// callers check the count.
QList<SseEvent> collect(const SseRequest &request, int count, QList<SseError> *errors = nullptr)
{
    EventSource source;
    source.setRequest(request);
    Collector got(source);
    source.open();
    (void)QTest::qWaitFor([&] { return got.events.size() >= count; }, Bound); // callers check the count
    source.close();
    if (errors)
        *errors = got.errors;
    return got.events;
}

void verifyContiguousIds(const QList<SseEvent> &events, const QString &prefix = {})
{
    for (int i = 0; i < events.size(); ++i)
        QCOMPARE(events[i].id, prefix + QString::number(i + 1));
}

} // namespace

class TestDemoServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void stockQuotes();
    void iotTelemetry();
    void notifications();
    void progressOfDemoJobs();
    void postedJobStreamsToDoneThenStops();
    void postedJobThatFails();
    void chatStreamsAnAnswerTokenByToken();
    void chatRepeatsOnTheSameStream();
    void resumesAfterDropsWithoutGapOrDuplicate_data();
    void resumesAfterDropsWithoutGapOrDuplicate();
    void resumesAfterStallThroughIdleTimeout();
    void injectedStatusIsRetried();
    void failEveryAnswersEveryNthRequestWith503();
    void restartKeepsPortIdsAndReplay();
    void heartbeatsKeepStreamsAlive();
    void benchStreamEndsAndResumeGets204();
    void benchStreamKeepsItsRate();
    void badRequests_data();
    void badRequests();
    void keepAliveServesSeveralRequests();
    void slowLorisIsCutOff();
    void connectionLimit();

private:
    DemoServer *m_server = nullptr;
};

void TestDemoServer::initTestCase()
{
    m_server = new DemoServer(fastOptions(), this);
    QString error;
    QVERIFY2(m_server->listen(&error), qPrintable(error));
}

void TestDemoServer::stockQuotes()
{
    QList<SseError> errors;
    const QList<SseEvent> events =
        collect(request(m_server->url("/stocks?symbols=AAPL,MSFT,TSLA&rate=200")), 30, &errors);
    QVERIFY(events.size() >= 30);
    verifyContiguousIds(events);
    QSet<QString> symbols;
    for (const SseEvent &event : events) {
        QCOMPARE(event.type, QString("quote"));
        const QJsonObject quote = json(event);
        symbols << quote.value("symbol").toString();
        for (const char *field : {"price", "change", "changePercent", "volume"})
            QVERIFY2(quote.value(field).isDouble(), field);
        QVERIFY(quote.value("time").toString().endsWith('Z'));
    }
    QCOMPARE(symbols, (QSet<QString>{"AAPL", "MSFT", "TSLA"}));
    QCOMPARE(errors.size(), 0);
}

void TestDemoServer::iotTelemetry()
{
    const QList<SseEvent> events = collect(request(m_server->url("/iot?devices=2&rate=300")), 40);
    QVERIFY(events.size() >= 40);
    verifyContiguousIds(events);
    for (const SseEvent &event : events) {
        QVERIFY(QStringList({"reading", "alert", "status"}).contains(event.type));
        const QJsonObject object = json(event);
        QVERIFY(object.value("device").toString().startsWith("sensor-0"));
        if (event.type == "reading") {
            QVERIFY(object.value("value").isDouble());
            QVERIFY(!object.value("unit").toString().isEmpty());
        }
    }
}

void TestDemoServer::notifications()
{
    const QList<SseEvent> events = collect(request(m_server->url("/notifications?rate=100")), 10);
    QVERIFY(events.size() >= 10);
    verifyContiguousIds(events);
    for (const SseEvent &event : events) {
        QCOMPARE(event.type, QString("notification"));
        QVERIFY(QStringList({"info", "warning", "critical"}).contains(json(event).value("level").toString()));
    }
}

void TestDemoServer::progressOfDemoJobs()
{
    const QList<SseEvent> events = collect(request(m_server->url("/progress")), 5);
    QVERIFY(events.size() >= 5);
    verifyContiguousIds(events);
    const QJsonObject first = json(events.first());
    QCOMPARE(events.first().type, QString("progress"));
    QCOMPARE(first.value("job").toString(), QString("job-1"));
    QCOMPARE(first.value("state").toString(), QString("running"));
    QVERIFY(first.value("eta").isDouble());
}

void TestDemoServer::postedJobStreamsToDoneThenStops()
{
    // The stream ends after `done`; the reconnect carries Last-Event-ID and the server answers 204: stop.
    const Collector got =
        postUntilClosed(m_server->url("/jobs"), R"({"name":"nightly build","steps":5,"stepMs":20})");
    QCOMPARE(got.events.size(), 6);
    const QString job = json(got.events.first()).value("job").toString();
    verifyContiguousIds(got.events, job + ":");
    QCOMPARE(got.events.last().type, QString("done"));
    QCOMPARE(json(got.events.last()).value("percent").toInt(), 100);
    QCOMPARE(json(got.events.last()).value("name").toString(), QString("nightly build"));
    QCOMPARE(got.errors.size(), 1); // the end of the stream, before the reconnect that got 204
    QVERIFY(!got.errors.first().permanent);
}

void TestDemoServer::postedJobThatFails()
{
    const Collector got =
        postUntilClosed(m_server->url("/jobs"), R"({"name":"deploy","steps":8,"stepMs":10,"failAtStep":2})");
    QCOMPARE(got.events.size(), 3);
    QCOMPARE(got.events.last().type, QString("failed"));
    QCOMPARE(json(got.events.last()).value("state").toString(), QString("failed"));
}

void TestDemoServer::chatStreamsAnAnswerTokenByToken()
{
    // A chat API's stream is not resumed: the first end is final.
    const Collector got = postUntilClosed(
        m_server->url("/chat"),
        R"({"messages":[{"role":"user","content":"How is the plant?"}],"tokensPerSecond":500})",
        RetrySettings::NoReconnect);
    // A role chunk, a chunk per token, a finish chunk, then [DONE]; the tokens make the answer.
    QVERIFY(got.events.size() > 20);
    QCOMPARE(got.events.last().data, QString("[DONE]"));
    const QJsonObject first = json(got.events.first()).value("choices").toArray().at(0).toObject();
    QCOMPARE(first.value("delta").toObject().value("role").toString(), QString("assistant"));
    const QJsonObject finish =
        json(got.events[got.events.size() - 2]).value("choices").toArray().at(0).toObject();
    QCOMPARE(finish.value("finish_reason").toString(), QString("stop"));
    QString answer;
    for (qsizetype i = 1; i < got.events.size() - 2; ++i)
        answer += json(got.events[i])
                      .value("choices")
                      .toArray()
                      .at(0)
                      .toObject()
                      .value("delta")
                      .toObject()
                      .value("content")
                      .toString();
    QVERIFY2(answer.startsWith(QString::fromUtf8("On \u201cHow is the plant?\u201d: ")), qPrintable(answer));
    QCOMPARE(answer, ChatFeed::tokens("How is the plant?", 0).join(QString()));
    verifyContiguousIds(got.events, json(got.events.first()).value("id").toString() + ":");
}

void TestDemoServer::chatRepeatsOnTheSameStream()
{
    EventSource source;
    source.setRequest(request(m_server->url("/chat?repeat=50&tokensPerSecond=1000")));
    Collector got(source);
    const auto dones = [&] {
        return std::count_if(got.events.cbegin(), got.events.cend(),
                             [](const SseEvent &event) { return event.data == "[DONE]"; });
    };
    source.open();
    QTRY_VERIFY_WITH_TIMEOUT(dones() >= 2, Bound);
    QCOMPARE(got.errors.size(), 0); // one stream all along: no end, no reconnect
    source.close();
}

void TestDemoServer::resumesAfterDropsWithoutGapOrDuplicate_data()
{
    QTest::addColumn<int>("dropAfter");
    QTest::newRow("after 1") << 1;
    QTest::newRow("after 5") << 5;
    QTest::newRow("after 17") << 17;
}

void TestDemoServer::resumesAfterDropsWithoutGapOrDuplicate()
{
    QFETCH(int, dropAfter);
    // Each row its own feed (the rate differs), so IDs start at 1; every reconnect drops again after N more.
    const QUrl url = m_server->url(
        QString("/stocks?symbols=AAPL&rate=%1&drop_after=%2").arg(150 + dropAfter).arg(dropAfter));
    QList<SseError> errors;
    const QList<SseEvent> events = collect(request(url), 60, &errors);
    QVERIFY(events.size() >= 60);
    QVERIFY2(errors.size() >= 3, "the stream must have been dropped several times");
    verifyContiguousIds(events); // no gap and no duplicate across all reconnects
}

void TestDemoServer::resumesAfterStallThroughIdleTimeout()
{
    SseRequest stalled = request(m_server->url("/iot?devices=1&rate=100&stall_after=10"));
    stalled.idleTimeoutMs = 300; // shorter than the heartbeat: a stalled stream sends nothing at all
    QList<SseError> errors;
    const QList<SseEvent> events = collect(stalled, 25, &errors);
    QVERIFY(events.size() >= 25);
    QVERIFY(std::any_of(errors.cbegin(), errors.cend(),
                        [](const SseError &e) { return e.kind == SseError::Kind::Timeout; }));
    verifyContiguousIds(events);
}

void TestDemoServer::injectedStatusIsRetried()
{
    EventSource source;
    SseRequest failing = request(m_server->url("/stocks?status=503"));
    failing.retry.maxAttempts = 1;
    source.setRequest(failing);
    Collector got(source);
    QSignalSpy closed(&source, &EventSource::closed);
    source.open();
    QVERIFY(closed.wait(Bound));
    QCOMPARE(got.errors.size(), 2);
    QCOMPARE(got.errors.at(0).httpStatus, 503);
    QVERIFY(!got.errors.at(0).permanent);
    QVERIFY(got.errors.at(1).permanent);
}

void TestDemoServer::failEveryAnswersEveryNthRequestWith503()
{
    // Every 10 events the stream drops; every second reconnect is refused with 503 and Retry-After: 1.
    const QUrl url = m_server->url("/stocks?symbols=FAIL&rate=400&drop_after=10&fail_every=2");
    QList<SseError> errors;
    const QList<SseEvent> events = collect(request(url), 30, &errors);
    QVERIFY(events.size() >= 30);
    verifyContiguousIds(events);
    const auto refusals = std::count_if(errors.cbegin(), errors.cend(), [](const SseError &e) {
        return e.httpStatus == 503 && !e.permanent && e.message.contains("503");
    });
    QVERIFY2(refusals >= 1, "a reconnect must have been answered 503");
    QVERIFY(refusals < errors.size()); // the drops are errors too: not every request failed
    QVERIFY(m_server->lastEventNumber(url) >= events.last().id.toLongLong());
}

void TestDemoServer::restartKeepsPortIdsAndReplay()
{
    DemoServer server(fastOptions());
    QVERIFY(server.listen());
    const quint16 port = server.port();
    const QUrl url = server.url("/iot?devices=1&rate=200");
    QCOMPARE(server.lastEventNumber(url), 0); // nobody asked for it yet

    EventSource source;
    source.setRequest(request(url));
    Collector got(source);
    source.open();
    QTRY_VERIFY_WITH_TIMEOUT(got.events.size() >= 10, Bound);

    server.stopListening(); // the open stream is cut and new connections are refused
    QTRY_VERIFY_WITH_TIMEOUT(!got.errors.isEmpty(), Bound);
    QCOMPARE(server.connectionCount(), 0);
    const qsizetype beforeRestart = got.events.size();
    QTRY_VERIFY_WITH_TIMEOUT(got.errors.size() >= 2, Bound); // a reconnect found nobody listening
    QVERIFY(server.lastEventNumber(url) > beforeRestart);    // the feed went on meanwhile

    QString error;
    QVERIFY2(server.listen(&error), qPrintable(error));
    QCOMPARE(server.port(), port);
    QTRY_VERIFY_WITH_TIMEOUT(got.events.size() >= beforeRestart + 10, Bound);
    source.close();
    verifyContiguousIds(got.events); // what was sent while it was down came as the replay
    QVERIFY(server.lastEventNumber(url) >= got.events.size());
}

void TestDemoServer::heartbeatsKeepStreamsAlive()
{
    EventSource source;
    SseRequest slow = request(m_server->url("/notifications?rate=0.01"));
    slow.idleTimeoutMs = 1000;
    source.setRequest(slow);
    Collector got(source);
    source.open();
    QTRY_VERIFY_WITH_TIMEOUT(got.comments.count("heartbeat") >= 6, Bound); // 1.2 s of heartbeats every 200 ms
    QCOMPARE(got.errors.size(), 0);
    QCOMPARE(source.readyState(), EventSource::ReadyState::Open);
}

void TestDemoServer::benchStreamEndsAndResumeGets204()
{
    EventSource source;
    source.setRequest(request(m_server->url("/bench?n=5000&size=100")));
    Collector got(source);
    QSignalSpy closed(&source, &EventSource::closed);
    source.open();
    QVERIFY(closed.wait(Bound));
    QCOMPARE(got.events.size(), 5000);
    verifyContiguousIds(got.events);
    QCOMPARE(got.events.last().data.size(), 100);
}

void TestDemoServer::benchStreamKeepsItsRate()
{
    // 200 events at 500/s: the last is due 0.4 s after the stream starts, never before.
    EventSource source;
    source.setRequest(request(m_server->url("/bench?n=200&size=10&rate=500")));
    Collector got(source);
    QSignalSpy closed(&source, &EventSource::closed);
    QElapsedTimer clock;
    clock.start();
    source.open();
    QVERIFY(closed.wait(Bound));
    QVERIFY2(clock.elapsed() >= 390, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(got.events.size(), 200);
    verifyContiguousIds(got.events);
}

void TestDemoServer::badRequests_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("statusLine");
    const QByteArray host = "Host: 127.0.0.1\r\nConnection: close\r\n";
    QTest::newRow("TLS hello to plain port")
        << QByteArray("\x16\x03\x01\x02\x00\x01\xfc\x03\x03", 9) << QByteArray("HTTP/1.1 400");
    QTest::newRow("missing host") << QByteArray("GET /stocks HTTP/1.1\r\n\r\n") << QByteArray("HTTP/1.1 400");
    QTest::newRow("unknown path") << "GET /nope HTTP/1.1\r\n" + host + "\r\n" << QByteArray("HTTP/1.1 404");
    QTest::newRow("wrong method") << "POST /stocks HTTP/1.1\r\n" + host + "\r\n"
                                  << QByteArray("HTTP/1.1 405");
    QTest::newRow("GET jobs") << "GET /jobs HTTP/1.1\r\n" + host + "\r\n" << QByteArray("HTTP/1.1 405");
    QTest::newRow("PUT chat") << "PUT /chat HTTP/1.1\r\n" + host + "\r\n" << QByteArray("HTTP/1.1 405");
    QTest::newRow("chat body") << "POST /chat HTTP/1.1\r\n" + host + "Content-Length: 4\r\n\r\nnope"
                               << QByteArray("HTTP/1.1 400");
    QTest::newRow("chat repeat") << "GET /chat?repeat=-1 HTTP/1.1\r\n" + host + "\r\n"
                                 << QByteArray("HTTP/1.1 400");
    QTest::newRow("negative rate") << "GET /stocks?rate=-1 HTTP/1.1\r\n" + host + "\r\n"
                                   << QByteArray("HTTP/1.1 400");
    QTest::newRow("no devices") << "GET /iot?devices=0 HTTP/1.1\r\n" + host + "\r\n"
                                << QByteArray("HTTP/1.1 400");
    QTest::newRow("bad symbol") << "GET /stocks?symbols=%3Cscript%3E HTTP/1.1\r\n" + host + "\r\n"
                                << QByteArray("HTTP/1.1 400");
    QTest::newRow("bench rate") << "GET /bench?rate=-5 HTTP/1.1\r\n" + host + "\r\n"
                                << QByteArray("HTTP/1.1 400");
    QTest::newRow("bench n") << "GET /bench?n=lots HTTP/1.1\r\n" + host + "\r\n"
                             << QByteArray("HTTP/1.1 400");
    QTest::newRow("drop_after 0") << "GET /stocks?drop_after=0 HTTP/1.1\r\n" + host + "\r\n"
                                  << QByteArray("HTTP/1.1 400");
    QTest::newRow("status 200") << "GET /stocks?status=200 HTTP/1.1\r\n" + host + "\r\n"
                                << QByteArray("HTTP/1.1 400");
    QTest::newRow("injected 418") << "GET /stocks?status=418 HTTP/1.1\r\n" + host + "\r\n"
                                  << QByteArray("HTTP/1.1 418");
    QTest::newRow("version") << "GET / HTTP/3.0\r\n" + host + "\r\n" << QByteArray("HTTP/1.1 505");
    QTest::newRow("huge header") << "GET / HTTP/1.1\r\n" + host + "X-Big: " + QByteArray(40000, 'a') +
                                        "\r\n\r\n"
                                 << QByteArray("HTTP/1.1 431");
    QTest::newRow("huge body") << "POST /jobs HTTP/1.1\r\n" + host + "Content-Length: 9999999\r\n\r\n"
                               << QByteArray("HTTP/1.1 413");
    QTest::newRow("chunked body") << "POST /jobs HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n\r\n"
                                  << QByteArray("HTTP/1.1 501");
    QTest::newRow("job not JSON") << "POST /jobs HTTP/1.1\r\n" + host + "Content-Length: 3\r\n\r\nabc"
                                  << QByteArray("HTTP/1.1 400");
    QTest::newRow("job without steps")
        << "POST /jobs HTTP/1.1\r\n" + host + "Content-Length: 12\r\n\r\n{\"name\":\"x\"}"
        << QByteArray("HTTP/1.1 400");
    QTest::newRow("resume unknown job")
        << "POST /jobs HTTP/1.1\r\n" + host + "Last-Event-ID: job-999:3\r\n\r\n"
        << QByteArray("HTTP/1.1 404");
}

void TestDemoServer::badRequests()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, statusLine);
    const QByteArray answer = exchange(m_server->port(), raw);
    QVERIFY2(answer.startsWith(statusLine), answer.left(200).constData());
    // Still serving.
    QVERIFY(exchange(m_server->port(), "GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
                .startsWith("HTTP/1.1 200"));
}

void TestDemoServer::keepAliveServesSeveralRequests()
{
    const QByteArray answer =
        exchange(m_server->port(), "GET / HTTP/1.1\r\nHost: h\r\n\r\n"
                                   "GET /nope HTTP/1.1\r\nHost: h\r\n\r\n"
                                   "HEAD / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
    QCOMPARE(answer.count("HTTP/1.1 "), 3);
    QVERIFY(answer.contains("HTTP/1.1 404"));
}

void TestDemoServer::slowLorisIsCutOff()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(Bound));
    socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a"); // and never finishes
    QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
    QByteArray answer;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { answer += socket.readAll(); });
    QVERIFY(disconnected.wait(Bound)); // requestTimeoutMs is 500 in these tests
    QVERIFY2(answer.startsWith("HTTP/1.1 408"), answer.constData());
}

void TestDemoServer::connectionLimit()
{
    DemoServerOptions options = fastOptions();
    options.maxConnections = 2;
    DemoServer small(options);
    QVERIFY(small.listen());
    QTcpSocket first, second;
    for (QTcpSocket *socket : {&first, &second}) {
        socket->connectToHost(QHostAddress::LocalHost, small.port());
        QVERIFY(socket->waitForConnected(Bound));
    }
    QTRY_COMPARE_WITH_TIMEOUT(small.connectionCount(), 2, Bound);
    QVERIFY(exchange(small.port(), "GET / HTTP/1.1\r\nHost: h\r\n\r\n").startsWith("HTTP/1.1 503"));
    first.abort();
    QTRY_COMPARE_WITH_TIMEOUT(small.connectionCount(), 1, Bound);
    QVERIFY(exchange(small.port(), "GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
                .startsWith("HTTP/1.1 200"));
}

QTEST_GUILESS_MAIN(TestDemoServer)
#include "tst_demoserver.moc"
