// SPDX-License-Identifier: GPL-3.0-or-later
#include "serieshistory.h"

#include <algorithm>

bool SeriesHistory::add(const FieldMapping::Sample &sample)
{
    auto found = m_points.find(sample.series);
    const bool added = found == m_points.end();
    if (added) {
        found = m_points.insert(sample.series, {});
        m_names.append(sample.series);
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
    return added;
}

void SeriesHistory::trim(qint64 nowMs)
{
    const double oldest = double(nowMs - qint64(MaxWindowMinutes) * 60000);
    for (QList<QPointF> &points : m_points) {
        const auto kept = std::lower_bound(points.cbegin(), points.cend(), oldest,
                                           [](const QPointF &p, double x) { return p.x() < x; });
        if (kept != points.cbegin())
            points.remove(0, kept - points.cbegin());
    }
}

const QList<QPointF> &SeriesHistory::points(const QString &name) const
{
    static const QList<QPointF> none;
    const auto found = m_points.constFind(name);
    return found == m_points.cend() ? none : *found;
}
