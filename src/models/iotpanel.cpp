// SPDX-License-Identifier: GPL-3.0-or-later
#include "iotpanel.h"

IotPanel::IotPanel(const QString &subscriptionId, const FieldMapping &mapping, QObject *parent)
    : FeedPanel(subscriptionId, QStringLiteral("iot"), parent)
    , m_mapping(mapping)
{}

QString IotPanel::keyText(const QJsonObject &object, int key) const
{
    if (key >= m_mapping.seriesKey.size())
        return {};
    const std::optional<QJsonValue> value = FieldMapping::resolve(object, m_mapping.seriesKey[key]);
    return value ? value->toVariant().toString() : QString();
}

void IotPanel::ingest(const Input &input)
{
    const QString device = keyText(input.object, 0);
    if (input.event.event.type == QLatin1String("status") && !device.isEmpty()) {
        const QString state = input.object.value(QLatin1String("state")).toString();
        m_devices.status(device, state != QLatin1String("offline"), input.event.receivedMs);
        return;
    }
    if (!input.sample)
        return;
    const QString sensor = keyText(input.object, 1);
    m_devices.reading(device.isEmpty() ? input.sample->series : device,
                      sensor.isEmpty() ? QStringLiteral("value") : sensor, input.sample->value,
                      input.object.value(QLatin1String("unit")).toString(), input.sample->timeMs);
}

void IotPanel::flush(qint64 nowMs)
{
    m_devices.age(nowMs);
}
