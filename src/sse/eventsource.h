#pragma once

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
class QNetworkReply;
class QSslError;

// A Server-Sent Events client over QNetworkReply: the browser's EventSource plus any method and body,
// custom headers, backoff with jitter, idle timeout, size limits and fail-closed TLS.
// It streams (reads on readyRead, never waits for the reply to finish) and emits one signal per event.
class EventSource : public QObject, private SseParserSink
{
    Q_OBJECT
    Q_PROPERTY(ReadyState readyState READ readyState NOTIFY readyStateChanged)

public:
    enum class ReadyState { Connecting, Open, Closed };
    Q_ENUM(ReadyState)

    // With no network manager given the source makes its own; a FeedHub passes the one of its thread.
    explicit EventSource(QNetworkAccessManager *network = nullptr, QObject *parent = nullptr);
    ~EventSource() override;

    void setRequest(const SseRequest &request); // used from the next open()
    const SseRequest &request() const { return m_request; }

    ReadyState readyState() const { return m_state; }
    QString lastEventId() const { return m_parser.lastEventId(); }
    void setLastEventId(const QString &id) { m_parser.setLastEventId(id); } // resume: sent as Last-Event-ID
    int reconnectionTimeMs() const { return m_retry.reconnectionTimeMs(); }
    qint64 bytesReceived() const { return m_bytesReceived; }
    // Flow control for a consumer that falls behind: while paused the source reads nothing, the reply
    // stops taking bytes from the socket once ReplyBufferBytes wait in it, and TCP slows the server down.
    // Memory stays bounded whatever the server sends; the idle timeout does not run while paused.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    static constexpr qint64 ReplyBufferBytes = 1024 * 1024;

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
    void handleResponseHead();
    void handleReadyRead();
    void readAvailable();
    void restartIdleTimer();
    void handleFinished();
    void handleSslErrors(const QList<QSslError> &errors);
    void handleIdleTimeout();

    void acceptStatus(int status);
    void retryLater(SseError error);
    void fail(SseError error);
    void setReadyState(ReadyState state);
    void releaseReply();
    bool isCurrent(const QPointer<EventSource> &self, const QNetworkReply *reply) const;

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
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
    QString m_tlsProblems;
    QByteArray m_readBuffer;
    qint64 m_bytesReceived = 0;
};
