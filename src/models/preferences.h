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
    Q_PROPERTY(
        int eventLogCapacity READ eventLogCapacity WRITE setEventLogCapacity NOTIFY eventLogCapacityChanged)

public:
    explicit Preferences(QObject *parent = nullptr);

    bool darkTheme() const { return m_darkTheme; }
    void setDarkTheme(bool dark);
    // How many events the Events page holds (1 000 to 1 000 000).
    int eventLogCapacity() const { return m_eventLogCapacity; }
    void setEventLogCapacity(int capacity);

Q_SIGNALS:
    void darkThemeChanged();
    void eventLogCapacityChanged();

private:
    QSettings m_settings;
    bool m_darkTheme;
    int m_eventLogCapacity;
};
