// SPDX-License-Identifier: GPL-3.0-or-later
#include "httprequestreader.h"

#include <QUrl>

namespace {

bool isToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

HttpRequestReader::HttpRequestReader(const Limits &limits)
    : m_limits(limits)
{}

HttpRequestReader::State HttpRequestReader::feed(const QByteArray &bytes)
{
    if (m_errorStatus != 0)
        return State::Failed;
    m_buffer += bytes;
    return parse();
}

HttpRequestReader::State HttpRequestReader::next()
{
    if (m_headSize >= 0)
        m_buffer.remove(0, m_headSize + m_bodySize);
    m_request = HttpRequest();
    m_headSize = -1;
    m_bodySize = 0;
    return parse();
}

HttpRequestReader::State HttpRequestReader::failWith(int status, const QString &message)
{
    m_errorStatus = status;
    m_errorMessage = message;
    return State::Failed;
}

HttpRequestReader::State HttpRequestReader::parse()
{
    if (m_headSize < 0) {
        // Blank lines before a request line are allowed (RFC 9112 2.2).
        while (m_buffer.startsWith("\r\n"))
            m_buffer.remove(0, 2);
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        // The method is known bad as soon as it has a byte no token may have: answer at once, not at the
        // timeout (TLS or binary sent to this plain HTTP port, for instance).
        qsizetype methodEnd = 0;
        while (methodEnd < m_buffer.size() && methodEnd < 32 &&
               !QByteArrayView(" \r\n").contains(m_buffer[methodEnd]))
            ++methodEnd;
        if (methodEnd > 0 && !isToken(m_buffer.left(methodEnd)))
            return failWith(400, QStringLiteral("malformed request line"));
        if (end < 0) {
            if (m_buffer.size() > m_limits.maxHeadBytes)
                return failWith(431,
                                QStringLiteral("request headers exceed %1 bytes").arg(m_limits.maxHeadBytes));
            return State::Incomplete;
        }
        if (end + 4 > m_limits.maxHeadBytes)
            return failWith(431,
                            QStringLiteral("request headers exceed %1 bytes").arg(m_limits.maxHeadBytes));
        if (!parseHead(m_buffer.left(end)))
            return State::Failed;
        m_headSize = end + 4;
    }
    if (m_buffer.size() < m_headSize + m_bodySize)
        return State::Incomplete;
    m_request.body = m_buffer.mid(m_headSize, m_bodySize);
    return State::Complete;
}

bool HttpRequestReader::parseHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine =
        lines.first().chopped(lines.first().endsWith('\r') ? 1 : 0).split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine[0]) || !requestLine[1].startsWith('/')) {
        failWith(400, QStringLiteral("malformed request line"));
        return false;
    }
    const QByteArray &version = requestLine[2];
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        failWith(version.startsWith("HTTP/") ? 505 : 400, QStringLiteral("unsupported protocol version"));
        return false;
    }
    if (lines.size() - 1 > m_limits.maxHeaders) {
        failWith(431, QStringLiteral("more than %1 request headers").arg(m_limits.maxHeaders));
        return false;
    }
    m_request.method = requestLine[0];
    const QUrl url(QString::fromLatin1(requestLine[1]), QUrl::StrictMode);
    if (!url.isValid()) {
        failWith(400, QStringLiteral("malformed request target"));
        return false;
    }
    m_request.path = url.path(QUrl::FullyEncoded).toLatin1();
    m_request.query = QUrlQuery(url);

    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.endsWith('\r'))
            line.chop(1);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.left(colon))) {
            failWith(400, QStringLiteral("malformed header line"));
            return false;
        }
        m_request.headers.insert(line.left(colon).toLower(), line.mid(colon + 1).trimmed());
    }
    if (version == "HTTP/1.1" && !m_request.headers.contains("host")) {
        failWith(400, QStringLiteral("missing Host header"));
        return false;
    }
    if (m_request.headers.contains("transfer-encoding")) {
        failWith(501, QStringLiteral(
                          "request bodies with Transfer-Encoding are not supported; send Content-Length"));
        return false;
    }
    const QByteArray length = m_request.header("content-length");
    if (!length.isEmpty()) {
        bool ok = false;
        m_bodySize = length.toLongLong(&ok);
        if (!ok || m_bodySize < 0) {
            failWith(400, QStringLiteral("malformed Content-Length"));
            return false;
        }
        if (m_bodySize > m_limits.maxBodyBytes) {
            failWith(413, QStringLiteral("request body exceeds %1 bytes").arg(m_limits.maxBodyBytes));
            return false;
        }
    }
    const QByteArray connection = m_request.header("connection").toLower();
    m_request.keepAlive =
        version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive");
    return true;
}
