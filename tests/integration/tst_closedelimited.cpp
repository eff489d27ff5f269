// SPDX-License-Identifier: GPL-3.0-or-later
// Streams whose end is the connection's end (HTTP/1.0, or HTTP/1.1 with Connection: close and neither a
// length nor chunks), against a server on its own thread that replays from the start when a request
// comes without Last-Event-ID: every new request must be the client's own reconnect, carrying the id, so
// no event is ever delivered twice. Several clients share one network manager, as FeedHub's feeds do.
#include "eventsource.h"

#include <QMutex>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

namespace {

constexpr int Clients = 6;
constexpr int Connections = 200; // per client
constexpr int EventsPerConnection = 50;
constexpr int PaddingBytes =
    2000; // 100 KB a response: the sizes at which Qt's own HTTP stack resent requests

// Answers GET /client/N with the next EventsPerConnection events after the request's Last-Event-ID (from
// the first event without one), then closes the connection. Counts, per client, the requests it got
// without the id.
class ReplayingServer : public QObject
{
    Q_OBJECT

public:
    explicit ReplayingServer(QByteArray statusLine, QByteArray extraHeaders)
        : m_server(this) // a child, so moveToThread() takes it along and its sockets get a parent there
        , m_statusLine(std::move(statusLine))
        , m_extraHeaders(std::move(extraHeaders))
    {}

    quint16 listen()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { answer(socket); });
        });
        return m_server.listen(QHostAddress::LocalHost) ? m_server.serverPort() : 0;
    }

    QList<int> requestsWithoutId() const
    {
        QMutexLocker lock(&m_mutex);
        return m_withoutId;
    }
    QList<int> repeatedRequests() const
    {
        QMutexLocker lock(&m_mutex);
        return m_repeated;
    }

private:
    void answer(QTcpSocket *socket)
    {
        QByteArray &request = m_incoming[socket];
        request += socket->readAll();
        if (!request.contains("\r\n\r\n"))
            return;
        const int client = request.mid(request.indexOf("/client/") + 8, 3).split(' ').first().toInt();
        qint64 lastId = 0;
        const qsizetype header = request.toLower().indexOf("\r\nlast-event-id:");
        if (header >= 0) {
            const qsizetype start = header + 16;
            lastId = request.mid(start, request.indexOf("\r\n", start) - start).trimmed().toLongLong();
        }
        {
            QMutexLocker lock(&m_mutex);
            if (m_withoutId.size() < Clients) {
                m_withoutId.resize(Clients);
                m_repeated.resize(Clients);
                m_previousId.fill(-1, Clients);
            }
            if (header < 0)
                ++m_withoutId[client];
            if (lastId <= m_previousId[client])
                ++m_repeated[client]; // the same request again: a reconnect always brings a newer id
            m_previousId[client] = lastId;
        }
        m_incoming.remove(socket);
        QByteArray response =
            m_statusLine + "\r\nContent-Type: text/event-stream\r\n" + m_extraHeaders + "\r\nretry: 1\n\n";
        for (qint64 id = lastId + 1; id <= lastId + EventsPerConnection; ++id)
            response += "id: " + QByteArray::number(id) + "\ndata: " + QByteArray::number(id) +
                        "\ndata: " + QByteArray(PaddingBytes, 'x') + "\n\n";
        socket->write(response);
        socket->disconnectFromHost(); // the body ends here: it has no length and no chunks
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    QTcpServer m_server;
    QByteArray m_statusLine;
    QByteArray m_extraHeaders;
    QHash<QTcpSocket *, QByteArray> m_incoming;
    mutable QMutex m_mutex;
    QList<int> m_withoutId;
    QList<int> m_repeated;
    QList<qint64> m_previousId;
};

} // namespace

class TestCloseDelimited : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRequestAfterTheFirstCarriesTheId_data();
    void everyRequestAfterTheFirstCarriesTheId();
};

void TestCloseDelimited::everyRequestAfterTheFirstCarriesTheId_data()
{
    QTest::addColumn<QByteArray>("statusLine");
    QTest::addColumn<QByteArray>("extraHeaders");
    QTest::newRow("HTTP/1.0") << QByteArray("HTTP/1.0 200 OK") << QByteArray();
    QTest::newRow("HTTP/1.1 Connection: close")
        << QByteArray("HTTP/1.1 200 OK") << QByteArray("Connection: close\r\n");
}

void TestCloseDelimited::everyRequestAfterTheFirstCarriesTheId()
{
    QFETCH(QByteArray, statusLine);
    QFETCH(QByteArray, extraHeaders);

    QThread serverThread;
    auto *server = new ReplayingServer(statusLine, extraHeaders);
    server->moveToThread(&serverThread);
    connect(&serverThread, &QThread::finished, server, &QObject::deleteLater);
    serverThread.start();
    quint16 port = 0;
    QMetaObject::invokeMethod(
        server, [&] { port = server->listen(); }, Qt::BlockingQueuedConnection);
    QVERIFY(port != 0);

    std::vector<std::unique_ptr<EventSource>> sources;
    QList<QList<qint64>> received(Clients);
    for (int client = 0; client < Clients; ++client) {
        SseRequest request;
        request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/client/%2").arg(port).arg(client));
        request.retry.initialDelayMs = 1;
        request.retry.maxAttempts = 0;
        auto source = std::make_unique<EventSource>();
        source->setRequest(request);
        connect(source.get(), &EventSource::eventReceived, this, [&received, client](const SseEvent &event) {
            received[client] << event.data.section(QLatin1Char('\n'), 0, 0).toLongLong();
        });
        source->open();
        sources.push_back(std::move(source));
    }

    const int expected = Connections * EventsPerConnection;
    auto allDone = [&] {
        return std::all_of(received.cbegin(), received.cend(),
                           [expected](const QList<qint64> &ids) { return ids.size() >= expected; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(allDone(), 60000);
    sources.clear();

    const QList<int> withoutId = server->requestsWithoutId();
    const QList<int> repeated = server->repeatedRequests();
    serverThread.quit();
    serverThread.wait();
    for (int client = 0; client < Clients; ++client) {
        const QList<qint64> &ids = received[client];
        for (qsizetype i = 0; i < ids.size(); ++i)
            QCOMPARE(ids[i], qint64(i + 1));  // each once, in order
        QCOMPARE(withoutId.value(client), 1); // the first request only
        QCOMPARE(repeated.value(client), 0);
    }
}

QTEST_GUILESS_MAIN(TestCloseDelimited)
#include "tst_closedelimited.moc"
