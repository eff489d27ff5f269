// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedgenerator.h"

#include <QDateTime>
#include <QJsonDocument>

SseEvent FeedGenerator::jsonEvent(const QString &type, const QJsonObject &object)
{
    return {type, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)), {}};
}

QString FeedGenerator::isoTime(qint64 msecsSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs); // ends in Z
}
