// SPDX-License-Identifier: GPL-3.0-or-later
#include "subscription.h"
#include "subscriptioneditor.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

class TestSubscriptionEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsAndRoundTrips();
    void problemsFiledUnderTheirField();
    void panelSwitchBringsDefaultMapping();
    void headersAndRules();
};

void TestSubscriptionEditor::loadsAndRoundTrips()
{
    Subscription original =
        Subscription::create("Jobs", QUrl("http://127.0.0.1:8080/jobs"), Subscription::Panel::Progress);
    original.request.method = "POST";
    original.request.body = R"({"steps":5})";
    original.request.headers = {{"Authorization", "Bearer abc"}};
    original.request.idleTimeoutMs = 30000;
    original.eventTypes = {"progress", "done"};
    original.rules = {{ThresholdRule::Kind::Below, 5, "x", "info"}};
    SubscriptionEditor editor;
    editor.load(original.toJson());
    QVERIFY(editor.valid());
    QCOMPARE(editor.fields().value("eventTypes").toString(), QStringLiteral("progress, done"));
    QCOMPARE(editor.fields().value("idleTimeoutSeconds").toDouble(), 30.0);
    QCOMPARE(editor.fields().value("headers").toList().first().toMap().value("secret").toBool(), true);

    QStringList problems;
    const Subscription back = Subscription::parse(editor.toJson(), &problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(back.toJson(), original.toJson());
}

void TestSubscriptionEditor::problemsFiledUnderTheirField()
{
    SubscriptionEditor editor;
    QSignalSpy changed(&editor, &SubscriptionEditor::changed);
    editor.set("name", "Feed");
    editor.set("url", "ftp://example.com/x");
    QVERIFY(!editor.valid());
    QVERIFY2(editor.problems().value("url").toString().contains("http"),
             qPrintable(editor.problems().value("url").toString()));
    QVERIFY(!editor.problems().contains("name"));
    editor.set("url", "http://127.0.0.1:1/feed");
    QVERIFY(editor.valid());
    editor.set("name", "  ");
    QCOMPARE(editor.problems().value("name").toString(), QStringLiteral("give the subscription a name"));
    editor.set("name", "Feed");
    editor.set("panel", "chart");
    editor.set("value", "price");
    QVERIFY(editor.problems().value("mapping").toString().contains("/"));
    editor.set("value", "/price");
    editor.set("maxDelayMs", -5);
    QCOMPARE(editor.problems().value("maxDelayMs").toString(),
             QStringLiteral("must be a whole number from 0 to 86400000"));
    QVERIFY(changed.size() >= 8);
}

void TestSubscriptionEditor::panelSwitchBringsDefaultMapping()
{
    SubscriptionEditor editor;
    editor.setPanel("stock");
    QCOMPARE(editor.fields().value("seriesKey").toString(), QStringLiteral("/symbol"));
    QCOMPARE(editor.fields().value("value").toString(), QStringLiteral("/price"));
    editor.setPanel("iot");
    QCOMPARE(editor.fields().value("seriesKey").toString(), QStringLiteral("/device, /sensor"));
    editor.set("value", "/reading/v"); // the operator's own mapping stays
    editor.setPanel("chart");
    QCOMPARE(editor.fields().value("value").toString(), QStringLiteral("/reading/v"));
    QCOMPARE(editor.fields().value("panel").toString(), QStringLiteral("chart"));
}

void TestSubscriptionEditor::headersAndRules()
{
    SubscriptionEditor editor;
    editor.set("name", "Feed");
    editor.set("url", "http://127.0.0.1:1/feed");
    editor.addHeader();
    editor.setHeader(0, "X-Api-Key", "k1");
    editor.addHeader();
    editor.setHeader(1, "Bad Name", "v");
    QVERIFY(editor.problems().value("headers").toString().contains("'Bad Name' is not a header name"));
    editor.removeHeader(1);
    QVERIFY(editor.valid());
    QVERIFY(editor.fields().value("headers").toList().first().toMap().value("secret").toBool());

    editor.addRule();
    editor.setRule(0, "kind", "changePercent");
    editor.setRule(0, "limit", "2.5"); // typed into a text field
    QVERIFY(editor.valid());
    QCOMPARE(editor.toJson().value("rules").toArray().first().toObject().value("limit").toDouble(), 2.5);
    editor.setRule(0, "limit", "lots");
    QVERIFY(editor.problems().value("rules").toString().contains("must be a number"));
    editor.removeRule(0);
    QVERIFY(editor.valid());
}

QTEST_GUILESS_MAIN(TestSubscriptionEditor)
#include "tst_subscriptioneditor.moc"
