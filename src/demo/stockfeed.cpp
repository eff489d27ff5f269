// SPDX-License-Identifier: GPL-3.0-or-later
#include "stockfeed.h"

#include <cmath>

namespace {

double roundTo(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

} // namespace

StockFeed::StockFeed(const QStringList &symbols, double eventsPerSecond, quint32 seed)
    : m_pacer(eventsPerSecond)
    , m_random(seed)
{
    std::uniform_real_distribution<double> startPrice(20.0, 600.0);
    for (const QString &name : symbols) {
        const double price = roundTo(startPrice(m_random), 2);
        m_symbols.append({name, price, price, 0});
    }
}

void StockFeed::advance(qint64 nowMs, QList<SseEvent> &out)
{
    std::normal_distribution<double> move(0.0, 0.0015);
    std::uniform_int_distribution<int> trade(100, 5000);
    for (int due = m_pacer.due(nowMs); due > 0; --due) {
        Symbol &symbol = m_symbols[m_next++ % m_symbols.size()];
        symbol.price = std::max(0.01, roundTo(symbol.price * std::exp(move(m_random)), 2));
        symbol.volume += trade(m_random);
        const double change = roundTo(symbol.price - symbol.open, 2);
        out.append(jsonEvent(QStringLiteral("quote"),
                             {{QStringLiteral("symbol"), symbol.name},
                              {QStringLiteral("price"), symbol.price},
                              {QStringLiteral("change"), change},
                              {QStringLiteral("changePercent"), roundTo(change / symbol.open * 100, 3)},
                              {QStringLiteral("volume"), symbol.volume},
                              {QStringLiteral("time"), isoTime(nowMs)}}));
    }
}
