// SPDX-License-Identifier: GPL-3.0-or-later
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
    void feederReplacesOncePerFrameAndSetsRanges();
    void feederTellsWhatItShows();
    void niceRangesHoldWhileTheDataFits();
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

namespace {

ChartFrame frameOf(const QList<QPointF> &points, qint64 fromMs, qint64 toMs)
{
    ChartFrame frame{fromMs, toMs, {"AAPL", "MSFT"}, {}};
    frame.series["AAPL"] = {points, points.size(), points.isEmpty() ? 0 : points.constLast().y()};
    frame.series["MSFT"] = {{}, 7, 400};
    return frame;
}

} // namespace

void TestChartFeeder::feederReplacesOncePerFrameAndSetsRanges()
{
    ChartFeeder feeder;
    QSignalSpy names(&feeder, &ChartFeeder::seriesNamesChanged);
    const qint64 now = 1795957262000;
    const QList<QPointF> points{{double(now - 2000), 101.3}, {double(now - 1000), 149.2}};
    feeder.apply(frameOf(points, now - 60000, now));
    QCOMPARE(feeder.seriesNames(), (QStringList{"AAPL", "MSFT"}));
    QCOMPARE(names.size(), 1);
    QCOMPARE(feeder.pointCount("MSFT"), 7);
    QCOMPARE(feeder.latest("MSFT"), 400.0);

    QLineSeries series;
    QDateTimeAxis axisX;
    QValueAxis axisY;
    feeder.attach("AAPL", &series, &axisX, &axisY);
    QCOMPARE(series.points(), points);
    QCOMPARE(axisX.max(), QDateTime::fromMSecsSinceEpoch(now));
    QCOMPARE(axisX.min(), QDateTime::fromMSecsSinceEpoch(now - 60000));
    // Nice numbers around the data, on a step of 1, 2, 2.5 or 5 times a power of ten: 80, 100, ... 160.
    QCOMPARE(axisY.min(), 80.0);
    QCOMPARE(axisY.max(), 160.0);

    QSignalSpy replaced(&series, &QXYSeries::pointsReplaced);
    QSignalSpy xRange(&axisX, &QDateTimeAxis::rangeChanged);
    QSignalSpy yRange(&axisY, &QValueAxis::rangeChanged);
    const QList<QPointF> more = points + QList<QPointF>{{double(now - 500), 120}};
    feeder.apply(frameOf(more, now - 60000, now));
    QCOMPARE(replaced.size(), 1);
    QCOMPARE(series.points(), more);
    QCOMPARE(xRange.size(), 0); // the same step and data inside the range: labels stay as they are
    QCOMPARE(yRange.size(), 0);
    QCOMPARE(names.size(), 1);
    feeder.apply(frameOf(more + QList<QPointF>{{double(now), 900}}, now - 55000, now + 5000));
    QCOMPARE(xRange.size(), 1);
    QCOMPARE(yRange.size(), 1);
    QVERIFY(axisY.max() >= 900);

    feeder.detach(&series);
    feeder.apply(frameOf(points, now - 60000, now));
    QCOMPARE(replaced.size(), 2); // detached: no longer drawn
}

void TestChartFeeder::feederTellsWhatItShows()
{
    ChartFeeder feeder;
    QSignalSpy changed(&feeder, &ChartFeeder::viewChanged);
    auto *series = new QLineSeries;
    QLineSeries other;
    feeder.attach("b", series, nullptr, nullptr);
    feeder.attach("a", &other, nullptr, nullptr);
    QCOMPARE(feeder.view().shown, (QStringList{"a", "b"}));
    feeder.setColumns(321);
    feeder.setWindowMinutes(15);
    QCOMPARE(changed.size(), 4);
    QCOMPARE(feeder.view().columns, 321);
    QCOMPARE(feeder.view().windowMinutes, 15);
    delete series; // a chart scrolled out of view takes its series along
    QCOMPARE(changed.size(), 5);
    QCOMPARE(feeder.view().shown, QStringList{"a"});
    feeder.setWindowMinutes(15);
    QCOMPARE(changed.size(), 5);
}

void TestChartFeeder::niceRangesHoldWhileTheDataFits()
{
    using Range = QPair<double, double>;
    QCOMPARE(ChartFeeder::niceRange(20.955, 24.474, {}), Range(20, 28));        // labels 20, 22, 24, 26, 28
    QCOMPARE(ChartFeeder::niceRange(21.1, 26.5, Range(20, 28)), Range(20, 28)); // still inside: held
    QCOMPARE(ChartFeeder::niceRange(21.1, 28.5, Range(20, 28)), Range(20, 30));
    QCOMPARE(ChartFeeder::niceRange(23, 23.5, Range(20, 28)), Range(22.8, 23.6)); // under a third: closer
    QCOMPARE(ChartFeeder::niceRange(0, 0, {}), Range(-0.5, 0.5));                 // a flat line in the middle
    const Range flat = ChartFeeder::niceRange(5, 5, {});
    QVERIFY(flat.first < 5 && flat.second > 5);
}

QTEST_MAIN(TestChartFeeder)
#include "tst_chartfeeder.moc"
