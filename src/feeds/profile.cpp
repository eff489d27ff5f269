// SPDX-License-Identifier: GPL-3.0-or-later
#include "profile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace {

constexpr int FormatVersion = 1;
constexpr qint64 MaxProfileBytes = 16 * 1024 * 1024;
// More feeds than one window can show as panels: a profile this large is a mistake or an attack, and
// refusing it at once keeps the window responsive.
constexpr qsizetype MaxSubscriptions = 1000;
// Problems named in the one-line error; the rest are counted.
constexpr qsizetype ProblemsNamed = 5;

} // namespace

QString Profile::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QStringLiteral("/profile.json");
}

std::optional<Profile> Profile::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open profile '%1': %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > MaxProfileBytes) {
        *error = QStringLiteral("profile '%1': larger than 16 MiB; it is not a profile").arg(path);
        return std::nullopt;
    }
    std::optional<Profile> profile = fromJson(file.readAll(), error);
    if (!profile)
        *error = QStringLiteral("profile '%1': %2").arg(path, *error);
    return profile;
}

bool Profile::save(const QString &path, QString *error, Secrets secrets) const
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (secrets == Secrets::Included && !secretValues().isEmpty()) {
        // Made private before the secrets go in: QSaveFile gives its new file the old one's permissions.
        QFile existing(path);
        if (!existing.open(QIODevice::Append) ||
            !existing.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            *error = QStringLiteral("cannot save profile '%1': %2").arg(path, existing.errorString());
            return false;
        }
    }
    QSaveFile file(path); // written whole or not at all
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson(secrets)) < 0 || !file.commit()) {
        *error = QStringLiteral("cannot save profile '%1': %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QByteArray Profile::toJson(Secrets secrets) const
{
    QJsonArray list;
    for (const Subscription &subscription : subscriptions) {
        QJsonObject object = subscription.toJson();
        if (secrets != Secrets::Included) {
            QJsonArray headers = object.value(QStringLiteral("headers")).toArray();
            for (QJsonValueRef header : headers) {
                QJsonObject pair = header.toObject();
                // Marked even when empty: a value the keychain did not give this session is still there.
                if (!Subscription::isSecretHeader(pair.value(QStringLiteral("name")).toString().toUtf8()))
                    continue;
                pair.insert(QStringLiteral("value"), QString());
                if (secrets == Secrets::InKeychain)
                    pair.insert(QStringLiteral("keychain"), true);
                header = pair;
            }
            object.insert(QStringLiteral("headers"), headers);
        }
        list.append(object);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("eventscopeProfile"), FormatVersion},
                                     {QStringLiteral("subscriptions"), list}})
        .toJson(QJsonDocument::Indented);
}

std::optional<Profile> Profile::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("not valid JSON at offset %1: %2")
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    if (!document.isObject() || !root.value(QStringLiteral("subscriptions")).isArray()) {
        *error = QStringLiteral("not an EventScope profile (no \"subscriptions\" list)");
        return std::nullopt;
    }
    const int version = root.value(QStringLiteral("eventscopeProfile")).toInt(FormatVersion);
    if (version > FormatVersion) {
        *error = QStringLiteral("made by a newer EventScope (format %1; this one reads up to %2)")
                     .arg(version)
                     .arg(FormatVersion);
        return std::nullopt;
    }

    const QJsonArray list = root.value(QStringLiteral("subscriptions")).toArray();
    if (list.size() > MaxSubscriptions) {
        *error = QStringLiteral("%1 subscriptions; EventScope opens at most %2")
                     .arg(list.size())
                     .arg(MaxSubscriptions);
        return std::nullopt;
    }
    Profile profile;
    QStringList problems;
    QSet<QString> ids;
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (!list[i].isObject()) {
            problems << QStringLiteral("entry %1 is not an object").arg(i + 1);
            continue;
        }
        Subscription subscription = Subscription::fromJson(list[i].toObject(), &problems);
        for (const QJsonValue &header : list[i].toObject().value(QStringLiteral("headers")).toArray()) {
            if (header.toObject().value(QStringLiteral("keychain")).toBool())
                profile.inKeychain.append(
                    {subscription.id, header.toObject().value(QStringLiteral("name")).toString().toUtf8()});
        }
        if (ids.contains(subscription.id))
            problems
                << QStringLiteral("%1: its id '%2' is used twice").arg(subscription.name, subscription.id);
        ids.insert(subscription.id);
        profile.subscriptions.append(subscription);
    }
    if (!problems.isEmpty()) {
        const qsizetype unnamed = problems.size() - ProblemsNamed;
        // simplified(): a name with a line break in it must not break the error's one line.
        *error = problems.mid(0, ProblemsNamed).join(QStringLiteral("; ")).simplified();
        if (unnamed > 0)
            *error += QStringLiteral("; and %1 more").arg(unnamed);
        return std::nullopt;
    }
    return profile;
}

QHash<QString, QByteArray> Profile::secretValues() const
{
    QHash<QString, QByteArray> values;
    for (const Subscription &subscription : subscriptions) {
        for (const auto &[name, value] : subscription.request.headers) {
            if (Subscription::isSecretHeader(name) && !value.isEmpty())
                values.insert(keychainKey(subscription.id, name), value);
        }
    }
    return values;
}

QString Profile::keychainKey(const QString &subscriptionId, const QByteArray &header)
{
    // Header names are case-insensitive; one key per subscription and header, whatever the spelling.
    return QStringLiteral("subscription/%1/header/%2")
        .arg(subscriptionId, QString::fromUtf8(header.toLower()));
}

Profile Profile::demo(const QUrl &base)
{
    auto at = [&base](const QString &pathAndQuery) {
        return base.resolved(QUrl(pathAndQuery));
    };
    Profile profile;
    Subscription stocks = Subscription::create(
        QStringLiteral("Stocks"), at(QStringLiteral("/stocks?symbols=AAPL,MSFT,NVDA,AMZN&rate=8")),
        Subscription::Panel::Stock);
    Subscription iot =
        Subscription::create(QStringLiteral("Plant sensors"), at(QStringLiteral("/iot?devices=4&rate=8")),
                             Subscription::Panel::IoT);
    Subscription jobs = Subscription::create(QStringLiteral("Jobs"), at(QStringLiteral("/progress")),
                                             Subscription::Panel::Progress);
    Subscription notifications =
        Subscription::create(QStringLiteral("Notifications"), at(QStringLiteral("/notifications?rate=0.3")),
                             Subscription::Panel::Notifications);
    // A language model's answer, token by token, as OpenAI-style chunks; a new one 5 s after each.
    Subscription assistant = Subscription::create(
        QStringLiteral("Assistant"), at(QStringLiteral("/chat?repeat=5000")), Subscription::Panel::Text);
    assistant.request.method = "POST";
    assistant.request.headers = {{"Content-Type", "application/json"}};
    assistant.request.body = R"({"prompt":"How is the plant doing?"})";
    assistant.mapping.value = QStringLiteral("/choices/0/delta/content");
    // Rules that the demo's random walks cross now and then, so the Notifications page shows them at work.
    stocks.rules = {{ThresholdRule::Kind::ChangePercent, 1.5, {}, QStringLiteral("warning")}};
    iot.rules = {{ThresholdRule::Kind::Above, 32, QStringLiteral("temperature"), QStringLiteral("critical")},
                 {ThresholdRule::Kind::Below, 15, QStringLiteral("battery"), QStringLiteral("warning")}};
    profile.subscriptions = {stocks, iot, jobs, notifications, assistant};
    for (Subscription &subscription : profile.subscriptions)
        subscription.request.idleTimeoutMs = 45000; // three heartbeats of the demo server
    return profile;
}
