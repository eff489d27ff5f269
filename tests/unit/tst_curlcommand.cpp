// SPDX-License-Identifier: GPL-3.0-or-later
// curl command lines as requests and back: what a browser's "Copy as cURL" and API documentation give
// (quotes, continuations, --json, -u), what cannot be taken named rather than dropped, mistakes said,
// and a request copied as curl read back the same, with secrets masked unless asked for.
#include "curlcommand.h"

#include <QTest>

using Header = QPair<QByteArray, QByteArray>;

class TestCurlCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAnOpenAiStyleRequest();
    void readsQuotingAsAShellDoes();
    void dataMakesAPostLikeCurl();
    void namesWhatItCannotTake();
    void saysWhatIsWrong_data();
    void saysWhatIsWrong();
    void copiedRequestReadsBackTheSame();
    void copyMasksSecretsUnlessAsked();
};

void TestCurlCommand::readsAnOpenAiStyleRequest()
{
    const CurlCommand::Parsed parsed =
        CurlCommand::parse("curl https://api.example.com/v1/chat/completions \\\n"
                           "  -H \"Content-Type: application/json\" \\\n"
                           "  -H \"Authorization: Bearer $OPENAI_API_KEY\" \\\n"
                           "  -d '{\"model\": \"m\", \"stream\": true, \"messages\": [{\"role\": \"user\", "
                           "\"content\": \"it'\\''s\"}]}'");
    QCOMPARE(parsed.error, QString());
    QCOMPARE(parsed.notTaken, QStringList());
    QCOMPARE(parsed.request.url, QUrl("https://api.example.com/v1/chat/completions"));
    QCOMPARE(parsed.request.method, QByteArray("POST"));
    QCOMPARE(parsed.request.headers, (QList<Header>{{"Content-Type", "application/json"},
                                                    {"Authorization", "Bearer $OPENAI_API_KEY"}}));
    QCOMPARE(parsed.request.body, QByteArray("{\"model\": \"m\", \"stream\": true, \"messages\": [{\"role\": "
                                             "\"user\", \"content\": \"it's\"}]}"));
}

void TestCurlCommand::readsQuotingAsAShellDoes()
{
    const CurlCommand::Parsed parsed =
        CurlCommand::parse("curl -sN -XPUT \"http://127.0.0.1:8080/a b?q=\\\"x\\\"\" -H'X-Empty-Quote: \"\"' "
                           "--url-query-free -k");
    QCOMPARE(parsed.error, QString());
    QCOMPARE(parsed.request.method, QByteArray("PUT"));
    QCOMPARE(parsed.request.url.toEncoded(), QByteArray("http://127.0.0.1:8080/a%20b?q=%22x%22"));
    QCOMPARE(parsed.request.headers, (QList<Header>{{"X-Empty-Quote", "\"\""}}));
    QVERIFY(parsed.request.allowInsecureTls);
    QCOMPARE(parsed.notTaken, QStringList{"--url-query-free"});
}

void TestCurlCommand::dataMakesAPostLikeCurl()
{
    CurlCommand::Parsed parsed = CurlCommand::parse("curl -d a=1 -d b=2 http://h/s");
    QCOMPARE(parsed.request.method, QByteArray("POST"));
    QCOMPARE(parsed.request.body, QByteArray("a=1&b=2"));
    QCOMPARE(parsed.request.headers, (QList<Header>{{"Content-Type", "application/x-www-form-urlencoded"}}));

    parsed = CurlCommand::parse("curl --json '{\"prompt\":\"hi\"}' http://h/chat");
    QCOMPARE(parsed.request.method, QByteArray("POST"));
    QCOMPARE(parsed.request.headers, (QList<Header>{{"Content-Type", "application/json"}}));
    QCOMPARE(parsed.request.body, QByteArray("{\"prompt\":\"hi\"}"));

    parsed = CurlCommand::parse("curl -u ops:s3cret -X GET --data-raw @literal http://h/s");
    QCOMPARE(parsed.request.method, QByteArray("GET"));
    QCOMPARE(parsed.request.body, QByteArray("@literal"));
    QCOMPARE(parsed.request.headers.first(),
             Header("Authorization", "Basic " + QByteArray("ops:s3cret").toBase64()));
}

void TestCurlCommand::namesWhatItCannotTake()
{
    const CurlCommand::Parsed parsed = CurlCommand::parse(
        "curl --retry 3 -o out.txt -d @body.json -b jar.txt -H NoColon http://h/s http://h/t");
    QCOMPARE(parsed.error, QString());
    QCOMPARE(parsed.request.url, QUrl("http://h/s"));
    QCOMPARE(parsed.notTaken,
             (QStringList{"--retry 3", "-o out.txt",
                          "-d @body.json (a body read from a file: paste the body instead)",
                          "-b jar.txt (cookies from a file)", "-H NoColon (not 'Name: value')",
                          "http://h/t (one URL per subscription)"}));
}

void TestCurlCommand::saysWhatIsWrong_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("error");
    QTest::newRow("not curl") << "wget http://h/s"
                              << "this is not a curl command (it should start with 'curl')";
    QTest::newRow("empty") << ""
                           << "this is not a curl command (it should start with 'curl')";
    QTest::newRow("open quote") << "curl 'http://h/s"
                                << "a quote is not closed";
    QTest::newRow("no URL") << "curl -N -H 'Accept: x'"
                            << "the curl command has no URL";
    QTest::newRow("no value") << "curl http://h/s -H"
                              << "-H needs a value";
}

void TestCurlCommand::saysWhatIsWrong()
{
    QFETCH(QString, line);
    QFETCH(QString, error);
    QCOMPARE(CurlCommand::parse(line).error, error);
}

void TestCurlCommand::copiedRequestReadsBackTheSame()
{
    SseRequest request;
    request.url = QUrl("https://api.example.com/v1/stream?x=1&y=it's");
    request.method = "POST";
    request.headers = {{"Content-Type", "application/json"},
                       {"X-Note", "two  spaces and 'quotes' and \"more\""}};
    request.body = "{\"text\": \"line one\\nline two\", \"q\": \"it's\"}";
    request.allowInsecureTls = true;
    const QString line = CurlCommand::format(request, true);
    const CurlCommand::Parsed back = CurlCommand::parse(line);
    QCOMPARE(back.error, QString());
    QCOMPARE(back.notTaken, QStringList());
    QCOMPARE(back.request.url, request.url);
    QCOMPARE(back.request.method, request.method);
    QCOMPARE(back.request.headers, (QList<Header>{{"Accept", "text/event-stream"}} + request.headers));
    QCOMPARE(back.request.body, request.body);
    QVERIFY(back.request.allowInsecureTls);
}

void TestCurlCommand::copyMasksSecretsUnlessAsked()
{
    SseRequest request;
    request.url = QUrl("https://ops:hunter2@h.example/s");
    request.headers = {{"Authorization", "Bearer abc123"}, {"X-Api-Key", "k-999"}, {"X-Plain", "shown"}};
    const QString masked = CurlCommand::format(request, false);
    QVERIFY2(!masked.contains("hunter2") && !masked.contains("abc123") && !masked.contains("k-999"),
             qPrintable(masked));
    QVERIFY2(masked.contains("'Authorization: Bearer ••••••••'") && masked.contains("X-Plain: shown"),
             qPrintable(masked));
    QCOMPARE(masked.left(8), QString("curl -N "));
    const QString revealed = CurlCommand::format(request, true);
    QVERIFY2(revealed.contains("hunter2") && revealed.contains("'Authorization: Bearer abc123'") &&
                 revealed.contains("k-999"),
             qPrintable(revealed));
}

QTEST_APPLESS_MAIN(TestCurlCommand)
#include "tst_curlcommand.moc"
