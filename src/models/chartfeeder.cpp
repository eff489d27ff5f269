#include "chartfeeder.h"

#include "m4decimator.h"

#include <QDateTime>
#include <QtCharts/QAbstractAxis>
#include <QtCharts/QXYSeries>
#include <algorithm>

ChartFeeder::ChartFeeder(QObject *parent)
    : QObject(parent)
{
    m_redrawTimer.setSingleShot(true);
    connect(&m_redrawTimer, &QTimer::timeout, this, &ChartFeeder::redraw);
}

void ChartFeeder::setWindowMinutes(int minutes)
{
    minutes = std::clamp(minutes, 1, MaxWindowMinutes);
    if (minutes == m_windowMinutes)
        return;
    m_windowMinutes = minutes;
    Q_EMIT windowMinutesChanged();
    redraw();
}

void ChartFeeder::setColumns(int columns)
{
    columns = std::max(1, columns);
    if (columns == m_columns)
        return;
    m_columns = columns;
    Q_EMIT columnsChanged();
    redraw();
}

void ChartFeeder::addSample(const FieldMapping::Sample &sample)
{
    auto found = m_points.find(sample.series);
    if (found == m_points.end()) {
        found = m_points.insert(sample.series, {});
        m_names.append(sample.series);
        Q_EMIT seriesNamesChanged();
    }
    QList<QPointF> &points = *found;
    const QPointF point(double(sample.timeMs), sample.value);
    if (points.isEmpty() || points.constLast().x() <= point.x()) {
        points.push_back(point);
    } else { // a late sample: keep the series sorted by time
        points.insert(std::upper_bound(points.begin(), points.end(), point,
                                       [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }),
                      point);
    }
    if (points.size() > MaxPointsPerSeries)
        points.removeFirst();
}

void ChartFeeder::flush(qint64 nowMs)
{
    m_nowMs = nowMs;
    const double oldest = double(nowMs - qint64(MaxWindowMinutes) * 60000);
    for (QList<QPointF> &points : m_points) {
        const auto kept = std::lower_bound(points.cbegin(), points.cend(), oldest,
                                           [](const QPointF &p, double x) { return p.x() < x; });
        if (kept != points.cbegin())
            points.remove(0, kept - points.cbegin());
    }
    requestRedraw();
}

void ChartFeeder::requestRedraw()
{
    if (m_redrawTimer.isActive())
        return; // the next chart tick draws what came meanwhile
    const qint64 since = m_sinceRedraw.isValid() ? m_sinceRedraw.elapsed() : RedrawIntervalMs;
    if (since >= RedrawIntervalMs)
        redraw();
    else
        m_redrawTimer.start(int(RedrawIntervalMs - since));
}

void ChartFeeder::attach(const QString &name, QObject *xySeries, QObject *axisX, QObject *axisY)
{
    auto *series = qobject_cast<QXYSeries *>(xySeries);
    if (!series)
        return;
    detach(series);
    m_attachments.append(
        {name, series, qobject_cast<QAbstractAxis *>(axisX), qobject_cast<QAbstractAxis *>(axisY)});
    redraw();
}

void ChartFeeder::detach(QObject *xySeries)
{
    m_attachments.removeIf(
        [xySeries](const Attachment &a) { return a.series.isNull() || a.series == xySeries; });
}

int ChartFeeder::pointCount(const QString &name) const
{
    const auto found = m_points.constFind(name);
    return found == m_points.cend() ? 0 : int(found->size());
}

double ChartFeeder::latest(const QString &name) const
{
    const auto found = m_points.constFind(name);
    return found == m_points.cend() || found->isEmpty() ? qQNaN() : found->constLast().y();
}

void ChartFeeder::redraw()
{
    if (m_nowMs == 0)
        return;
    m_redrawTimer.stop();
    m_sinceRedraw.start();
    const double to = double(m_nowMs);
    const double from = to - double(m_windowMinutes) * 60000.0;
    struct Range
    {
        double low = std::numeric_limits<double>::max();
        double high = std::numeric_limits<double>::lowest();
    };
    QHash<QAbstractAxis *, Range> yRanges;
    QList<QAbstractAxis *> xAxes;
    for (const Attachment &attachment : std::as_const(m_attachments)) {
        if (!attachment.series)
            continue;
        const QList<QPointF> shown =
            M4Decimator::decimate(m_points.value(attachment.name), from, to, m_columns);
        attachment.series->replace(shown);
        if (attachment.axisY) {
            Range &range = yRanges[attachment.axisY];
            for (const QPointF &point : shown) {
                range.low = std::min(range.low, point.y());
                range.high = std::max(range.high, point.y());
            }
        }
        if (attachment.axisX && !xAxes.contains(attachment.axisX))
            xAxes.append(attachment.axisX);
    }
    for (QAbstractAxis *axis : std::as_const(xAxes))
        axis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(from)),
                       QDateTime::fromMSecsSinceEpoch(qint64(to)));
    for (auto it = yRanges.cbegin(); it != yRanges.cend(); ++it) {
        if (it->low > it->high)
            continue;
        // A flat line sits in the middle rather than on the edge; otherwise 8 % headroom each side.
        const double pad =
            it->high > it->low ? (it->high - it->low) * 0.08 : std::max(1.0, std::abs(it->high) * 0.01);
        it.key()->setRange(it->low - pad, it->high + pad);
    }
}
