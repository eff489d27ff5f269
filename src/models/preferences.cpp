#include "preferences.h"

#include "capturebackend.h"
#include "eventlogmodel.h"

namespace {

const QString DarkThemeKey = QStringLiteral("display/darkTheme");
const QString EventLogCapacityKey = QStringLiteral("events/logCapacity");
const QString MaxAgeKey = QStringLiteral("capture/maxAgeDays");
const QString MaxMegabytesKey = QStringLiteral("capture/maxMegabytes");
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
{}

void Preferences::setDarkTheme(bool dark)
{
    if (dark == m_darkTheme)
        return;
    m_darkTheme = dark;
    m_settings.setValue(DarkThemeKey, dark);
    Q_EMIT darkThemeChanged();
}

void Preferences::setEventLogCapacity(int capacity)
{
    capacity = std::clamp(capacity, MinCapacity, MaxCapacity);
    if (capacity == m_eventLogCapacity)
        return;
    m_eventLogCapacity = capacity;
    m_settings.setValue(EventLogCapacityKey, capacity);
    Q_EMIT eventLogCapacityChanged();
}

void Preferences::setCaptureMaxAgeDays(int days)
{
    days = std::max(0, days);
    if (days == m_captureMaxAgeDays)
        return;
    m_captureMaxAgeDays = days;
    m_settings.setValue(MaxAgeKey, days);
    Q_EMIT retentionChanged();
}

void Preferences::setCaptureMaxMegabytes(int megabytes)
{
    megabytes = std::max(0, megabytes);
    if (megabytes == m_captureMaxMegabytes)
        return;
    m_captureMaxMegabytes = megabytes;
    m_settings.setValue(MaxMegabytesKey, megabytes);
    Q_EMIT retentionChanged();
}
