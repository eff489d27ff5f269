#pragma once

#include <QObject>
#include <QSettings>
#include <QtQml/qqmlregistration.h>

// The operator's display choices, kept between runs in the platform's settings store.
class Preferences : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool darkTheme READ darkTheme WRITE setDarkTheme NOTIFY darkThemeChanged)

public:
    explicit Preferences(QObject *parent = nullptr);

    bool darkTheme() const { return m_darkTheme; }
    void setDarkTheme(bool dark);

Q_SIGNALS:
    void darkThemeChanged();

private:
    QSettings m_settings;
    bool m_darkTheme;
};
