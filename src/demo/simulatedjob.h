// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sseevent.h"

#include <QList>
#include <QString>

// One long-running job that advances a step at a time, as a build, export or model run would.
// Events: `progress` {job, name, percent, state, eta} per step, then `done` or `failed`.
class SimulatedJob
{
public:
    struct Plan
    {
        QString id;
        QString name;
        int steps = 10;
        int stepMs = 250;
        int failAtStep = 0; // 0: the job succeeds
    };

    SimulatedJob(const Plan &plan, qint64 startMs);

    void advance(qint64 nowMs, QList<SseEvent> &out);
    bool finished() const { return m_finished; }

private:
    SseEvent event(const QString &type, const QString &state, qint64 nowMs) const;

    Plan m_plan;
    qint64 m_startMs;
    int m_step = -1; // -1: the start has not been announced yet
    bool m_finished = false;
};
