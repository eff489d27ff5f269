// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedgenerator.h"
#include "ratepacer.h"

#include <random>

// Operational notifications, mostly info, some warnings, a few critical.
// Event `notification`: {level, title, body, time}.
class NotificationFeed : public FeedGenerator
{
public:
    NotificationFeed(double eventsPerSecond, quint32 seed);
    void advance(qint64 nowMs, QList<SseEvent> &out) override;

private:
    RatePacer m_pacer;
    std::mt19937 m_random;
};
