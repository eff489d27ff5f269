// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturestore.h"
#include "feedhub.h"
#include "profilestore.h"
#include "secretvault.h"
#include "unixsignals.h"

#include <QHash>
#include <QObject>

// `eventscope agent --profile FILE --db STORE`: every enabled subscription of a profile, recorded without
// a window (a server, a systemd service). Each change of a subscription's state is one line on stderr (or
// one JSON object with --log-format json); SIGHUP reads the profile again and follows it, SIGTERM or
// SIGINT stops the streams, writes what is waiting and exits 0.
class AgentCommand : public QObject
{
    Q_OBJECT

public:
    static int run(const QStringList &arguments);

private:
    struct Options
    {
        QString profile;
        QString db;
        QString label;
    };

    explicit AgentCommand(const Options &options);
    bool start(QString *error);
    // Reads the profile and follows it once its keychain values are in; false, with why, when unreadable.
    bool loadProfile(bool reload, QString *error);
    void follow(const Profile &profile);
    void report(const QList<SubscriptionStatus> &statuses);
    void stop();

    Options m_options;
    CaptureStore m_store;
    FeedHub m_hub;
    SecretVault m_vault;
    ProfileStore m_profiles;
    UnixSignals m_signals;
    QHash<QString, QString> m_names;    // subscription id → name, for the log
    QHash<QString, QString> m_reported; // subscription id → the last state line logged
    QString m_storeError;
};
