#include "chartpanel.h"

ChartPanel::ChartPanel(const QString &subscriptionId, QObject *parent)
    : FeedPanel(subscriptionId, QStringLiteral("chart"), parent)
{}
