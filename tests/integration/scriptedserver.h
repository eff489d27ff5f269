// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

// A response a ScriptedServer gives to one request, in the order they are queued.
struct ScriptedResponse
{
    int status = 200;
    QByteArray reason = "OK";
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "text/event-stream"}};
    QByteArray body;
    bool keepOpen = true; // a stream stays open for send(); false closes the connection after the body
    QByteArray raw;       // when set, written as it is instead of a response, then the connection closes

    static ScriptedResponse stream(const QByteArray &body, bool keepOpen = true);
    static ScriptedResponse rawBytes(const QByteArray &bytes);
    static ScriptedResponse withStatus(int status, const QByteArray &reason, const QByteArray &body = {});
};

struct ReceivedRequest
{
    QByteArray method;
    QByteArray target;
    QMap<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
};

// An HTTP/1.1 server on 127.0.0.1 (or TLS, with a certificate) that answers each request with the next
// scripted response and lets the test push more bytes into, or drop, any stream it left open.
// It records every request, so tests can check what the client sent.
class ScriptedServer : public QObject
{
    Q_OBJECT

public:
    explicit ScriptedServer(QObject *parent = nullptr);
    ~ScriptedServer() override;

    bool listen();
    bool listenTls(const QString &certificatePath, const QString &keyPath);
    QUrl url(const QString &pathAndQuery = QStringLiteral("/events")) const;

    void enqueue(const ScriptedResponse &response);
    const QList<ReceivedRequest> &requests() const { return m_requests; }

    void send(int request, const QByteArray &bytes);
    void drop(int request);
    void end(int request); // the last chunk, then the close: a stream the server ended, not a cut one
    bool isOpen(int request) const;
    qint64 bytesToWrite(int request) const; // sent but not yet taken by the network

Q_SIGNALS:
    void requestReceived(int index);
    void clientDisconnected(int index);

private:
    void accept(QTcpSocket *socket);
    void readRequest(QTcpSocket *socket);
    void respond(QTcpSocket *socket);
    static QByteArray chunk(const QByteArray &data);

    QTcpServer *m_server = nullptr;
    bool m_tls = false;
    QList<ScriptedResponse> m_queue;
    QList<ReceivedRequest> m_requests;
    QList<QPointer<QTcpSocket>> m_sockets; // per request index
    QMap<QTcpSocket *, QByteArray> m_incoming;
};
