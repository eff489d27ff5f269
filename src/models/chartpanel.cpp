#include "chartpanel.h"

ChartPanel::ChartPanel(const QString &subscriptionId, QObject *parent)
    : FeedPanel(subscriptionId, QStringLiteral("chart"), parent)
{}

void ChartPanel::ingest(const Input &input)
{
    if (input.sample)
        m_chart.addSample(*input.sample);
}
