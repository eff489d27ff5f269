#pragma once

#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

// The Events page's view of the log: free-text search over source, type, id and data, and a source and a
// type to narrow it to (empty: any). New rows from the log are filtered as they arrive, not re-scanned.
class EventFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY filterChanged)
    Q_PROPERTY(QString source READ source WRITE setSource NOTIFY filterChanged)
    Q_PROPERTY(QString type READ type WRITE setType NOTIFY filterChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit EventFilterModel(QObject *parent = nullptr);

    QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);
    QString source() const { return m_source; }
    void setSource(const QString &source);
    QString type() const { return m_type; }
    void setType(const QString &type);
    int count() const { return rowCount(); }

Q_SIGNALS:
    void filterChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void refilter();

    QString m_searchText;
    QString m_source;
    QString m_type;
};
