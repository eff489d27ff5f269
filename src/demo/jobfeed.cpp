// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobfeed.h"

JobFeed::JobFeed(const SimulatedJob::Plan &plan, qint64 startMs)
    : m_job(plan, startMs)
{}

void JobFeed::advance(qint64 nowMs, QList<SseEvent> &out)
{
    m_job.advance(nowMs, out);
}
