// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoserver.h"

#include "benchstream.h"
#include "channel.h"
#include "chatfeed.h"
#include "httpconnection.h"
#include "httpresponse.h"
#include "iotfeed.h"
#include "jobfeed.h"
#include "notificationfeed.h"
#include "progressfeed.h"
#include "sseformat.h"
#include "stockfeed.h"
#include "streamclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>

namespace {

constexpr int KeptJobs = 64;

const QStringList StreamFeeds{QStringLiteral("stocks"), QStringLiteral("iot"), QStringLiteral("progress"),
                              QStringLiteral("notifications")};

const QByteArray Index =
    "EventScope demo server: text/event-stream feeds\n"
    "\n"
    "GET  /stocks?symbols=AAPL,MSFT,NVDA&rate=5    event: quote\n"
    "GET  /iot?devices=4&rate=4                    event: reading, alert, status\n"
    "GET  /progress                                event: progress, done, failed\n"
    "POST /jobs  {\"name\":\"build\",\"steps\":20}      event: progress, then done or failed\n"
    "GET  /notifications?rate=0.3                  event: notification\n"
    "POST /chat  {\"prompt\":\"How is the plant?\"}   OpenAI-style chunks of a canned answer, then [DONE]\n"
    "                                              (?repeat=MS: the next answer MS later, same stream)\n"
    "GET  /bench?n=100000&size=64&rate=0           n events, rate/s (0: as fast as possible), then close\n"
    "\n"
    "Every stream: id: on each event, retry: first, heartbeat comments, Last-Event-ID resume.\n"
    "Fault injection on any feed: ?drop_after=N  ?stall_after=N  ?fail_every=N  ?status=503\n"
    "  (fail_every=N: every Nth such request is answered 503 with Retry-After: 1)\n";

// Reads one numeric query parameter within bounds; sets `error` when it is present but wrong.
double number(const QUrlQuery &query, const QString &name, double fallback, double low, double high,
              QString *error)
{
    if (!query.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const double value = query.queryItemValue(name).toDouble(&ok);
    if (!ok || value < low || value > high) {
        *error = QStringLiteral("query parameter '%1' must be a number from %2 to %3")
                     .arg(name)
                     .arg(low)
                     .arg(high);
        return fallback;
    }
    return value;
}

quint32 seedFor(quint32 serverSeed, const QString &key)
{
    return serverSeed ^ quint32(qHash(key, 0));
}

} // namespace

DemoServer::DemoServer(const DemoServerOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &DemoServer::acceptConnections);
    m_server->setMaxPendingConnections(64);
    m_heartbeat.setInterval(qMax(1, options.heartbeatMs));
    connect(&m_heartbeat, &QTimer::timeout, this, &DemoServer::sendHeartbeats);
    m_cleanup.setInterval(10000);
    connect(&m_cleanup, &QTimer::timeout, this, &DemoServer::forgetIdleChannels);
}

DemoServer::~DemoServer() = default;

bool DemoServer::listen(QString *error)
{
    if (!m_server->listen(m_options.address, m_options.port)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1:%2: %3")
                         .arg(m_options.address.toString())
                         .arg(m_options.port)
                         .arg(m_server->errorString());
        return false;
    }
    m_heartbeat.start();
    m_cleanup.start();
    return true;
}

void DemoServer::stopListening()
{
    m_options.port = port();
    m_server->close();
    m_heartbeat.stop();
    // Every client socket (being read, streaming, benchmarking) is a descendant; aborting one tells its
    // owner, which then goes, so the list is taken first.
    QList<QPointer<QTcpSocket>> sockets;
    for (QTcpSocket *socket : findChildren<QTcpSocket *>())
        sockets.append(socket);
    for (const QPointer<QTcpSocket> &socket : std::as_const(sockets)) {
        if (socket)
            socket->abort();
    }
}

quint16 DemoServer::port() const
{
    return m_server->serverPort();
}

QUrl DemoServer::url(const QString &pathAndQuery) const
{
    QHostAddress address = m_server->serverAddress();
    if (address == QHostAddress::AnyIPv4 || address == QHostAddress::Any)
        address = QHostAddress::LocalHost;
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    return QUrl(QStringLiteral("http://%1:%2%3").arg(host).arg(port()).arg(pathAndQuery));
}

QStringList DemoServer::feedUrls() const
{
    return {url(QStringLiteral("/stocks?symbols=AAPL,MSFT,NVDA,AMZN&rate=5")).toString(),
            url(QStringLiteral("/iot?devices=4&rate=4")).toString(),
            url(QStringLiteral("/progress")).toString(),
            url(QStringLiteral("/jobs")).toString() +
                QStringLiteral("  (POST {\"name\":\"build\",\"steps\":20})"),
            url(QStringLiteral("/notifications")).toString(),
            url(QStringLiteral("/chat")).toString() +
                QStringLiteral("  (POST {\"prompt\":\"How is the plant?\"})"),
            url(QStringLiteral("/bench?n=100000&size=64")).toString()};
}

void DemoServer::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_connections >= m_options.maxConnections) {
            socket->write(HttpResponse::text(503, "too many connections", true, {{"Retry-After", "5"}}));
            socket->disconnectFromHost();
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        ++m_connections;
        connect(socket, &QObject::destroyed, this, [this] { --m_connections; });
        auto *connection = new HttpConnection(socket, m_options.limits, m_options.requestTimeoutMs, this);
        connect(connection, &HttpConnection::requestReceived, this, &DemoServer::handle);
    }
}

void DemoServer::handle(HttpConnection *connection, const HttpRequest &request)
{
    const bool close = !request.keepAlive;
    if (request.method == "OPTIONS") {
        connection->respond(HttpResponse::head(204,
                                               {{"Access-Control-Allow-Methods", "GET, POST, OPTIONS"},
                                                {"Access-Control-Allow-Headers", "*"},
                                                {"Access-Control-Max-Age", "600"}},
                                               0, close),
                            close);
        return;
    }
    const QString path = QString::fromLatin1(request.path).remove(QRegularExpression(QStringLiteral("/+$")));
    const QString feed = path.mid(1);
    const bool known = path.isEmpty() || StreamFeeds.contains(feed) || feed == QLatin1String("jobs") ||
                       feed == QLatin1String("chat") || feed == QLatin1String("bench");
    if (!known) {
        connection->respond(
            HttpResponse::text(404, "no such feed: " + request.path + " (GET / lists them)", close), close);
        return;
    }
    const QByteArray allowed = feed == QLatin1String("jobs") ? "POST" : "GET";
    const bool chat = feed == QLatin1String("chat") && (request.method == "POST" || request.method == "GET");
    if (!chat && request.method != allowed && !(request.method == "HEAD" && path.isEmpty())) {
        connection->respond(HttpResponse::text(405, request.method + " is not allowed here; use " + allowed,
                                               close, {{"Allow", allowed + ", OPTIONS"}}),
                            close);
        return;
    }
    if (path.isEmpty()) {
        const QByteArray body = request.method == "HEAD" ? QByteArray() : Index;
        connection->respond(
            HttpResponse::head(200, {{"Content-Type", "text/plain; charset=utf-8"}}, Index.size(), close) +
                body,
            close);
        return;
    }
    QString error;
    const int injected = injectedStatus(request.query, &error);
    if (!error.isEmpty()) {
        connection->respond(HttpResponse::text(400, error.toUtf8(), true), true);
        return;
    }
    if (injected) {
        HttpResponse::Headers headers;
        if (injected == 503 || injected == 429)
            headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
        connection->respond(
            HttpResponse::text(injected, "status injected by ?status= or ?fail_every=", true, headers), true);
        return;
    }
    if (feed == QLatin1String("bench"))
        openBenchStream(connection, request);
    else if (feed == QLatin1String("jobs"))
        startJob(connection, request);
    else if (chat)
        startChat(connection, request);
    else
        openChannelStream(connection, request, feed);
}

int DemoServer::injectedStatus(const QUrlQuery &query, QString *error)
{
    const int status = int(number(query, QStringLiteral("status"), 0, 400, 599, error));
    const qint64 every = qint64(number(query, QStringLiteral("fail_every"), 0, 1, 1e9, error));
    if (!error->isEmpty())
        return 0;
    if (status)
        return status;
    return every > 0 && ++m_failableRequests % every == 0 ? 503 : 0;
}

DemoServer::Feed DemoServer::feedFor(const QString &feed, const QUrlQuery &query, QString *error) const
{
    QString key = feed;
    std::unique_ptr<FeedGenerator> generator;
    if (feed == QLatin1String("stocks")) {
        const QString symbolText = query.queryItemValue(QStringLiteral("symbols")).toUpper();
        const QStringList symbols = symbolText.isEmpty()
                                        ? QStringList{QStringLiteral("AAPL"), QStringLiteral("MSFT"),
                                                      QStringLiteral("NVDA"), QStringLiteral("AMZN")}
                                        : symbolText.split(QLatin1Char(','));
        static const QRegularExpression symbolPattern(QStringLiteral("^[A-Z0-9.\\-]{1,12}$"));
        for (const QString &symbol : symbols) {
            if (!symbolPattern.match(symbol).hasMatch()) {
                *error =
                    QStringLiteral("'%1' is not a ticker symbol (1-12 of A-Z, 0-9, '.', '-')").arg(symbol);
                return {};
            }
        }
        if (symbols.size() > 100) {
            *error = QStringLiteral("at most 100 symbols");
            return {};
        }
        const double rate = number(query, QStringLiteral("rate"), 5, 0.01, 100000, error);
        key += QLatin1Char('|') + symbols.join(QLatin1Char(',')) + QLatin1Char('|') + QString::number(rate);
        generator = std::make_unique<StockFeed>(symbols, rate, seedFor(m_options.seed, key));
    } else if (feed == QLatin1String("iot")) {
        const int devices = int(number(query, QStringLiteral("devices"), 4, 1, 1000, error));
        const double rate = number(query, QStringLiteral("rate"), 4, 0.01, 100000, error);
        key += QLatin1Char('|') + QString::number(devices) + QLatin1Char('|') + QString::number(rate);
        generator = std::make_unique<IotFeed>(devices, rate, seedFor(m_options.seed, key));
    } else if (feed == QLatin1String("notifications")) {
        const double rate = number(query, QStringLiteral("rate"), 0.3, 0.001, 10000, error);
        key += QLatin1Char('|') + QString::number(rate);
        generator = std::make_unique<NotificationFeed>(rate, seedFor(m_options.seed, key));
    } else {
        generator = std::make_unique<ProgressFeed>(seedFor(m_options.seed, key));
    }
    return {key, std::move(generator)};
}

Channel *DemoServer::channelFor(const QString &feed, const QUrlQuery &query, QString *error)
{
    Feed made = feedFor(feed, query, error);
    if (!error->isEmpty())
        return nullptr;
    Channel *&channel = m_channels[made.key];
    if (!channel)
        channel = new Channel(QString(), std::move(made.generator), m_options.ringCapacity,
                              m_options.lingerMs, this);
    return channel;
}

qint64 DemoServer::lastEventNumber(const QUrl &feedUrl) const
{
    QString error;
    const Feed feed = feedFor(feedUrl.path().remove(QRegularExpression(QStringLiteral("^/+|/+$"))),
                              QUrlQuery(feedUrl), &error);
    const Channel *channel = error.isEmpty() ? m_channels.value(feed.key) : nullptr;
    return channel ? channel->lastSequence() : 0;
}

void DemoServer::openChannelStream(HttpConnection *connection, const HttpRequest &request,
                                   const QString &feed)
{
    QString error;
    Channel *channel = channelFor(feed, request.query, &error);
    if (!channel) {
        connection->respond(HttpResponse::text(400, error.toUtf8(), true), true);
        return;
    }
    stream(connection, request, channel);
}

void DemoServer::stream(HttpConnection *connection, const HttpRequest &request, Channel *channel)
{
    QString error;
    StreamClient::Faults faults;
    faults.dropAfter = qint64(number(request.query, QStringLiteral("drop_after"), 0, 1, 1e12, &error));
    faults.stallAfter = qint64(number(request.query, QStringLiteral("stall_after"), -1, 0, 1e12, &error));
    if (!error.isEmpty()) {
        connection->respond(HttpResponse::text(400, error.toUtf8(), true), true);
        return;
    }
    auto *client = new StreamClient(connection->takeSocket(), faults, this);
    client->start(m_options.retryMs);
    channel->subscribe(client, QString::fromUtf8(request.header("last-event-id")));
}

void DemoServer::startJob(HttpConnection *connection, const HttpRequest &request)
{
    const QString lastEventId = QString::fromUtf8(request.header("last-event-id"));
    if (!lastEventId.isEmpty()) {
        resumeJob(connection, request, lastEventId);
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    const QJsonObject body = document.object();
    QString error;
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        error = QStringLiteral("the body must be a JSON object like {\"name\":\"build\",\"steps\":20}");
    SimulatedJob::Plan plan;
    plan.name = body.value(QStringLiteral("name")).toString();
    const QJsonValue steps = body.value(QStringLiteral("steps"));
    const QJsonValue stepMs = body.value(QStringLiteral("stepMs"));
    const QJsonValue failAt = body.value(QStringLiteral("failAtStep"));
    if (error.isEmpty() && (plan.name.isEmpty() || plan.name.size() > 100))
        error = QStringLiteral("\"name\" must be a string of 1 to 100 characters");
    else if (error.isEmpty() && (!steps.isDouble() || steps.toInt() < 1 || steps.toInt() > 10000))
        error = QStringLiteral("\"steps\" must be a whole number from 1 to 10000");
    else if (error.isEmpty() && !stepMs.isUndefined() &&
             (!stepMs.isDouble() || stepMs.toInt() < 1 || stepMs.toInt() > 60000))
        error = QStringLiteral("\"stepMs\" must be a whole number from 1 to 60000");
    else if (error.isEmpty() && !failAt.isUndefined() && (!failAt.isDouble() || failAt.toInt() < 0))
        error = QStringLiteral("\"failAtStep\" must be a whole number of 0 or more");
    if (!error.isEmpty()) {
        connection->respond(HttpResponse::text(400, error.toUtf8(), true), true);
        return;
    }
    plan.steps = steps.toInt();
    plan.stepMs = stepMs.toInt(250);
    plan.failAtStep = failAt.toInt(0);
    plan.id = QStringLiteral("job-%1").arg(++m_jobsStarted);

    stream(connection, request,
           keep(plan.id, std::make_unique<JobFeed>(plan, QDateTime::currentMSecsSinceEpoch())));
}

Channel *DemoServer::keep(const QString &id, std::unique_ptr<FeedGenerator> generator)
{
    auto *channel = new Channel(id + QLatin1Char(':'), std::move(generator), m_options.ringCapacity,
                                m_options.lingerMs, this);
    m_jobs.insert(id, channel);
    m_jobOrder.append(id);
    while (m_jobOrder.size() > KeptJobs) {
        Channel *old = m_jobs.take(m_jobOrder.takeFirst());
        if (old->isIdle() || old->isFinished())
            old->deleteLater();
    }
    return channel;
}

void DemoServer::startChat(HttpConnection *connection, const HttpRequest &request)
{
    // A prompt as {"prompt": "…"} or as a chat API's {"messages": [… {"role": "user", "content": "…"}]}.
    QString prompt;
    QString error;
    double tokensPerSecond = number(request.query, QStringLiteral("tokensPerSecond"), 25, 1, 10000, &error);
    if (error.isEmpty() && !request.body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
        const QJsonObject body = document.object();
        const QJsonArray messages = body.value(QStringLiteral("messages")).toArray();
        prompt = messages.isEmpty() ? body.value(QStringLiteral("prompt")).toString()
                                    : messages.last().toObject().value(QStringLiteral("content")).toString();
        const QJsonValue rate = body.value(QStringLiteral("tokensPerSecond"));
        tokensPerSecond = rate.toDouble(tokensPerSecond);
        if (parseError.error != QJsonParseError::NoError || !document.isObject())
            error = QStringLiteral("the body must be a JSON object like {\"prompt\":\"How is the plant?\"}");
        else if (!rate.isUndefined() && (!rate.isDouble() || tokensPerSecond < 1 || tokensPerSecond > 10000))
            error = QStringLiteral("\"tokensPerSecond\" must be a number from 1 to 10000");
    }
    if (!error.isEmpty()) {
        connection->respond(HttpResponse::text(400, error.toUtf8(), true), true);
        return;
    }
    const int repeatAfterMs = int(number(request.query, QStringLiteral("repeat"), 0, 0, 3600000, &error));
    if (!error.isEmpty()) {
        connection->respond(HttpResponse::text(400, error.toUtf8(), true), true);
        return;
    }
    // Every request is a new answer (a reconnect asks again), as a chat API's streams are not resumable.
    const int answer = m_chatsStarted++;
    const QString id = QStringLiteral("chat-%1").arg(answer + 1);
    stream(connection, {request.method, request.path, request.query, {}, request.body, request.keepAlive},
           keep(id, std::make_unique<ChatFeed>(id, prompt, answer, tokensPerSecond, repeatAfterMs)));
}

void DemoServer::resumeJob(HttpConnection *connection, const HttpRequest &request, const QString &lastEventId)
{
    Channel *channel = m_jobs.value(lastEventId.section(QLatin1Char(':'), 0, 0));
    if (!channel) {
        connection->respond(
            HttpResponse::text(404, "unknown job in Last-Event-ID: " + lastEventId.toUtf8(), true), true);
        return;
    }
    if (channel->hasNothingAfter(lastEventId)) {
        connection->respond(HttpResponse::head(204, {}, 0, true), true); // the job is over: do not reconnect
        return;
    }
    stream(connection, request, channel);
}

void DemoServer::openBenchStream(HttpConnection *connection, const HttpRequest &request)
{
    QString error;
    const qint64 count = qint64(number(request.query, QStringLiteral("n"), 100000, 1, 1e9, &error));
    const int size = int(number(request.query, QStringLiteral("size"), 64, 1, 1 << 20, &error));
    const double rate = number(request.query, QStringLiteral("rate"), 0, 0, 1e7, &error);
    if (!error.isEmpty()) {
        connection->respond(HttpResponse::text(400, error.toUtf8(), true), true);
        return;
    }
    bool resumed = false;
    const qint64 lastId = request.header("last-event-id").toLongLong(&resumed);
    if (resumed && lastId >= count) {
        connection->respond(HttpResponse::head(204, {}, 0, true), true);
        return;
    }
    new BenchStream(connection->takeSocket(), {count, size, rate}, resumed ? lastId + 1 : 1,
                    m_options.retryMs, this);
}

void DemoServer::sendHeartbeats()
{
    const QByteArray comment = SseFormatter().comment(QStringLiteral("heartbeat"));
    for (Channel *channel : std::as_const(m_channels))
        channel->sendComment(comment);
    for (Channel *channel : std::as_const(m_jobs))
        channel->sendComment(comment);
}

void DemoServer::forgetIdleChannels()
{
    // Feeds with parameters nobody uses any more are dropped, so a client cycling through ?rate= values
    // cannot grow the server without bound; a feed in use keeps its IDs and its replay buffer.
    for (auto it = m_channels.begin(); it != m_channels.end();) {
        if (m_channels.size() > 64 && it.value()->isIdle()) {
            it.value()->deleteLater();
            it = m_channels.erase(it);
        } else {
            ++it;
        }
    }
}
