// SPDX-License-Identifier: GPL-3.0-or-later
#include "console.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace {

bool jsonLines = false;

void writeLine(const QString &line)
{
    const QByteArray bytes = line.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

QString jsonLine(const QString &command, const char *level, const QString &message)
{
    const QJsonObject line{
        {QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("command"), command},
        {QStringLiteral("level"), QLatin1String(level)},
        {QStringLiteral("message"), message}};
    return QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact));
}

} // namespace

void Console::setJsonLines(bool json)
{
    jsonLines = json;
}

void Console::status(const QString &command, const QString &message)
{
    writeLine(jsonLines ? jsonLine(command, "info", message)
                        : QStringLiteral("eventscope ") + command + QStringLiteral(": ") + message);
}

void Console::error(const QString &command, const QString &message)
{
    writeLine(jsonLines ? jsonLine(command, "error", message)
                        : QStringLiteral("eventscope ") + command + QStringLiteral(": error: ") + message);
}
