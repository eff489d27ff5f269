// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferences.h"

#include "capturebackend.h"
#include "eventlogmodel.h"

namespace {

const QString DarkThemeKey = QStringLiteral("display/darkTheme");
const QString EventLogCapacityKey = QStringLiteral("events/logCapacity");
const QString MaxAgeKey = QStringLiteral("capture/maxAgeDays");
const QString MaxMegabytesKey = QStringLiteral("capture/maxMegabytes");
const QString SharedStoreKey = QStringLiteral("capture/sharedStore");
constexpr int MinCapacity = 1000;
constexpr int MaxCapacity = 1000000;

} // namespace

Preferences::Preferences(QObject *parent)
    : QObject(parent)
    , m_darkTheme(m_settings.value(DarkThemeKey, true).toBool())
    , m_eventLogCapacity(
          std::clamp(m_settings.value(EventLogCapacityKey, EventLogModel::DefaultCapacity).toInt(),
                     MinCapacity, MaxCapacity))
    , m_captureMaxAgeDays(std::max(0, m_settings.value(MaxAgeKey, RetentionPolicy().maxAgeDays).toInt()))
    , m_captureMaxMegabytes(
          std::max(0, m_settings.value(MaxMegabytesKey, int(RetentionPolicy().maxBytes >> 20)).toInt()))
    , m_sharedStore(m_settings.value(SharedStoreKey).toString())
{}

template<typename T> bool Preferences::store(T &member, T value, const QString &key)
{
    if (value == member)
        return false;
    member = value;
    m_settings.setValue(key, value);
    return true;
}

void Preferences::setDarkTheme(bool dark)
{
    if (store(m_darkTheme, dark, DarkThemeKey))
        Q_EMIT darkThemeChanged();
}

void Preferences::setEventLogCapacity(int capacity)
{
    if (store(m_eventLogCapacity, std::clamp(capacity, MinCapacity, MaxCapacity), EventLogCapacityKey))
        Q_EMIT eventLogCapacityChanged();
}

void Preferences::setCaptureMaxAgeDays(int days)
{
    if (store(m_captureMaxAgeDays, std::max(0, days), MaxAgeKey))
        Q_EMIT retentionChanged();
}

void Preferences::setCaptureMaxMegabytes(int megabytes)
{
    if (store(m_captureMaxMegabytes, std::max(0, megabytes), MaxMegabytesKey))
        Q_EMIT retentionChanged();
}

void Preferences::setSharedStore(const QString &location)
{
    if (store(m_sharedStore, location.trimmed(), SharedStoreKey))
        Q_EMIT sharedStoreChanged();
}
