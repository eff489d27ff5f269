// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicemodel.h"

#include <algorithm>

DeviceModel::DeviceModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int DeviceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_devices.size());
}

QVariant DeviceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Device &device = m_devices[index.row()];
    switch (role) {
    case DeviceRole:
    case Qt::DisplayRole:
        return device.id;
    case OnlineRole:
        return device.online;
    case ReadingsTextRole:
        return readingsText(device);
    case LastSeenRole:
        return device.lastSeenMs;
    default:
        return {};
    }
}

QHash<int, QByteArray> DeviceModel::roleNames() const
{
    return {{DeviceRole, "device"},
            {OnlineRole, "online"},
            {ReadingsTextRole, "readingsText"},
            {LastSeenRole, "lastSeen"}};
}

QString DeviceModel::readingsText(const Device &device) const
{
    constexpr int PerLine = 2;
    QStringList cells;
    for (const QString &sensor : m_sensors) {
        for (const Reading &reading : device.readings) {
            if (reading.sensor == sensor)
                cells << QStringLiteral("%1 %2 %3")
                             .arg(sensor, QString::number(reading.value, 'f', 1), m_units.value(sensor))
                             .trimmed();
        }
    }
    qsizetype width = 0;
    for (qsizetype i = 0; i < cells.size(); i += PerLine)
        width = std::max(width, cells[i].size());
    QString text;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i % PerLine == 0)
            text += (i > 0 ? QStringLiteral("\n") : QString()) + cells[i];
        else
            text += QString(width - cells[i - 1].size() + 2, QLatin1Char(' ')) + cells[i];
    }
    return text;
}

int DeviceModel::rowOf(const QString &device, qint64 timeMs)
{
    for (int row = 0; row < m_devices.size(); ++row) {
        if (m_devices[row].id == device)
            return row;
    }
    // Devices are listed by name, so sensor-02 comes before sensor-10 whatever order they report in.
    const auto at = std::lower_bound(m_devices.cbegin(), m_devices.cend(), device,
                                     [](const Device &d, const QString &id) { return d.id < id; });
    const int row = int(at - m_devices.cbegin());
    beginInsertRows({}, row, row);
    m_devices.insert(row, Device{device, true, false, {}, timeMs});
    endInsertRows();
    Q_EMIT countChanged();
    return row;
}

void DeviceModel::reading(const QString &device, const QString &sensor, double value, const QString &unit,
                          qint64 timeMs)
{
    if (!m_sensors.contains(sensor)) {
        m_sensors.append(sensor);
        Q_EMIT sensorsChanged();
    }
    if (!unit.isEmpty())
        m_units.insert(sensor, unit);
    const int row = rowOf(device, timeMs);
    Device &entry = m_devices[row];
    auto found = std::find_if(entry.readings.begin(), entry.readings.end(),
                              [&sensor](const Reading &r) { return r.sensor == sensor; });
    if (found == entry.readings.end())
        entry.readings.append({sensor, value});
    else
        found->value = value;
    entry.lastSeenMs = timeMs;
    if (!entry.reportsStatus)
        entry.online = true;
    Q_EMIT dataChanged(index(row), index(row), {ReadingsTextRole, OnlineRole, LastSeenRole});
}

void DeviceModel::status(const QString &device, bool online, qint64 timeMs)
{
    const int row = rowOf(device, timeMs);
    Device &entry = m_devices[row];
    entry.reportsStatus = true;
    entry.online = online;
    entry.lastSeenMs = timeMs;
    Q_EMIT dataChanged(index(row), index(row), {OnlineRole, LastSeenRole});
}

void DeviceModel::age(qint64 nowMs)
{
    for (int row = 0; row < m_devices.size(); ++row) {
        Device &device = m_devices[row];
        if (device.online && !device.reportsStatus && nowMs - device.lastSeenMs > SilenceMeansOfflineMs) {
            device.online = false;
            Q_EMIT dataChanged(index(row), index(row), {OnlineRole});
        }
    }
}
