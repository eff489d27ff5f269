// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventlogmodel.h"
#include "preferences.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

class TestPreferences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void defaultsThenKeptBetweenRuns();
    void capacityIsClamped();
};

void TestPreferences::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings go to a test location, not the user's
    QCoreApplication::setOrganizationName("EventScopeTest");
    QCoreApplication::setApplicationName("tst_preferences");
    QSettings().clear();
}

void TestPreferences::defaultsThenKeptBetweenRuns()
{
    {
        Preferences preferences;
        QCOMPARE(preferences.darkTheme(), true);
        QCOMPARE(preferences.eventLogCapacity(), EventLogModel::DefaultCapacity);
        QSignalSpy changed(&preferences, &Preferences::eventLogCapacityChanged);
        preferences.setDarkTheme(false);
        preferences.setEventLogCapacity(25000);
        preferences.setEventLogCapacity(25000);
        QCOMPARE(changed.size(), 1);
    }
    Preferences later;
    QCOMPARE(later.darkTheme(), false);
    QCOMPARE(later.eventLogCapacity(), 25000);
}

void TestPreferences::capacityIsClamped()
{
    Preferences preferences;
    preferences.setEventLogCapacity(5);
    QCOMPARE(preferences.eventLogCapacity(), 1000);
    preferences.setEventLogCapacity(50000000);
    QCOMPARE(preferences.eventLogCapacity(), 1000000);
    QSettings().setValue("events/logCapacity", -3); // a hand-edited settings file
    QCOMPARE(Preferences().eventLogCapacity(), 1000);
}

QTEST_GUILESS_MAIN(TestPreferences)
#include "tst_preferences.moc"
