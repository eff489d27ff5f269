// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// How many events a feed of `rate` events per second owes at a given time, counted from the feed's start
// so a rate of 0.3/s or 7000/s comes out exact over time, whatever the timer's tick.
class RatePacer
{
public:
    explicit RatePacer(double eventsPerSecond);

    int due(qint64 nowMs);

private:
    double m_rate;
    qint64 m_startMs = -1;
    qint64 m_counted = 0; // events owed up to the last call, skipped ones included
};
