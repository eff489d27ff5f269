// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretvault.h"

#include <QTimer>
#include <qt6keychain/keychain.h>

// One call's jobs (one per key), finished by the last job or by the timeout, whichever comes first.
struct SecretVault::Batch
{
    enum class Kind { Read, Write, Remove };

    Kind kind;
    Values values; // to write, or found
    QString error;
    qsizetype pending = 0;
    bool finished = false;
    std::function<void(const Values &found, const QString &error)> done;

    void finish()
    {
        if (finished)
            return;
        finished = true;
        done(values, error);
    }
};

SecretVault::SecretVault(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{}

void SecretVault::write(const Values &values, std::function<void(const QString &error)> done)
{
    auto batch = std::make_shared<Batch>(
        Batch{Batch::Kind::Write, values, {}, 0, false, [done](const Values &, const QString &e) {
                  done(e);
              }});
    run(values.keys(), batch);
}

void SecretVault::read(const QStringList &keys,
                       std::function<void(const Values &found, const QString &error)> done)
{
    run(keys, std::make_shared<Batch>(Batch{Batch::Kind::Read, {}, {}, 0, false, std::move(done)}));
}

void SecretVault::remove(const QStringList &keys, std::function<void(const QString &error)> done)
{
    run(keys, std::make_shared<Batch>(
                  Batch{Batch::Kind::Remove, {}, {}, 0, false, [done](const Values &, const QString &e) {
                            done(e);
                        }}));
}

void SecretVault::run(const QStringList &keys, const std::shared_ptr<Batch> &batch)
{
    batch->pending = keys.size();
    if (keys.isEmpty()) {
        QTimer::singleShot(0, this, [batch] { batch->finish(); });
        return;
    }
    // A session bus with no keychain behind it can leave a job unanswered for D-Bus's 25 s, or for good.
    QTimer::singleShot(TimeoutMs, this, [batch] {
        if (batch->error.isEmpty())
            batch->error =
                QStringLiteral("the system keychain did not answer within %1 s").arg(TimeoutMs / 1000);
        batch->finish();
    });
    for (const QString &key : keys) {
        QKeychain::Job *job = nullptr;
        switch (batch->kind) {
        case Batch::Kind::Read:
            job = new QKeychain::ReadPasswordJob(m_service);
            break;
        case Batch::Kind::Write: {
            auto *writer = new QKeychain::WritePasswordJob(m_service);
            // As text, which a keychain's own viewer shows as it is (binary data it would show as base64).
            writer->setTextData(QString::fromUtf8(batch->values.value(key)));
            job = writer;
            break;
        }
        case Batch::Kind::Remove:
            job = new QKeychain::DeletePasswordJob(m_service);
            break;
        }
        job->setAutoDelete(true);
        job->setKey(key);
        connect(job, &QKeychain::Job::finished, this, [batch, key](QKeychain::Job *finished) {
            const bool absent = finished->error() == QKeychain::EntryNotFound;
            if (finished->error() != QKeychain::NoError && !absent && batch->error.isEmpty())
                batch->error = finished->errorString().simplified();
            if (batch->kind == Batch::Kind::Read && finished->error() == QKeychain::NoError)
                batch->values.insert(
                    key, static_cast<QKeychain::ReadPasswordJob *>(finished)->textData().toUtf8());
            if (--batch->pending == 0)
                batch->finish();
        });
        job->start();
    }
}
