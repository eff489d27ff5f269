// SPDX-License-Identifier: GPL-3.0-or-later
// Subscriptions and profiles as JSON: round trips, validation messages, bad files that change nothing.
#include "profile.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

namespace {

Subscription fullSubscription()
{
    Subscription subscription = Subscription::create("Orders", QUrl("https://api.example.test/v1/orders"),
                                                     Subscription::Panel::Chart);
    subscription.request.method = "POST";
    subscription.request.headers = {{"Authorization", "Bearer s3cr3t"}, {"X-Tenant", "acme"}};
    subscription.request.body = R"({"since":"now"})";
    subscription.request.retry = RetrySettings{500, 30000, 12};
    subscription.request.idleTimeoutMs = 45000;
    subscription.request.allowInsecureTls = true;
    subscription.eventTypes = {"order", "cancel"};
    subscription.mapping = {{"/market"}, "/amount", "/at"};
    subscription.messageEnd = {"END", "finished"};
    subscription.enabled = false;
    return subscription;
}

// Writes `content` as profile.json in `dir`: its path, or an empty string when it could not be written.
QString writtenProfile(const QTemporaryDir &dir, const QByteArray &content)
{
    const QString path = dir.filePath("profile.json");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

} // namespace

class TestProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void subscriptionRoundTrip();
    void subscriptionProblems_data();
    void subscriptionProblems();
    void secretHeadersAreMasked_data();
    void secretHeadersAreMasked();
    void eventTypeFilter();
    void profileRoundTripThroughFile();
    void badFilesChangeNothing_data();
    void badFilesChangeNothing();
    void demoProfileCoversEveryFeed();
};

void TestProfile::subscriptionRoundTrip()
{
    const Subscription original = fullSubscription();
    QStringList errors;
    const Subscription back = Subscription::fromJson(original.toJson(), &errors);
    QCOMPARE(errors, QStringList());
    QCOMPARE(back.toJson(), original.toJson());
    QCOMPARE(back.id, original.id);
    QCOMPARE(back.request.headers, original.request.headers);
    QCOMPARE(back.request.retry.maxAttempts, 12);
    QCOMPARE(back.panel, Subscription::Panel::Chart);
    QCOMPARE(back.messageEnd.data, QString("END"));
    QCOMPARE(back.messageEnd.eventType, QString("finished"));
    QVERIFY(!back.enabled);
}

void TestProfile::subscriptionProblems_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("problem");
    QTest::newRow("no name") << QByteArray(R"({"url":"http://h/x"})") << "name: give the subscription a name";
    QTest::newRow("bad scheme") << QByteArray(R"({"name":"n","url":"ws://h/x"})")
                                << "url: unsupported URL scheme";
    QTest::newRow("no URL") << QByteArray(R"({"name":"n"})") << "url: no URL given";
    QTest::newRow("bad panel") << QByteArray(R"({"name":"n","url":"http://h/x","panel":"pie"})")
                               << "panel: 'pie' is not one of";
    QTest::newRow("bad pointer")
        << QByteArray(R"({"name":"n","url":"http://h/x","panel":"chart","mapping":{"value":"v"}})")
        << "mapping: 'v' is not a JSON pointer";
    QTest::newRow("chart without value")
        << QByteArray(R"({"name":"n","url":"http://h/x","panel":"chart","mapping":{"value":""}})")
        << "mapping: a chart needs a JSON pointer to its value";
    QTest::newRow("negative idle timeout")
        << QByteArray(R"({"name":"n","url":"http://h/x","idleTimeoutMs":-5})")
        << "idleTimeoutMs: must be a whole number from 0 to 86400000";
    QTest::newRow("bad header name")
        << QByteArray(R"({"name":"n","url":"http://h/x","headers":[{"name":"Bad Name","value":"v"}]})")
        << "headers: 'Bad Name' is not a header name";
}

void TestProfile::subscriptionProblems()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, problem);
    QStringList errors;
    Subscription::fromJson(QJsonDocument::fromJson(json).object(), &errors);
    QVERIFY2(
        std::any_of(errors.cbegin(), errors.cend(), [&](const QString &e) { return e.contains(problem); }),
        qPrintable(errors.join(" | ")));
}

void TestProfile::secretHeadersAreMasked_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("shown");
    QTest::newRow("bearer") << QByteArray("Authorization") << QByteArray("Bearer abc.def")
                            << "Bearer ••••••••";
    QTest::newRow("cookie") << QByteArray("Cookie") << QByteArray("session=xyz") << "••••••••";
    QTest::newRow("token") << QByteArray("X-Auth-Token") << QByteArray("t0k3n") << "••••••••";
    QTest::newRow("api key") << QByteArray("X-Api-Key") << QByteArray("k") << "••••••••";
    QTest::newRow("plain") << QByteArray("X-Tenant") << QByteArray("acme") << "acme";
}

void TestProfile::secretHeadersAreMasked()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(QString, shown);
    QCOMPARE(Subscription::displayedHeaderValue(name, value), shown);
}

void TestProfile::eventTypeFilter()
{
    Subscription subscription = fullSubscription();
    QVERIFY(subscription.wants("order"));
    QVERIFY(!subscription.wants("message"));
    subscription.eventTypes.clear();
    QVERIFY(subscription.wants("anything"));
}

void TestProfile::profileRoundTripThroughFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("nested/profile.json");
    Profile profile = Profile::demo(QUrl("http://127.0.0.1:8080/"));
    profile.subscriptions << fullSubscription();
    QString error;
    QVERIFY2(profile.save(path, &error), qPrintable(error));
    const std::optional<Profile> loaded = Profile::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->toJson(), profile.toJson());
}

void TestProfile::badFilesChangeNothing_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QByteArray("{subscriptions: [") << "not valid JSON at offset";
    QTest::newRow("not a profile") << QByteArray(R"({"name":"x"})") << "not an EventScope profile";
    QTest::newRow("newer format") << QByteArray(R"({"eventscopeProfile":99,"subscriptions":[]})")
                                  << "made by a newer EventScope (format 99";
    QTest::newRow("entry not an object")
        << QByteArray(R"({"subscriptions":[5]})") << "entry 1 is not an object";
    QTest::newRow("invalid subscription")
        << QByteArray(R"({"subscriptions":[{"name":"a","url":"nope"}]})") << "a: url: unsupported URL scheme";
    QTest::newRow("duplicate id")
        << QByteArray(
               R"({"subscriptions":[{"id":"1","name":"a","url":"http://h/"},{"id":"1","name":"b","url":"http://h/"}]})")
        << "b: its id '1' is used twice";
    // Profiles built to hurt.
    const auto listOf = [](int count, const auto &entry) -> QByteArray { // not a QStringBuilder
        QByteArray json = R"({"subscriptions":[)";
        for (int i = 0; i < count; ++i)
            json += QByteArray(i ? "," : "") + entry(QByteArray::number(i));
        return json + "]}";
    };
    const QByteArray many = listOf(10000, [](const QByteArray &n) -> QByteArray {
        return R"({"id":")" + n + R"(","url":"http://h/"})";
    });
    QTest::newRow("10 000 subscriptions") << many << "10000 subscriptions; EventScope opens at most 1000";
    QTest::newRow("a 50 MB string") << QByteArray(R"({"subscriptions":[{"name":")" +
                                                  QByteArray(50 * 1024 * 1024, 'x') + R"("}]})")
                                    << "larger than 16 MiB; it is not a profile";
    // Names with line breaks, as fuzz_profile found: the error stays one line.
    const QByteArray broken = listOf(
        900, [](const QByteArray &n) -> QByteArray { return R"({"name":"feed\n)" + n + R"(","url":"x"})"; });
    QTest::newRow("900 broken subscriptions") << broken << "; and 895 more";
}

void TestProfile::badFilesChangeNothing()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = writtenProfile(dir, content);
    QVERIFY(!path.isEmpty());
    QElapsedTimer clock;
    clock.start();
    QString error;
    QVERIFY(!Profile::load(path, &error));
#ifndef EVENTSCOPE_SANITIZED // several times slower under a sanitizer, which says nothing of the product
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed()) + " ms")); // refused at once
#endif
    QVERIFY2(error.startsWith("profile '" + path + "': "), qPrintable(error.left(300)));
    QVERIFY2(error.contains(message), qPrintable(error.left(300)));
    QVERIFY2(!error.contains(u'\n') && error.size() < 1000, qPrintable(error.left(300))); // one line
    QFile again(path);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), content); // untouched
}

void TestProfile::demoProfileCoversEveryFeed()
{
    const Profile profile = Profile::demo(QUrl("http://127.0.0.1:5000/"));
    QStringList panels;
    for (const Subscription &subscription : profile.subscriptions) {
        QCOMPARE(subscription.problems(), QStringList());
        QCOMPARE(subscription.request.url.port(), 5000);
        panels << Subscription::panelName(subscription.panel);
    }
    QCOMPARE(panels, (QStringList{"stock", "iot", "progress", "notifications", "text"}));
    QString error;
    QVERIFY(!Profile::load("/nonexistent/profile.json", &error));
    QVERIFY(error.contains("cannot open profile '/nonexistent/profile.json'"));
}

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
