// SPDX-License-Identifier: GPL-3.0-or-later
#include "http1stream.h"

#include "inflater.h"

#include <QPointer>
#include <QSslError>
#include <QStringList>
#include <QTcpSocket>
#include <cstring>
#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#include <QSslSocket>
#endif

namespace {

constexpr qint64 SocketBufferBytes = 64 * 1024; // the kernel holds the rest, and TCP tells the server
constexpr qsizetype MaxHeadBytes = 64 * 1024;
constexpr qsizetype MaxLineBytes = 8 * 1024; // a chunk-size or trailer line

bool isDefaultPort(const QUrl &url)
{
    return url.port() < 0 || url.port() == (url.scheme() == QLatin1String("https") ? 443 : 80);
}

QByteArray requestTarget(const QUrl &url)
{
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    return target;
}

QByteArray hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']'; // an IPv6 literal
    if (!isDefaultPort(url))
        host += ':' + QByteArray::number(url.port());
    return host;
}

void setHeader(HttpStream::Headers &headers, const QByteArray &name, const QByteArray &value)
{
    for (auto &[existing, existingValue] : headers) {
        if (existing.compare(name, Qt::CaseInsensitive) == 0) {
            existingValue = value;
            return;
        }
    }
    headers.append({name, value});
}

} // namespace

Http1Stream::Http1Stream(QObject *parent)
    : HttpStream(parent)
{}

Http1Stream::~Http1Stream() = default;

void Http1Stream::start(const Request &request)
{
    m_request = request;
    const bool tls = request.url.scheme() == QLatin1String("https");
    const quint16 port = quint16(request.url.port(tls ? 443 : 80));
#if QT_CONFIG(ssl)
    if (tls) {
        auto *socket = new QSslSocket(this);
        QSslConfiguration configuration = socket->sslConfiguration();
        configuration.setAllowedNextProtocols(
            {QSslConfiguration::ALPNProtocolHTTP2, QSslConfiguration::NextProtocolHttp1_1});
        socket->setSslConfiguration(configuration);
        connect(socket, &QSslSocket::sslErrors, this, &Http1Stream::handleSslErrors);
        connect(socket, &QSslSocket::encrypted, this, [this, socket] {
            if (socket->sslConfiguration().nextNegotiatedProtocol() == QSslConfiguration::ALPNProtocolHTTP2)
                fail(Error::WantsHttp2, QStringLiteral("the server chose HTTP/2"));
            else
                sendRequest();
        });
        m_socket = socket;
        socket->connectToHostEncrypted(request.url.host(), port);
    }
#endif
    if (!m_socket) {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &Http1Stream::sendRequest);
        m_socket->connectToHost(request.url.host(), port);
    }
    m_socket->setReadBufferSize(SocketBufferBytes);
    connect(m_socket, &QTcpSocket::readyRead, this, [this] { pump(true); });
    connect(m_socket, &QTcpSocket::disconnected, this, &Http1Stream::handleDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &Http1Stream::handleSocketError);
}

void Http1Stream::sendRequest()
{
    Headers headers{{"Host", hostHeader(m_request.url)}, {"Accept-Encoding", "gzip, deflate"}};
    if (!m_request.url.userName().isEmpty()) {
        const QByteArray credentials =
            m_request.url.userName().toUtf8() + ':' + m_request.url.password().toUtf8();
        headers.append({"Authorization", "Basic " + credentials.toBase64()});
    }
    for (const auto &[name, value] : m_request.headers)
        setHeader(headers, name, value);
    if (!m_request.body.isEmpty())
        setHeader(headers, "Content-Length", QByteArray::number(m_request.body.size()));

    QByteArray head = m_request.method + ' ' + requestTarget(m_request.url) + " HTTP/1.1\r\n";
    for (const auto &[name, value] : headers)
        head += name + ": " + value + "\r\n";
    head += "\r\n";
    m_socket->write(head + m_request.body);
    m_stage = Stage::Head;
}

qint64 Http1Stream::read(char *data, qint64 maxSize)
{
    const qint64 count = qMin<qint64>(maxSize, bytesAvailable());
    if (count <= 0)
        return 0;
    std::memcpy(data, m_body.constData() + m_bodyRead, size_t(count));
    m_bodyRead += count;
    if (m_bodyRead == m_body.size()) { // all taken: start over rather than grow
        m_body.resize(0);
        m_bodyRead = 0;
    }
    pump(false); // room again: top up from the socket, quietly, since the reader is reading now
    return count;
}

qsizetype Http1Stream::room() const
{
    return BufferBytes - bytesAvailable();
}

void Http1Stream::pump(bool emitSignals)
{
    if (m_pumping || m_finished || !m_socket)
        return;
    m_pumping = true;
    const qint64 before = bytesAvailable();
    const Stage stageBefore = m_stage;
    while (m_stage != Stage::Done && step()) {
    }
    m_pumping = false;
    if (m_error != Error::None)
        return;
    // The server closed and everything it sent is parsed: a body that ends at the close has ended, any
    // other response is cut short. (A paused reader leaves bytes in the socket; those are taken first.)
    const bool inflating = m_inflater && m_inflater->hasInput();
    const bool drained = m_peerClosed && m_socket->bytesAvailable() == 0 && !inflating;
    if (drained && m_stage == Stage::CloseBody)
        m_stage = Stage::Done;
    const QPointer<HttpStream> self(this);
    if (emitSignals && stageBefore == Stage::Head && m_stage != Stage::Head)
        Q_EMIT headReceived();
    if (self && emitSignals && bytesAvailable() > before)
        Q_EMIT readyRead();
    if (!self)
        return;
    if (m_stage == Stage::Done && !inflating)
        finish();
    else if (drained)
        fail(Error::Lost, m_status == 0 && m_headBytes == 0
                              ? QStringLiteral("the server closed the connection without answering")
                              : QStringLiteral("the server closed the connection before the response ended"));
}

bool Http1Stream::step()
{
    if (m_inflater && m_inflater->hasInput()) { // what was read already goes first
        if (room() <= 0)
            return false;
        if (!m_inflater->inflateInto(m_body, room())) {
            fail(Error::Protocol, QStringLiteral("the compressed body is corrupt"));
            return false;
        }
        return !m_inflater->hasInput();
    }
    switch (m_stage) {
    case Stage::Connecting:
    case Stage::Done:
        return false;
    case Stage::Head:
        return readHeadLine();
    case Stage::ChunkSize: {
        QByteArray line;
        if (!takeLine(line))
            return false;
        bool ok = false;
        const qsizetype extensions = line.indexOf(';'); // "1a;name=value": the size is what precedes
        m_remaining = (extensions < 0 ? line : line.left(extensions)).trimmed().toLongLong(&ok, 16);
        if (!ok || m_remaining < 0) {
            fail(Error::Protocol, QStringLiteral("a chunk size is not a hexadecimal number"));
            return false;
        }
        m_stage = m_remaining == 0 ? Stage::Trailers : Stage::ChunkData;
        return true;
    }
    case Stage::ChunkData:
        return takeCounted(Stage::ChunkEnd);
    case Stage::ChunkEnd:
    case Stage::Trailers: {
        QByteArray line;
        if (!takeLine(line))
            return false;
        if (m_stage == Stage::ChunkEnd) {
            if (!line.trimmed().isEmpty()) {
                fail(Error::Protocol, QStringLiteral("a chunk is longer than its size says"));
                return false;
            }
            m_stage = Stage::ChunkSize;
        } else if (line.trimmed().isEmpty()) {
            m_stage = Stage::Done;
        }
        return true;
    }
    case Stage::LengthBody:
        return takeCounted(Stage::Done);
    case Stage::CloseBody:
        return takeBody(-1);
    }
    return false;
}

// The rest of a chunk or of a body with a length, then on to `next`.
bool Http1Stream::takeCounted(Stage next)
{
    if (!takeBody(m_remaining))
        return false;
    if (m_remaining == 0)
        m_stage = next;
    return true;
}

bool Http1Stream::takeLine(QByteArray &line)
{
    if (!m_socket->canReadLine()) {
        if (m_socket->bytesAvailable() > MaxLineBytes)
            fail(Error::Protocol, QStringLiteral("a line of the chunked body is too long"));
        return false;
    }
    line = m_socket->readLine(MaxLineBytes);
    return true;
}

// Moves body bytes from the socket, at most `limit` (all there are when negative) and what there is room
// for; false when nothing moved.
bool Http1Stream::takeBody(qint64 limit)
{
    qint64 count = qMin<qint64>(m_socket->bytesAvailable(), room());
    if (limit >= 0)
        count = qMin(count, limit);
    if (count <= 0)
        return false;
    // Straight into the body buffer, or into the inflater's input: one copy out of the socket.
    QByteArray &target = m_inflater ? m_compressed : m_body;
    const qsizetype start = m_inflater ? 0 : target.size();
    target.resize(start + count);
    const qint64 got = qMax<qint64>(m_socket->read(target.data() + start, count), 0);
    target.resize(start + got);
    if (limit >= 0)
        m_remaining -= got;
    if (m_inflater)
        m_inflater->feed(target.constData(), got); // inflated by the next step, as far as there is room
    return got > 0;
}

bool Http1Stream::readHeadLine()
{
    if (!m_socket->canReadLine()) {
        if (m_headBytes + m_socket->bytesAvailable() > MaxHeadBytes ||
            m_socket->bytesAvailable() >= SocketBufferBytes)
            fail(Error::Protocol,
                 QStringLiteral("the response head is longer than %1 bytes").arg(MaxHeadBytes));
        return false;
    }
    const QByteArray raw = m_socket->readLine(MaxHeadBytes);
    m_headBytes += raw.size();
    if (m_headBytes > MaxHeadBytes) {
        fail(Error::Protocol, QStringLiteral("the response head is longer than %1 bytes").arg(MaxHeadBytes));
        return false;
    }
    const QByteArray line = raw.trimmed();
    if (m_status == 0) {
        // "HTTP/1.1 200 OK": anything else is not an HTTP/1 server (another protocol on the port, say)
        const QList<QByteArray> parts = line.split(' ');
        bool ok = false;
        const int status = parts.size() >= 2 ? parts[1].toInt(&ok) : 0;
        if (!line.startsWith("HTTP/1.") || !ok || status < 100 || status > 999) {
            fail(Error::Protocol,
                 QStringLiteral("not an HTTP response: '%1'").arg(QString::fromLatin1(line.left(60))));
            return false;
        }
        m_status = status;
        m_reason = line.mid(line.indexOf(' ', line.indexOf(' ') + 1) + 1);
        if (parts.size() < 3)
            m_reason.clear();
        return true;
    }
    if (line.isEmpty())
        return endHead();
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0) {
        fail(Error::Protocol,
             QStringLiteral("a response header has no name: '%1'").arg(QString::fromLatin1(line.left(60))));
        return false;
    }
    m_headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    return true;
}

bool Http1Stream::endHead()
{
    if (m_status >= 100 && m_status < 200) { // an interim response (100 Continue): the real one follows
        m_status = 0;
        m_headers.clear();
        return true;
    }
    const QByteArray encoding = header("Content-Encoding").trimmed().toLower();
    if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate")
        m_inflater = std::make_unique<Inflater>();
    bool hasLength = false;
    m_remaining = header("Content-Length").trimmed().toLongLong(&hasLength);
    if (m_status == 204 || m_status == 304 || m_request.method == "HEAD")
        m_stage = Stage::Done;
    else if (header("Transfer-Encoding").toLower().contains("chunked"))
        m_stage = Stage::ChunkSize;
    else if (hasLength && m_remaining >= 0)
        m_stage = m_remaining == 0 ? Stage::Done : Stage::LengthBody;
    else
        m_stage = Stage::CloseBody;
    return true;
}

void Http1Stream::handleDisconnected()
{
    m_peerClosed = true;
    pump(true); // what the socket still holds, and the end of the response or of the connection
}

void Http1Stream::handleSocketError()
{
    if (m_socket->error() == QAbstractSocket::RemoteHostClosedError)
        return; // handleDisconnected() tells a body's end from a broken response
    if (m_finished || m_error != Error::None)
        return;
    if (m_socket->error() == QAbstractSocket::SslHandshakeFailedError || !m_tlsProblems.isEmpty())
        fail(Error::Tls, m_tlsProblems.isEmpty() ? m_socket->errorString() : m_tlsProblems);
    else
        fail(m_stage == Stage::Connecting ? Error::Connect : Error::Lost, m_socket->errorString());
}

void Http1Stream::handleSslErrors(const QList<QSslError> &errors)
{
#if QT_CONFIG(ssl)
    auto *socket = static_cast<QSslSocket *>(m_socket);
    if (m_request.allowInsecureTls) {
        socket->ignoreSslErrors(errors);
        return;
    }
    m_tlsProblems = describe(errors);
#else
    Q_UNUSED(errors);
#endif
}

void Http1Stream::fail(Error error, const QString &message)
{
    if (m_finished || m_error != Error::None)
        return;
    m_error = error;
    m_errorString = message;
    m_stage = Stage::Done;
    m_socket->abort();
    finish();
}

// From the event loop, so a reader that is inside read() or a signal of ours sees it afterwards.
void Http1Stream::finish()
{
    if (m_finished || m_finishQueued)
        return;
    m_finishQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_finished = true;
            m_socket->abort();
            Q_EMIT finished();
        },
        Qt::QueuedConnection);
}
