// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httprequestreader.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QTcpSocket;

// A client connection until it becomes a stream: reads requests (keep-alive and pipelining allowed),
// answers malformed ones with their 4xx and closes, and closes one that sends too slowly (slow-loris).
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    HttpConnection(QTcpSocket *socket, const HttpRequestReader::Limits &limits, int requestTimeoutMs,
                   QObject *parent = nullptr);

    void respond(const QByteArray &response, bool close);
    // For a stream: the socket leaves this connection, which then deletes itself.
    QTcpSocket *takeSocket();

Q_SIGNALS:
    void requestReceived(HttpConnection *connection, const HttpRequest &request);

private:
    void read();
    void process(HttpRequestReader::State state);
    void timedOut();

    QPointer<QTcpSocket> m_socket;
    HttpRequestReader m_reader;
    QTimer m_timeout;
    bool m_busy = false; // a request is being handled; the next waits
};
