// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventlogmodel.h"

#include <QDateTime>
#include <QJsonDocument>

namespace {

constexpr qsizetype PreviewLength = 300;

QString preview(const QString &data)
{
    QString line = data.left(PreviewLength);
    line.replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
    return data.size() > PreviewLength ? line + QStringLiteral("…") : line;
}

} // namespace

EventLogModel::EventLogModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CapturedEvent &event = m_events[std::size_t(index.row())];
    switch (role) {
    case TimeRole:
        return QDateTime::fromMSecsSinceEpoch(event.receivedMs).toString(QStringLiteral("HH:mm:ss.zzz"));
    case ReceivedRole:
        return event.receivedMs;
    case SourceRole:
        return event.source;
    case SubscriptionRole:
        return event.subscription;
    case TypeRole:
        return event.event.type;
    case IdRole:
        return event.event.id;
    case DataRole:
    case Qt::DisplayRole:
        return event.event.data;
    case PreviewRole:
        return preview(event.event.data);
    case SeqRole:
        return event.seq;
    case ReplayedRole:
        return event.replayed;
    default:
        return {};
    }
}

QHash<int, QByteArray> EventLogModel::roleNames() const
{
    return {{TimeRole, "time"},     {ReceivedRole, "received"},
            {SourceRole, "source"}, {SubscriptionRole, "subscription"},
            {TypeRole, "type"},     {IdRole, "eventId"},
            {DataRole, "data"},     {PreviewRole, "preview"},
            {SeqRole, "seq"},       {ReplayedRole, "replayed"}};
}

void EventLogModel::setCapacity(int capacity)
{
    capacity = qMax(1, capacity);
    if (capacity == m_capacity)
        return;
    m_capacity = capacity;
    if (qsizetype(m_events.size()) > m_capacity) {
        dropOldest(qsizetype(m_events.size()) - m_capacity);
        Q_EMIT countChanged();
    }
    Q_EMIT capacityChanged();
}

void EventLogModel::append(const QList<CapturedEvent> &batch)
{
    if (batch.isEmpty())
        return;
    // Only the newest `capacity` of a huge batch can be kept; the rest counts as dropped at once.
    const qsizetype kept = qMin<qsizetype>(batch.size(), m_capacity);
    m_dropped += batch.size() - kept;
    const qsizetype overflow = qsizetype(m_events.size()) + kept - m_capacity;
    if (overflow > 0)
        dropOldest(overflow);

    learnNames(batch);
    const int first = int(m_events.size());
    beginInsertRows({}, first, first + int(kept) - 1);
    m_events.insert(m_events.end(), batch.cend() - kept, batch.cend());
    endInsertRows();
    Q_EMIT countChanged();
}

void EventLogModel::dropOldest(qsizetype count)
{
    beginRemoveRows({}, 0, int(count) - 1);
    m_events.erase(m_events.begin(), m_events.begin() + count);
    endRemoveRows();
    m_dropped += count;
}

void EventLogModel::clear()
{
    if (m_events.empty())
        return;
    beginResetModel();
    m_events.clear();
    m_dropped = 0;
    endResetModel();
    Q_EMIT countChanged();
}

void EventLogModel::learnNames(const QList<CapturedEvent> &batch)
{
    bool newSource = false, newType = false;
    for (const CapturedEvent &event : batch) {
        // Feeds have few sources and types; most batches find nothing new after the first check.
        if (!m_sources.contains(event.source)) {
            m_sources.insert(std::lower_bound(m_sources.cbegin(), m_sources.cend(), event.source),
                             event.source);
            newSource = true;
        }
        if (!m_types.contains(event.event.type)) {
            m_types.insert(std::lower_bound(m_types.cbegin(), m_types.cend(), event.event.type),
                           event.event.type);
            newType = true;
        }
    }
    if (newSource)
        Q_EMIT sourcesChanged();
    if (newType)
        Q_EMIT typesChanged();
}

const CapturedEvent *EventLogModel::locate(double seq) const
{
    // Sequence numbers grow with each event, so the log is sorted by them.
    const auto found = std::lower_bound(m_events.cbegin(), m_events.cend(), quint64(seq),
                                        [](const CapturedEvent &e, quint64 s) { return e.seq < s; });
    return found == m_events.cend() || found->seq != quint64(seq) ? nullptr : &*found;
}

QVariantMap EventLogModel::find(double seq) const
{
    const CapturedEvent *found = locate(seq);
    if (!found)
        return {};
    const QJsonDocument json = QJsonDocument::fromJson(found->event.data.toUtf8());
    return {{QStringLiteral("source"), found->source},
            {QStringLiteral("type"), found->event.type},
            {QStringLiteral("eventId"), found->event.id},
            {QStringLiteral("timestamp"),
             QDateTime::fromMSecsSinceEpoch(found->receivedMs, Qt::UTC).toString(Qt::ISODateWithMs)},
            {QStringLiteral("pretty"),
             json.isNull() ? found->event.data : QString::fromUtf8(json.toJson(QJsonDocument::Indented))}};
}
