// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedgenerator.h"
#include "ratepacer.h"

#include <random>

// IoT telemetry from N simulated devices with temperature, humidity, pressure and battery sensors.
// Events: `reading` {device, sensor, value, unit, time}; `alert` {device, level, message} when a value
// crosses a threshold; `status` {device, state, time} when a device goes offline or comes back.
class IotFeed : public FeedGenerator
{
public:
    IotFeed(int devices, double eventsPerSecond, quint32 seed);
    void advance(qint64 nowMs, QList<SseEvent> &out) override;

private:
    struct Sensor
    {
        QString name;
        QString unit;
        double value;
        double step; // standard deviation of one move
        double low;  // the walk stays within [low, high]
        double high;
        double warnAbove; // NaN: no such threshold
        double warnBelow;
        double criticalAbove;
        double criticalBelow;
        int level = 0; // 0 normal, 1 warning, 2 critical: alerts go out on a change of level
    };
    struct Device
    {
        QString id;
        QList<Sensor> sensors;
        qsizetype nextSensor = 0;
        int offlineFor = 0; // events still to pass before it comes back
    };

    void moveSensor(Device &device, Sensor &sensor, qint64 nowMs, QList<SseEvent> &out);
    void changeAvailability(Device &device, qint64 nowMs, QList<SseEvent> &out);

    QList<Device> m_devices;
    qsizetype m_next = 0;
    RatePacer m_pacer;
    std::mt19937 m_random;
};
