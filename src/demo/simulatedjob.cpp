// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulatedjob.h"

#include <QJsonDocument>
#include <QJsonObject>

SimulatedJob::SimulatedJob(const Plan &plan, qint64 startMs)
    : m_plan(plan)
    , m_startMs(startMs)
{}

SseEvent SimulatedJob::event(const QString &type, const QString &state, qint64 nowMs) const
{
    const int step = qMax(0, m_step);
    QJsonObject object{
        {QStringLiteral("job"), m_plan.id},
        {QStringLiteral("name"), m_plan.name},
        {QStringLiteral("percent"), qRound(100.0 * step / m_plan.steps)},
        {QStringLiteral("state"), state},
        {QStringLiteral("eta"), state == QLatin1String("running")
                                    ? QJsonValue((m_plan.steps - step) * m_plan.stepMs / 1000.0)
                                    : QJsonValue(0)}};
    if (type == QLatin1String("done"))
        object.insert(QStringLiteral("duration"), (nowMs - m_startMs) / 1000.0);
    if (type == QLatin1String("failed"))
        object.insert(QStringLiteral("error"),
                      QStringLiteral("step %1 of %2 failed: worker lost").arg(step).arg(m_plan.steps));
    return {type, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)), {}};
}

void SimulatedJob::advance(qint64 nowMs, QList<SseEvent> &out)
{
    if (m_finished)
        return;
    if (m_step < 0) {
        m_step = 0;
        out.append(event(QStringLiteral("progress"), QStringLiteral("running"), nowMs));
    }
    const int reached = qMin<qint64>(m_plan.steps, (nowMs - m_startMs) / qMax(1, m_plan.stepMs));
    while (m_step < reached) {
        ++m_step;
        if (m_step == m_plan.failAtStep) {
            out.append(event(QStringLiteral("failed"), QStringLiteral("failed"), nowMs));
            m_finished = true;
            return;
        }
        if (m_step == m_plan.steps) {
            out.append(event(QStringLiteral("done"), QStringLiteral("done"), nowMs));
            m_finished = true;
            return;
        }
        out.append(event(QStringLiteral("progress"), QStringLiteral("running"), nowMs));
    }
}
