// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartfeeder.h"
#include "devicemodel.h"
#include "feedpanel.h"

// IoT telemetry: devices with their latest readings and online state, and a chart per device and sensor
// (series "device · sensor"). The mapping's first series key names the device, the second the sensor.
class IotPanel : public FeedPanel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The dashboard creates panels for its subscriptions")
    Q_PROPERTY(DeviceModel *devices READ devices CONSTANT)
    Q_PROPERTY(ChartFeeder *chart READ chart CONSTANT)

public:
    IotPanel(const QString &subscriptionId, const FieldMapping &mapping, QObject *parent);

    DeviceModel *devices() { return &m_devices; }
    ChartFeeder *chart() override { return &m_chart; }

    void setMapping(const FieldMapping &mapping) override { m_mapping = mapping; }
    void ingest(const Input &input) override;
    void flush(qint64 nowMs) override;

private:
    QString keyText(const QJsonObject &object, int key) const;

    FieldMapping m_mapping;
    DeviceModel m_devices;
    ChartFeeder m_chart;
};
