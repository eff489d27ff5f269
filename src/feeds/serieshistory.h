// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fieldmapping.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QStringList>

// The samples of one subscription's series over the longest chart window, sorted by time, kept on FeedHub's
// worker so that charts receive points already cut to what their pixels can show (M4), not every sample.
class SeriesHistory
{
public:
    static constexpr int MaxWindowMinutes = 60;
    static constexpr qsizetype MaxPointsPerSeries = 200000; // an hour at 55 samples/s per series

    // Returns whether the sample started a series not seen before.
    bool add(const FieldMapping::Sample &sample);
    // Lets go of what fell out of the longest window before `nowMs`.
    void trim(qint64 nowMs);

    QStringList names() const { return m_names; } // in the order they first came
    const QList<QPointF> &points(const QString &name) const;

private:
    QStringList m_names;
    QHash<QString, QList<QPointF>> m_points; // sorted by time; Qt 6 lists drop their front in O(1)
};
