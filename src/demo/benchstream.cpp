#include "benchstream.h"

#include "httpresponse.h"

#include <QTcpSocket>

namespace {

constexpr qint64 QueueBytes = 256 * 1024;

} // namespace

BenchStream::BenchStream(QTcpSocket *socket, qint64 count, int size, qint64 firstId, int retryMs,
                         QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_next(firstId)
    , m_count(count)
{
    socket->setParent(this);
    m_event.type = QStringLiteral("bench");
    m_event.data.reserve(size);
    for (int i = 0; i < size; ++i)
        m_event.data.append(QLatin1Char(char('a' + i % 26)));
    connect(socket, &QTcpSocket::bytesWritten, this, &BenchStream::fill);
    connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    socket->write(HttpResponse::head(
                      200, {{"Content-Type", "text/event-stream"}, {"Cache-Control", "no-cache"}}, -1, true) +
                  HttpResponse::chunk(m_formatter.retry(retryMs)));
    fill();
}

void BenchStream::fill()
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    QByteArray batch;
    while (m_next <= m_count && m_socket->bytesToWrite() + batch.size() < QueueBytes) {
        m_event.id = QString::number(m_next++);
        m_formatter.appendEvent(batch, m_event);
    }
    if (!batch.isEmpty())
        m_socket->write(HttpResponse::chunk(batch));
    if (m_next > m_count && !m_ended) {
        m_ended = true;
        m_socket->write(HttpResponse::lastChunk());
        m_socket->disconnectFromHost();
    }
}
