// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratepacer.h"

#include <algorithm>

RatePacer::RatePacer(double eventsPerSecond)
    : m_rate(eventsPerSecond)
{}

int RatePacer::due(qint64 nowMs)
{
    if (m_startMs < 0) {
        m_startMs = nowMs;
        return 1; // a new feed says something at once
    }
    const qint64 owed = qint64((nowMs - m_startMs) * m_rate / 1000.0 + 1e-9);
    qint64 count = owed - m_counted;
    m_counted = owed;
    // After a stall (a busy event loop, a suspended laptop) at most one second's worth comes in a burst.
    const qint64 burst = std::max<qint64>(1, qint64(m_rate));
    return int(std::clamp<qint64>(count, 0, burst));
}
