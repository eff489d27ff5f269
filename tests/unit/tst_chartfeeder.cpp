#include "chartfeeder.h"
#include "m4decimator.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

class TestChartFeeder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decimatorKeepsFirstMinMaxLastPerColumn();
    void decimatorLeavesSmallSeriesAlone();
    void decimatorBoundsPointsPerColumn();
    void feederReplacesOncePerFlushAndSetsRanges();
    void feederKeepsTheWindowAndOrder();
};

void TestChartFeeder::decimatorKeepsFirstMinMaxLastPerColumn()
{
    // Two columns over [0, 20): column 0 has x 0..9, column 1 has x 10..19.
    QList<QPointF> points;
    const double ys[] = {5, 7, 1, 9, 4, 6, 6, 3, 8, 2, /* column 1 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    for (int x = 0; x < 20; ++x)
        points << QPointF(x, ys[x]);
    const QList<QPointF> out = M4Decimator::decimate(points, 0, 20, 2);
    // Column 0: first (0,5), min (2,1), max (3,9), last (9,2); column 1 flat: first, last (min/max coincide).
    QCOMPARE(out, (QList<QPointF>{{0, 5}, {2, 1}, {3, 9}, {9, 2}, {10, 0}, {19, 0}}));
}

void TestChartFeeder::decimatorLeavesSmallSeriesAlone()
{
    const QList<QPointF> points{{1, 1}, {2, 5}, {3, 2}, {50, 0}};
    QCOMPARE(M4Decimator::decimate(points, 0, 10, 10), (QList<QPointF>{{1, 1}, {2, 5}, {3, 2}}));
    QVERIFY(M4Decimator::decimate({}, 0, 10, 10).isEmpty());
}

void TestChartFeeder::decimatorBoundsPointsPerColumn()
{
    QList<QPointF> points;
    for (int i = 0; i < 100000; ++i)
        points << QPointF(i, std::sin(i / 50.0) * 100 + (i % 7));
    const QList<QPointF> out = M4Decimator::decimate(points, 0, 100000, 500);
    QVERIFY(out.size() <= 4 * 500);
    QVERIFY(out.size() > 500);
    QVERIFY(std::is_sorted(out.cbegin(), out.cend(),
                           [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
    // The extremes survive.
    auto byY = [](const QPointF &a, const QPointF &b) {
        return a.y() < b.y();
    };
    QCOMPARE(std::max_element(out.cbegin(), out.cend(), byY)->y(),
             std::max_element(points.cbegin(), points.cend(), byY)->y());
    QCOMPARE(std::min_element(out.cbegin(), out.cend(), byY)->y(),
             std::min_element(points.cbegin(), points.cend(), byY)->y());
}

void TestChartFeeder::feederReplacesOncePerFlushAndSetsRanges()
{
    ChartFeeder feeder;
    QSignalSpy names(&feeder, &ChartFeeder::seriesNamesChanged);
    const qint64 now = 1795957262000;
    for (int i = 0; i < 5000; ++i)
        feeder.addSample({"AAPL", 100.0 + i % 10, now - 50000 + i * 10});
    feeder.addSample({"MSFT", 400, now - 1000});
    QCOMPARE(feeder.seriesNames(), (QStringList{"AAPL", "MSFT"}));
    QCOMPARE(names.size(), 2);

    QLineSeries series;
    QDateTimeAxis axisX;
    QValueAxis axisY;
    feeder.setColumns(200);
    feeder.attach("AAPL", &series, &axisX, &axisY);
    QSignalSpy replaced(&series, &QXYSeries::pointsReplaced);
    QSignalSpy yRange(&axisY, &QValueAxis::rangeChanged);
    feeder.addSample({"AAPL", 150, now});
    feeder.flush(now);
    QCOMPARE(replaced.size(), 1);
    QCOMPARE(yRange.size(), 1);
    QVERIFY(series.count() <= 4 * 200);
    QCOMPARE(series.points().constLast(), QPointF(double(now), 150));
    QVERIFY(axisY.min() < 100 && axisY.max() > 150);
    QCOMPARE(axisX.max(), QDateTime::fromMSecsSinceEpoch(now));
    QCOMPARE(axisX.min(), QDateTime::fromMSecsSinceEpoch(now - 60000)); // the default window: a minute
    QCOMPARE(feeder.latest("AAPL"), 150.0);

    // Batches within a chart tick are drawn together when it comes: one more replace, not three.
    feeder.addSample({"AAPL", 151, now + 10});
    feeder.flush(now + 10);
    feeder.addSample({"AAPL", 152, now + 20});
    feeder.flush(now + 20);
    feeder.flush(now + 30);
    QCOMPARE(replaced.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(replaced.size(), 2, 5000);
    QCOMPARE(series.points().constLast(), QPointF(double(now + 20), 152));
    QCOMPARE(axisX.max(), QDateTime::fromMSecsSinceEpoch(now + 30));
}

void TestChartFeeder::feederKeepsTheWindowAndOrder()
{
    ChartFeeder feeder;
    const qint64 now = 1795957262000;
    feeder.addSample({"t", 1, now - 2 * 3600000}); // older than the longest window
    feeder.addSample({"t", 3, now - 1000});
    feeder.addSample({"t", 2, now - 2000}); // late: slotted in by time
    feeder.flush(now);
    QCOMPARE(feeder.pointCount("t"), 2);

    QLineSeries series;
    QDateTimeAxis axisX;
    QValueAxis axisY;
    feeder.attach("t", &series, &axisX, &axisY);
    QCOMPARE(series.points(), (QList<QPointF>{{double(now - 2000), 2}, {double(now - 1000), 3}}));
    feeder.setWindowMinutes(15);
    QCOMPARE(axisX.min(), QDateTime::fromMSecsSinceEpoch(now - 15 * 60000));
    feeder.detach(&series);
    feeder.addSample({"t", 4, now + 500});
    feeder.flush(now + 1000);
    QCOMPARE(series.count(), 2); // detached: no longer drawn
}

QTEST_MAIN(TestChartFeeder)
#include "tst_chartfeeder.moc"
