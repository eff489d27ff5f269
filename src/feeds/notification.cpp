// SPDX-License-Identifier: GPL-3.0-or-later
#include "notification.h"

namespace {

QString firstString(const QJsonObject &object, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const QString value = object.value(QLatin1String(key)).toString();
        if (!value.isEmpty())
            return value;
    }
    return {};
}

QString severityOf(const QString &level)
{
    const QString lower = level.toLower();
    if (lower == QLatin1String("critical") || lower == QLatin1String("error") ||
        lower == QLatin1String("fatal"))
        return QStringLiteral("critical");
    if (lower == QLatin1String("warning") || lower == QLatin1String("warn"))
        return QStringLiteral("warning");
    return QStringLiteral("info");
}

} // namespace

std::optional<Notification> Notification::fromEvent(const CapturedEvent &event, const QJsonObject &object)
{
    const QString &type = event.event.type;
    if (type != QLatin1String("notification") && type != QLatin1String("alert"))
        return std::nullopt;
    Notification notification;
    notification.timeMs = event.receivedMs;
    notification.source = event.source;
    notification.subscription = event.subscription;
    if (object.isEmpty()) { // plain text: the data is the message
        notification.severity =
            type == QLatin1String("alert") ? QStringLiteral("warning") : QStringLiteral("info");
        notification.title = event.event.data.section(QLatin1Char('\n'), 0, 0).left(120);
        notification.body = event.event.data;
        notification.alertKey = event.subscription + QLatin1Char('\x1f') + notification.title;
        return notification;
    }
    notification.severity = severityOf(firstString(object, {"severity", "level", "priority"}));
    notification.body = firstString(object, {"body", "message", "text", "description"});
    notification.title = firstString(object, {"title", "summary", "subject"});
    if (notification.title.isEmpty()) {
        // Alerts from devices name the device and sensor instead of a title.
        QStringList parts{firstString(object, {"device", "host", "service"}),
                          firstString(object, {"sensor"})};
        parts.removeAll(QString());
        notification.title = parts.join(QStringLiteral(" · "));
    }
    if (notification.title.isEmpty())
        notification.title = type;
    notification.alertKey = event.subscription + QLatin1Char('\x1f') + notification.title;
    return notification;
}
