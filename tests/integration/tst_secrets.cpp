// SPDX-License-Identifier: GPL-3.0-or-later
// Secret header values and the system keychain, against a real Secret Service: gnome-keyring-daemon in a
// D-Bus session of its own (tests/keychain/with-keychain). Saved secrets go to the keychain and the
// profile keeps a mark; they come back on load; a plain-text profile is moved over on its first save;
// exports carry none. Run again with no session bus at all (the *WithoutKeychain functions): the values
// stay in memory for the session, or in a file only its owner reads once the operator agrees, and a file
// that held them in plain text keeps them rather than lose them.
#include "workspace.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int Bound = 15000; // longer than SecretVault::TimeoutMs

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// What the Secret Service itself holds under `key` (QtKeychain's libsecret attributes), asked with
// secret-tool rather than through the code under test.
QByteArray keychainValue(const QString &key)
{
    QProcess lookup;
    lookup.start("secret-tool", {"lookup", "server", "org.eventscope.EventScope", "user", key});
    if (!lookup.waitForFinished(Bound))
        return "secret-tool did not finish";
    return lookup.readAllStandardOutput();
}

QJsonObject subscriptionWith(Workspace &workspace, const QByteArray &secret)
{
    QJsonObject draft = workspace.newSubscriptionJson();
    draft["name"] = "Prices";
    draft["url"] = "http://127.0.0.1:9/prices"; // disabled: nothing connects
    draft["enabled"] = false;
    draft["headers"] = QJsonArray{QJsonObject{{"name", "Authorization"}, {"value", QString(secret)}},
                                  QJsonObject{{"name", "X-Team"}, {"value", "ops"}}};
    return draft;
}

QByteArray headerValue(const QJsonObject &subscription, const QString &name)
{
    for (const QJsonValue &header : subscription.value("headers").toArray()) {
        if (header["name"].toString() == name)
            return header["value"].toString().toUtf8();
    }
    return "(no such header)";
}

bool onlyOwnerReads(const QString &path)
{
    const QFileDevice::Permissions others =
        QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther;
    return QFileInfo::exists(path) && !(QFileInfo(path).permissions() & others);
}

// A profile as an older EventScope wrote it: the secret in plain text, readable by everyone.
void writePlainProfile(const QString &path, const QByteArray &secret)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"eventscopeProfile\": 1, \"subscriptions\": [{\"id\": \"plain-1\", \"name\": \"Legacy\", "
               "\"url\": \"http://127.0.0.1:9/legacy\", \"enabled\": false, "
               "\"headers\": [{\"name\": \"X-Api-Key\", \"value\": \"" +
               secret + "\"}]}]}");
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                QFileDevice::ReadOther));
}

// A profile whose Cookie header of 'Remote' is marked as kept in the keychain.
QString writeMarkedProfile(const QString &path)
{
    QFile marked(path);
    if (!marked.open(QIODevice::WriteOnly))
        return "cannot write " + path;
    marked.write("{\"subscriptions\": [{\"id\": \"elsewhere-1\", \"name\": \"Remote\", "
                 "\"url\": \"http://127.0.0.1:9/r\", \"enabled\": false, "
                 "\"headers\": [{\"name\": \"Cookie\", \"value\": \"\", \"keychain\": true}]}]}");
    return path;
}

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void savedSecretsGoToTheKeychain();
    void plainProfileMovesToTheKeychainOnFirstSave();
    void exportAndImportCarryNoSecrets();
    void secretsStayInMemoryWithoutKeychain();
    void plainProfileStaysPrivateWithoutKeychain();
    void markedProfileWithoutKeychainSaysWhatIsMissing();

private:
    QTemporaryDir m_dir;
};

void TestSecrets::savedSecretsGoToTheKeychain()
{
    const QString path = m_dir.filePath("saved.json");
    QString id;
    {
        Workspace workspace(path);
        QString error;
        QVERIFY(workspace.loadProfile(&error));
        QCOMPARE(workspace.saveSubscription(subscriptionWith(workspace, "Bearer s3cret-saved")), QString());
        QTRY_VERIFY_WITH_TIMEOUT(contents(path).contains("\"keychain\": true"), Bound);
        id = workspace.subscriptions()->subscriptions().value(0).id;
        QVERIFY(!workspace.secretsOnlyInMemory());
    }
    const QByteArray saved = contents(path);
    QVERIFY2(!saved.contains("s3cret-saved"), saved.constData());
    QVERIFY(saved.contains("ops")); // only the secret header is left out
    QCOMPARE(keychainValue(Profile::keychainKey(id, "Authorization")), QByteArray("Bearer s3cret-saved"));

    // Loaded again, the value comes back from the keychain before the subscription starts.
    Workspace reopened(path);
    QString error;
    QVERIFY(reopened.loadProfile(&error));
    QTRY_COMPARE_WITH_TIMEOUT(reopened.subscriptions()->rowCount(), 1, Bound);
    QCOMPARE(headerValue(reopened.subscriptionJson(id), "Authorization"), QByteArray("Bearer s3cret-saved"));
    QCOMPARE(reopened.secretsNotice(), QString());

    // A removed subscription takes its secret out of the keychain.
    reopened.removeSubscription(id);
    QTRY_COMPARE_WITH_TIMEOUT(keychainValue(Profile::keychainKey(id, "Authorization")), QByteArray(), Bound);
}

void TestSecrets::plainProfileMovesToTheKeychainOnFirstSave()
{
    const QString path = m_dir.filePath("plain.json");
    writePlainProfile(path, "k3y-plain");
    Workspace workspace(path);
    QString error;
    QVERIFY(workspace.loadProfile(&error));
    QCOMPARE(workspace.subscriptions()->rowCount(), 1);
    QVERIFY(contents(path).contains("k3y-plain")); // loading alone writes nothing

    workspace.subscriptions()->setEnabled(0, true); // any edit saves
    QTRY_VERIFY_WITH_TIMEOUT(!contents(path).contains("k3y-plain"), Bound);
    QCOMPARE(keychainValue(Profile::keychainKey("plain-1", "X-Api-Key")), QByteArray("k3y-plain"));
    QCOMPARE(workspace.secretsNotice(),
             QString("Moved 1 secret header values from plain.json into the system keychain"));
    QCOMPARE(headerValue(workspace.subscriptionJson("plain-1"), "X-Api-Key"), QByteArray("k3y-plain"));
}

void TestSecrets::exportAndImportCarryNoSecrets()
{
    const QString path = m_dir.filePath("exporting.json");
    Workspace workspace(path);
    QCOMPARE(workspace.saveSubscription(subscriptionWith(workspace, "Bearer s3cret-export")), QString());
    const QString exported = m_dir.filePath("exported.json");
    QCOMPARE(workspace.exportProfile(QUrl::fromLocalFile(exported)), QString());
    const QByteArray json = contents(exported);
    QVERIFY(!json.contains("s3cret-export"));
    QVERIFY(!json.contains("keychain")); // nothing that points into this machine's keychain either
    QVERIFY(json.contains("Authorization"));

    // A profile marked for a keychain that holds nothing for it (another machine's): the header comes
    // in empty and the status bar says which one to enter again.
    const QString marked = writeMarkedProfile(m_dir.filePath("marked.json"));
    Workspace importing(m_dir.filePath("importing.json"));
    QSignalSpy noticed(&importing, &Workspace::secretsChanged);
    QCOMPARE(importing.importProfile(QUrl::fromLocalFile(marked)), QString());
    QTRY_COMPARE_WITH_TIMEOUT(importing.subscriptions()->rowCount(), 1, Bound);
    QCOMPARE(
        importing.secretsNotice(),
        QString("The system keychain holds no value for Cookie of 'Remote'; enter it again in the editor"));
    QVERIFY(noticed.size() >= 1);
}

void TestSecrets::secretsStayInMemoryWithoutKeychain()
{
    const QString path = m_dir.filePath("memory.json");
    Workspace workspace(path);
    QCOMPARE(workspace.saveSubscription(subscriptionWith(workspace, "Bearer s3cret-memory")), QString());
    QTRY_VERIFY_WITH_TIMEOUT(workspace.secretsOnlyInMemory(), Bound);
    QVERIFY2(workspace.secretsNotice().startsWith(
                 "Secret header values kept for this session only: no system keychain answered ("),
             qPrintable(workspace.secretsNotice()));
    QVERIFY(!workspace.secretsNotice().contains('\n'));
    QVERIFY(!contents(path).contains("s3cret-memory"));
    const QString id = workspace.subscriptions()->subscriptions().value(0).id;
    QCOMPARE(headerValue(workspace.subscriptionJson(id), "Authorization"),
             QByteArray("Bearer s3cret-memory"));

    // The operator agrees to a private file: the values go into it, and only its owner can read it.
    workspace.keepSecretsInPrivateFile();
    QTRY_VERIFY_WITH_TIMEOUT(contents(path).contains("s3cret-memory"), Bound);
    QVERIFY(onlyOwnerReads(path));
    QVERIFY(!workspace.secretsOnlyInMemory());
    QVERIFY(workspace.secretsNotice().startsWith("Secret header values kept in " + path +
                                                 ", readable only by you"));
}

void TestSecrets::plainProfileStaysPrivateWithoutKeychain()
{
    const QString path = m_dir.filePath("plain-private.json");
    writePlainProfile(path, "k3y-kept");
    Workspace workspace(path);
    QString error;
    QVERIFY(workspace.loadProfile(&error));
    workspace.subscriptions()->setEnabled(0, true);
    QTRY_VERIFY_WITH_TIMEOUT(onlyOwnerReads(path), Bound);
    QVERIFY(contents(path).contains("k3y-kept")); // not lost for want of a keychain
    QVERIFY(workspace.secretsNotice().startsWith("Secret header values kept in " + path +
                                                 ", readable only by you"));
}

void TestSecrets::markedProfileWithoutKeychainSaysWhatIsMissing()
{
    const QString path = writeMarkedProfile(m_dir.filePath("marked-nokeychain.json"));
    Workspace workspace(path);
    QString error;
    QVERIFY(workspace.loadProfile(&error)); // the file is fine; only the keychain is missing
    QTRY_COMPARE_WITH_TIMEOUT(workspace.subscriptions()->rowCount(), 1, Bound);
    QVERIFY2(workspace.secretsNotice().startsWith("Secret headers not read (Cookie of 'Remote'; enter them "
                                                  "again in the editor): no system keychain answered ("),
             qPrintable(workspace.secretsNotice()));
    QVERIFY(contents(path).contains("\"keychain\": true")); // left as it was
}

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
