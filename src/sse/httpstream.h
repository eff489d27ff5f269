#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>
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
class HttpStream : public QObject
{
    Q_OBJECT

public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    struct Request
    {
        QUrl url; // http or https
        QByteArray method = "GET";
        Headers headers; // sent after the defaults, replacing any of the same name
        QByteArray body; // sent with its Content-Length when not empty
        bool allowInsecureTls = false;
    };

    enum class Error {
        None,
        Connect,  // no connection: refused, unreachable, unknown host
        Lost,     // the connection ended before the response did
        Tls,      // certificate or handshake failure
        Protocol, // what came back is not an HTTP/1.x response
    };

    // Decoded body bytes waiting to be read at most; no more is read from the socket until they are taken,
    // so a reader that falls behind slows the server down through TCP instead of growing memory.
    static constexpr qsizetype BufferBytes = 1024 * 1024;

    explicit HttpStream(QObject *parent = nullptr);
    ~HttpStream() override;

    void start(const Request &request); // once per object

    int status() const { return m_status; }
    QByteArray reason() const { return m_reason; }
    QByteArray header(QByteArrayView name) const; // the first value, name in any case; empty when absent

    // Body bytes with the transfer and content codings (chunked, gzip, deflate) removed.
    qint64 read(char *data, qint64 maxSize);
    qint64 bytesAvailable() const { return m_body.size() - m_bodyRead; }
    bool isFinished() const { return m_finished; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }

Q_SIGNALS:
    void headReceived(); // status and headers are known; an interim 1xx response is skipped
    void readyRead();    // body bytes wait
    void finished();     // the response ended: completely when error() is None

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
    Error m_error = Error::None;
    QString m_errorString;
    QString m_tlsProblems;

    int m_status = 0;
    QByteArray m_reason;
    Headers m_headers;
    qsizetype m_headBytes = 0;
    qint64 m_remaining = 0; // of the current chunk, or of a body with a Content-Length

    std::unique_ptr<Inflater> m_inflater; // for Content-Encoding gzip or deflate
    QByteArray m_compressed;              // what the socket gave last, on its way to the inflater
    QByteArray m_body;                    // decoded bytes; those before m_bodyRead are taken
    qsizetype m_bodyRead = 0;
};
