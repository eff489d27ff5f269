// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilestore.h"

#include <QFileInfo>

ProfileStore::ProfileStore(SecretVault *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
{}

bool ProfileStore::load(const QString &path, QString *error, std::function<void(const Profile &)> ready)
{
    std::optional<Profile> profile = Profile::load(path, error);
    if (!profile)
        return false;
    m_plainInFile = profile->secretValues().size();
    m_plainFileName = QFileInfo(path).fileName(); // an imported file, or the profile itself
    // Plain values in a file only its owner can read: the operator chose that file when no keychain answered.
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::ReadOther;
    m_privateFileAgreed = m_plainInFile > 0 && !(QFileInfo(path).permissions() & others);
    if (profile->inKeychain.isEmpty()) {
        ready(*profile);
        return true;
    }
    QStringList keys;
    for (const Profile::KeychainHeader &header : std::as_const(profile->inKeychain))
        keys << Profile::keychainKey(header.subscriptionId, header.name);
    m_vault->read(keys, [this, profile = *profile, keys, ready](const SecretVault::Values &found,
                                                                const QString &error) mutable {
        QStringList missing;
        for (Subscription &subscription : profile.subscriptions) {
            for (auto &[name, value] : subscription.request.headers) {
                const QString key = Profile::keychainKey(subscription.id, name);
                if (found.contains(key))
                    value = found.value(key);
                else if (keys.contains(key))
                    missing << QStringLiteral("%1 of '%2'").arg(QString::fromUtf8(name), subscription.name);
            }
        }
        m_inKeychain.insert(found);
        profile.inKeychain.clear();
        if (!error.isEmpty())
            setNotice(
                QStringLiteral("Secret headers not read (%1; enter them again in the editor): no system "
                               "keychain answered (%2)")
                    .arg(missing.join(QStringLiteral(", ")), error));
        else if (!missing.isEmpty())
            setNotice(
                QStringLiteral("The system keychain holds no value for %1; enter it again in the editor")
                    .arg(missing.join(QStringLiteral(", "))));
        ready(profile);
    });
    return true;
}

void ProfileStore::save(const QString &path, const Profile &profile)
{
    if (m_saving) {
        m_next = std::make_pair(path, profile);
        return;
    }
    m_saving = true;
    m_path = path;
    m_profile = profile;
    startSave();
}

void ProfileStore::keepSecretsInPrivateFile()
{
    m_privateFileAgreed = true;
    if (m_home == SecretHome::Memory && !m_path.isEmpty())
        save(m_path, m_profile);
}

void ProfileStore::startSave()
{
    const SecretVault::Values secrets = m_profile.secretValues();
    SecretVault::Values changed;
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it) {
        if (m_inKeychain.value(it.key()) != it.value()) // never empty: an unknown key differs too
            changed.insert(it.key(), it.value());
    }
    QStringList gone;
    for (auto it = m_inKeychain.cbegin(); it != m_inKeychain.cend(); ++it) {
        if (!secrets.contains(it.key()))
            gone << it.key();
    }
    if (changed.isEmpty() && gone.isEmpty()) {
        writeFile(m_home == SecretHome::PrivateFile ? Profile::Secrets::Included
                                                    : Profile::Secrets::InKeychain);
        return;
    }
    m_vault->write(changed, [this, changed, gone](const QString &error) {
        if (!error.isEmpty()) {
            keychainFailed(error);
            return;
        }
        m_inKeychain.insert(changed);
        for (const QString &key : gone)
            m_inKeychain.remove(key);
        if (!gone.isEmpty())
            m_vault->remove(gone, [](const QString &) {}); // what is left behind is only an unused entry
        if (m_plainInFile > 0)
            setNotice(QStringLiteral("Moved %1 secret header values from %2 into the system keychain")
                          .arg(m_plainInFile)
                          .arg(m_plainFileName));
        else if (m_home != SecretHome::Keychain)
            setNotice(
                QStringLiteral("The system keychain answers again: secret header values are kept there"));
        m_plainInFile = 0;
        m_home = SecretHome::Keychain;
        writeFile(Profile::Secrets::InKeychain);
    });
}

void ProfileStore::keychainFailed(const QString &error)
{
    if (m_privateFileAgreed || m_plainInFile > 0) {
        m_home = SecretHome::PrivateFile;
        setNotice(QStringLiteral("Secret header values kept in %1, readable only by you: no system keychain "
                                 "answered (%2)")
                      .arg(m_path, error));
        writeFile(Profile::Secrets::Included);
        return;
    }
    m_home = SecretHome::Memory;
    setNotice(QStringLiteral("Secret header values kept for this session only: no system keychain answered "
                             "(%1)")
                  .arg(error));
    writeFile(Profile::Secrets::InKeychain);
}

void ProfileStore::writeFile(Profile::Secrets secrets)
{
    QString error;
    const bool written = m_profile.save(m_path, &error, secrets);
    m_saving = false;
    Q_EMIT saved(written ? QString() : error);
    if (m_next) {
        const auto [path, profile] = *std::exchange(m_next, std::nullopt);
        save(path, profile);
    }
}

void ProfileStore::setNotice(const QString &notice)
{
    if (notice == m_notice)
        return;
    m_notice = notice;
    qInfo("eventscope: %s", qPrintable(notice));
    Q_EMIT noticeChanged();
}
