// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartfeeder.h"

#include <QDateTime>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QValueAxis>
#include <QtCharts/QXYSeries>
#include <algorithm>
#include <cmath>

namespace {

// The smallest 1, 2, 2.5 or 5 times a power of ten that is at least `rough`.
double niceStep(double rough)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    for (const double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (factor * magnitude >= rough * (1 - 1e-9))
            return factor * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

ChartFeeder::ChartFeeder(QObject *parent)
    : QObject(parent)
{}

void ChartFeeder::setWindowMinutes(int minutes)
{
    minutes = std::clamp(minutes, 1, MaxWindowMinutes);
    if (minutes == m_view.windowMinutes)
        return;
    m_view.windowMinutes = minutes;
    Q_EMIT windowMinutesChanged();
    Q_EMIT viewChanged();
}

void ChartFeeder::setColumns(int columns)
{
    columns = std::max(1, columns);
    if (columns == m_view.columns)
        return;
    m_view.columns = columns;
    Q_EMIT columnsChanged();
    Q_EMIT viewChanged();
}

void ChartFeeder::apply(const ChartFrame &frame)
{
    m_frame = frame;
    if (frame.names != m_names) {
        m_names = frame.names;
        Q_EMIT seriesNamesChanged();
    }
    redraw();
}

void ChartFeeder::attach(const QString &name, QObject *xySeries, QObject *axisX, QObject *axisY)
{
    auto *series = qobject_cast<QXYSeries *>(xySeries);
    if (!series)
        return;
    m_attachments.removeIf([series](const Attachment &a) { return a.series.isNull() || a.series == series; });
    m_attachments.append(
        {name, series, qobject_cast<QAbstractAxis *>(axisX), qobject_cast<QAbstractAxis *>(axisY)});
    // A chart scrolled away or closed drops its series: the worker stops cutting points for it.
    connect(series, &QObject::destroyed, this, [this] { detach(nullptr); });
    updateShown();
    redraw();
}

void ChartFeeder::detach(QObject *xySeries)
{
    m_attachments.removeIf(
        [xySeries](const Attachment &a) { return a.series.isNull() || a.series == xySeries; });
    updateShown();
}

void ChartFeeder::updateShown()
{
    QStringList shown;
    for (const Attachment &attachment : std::as_const(m_attachments)) {
        if (!shown.contains(attachment.name))
            shown.append(attachment.name);
    }
    shown.sort();
    if (shown == m_view.shown)
        return;
    m_view.shown = shown;
    Q_EMIT viewChanged();
}

int ChartFeeder::pointCount(const QString &name) const
{
    return int(m_frame.series.value(name).held);
}

double ChartFeeder::latest(const QString &name) const
{
    const auto found = m_frame.series.constFind(name);
    return found == m_frame.series.cend() ? qQNaN() : found->latest;
}

QPair<double, double> ChartFeeder::niceRange(double low, double high, QPair<double, double> current,
                                             int ticks)
{
    const double span = high - low;
    const double currentSpan = current.second - current.first;
    // Held while the data stays inside and fills at least a third of it: labels stay as they are.
    if (currentSpan > 0 && low >= current.first && high <= current.second && span >= currentSpan / 3)
        return current;
    // Some room around the data; a flat line sits in the middle of a small range rather than on an edge.
    const double padded = span > 0 ? span * 1.1 : std::max(1e-9, std::abs(high) * 0.02 + (high == 0 ? 1 : 0));
    const double bottom = low - (padded - span) / 2;
    const double top = high + (padded - span) / 2;
    for (double step = niceStep(padded / (ticks - 1));; step = niceStep(step * 1.01)) {
        const double from = std::floor(bottom / step) * step;
        const double to = from + step * (ticks - 1);
        if (to >= top)
            return {from, to};
    }
}

void ChartFeeder::redraw()
{
    if (m_frame.toMs == 0)
        return;
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
        const QList<QPointF> &shown = m_frame.series.value(attachment.name).points;
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
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(m_frame.fromMs);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(m_frame.toMs);
    for (QAbstractAxis *axis : std::as_const(xAxes)) {
        // Setting the range it has would still lay the labels out again.
        auto *time = qobject_cast<QDateTimeAxis *>(axis);
        if (!time || time->min() != from || time->max() != to)
            axis->setRange(from, to);
    }
    for (auto it = yRanges.cbegin(); it != yRanges.cend(); ++it) {
        if (it->low > it->high)
            continue;
        auto *value = qobject_cast<QValueAxis *>(it.key());
        const QPair<double, double> current =
            value ? qMakePair(value->min(), value->max()) : qMakePair(0.0, 0.0);
        const QPair<double, double> range = niceRange(it->low, it->high, current);
        if (range != current)
            it.key()->setRange(range.first, range.second);
    }
}
