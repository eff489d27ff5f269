// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturedevent.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <deque>

class EventLogModel;

// The Events page's view of the log: free-text search over source, type, id and data, and a source and a
// type to narrow it to (empty: any). The log only grows at its end and lets go at its start, so the view
// keeps the log positions of the rows it shows in the same order: a batch costs what it adds and what it
// lets go, never a pass over the whole log (a QSortFilterProxyModel remaps every row it holds whenever the
// log lets go of its oldest, which at 10 000 events/s was a tenth of the GUI thread).
class EventFilterModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The workspace provides the Events page's view")
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY filterChanged)
    Q_PROPERTY(QString source READ source WRITE setSource NOTIFY filterChanged)
    Q_PROPERTY(QString type READ type WRITE setType NOTIFY filterChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit EventFilterModel(QObject *parent = nullptr);

    void setLog(EventLogModel *log);
    EventLogModel *log() const { return m_log; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);
    QString source() const { return m_source; }
    void setSource(const QString &source);
    QString type() const { return m_type; }
    void setType(const QString &type);
    int count() const { return int(m_positions.size()); }
    // The event shown at `row`.
    const CapturedEvent &at(int row) const;

Q_SIGNALS:
    void filterChanged();
    void countChanged();

private:
    bool accepts(const CapturedEvent &event) const;
    int logRow(int row) const { return int(m_positions[std::size_t(row)] - m_letGo); }
    void refilter();
    void rebuild();
    void followInserted(int first, int last);
    void followLettingGo(int first, int last);

    EventLogModel *m_log = nullptr;
    // Log positions (rows counted from the first the log ever held) of the rows shown, ascending.
    std::deque<qint64> m_positions;
    qint64 m_letGo = 0; // rows the log let go of since it was set or reset
    QString m_searchText;
    QString m_source;
    QString m_type;
};
