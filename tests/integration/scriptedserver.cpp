// SPDX-License-Identifier: GPL-3.0-or-later
#include "scriptedserver.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpSocket>

ScriptedResponse ScriptedResponse::stream(const QByteArray &body, bool keepOpen)
{
    ScriptedResponse response;
    response.body = body;
    response.keepOpen = keepOpen;
    return response;
}

ScriptedResponse ScriptedResponse::rawBytes(const QByteArray &bytes)
{
    ScriptedResponse response;
    response.raw = bytes;
    response.keepOpen = false;
    return response;
}

ScriptedResponse ScriptedResponse::withStatus(int status, const QByteArray &reason, const QByteArray &body)
{
    ScriptedResponse response;
    response.status = status;
    response.reason = reason;
    response.headers = {{"Content-Type", "text/plain"}};
    response.body = body;
    response.keepOpen = false;
    return response;
}

ScriptedServer::ScriptedServer(QObject *parent)
    : QObject(parent)
{}

ScriptedServer::~ScriptedServer()
{
    for (const auto &socket : std::as_const(m_sockets)) {
        if (socket)
            socket->abort();
    }
}

bool ScriptedServer::listen()
{
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            accept(socket);
    });
    return m_server->listen(QHostAddress::LocalHost, 0);
}

bool ScriptedServer::listenTls(const QString &certificatePath, const QString &keyPath)
{
    QFile certificateFile(certificatePath);
    QFile keyFile(keyPath);
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return false;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(certificateFile.readAll(), QSsl::Pem));
    configuration.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    auto *server = new QSslServer(this);
    server->setSslConfiguration(configuration);
    m_server = server;
    m_tls = true;
    connect(server, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            accept(socket);
    });
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QUrl ScriptedServer::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2%3")
                    .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
                    .arg(m_server->serverPort())
                    .arg(pathAndQuery));
}

void ScriptedServer::enqueue(const ScriptedResponse &response)
{
    m_queue.append(response);
}

void ScriptedServer::accept(QTcpSocket *socket)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequest(socket); });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        const int index = m_sockets.indexOf(socket);
        if (index >= 0)
            Q_EMIT clientDisconnected(index);
        m_incoming.remove(socket);
        socket->deleteLater();
    });
    readRequest(socket);
}

void ScriptedServer::readRequest(QTcpSocket *socket)
{
    if (m_sockets.contains(socket)) {
        socket->readAll(); // one request per connection; nothing more is expected
        return;
    }
    QByteArray &buffer = m_incoming[socket];
    buffer += socket->readAll();
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;

    ReceivedRequest request;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                   lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length", "0").toLongLong();
    if (buffer.size() < headEnd + 4 + length)
        return;
    request.body = buffer.mid(headEnd + 4, length);
    m_incoming.remove(socket);

    m_requests.append(request);
    m_sockets.append(socket);
    respond(socket);
    Q_EMIT requestReceived(int(m_requests.size() - 1));
}

void ScriptedServer::respond(QTcpSocket *socket)
{
    const ScriptedResponse response =
        m_queue.isEmpty() ? ScriptedResponse::withStatus(500, "Internal Server Error", "no scripted response")
                          : m_queue.takeFirst();
    if (!response.raw.isEmpty()) {
        socket->write(response.raw);
        socket->disconnectFromHost();
        return;
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + response.reason + "\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    // A 200 stream is chunked, as HTTP/1.1 servers stream; with keepOpen false it ends with the last chunk.
    // (A body ended only by closing makes Qt 6.4 send the request again, which would break the script.)
    const bool chunked = response.status == 200;
    head += chunked ? QByteArray("Transfer-Encoding: chunked\r\n")
                    : "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    head += "Connection: close\r\n\r\n";
    socket->write(head + (chunked ? chunk(response.body) : response.body));
    if (chunked && !response.keepOpen)
        socket->write("0\r\n\r\n");
    if (!response.keepOpen)
        socket->disconnectFromHost();
}

QByteArray ScriptedServer::chunk(const QByteArray &data)
{
    return data.isEmpty() ? QByteArray() : QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

void ScriptedServer::send(int request, const QByteArray &bytes)
{
    if (QTcpSocket *socket = m_sockets.value(request))
        socket->write(chunk(bytes));
}

qint64 ScriptedServer::bytesToWrite(int request) const
{
    const QTcpSocket *socket = m_sockets.value(request);
    return socket ? socket->bytesToWrite() : 0;
}

void ScriptedServer::end(int request)
{
    if (QTcpSocket *socket = m_sockets.value(request)) {
        socket->write("0\r\n\r\n");
        socket->disconnectFromHost();
    }
}

void ScriptedServer::drop(int request)
{
    // No last chunk: the stream is cut, as by a failing network.
    if (QTcpSocket *socket = m_sockets.value(request))
        socket->disconnectFromHost();
}

bool ScriptedServer::isOpen(int request) const
{
    const QTcpSocket *socket = m_sockets.value(request);
    return socket && socket->state() == QAbstractSocket::ConnectedState;
}
