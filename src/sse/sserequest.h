// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "retrypolicy.h"
#include "sseparser.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrl>

// Everything an EventSource needs to open and keep a stream: the HTTP request (any method, headers, body)
// and how to behave on the way (reconnects, idle timeout, size limits, TLS).
struct SseRequest
{
    QUrl url;
    QByteArray method = "GET";
    QList<QPair<QByteArray, QByteArray>> headers; // sent after the defaults, so they may override them
    QByteArray body;                              // sent with any method when not empty

    RetrySettings retry;
    int idleTimeoutMs = 0; // no bytes at all, not even a comment, for this long counts as a drop; 0 = off
    qsizetype maxLineSize = SseParser::DefaultMaxSize;
    qsizetype maxEventSize = SseParser::DefaultMaxSize;
    bool allowInsecureTls =
        false; // only when the subscription says so explicitly; otherwise TLS fails closed

    // Why the request cannot be sent (bad URL, unsupported scheme, bad method), or empty when it can.
    QString problem() const;
};
