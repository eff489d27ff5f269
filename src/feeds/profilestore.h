// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profile.h"
#include "secretvault.h"

#include <QObject>
#include <functional>
#include <optional>

// Loads and saves the operator's profile file with its secret header values (Subscription::isSecretHeader)
// in the system keychain: the file keeps a "keychain" mark in their place. A file with the values in
// plain text is moved over on its first save. Where no keychain answers, the values stay in memory for
// the session (the file keeps the marks) until the operator agrees to keep them in the file itself, made
// readable only by them; a file that already held them in plain text keeps them, now private, so nothing
// is lost.
class ProfileStore : public QObject
{
    Q_OBJECT

public:
    enum class SecretHome { Keychain, PrivateFile, Memory };

    explicit ProfileStore(SecretVault *vault, QObject *parent = nullptr);

    // Reads `path`; `ready` gets the profile once the values it keeps in the keychain have been read (at
    // once when there are none). False, with the one-line reason, when the file cannot be used.
    bool load(const QString &path, QString *error, std::function<void(const Profile &)> ready);
    // Secret values into the keychain first, then the file; a save asked for while one is under way
    // follows it with the latest profile.
    void save(const QString &path, const Profile &profile);
    // The operator agreed to keep secret values in the profile file, readable only by them: saves again.
    void keepSecretsInPrivateFile();

    SecretHome secretHome() const { return m_home; }
    // One line on where the secret values are when that is news: moved, not found, no keychain.
    QString notice() const { return m_notice; }

Q_SIGNALS:
    void saved(const QString &error); // empty when the file was written
    void noticeChanged();

private:
    void startSave();
    void writeFile(Profile::Secrets secrets);
    void keychainFailed(const QString &error);
    void setNotice(const QString &notice);

    SecretVault *m_vault;
    SecretVault::Values m_inKeychain; // what this session read from or wrote to the keychain
    qsizetype m_plainInFile = 0;      // secret values the loaded file held in plain text
    QString m_plainFileName;
    bool m_privateFileAgreed = false;
    SecretHome m_home = SecretHome::Keychain;
    QString m_notice;
    QString m_path;
    Profile m_profile; // the one being saved
    bool m_saving = false;
    std::optional<std::pair<QString, Profile>> m_next; // asked for while saving
};
