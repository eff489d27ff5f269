#include "preferences.h"

namespace {

const QString DarkThemeKey = QStringLiteral("display/darkTheme");

} // namespace

Preferences::Preferences(QObject *parent)
    : QObject(parent)
    , m_darkTheme(m_settings.value(DarkThemeKey, true).toBool())
{}

void Preferences::setDarkTheme(bool dark)
{
    if (dark == m_darkTheme)
        return;
    m_darkTheme = dark;
    m_settings.setValue(DarkThemeKey, dark);
    Q_EMIT darkThemeChanged();
}
