// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

class QSslError;

// One HTTP request and its response, read as a stream: what EventSource needs of a transport. Http1Stream
// speaks HTTP/1.1 over a connection of its own; Http2Stream multiplexes over a QNetworkAccessManager's
// HTTP/2 connection, for origins that offer HTTP/2 when TLS is negotiated.
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
        Connect,    // no connection: refused, unreachable, unknown host
        Lost,       // the connection ended before the response did
        Tls,        // certificate or handshake failure
        Protocol,   // what came back is not an HTTP response
        WantsHttp2, // TLS chose HTTP/2 before anything was sent: ask again with Http2Stream
    };

    // Decoded body bytes waiting to be read at most; no more is read from the connection until they are
    // taken, so a reader that falls behind slows the server down instead of growing memory.
    static constexpr qsizetype BufferBytes = 1024 * 1024;

    using QObject::QObject;

    virtual void start(const Request &request) = 0; // once per object
    // Body bytes with the transfer and content codings (chunked, gzip, deflate) removed.
    virtual qint64 read(char *data, qint64 maxSize) = 0;
    virtual qint64 bytesAvailable() const = 0;

    int status() const { return m_status; }
    QByteArray reason() const { return m_reason; }
    QByteArray header(QByteArrayView name) const; // the first value, name in any case; empty when absent
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }

Q_SIGNALS:
    void headReceived(); // status and headers are known; an interim 1xx response is skipped
    void readyRead();    // body bytes wait
    void finished();     // the response ended: completely when error() is None

protected:
    static QString describe(const QList<QSslError> &errors); // "one; another", for the TLS error's message

    int m_status = 0;
    QByteArray m_reason;
    Headers m_headers;
    Error m_error = Error::None;
    QString m_errorString;
};
