// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldmapping.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace {

// Numbers this large are milliseconds since the epoch (year 1973 onwards); smaller ones are seconds.
constexpr double MillisecondsThreshold = 1e11;
// JavaScript's Date range, 100 000 000 days either side of the epoch: a number beyond it is no time
// (and would not fit a qint64 either).
constexpr double MaxTimeMs = 8.64e15;

std::optional<qint64> timeOf(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        const double ms = number >= MillisecondsThreshold ? number : number * 1000;
        if (!(std::abs(ms) <= MaxTimeMs))
            return std::nullopt;
        return qint64(ms);
    }
    if (value.isString()) {
        const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
        if (time.isValid())
            return time.toMSecsSinceEpoch();
    }
    return std::nullopt;
}

QString unescape(QString token)
{
    return token.replace(QStringLiteral("~1"), QStringLiteral("/"))
        .replace(QStringLiteral("~0"), QStringLiteral("~"));
}

} // namespace

QString FieldMapping::pointerProblem(const QString &pointer)
{
    if (pointer.isEmpty())
        return {};
    if (!pointer.startsWith(QLatin1Char('/')))
        return QStringLiteral("'%1' is not a JSON pointer: it must start with '/'").arg(pointer);
    for (qsizetype i = 0; i < pointer.size(); ++i) {
        if (pointer[i] == QLatin1Char('~') &&
            (i + 1 >= pointer.size() ||
             (pointer[i + 1] != QLatin1Char('0') && pointer[i + 1] != QLatin1Char('1'))))
            return QStringLiteral("'%1' is not a JSON pointer: '~' must be followed by 0 or 1").arg(pointer);
    }
    return {};
}

std::optional<QJsonValue> FieldMapping::resolve(const QJsonValue &root, const QString &pointer)
{
    if (pointer.isEmpty())
        return root;
    QJsonValue current = root;
    const QStringList tokens = pointer.mid(1).split(QLatin1Char('/'));
    for (const QString &raw : tokens) {
        const QString token = unescape(raw);
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            const auto it = object.constFind(token);
            if (it == object.constEnd())
                return std::nullopt;
            current = *it;
        } else if (current.isArray()) {
            bool ok = false;
            const qsizetype index = token.toLongLong(&ok);
            const QJsonArray array = current.toArray();
            if (!ok || index < 0 || index >= array.size())
                return std::nullopt;
            current = array.at(index);
        } else {
            return std::nullopt;
        }
    }
    return current;
}

std::optional<FieldMapping::Sample> FieldMapping::extract(const QString &data, qint64 receivedMs) const
{
    if (value.isEmpty())
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    return extractFromJson(document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()),
                           receivedMs);
}

std::optional<FieldMapping::Sample> FieldMapping::extractFromJson(const QJsonValue &root,
                                                                  qint64 receivedMs) const
{
    if (value.isEmpty())
        return std::nullopt;
    const std::optional<QJsonValue> number = resolve(root, value);
    if (!number)
        return std::nullopt;
    Sample sample;
    if (number->isDouble()) {
        sample.value = number->toDouble();
    } else {
        bool ok = false; // numbers sent as strings ("187.23") are common
        sample.value = number->toString().toDouble(&ok);
        if (!ok)
            return std::nullopt;
    }
    if (!std::isfinite(sample.value)) // "NaN" or "inf" as a string: nothing a chart or a rule can use
        return std::nullopt;

    QStringList keys;
    for (const QString &pointer : seriesKey) {
        const std::optional<QJsonValue> key = resolve(root, pointer);
        keys << (!key ? QString() : key->isString() ? key->toString() : key->toVariant().toString());
    }
    sample.series = keys.join(QStringLiteral(" · "));

    sample.timeMs = receivedMs;
    if (!time.isEmpty()) {
        if (const std::optional<QJsonValue> stamp = resolve(root, time)) {
            if (const std::optional<qint64> ms = timeOf(*stamp))
                sample.timeMs = *ms;
        }
    }
    return sample;
}

QJsonObject FieldMapping::toJson() const
{
    return {{QStringLiteral("seriesKey"), QJsonArray::fromStringList(seriesKey)},
            {QStringLiteral("value"), value},
            {QStringLiteral("time"), time}};
}

FieldMapping FieldMapping::fromJson(const QJsonObject &object, QStringList *errors)
{
    FieldMapping mapping;
    const QJsonValue keys = object.value(QStringLiteral("seriesKey"));
    if (keys.isString()) {
        mapping.seriesKey = QStringList{keys.toString()};
    } else {
        for (const QJsonValue &key : keys.toArray())
            mapping.seriesKey << key.toString();
    }
    mapping.value = object.value(QStringLiteral("value")).toString();
    mapping.time = object.value(QStringLiteral("time")).toString();
    for (const QString &pointer : mapping.seriesKey + QStringList{mapping.value, mapping.time}) {
        const QString problem = pointerProblem(pointer);
        if (!problem.isEmpty() && errors)
            *errors << QStringLiteral("mapping: ") + problem;
    }
    return mapping;
}
