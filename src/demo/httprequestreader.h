// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httprequest.h"

#include <QString>

// Reads HTTP/1.1 requests from a connection's bytes, strictly and within limits, so a malformed, oversized
// or hostile request becomes a status code and a reason instead of unbounded memory or a hang.
struct HttpLimits
{
    qsizetype maxHeadBytes = 16 * 1024; // request line and headers
    qsizetype maxBodyBytes = 64 * 1024;
    int maxHeaders = 100;
};

class HttpRequestReader
{
public:
    using Limits = HttpLimits;
    enum class State { Incomplete, Complete, Failed };

    explicit HttpRequestReader(const Limits &limits = Limits());

    State feed(const QByteArray &bytes);
    // The next request from bytes already fed (pipelining); call after handling a Complete one.
    State next();

    const HttpRequest &request() const { return m_request; }
    int errorStatus() const { return m_errorStatus; }
    const QString &errorMessage() const { return m_errorMessage; }
    bool hasPartialRequest() const { return !m_buffer.isEmpty(); }

private:
    State parse();
    State failWith(int status, const QString &message);
    bool parseHead(const QByteArray &head);

    Limits m_limits;
    QByteArray m_buffer;
    HttpRequest m_request;
    qsizetype m_headSize = -1; // head length including the blank line, once the head is complete
    qsizetype m_bodySize = 0;
    int m_errorStatus = 0;
    QString m_errorMessage;
};
