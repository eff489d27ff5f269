// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventsource.h"

#include "displayurl.h"
#include "http1stream.h"
#include "http2stream.h"
#include "utf8decoder.h"

#include <QMetaMethod>
#include <QNetworkAccessManager>

namespace {

constexpr qsizetype ReadChunkSize = 64 * 1024;

bool isEventStream(const QByteArray &contentType)
{
    const qsizetype parameters = contentType.indexOf(';');
    const QByteArray mime = (parameters < 0 ? contentType : contentType.left(parameters)).trimmed().toLower();
    return mime == "text/event-stream";
}

QString statusText(int status, const QByteArray &reason)
{
    QString text = QString::number(status);
    if (!reason.isEmpty())
        text += QLatin1Char(' ') + QString::fromLatin1(reason);
    return text;
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

} // namespace

EventSource::EventSource(QNetworkAccessManager *http2Network, QObject *parent)
    : QObject(parent)
    , m_http2Network(http2Network)
    , m_parser(this)
{
    qRegisterMetaType<SseEvent>();
    qRegisterMetaType<SseError>();
    m_reconnectTimer.setSingleShot(true);
    m_reconnectTimer.setTimerType(Qt::PreciseTimer); // retry: is a promise to the server, not a hint
    m_idleTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &EventSource::connectNow);
    connect(&m_idleTimer, &QTimer::timeout, this, &EventSource::handleIdleTimeout);
}

EventSource::~EventSource()
{
    releaseStream();
}

void EventSource::setRequest(const SseRequest &request)
{
    m_request = request;
    m_retry = RetryPolicy(request.retry);
    m_parser.setMaxLineSize(request.maxLineSize);
    m_parser.setMaxEventSize(request.maxEventSize);
}

void EventSource::open()
{
    if (m_state != ReadyState::Closed)
        return;
    m_retry.reset();
    setReadyState(ReadyState::Connecting);
    connectNow();
}

void EventSource::close()
{
    m_reconnectTimer.stop();
    m_idleTimer.stop();
    releaseStream();
    if (m_state == ReadyState::Closed)
        return;
    const QPointer<EventSource> self(this);
    setReadyState(ReadyState::Closed);
    if (self)
        Q_EMIT closed();
}

void EventSource::connectNow()
{
    const QString problem = m_request.problem();
    if (!problem.isEmpty()) {
        fail({SseError::Kind::Request, problem});
        return;
    }
    m_target = {m_request.url, m_request.method, {}, m_request.body, m_request.allowInsecureTls};
    m_target.headers = {{"Accept", "text/event-stream"}, {"Cache-Control", "no-cache"}};
    const QString lastId = m_parser.lastEventId();
    if (!lastId.isEmpty())
        m_target.headers.append({"Last-Event-ID", lastId.toUtf8()});
    m_target.headers += m_request.headers;
    m_redirects = 0;
    m_parser.restart();
    startStream();
}

void EventSource::startStream()
{
    m_streaming = false;
    m_healthy = false;
    if (m_useHttp2 && !m_http2Network)
        m_http2Network = new QNetworkAccessManager(this);
    HttpStream *stream =
        m_useHttp2 ? static_cast<HttpStream *>(new Http2Stream(m_http2Network, this)) : new Http1Stream(this);
    m_stream = stream;
    connect(stream, &HttpStream::headReceived, this, &EventSource::handleResponseHead);
    connect(stream, &HttpStream::readyRead, this, &EventSource::handleReadyRead);
    connect(stream, &HttpStream::finished, this, &EventSource::handleFinished);
    stream->start(m_target);
    restartIdleTimer();
}

void EventSource::handleResponseHead()
{
    if (!m_stream || m_streaming)
        return;
    const int status = m_stream->status();
    if (isRedirect(status))
        followRedirect(status);
    else
        acceptStatus(status);
}

void EventSource::followRedirect(int status)
{
    const QByteArray location = m_stream->header("Location");
    if (location.isEmpty()) {
        fail({SseError::Kind::HttpStatus,
              QStringLiteral("server answered %1 without a Location to follow").arg(status), status});
        return;
    }
    const QUrl target = m_target.url.resolved(QUrl::fromEncoded(location));
    QString refusal;
    if (++m_redirects > MaxRedirects)
        refusal = QStringLiteral("more than %1 redirects").arg(MaxRedirects);
    else if (target.scheme() != QLatin1String("http") && target.scheme() != QLatin1String("https"))
        refusal = QStringLiteral("a redirect to '%1' leads away from HTTP").arg(displayUrl(target));
    else if (m_target.url.scheme() == QLatin1String("https") && target.scheme() != QLatin1String("https"))
        refusal = QStringLiteral("a redirect from https to '%1' would drop TLS").arg(displayUrl(target));
    if (!refusal.isEmpty()) {
        fail({SseError::Kind::Request, refusal + QStringLiteral("; not following it"), status});
        return;
    }
    // As browsers do: 303, and 301 or 302 after a POST, turn into a GET without the body.
    if (status == 303 || ((status == 301 || status == 302) && m_target.method == "POST")) {
        m_target.method = "GET";
        m_target.body.clear();
    }
    m_target.url = target;
    releaseStream();
    startStream();
}

void EventSource::acceptStatus(int status)
{
    const QString statusLine = statusText(status, m_stream->reason());
    if (status == 200) {
        const QByteArray contentType = m_stream->header("Content-Type");
        if (!isEventStream(contentType)) {
            fail({SseError::Kind::ContentType,
                  contentType.isEmpty()
                      ? QStringLiteral("response has no Content-Type; expected text/event-stream")
                      : QStringLiteral("expected Content-Type text/event-stream but the server sent '%1'")
                            .arg(QString::fromLatin1(contentType)),
                  status});
            return;
        }
        m_streaming = true;
        restartIdleTimer();
        const QPointer<EventSource> self(this);
        setReadyState(ReadyState::Open);
        if (self)
            Q_EMIT opened();
        return;
    }
    if (status == 204) {
        // The server's way of saying "do not reconnect": a normal end, not an error.
        close();
        return;
    }
    if (status >= 500 || status == 429) {
        const int retryAfter =
            RetryPolicy::parseRetryAfterMs(m_stream->header("Retry-After"), QDateTime::currentDateTimeUtc());
        if (retryAfter >= 0)
            m_retry.setRetryAfter(retryAfter);
        releaseStream();
        retryLater(
            {SseError::Kind::HttpStatus, QStringLiteral("server answered %1").arg(statusLine), status});
        return;
    }
    fail({SseError::Kind::HttpStatus, QStringLiteral("server answered %1; not retrying").arg(statusLine),
          status});
}

void EventSource::handleReadyRead()
{
    if (!m_stream || !m_streaming || m_paused)
        return; // while paused the bytes wait in the stream, which stops reading the socket when full
    restartIdleTimer();
    readAvailable();
}

void EventSource::readAvailable()
{
    if (m_readBuffer.size() < ReadChunkSize)
        m_readBuffer.resize(ReadChunkSize);
    HttpStream *const stream = m_stream;
    for (;;) {
        const qint64 count = stream->read(m_readBuffer.data(), m_readBuffer.size());
        if (count <= 0)
            return;
        m_bytesReceived += count;
        // false: a receiver closed or destroyed this source while handling an event; touch nothing more.
        if (!m_parser.feed(QByteArrayView(m_readBuffer.constData(), count)))
            return;
    }
}

void EventSource::restartIdleTimer()
{
    if (m_request.idleTimeoutMs > 0 && !m_paused)
        m_idleTimer.start(m_request.idleTimeoutMs);
}

void EventSource::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (paused) {
        m_idleTimer.stop(); // the silence is ours, not the server's
        return;
    }
    if (m_stream && m_streaming) {
        restartIdleTimer();
        // What arrived meanwhile, read from the event loop rather than inside the caller.
        QMetaObject::invokeMethod(this, &EventSource::handleReadyRead, Qt::QueuedConnection);
    }
}

void EventSource::handleFinished()
{
    HttpStream *const stream = m_stream;
    if (!stream)
        return;
    if (m_streaming)
        readAvailable(); // the rest of the stream, paused or not: at most HttpStream::BufferBytes
    if (m_stream != stream)
        return;

    const HttpStream::Error error = stream->error();
    const QString reason = stream->errorString();
    releaseStream();
    switch (error) {
    case HttpStream::Error::WantsHttp2: // nothing was sent yet: ask again, now over HTTP/2
        m_useHttp2 = true;
        startStream();
        break;
    case HttpStream::Error::Tls:
        fail({SseError::Kind::Tls,
              QStringLiteral("TLS failure for %1: %2; the connection was refused (allow insecure "
                             "TLS for this subscription only if you trust it)")
                  .arg(m_target.url.host(), reason)});
        break;
    case HttpStream::Error::Protocol:
        retryLater({SseError::Kind::Protocol,
                    QStringLiteral("the server's HTTP response is malformed: %1").arg(reason)});
        break;
    case HttpStream::Error::Connect:
        retryLater({SseError::Kind::Network, QStringLiteral("cannot connect: %1").arg(reason)});
        break;
    case HttpStream::Error::Lost:
        retryLater({SseError::Kind::Network, m_streaming ? QStringLiteral("connection lost: %1").arg(reason)
                                                         : QStringLiteral("cannot connect: %1").arg(reason)});
        break;
    case HttpStream::Error::None:
        retryLater({SseError::Kind::Network, QStringLiteral("the server ended the stream")});
        break;
    }
}

void EventSource::handleIdleTimeout()
{
    if (!m_stream)
        return;
    releaseStream();
    retryLater(
        {SseError::Kind::Timeout,
         QStringLiteral("nothing received for %1 ms, not even a heartbeat").arg(m_request.idleTimeoutMs)});
}

void EventSource::retryLater(SseError error)
{
    m_idleTimer.stop();
    const int delay = m_retry.nextDelayMs();
    if (delay < 0) {
        error.message += m_retry.settings().maxAttempts == RetrySettings::NoReconnect
                             ? QStringLiteral("; reconnecting is turned off")
                             : QStringLiteral("; gave up after %1 attempts").arg(m_retry.attempts());
        fail(error);
        return;
    }
    error.permanent = false;
    const QPointer<EventSource> self(this);
    setReadyState(ReadyState::Connecting);
    if (!self)
        return;
    Q_EMIT errorOccurred(error);
    if (!self || m_state != ReadyState::Connecting)
        return;
    m_reconnectTimer.start(delay);
    Q_EMIT reconnectScheduled(delay, m_retry.attempts());
}

void EventSource::fail(SseError error)
{
    m_reconnectTimer.stop();
    m_idleTimer.stop();
    releaseStream();
    error.permanent = true;
    const bool wasClosed = m_state == ReadyState::Closed;
    const QPointer<EventSource> self(this);
    setReadyState(ReadyState::Closed);
    if (!self)
        return;
    Q_EMIT errorOccurred(error);
    if (self && !wasClosed)
        Q_EMIT closed();
}

void EventSource::setReadyState(ReadyState state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT readyStateChanged();
}

void EventSource::releaseStream()
{
    HttpStream *stream = m_stream;
    if (!stream)
        return;
    m_stream = nullptr;
    disconnect(stream, nullptr, this, nullptr);
    stream->deleteLater(); // its connection closes with it; deleted later, since this may be its signal
}

bool EventSource::isCurrent(const QPointer<EventSource> &self, const HttpStream *stream)
{
    return self && self->m_stream == stream && self->m_state == ReadyState::Open;
}

bool EventSource::eventParsed(const SseEventView &event)
{
    static const QMetaMethod decodedSignal = QMetaMethod::fromSignal(&EventSource::eventReceived);
    static const QMetaMethod bytesSignal = QMetaMethod::fromSignal(&EventSource::eventBytesReceived);
    if (!m_healthy) {
        m_healthy = true;
        m_retry.reset();
    }
    const QPointer<EventSource> self(this);
    const HttpStream *stream = m_stream;
    if (isSignalConnected(bytesSignal)) {
        Q_EMIT eventBytesReceived(event);
        if (!isCurrent(self, stream))
            return false;
    }
    if (isSignalConnected(decodedSignal))
        Q_EMIT eventReceived(m_decoder.decode(event));
    return isCurrent(self, stream);
}

bool EventSource::commentParsed(QByteArrayView comment)
{
    const QPointer<EventSource> self(this);
    const HttpStream *stream = m_stream;
    Q_EMIT commentReceived(decodeUtf8(comment.data(), comment.size()));
    return isCurrent(self, stream);
}

bool EventSource::retryParsed(int milliseconds)
{
    m_retry.setServerRetry(milliseconds);
    return true;
}

bool EventSource::limitExceeded(const QString &message)
{
    const QPointer<EventSource> self(this);
    const HttpStream *stream = m_stream;
    Q_EMIT errorOccurred({SseError::Kind::Limit, message});
    return isCurrent(self, stream);
}
