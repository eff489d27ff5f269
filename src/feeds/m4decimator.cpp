// SPDX-License-Identifier: GPL-3.0-or-later
#include "m4decimator.h"

#include <algorithm>
#include <array>

QList<QPointF> M4Decimator::decimate(const QPointF *begin, const QPointF *end, double xFrom, double xTo,
                                     int columns)
{
    QList<QPointF> out;
    if (begin == end || columns <= 0 || xTo <= xFrom)
        return out;
    const QPointF *first =
        std::lower_bound(begin, end, xFrom, [](const QPointF &p, double x) { return p.x() < x; });
    end = std::upper_bound(first, end, xTo, [](double x, const QPointF &p) { return x < p.x(); });
    if (end - first <= 4 * columns) // nothing to gain
        return QList<QPointF>(first, end);

    out.reserve(4 * columns);
    const double columnWidth = (xTo - xFrom) / columns;
    auto columnOf = [&](const QPointF &p) {
        return std::min(columns - 1, int((p.x() - xFrom) / columnWidth));
    };
    for (const QPointF *start = first; start != end;) {
        const int column = columnOf(*start);
        const QPointF *last = start, *low = start, *high = start;
        for (const QPointF *it = start + 1; it != end && columnOf(*it) == column; ++it) {
            last = it;
            if (it->y() < low->y())
                low = it;
            if (it->y() > high->y())
                high = it;
        }
        // The four in time order, each once.
        std::array<const QPointF *, 4> picks{start, low, high, last};
        std::sort(picks.begin(), picks.end());
        const auto distinctEnd = std::unique(picks.begin(), picks.end());
        for (auto pick = picks.begin(); pick != distinctEnd; ++pick)
            out.append(**pick);
        start = last + 1;
    }
    return out;
}
