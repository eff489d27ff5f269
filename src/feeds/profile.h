// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "subscription.h"

#include <QList>
#include <QString>
#include <QUrl>

// The set of subscriptions an operator works with, kept as a JSON file (by default in the user's config
// location). Loading a bad file changes nothing and says exactly what is wrong; saving is atomic.
struct Profile
{
    // How a saved profile holds secret header values (Subscription::isSecretHeader).
    enum class Secrets {
        Included,   // in the file as they are: a file only its owner may read, by the operator's choice
        InKeychain, // left out, each header marked "keychain": its value is in the system keychain
        LeftOut,    // left out, blank: an exported profile, for another machine or person
    };

    // A header saved as "keychain", whose value is still to be read (under keychainKey()).
    struct KeychainHeader
    {
        QString subscriptionId;
        QByteArray name;
    };

    QList<Subscription> subscriptions;
    QList<KeychainHeader> inKeychain = {}; // filled by loading; the headers' values are empty until read

    static QString defaultPath();

    // On failure returns nothing and sets `error` to one line naming the file and the problem(s).
    static std::optional<Profile> load(const QString &path, QString *error);
    bool save(const QString &path, QString *error, Secrets secrets = Secrets::Included) const;

    QByteArray toJson(Secrets secrets = Secrets::Included) const;
    static std::optional<Profile> fromJson(const QByteArray &json, QString *error);

    // The secret header values of every subscription, by keychainKey(); empty values left out.
    QHash<QString, QByteArray> secretValues() const;
    // Where the keychain keeps a subscription's secret header value.
    static QString keychainKey(const QString &subscriptionId, const QByteArray &header);

    // A subscription to each demo feed of a DemoServer at `base`.
    static Profile demo(const QUrl &base);
};
