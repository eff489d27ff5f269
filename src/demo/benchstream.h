// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sseformat.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QTcpSocket;

// GET /bench: `count` events of `size` data bytes, written as fast as the socket drains (or at `rate`
// events a second, for bursts of a known size), then closed. It keeps only a bounded amount queued, so a
// million events cost no more memory than ten.
class BenchStream : public QObject
{
    Q_OBJECT

public:
    struct Shape
    {
        qint64 count = 100000;
        int size = 64;
        double rate = 0; // events a second; 0: as fast as the socket takes them
    };

    BenchStream(QTcpSocket *socket, const Shape &shape, qint64 firstId, int retryMs,
                QObject *parent = nullptr);

private:
    void fill();
    qint64 due() const; // the last id the rate allows by now

    QPointer<QTcpSocket> m_socket;
    SseFormatter m_formatter;
    SseEvent m_event;
    qint64 m_first;
    qint64 m_next;
    qint64 m_count;
    double m_rate;
    QElapsedTimer m_clock;
    QTimer m_pace;
    bool m_ended = false;
};
