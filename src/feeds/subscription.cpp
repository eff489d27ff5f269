// SPDX-License-Identifier: GPL-3.0-or-later
#include "subscription.h"

#include <QJsonArray>
#include <QUuid>

namespace {

const QList<QPair<Subscription::Panel, QString>> PanelNames{
    {Subscription::Panel::Stock, QStringLiteral("stock")},
    {Subscription::Panel::IoT, QStringLiteral("iot")},
    {Subscription::Panel::Progress, QStringLiteral("progress")},
    {Subscription::Panel::Notifications, QStringLiteral("notifications")},
    {Subscription::Panel::Chart, QStringLiteral("chart")},
    {Subscription::Panel::Text, QStringLiteral("text")},
    {Subscription::Panel::Raw, QStringLiteral("raw")},
};

int intIn(const QJsonObject &object, const QString &key, int fallback, int low, int high, QStringList *errors)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return fallback;
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < low || number > high || number != qint64(number)) {
        *errors << QStringLiteral("%1: must be a whole number from %2 to %3").arg(key).arg(low).arg(high);
        return fallback;
    }
    return int(number);
}

} // namespace

Subscription Subscription::create(const QString &name, const QUrl &url, Panel panel)
{
    Subscription subscription;
    subscription.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    subscription.name = name;
    subscription.request.url = url;
    subscription.panel = panel;
    subscription.mapping = defaultMapping(panel);
    return subscription;
}

QString Subscription::panelName(Panel panel)
{
    for (const auto &[kind, name] : PanelNames) {
        if (kind == panel)
            return name;
    }
    return QStringLiteral("raw");
}

std::optional<Subscription::Panel> Subscription::panelFromName(const QString &name)
{
    for (const auto &[kind, known] : PanelNames) {
        if (known == name.toLower())
            return kind;
    }
    return std::nullopt;
}

FieldMapping Subscription::defaultMapping(Panel panel)
{
    switch (panel) {
    case Panel::Stock:
        return {{QStringLiteral("/symbol")}, QStringLiteral("/price"), QStringLiteral("/time")};
    case Panel::IoT:
        return {{QStringLiteral("/device"), QStringLiteral("/sensor")},
                QStringLiteral("/value"),
                QStringLiteral("/time")};
    case Panel::Progress:
        return {{QStringLiteral("/job")}, QStringLiteral("/percent"), {}};
    case Panel::Chart:
        return {{}, QStringLiteral("/value"), {}};
    case Panel::Notifications:
    case Panel::Text: // the whole data; an API's chunks need a pointer, such as /choices/0/delta/content
    case Panel::Raw:
        break;
    }
    return {};
}

bool Subscription::isSecretHeader(const QByteArray &name)
{
    const QByteArray lower = name.toLower();
    return lower == "authorization" || lower == "proxy-authorization" || lower == "cookie" ||
           lower.contains("token") || lower.contains("secret") || lower.contains("key");
}

QString Subscription::displayedHeaderValue(const QByteArray &name, const QByteArray &value)
{
    if (!isSecretHeader(name))
        return QString::fromUtf8(value);
    // Keep the scheme of "Bearer xyz" readable; hide everything that could be the secret.
    const qsizetype space = value.indexOf(' ');
    const QString scheme = space > 0 && space < 16 ? QString::fromUtf8(value.left(space + 1)) : QString();
    return scheme + QStringLiteral("••••••••");
}

QStringList Subscription::problems() const
{
    QStringList found;
    if (name.trimmed().isEmpty())
        found << QStringLiteral("name: give the subscription a name");
    const QString requestProblem = request.problem();
    if (!requestProblem.isEmpty())
        found << QStringLiteral("url: ") + requestProblem;
    for (const auto &[header, value] : request.headers) {
        if (header.isEmpty() || header.contains(' ') || header.contains(':'))
            found << QStringLiteral("headers: '%1' is not a header name").arg(QString::fromUtf8(header));
        if (value.contains('\n') || value.contains('\r'))
            found
                << QStringLiteral("headers: the value of %1 has a line break").arg(QString::fromUtf8(header));
    }
    for (const QString &pointer : mapping.seriesKey + QStringList{mapping.value, mapping.time}) {
        const QString problem = FieldMapping::pointerProblem(pointer);
        if (!problem.isEmpty())
            found << QStringLiteral("mapping: ") + problem;
    }
    if ((panel == Panel::Stock || panel == Panel::IoT || panel == Panel::Chart) && mapping.value.isEmpty())
        found << QStringLiteral("mapping: a chart needs a JSON pointer to its value, such as /price");
    return found;
}

QJsonObject Subscription::toJson() const
{
    QJsonArray headers;
    for (const auto &[header, value] : request.headers)
        headers.append(QJsonObject{{QStringLiteral("name"), QString::fromUtf8(header)},
                                   {QStringLiteral("value"), QString::fromUtf8(value)}});
    QJsonArray ruleArray;
    for (const ThresholdRule &rule : rules)
        ruleArray.append(rule.toJson());
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("url"), request.url.toString()},
        {QStringLiteral("method"), QString::fromLatin1(request.method)},
        {QStringLiteral("headers"), headers},
        {QStringLiteral("body"), QString::fromUtf8(request.body)},
        {QStringLiteral("eventTypes"), QJsonArray::fromStringList(eventTypes)},
        {QStringLiteral("panel"), panelName(panel)},
        {QStringLiteral("mapping"), mapping.toJson()},
        {QStringLiteral("rules"), ruleArray},
        {QStringLiteral("messageEnd"), QJsonObject{{QStringLiteral("data"), messageEnd.data},
                                                   {QStringLiteral("eventType"), messageEnd.eventType}}},
        {QStringLiteral("reconnect"),
         QJsonObject{{QStringLiteral("initialDelayMs"), request.retry.initialDelayMs},
                     {QStringLiteral("maxDelayMs"), request.retry.maxDelayMs},
                     {QStringLiteral("maxAttempts"), request.retry.maxAttempts}}},
        {QStringLiteral("idleTimeoutMs"), request.idleTimeoutMs},
        {QStringLiteral("allowInsecureTls"), request.allowInsecureTls},
        {QStringLiteral("enabled"), enabled},
    };
}

Subscription Subscription::fromJson(const QJsonObject &object, QStringList *errors)
{
    QStringList found;
    Subscription subscription = parse(object, &found);
    if (errors) {
        const QString who = subscription.name.isEmpty() ? QStringLiteral("subscription") : subscription.name;
        for (const QString &problem : std::as_const(found))
            *errors << who + QStringLiteral(": ") + problem;
    }
    return subscription;
}

Subscription Subscription::parse(const QJsonObject &object, QStringList *problems)
{
    QStringList &found = *problems;
    Subscription subscription;
    subscription.id = object.value(QStringLiteral("id")).toString();
    if (subscription.id.isEmpty())
        subscription.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    subscription.name = object.value(QStringLiteral("name")).toString();
    subscription.request.url = QUrl(object.value(QStringLiteral("url")).toString(), QUrl::StrictMode);
    subscription.request.method =
        object.value(QStringLiteral("method")).toString(QStringLiteral("GET")).toUpper().toLatin1();
    for (const QJsonValue &header : object.value(QStringLiteral("headers")).toArray()) {
        const QJsonObject pair = header.toObject();
        subscription.request.headers.append({pair.value(QStringLiteral("name")).toString().toUtf8(),
                                             pair.value(QStringLiteral("value")).toString().toUtf8()});
    }
    subscription.request.body = object.value(QStringLiteral("body")).toString().toUtf8();
    for (const QJsonValue &type : object.value(QStringLiteral("eventTypes")).toArray())
        subscription.eventTypes << type.toString();

    const QString panelText = object.value(QStringLiteral("panel")).toString(QStringLiteral("raw"));
    if (const std::optional<Panel> panel = panelFromName(panelText)) {
        subscription.panel = *panel;
    } else {
        found << QStringLiteral(
                     "panel: '%1' is not one of stock, iot, progress, notifications, chart, text, raw")
                     .arg(panelText);
    }
    subscription.mapping =
        object.contains(QStringLiteral("mapping"))
            ? FieldMapping::fromJson(object.value(QStringLiteral("mapping")).toObject(), nullptr)
            : defaultMapping(subscription.panel);

    for (const QJsonValue &value : object.value(QStringLiteral("rules")).toArray()) {
        QString problem;
        if (const std::optional<ThresholdRule> rule = ThresholdRule::fromJson(value.toObject(), &problem))
            subscription.rules.append(*rule);
        else
            found << problem;
    }

    if (object.contains(QStringLiteral("messageEnd"))) {
        const QJsonObject end = object.value(QStringLiteral("messageEnd")).toObject();
        subscription.messageEnd = {end.value(QStringLiteral("data")).toString(),
                                   end.value(QStringLiteral("eventType")).toString()};
    }

    const QJsonObject reconnect = object.value(QStringLiteral("reconnect")).toObject();
    RetrySettings &retry = subscription.request.retry;
    retry.initialDelayMs =
        intIn(reconnect, QStringLiteral("initialDelayMs"), retry.initialDelayMs, 0, 3600000, &found);
    retry.maxDelayMs = intIn(reconnect, QStringLiteral("maxDelayMs"), retry.maxDelayMs, 0, 86400000, &found);
    retry.maxAttempts =
        intIn(reconnect, QStringLiteral("maxAttempts"), retry.maxAttempts, 0, 1000000, &found);
    subscription.request.idleTimeoutMs = intIn(object, QStringLiteral("idleTimeoutMs"),
                                               subscription.request.idleTimeoutMs, 0, 86400000, &found);
    subscription.request.allowInsecureTls = object.value(QStringLiteral("allowInsecureTls")).toBool(false);
    subscription.enabled = object.value(QStringLiteral("enabled")).toBool(true);

    found += subscription.problems();
    return subscription;
}
