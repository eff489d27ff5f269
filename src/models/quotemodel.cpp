// SPDX-License-Identifier: GPL-3.0-or-later
#include "quotemodel.h"

QuoteModel::QuoteModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int QuoteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_quotes.size());
}

QVariant QuoteModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Quote &quote = m_quotes[index.row()];
    switch (role) {
    case SymbolRole:
    case Qt::DisplayRole:
        return quote.symbol;
    case PriceRole:
        return quote.price;
    case ChangeRole:
        return quote.change;
    case ChangePercentRole:
        return quote.changePercent;
    case VolumeRole:
        return quote.volume;
    case DirectionRole:
        return quote.direction;
    case UpdatedRole:
        return quote.updatedMs;
    default:
        return {};
    }
}

QHash<int, QByteArray> QuoteModel::roleNames() const
{
    return {{SymbolRole, "symbol"},  {PriceRole, "price"},
            {ChangeRole, "change"},  {ChangePercentRole, "changePercent"},
            {VolumeRole, "volume"},  {DirectionRole, "direction"},
            {UpdatedRole, "updated"}};
}

void QuoteModel::update(const QString &symbol, double price, const QJsonObject &data, qint64 timeMs)
{
    auto found = std::find_if(m_quotes.begin(), m_quotes.end(),
                              [&symbol](const Quote &q) { return q.symbol == symbol; });
    if (found == m_quotes.end()) {
        beginInsertRows({}, int(m_quotes.size()), int(m_quotes.size()));
        m_quotes.append({symbol, price, price, 0, 0, -1, 0, timeMs});
        endInsertRows();
        Q_EMIT countChanged();
        found = m_quotes.end() - 1;
    }
    Quote &quote = *found;
    quote.direction = price > quote.price ? 1 : price < quote.price ? -1 : quote.direction;
    quote.price = price;
    const double ownChange = price - quote.firstPrice;
    quote.change = data.value(QLatin1String("change")).toDouble(ownChange);
    const double base = price - quote.change;
    quote.changePercent =
        data.value(QLatin1String("changePercent")).toDouble(base != 0 ? quote.change / base * 100 : 0);
    quote.volume = data.value(QLatin1String("volume")).toDouble(quote.volume);
    quote.updatedMs = timeMs;
    const int row = int(found - m_quotes.begin());
    // Named roles: a view then leaves the symbol's bindings alone.
    Q_EMIT dataChanged(index(row), index(row),
                       {PriceRole, ChangeRole, ChangePercentRole, VolumeRole, DirectionRole, UpdatedRole});
}
