// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedgenerator.h"
#include "ratepacer.h"

#include <QStringList>
#include <random>

// Stock quotes: a seeded geometric random walk per symbol, the symbols taking turns.
// Event `quote`: {symbol, price, change, changePercent, volume, time}.
class StockFeed : public FeedGenerator
{
public:
    StockFeed(const QStringList &symbols, double eventsPerSecond, quint32 seed);
    void advance(qint64 nowMs, QList<SseEvent> &out) override;

private:
    struct Symbol
    {
        QString name;
        double open;
        double price;
        qint64 volume;
    };

    QList<Symbol> m_symbols;
    qsizetype m_next = 0;
    RatePacer m_pacer;
    std::mt19937 m_random;
};
