// SPDX-License-Identifier: GPL-3.0-or-later
#include "thresholdmonitor.h"

void ThresholdMonitor::setRules(const QList<ThresholdRule> &rules)
{
    m_rules = rules;
    m_broken.clear();
}

QList<ThresholdMonitor::Breach> ThresholdMonitor::check(const FieldMapping::Sample &sample)
{
    auto known = m_baselines.constFind(sample.series);
    if (known == m_baselines.cend())
        known = m_baselines.insert(sample.series, sample.value);
    const double baseline = *known;
    QList<Breach> breaches;
    for (int i = 0; i < m_rules.size(); ++i) {
        const ThresholdRule &rule = m_rules[i];
        if (!rule.appliesTo(sample.series))
            continue;
        bool &broken = m_broken[{i, sample.series}];
        if (!broken && rule.isBrokenBy(sample.value, baseline)) {
            breaches.append({rule, sample.series, sample.value, baseline});
            broken = true;
        } else if (broken && rule.isClearedBy(sample.value, baseline)) {
            broken = false;
        }
    }
    return breaches;
}
