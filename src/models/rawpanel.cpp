// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawpanel.h"

RawPanel::RawPanel(const QString &subscriptionId, QObject *parent)
    : FeedPanel(subscriptionId, QStringLiteral("raw"), parent)
{
    m_events.setCapacity(Capacity);
}

void RawPanel::flush(qint64 nowMs)
{
    Q_UNUSED(nowMs)
    m_events.append(m_pending);
    m_pending.clear();
}
