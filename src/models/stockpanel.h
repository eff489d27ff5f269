// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartfeeder.h"
#include "feedpanel.h"
#include "quotemodel.h"

// Stock quotes: a table of last prices and changes, and a price chart per symbol.
class StockPanel : public FeedPanel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The dashboard creates panels for its subscriptions")
    Q_PROPERTY(QuoteModel *quotes READ quotes CONSTANT)
    Q_PROPERTY(ChartFeeder *chart READ chart CONSTANT)

public:
    StockPanel(const QString &subscriptionId, QObject *parent);

    QuoteModel *quotes() { return &m_quotes; }
    ChartFeeder *chart() override { return &m_chart; }

    void ingest(const Input &input) override;

private:
    QuoteModel m_quotes;
    ChartFeeder m_chart;
};
