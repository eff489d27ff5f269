// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturedevent.h"

#include <QList>

// Plays captured events back in their original rhythm, sped up (10×) or as fast as the consumer takes them
// (speed 0), with pause and seek. Given the wall clock, it says which events are due; the caller stamps and
// delivers them like live ones. Each event is due when its distance from the first event, divided by the
// speed, has passed since the replay (re)started from that point.
class ReplayFeed
{
public:
    static constexpr int MaxPerCall = 5000; // at maximum speed, one tick hands on at most this many

    ReplayFeed(QList<CapturedEvent> events, qint64 nowMs);

    // Appends the events due at `nowMs` to `out` and returns how many.
    int takeDue(qint64 nowMs, QList<CapturedEvent> &out);

    void setSpeed(double speed, qint64 nowMs); // 1, 10, …; 0: as fast as possible
    void setPaused(bool paused, qint64 nowMs);
    void seek(int position, qint64 nowMs); // the index of the next event to play

    int position() const { return m_position; }
    int size() const { return int(m_events.size()); }
    bool finished() const { return m_position >= m_events.size(); }
    bool paused() const { return m_paused; }
    double speed() const { return m_speed; }

private:
    void anchor(qint64 nowMs);

    QList<CapturedEvent> m_events;
    int m_position = 0;
    double m_speed = 1;
    bool m_paused = false;
    qint64 m_anchorWallMs = 0;  // when playing from m_anchorIndex (re)started
    qint64 m_anchorEventMs = 0; // the receipt time of the event at that point
};
