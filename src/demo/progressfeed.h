// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedgenerator.h"
#include "simulatedjob.h"

#include <random>

// The /progress feed: demo jobs start every few seconds (a few at a time), advance, and most finish;
// some fail. The events are SimulatedJob's.
class ProgressFeed : public FeedGenerator
{
public:
    explicit ProgressFeed(quint32 seed);
    void advance(qint64 nowMs, QList<SseEvent> &out) override;

private:
    QList<SimulatedJob> m_running;
    qint64 m_nextStartMs = 0;
    int m_started = 0;
    std::mt19937 m_random;
};
