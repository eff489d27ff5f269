// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobmodel.h"

JobModel::JobModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int JobModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

QVariant JobModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Job &job = m_jobs[index.row()];
    switch (role) {
    case JobRole:
        return job.id;
    case NameRole:
    case Qt::DisplayRole:
        return job.name.isEmpty() ? job.id : job.name;
    case PercentRole:
        return job.percent;
    case StateRole:
        return job.state;
    case EtaRole:
        return job.etaSeconds;
    case ErrorRole:
        return job.error;
    case UpdatedRole:
        return job.updatedMs;
    default:
        return {};
    }
}

QHash<int, QByteArray> JobModel::roleNames() const
{
    return {{JobRole, "job"}, {NameRole, "name"},   {PercentRole, "percent"}, {StateRole, "jobState"},
            {EtaRole, "eta"}, {ErrorRole, "error"}, {UpdatedRole, "updated"}};
}

void JobModel::update(const QString &type, const QJsonObject &data, qint64 timeMs)
{
    const QString id = data.value(QLatin1String("job")).toVariant().toString();
    if (id.isEmpty())
        return;
    QString state = data.value(QLatin1String("state")).toString();
    if (state.isEmpty())
        state = type == QLatin1String("done") || type == QLatin1String("failed") ? type
                                                                                 : QStringLiteral("running");

    int row = int(std::find_if(m_jobs.cbegin(), m_jobs.cend(), [&id](const Job &j) { return j.id == id; }) -
                  m_jobs.cbegin());
    if (row == m_jobs.size()) { // a new job starts below the running ones
        if (state != QLatin1String("running") && m_jobs.size() - m_running >= FinishedCapacity)
            return; // an old job's end, replayed: not worth a row
        row = m_running;
        beginInsertRows({}, row, row);
        m_jobs.insert(row, Job{id, {}, 0, QStringLiteral("running"), -1, {}, 0});
        ++m_running;
        endInsertRows();
        Q_EMIT countChanged();
    }
    Job &job = m_jobs[row];
    const bool wasRunning = job.isRunning();
    job.name = data.value(QLatin1String("name")).toString(job.name);
    job.percent = std::clamp(data.value(QLatin1String("percent")).toDouble(job.percent), 0.0, 100.0);
    job.state = state;
    job.etaSeconds = data.value(QLatin1String("eta")).toDouble(-1);
    job.error = data.value(QLatin1String("error")).toString(job.error);
    job.updatedMs = timeMs;
    Q_EMIT dataChanged(index(row), index(row));

    if (wasRunning && !job.isRunning()) {
        // Ended: move it to the top of the ended ones, just below the last running job.
        --m_running;
        if (row != m_running) {
            beginMoveRows({}, row, row, {}, m_running + 1);
            m_jobs.move(row, m_running);
            endMoveRows();
        }
        if (m_jobs.size() - m_running > FinishedCapacity) {
            beginRemoveRows({}, int(m_jobs.size()) - 1, int(m_jobs.size()) - 1);
            m_jobs.removeLast();
            endRemoveRows();
        }
        Q_EMIT countChanged();
    } else if (!wasRunning && job.isRunning()) { // restarted: back up among the running
        if (row != m_running) {
            beginMoveRows({}, row, row, {}, m_running);
            m_jobs.move(row, m_running);
            endMoveRows();
        }
        ++m_running;
        Q_EMIT countChanged();
    }
}
