// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QJsonObject>
#include <QtQml/qqmlregistration.h>

// The Stock panel's table: one row per symbol with the last price, the change and change % (from the
// event when it says, else from the first price seen) and whether the last tick went up or down.
class QuoteModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        SymbolRole = Qt::UserRole + 1,
        PriceRole,
        ChangeRole,
        ChangePercentRole,
        VolumeRole,    // -1 when the feed sends none
        DirectionRole, // 1 up, -1 down, 0 unchanged, for the last tick
        UpdatedRole,
    };
    Q_ENUM(Role)

    explicit QuoteModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // `data` may carry change, changePercent and volume besides the mapped price.
    Q_INVOKABLE void update(const QString &symbol, double price, const QJsonObject &data, qint64 timeMs);

Q_SIGNALS:
    void countChanged();

private:
    struct Quote
    {
        QString symbol;
        double firstPrice = 0;
        double price = 0;
        double change = 0;
        double changePercent = 0;
        double volume = -1;
        int direction = 0;
        qint64 updatedMs = 0;
    };

    QList<Quote> m_quotes;
};
