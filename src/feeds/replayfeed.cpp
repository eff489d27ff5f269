// SPDX-License-Identifier: GPL-3.0-or-later
#include "replayfeed.h"

#include <algorithm>

ReplayFeed::ReplayFeed(QList<CapturedEvent> events, qint64 nowMs)
    : m_events(std::move(events))
{
    anchor(nowMs);
}

void ReplayFeed::anchor(qint64 nowMs)
{
    m_anchorWallMs = nowMs;
    m_anchorEventMs = finished() ? 0 : m_events[m_position].receivedMs;
}

int ReplayFeed::takeDue(qint64 nowMs, QList<CapturedEvent> &out)
{
    if (m_paused)
        return 0;
    int taken = 0;
    while (!finished() && taken < MaxPerCall) {
        const CapturedEvent &next = m_events[m_position];
        if (m_speed > 0) {
            const double dueAt = double(m_anchorWallMs) + double(next.receivedMs - m_anchorEventMs) / m_speed;
            if (double(nowMs) < dueAt)
                break;
        }
        out.append(next);
        ++m_position;
        ++taken;
    }
    return taken;
}

void ReplayFeed::setSpeed(double speed, qint64 nowMs)
{
    m_speed = std::max(0.0, speed);
    anchor(nowMs);
}

void ReplayFeed::setPaused(bool paused, qint64 nowMs)
{
    m_paused = paused;
    anchor(nowMs);
}

void ReplayFeed::seek(int position, qint64 nowMs)
{
    m_position = std::clamp(position, 0, size());
    anchor(nowMs);
}
