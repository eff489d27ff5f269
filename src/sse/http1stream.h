// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpstream.h"

#include <memory>

class QSslError;
class QTcpSocket;
class Inflater;

// One HTTP/1.1 request and its response, read as a stream over a connection of its own (plain or TLS).
// EventSource uses it rather than QNetworkAccessManager, whose HTTP/1 stack shares six connections per
// origin between all requests, and which sends a request again by itself when a server answers and closes
// the connection at once (seen with bodies that end at the close: the server then serves a request the
// client never made, without its Last-Event-ID). Here a request is sent exactly once, a response ends when
// its framing says so (its length, its last chunk, or the close), and reconnecting is the caller's call.
// Over TLS it offers HTTP/2 as well; a server that takes it gets no request here (WantsHttp2), and the
// caller asks again with an Http2Stream, where many streams share one connection.
class Http1Stream : public HttpStream
{
    Q_OBJECT

public:
    explicit Http1Stream(QObject *parent = nullptr);
    ~Http1Stream() override;

    void start(const Request &request) override;

    qint64 read(char *data, qint64 maxSize) override;
    qint64 bytesAvailable() const override { return m_body.size() - m_bodyRead; }

private:
    enum class Stage {
        Connecting,
        Head,
        ChunkSize,
        ChunkData,
        ChunkEnd,
        Trailers,
        LengthBody,
        CloseBody,
        Done
    };

    void sendRequest();
    void pump(bool emitSignals);
    bool step(); // one unit of parsing; false when it needs more bytes or room
    bool readHeadLine();
    bool endHead();
    bool takeLine(QByteArray &line);
    bool takeBody(qint64 limit);
    bool takeCounted(Stage next);
    qsizetype room() const;
    void handleDisconnected();
    void handleSocketError();
    void handleSslErrors(const QList<QSslError> &errors);
    void fail(Error error, const QString &message);
    void finish();

    Request m_request;
    QTcpSocket *m_socket = nullptr;
    Stage m_stage = Stage::Connecting;
    bool m_peerClosed = false;
    bool m_finished = false;
    bool m_finishQueued = false;
    bool m_pumping = false;
    QString m_tlsProblems;
    qsizetype m_headBytes = 0;
    qint64 m_remaining = 0; // of the current chunk, or of a body with a Content-Length

    std::unique_ptr<Inflater> m_inflater; // for Content-Encoding gzip or deflate
    QByteArray m_compressed;              // what the socket gave last, on its way to the inflater
    QByteArray m_body;                    // decoded bytes; those before m_bodyRead are taken
    qsizetype m_bodyRead = 0;
};
