#pragma once

#include "capturedevent.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <deque>

// The Events page's log: the newest `capacity` events, oldest first. A batch from FeedHub is applied with
// one row insertion and at most one removal of the oldest rows, so views update once per frame however
// busy the feeds are; how many older events were let go is counted for the view to say so.
class EventLogModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The application provides the event log")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int capacity READ capacity WRITE setCapacity NOTIFY capacityChanged)
    Q_PROPERTY(qint64 droppedCount READ droppedCount NOTIFY countChanged)

public:
    enum Role {
        TimeRole = Qt::UserRole + 1, // "13:01:02.345", local time
        ReceivedRole,                // milliseconds since the epoch
        SourceRole,
        SubscriptionRole,
        TypeRole,
        IdRole,
        DataRole,
        PreviewRole, // the data on one line, cut to a few hundred characters
        SeqRole,
    };
    Q_ENUM(Role)

    static constexpr int DefaultCapacity = 100000;

    explicit EventLogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int capacity() const { return m_capacity; }
    void setCapacity(int capacity);
    qint64 droppedCount() const { return m_dropped; }

    void append(const QList<CapturedEvent> &batch);
    Q_INVOKABLE void clear();
    const CapturedEvent &at(int row) const { return m_events[std::size_t(row)]; }

Q_SIGNALS:
    void countChanged();
    void capacityChanged();

private:
    void dropOldest(qsizetype count);

    std::deque<CapturedEvent> m_events;
    int m_capacity = DefaultCapacity;
    qint64 m_dropped = 0;
};
