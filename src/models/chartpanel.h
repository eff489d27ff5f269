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

    ChartFeeder *chart() { return &m_chart; }
    void ingest(const Input &input) override;
    void flush(qint64 nowMs) override { m_chart.flush(nowMs); }

private:
    ChartFeeder m_chart;
};
