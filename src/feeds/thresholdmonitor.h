// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fieldmapping.h"
#include "thresholdrule.h"

#include <QHash>
#include <QList>

// Checks a subscription's samples against its threshold rules and reports a breach once, when a series
// crosses into it; the rule re-arms when the series is back inside the limit by a margin, so a value that
// stays high, or wobbles at the limit, raises one notification, not one per event.
class ThresholdMonitor
{
public:
    struct Breach
    {
        ThresholdRule rule;
        QString series;
        double value = 0;
        double baseline = 0;
    };

    void setRules(const QList<ThresholdRule> &rules);
    QList<Breach> check(const FieldMapping::Sample &sample);

private:
    QList<ThresholdRule> m_rules;
    QHash<QString, double> m_baselines;        // first value per series
    QHash<QPair<int, QString>, bool> m_broken; // (rule index, series) currently in breach
};
