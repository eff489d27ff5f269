// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchstream.h"

#include "httpresponse.h"

#include <QTcpSocket>

namespace {

constexpr qint64 QueueBytes = 256 * 1024;
constexpr int PaceMs = 5;

} // namespace

BenchStream::BenchStream(QTcpSocket *socket, const Shape &shape, qint64 firstId, int retryMs, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_first(firstId)
    , m_next(firstId)
    , m_count(shape.count)
    , m_rate(shape.rate)
{
    socket->setParent(this);
    m_event.type = QStringLiteral("bench");
    m_event.data.reserve(shape.size);
    for (int i = 0; i < shape.size; ++i)
        m_event.data.append(QLatin1Char(char('a' + i % 26)));
    connect(socket, &QTcpSocket::bytesWritten, this, &BenchStream::fill);
    connect(socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    if (m_rate > 0) {
        m_clock.start();
        m_pace.setInterval(PaceMs);
        connect(&m_pace, &QTimer::timeout, this, &BenchStream::fill);
        m_pace.start();
    }
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
    const qint64 last = std::min(m_count, due());
    while (m_next <= last && m_socket->bytesToWrite() + batch.size() < QueueBytes) {
        m_event.id = QString::number(m_next++);
        m_formatter.appendEvent(batch, m_event);
    }
    if (!batch.isEmpty())
        m_socket->write(HttpResponse::chunk(batch));
    if (m_next > m_count && !m_ended) {
        m_ended = true;
        m_pace.stop();
        m_socket->write(HttpResponse::lastChunk());
        m_socket->disconnectFromHost();
    }
}

qint64 BenchStream::due() const
{
    if (m_rate <= 0)
        return m_count;
    return m_first - 1 + qint64(double(m_clock.elapsed()) * m_rate / 1000.0);
}
