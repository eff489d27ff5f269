// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <limits>

// Writes "2026-11-24T13:01:02.345Z" fast: the part up to the seconds is formatted once per second and
// reused, since a busy stream stamps thousands of events within the same second.
class UtcTimestamp
{
public:
    static constexpr qsizetype MaxSize = 32; // 24 for the years 0 to 9999

    void append(QByteArray &out, qint64 msecsSinceEpoch);
    char *write(char *to, qint64 msecsSinceEpoch); // writes at most MaxSize bytes and returns their end

private:
    qint64 m_cachedSecond = std::numeric_limits<qint64>::min();
    QByteArray m_cachedPrefix; // "2026-11-24T13:01:02."
};
