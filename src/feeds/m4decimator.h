// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointF>

// Cuts a time series down to what a chart of `columns` pixel columns can show: per column the first, the
// lowest, the highest and the last point, in time order (the M4 aggregation of Jugel et al., also used by
// Qwt). The drawn line is pixel-identical to drawing every point, at no more than four points per column.
class M4Decimator
{
public:
    // [begin, end) sorted by x; the columns split [xFrom, xTo] evenly. Points outside are dropped.
    static QList<QPointF> decimate(const QPointF *begin, const QPointF *end, double xFrom, double xTo,
                                   int columns);
    static QList<QPointF> decimate(const QList<QPointF> &points, double xFrom, double xTo, int columns)
    {
        return decimate(points.constData(), points.constData() + points.size(), xFrom, xTo, columns);
    }
};
