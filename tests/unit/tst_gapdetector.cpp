// SPDX-License-Identifier: GPL-3.0-or-later
#include "gapdetector.h"

#include <QTest>

class TestGapDetector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsMissingEvents_data();
    void countsMissingEvents();
};

void TestGapDetector::countsMissingEvents_data()
{
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QList<qint64>>("missing");
    QTest::newRow("contiguous") << QStringList{"1", "2", "3"} << QList<qint64>{0, 0, 0};
    QTest::newRow("two lost") << QStringList{"41", "44"} << QList<qint64>{0, 2};
    QTest::newRow("repeated id (events without id:)") << QStringList{"5", "5", "6"} << QList<qint64>{0, 0, 0};
    QTest::newRow("restart counts nothing") << QStringList{"90", "1", "3"} << QList<qint64>{0, 0, 1};
    QTest::newRow("prefixed") << QStringList{"job-1:1", "job-1:4", "job-2:7"} << QList<qint64>{0, 2, 0};
    QTest::newRow("not numeric") << QStringList{"a", "b7x", "", "3"} << QList<qint64>{0, 0, 0, 0};
    QTest::newRow("non-numeric breaks the run") << QStringList{"1", "x", "5"} << QList<qint64>{0, 0, 0};
}

void TestGapDetector::countsMissingEvents()
{
    QFETCH(QStringList, ids);
    QFETCH(QList<qint64>, missing);
    GapDetector detector;
    QList<qint64> actual;
    for (const QString &id : ids)
        actual << detector.observe(id);
    QCOMPARE(actual, missing);
}

QTEST_GUILESS_MAIN(TestGapDetector)
#include "tst_gapdetector.moc"
