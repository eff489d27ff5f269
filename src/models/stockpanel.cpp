// SPDX-License-Identifier: GPL-3.0-or-later
#include "stockpanel.h"

StockPanel::StockPanel(const QString &subscriptionId, QObject *parent)
    : FeedPanel(subscriptionId, QStringLiteral("stock"), parent)
{}

void StockPanel::ingest(const Input &input)
{
    if (!input.sample)
        return;
    m_quotes.update(input.sample->series, input.sample->value, input.object, input.sample->timeMs);
}
