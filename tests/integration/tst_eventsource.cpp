// EventSource against a real scripted HTTP server on 127.0.0.1: every rule of opening, reconnecting and
// failing, seen from both ends of the socket.
#include "eventsource.h"
#include "scriptedserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

namespace {

constexpr int Bound = 5000; // ms any single wait may take before the test fails

SseRequest requestFor(const QUrl &url)
{
    SseRequest request;
    request.url = url;
    request.retry.initialDelayMs = 50;
    return request;
}

SseEvent eventAt(const QSignalSpy &spy, int index)
{
    return spy.at(index).at(0).value<SseEvent>();
}

SseError errorAt(const QSignalSpy &spy, int index)
{
    return spy.at(index).at(0).value<SseError>();
}

} // namespace

class TestEventSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensAndDeliversEvents();
    void reconnectsWithLastEventIdAfterDrop();
    void honoursServerRetry();
    void status204ClosesWithoutError();
    void status404FailsForGood();
    void wrongContentTypeFailsForGood_data();
    void wrongContentTypeFailsForGood();
    void status503RetriesAfterRetryAfter();
    void followsRedirects();
    void sendsMethodBodyAndCustomHeaders();
    void idleTimeoutCountsAsDrop();
    void heartbeatCommentsKeepIdleTimeoutAway();
    void oversizedLineIsReportedAndStreamGoesOn();
    void closeMidStreamStopsAtOnce();
    void destroyingMidStreamIsSafe();
    void givesUpAfterMaxAttempts();
    void invalidUrlFailsWithClearError();
    void tlsErrorsFailClosed();
    void insecureTlsWhenExplicitlyAllowed();
    void gzipEncodedStream();
};

void TestEventSource::opensAndDeliversEvents()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::stream("event: quote\ndata: {\"p\":1}\n\n: heartbeat\n"));
    EventSource source;
    source.setRequest(requestFor(server.url()));
    QSignalSpy opened(&source, &EventSource::opened);
    QSignalSpy events(&source, &EventSource::eventReceived);
    QSignalSpy comments(&source, &EventSource::commentReceived);
    QCOMPARE(source.readyState(), EventSource::ReadyState::Closed);
    source.open();
    QCOMPARE(source.readyState(), EventSource::ReadyState::Connecting);

    QVERIFY(opened.wait(Bound));
    QCOMPARE(source.readyState(), EventSource::ReadyState::Open);
    QTRY_COMPARE_WITH_TIMEOUT(comments.size(), 1, Bound);
    QCOMPARE(events.size(), 1);
    QCOMPARE(eventAt(events, 0), (SseEvent{"quote", "{\"p\":1}", ""}));
    QCOMPARE(comments.at(0).at(0).toString(), QString("heartbeat"));

    server.send(0, "data: second\n\n");
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 2, Bound);
    QCOMPARE(eventAt(events, 1), (SseEvent{"message", "second", ""}));

    const ReceivedRequest &request = server.requests().at(0);
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.target, QByteArray("/events"));
    QCOMPARE(request.headers.value("accept"), QByteArray("text/event-stream"));
    QCOMPARE(request.headers.value("cache-control"), QByteArray("no-cache"));
    QVERIFY(!request.headers.contains("last-event-id"));
}

void TestEventSource::reconnectsWithLastEventIdAfterDrop()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::stream("id: 7\ndata: a\n\n"));
    server.enqueue(ScriptedResponse::stream("data: b\n\n"));
    EventSource source;
    source.setRequest(requestFor(server.url()));
    QSignalSpy events(&source, &EventSource::eventReceived);
    QSignalSpy errors(&source, &EventSource::errorOccurred);
    QSignalSpy states(&source, &EventSource::readyStateChanged);
    source.open();
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, Bound);

    server.drop(0);
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 2, Bound);
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(server.requests().at(1).headers.value("last-event-id"), QByteArray("7"));
    QCOMPARE(eventAt(events, 1), (SseEvent{"message", "b", "7"}));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errorAt(errors, 0).kind, SseError::Kind::Network);
    QVERIFY(!errorAt(errors, 0).permanent);
    QCOMPARE(source.readyState(), EventSource::ReadyState::Open);
    QCOMPARE(states.size(), 4); // connecting -> open -> connecting -> open, closed before: 1 + 3
}

void TestEventSource::honoursServerRetry()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::stream("retry: 400\ndata: a\n\n", false));
    server.enqueue(ScriptedResponse::stream("data: b\n\n"));
    EventSource source;
    source.setRequest(requestFor(server.url()));
    QSignalSpy scheduled(&source, &EventSource::reconnectScheduled);
    QSignalSpy requests(&server, &ScriptedServer::requestReceived);
    source.open();
    QVERIFY(scheduled.wait(Bound));
    QElapsedTimer sinceDrop;
    sinceDrop.start();
    QCOMPARE(scheduled.at(0).at(0).toInt(), 400); // first reconnect after a healthy stream: exactly retry:
    QCOMPARE(scheduled.at(0).at(1).toInt(), 1);
    QCOMPARE(source.reconnectionTimeMs(), 400);
    QTRY_COMPARE_WITH_TIMEOUT(requests.size(), 2, Bound);
    QVERIFY2(sinceDrop.elapsed() >= 380, qPrintable(QString::number(sinceDrop.elapsed())));
}

void TestEventSource::status204ClosesWithoutError()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::withStatus(204, "No Content"));
    EventSource source;
    source.setRequest(requestFor(server.url()));
    QSignalSpy closed(&source, &EventSource::closed);
    QSignalSpy errors(&source, &EventSource::errorOccurred);
    QSignalSpy scheduled(&source, &EventSource::reconnectScheduled);
    source.open();
    QVERIFY(closed.wait(Bound));
    QCOMPARE(source.readyState(), EventSource::ReadyState::Closed);
    QCOMPARE(errors.size(), 0);
    QCOMPARE(scheduled.size(), 0);
    QCOMPARE(server.requests().size(), 1);
}

void TestEventSource::status404FailsForGood()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::withStatus(404, "Not Found", "no such feed"));
    EventSource source;
    source.setRequest(requestFor(server.url()));
    QSignalSpy closed(&source, &EventSource::closed);
    QSignalSpy errors(&source, &EventSource::errorOccurred);
    QSignalSpy scheduled(&source, &EventSource::reconnectScheduled);
    source.open();
    QVERIFY(closed.wait(Bound));
    QCOMPARE(errors.size(), 1);
    const SseError error = errorAt(errors, 0);
    QCOMPARE(error.kind, SseError::Kind::HttpStatus);
    QCOMPARE(error.httpStatus, 404);
    QVERIFY(error.permanent);
    QVERIFY2(error.message.contains("404 Not Found"), qPrintable(error.message));
    QCOMPARE(scheduled.size(), 0);
    QCOMPARE(source.readyState(), EventSource::ReadyState::Closed);
}

void TestEventSource::wrongContentTypeFailsForGood_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("message");
    QTest::newRow("text/html") << QByteArray("text/html")
                               << "expected Content-Type text/event-stream but the "
                                  "server sent 'text/html'";
    QTest::newRow("missing") << QByteArray() << "response has no Content-Type";
}

void TestEventSource::wrongContentTypeFailsForGood()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QString, message);
    ScriptedServer server;
    QVERIFY(server.listen());
    ScriptedResponse response = ScriptedResponse::stream("data: never\n\n");
    response.headers.clear();
    if (!contentType.isEmpty())
        response.headers.append(qMakePair(QByteArray("Content-Type"), contentType));
    server.enqueue(response);
    EventSource source;
    source.setRequest(requestFor(server.url()));
    QSignalSpy closed(&source, &EventSource::closed);
    QSignalSpy errors(&source, &EventSource::errorOccurred);
    QSignalSpy events(&source, &EventSource::eventReceived);
    source.open();
    QVERIFY(closed.wait(Bound));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errorAt(errors, 0).kind, SseError::Kind::ContentType);
    QVERIFY2(errorAt(errors, 0).message.contains(message), qPrintable(errorAt(errors, 0).message));
    QCOMPARE(events.size(), 0);
    QCOMPARE(server.requests().size(), 1);
}

void TestEventSource::status503RetriesAfterRetryAfter()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    ScriptedResponse busy = ScriptedResponse::withStatus(503, "Service Unavailable");
    busy.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
    server.enqueue(busy);
    server.enqueue(ScriptedResponse::stream("data: ok\n\n"));
    EventSource source;
    source.setRequest(requestFor(server.url()));
    QSignalSpy events(&source, &EventSource::eventReceived);
    QSignalSpy errors(&source, &EventSource::errorOccurred);
    QSignalSpy scheduled(&source, &EventSource::reconnectScheduled);
    source.open();
    QVERIFY(events.wait(Bound));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errorAt(errors, 0).httpStatus, 503);
    QVERIFY(!errorAt(errors, 0).permanent);
    QCOMPARE(scheduled.size(), 1);
    QCOMPARE(scheduled.at(0).at(0).toInt(), 1000);
    QCOMPARE(eventAt(events, 0).data, QString("ok"));
}

void TestEventSource::followsRedirects()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    ScriptedResponse moved = ScriptedResponse::withStatus(302, "Found");
    moved.headers.append(qMakePair(QByteArray("Location"), QByteArray("/moved")));
    server.enqueue(moved);
    server.enqueue(ScriptedResponse::stream("data: here\n\n"));
    EventSource source;
    source.setRequest(requestFor(server.url("/start")));
    QSignalSpy events(&source, &EventSource::eventReceived);
    QSignalSpy errors(&source, &EventSource::errorOccurred);
    source.open();
    QVERIFY(events.wait(Bound));
    QCOMPARE(errors.size(), 0);
    QCOMPARE(server.requests().size(), 2);
    QCOMPARE(server.requests().at(1).target, QByteArray("/moved"));
    QCOMPARE(eventAt(events, 0).data, QString("here"));
}

void TestEventSource::sendsMethodBodyAndCustomHeaders()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::stream("event: progress\ndata: 10\n\n"));
    SseRequest request = requestFor(server.url("/jobs"));
    request.method = "POST";
    request.body = "{\"name\":\"build\",\"steps\":3}";
    request.headers = {
        {"Authorization", "Bearer secret"}, {"Content-Type", "application/json"}, {"X-Trace", "t1"}};
    EventSource source;
    source.setRequest(request);
    source.setLastEventId("41");
    QSignalSpy events(&source, &EventSource::eventReceived);
    source.open();
    QVERIFY(events.wait(Bound));
    const ReceivedRequest &seen = server.requests().at(0);
    QCOMPARE(seen.method, QByteArray("POST"));
    QCOMPARE(seen.target, QByteArray("/jobs"));
    QCOMPARE(seen.body, request.body);
    QCOMPARE(seen.headers.value("authorization"), QByteArray("Bearer secret"));
    QCOMPARE(seen.headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(seen.headers.value("x-trace"), QByteArray("t1"));
    QCOMPARE(seen.headers.value("last-event-id"), QByteArray("41"));
    QCOMPARE(eventAt(events, 0), (SseEvent{"progress", "10", "41"}));
}

void TestEventSource::idleTimeoutCountsAsDrop()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::stream({}));
    server.enqueue(ScriptedResponse::stream("data: again\n\n"));
    SseRequest request = requestFor(server.url());
    request.idleTimeoutMs = 300;
    EventSource source;
    source.setRequest(request);
    QSignalSpy errors(&source, &EventSource::errorOccurred);
    QSignalSpy events(&source, &EventSource::eventReceived);
    QSignalSpy disconnected(&server, &ScriptedServer::clientDisconnected);
    source.open();
    QVERIFY(errors.wait(Bound));
    QCOMPARE(errorAt(errors, 0).kind, SseError::Kind::Timeout);
    QVERIFY(!errorAt(errors, 0).permanent);
    QTRY_VERIFY_WITH_TIMEOUT(disconnected.size() >= 1, Bound); // the stalled connection was let go
    QVERIFY(events.wait(Bound));
    QCOMPARE(server.requests().size(), 2);
}

void TestEventSource::heartbeatCommentsKeepIdleTimeoutAway()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::stream(":\n"));
    SseRequest request = requestFor(server.url());
    request.idleTimeoutMs = 400;
    EventSource source;
    source.setRequest(request);
    QSignalSpy comments(&source, &EventSource::commentReceived);
    QSignalSpy errors(&source, &EventSource::errorOccurred);
    source.open();
    QVERIFY(comments.wait(Bound));
    // Seven heartbeats 150 ms apart span more than twice the idle timeout: the stream must stay open.
    QTimer heartbeat;
    connect(&heartbeat, &QTimer::timeout, &server, [&] {
        server.send(0, ":\n");
        if (comments.size() >= 7)
            heartbeat.stop();
    });
    heartbeat.start(150);
    QTRY_COMPARE_WITH_TIMEOUT(comments.size(), 8, Bound);
    QCOMPARE(errors.size(), 0);
    QCOMPARE(source.readyState(), EventSource::ReadyState::Open);
}

void TestEventSource::oversizedLineIsReportedAndStreamGoesOn()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::stream("data: " + QByteArray(5000, 'x') + "\n\ndata: fine\n\n"));
    SseRequest request = requestFor(server.url());
    request.maxLineSize = 1024;
    EventSource source;
    source.setRequest(request);
    QSignalSpy errors(&source, &EventSource::errorOccurred);
    QSignalSpy events(&source, &EventSource::eventReceived);
    source.open();
    QVERIFY(events.wait(Bound));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errorAt(errors, 0).kind, SseError::Kind::Limit);
    QVERIFY(!errorAt(errors, 0).permanent);
    QVERIFY2(errorAt(errors, 0).message.contains("1024 bytes"), qPrintable(errorAt(errors, 0).message));
    QCOMPARE(events.size(), 1);
    QCOMPARE(eventAt(events, 0).data, QString("fine"));
    QCOMPARE(source.readyState(), EventSource::ReadyState::Open);
}

void TestEventSource::closeMidStreamStopsAtOnce()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::stream({}));
    EventSource source;
    source.setRequest(requestFor(server.url()));
    QSignalSpy opened(&source, &EventSource::opened);
    QSignalSpy events(&source, &EventSource::eventReceived);
    QSignalSpy closed(&source, &EventSource::closed);
    QSignalSpy disconnected(&server, &ScriptedServer::clientDisconnected);
    connect(&source, &EventSource::eventReceived, &source, &EventSource::close);
    source.open();
    QVERIFY(opened.wait(Bound));
    server.send(0, "data: 1\n\ndata: 2\n\ndata: 3\n\n"); // one chunk: close() must stop it after the first
    QVERIFY(closed.wait(Bound));
    QCOMPARE(events.size(), 1);
    QCOMPARE(source.readyState(), EventSource::ReadyState::Closed);
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, Bound);
    QCOMPARE(server.requests().size(), 1);
}

void TestEventSource::destroyingMidStreamIsSafe()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::stream({}));
    auto *source = new EventSource;
    source->setRequest(requestFor(server.url()));
    QPointer<EventSource> guard(source);
    int delivered = 0;
    connect(source, &EventSource::eventReceived, this, [&delivered, source] {
        ++delivered;
        delete source;
    });
    QSignalSpy opened(source, &EventSource::opened);
    QSignalSpy disconnected(&server, &ScriptedServer::clientDisconnected);
    source->open();
    QVERIFY(opened.wait(Bound));
    server.send(0, "data: 1\n\ndata: 2\n\n");
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), Bound);
    QCOMPARE(delivered, 1);
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, Bound);
}

void TestEventSource::givesUpAfterMaxAttempts()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close(); // nothing listens there now: connection refused

    SseRequest request = requestFor(QUrl(QString("http://127.0.0.1:%1/events").arg(port)));
    request.retry = RetrySettings{20, 100, 2};
    EventSource source;
    source.setRequest(request);
    QSignalSpy errors(&source, &EventSource::errorOccurred);
    QSignalSpy closed(&source, &EventSource::closed);
    source.open();
    QVERIFY(closed.wait(Bound));
    QCOMPARE(errors.size(), 3);
    QVERIFY(!errorAt(errors, 0).permanent);
    QVERIFY(!errorAt(errors, 1).permanent);
    const SseError last = errorAt(errors, 2);
    QVERIFY(last.permanent);
    QCOMPARE(last.kind, SseError::Kind::Network);
    QVERIFY2(last.message.contains("gave up after 2 attempts"), qPrintable(last.message));
}

void TestEventSource::invalidUrlFailsWithClearError()
{
    EventSource source;
    SseRequest request;
    request.url = QUrl("ftp://127.0.0.1/feed");
    source.setRequest(request);
    QSignalSpy errors(&source, &EventSource::errorOccurred);
    QSignalSpy closed(&source, &EventSource::closed);
    source.open();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errorAt(errors, 0).kind, SseError::Kind::Request);
    QVERIFY2(errorAt(errors, 0).message.contains("unsupported URL scheme"),
             qPrintable(errorAt(errors, 0).message));
    QCOMPARE(closed.size(), 1);
    QCOMPARE(source.readyState(), EventSource::ReadyState::Closed);
}

void TestEventSource::tlsErrorsFailClosed()
{
    ScriptedServer server;
    QVERIFY(server.listenTls(TLS_DIR "/cert.pem", TLS_DIR "/key.pem"));
    server.enqueue(ScriptedResponse::stream("data: must not arrive\n\n"));
    EventSource source;
    source.setRequest(requestFor(server.url()));
    QSignalSpy errors(&source, &EventSource::errorOccurred);
    QSignalSpy closed(&source, &EventSource::closed);
    QSignalSpy events(&source, &EventSource::eventReceived);
    source.open();
    QVERIFY(closed.wait(Bound));
    QCOMPARE(errors.size(), 1);
    const SseError error = errorAt(errors, 0);
    QCOMPARE(error.kind, SseError::Kind::Tls);
    QVERIFY(error.permanent);
    QVERIFY2(error.message.contains("self-signed", Qt::CaseInsensitive), qPrintable(error.message));
    QCOMPARE(events.size(), 0);
    QCOMPARE(server.requests().size(), 0);
}

void TestEventSource::insecureTlsWhenExplicitlyAllowed()
{
    ScriptedServer server;
    QVERIFY(server.listenTls(TLS_DIR "/cert.pem", TLS_DIR "/key.pem"));
    server.enqueue(ScriptedResponse::stream("data: over tls\n\n"));
    SseRequest request = requestFor(server.url());
    request.allowInsecureTls = true;
    EventSource source;
    source.setRequest(request);
    QSignalSpy events(&source, &EventSource::eventReceived);
    source.open();
    QVERIFY(events.wait(Bound));
    QCOMPARE(eventAt(events, 0).data, QString("over tls"));
}

void TestEventSource::gzipEncodedStream()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    ScriptedResponse response = ScriptedResponse::stream(
        QByteArray(
            "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\x4b\x49\x2c\x49\xb4\x52\xa8\xca\x2c\x28\x48\x4d\xe1"
            "\xe2\x02\x00\x36\x15\xcb\x54\x0e\x00\x00\x00",
            34),
        false);
    response.headers.append(qMakePair(QByteArray("Content-Encoding"), QByteArray("gzip")));
    server.enqueue(response);
    EventSource source;
    source.setRequest(requestFor(server.url()));
    QSignalSpy events(&source, &EventSource::eventReceived);
    source.open();
    QVERIFY(events.wait(Bound));
    QCOMPARE(eventAt(events, 0).data, QString("zipped"));
}

QTEST_GUILESS_MAIN(TestEventSource)
#include "tst_eventsource.moc"
