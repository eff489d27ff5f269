// SPDX-License-Identifier: GPL-3.0-or-later
#include "thresholdrule.h"

#include <QJsonValue>
#include <cmath>

namespace {

const std::pair<ThresholdRule::Kind, const char *> KindNames[] = {
    {ThresholdRule::Kind::Above, "above"},
    {ThresholdRule::Kind::Below, "below"},
    {ThresholdRule::Kind::ChangePercent, "changePercent"},
};

} // namespace

bool ThresholdRule::isBrokenBy(double value, double baseline) const
{
    switch (kind) {
    case Kind::Above:
        return value > limit;
    case Kind::Below:
        return value < limit;
    case Kind::ChangePercent:
        return baseline != 0 && std::abs((value - baseline) / baseline * 100.0) > limit;
    }
    return false;
}

bool ThresholdRule::isClearedBy(double value, double baseline) const
{
    const double margin = std::abs(limit) * 0.01;
    switch (kind) {
    case Kind::Above:
        return value <= limit - margin;
    case Kind::Below:
        return value >= limit + margin;
    case Kind::ChangePercent:
        return baseline != 0 && std::abs((value - baseline) / baseline * 100.0) <= limit * 0.75;
    }
    return true;
}

QString ThresholdRule::describe(const QString &seriesKey) const
{
    const QString subject = !seriesKey.isEmpty() ? seriesKey
                            : !series.isEmpty()  ? series
                                                 : QStringLiteral("value");
    switch (kind) {
    case Kind::Above:
        return QStringLiteral("%1 above %2").arg(subject).arg(limit);
    case Kind::Below:
        return QStringLiteral("%1 below %2").arg(subject).arg(limit);
    case Kind::ChangePercent:
        return QStringLiteral("%1 changed beyond ±%2 %").arg(subject).arg(limit);
    }
    return subject;
}

QJsonObject ThresholdRule::toJson() const
{
    QJsonObject object{{QStringLiteral("kind"), kindName(kind)},
                       {QStringLiteral("limit"), limit},
                       {QStringLiteral("severity"), severity}};
    if (!series.isEmpty())
        object.insert(QStringLiteral("series"), series);
    if (!notify)
        object.insert(QStringLiteral("notify"), false);
    return object;
}

std::optional<ThresholdRule> ThresholdRule::fromJson(const QJsonObject &object, QString *error)
{
    ThresholdRule rule;
    const QString kindText = object.value(QStringLiteral("kind")).toString();
    const std::optional<Kind> kind = kindFromName(kindText);
    if (!kind) {
        *error = QStringLiteral("rules: kind '%1' is not one of above, below, changePercent").arg(kindText);
        return std::nullopt;
    }
    rule.kind = *kind;
    const QJsonValue limit = object.value(QStringLiteral("limit"));
    if (!limit.isDouble() || !std::isfinite(limit.toDouble())) {
        *error = QStringLiteral("rules: the limit of a '%1' rule must be a number").arg(kindText);
        return std::nullopt;
    }
    rule.limit = limit.toDouble();
    if (rule.kind == Kind::ChangePercent && rule.limit <= 0) {
        *error = QStringLiteral("rules: a change limit must be a percentage above 0");
        return std::nullopt;
    }
    rule.series = object.value(QStringLiteral("series")).toString();
    rule.notify = object.value(QStringLiteral("notify")).toBool(true);
    rule.severity = object.value(QStringLiteral("severity")).toString(QStringLiteral("warning"));
    if (!isSeverity(rule.severity)) {
        *error =
            QStringLiteral("rules: severity '%1' is not one of info, warning, critical").arg(rule.severity);
        return std::nullopt;
    }
    return rule;
}

QString ThresholdRule::kindName(Kind kind)
{
    for (const auto &[known, name] : KindNames) {
        if (known == kind)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<ThresholdRule::Kind> ThresholdRule::kindFromName(const QString &name)
{
    for (const auto &[kind, known] : KindNames) {
        if (name == QLatin1String(known))
            return kind;
    }
    return std::nullopt;
}

bool ThresholdRule::isSeverity(const QString &severity)
{
    return severity == QLatin1String("info") || severity == QLatin1String("warning") ||
           severity == QLatin1String("critical");
}
