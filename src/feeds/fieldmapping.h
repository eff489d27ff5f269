// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <optional>

// Where a chart finds its numbers in an event's JSON data: JSON pointers (RFC 6901) to the series key
// (several are joined, as device + sensor), the value and the time. The time may be ISO 8601 or a number
// of seconds or milliseconds since the epoch; without a time pointer the receipt time is used.
struct FieldMapping
{
    QStringList seriesKey; // e.g. {"/symbol"} or {"/device", "/sensor"}; empty: a single series
    QString value;         // e.g. "/price"
    QString time;          // e.g. "/time"; empty: receipt time

    struct Sample
    {
        QString series;
        double value = 0;
        qint64 timeMs = 0;
    };

    bool isEmpty() const { return value.isEmpty(); }
    // The sample in an event's data, or nothing when the data is not JSON or lacks a usable value.
    std::optional<Sample> extract(const QString &data, qint64 receivedMs) const;
    // The same for data already parsed.
    std::optional<Sample> extractFromJson(const QJsonValue &root, qint64 receivedMs) const;

    QJsonObject toJson() const;
    static FieldMapping fromJson(const QJsonObject &object, QStringList *errors);

    static std::optional<QJsonValue> resolve(const QJsonValue &root, const QString &pointer);
    // Why the text is not a JSON pointer, or empty when it is one.
    static QString pointerProblem(const QString &pointer);
};
