// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "eventlogmodel.h"
#include "feedpanel.h"

// Any feed as it comes: its latest events, newest at the bottom.
class RawPanel : public FeedPanel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The dashboard creates panels for its subscriptions")
    Q_PROPERTY(EventLogModel *events READ events CONSTANT)

public:
    static constexpr int Capacity = 500;

    RawPanel(const QString &subscriptionId, QObject *parent);

    EventLogModel *events() { return &m_events; }
    void ingest(const Input &input) override { m_pending.append(input.event); }
    void flush(qint64 nowMs) override;

private:
    EventLogModel m_events;
    QList<CapturedEvent> m_pending;
};
