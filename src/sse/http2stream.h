// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpstream.h"

#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;
class QSslError;

// One request over a QNetworkAccessManager's HTTP/2 connection, for origins that chose HTTP/2 when TLS was
// negotiated: the manager multiplexes every stream to such an origin over one connection, and HTTP/2 ends
// each stream explicitly, so none of the HTTP/1 troubles that Http1Stream avoids arise. Redirects and
// reconnects stay with the caller.
class Http2Stream : public HttpStream
{
    Q_OBJECT

public:
    explicit Http2Stream(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~Http2Stream() override;

    void start(const Request &request) override;
    qint64 read(char *data, qint64 maxSize) override;
    qint64 bytesAvailable() const override;

private:
    void handleHead();
    void handleReadyRead();
    void handleFinished();
    void handleSslErrors(const QList<QSslError> &errors);

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    bool m_allowInsecureTls = false;
    QString m_tlsProblems;
};
