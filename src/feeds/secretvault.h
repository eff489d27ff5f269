// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <functional>

// The system keychain (the Secret Service on Linux, through QtKeychain), where secret header values are
// kept instead of the profile file. Every call is asynchronous and ends with its callback, on this
// object's thread, within TimeoutMs even when no keychain answers.
class SecretVault : public QObject
{
    Q_OBJECT

public:
    static constexpr int TimeoutMs = 10000;

    using Values = QHash<QString, QByteArray>; // by key

    explicit SecretVault(const QString &service = QStringLiteral("org.eventscope.EventScope"),
                         QObject *parent = nullptr);

    // `done` gets an empty error when every value was kept, else the first failure as one line.
    void write(const Values &values, std::function<void(const QString &error)> done);
    // `done` gets the values found and, when one was missing or could not be read, the first failure.
    void read(const QStringList &keys, std::function<void(const Values &found, const QString &error)> done);
    void remove(const QStringList &keys, std::function<void(const QString &error)> done);

private:
    struct Batch;
    void run(const QStringList &keys, const std::shared_ptr<Batch> &batch);

    QString m_service;
};
