// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedgenerator.h"
#include "simulatedjob.h"

// The stream of one job started with POST /jobs; it ends when the job does.
class JobFeed : public FeedGenerator
{
public:
    JobFeed(const SimulatedJob::Plan &plan, qint64 startMs);
    void advance(qint64 nowMs, QList<SseEvent> &out) override;
    bool finished() const override { return m_job.finished(); }

private:
    SimulatedJob m_job;
};
