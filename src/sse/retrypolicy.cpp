// SPDX-License-Identifier: GPL-3.0-or-later
#include "retrypolicy.h"

#include <QLocale>
#include <QTimeZone>
#include <algorithm>
#include <limits>
#include <utility>

RetryPolicy::RetryPolicy(const RetrySettings &settings, quint32 seed)
    : m_settings(settings)
    , m_random(seed)
    , m_reconnectionTimeMs(settings.initialDelayMs)
{}

namespace {
constexpr qint64 MinGrowthBaseMs = 250;
} // namespace

int RetryPolicy::nextDelayMs()
{
    if (m_settings.maxAttempts == RetrySettings::NoReconnect ||
        (m_settings.maxAttempts > 0 && m_attempts >= m_settings.maxAttempts))
        return -1;

    const qint64 floor = qMax(0, m_reconnectionTimeMs);
    const qint64 cap = qMax<qint64>(floor, m_settings.maxDelayMs);
    // Growth starts from at least MinGrowthBaseMs, so a server that said `retry: 0` and then keeps failing
    // is not hammered in a tight loop.
    const qint64 growthBase = qMax<qint64>(floor, MinGrowthBaseMs);
    const int doublings = std::min(m_attempts, 30);
    const qint64 ceiling = m_attempts == 0 ? floor : std::min(cap, growthBase << doublings);
    qint64 delay = floor;
    if (ceiling > floor)
        delay += qint64(m_random.bounded(quint64(ceiling - floor + 1)));

    delay = qMax<qint64>(delay, std::exchange(m_retryAfterMs, 0));
    ++m_attempts;
    return int(qMin<qint64>(delay, std::numeric_limits<int>::max()));
}

int RetryPolicy::parseRetryAfterMs(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    // delay-seconds (RFC 9110: one or more digits). A number too large for any clock means "much later",
    // so it waits the longest delay there is rather than being taken as unreadable or overflowing.
    if (std::all_of(trimmed.cbegin(), trimmed.cend(), [](char c) { return c >= '0' && c <= '9'; })) {
        constexpr qulonglong longestMs = std::numeric_limits<int>::max();
        bool fits = false;
        const qulonglong seconds = trimmed.toULongLong(&fits);
        return int(!fits || seconds > longestMs / 1000 ? longestMs : seconds * 1000);
    }

    // IMF-fixdate, the form RFC 9110 requires senders to use: "Sun, 06 Nov 1994 08:49:37 GMT".
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(trimmed),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return -1;
    when.setTimeZone(QTimeZone::utc());
    return int(qBound<qint64>(0, now.msecsTo(when), qint64(std::numeric_limits<int>::max())));
}
