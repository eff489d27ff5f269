// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedgenerator.h"
#include "sseformat.h"

#include <QList>
#include <QObject>
#include <QTimer>
#include <deque>
#include <memory>

class StreamClient;

// One live feed shared by all its clients: numbers each generated event (IDs `<prefix><n>`, n = 1, 2, …
// with no gaps), serializes it once, sends it to every client and keeps the last ones in a ring buffer,
// so a client that reconnects with Last-Event-ID gets exactly what it missed.
class Channel : public QObject
{
    Q_OBJECT

public:
    Channel(const QString &idPrefix, std::unique_ptr<FeedGenerator> generator, int ringCapacity, int lingerMs,
            QObject *parent = nullptr);

    // Replays what the client missed after lastEventId (all of the ring when empty: nothing), then goes live.
    void subscribe(StreamClient *client, const QString &lastEventId);
    // A finished feed whose client already has everything: the server answers 204 instead of a stream.
    bool hasNothingAfter(const QString &lastEventId) const;
    bool isFinished() const { return m_finished; }
    qint64 lastSequence() const { return m_lastSequence; }
    // No clients and nothing generated for the linger time: the server may let it go.
    bool isIdle() const { return m_clients.isEmpty() && !m_timer.isActive(); }
    void sendComment(const QByteArray &comment);

private:
    void tick();
    qint64 sequenceOf(const QString &eventId) const; // -1: not an ID of this channel

    QString m_idPrefix;
    std::unique_ptr<FeedGenerator> m_generator;
    SseFormatter m_formatter;
    std::deque<QByteArray> m_ring; // serialized events m_firstInRing, m_firstInRing + 1, …
    qint64 m_firstInRing = 1;
    qint64 m_lastSequence = 0;
    int m_ringCapacity;
    int m_lingerMs;
    qint64 m_lastClientLeftMs = 0;
    bool m_finished = false;
    QList<StreamClient *> m_clients;
    QTimer m_timer;
    QList<SseEvent> m_batch; // reused by every tick
};
