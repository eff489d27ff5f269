// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QRandomGenerator>
#include <QtGlobal>

// When to reconnect: exponential backoff with full jitter above a floor. The floor is the stream's
// reconnection time (the server's `retry:` once it sent one); attempt n waits a uniformly random time in
// [floor, min(maximum, floor * 2^n)], so the first reconnect after a healthy connection waits exactly the
// reconnection time, as the WHATWG model says, and a failing server sees its clients spread out.
struct RetrySettings
{
    int initialDelayMs = 1000; // the reconnection time until the server sends `retry:`
    int maxDelayMs = 60000;
    // Reconnects in a row that may fail before giving up: Unlimited never gives up, NoReconnect gives up at
    // the first failure or end of the stream.
    static constexpr int Unlimited = 0;
    static constexpr int NoReconnect = -1;
    int maxAttempts = Unlimited;
};

class RetryPolicy
{
public:
    explicit RetryPolicy(const RetrySettings &settings = RetrySettings(),
                         quint32 seed = QRandomGenerator::global()->generate());

    const RetrySettings &settings() const { return m_settings; }

    void setServerRetry(int milliseconds) { m_reconnectionTimeMs = milliseconds; }
    int reconnectionTimeMs() const { return m_reconnectionTimeMs; }

    // A Retry-After from a 429 or 503: the next delay waits at least this long.
    void setRetryAfter(int milliseconds) { m_retryAfterMs = milliseconds; }
    // Retry-After as delay-seconds or an HTTP-date; -1 when absent or unreadable.
    static int parseRetryAfterMs(const QByteArray &value, const QDateTime &now);

    // The delay before the next attempt, counting it; -1 once maxAttempts attempts have failed in a row.
    int nextDelayMs();
    int attempts() const { return m_attempts; }

    // The connection was healthy: backoff starts over.
    void reset() { m_attempts = 0; }

private:
    RetrySettings m_settings;
    QRandomGenerator m_random;
    int m_reconnectionTimeMs;
    int m_retryAfterMs = 0;
    int m_attempts = 0;
};
