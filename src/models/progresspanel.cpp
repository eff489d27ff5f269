// SPDX-License-Identifier: GPL-3.0-or-later
#include "progresspanel.h"

ProgressPanel::ProgressPanel(const QString &subscriptionId, QObject *parent)
    : FeedPanel(subscriptionId, QStringLiteral("progress"), parent)
{}

void ProgressPanel::ingest(const Input &input)
{
    if (!input.object.isEmpty())
        m_jobs.update(input.event.event.type, input.object, input.event.receivedMs);
}
