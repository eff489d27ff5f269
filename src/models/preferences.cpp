#include "preferences.h"

#include "eventlogmodel.h"

namespace {

const QString DarkThemeKey = QStringLiteral("display/darkTheme");
const QString EventLogCapacityKey = QStringLiteral("events/logCapacity");
constexpr int MinCapacity = 1000;
constexpr int MaxCapacity = 1000000;

} // namespace

Preferences::Preferences(QObject *parent)
    : QObject(parent)
    , m_darkTheme(m_settings.value(DarkThemeKey, true).toBool())
    , m_eventLogCapacity(
          std::clamp(m_settings.value(EventLogCapacityKey, EventLogModel::DefaultCapacity).toInt(),
                     MinCapacity, MaxCapacity))
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
