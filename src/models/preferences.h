// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSettings>
#include <QtQml/qqmlregistration.h>

// The operator's display and capture choices, kept between runs in the platform's settings store.
class Preferences : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool darkTheme READ darkTheme WRITE setDarkTheme NOTIFY darkThemeChanged)
    Q_PROPERTY(
        int eventLogCapacity READ eventLogCapacity WRITE setEventLogCapacity NOTIFY eventLogCapacityChanged)
    Q_PROPERTY(
        int captureMaxAgeDays READ captureMaxAgeDays WRITE setCaptureMaxAgeDays NOTIFY retentionChanged)
    Q_PROPERTY(
        int captureMaxMegabytes READ captureMaxMegabytes WRITE setCaptureMaxMegabytes NOTIFY retentionChanged)
    Q_PROPERTY(QString sharedStore READ sharedStore WRITE setSharedStore NOTIFY sharedStoreChanged)

public:
    explicit Preferences(QObject *parent = nullptr);

    bool darkTheme() const { return m_darkTheme; }
    void setDarkTheme(bool dark);
    // How many events the Events page holds (1 000 to 1 000 000).
    int eventLogCapacity() const { return m_eventLogCapacity; }
    void setEventLogCapacity(int capacity);
    // How long and how much the capture store keeps (0: no limit).
    int captureMaxAgeDays() const { return m_captureMaxAgeDays; }
    void setCaptureMaxAgeDays(int days);
    int captureMaxMegabytes() const { return m_captureMaxMegabytes; }
    void setCaptureMaxMegabytes(int megabytes);
    // The capture store the Store page browses instead of this desktop's own (a postgresql:// URL, or
    // another SQLite file); empty: its own.
    QString sharedStore() const { return m_sharedStore; }
    void setSharedStore(const QString &location);

Q_SIGNALS:
    void darkThemeChanged();
    void eventLogCapacityChanged();
    void retentionChanged();
    void sharedStoreChanged();

private:
    // Sets `member` and its stored setting; true when the value changed.
    template<typename T> bool store(T &member, T value, const QString &key);

    QSettings m_settings;
    bool m_darkTheme;
    int m_eventLogCapacity;
    int m_captureMaxAgeDays;
    int m_captureMaxMegabytes;
    QString m_sharedStore;
};
