// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartfeeder.h"
#include "feedpanel.h"

// Any numeric feed: its mapped values charted over time, one line per series key.
class ChartPanel : public FeedPanel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The dashboard creates panels for its subscriptions")
    Q_PROPERTY(ChartFeeder *chart READ chart CONSTANT)

public:
    ChartPanel(const QString &subscriptionId, QObject *parent);

    ChartFeeder *chart() override { return &m_chart; }

private:
    ChartFeeder m_chart;
};
