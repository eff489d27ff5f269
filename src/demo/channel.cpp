// SPDX-License-Identifier: GPL-3.0-or-later
#include "channel.h"

#include "streamclient.h"

#include <QDateTime>

namespace {

constexpr int TickMs = 20;

} // namespace

Channel::Channel(const QString &idPrefix, std::unique_ptr<FeedGenerator> generator, int ringCapacity,
                 int lingerMs, QObject *parent)
    : QObject(parent)
    , m_idPrefix(idPrefix)
    , m_generator(std::move(generator))
    , m_ringCapacity(qMax(1, ringCapacity))
    , m_lingerMs(lingerMs)
{
    m_timer.setInterval(TickMs);
    connect(&m_timer, &QTimer::timeout, this, &Channel::tick);
}

qint64 Channel::sequenceOf(const QString &eventId) const
{
    if (!eventId.startsWith(m_idPrefix))
        return -1;
    bool ok = false;
    const qint64 sequence = QStringView(eventId).mid(m_idPrefix.size()).toLongLong(&ok);
    return ok && sequence >= 0 ? sequence : -1;
}

bool Channel::hasNothingAfter(const QString &lastEventId) const
{
    return m_finished && sequenceOf(lastEventId) >= m_lastSequence;
}

void Channel::subscribe(StreamClient *client, const QString &lastEventId)
{
    // Connected first: a client can go (fault injection, a full buffer) while the replay is written.
    connect(client, &StreamClient::gone, this, [this](StreamClient *gone) {
        m_clients.removeOne(gone);
        gone->deleteLater();
        if (m_clients.isEmpty())
            m_lastClientLeftMs = QDateTime::currentMSecsSinceEpoch();
    });
    const qint64 seen = sequenceOf(lastEventId);
    if (seen >= 0 && seen < m_lastSequence) {
        if (seen + 1 < m_firstInRing) {
            client->sendComment(
                m_formatter.comment(QStringLiteral("%1 events were older than the replay buffer and are lost")
                                        .arg(m_firstInRing - seen - 1)));
        }
        for (qint64 sequence = qMax(seen + 1, m_firstInRing); sequence <= m_lastSequence; ++sequence)
            client->sendEvent(m_ring[std::size_t(sequence - m_firstInRing)]);
    }
    if (m_finished) {
        client->end();
        return;
    }
    if (!client->isOpen())
        return;
    m_clients.append(client);
    if (!m_timer.isActive()) {
        m_timer.start();
        tick(); // a new feed says something at once
    }
}

void Channel::sendComment(const QByteArray &comment)
{
    const QList<StreamClient *> clients = m_clients;
    for (StreamClient *client : clients)
        client->sendComment(comment);
}

void Channel::tick()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_clients.isEmpty() && now - m_lastClientLeftMs > m_lingerMs) {
        m_timer.stop(); // nobody left to resume: pause until the next client
        return;
    }
    m_batch.clear();
    m_generator->advance(now, m_batch);
    for (SseEvent &event : m_batch) {
        event.id = m_idPrefix + QString::number(++m_lastSequence);
        m_ring.push_back(m_formatter.event(event));
        if (qsizetype(m_ring.size()) > m_ringCapacity) {
            m_ring.pop_front();
            ++m_firstInRing;
        }
        const QByteArray &bytes = m_ring.back();
        const QList<StreamClient *> clients = m_clients; // a client may go while it is written to
        for (StreamClient *client : clients)
            client->sendEvent(bytes);
    }
    if (m_generator->finished()) {
        m_finished = true;
        m_timer.stop();
        const QList<StreamClient *> clients = m_clients;
        for (StreamClient *client : clients)
            client->end();
    }
}
