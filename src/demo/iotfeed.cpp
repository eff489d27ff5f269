// SPDX-License-Identifier: GPL-3.0-or-later
#include "iotfeed.h"

#include <cmath>
#include <limits>

namespace {

constexpr double None = std::numeric_limits<double>::quiet_NaN();
constexpr double OfflineChance = 0.004; // per event of a device

double roundTo(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

int levelOf(double value, double warnAbove, double warnBelow, double criticalAbove, double criticalBelow)
{
    if (value > criticalAbove || value < criticalBelow) // comparisons with NaN are false
        return 2;
    if (value > warnAbove || value < warnBelow)
        return 1;
    return 0;
}

} // namespace

IotFeed::IotFeed(int devices, double eventsPerSecond, quint32 seed)
    : m_pacer(eventsPerSecond)
    , m_random(seed)
{
    std::uniform_real_distribution<double> spread(-1.0, 1.0);
    for (int i = 1; i <= devices; ++i) {
        Device device;
        device.id = QStringLiteral("sensor-%1").arg(i, 2, 10, QLatin1Char('0'));
        device.sensors = {
            {QStringLiteral("temperature"), QStringLiteral("°C"), 24 + 3 * spread(m_random), 0.35, -10, 50,
             30, None, 35, None},
            {QStringLiteral("humidity"), QStringLiteral("%"), 55 + 10 * spread(m_random), 1.2, 5, 100, 80,
             None, 92, None},
            {QStringLiteral("pressure"), QStringLiteral("hPa"), 1013 + 5 * spread(m_random), 0.8, 960, 1050,
             None, 995, None, 985},
            {QStringLiteral("battery"), QStringLiteral("%"), 70 + 25 * spread(m_random), 0.5, 0, 100, None,
             20, None, 10},
        };
        m_devices.append(device);
    }
}

void IotFeed::advance(qint64 nowMs, QList<SseEvent> &out)
{
    std::uniform_real_distribution<double> chance(0.0, 1.0);
    for (int due = m_pacer.due(nowMs); due > 0; --due) {
        Device &device = m_devices[m_next++ % m_devices.size()];
        if (device.offlineFor > 0) {
            if (--device.offlineFor == 0)
                changeAvailability(device, nowMs, out);
            continue;
        }
        if (chance(m_random) < OfflineChance) {
            device.offlineFor = std::uniform_int_distribution<int>(5, 30)(m_random);
            changeAvailability(device, nowMs, out);
            continue;
        }
        Sensor &sensor = device.sensors[device.nextSensor++ % device.sensors.size()];
        moveSensor(device, sensor, nowMs, out);
    }
}

void IotFeed::moveSensor(Device &device, Sensor &sensor, qint64 nowMs, QList<SseEvent> &out)
{
    std::normal_distribution<double> move(0.0, sensor.step);
    double value = sensor.value + move(m_random);
    if (sensor.name == QLatin1String("battery"))
        value =
            sensor.value < 6 ? 100.0 : sensor.value - std::abs(move(m_random)); // drains, then is recharged
    sensor.value = std::clamp(value, sensor.low, sensor.high);
    const double shown = roundTo(sensor.value, 2);
    out.append(jsonEvent(QStringLiteral("reading"), {{QStringLiteral("device"), device.id},
                                                     {QStringLiteral("sensor"), sensor.name},
                                                     {QStringLiteral("value"), shown},
                                                     {QStringLiteral("unit"), sensor.unit},
                                                     {QStringLiteral("time"), isoTime(nowMs)}}));

    const int level =
        levelOf(sensor.value, sensor.warnAbove, sensor.warnBelow, sensor.criticalAbove, sensor.criticalBelow);
    if (level == sensor.level)
        return;
    const bool worse = level > sensor.level;
    sensor.level = level;
    static const QString Levels[] = {QStringLiteral("info"), QStringLiteral("warning"),
                                     QStringLiteral("critical")};
    const QString message =
        level == 0
            ? QStringLiteral("%1 back to normal at %2 %3").arg(sensor.name).arg(shown).arg(sensor.unit)
            : QStringLiteral("%1 %2 at %3 %4")
                  .arg(sensor.name, worse ? QStringLiteral("out of range") : QStringLiteral("improving"))
                  .arg(shown)
                  .arg(sensor.unit);
    out.append(jsonEvent(QStringLiteral("alert"), {{QStringLiteral("device"), device.id},
                                                   {QStringLiteral("level"), Levels[level]},
                                                   {QStringLiteral("sensor"), sensor.name},
                                                   {QStringLiteral("value"), shown},
                                                   {QStringLiteral("message"), message},
                                                   {QStringLiteral("time"), isoTime(nowMs)}}));
}

void IotFeed::changeAvailability(Device &device, qint64 nowMs, QList<SseEvent> &out)
{
    out.append(jsonEvent(QStringLiteral("status"),
                         {{QStringLiteral("device"), device.id},
                          {QStringLiteral("state"),
                           device.offlineFor > 0 ? QStringLiteral("offline") : QStringLiteral("online")},
                          {QStringLiteral("time"), isoTime(nowMs)}}));
}
