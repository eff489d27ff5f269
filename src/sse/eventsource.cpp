#include "eventsource.h"

#include "utf8decoder.h"

#include <QMetaMethod>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#if QT_CONFIG(ssl)
#include <QSslError>
#endif

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

// Errors that another attempt cannot mend: the request itself is wrong.
bool isRequestFailure(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError:
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return true;
    default:
        return false;
    }
}

} // namespace

EventSource::EventSource(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network ? network : new QNetworkAccessManager(this))
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
    releaseReply();
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
    releaseReply();
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

    QNetworkRequest request(m_request.url);
    request.setRawHeader("Accept", "text/event-stream");
    request.setRawHeader("Cache-Control", "no-cache");
    const QString lastId = m_parser.lastEventId();
    if (!lastId.isEmpty())
        request.setRawHeader("Last-Event-ID", lastId.toUtf8());
    for (const auto &[name, value] : m_request.headers)
        request.setRawHeader(name, value);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);

    m_parser.restart();
    m_streaming = false;
    m_healthy = false;
    m_tlsProblems.clear();

    QNetworkReply *reply = m_request.body.isEmpty() && m_request.method == "GET"
                               ? m_network->get(request)
                               : m_network->sendCustomRequest(request, m_request.method, m_request.body);
    m_reply = reply;
    reply->setReadBufferSize(ReplyBufferBytes);
    connect(reply, &QNetworkReply::metaDataChanged, this, &EventSource::handleResponseHead);
    connect(reply, &QNetworkReply::readyRead, this, &EventSource::handleReadyRead);
    connect(reply, &QNetworkReply::finished, this, &EventSource::handleFinished);
#if QT_CONFIG(ssl)
    connect(reply, &QNetworkReply::sslErrors, this, &EventSource::handleSslErrors);
#endif
    restartIdleTimer();
}

void EventSource::handleResponseHead()
{
    if (!m_reply || m_streaming)
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    acceptStatus(status.toInt());
}

void EventSource::acceptStatus(int status)
{
    if (status >= 300 && status < 400)
        return; // QNetworkAccessManager follows it; handleFinished() reports one it could not follow

    const QString statusLine =
        statusText(status, m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
    if (status == 200) {
        const QByteArray contentType = m_reply->rawHeader("Content-Type");
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
        const int retryAfter = RetryPolicy::parseRetryAfterMs(m_reply->rawHeader("Retry-After"),
                                                              QDateTime::currentDateTimeUtc());
        if (retryAfter >= 0)
            m_retry.setRetryAfter(retryAfter);
        releaseReply();
        retryLater(
            {SseError::Kind::HttpStatus, QStringLiteral("server answered %1").arg(statusLine), status});
        return;
    }
    fail({SseError::Kind::HttpStatus, QStringLiteral("server answered %1; not retrying").arg(statusLine),
          status});
}

void EventSource::handleReadyRead()
{
    if (!m_reply)
        return;
    if (!m_streaming) {
        handleResponseHead();
        if (!m_reply || !m_streaming)
            return;
    }
    if (m_paused)
        return; // the bytes wait in the reply, which stops reading from the socket when its buffer is full
    restartIdleTimer();
    readAvailable();
}

void EventSource::readAvailable()
{
    if (m_readBuffer.size() < ReadChunkSize)
        m_readBuffer.resize(ReadChunkSize);
    QNetworkReply *const reply = m_reply;
    for (;;) {
        const qint64 count = reply->read(m_readBuffer.data(), m_readBuffer.size());
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
    if (m_reply && m_streaming) {
        restartIdleTimer();
        // What arrived meanwhile, read from the event loop rather than inside the caller.
        QMetaObject::invokeMethod(this, &EventSource::handleReadyRead, Qt::QueuedConnection);
    }
}

void EventSource::handleFinished()
{
    QNetworkReply *const reply = m_reply;
    if (!reply)
        return;
    const QNetworkReply::NetworkError code = reply->error();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);

    const bool redirect = status.toInt() >= 300 && status.toInt() < 400;
    if (!m_streaming && status.isValid() && !redirect) {
        acceptStatus(status.toInt());
        if (!m_reply || !m_streaming)
            return;
    }
    if (m_streaming)
        readAvailable(); // the rest of the stream, paused or not: at most ReplyBufferBytes
    if (m_reply != reply)
        return;

    const QString reason = reply->errorString();
    releaseReply();
    if (!m_tlsProblems.isEmpty() || code == QNetworkReply::SslHandshakeFailedError) {
        fail({SseError::Kind::Tls,
              QStringLiteral("TLS failure for %1: %2; the connection was refused (allow insecure "
                             "TLS for this subscription only if you trust it)")
                  .arg(m_request.url.host(), m_tlsProblems.isEmpty() ? reason : m_tlsProblems)});
    } else if (isRequestFailure(code)) {
        fail({SseError::Kind::Request, reason});
    } else if (redirect && code == QNetworkReply::NoError) {
        fail({SseError::Kind::HttpStatus,
              QStringLiteral("server answered %1 without a Location to follow").arg(status.toInt()),
              status.toInt()});
    } else if (code == QNetworkReply::ProtocolFailure) {
        retryLater({SseError::Kind::Protocol,
                    QStringLiteral("the server's HTTP response is malformed: %1").arg(reason)});
    } else if (!m_streaming) {
        retryLater({SseError::Kind::Network, QStringLiteral("cannot connect: %1").arg(reason)});
    } else if (code == QNetworkReply::NoError) {
        retryLater({SseError::Kind::Network, QStringLiteral("the server ended the stream")});
    } else {
        retryLater({SseError::Kind::Network, QStringLiteral("connection lost: %1").arg(reason)});
    }
}

void EventSource::handleSslErrors(const QList<QSslError> &errors)
{
#if QT_CONFIG(ssl)
    if (m_request.allowInsecureTls) {
        if (m_reply)
            m_reply->ignoreSslErrors(errors);
        return;
    }
    QStringList texts;
    for (const QSslError &error : errors)
        texts << error.errorString();
    m_tlsProblems = texts.join(QStringLiteral("; "));
#else
    Q_UNUSED(errors);
#endif
}

void EventSource::handleIdleTimeout()
{
    if (!m_reply)
        return;
    releaseReply();
    retryLater(
        {SseError::Kind::Timeout,
         QStringLiteral("nothing received for %1 ms, not even a heartbeat").arg(m_request.idleTimeoutMs)});
}

void EventSource::retryLater(SseError error)
{
    m_idleTimer.stop();
    const int delay = m_retry.nextDelayMs();
    if (delay < 0) {
        error.message += QStringLiteral("; gave up after %1 attempts").arg(m_retry.attempts());
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
    releaseReply();
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

void EventSource::releaseReply()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    disconnect(reply, nullptr, this, nullptr);
    if (reply->isFinished()) {
        reply->deleteLater(); // aborting a finished reply disturbs QNetworkAccessManager's connection reuse
        return;
    }
    // Aborted from the event loop: aborting inside the reply's own signal makes it report its error twice.
    QMetaObject::invokeMethod(
        reply,
        [reply] {
            reply->abort();
            reply->deleteLater();
        },
        Qt::QueuedConnection);
}

bool EventSource::isCurrent(const QPointer<EventSource> &self, const QNetworkReply *reply) const
{
    return self && m_reply == reply && m_state == ReadyState::Open;
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
    const QNetworkReply *reply = m_reply;
    if (isSignalConnected(bytesSignal)) {
        Q_EMIT eventBytesReceived(event);
        if (!isCurrent(self, reply))
            return false;
    }
    if (isSignalConnected(decodedSignal))
        Q_EMIT eventReceived(m_decoder.decode(event));
    return isCurrent(self, reply);
}

bool EventSource::commentParsed(QByteArrayView comment)
{
    const QPointer<EventSource> self(this);
    const QNetworkReply *reply = m_reply;
    Q_EMIT commentReceived(decodeUtf8(comment.data(), comment.size()));
    return isCurrent(self, reply);
}

bool EventSource::retryParsed(int milliseconds)
{
    m_retry.setServerRetry(milliseconds);
    return true;
}

bool EventSource::limitExceeded(const QString &message)
{
    const QPointer<EventSource> self(this);
    const QNetworkReply *reply = m_reply;
    Q_EMIT errorOccurred({SseError::Kind::Limit, message});
    return isCurrent(self, reply);
}
