// SPDX-License-Identifier: GPL-3.0-or-later
#include "progressfeed.h"

namespace {

constexpr int MaxRunning = 3;
constexpr int StartEveryMs = 2500;
const char *const Names[] = {"nightly-backup",  "index-rebuild", "report-export",  "model-training",
                             "video-transcode", "db-migration",  "log-compaction", "cache-warmup"};

} // namespace

ProgressFeed::ProgressFeed(quint32 seed)
    : m_random(seed)
{}

void ProgressFeed::advance(qint64 nowMs, QList<SseEvent> &out)
{
    if (nowMs >= m_nextStartMs && m_running.size() < MaxRunning) {
        m_nextStartMs = nowMs + StartEveryMs;
        SimulatedJob::Plan plan;
        plan.id = QStringLiteral("job-%1").arg(++m_started);
        plan.name = QString::fromUtf8(
            Names[std::uniform_int_distribution<int>(0, int(std::size(Names)) - 1)(m_random)]);
        plan.steps = std::uniform_int_distribution<int>(20, 60)(m_random);
        plan.stepMs = std::uniform_int_distribution<int>(150, 400)(m_random);
        if (std::uniform_int_distribution<int>(1, 100)(m_random) <= 12)
            plan.failAtStep = std::uniform_int_distribution<int>(1, plan.steps - 1)(m_random);
        m_running.append(SimulatedJob(plan, nowMs));
    }
    for (SimulatedJob &job : m_running)
        job.advance(nowMs, out);
    m_running.removeIf([](const SimulatedJob &job) { return job.finished(); });
}
