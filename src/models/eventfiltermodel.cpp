// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventfiltermodel.h"

#include "eventlogmodel.h"

EventFilterModel::EventFilterModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void EventFilterModel::setLog(EventLogModel *log)
{
    if (m_log)
        disconnect(m_log, nullptr, this, nullptr);
    m_log = log;
    if (log) {
        connect(log, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) { followInserted(first, last); });
        connect(log, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                [this](const QModelIndex &, int first, int last) { followLettingGo(first, last); });
        connect(log, &QAbstractItemModel::rowsRemoved, this,
                [this](const QModelIndex &, int first, int last) { m_letGo += last - first + 1; });
        connect(log, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
        connect(log, &QAbstractItemModel::modelReset, this, [this] {
            rebuild();
            endResetModel();
            Q_EMIT countChanged();
        });
    }
    refilter();
}

int EventFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant EventFilterModel::data(const QModelIndex &index, int role) const
{
    if (!m_log || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return m_log->data(m_log->index(logRow(index.row())), role);
}

QHash<int, QByteArray> EventFilterModel::roleNames() const
{
    return m_log ? m_log->roleNames() : QHash<int, QByteArray>{};
}

const CapturedEvent &EventFilterModel::at(int row) const
{
    return m_log->at(logRow(row));
}

void EventFilterModel::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    refilter();
}

void EventFilterModel::setSource(const QString &source)
{
    if (source == m_source)
        return;
    m_source = source;
    refilter();
}

void EventFilterModel::setType(const QString &type)
{
    if (type == m_type)
        return;
    m_type = type;
    refilter();
}

bool EventFilterModel::accepts(const CapturedEvent &event) const
{
    if (!m_source.isEmpty() && event.source != m_source)
        return false;
    if (!m_type.isEmpty() && event.event.type != m_type)
        return false;
    if (m_searchText.isEmpty())
        return true;
    for (const QString *field : {&event.event.data, &event.event.type, &event.event.id, &event.source}) {
        if (field->contains(m_searchText, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

void EventFilterModel::refilter()
{
    beginResetModel();
    rebuild();
    endResetModel();
    Q_EMIT filterChanged();
    Q_EMIT countChanged();
}

void EventFilterModel::rebuild()
{
    m_positions.clear();
    m_letGo = 0;
    if (!m_log)
        return;
    for (int row = 0; row < m_log->rowCount(); ++row) {
        if (accepts(m_log->at(row)))
            m_positions.push_back(row);
    }
}

void EventFilterModel::followInserted(int first, int last)
{
    std::deque<qint64> added;
    for (int row = first; row <= last; ++row) {
        if (accepts(m_log->at(row)))
            added.push_back(m_letGo + row);
    }
    if (added.empty())
        return;
    // The log appends at its end, so new positions come after every one held.
    const int at = count();
    beginInsertRows({}, at, at + int(added.size()) - 1);
    m_positions.insert(m_positions.end(), added.cbegin(), added.cend());
    endInsertRows();
    Q_EMIT countChanged();
}

void EventFilterModel::followLettingGo(int first, int last)
{
    Q_ASSERT(first == 0); // the log lets go of its oldest rows only
    const qint64 keptFrom = m_letGo + last + 1;
    const auto kept = std::lower_bound(m_positions.cbegin(), m_positions.cend(), keptFrom);
    const int gone = int(kept - m_positions.cbegin());
    if (gone == 0)
        return;
    beginRemoveRows({}, 0, gone - 1);
    m_positions.erase(m_positions.cbegin(), kept);
    endRemoveRows();
    Q_EMIT countChanged();
}
