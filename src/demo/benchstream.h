#pragma once

#include "sseformat.h"

#include <QObject>
#include <QPointer>

class QTcpSocket;

// GET /bench: `count` events of `size` data bytes, written as fast as the socket drains, then closed.
// It keeps only a bounded amount queued, so a million events cost no more memory than ten.
class BenchStream : public QObject
{
    Q_OBJECT

public:
    BenchStream(QTcpSocket *socket, qint64 count, int size, qint64 firstId, int retryMs,
                QObject *parent = nullptr);

private:
    void fill();

    QPointer<QTcpSocket> m_socket;
    SseFormatter m_formatter;
    SseEvent m_event;
    qint64 m_next;
    qint64 m_count;
    bool m_ended = false;
};
