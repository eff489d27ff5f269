// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QStringList>
#include <optional>

// An operator's alarm on a subscription's mapped values: a value above or below a limit, or a change of
// more than a percentage from the first value seen. `series` narrows it to series whose key contains the
// text ("temperature", "AAPL"); empty means every series.
struct ThresholdRule
{
    enum class Kind { Above, Below, ChangePercent };

    Kind kind = Kind::Above;
    double limit = 0;
    QString series;
    QString severity = QStringLiteral("warning"); // info, warning or critical
    bool notify = true; // a breach raises a desktop alert (critical and warning only)

    bool appliesTo(const QString &seriesKey) const { return series.isEmpty() || seriesKey.contains(series); }
    // Whether `value` breaks the rule; `baseline` is the series' first value, for ChangePercent.
    bool isBrokenBy(double value, double baseline) const;
    // Whether a broken rule may fire again: the value is back inside by a margin (1 % of the limit, or a
    // quarter of a change limit), so a value hovering at the limit does not fire on every wobble.
    bool isClearedBy(double value, double baseline) const;
    // "AAPL above 200", "temperature changed beyond ±5 %": what a notification's title says. The subject
    // is the series that broke the rule, else the rule's series filter.
    QString describe(const QString &subject = {}) const;

    QJsonObject toJson() const;
    static std::optional<ThresholdRule> fromJson(const QJsonObject &object, QString *error);

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
    static bool isSeverity(const QString &severity);
};
