// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpconnection.h"

#include "httpresponse.h"

#include <QTcpSocket>

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpRequestReader::Limits &limits,
                               int requestTimeoutMs, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_reader(limits)
{
    socket->setParent(this);
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(requestTimeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, &HttpConnection::timedOut);
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::read);
    connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    m_timeout.start();
    read();
}

void HttpConnection::read()
{
    if (!m_socket || m_busy)
        return;
    process(m_reader.feed(m_socket->readAll()));
}

void HttpConnection::process(HttpRequestReader::State state)
{
    if (state == HttpRequestReader::State::Incomplete)
        return;
    if (state == HttpRequestReader::State::Failed) {
        respond(HttpResponse::text(m_reader.errorStatus(), m_reader.errorMessage().toUtf8(), true), true);
        return;
    }
    m_timeout.stop();
    m_busy = true;
    const QPointer<HttpConnection> self(this);
    Q_EMIT requestReceived(this, m_reader.request());
    if (!self || !m_socket)
        return;
    m_busy = false;
    m_timeout.start();
    process(m_reader.next());
}

void HttpConnection::respond(const QByteArray &response, bool close)
{
    if (!m_socket)
        return;
    m_socket->write(response);
    if (close) {
        m_socket->disconnectFromHost();
        m_socket->readAll(); // whatever else comes is not read any more
        m_busy = true;
    }
}

QTcpSocket *HttpConnection::takeSocket()
{
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    disconnect(socket, nullptr, this, nullptr);
    socket->setParent(nullptr);
    m_timeout.stop();
    deleteLater();
    return socket;
}

void HttpConnection::timedOut()
{
    if (!m_socket)
        return;
    if (m_reader.hasPartialRequest())
        respond(HttpResponse::text(408, "the request did not arrive in time", true), true);
    else
        m_socket->disconnectFromHost(); // an idle keep-alive connection
}
