// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartpanel.h"

ChartPanel::ChartPanel(const QString &subscriptionId, QObject *parent)
    : FeedPanel(subscriptionId, QStringLiteral("chart"), parent)
{}
