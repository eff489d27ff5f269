#include "eventfiltermodel.h"

#include "eventlogmodel.h"

EventFilterModel::EventFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    connect(this, &QAbstractItemModel::rowsInserted, this, &EventFilterModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &EventFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &EventFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &EventFilterModel::countChanged);
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

void EventFilterModel::refilter()
{
    invalidateRowsFilter();
    Q_EMIT filterChanged();
    Q_EMIT countChanged();
}

bool EventFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex row = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_source.isEmpty() && row.data(EventLogModel::SourceRole).toString() != m_source)
        return false;
    if (!m_type.isEmpty() && row.data(EventLogModel::TypeRole).toString() != m_type)
        return false;
    if (m_searchText.isEmpty())
        return true;
    for (int role : {EventLogModel::DataRole, EventLogModel::TypeRole, EventLogModel::IdRole,
                     EventLogModel::SourceRole}) {
        if (row.data(role).toString().contains(m_searchText, Qt::CaseInsensitive))
            return true;
    }
    return false;
}
