// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedgenerator.h"
#include "httprequest.h"
#include "httprequestreader.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <memory>

class Channel;
class HttpConnection;
class QTcpServer;
class QTcpSocket;

struct DemoServerOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; // 0: any free port
    int heartbeatMs = 15000;
    int requestTimeoutMs = 10000; // a request head must arrive within this (slow-loris guard)
    int maxConnections = 256;
    int ringCapacity = 4096; // events per feed kept for Last-Event-ID replay
    int lingerMs = 30000; // a feed keeps going this long after its last client left, so resumes lose nothing
    int retryMs = 2000;   // the `retry:` every stream opens with (tests make it short)
    quint32 seed = 20261124; // the same seed gives the same prices, readings and jobs
    HttpRequestReader::Limits limits;
};

// The embedded SSE server behind `--demo`, `serve-demo` and the tests: stock quotes, IoT telemetry, job
// progress (also started by POST), notifications and a bench stream, each with IDs, retry:, heartbeats,
// Last-Event-ID replay and fault injection (?drop_after=N, ?stall_after=N, ?fail_every=N, ?status=NNN).
class DemoServer : public QObject
{
    Q_OBJECT

public:
    explicit DemoServer(const DemoServerOptions &options = DemoServerOptions(), QObject *parent = nullptr);
    ~DemoServer() override;

    bool listen(QString *error = nullptr);
    // A server restart whose event log survives it: stops listening and cuts every connection, keeping the
    // feeds, their IDs and their replay buffers; listen() again then takes the same port.
    void stopListening();
    quint16 port() const;
    QUrl url(const QString &pathAndQuery = QStringLiteral("/")) const;
    // The feeds with their default parameters, as serve-demo prints them.
    QStringList feedUrls() const;
    int connectionCount() const { return m_connections; }
    // How many events the feed at `feedUrl` (this server's, fault parameters ignored) has numbered so far:
    // its last ID; 0 when no one asked for it yet.
    qint64 lastEventNumber(const QUrl &feedUrl) const;

private:
    void acceptConnections();
    void handle(HttpConnection *connection, const HttpRequest &request);
    void openChannelStream(HttpConnection *connection, const HttpRequest &request, const QString &feed);
    void startJob(HttpConnection *connection, const HttpRequest &request);
    void startChat(HttpConnection *connection, const HttpRequest &request);
    // A channel for a POSTed job or chat answer, kept (the last KeptJobs of them) for heartbeats and resumes.
    Channel *keep(const QString &id, std::unique_ptr<FeedGenerator> generator);
    void resumeJob(HttpConnection *connection, const HttpRequest &request, const QString &lastEventId);
    void openBenchStream(HttpConnection *connection, const HttpRequest &request);
    void stream(HttpConnection *connection, const HttpRequest &request, Channel *channel);
    // A feed's key (the feed and its parameters) and its generator, made for a new channel.
    struct Feed
    {
        QString key;
        std::unique_ptr<FeedGenerator> generator;
    };
    Feed feedFor(const QString &feed, const QUrlQuery &query, QString *error) const;
    Channel *channelFor(const QString &feed, const QUrlQuery &query, QString *error);
    // The status a request asks to be failed with now (?status=, or ?fail_every= on its turn); 0: none.
    int injectedStatus(const QUrlQuery &query, QString *error);
    void sendHeartbeats();
    void forgetIdleChannels();

    DemoServerOptions m_options;
    QTcpServer *m_server;
    QHash<QString, Channel *> m_channels; // by feed and its parameters, fault injection left out
    QHash<QString, Channel *> m_jobs;     // POSTed jobs by id, kept a while after they end for resumes
    QList<QString> m_jobOrder;
    int m_jobsStarted = 0;
    int m_chatsStarted = 0;
    int m_connections = 0;
    qint64 m_failableRequests = 0; // stream requests with ?fail_every=, counted for the next failure
    QTimer m_heartbeat;
    QTimer m_cleanup;
};
