// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class QTcpSocket;

// One client's open event stream: writes what its channel sends, applies the fault injection it asked
// for (drop_after, stall_after), and cuts off a client too slow to keep up (it can resume by Last-Event-ID).
class StreamClient : public QObject
{
    Q_OBJECT

public:
    struct Faults
    {
        qint64 dropAfter = 0;   // close the connection after this many events; 0 = never
        qint64 stallAfter = -1; // stop sending anything, heartbeats included, after this many; -1 = never
    };

    StreamClient(QTcpSocket *socket, const Faults &faults, QObject *parent = nullptr);
    ~StreamClient() override;

    // The response head and the stream's opening `retry:` line.
    void start(int retryMs);
    void sendEvent(const QByteArray &bytes);
    void sendComment(const QByteArray &bytes);
    void end(); // the stream is over: flush and close
    bool isOpen() const;

Q_SIGNALS:
    void gone(StreamClient *client);

private:
    void write(const QByteArray &bytes);

    QPointer<QTcpSocket> m_socket;
    Faults m_faults;
    qint64 m_sent = 0;
    bool m_stalled = false;
    bool m_ending = false;
};
