// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QJsonObject>
#include <QtQml/qqmlregistration.h>

// The Progress panel's jobs: running jobs on top in the order they started, finished and failed ones
// below them, most recent first, and only the latest `finishedCapacity` of those kept.
class JobModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int runningCount READ runningCount NOTIFY countChanged)

public:
    enum Role {
        JobRole = Qt::UserRole + 1,
        NameRole,
        PercentRole, // 0…100
        StateRole,   // running, done, failed
        EtaRole,     // seconds left, or -1 when unknown
        ErrorRole,
        UpdatedRole, // milliseconds since the epoch
    };
    Q_ENUM(Role)

    static constexpr int FinishedCapacity = 50;

    explicit JobModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int runningCount() const { return m_running; }

    // A job's update as the demo's /progress and /jobs feeds send it: {job, name, percent, state, eta,
    // error}; `job` is the key, the rest optional. `type` (progress, done, failed) gives the state when
    // the data names none.
    Q_INVOKABLE void update(const QString &type, const QJsonObject &data, qint64 timeMs);

Q_SIGNALS:
    void countChanged();

private:
    struct Job
    {
        QString id;
        QString name;
        double percent = 0;
        QString state;
        double etaSeconds = -1;
        QString error;
        qint64 updatedMs = 0;
        bool isRunning() const { return state == QLatin1String("running"); }
    };

    int m_running = 0; // rows [0, m_running) run; the rest have ended
    QList<Job> m_jobs;
};
