// SPDX-License-Identifier: GPL-3.0-or-later
// EventSource against a real scripted HTTP server on 127.0.0.1: every rule of opening, reconnecting and
// failing, seen from both ends of the socket.
#include "eventsource.h"
#include "residentmemory.h"
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

// A scripted server and an EventSource aimed at it, with a spy on each of the source's signals.
struct Rig
{
    ScriptedServer server;
    EventSource source;
    QSignalSpy opened{&source, &EventSource::opened};
    QSignalSpy events{&source, &EventSource::eventReceived};
    QSignalSpy comments{&source, &EventSource::commentReceived};
    QSignalSpy errors{&source, &EventSource::errorOccurred};
    QSignalSpy scheduled{&source, &EventSource::reconnectScheduled};
    QSignalSpy states{&source, &EventSource::readyStateChanged};
    QSignalSpy closed{&source, &EventSource::closed};
    QSignalSpy disconnected{&server, &ScriptedServer::clientDisconnected};
    bool listening;

    explicit Rig(bool tls = false)
        : listening(tls ? server.listenTls(TLS_DIR "/cert.pem", TLS_DIR "/key.pem") : server.listen())
    {}

    // Opens the source on `request`, or on the server's /events when the request has no URL.
    void open(SseRequest request = requestFor({}))
    {
        if (request.url.isEmpty())
            request.url = server.url();
        source.setRequest(request);
        source.open();
    }
};

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
    void pausedSourceReadsNothingAndLosesNothing();
    void pausedSourceStillSeesTheServersEnd();
    void oversizedLineIsReportedAndStreamGoesOn();
    void endlessLineKeepsMemoryBounded();
    void closeMidStreamStopsAtOnce();
    void destroyingMidStreamIsSafe();
    void givesUpAfterMaxAttempts();
    void invalidUrlFailsWithClearError();
    void tlsErrorsFailClosed();
    void insecureTlsWhenExplicitlyAllowed();
    void refusesARedirectFromHttpsToHttp();
    void gzipEncodedStream();
    void garbageResponseLosesNothing();
};

void TestEventSource::opensAndDeliversEvents()
{
    Rig rig;
    QVERIFY(rig.listening);
    rig.server.enqueue(ScriptedResponse::stream("event: quote\ndata: {\"p\":1}\n\n: heartbeat\n"));
    QCOMPARE(rig.source.readyState(), EventSource::ReadyState::Closed);
    rig.open();
    QCOMPARE(rig.source.readyState(), EventSource::ReadyState::Connecting);

    QVERIFY(rig.opened.wait(Bound));
    QCOMPARE(rig.source.readyState(), EventSource::ReadyState::Open);
    QTRY_COMPARE_WITH_TIMEOUT(rig.comments.size(), 1, Bound);
    QCOMPARE(rig.events.size(), 1);
    QCOMPARE(eventAt(rig.events, 0), (SseEvent{"quote", "{\"p\":1}", ""}));
    QCOMPARE(rig.comments.at(0).at(0).toString(), QString("heartbeat"));

    rig.server.send(0, "data: second\n\n");
    QTRY_COMPARE_WITH_TIMEOUT(rig.events.size(), 2, Bound);
    QCOMPARE(eventAt(rig.events, 1), (SseEvent{"message", "second", ""}));

    const ReceivedRequest &request = rig.server.requests().at(0);
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.target, QByteArray("/events"));
    QCOMPARE(request.headers.value("accept"), QByteArray("text/event-stream"));
    QCOMPARE(request.headers.value("cache-control"), QByteArray("no-cache"));
    QVERIFY(!request.headers.contains("last-event-id"));
}

void TestEventSource::reconnectsWithLastEventIdAfterDrop()
{
    Rig rig;
    QVERIFY(rig.listening);
    rig.server.enqueue(ScriptedResponse::stream("id: 7\ndata: a\n\n"));
    rig.server.enqueue(ScriptedResponse::stream("data: b\n\n"));
    rig.open();
    QTRY_COMPARE_WITH_TIMEOUT(rig.events.size(), 1, Bound);

    rig.server.drop(0);
    QTRY_COMPARE_WITH_TIMEOUT(rig.events.size(), 2, Bound);
    QCOMPARE(rig.server.requests().size(), 2);
    QCOMPARE(rig.server.requests().at(1).headers.value("last-event-id"), QByteArray("7"));
    QCOMPARE(eventAt(rig.events, 1), (SseEvent{"message", "b", "7"}));
    QCOMPARE(rig.errors.size(), 1);
    QCOMPARE(errorAt(rig.errors, 0).kind, SseError::Kind::Network);
    QVERIFY(!errorAt(rig.errors, 0).permanent);
    QCOMPARE(rig.source.readyState(), EventSource::ReadyState::Open);
    QCOMPARE(rig.states.size(), 4); // connecting, open, connecting, open
}

void TestEventSource::honoursServerRetry()
{
    Rig rig;
    QVERIFY(rig.listening);
    rig.server.enqueue(ScriptedResponse::stream("retry: 400\ndata: a\n\n", false));
    rig.server.enqueue(ScriptedResponse::stream("data: b\n\n"));
    QSignalSpy requests(&rig.server, &ScriptedServer::requestReceived);
    rig.open();
    QVERIFY(rig.scheduled.wait(Bound));
    QElapsedTimer sinceDrop;
    sinceDrop.start();
    QCOMPARE(rig.scheduled.at(0).at(0).toInt(),
             400); // first reconnect after a healthy stream: exactly retry:
    QCOMPARE(rig.scheduled.at(0).at(1).toInt(), 1);
    QCOMPARE(rig.source.reconnectionTimeMs(), 400);
    QTRY_COMPARE_WITH_TIMEOUT(requests.size(), 2, Bound);
    QVERIFY2(sinceDrop.elapsed() >= 380, qPrintable(QString::number(sinceDrop.elapsed())));
}

void TestEventSource::status204ClosesWithoutError()
{
    Rig rig;
    QVERIFY(rig.listening);
    rig.server.enqueue(ScriptedResponse::withStatus(204, "No Content"));
    rig.open();
    QVERIFY(rig.closed.wait(Bound));
    QCOMPARE(rig.source.readyState(), EventSource::ReadyState::Closed);
    QCOMPARE(rig.errors.size(), 0);
    QCOMPARE(rig.scheduled.size(), 0);
    QCOMPARE(rig.server.requests().size(), 1);
}

void TestEventSource::status404FailsForGood()
{
    Rig rig;
    QVERIFY(rig.listening);
    rig.server.enqueue(ScriptedResponse::withStatus(404, "Not Found", "no such feed"));
    rig.open();
    QVERIFY(rig.closed.wait(Bound));
    QCOMPARE(rig.errors.size(), 1);
    const SseError error = errorAt(rig.errors, 0);
    QCOMPARE(error.kind, SseError::Kind::HttpStatus);
    QCOMPARE(error.httpStatus, 404);
    QVERIFY(error.permanent);
    QVERIFY2(error.message.contains("404 Not Found"), qPrintable(error.message));
    QCOMPARE(rig.scheduled.size(), 0);
    QCOMPARE(rig.source.readyState(), EventSource::ReadyState::Closed);
}

void TestEventSource::wrongContentTypeFailsForGood_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("message");
    QTest::newRow("text/html") << QByteArray("text/html")
                               << "expected Content-Type text/event-stream but the server sent 'text/html'";
    QTest::newRow("missing") << QByteArray() << "response has no Content-Type";
}

void TestEventSource::wrongContentTypeFailsForGood()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QString, message);
    Rig rig;
    QVERIFY(rig.listening);
    ScriptedResponse response = ScriptedResponse::stream("data: never\n\n");
    response.headers.clear();
    if (!contentType.isEmpty())
        response.headers.append(qMakePair(QByteArray("Content-Type"), contentType));
    rig.server.enqueue(response);
    rig.open();
    QVERIFY(rig.closed.wait(Bound));
    QCOMPARE(rig.errors.size(), 1);
    QCOMPARE(errorAt(rig.errors, 0).kind, SseError::Kind::ContentType);
    QVERIFY2(errorAt(rig.errors, 0).message.contains(message), qPrintable(errorAt(rig.errors, 0).message));
    QCOMPARE(rig.events.size(), 0);
    QCOMPARE(rig.server.requests().size(), 1);
}

void TestEventSource::status503RetriesAfterRetryAfter()
{
    Rig rig;
    QVERIFY(rig.listening);
    ScriptedResponse busy = ScriptedResponse::withStatus(503, "Service Unavailable");
    busy.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
    rig.server.enqueue(busy);
    rig.server.enqueue(ScriptedResponse::stream("data: ok\n\n"));
    rig.open();
    QVERIFY(rig.events.wait(Bound));
    QCOMPARE(rig.errors.size(), 1);
    QCOMPARE(errorAt(rig.errors, 0).httpStatus, 503);
    QVERIFY(!errorAt(rig.errors, 0).permanent);
    QCOMPARE(rig.scheduled.size(), 1);
    QCOMPARE(rig.scheduled.at(0).at(0).toInt(), 1000);
    QCOMPARE(eventAt(rig.events, 0).data, QString("ok"));
}

void TestEventSource::followsRedirects()
{
    Rig rig;
    QVERIFY(rig.listening);
    ScriptedResponse moved = ScriptedResponse::withStatus(302, "Found");
    moved.headers.append(qMakePair(QByteArray("Location"), QByteArray("/moved")));
    rig.server.enqueue(moved);
    rig.server.enqueue(ScriptedResponse::stream("data: here\n\n"));
    rig.open(requestFor(rig.server.url("/start")));
    QVERIFY(rig.events.wait(Bound));
    QCOMPARE(rig.errors.size(), 0);
    QCOMPARE(rig.server.requests().size(), 2);
    QCOMPARE(rig.server.requests().at(1).target, QByteArray("/moved"));
    QCOMPARE(eventAt(rig.events, 0).data, QString("here"));
}

void TestEventSource::sendsMethodBodyAndCustomHeaders()
{
    Rig rig;
    QVERIFY(rig.listening);
    rig.server.enqueue(ScriptedResponse::stream("event: progress\ndata: 10\n\n"));
    SseRequest request = requestFor(rig.server.url("/jobs"));
    request.method = "POST";
    request.body = "{\"name\":\"build\",\"steps\":3}";
    request.headers = {
        {"Authorization", "Bearer secret"}, {"Content-Type", "application/json"}, {"X-Trace", "t1"}};
    rig.source.setLastEventId("41");
    rig.open(request);
    QVERIFY(rig.events.wait(Bound));
    const ReceivedRequest &seen = rig.server.requests().at(0);
    QCOMPARE(seen.method, QByteArray("POST"));
    QCOMPARE(seen.target, QByteArray("/jobs"));
    QCOMPARE(seen.body, request.body);
    QCOMPARE(seen.headers.value("authorization"), QByteArray("Bearer secret"));
    QCOMPARE(seen.headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(seen.headers.value("x-trace"), QByteArray("t1"));
    QCOMPARE(seen.headers.value("last-event-id"), QByteArray("41"));
    QCOMPARE(eventAt(rig.events, 0), (SseEvent{"progress", "10", "41"}));
}

void TestEventSource::pausedSourceReadsNothingAndLosesNothing()
{
    Rig rig;
    QVERIFY(rig.listening);
    rig.server.enqueue(ScriptedResponse::stream("id: 0\ndata: before\n\n"));
    SseRequest request = requestFor(rig.server.url());
    request.idleTimeoutMs = 300;
    rig.open(request);
    QTRY_COMPARE_WITH_TIMEOUT(rig.events.size(), 1, Bound);

    rig.source.setPaused(true);
    const qint64 bytesBefore = rig.source.bytesReceived();
    // Four times the reply's buffer while paused: none of it is read, and the silence that follows is
    // longer than the idle timeout without counting as one.
    constexpr int Count = 5000;
    QByteArray burst;
    const QByteArray payload(1000, 'x');
    for (int i = 1; i <= Count; ++i)
        burst += "id: " + QByteArray::number(i) + "\ndata: " + payload + "\n\n";
    QVERIFY(burst.size() > 4 * HttpStream::BufferBytes);
    rig.server.send(0, burst);
    QVERIFY(!rig.events.wait(1000));
    QCOMPARE(rig.source.bytesReceived(), bytesBefore);
    QCOMPARE(rig.errors.size(), 0);
    QCOMPARE(rig.source.readyState(), EventSource::ReadyState::Open);

    rig.source.setPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(rig.events.size(), 1 + Count, Bound);
    for (int i = 0; i <= Count; i += 500)
        QCOMPARE(eventAt(rig.events, i).id, QString::number(i));
    QCOMPARE(eventAt(rig.events, Count).id, QString::number(Count));
    QCOMPARE(rig.errors.size(), 0);
    QCOMPARE(rig.server.requests().size(), 1); // no reconnect: nothing was lost or sent twice
}

void TestEventSource::pausedSourceStillSeesTheServersEnd()
{
    // The server sends more than the buffers take and ends the stream properly while the source is paused:
    // once resumed, every event arrives and the end is an end, not a lost connection.
    Rig rig;
    QVERIFY(rig.listening);
    rig.server.enqueue(ScriptedResponse::stream("id: 0\ndata: before\n\n"));
    rig.open();
    QTRY_COMPARE_WITH_TIMEOUT(rig.events.size(), 1, Bound);
    rig.source.setPaused(true);
    constexpr int Count = 2000;
    QByteArray burst;
    const QByteArray payload(1000, 'x');
    for (int i = 1; i <= Count; ++i)
        burst += "id: " + QByteArray::number(i) + "\ndata: " + payload + "\n\n";
    QVERIFY(burst.size() > HttpStream::BufferBytes);
    rig.server.send(0, burst);
    rig.server.end(0);
    QVERIFY(rig.disconnected.wait(Bound));

    rig.source.setPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(rig.events.size(), 1 + Count, Bound);
    QCOMPARE(eventAt(rig.events, Count).id, QString::number(Count));
    QTRY_COMPARE_WITH_TIMEOUT(rig.errors.size(), 1, Bound);
    QCOMPARE(errorAt(rig.errors, 0).message, QString("the server ended the stream"));
}

void TestEventSource::idleTimeoutCountsAsDrop()
{
    Rig rig;
    QVERIFY(rig.listening);
    rig.server.enqueue(ScriptedResponse::stream({}));
    rig.server.enqueue(ScriptedResponse::stream("data: again\n\n"));
    SseRequest request = requestFor({});
    request.idleTimeoutMs = 300;
    rig.open(request);
    QVERIFY(rig.errors.wait(Bound));
    QCOMPARE(errorAt(rig.errors, 0).kind, SseError::Kind::Timeout);
    QVERIFY(!errorAt(rig.errors, 0).permanent);
    QTRY_VERIFY_WITH_TIMEOUT(rig.disconnected.size() >= 1, Bound); // the stalled connection was let go
    QVERIFY(rig.events.wait(Bound));
    QCOMPARE(rig.server.requests().size(), 2);
}

void TestEventSource::heartbeatCommentsKeepIdleTimeoutAway()
{
    Rig rig;
    QVERIFY(rig.listening);
    rig.server.enqueue(ScriptedResponse::stream(":\n"));
    SseRequest request = requestFor({});
    request.idleTimeoutMs = 400;
    rig.open(request);
    QVERIFY(rig.comments.wait(Bound));
    // Seven heartbeats 150 ms apart span more than twice the idle timeout: the stream must stay open.
    QTimer heartbeat;
    connect(&heartbeat, &QTimer::timeout, &rig.server, [&] {
        rig.server.send(0, ":\n");
        if (rig.comments.size() >= 7)
            heartbeat.stop();
    });
    heartbeat.start(150);
    QTRY_COMPARE_WITH_TIMEOUT(rig.comments.size(), 8, Bound);
    QCOMPARE(rig.errors.size(), 0);
    QCOMPARE(rig.source.readyState(), EventSource::ReadyState::Open);
}

void TestEventSource::oversizedLineIsReportedAndStreamGoesOn()
{
    Rig rig;
    QVERIFY(rig.listening);
    rig.server.enqueue(ScriptedResponse::stream("data: " + QByteArray(5000, 'x') + "\n\ndata: fine\n\n"));
    SseRequest request = requestFor({});
    request.maxLineSize = 1024;
    rig.open(request);
    QVERIFY(rig.events.wait(Bound));
    QCOMPARE(rig.errors.size(), 1);
    QCOMPARE(errorAt(rig.errors, 0).kind, SseError::Kind::Limit);
    QVERIFY(!errorAt(rig.errors, 0).permanent);
    QVERIFY2(errorAt(rig.errors, 0).message.contains("1024 bytes"),
             qPrintable(errorAt(rig.errors, 0).message));
    QCOMPARE(rig.events.size(), 1);
    QCOMPARE(eventAt(rig.events, 0).data, QString("fine"));
    QCOMPARE(rig.source.readyState(), EventSource::ReadyState::Open);
}

void TestEventSource::endlessLineKeepsMemoryBounded()
{
    // A server whose first line never ends: 256 MiB of it, 1 MiB at a time as the client takes them. The
    // default limit (16 MiB) is reported once, the rest of the line is dropped as it comes, and the client
    // holds no more than the limit and what is in flight.
    Rig rig;
    QVERIFY(rig.listening);
    rig.server.enqueue(ScriptedResponse::stream("data: "));
    rig.open(requestFor({}));
    QVERIFY(rig.opened.wait(Bound));
    const qint64 before = residentKilobytes();
    qint64 peak = before;
    const QByteArray megabyte(1 << 20, 'x');
    for (int i = 0; i < 256; ++i) {
        rig.server.send(0, megabyte);
        QTRY_VERIFY_WITH_TIMEOUT(rig.server.bytesToWrite(0) < megabyte.size(), Bound);
        peak = std::max(peak, residentKilobytes());
    }
    QTRY_COMPARE_WITH_TIMEOUT(rig.errors.size(), 1, Bound);
    QCOMPARE(errorAt(rig.errors, 0).kind, SseError::Kind::Limit);
    QCOMPARE(errorAt(rig.errors, 0).message,
             QString("a line longer than the limit of 16777216 bytes; its event is discarded"));
#ifndef EVENTSCOPE_SANITIZED // a sanitizer's quarantine keeps freed chunks: says nothing of the client
    QVERIFY2(peak - before < 48 * 1024, qPrintable(QString("grew by %1 kB").arg(peak - before)));
#endif
    // The line ends at last: the stream goes on with the next event.
    rig.server.send(0, "\n\ndata: after\n\n");
    QVERIFY(rig.events.wait(Bound));
    QCOMPARE(eventAt(rig.events, 0).data, QString("after"));
    QCOMPARE(rig.source.readyState(), EventSource::ReadyState::Open);
}

void TestEventSource::closeMidStreamStopsAtOnce()
{
    Rig rig;
    QVERIFY(rig.listening);
    rig.server.enqueue(ScriptedResponse::stream({}));
    connect(&rig.source, &EventSource::eventReceived, &rig.source, &EventSource::close);
    rig.open();
    QVERIFY(rig.opened.wait(Bound));
    rig.server.send(0,
                    "data: 1\n\ndata: 2\n\ndata: 3\n\n"); // one chunk: close() must stop it after the first
    QVERIFY(rig.closed.wait(Bound));
    QCOMPARE(rig.events.size(), 1);
    QCOMPARE(rig.source.readyState(), EventSource::ReadyState::Closed);
    QTRY_COMPARE_WITH_TIMEOUT(rig.disconnected.size(), 1, Bound);
    QCOMPARE(rig.server.requests().size(), 1);
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

    Rig rig;
    SseRequest request = requestFor(QUrl(QString("http://127.0.0.1:%1/events").arg(port)));
    request.retry = RetrySettings{20, 100, 2};
    rig.open(request);
    QVERIFY(rig.closed.wait(Bound));
    QCOMPARE(rig.errors.size(), 3);
    QVERIFY(!errorAt(rig.errors, 0).permanent);
    QVERIFY(!errorAt(rig.errors, 1).permanent);
    const SseError last = errorAt(rig.errors, 2);
    QVERIFY(last.permanent);
    QCOMPARE(last.kind, SseError::Kind::Network);
    QVERIFY2(last.message.contains("gave up after 2 attempts"), qPrintable(last.message));
}

void TestEventSource::invalidUrlFailsWithClearError()
{
    Rig rig;
    rig.open(requestFor(QUrl("ftp://127.0.0.1/feed")));
    QCOMPARE(rig.errors.size(), 1);
    QCOMPARE(errorAt(rig.errors, 0).kind, SseError::Kind::Request);
    QVERIFY2(errorAt(rig.errors, 0).message.contains("unsupported URL scheme"),
             qPrintable(errorAt(rig.errors, 0).message));
    QCOMPARE(rig.closed.size(), 1);
    QCOMPARE(rig.source.readyState(), EventSource::ReadyState::Closed);
}

void TestEventSource::tlsErrorsFailClosed()
{
    Rig rig(true);
    QVERIFY(rig.listening);
    rig.server.enqueue(ScriptedResponse::stream("data: must not arrive\n\n"));
    rig.open();
    QVERIFY(rig.closed.wait(Bound));
    QCOMPARE(rig.errors.size(), 1);
    const SseError error = errorAt(rig.errors, 0);
    QCOMPARE(error.kind, SseError::Kind::Tls);
    QVERIFY(error.permanent);
    QVERIFY2(error.message.contains("self-signed", Qt::CaseInsensitive), qPrintable(error.message));
    QCOMPARE(rig.events.size(), 0);
    QCOMPARE(rig.server.requests().size(), 0);
}

void TestEventSource::insecureTlsWhenExplicitlyAllowed()
{
    Rig rig(true);
    QVERIFY(rig.listening);
    rig.server.enqueue(ScriptedResponse::stream("data: over tls\n\n"));
    SseRequest request = requestFor({});
    request.allowInsecureTls = true;
    rig.open(request);
    QVERIFY(rig.events.wait(Bound));
    QCOMPARE(eventAt(rig.events, 0).data, QString("over tls"));
}

void TestEventSource::refusesARedirectFromHttpsToHttp()
{
    Rig rig(true);
    QVERIFY(rig.listening);
    ScriptedServer plain;
    QVERIFY(plain.listen());
    plain.enqueue(ScriptedResponse::stream("data: must not arrive\n\n"));
    QUrl target = plain.url("/plain");
    target.setUserName("ops");
    target.setPassword("pw"); // and the refusal, shown to the operator, does not show it
    ScriptedResponse moved = ScriptedResponse::withStatus(302, "Found");
    moved.headers.append(qMakePair(QByteArray("Location"), target.toEncoded()));
    rig.server.enqueue(moved);
    SseRequest request = requestFor(rig.server.url("/start"));
    request.allowInsecureTls = true;
    rig.open(request);
    QVERIFY(rig.closed.wait(Bound));
    QCOMPARE(rig.errors.size(), 1);
    const SseError error = errorAt(rig.errors, 0);
    QVERIFY(error.permanent);
    QCOMPARE(error.message,
             QString("a redirect from https to 'http://ops:••••@127.0.0.1:%1/plain' would drop TLS; "
                     "not following it")
                 .arg(target.port()));
    QCOMPARE(plain.requests().size(), 0);
}

void TestEventSource::gzipEncodedStream()
{
    Rig rig;
    QVERIFY(rig.listening);
    ScriptedResponse response = ScriptedResponse::stream(
        QByteArray(
            "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\x4b\x49\x2c\x49\xb4\x52\xa8\xca\x2c\x28\x48\x4d\xe1"
            "\xe2\x02\x00\x36\x15\xcb\x54\x0e\x00\x00\x00",
            34),
        false);
    response.headers.append(qMakePair(QByteArray("Content-Encoding"), QByteArray("gzip")));
    rig.server.enqueue(response);
    rig.open();
    QVERIFY(rig.events.wait(Bound));
    QCOMPARE(eventAt(rig.events, 0).data, QString("zipped"));
}

void TestEventSource::garbageResponseLosesNothing()
{
    // Not HTTP at all (another protocol on the port): the source must neither hang nor give up.
    Rig rig;
    QVERIFY(rig.listening);
    rig.server.enqueue(ScriptedResponse::rawBytes("SSH-2.0-OpenSSH_9.2\r\n\r\n"));
    rig.server.enqueue(ScriptedResponse::stream("data: recovered\n\n"));
    rig.open();
    QTRY_COMPARE_WITH_TIMEOUT(rig.events.size(), 1, Bound);
    QCOMPARE(eventAt(rig.events, 0).data, QString("recovered"));
    QCOMPARE(rig.source.readyState(), EventSource::ReadyState::Open);
    QCOMPARE(rig.server.requests().size(), 2);
}

QTEST_GUILESS_MAIN(TestEventSource)
#include "tst_eventsource.moc"
