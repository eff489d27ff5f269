// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturefilter.h"

#include <QStringList>

namespace {

QString escapedLike(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    text.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + text + QLatin1Char('%');
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks << QStringLiteral("?");
    return marks.join(QLatin1Char(','));
}

} // namespace

CaptureFilter CaptureFilter::of(const CaptureQuery &query, const QStringList &textColumns,
                                const QString &likeOperator)
{
    QStringList conditions;
    CaptureFilter filter;
    if (query.sinceMs > 0) {
        conditions << QStringLiteral("received_ms >= ?");
        filter.values << query.sinceMs;
    }
    if (query.untilMs > 0) {
        conditions << QStringLiteral("received_ms < ?");
        filter.values << query.untilMs;
    }
    if (!query.sources.isEmpty()) {
        conditions << QStringLiteral("source IN (%1)").arg(placeholders(query.sources.size()));
        for (const QString &source : query.sources)
            filter.values << source;
    }
    if (!query.types.isEmpty()) {
        conditions << QStringLiteral("type IN (%1)").arg(placeholders(query.types.size()));
        for (const QString &type : query.types)
            filter.values << type;
    }
    if (!query.text.isEmpty()) {
        QStringList matches;
        for (const QString &column : textColumns) {
            matches << QStringLiteral("%1 %2 ? ESCAPE '\\'").arg(column, likeOperator);
            filter.values << escapedLike(query.text);
        }
        conditions << QLatin1Char('(') + matches.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    if (!conditions.isEmpty())
        filter.conditions = QStringLiteral(" AND ") + conditions.join(QStringLiteral(" AND "));
    return filter;
}
