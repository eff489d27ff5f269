// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QJsonObject>
#include <QtQml/qqmlregistration.h>

// The IoT panel's devices: one row per device with its latest reading per sensor (value and unit) and
// whether it is online, from `status` events or, failing those, from having been heard from recently.
class DeviceModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QStringList sensors READ sensors NOTIFY sensorsChanged)

public:
    enum Role {
        DeviceRole = Qt::UserRole + 1,
        OnlineRole,
        // "temperature 22.1 °C  humidity 55.3 %", two readings a line in the order sensors were first
        // seen, columns aligned for a fixed-width font: one text to lay out, not one per reading.
        ReadingsTextRole,
        LastSeenRole,
    };
    Q_ENUM(Role)

    static constexpr qint64 SilenceMeansOfflineMs = 30000;

    explicit DeviceModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    QStringList sensors() const { return m_sensors; }

    Q_INVOKABLE void reading(const QString &device, const QString &sensor, double value, const QString &unit,
                             qint64 timeMs);
    Q_INVOKABLE void status(const QString &device, bool online, qint64 timeMs);
    // Marks devices silent for too long offline.
    void age(qint64 nowMs);
    Q_INVOKABLE QString unitOf(const QString &sensor) const { return m_units.value(sensor); }
    Q_INVOKABLE QString deviceAt(int row) const
    {
        return row >= 0 && row < m_devices.size() ? m_devices[row].id : QString();
    }

Q_SIGNALS:
    void countChanged();
    void sensorsChanged();

private:
    struct Reading
    {
        QString sensor;
        double value = 0;
    };
    struct Device
    {
        QString id;
        bool online = true;
        bool reportsStatus = false; // its own status events rule over silence
        QList<Reading> readings;
        qint64 lastSeenMs = 0;
    };

    int rowOf(const QString &device, qint64 timeMs);
    QString readingsText(const Device &device) const;

    QList<Device> m_devices;
    QStringList m_sensors;
    QHash<QString, QString> m_units;
};
