#pragma once

#include "subscription.h"

#include <QList>
#include <QString>
#include <QUrl>

// The set of subscriptions an operator works with, kept as a JSON file (by default in the user's config
// location). Loading a bad file changes nothing and says exactly what is wrong; saving is atomic.
struct Profile
{
    QList<Subscription> subscriptions;

    static QString defaultPath();

    // On failure returns nothing and sets `error` to one line naming the file and the problem(s).
    static std::optional<Profile> load(const QString &path, QString *error);
    bool save(const QString &path, QString *error) const;

    QByteArray toJson() const;
    static std::optional<Profile> fromJson(const QByteArray &json, QString *error);

    // A subscription to each demo feed of a DemoServer at `base`.
    static Profile demo(const QUrl &base);
};
