// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturedevent.h"

#include <QAbstractListModel>
#include <QVariantMap>
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
    Q_PROPERTY(QStringList sources READ sources NOTIFY sourcesChanged)
    Q_PROPERTY(QStringList types READ types NOTIFY typesChanged)

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
        ReplayedRole, // played back from a capture file
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

    // Every source and event type seen, sorted, for the filters.
    QStringList sources() const { return m_sources; }
    QStringList types() const { return m_types; }

    void append(const QList<CapturedEvent> &batch);
    // The event with sequence number `seq` for the detail pane: source, type, eventId, timestamp (ISO 8601,
    // UTC) and pretty (the data, indented when it is JSON); empty when it is no longer held.
    Q_INVOKABLE QVariantMap find(double seq) const;
    // Whether the event with sequence number `seq` is still held (cheap: no formatting).
    Q_INVOKABLE bool holds(double seq) const { return locate(seq) != nullptr; }
    Q_INVOKABLE void clear();
    const CapturedEvent &at(int row) const { return m_events[std::size_t(row)]; }

Q_SIGNALS:
    void countChanged();
    void capacityChanged();
    void sourcesChanged();
    void typesChanged();

private:
    void dropOldest(qsizetype count);
    const CapturedEvent *locate(double seq) const;
    void learnNames(const QList<CapturedEvent> &batch);

    std::deque<CapturedEvent> m_events;
    int m_capacity = DefaultCapacity;
    qint64 m_dropped = 0;
    QStringList m_sources;
    QStringList m_types;
};
