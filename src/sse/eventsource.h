// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpstream.h"
#include "retrypolicy.h"
#include "sseerror.h"
#include "sseevent.h"
#include "sseeventdecoder.h"
#include "sseparser.h"
#include "sserequest.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;

// A Server-Sent Events client: the browser's EventSource plus any method and body, custom headers, backoff
// with jitter, idle timeout, size limits and fail-closed TLS. Over HTTP/1.1 each connection is an
// Http1Stream of its own (so any number of sources stream from one origin at once, and nothing but this
// class ever sends a request again); an origin that chooses HTTP/2 during the TLS handshake is streamed
// from with Http2Stream, over one multiplexed connection. It reads on readyRead and emits one signal per
// event.
class EventSource : public QObject, private SseParserSink
{
    Q_OBJECT
    Q_PROPERTY(ReadyState readyState READ readyState NOTIFY readyStateChanged)

public:
    enum class ReadyState { Connecting, Open, Closed };
    Q_ENUM(ReadyState)

    // Streams to origins that chose HTTP/2 go through `http2Network`, which FeedHub shares between its
    // feeds so that they multiplex over one connection; without one the source makes its own when needed.
    explicit EventSource(QNetworkAccessManager *http2Network = nullptr, QObject *parent = nullptr);
    ~EventSource() override;

    void setRequest(const SseRequest &request); // used from the next open()
    const SseRequest &request() const { return m_request; }

    ReadyState readyState() const { return m_state; }
    QString lastEventId() const { return m_parser.lastEventId(); }
    void setLastEventId(const QString &id) { m_parser.setLastEventId(id); } // resume: sent as Last-Event-ID
    int reconnectionTimeMs() const { return m_retry.reconnectionTimeMs(); }
    qint64 bytesReceived() const { return m_bytesReceived; }
    qint64 bytesWaiting() const
    {
        return m_stream ? m_stream->bytesAvailable() : 0;
    } // received, not yet read
    // Flow control for a consumer that falls behind: while paused the source reads nothing, the stream
    // stops taking bytes from the socket once HttpStream::BufferBytes wait in it, and TCP slows the server
    // down. Memory stays bounded whatever the server sends; the idle timeout does not run while paused.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    static constexpr int MaxRedirects = 20;

public Q_SLOTS:
    void open();
    void close(); // stops everything at once: no more signals but readyStateChanged() and closed()

Q_SIGNALS:
    void opened();
    void eventReceived(const SseEvent &event);
    // The same event undecoded, for consumers that pass bytes on (a capture to a file): its views are valid
    // only during the call, so connect directly, on the source's thread. Events are decoded into
    // SseEvents only while eventReceived() has a receiver.
    void eventBytesReceived(const SseEventView &event);
    void commentReceived(const QString &comment);
    // Every error, transient (a reconnect follows) or permanent (closed() follows); see SseError::permanent.
    void errorOccurred(const SseError &error);
    void reconnectScheduled(int delayMs, int attempt);
    void readyStateChanged();
    void closed();

private:
    bool eventParsed(const SseEventView &event) override;
    bool commentParsed(QByteArrayView comment) override;
    bool retryParsed(int milliseconds) override;
    bool limitExceeded(const QString &message) override;

    void connectNow();
    void startStream();
    void handleResponseHead();
    void handleReadyRead();
    void readAvailable();
    void restartIdleTimer();
    void handleFinished();
    void handleIdleTimeout();

    void acceptStatus(int status);
    void followRedirect(int status);
    void retryLater(SseError error);
    void fail(SseError error);
    void setReadyState(ReadyState state);
    void releaseStream();
    // Static, so nothing is read through `this` (which a receiver may have deleted) before `self` is
    // checked: as a member, the compiler may load the fields first, since `this` is assumed valid there.
    static bool isCurrent(const QPointer<EventSource> &self, const HttpStream *stream);

    QPointer<QNetworkAccessManager> m_http2Network;
    bool m_useHttp2 = false; // the origin chose HTTP/2 when this source last asked
    QPointer<HttpStream> m_stream;
    HttpStream::Request m_target; // the request as sent: the subscription's, or where redirects led
    int m_redirects = 0;
    SseRequest m_request;
    SseParser m_parser;
    SseEventDecoder m_decoder;
    RetryPolicy m_retry;
    QTimer m_reconnectTimer;
    QTimer m_idleTimer;
    ReadyState m_state = ReadyState::Closed;
    bool m_streaming = false; // the current response was accepted: 200 and text/event-stream
    bool m_healthy = false;   // the current connection delivered an event; backoff has been reset
    bool m_paused = false;
    QByteArray m_readBuffer;
    qint64 m_bytesReceived = 0;
};
