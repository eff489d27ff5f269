// SPDX-License-Identifier: GPL-3.0-or-later
#include "streamclient.h"

#include "httpresponse.h"
#include "sseformat.h"

#include <QTcpSocket>

namespace {

// A client that lets this much pile up unread is cut off rather than let the server's memory grow.
constexpr qint64 MaxUnsentBytes = 8 * 1024 * 1024;

} // namespace

StreamClient::StreamClient(QTcpSocket *socket, const Faults &faults, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_faults(faults)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::disconnected, this, [this] { Q_EMIT gone(this); });
    connect(socket, &QTcpSocket::readyRead, socket,
            [socket] { socket->readAll(); }); // nothing more is expected
}

StreamClient::~StreamClient()
{
    if (m_socket)
        m_socket->abort();
}

void StreamClient::start(int retryMs)
{
    m_socket->write(HttpResponse::head(200,
                                       {{"Content-Type", "text/event-stream; charset=utf-8"},
                                        {"Cache-Control", "no-cache"},
                                        {"X-Accel-Buffering", "no"}},
                                       -1, true));
    write(SseFormatter().retry(retryMs));
}

void StreamClient::sendEvent(const QByteArray &bytes)
{
    if (m_stalled || m_ending || !isOpen())
        return;
    if (m_faults.stallAfter >= 0 && m_sent >= m_faults.stallAfter) {
        m_stalled = true; // stays connected and silent, as a hung upstream does
        return;
    }
    write(bytes);
    ++m_sent;
    if (m_faults.dropAfter > 0 && m_sent >= m_faults.dropAfter) {
        m_ending = true;
        m_socket->disconnectFromHost(); // a drop: no last chunk, as when a network fails
    }
}

void StreamClient::sendComment(const QByteArray &bytes)
{
    if (!m_stalled && !m_ending && isOpen())
        write(bytes);
}

void StreamClient::end()
{
    if (m_ending || !isOpen())
        return;
    m_ending = true;
    m_socket->write(HttpResponse::lastChunk());
    m_socket->disconnectFromHost(); // after what is buffered has been written
}

bool StreamClient::isOpen() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void StreamClient::write(const QByteArray &bytes)
{
    if (m_socket->bytesToWrite() > MaxUnsentBytes) {
        qWarning("demo server: a client did not read %lld bytes; dropping it",
                 qlonglong(m_socket->bytesToWrite()));
        m_ending = true;
        m_socket->abort();
        return;
    }
    m_socket->write(HttpResponse::chunk(bytes));
}
