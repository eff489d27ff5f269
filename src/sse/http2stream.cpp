// SPDX-License-Identifier: GPL-3.0-or-later
#include "http2stream.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QStringList>

Http2Stream::Http2Stream(QNetworkAccessManager *network, QObject *parent)
    : HttpStream(parent)
    , m_network(network)
{}

Http2Stream::~Http2Stream()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void Http2Stream::start(const Request &request)
{
    m_allowInsecureTls = request.allowInsecureTls;
    QNetworkRequest networkRequest(request.url);
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                                QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    networkRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    QNetworkReply *reply = m_network->sendCustomRequest(networkRequest, request.method, request.body);
    m_reply = reply;
    reply->setReadBufferSize(BufferBytes);
    connect(reply, &QNetworkReply::metaDataChanged, this, &Http2Stream::handleHead);
    connect(reply, &QNetworkReply::readyRead, this, &Http2Stream::handleReadyRead);
    connect(reply, &QNetworkReply::finished, this, &Http2Stream::handleFinished);
    connect(reply, &QNetworkReply::sslErrors, this, &Http2Stream::handleSslErrors);
}

qint64 Http2Stream::read(char *data, qint64 maxSize)
{
    return m_reply ? qMax<qint64>(m_reply->read(data, maxSize), 0) : 0;
}

qint64 Http2Stream::bytesAvailable() const
{
    return m_reply ? m_reply->bytesAvailable() : 0;
}

void Http2Stream::handleHead()
{
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (m_status != 0 || !status.isValid())
        return;
    m_status = status.toInt();
    m_reason = m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    m_headers.clear();
    for (const auto &[name, value] : m_reply->rawHeaderPairs())
        m_headers.append({name, value});
    Q_EMIT headReceived();
}

void Http2Stream::handleReadyRead()
{
    const QPointer<Http2Stream> self(this);
    if (m_status == 0)
        handleHead();
    if (self)
        Q_EMIT readyRead();
}

void Http2Stream::handleFinished()
{
    const QPointer<Http2Stream> self(this);
    if (m_status == 0)
        handleHead();
    if (!self)
        return;
    const QNetworkReply::NetworkError code = m_reply->error();
    if (!m_tlsProblems.isEmpty() || code == QNetworkReply::SslHandshakeFailedError) {
        m_error = Error::Tls;
        m_errorString = m_tlsProblems.isEmpty() ? m_reply->errorString() : m_tlsProblems;
    } else if (m_status == 0 && code != QNetworkReply::NoError) {
        m_error = code == QNetworkReply::ProtocolFailure ? Error::Protocol : Error::Connect;
        m_errorString = m_reply->errorString();
    } else if (m_status != 0 && code >= QNetworkReply::ConnectionRefusedError &&
               code < QNetworkReply::ContentAccessDenied) {
        m_error = Error::Lost; // a network or protocol failure once answering; HTTP statuses are the caller's
        m_errorString = m_reply->errorString();
    }
    Q_EMIT finished();
}

void Http2Stream::handleSslErrors(const QList<QSslError> &errors)
{
    if (m_allowInsecureTls) {
        m_reply->ignoreSslErrors(errors);
        return;
    }
    m_tlsProblems = describe(errors);
}
