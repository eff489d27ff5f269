// SPDX-License-Identifier: GPL-3.0-or-later
#include "subscriptioneditor.h"

#include "curlcommand.h"
#include "subscription.h"

#include <QJsonArray>

namespace {

QString joined(const QVariant &list)
{
    return list.toStringList().join(QStringLiteral(", "));
}

QJsonArray splitList(const QString &text)
{
    QJsonArray items;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty())
            items.append(item.trimmed());
    }
    return items;
}

} // namespace

SubscriptionEditor::SubscriptionEditor(QObject *parent)
    : QObject(parent)
{
    load(Subscription::create({}, {}, Subscription::Panel::Raw).toJson());
}

QStringList SubscriptionEditor::panelKinds() const
{
    return {QStringLiteral("stock"),    QStringLiteral("iot"),
            QStringLiteral("progress"), QStringLiteral("notifications"),
            QStringLiteral("chart"),    QStringLiteral("text"),
            QStringLiteral("raw")};
}

void SubscriptionEditor::load(const QJsonObject &subscription)
{
    const QJsonObject mapping = subscription.value(QStringLiteral("mapping")).toObject();
    const QJsonObject reconnect = subscription.value(QStringLiteral("reconnect")).toObject();
    const QJsonObject messageEnd = subscription.value(QStringLiteral("messageEnd")).toObject();
    QVariantList headers;
    for (const QJsonValue &header : subscription.value(QStringLiteral("headers")).toArray()) {
        QVariantMap row = header.toObject().toVariantMap();
        row.insert(QStringLiteral("secret"),
                   Subscription::isSecretHeader(row.value(QStringLiteral("name")).toByteArray()));
        headers.append(row);
    }
    m_fields = {
        {QStringLiteral("id"), subscription.value(QStringLiteral("id")).toString()},
        {QStringLiteral("name"), subscription.value(QStringLiteral("name")).toString()},
        {QStringLiteral("url"), subscription.value(QStringLiteral("url")).toString()},
        {QStringLiteral("method"),
         subscription.value(QStringLiteral("method")).toString(QStringLiteral("GET"))},
        {QStringLiteral("body"), subscription.value(QStringLiteral("body")).toString()},
        {QStringLiteral("headers"), headers},
        {QStringLiteral("eventTypes"), joined(subscription.value(QStringLiteral("eventTypes")).toVariant())},
        {QStringLiteral("panel"),
         subscription.value(QStringLiteral("panel")).toString(QStringLiteral("raw"))},
        {QStringLiteral("seriesKey"), joined(mapping.value(QStringLiteral("seriesKey")).toVariant())},
        {QStringLiteral("value"), mapping.value(QStringLiteral("value")).toString()},
        {QStringLiteral("time"), mapping.value(QStringLiteral("time")).toString()},
        {QStringLiteral("rules"), subscription.value(QStringLiteral("rules")).toArray().toVariantList()},
        {QStringLiteral("endData"),
         messageEnd.value(QStringLiteral("data")).toString(QStringLiteral("[DONE]"))},
        {QStringLiteral("endType"), messageEnd.value(QStringLiteral("eventType")).toString()},
        {QStringLiteral("initialDelayMs"), reconnect.value(QStringLiteral("initialDelayMs")).toInt(1000)},
        {QStringLiteral("maxDelayMs"), reconnect.value(QStringLiteral("maxDelayMs")).toInt(60000)},
        {QStringLiteral("maxAttempts"), reconnect.value(QStringLiteral("maxAttempts")).toInt(0)},
        {QStringLiteral("idleTimeoutSeconds"),
         subscription.value(QStringLiteral("idleTimeoutMs")).toInt(0) / 1000.0},
        {QStringLiteral("allowInsecureTls"),
         subscription.value(QStringLiteral("allowInsecureTls")).toBool(false)},
        {QStringLiteral("enabled"), subscription.value(QStringLiteral("enabled")).toBool(true)},
    };
    validate();
}

void SubscriptionEditor::set(const QString &field, const QVariant &value)
{
    if (!m_fields.contains(field) || m_fields.value(field) == value)
        return;
    m_fields.insert(field, value);
    validate();
}

void SubscriptionEditor::setPanel(const QString &panel)
{
    const std::optional<Subscription::Panel> kind = Subscription::panelFromName(panel);
    const std::optional<Subscription::Panel> previous =
        Subscription::panelFromName(m_fields.value(QStringLiteral("panel")).toString());
    if (!kind || kind == previous)
        return;
    const FieldMapping before = Subscription::defaultMapping(previous.value_or(Subscription::Panel::Raw));
    const bool untouched = m_fields.value(QStringLiteral("seriesKey")).toString() ==
                               before.seriesKey.join(QStringLiteral(", ")) &&
                           m_fields.value(QStringLiteral("value")).toString() == before.value &&
                           m_fields.value(QStringLiteral("time")).toString() == before.time;
    m_fields.insert(QStringLiteral("panel"), Subscription::panelName(*kind));
    if (untouched) {
        const FieldMapping mapping = Subscription::defaultMapping(*kind);
        m_fields.insert(QStringLiteral("seriesKey"), mapping.seriesKey.join(QStringLiteral(", ")));
        m_fields.insert(QStringLiteral("value"), mapping.value);
        m_fields.insert(QStringLiteral("time"), mapping.time);
    }
    validate();
}

void SubscriptionEditor::addHeader()
{
    QVariantList headers = m_fields.value(QStringLiteral("headers")).toList();
    headers.append(QVariantMap{{QStringLiteral("name"), QString()},
                               {QStringLiteral("value"), QString()},
                               {QStringLiteral("secret"), false}});
    setList(QStringLiteral("headers"), headers);
}

void SubscriptionEditor::setHeader(int row, const QString &name, const QString &value)
{
    QVariantList headers = m_fields.value(QStringLiteral("headers")).toList();
    if (row < 0 || row >= headers.size())
        return;
    headers[row] = QVariantMap{{QStringLiteral("name"), name},
                               {QStringLiteral("value"), value},
                               {QStringLiteral("secret"), Subscription::isSecretHeader(name.toUtf8())}};
    setList(QStringLiteral("headers"), headers);
}

void SubscriptionEditor::removeHeader(int row)
{
    QVariantList headers = m_fields.value(QStringLiteral("headers")).toList();
    if (row < 0 || row >= headers.size())
        return;
    headers.removeAt(row);
    setList(QStringLiteral("headers"), headers);
}

void SubscriptionEditor::addRule()
{
    QVariantList rules = m_fields.value(QStringLiteral("rules")).toList();
    rules.append(ThresholdRule{}.toJson().toVariantMap());
    setList(QStringLiteral("rules"), rules);
}

void SubscriptionEditor::setRule(int row, const QString &field, const QVariant &value)
{
    QVariantList rules = m_fields.value(QStringLiteral("rules")).toList();
    if (row < 0 || row >= rules.size())
        return;
    QVariantMap rule = rules[row].toMap();
    rule.insert(field, value);
    rules[row] = rule;
    setList(QStringLiteral("rules"), rules);
}

void SubscriptionEditor::removeRule(int row)
{
    QVariantList rules = m_fields.value(QStringLiteral("rules")).toList();
    if (row < 0 || row >= rules.size())
        return;
    rules.removeAt(row);
    setList(QStringLiteral("rules"), rules);
}

void SubscriptionEditor::setList(const QString &field, const QVariantList &list)
{
    m_fields.insert(field, list);
    validate();
}

QJsonObject SubscriptionEditor::toJson() const
{
    auto text = [this](const char *field) {
        return m_fields.value(QLatin1String(field)).toString();
    };
    QJsonArray headers;
    for (const QVariant &header : m_fields.value(QStringLiteral("headers")).toList()) {
        const QVariantMap row = header.toMap();
        headers.append(
            QJsonObject{{QStringLiteral("name"), row.value(QStringLiteral("name")).toString().trimmed()},
                        {QStringLiteral("value"), row.value(QStringLiteral("value")).toString()}});
    }
    QJsonArray rules;
    for (const QVariant &rule : m_fields.value(QStringLiteral("rules")).toList()) {
        QJsonObject object = QJsonObject::fromVariantMap(rule.toMap());
        // A limit typed into a text field arrives as text.
        const QJsonValue limit = object.value(QStringLiteral("limit"));
        bool isNumber = false;
        const double number = limit.toVariant().toString().trimmed().toDouble(&isNumber);
        if (limit.isString() && isNumber)
            object.insert(QStringLiteral("limit"), number);
        rules.append(object);
    }
    return {
        {QStringLiteral("id"), text("id")},
        {QStringLiteral("name"), text("name").trimmed()},
        {QStringLiteral("url"), text("url").trimmed()},
        {QStringLiteral("method"), text("method").trimmed().toUpper()},
        {QStringLiteral("headers"), headers},
        {QStringLiteral("body"), text("body")},
        {QStringLiteral("eventTypes"), splitList(text("eventTypes"))},
        {QStringLiteral("panel"), text("panel")},
        {QStringLiteral("mapping"), QJsonObject{{QStringLiteral("seriesKey"), splitList(text("seriesKey"))},
                                                {QStringLiteral("value"), text("value").trimmed()},
                                                {QStringLiteral("time"), text("time").trimmed()}}},
        {QStringLiteral("rules"), rules},
        {QStringLiteral("messageEnd"), QJsonObject{{QStringLiteral("data"), text("endData")},
                                                   {QStringLiteral("eventType"), text("endType").trimmed()}}},
        {QStringLiteral("reconnect"),
         QJsonObject{
             {QStringLiteral("initialDelayMs"), m_fields.value(QStringLiteral("initialDelayMs")).toDouble()},
             {QStringLiteral("maxDelayMs"), m_fields.value(QStringLiteral("maxDelayMs")).toDouble()},
             {QStringLiteral("maxAttempts"), m_fields.value(QStringLiteral("maxAttempts")).toDouble()}}},
        {QStringLiteral("idleTimeoutMs"),
         qRound64(m_fields.value(QStringLiteral("idleTimeoutSeconds")).toDouble() * 1000)},
        {QStringLiteral("allowInsecureTls"), m_fields.value(QStringLiteral("allowInsecureTls")).toBool()},
        {QStringLiteral("enabled"), m_fields.value(QStringLiteral("enabled")).toBool()},
    };
}

QString SubscriptionEditor::pasteCurl(const QString &commandLine)
{
    const CurlCommand::Parsed parsed = CurlCommand::parse(commandLine);
    if (!parsed.error.isEmpty())
        return QStringLiteral("Nothing taken: %1.").arg(parsed.error);
    const SseRequest &request = parsed.request;
    QVariantList headers;
    for (const auto &[name, value] : request.headers)
        headers.append(QVariantMap{{QStringLiteral("name"), QString::fromUtf8(name)},
                                   {QStringLiteral("value"), QString::fromUtf8(value)},
                                   {QStringLiteral("secret"), Subscription::isSecretHeader(name)}});
    m_fields.insert(QStringLiteral("url"), request.url.toString());
    m_fields.insert(QStringLiteral("method"), QString::fromUtf8(request.method));
    m_fields.insert(QStringLiteral("headers"), headers);
    m_fields.insert(QStringLiteral("body"), QString::fromUtf8(request.body));
    m_fields.insert(QStringLiteral("allowInsecureTls"), request.allowInsecureTls);
    if (m_fields.value(QStringLiteral("name")).toString().trimmed().isEmpty())
        m_fields.insert(QStringLiteral("name"), request.url.host());
    validate();

    QStringList taken{QStringLiteral("the URL"), QString::fromUtf8(request.method)};
    if (!headers.isEmpty())
        taken << (headers.size() == 1 ? QStringLiteral("1 header")
                                      : QStringLiteral("%1 headers").arg(headers.size()));
    if (!request.body.isEmpty())
        taken << QStringLiteral("the body");
    if (request.allowInsecureTls)
        taken << QStringLiteral("-k (invalid TLS certificates accepted)");
    const QString last = taken.takeLast();
    QString said = QStringLiteral("Took %1 and %2 from curl.").arg(taken.join(QStringLiteral(", ")), last);
    if (!parsed.notTaken.isEmpty())
        said += QStringLiteral(" Not taken: %1.").arg(parsed.notTaken.join(QStringLiteral(", ")));
    return said;
}

QString SubscriptionEditor::curlCommand(bool revealSecrets) const
{
    QStringList ignored;
    return CurlCommand::format(Subscription::fromJson(toJson(), &ignored).request, revealSecrets);
}

void SubscriptionEditor::validate()
{
    QStringList found;
    Subscription::parse(toJson(), &found);
    QVariantMap problems;
    for (const QString &problem : std::as_const(found)) {
        QString field = problem.section(QLatin1Char(':'), 0, 0);
        if (field == QLatin1String("idleTimeoutMs"))
            field = QStringLiteral("idleTimeoutSeconds");
        const QString message = problem.section(QLatin1Char(':'), 1).trimmed();
        const QString before = problems.value(field).toString();
        problems.insert(field, before.isEmpty() ? message : before + QLatin1Char('\n') + message);
    }
    m_problems = problems;
    Q_EMIT changed();
}
