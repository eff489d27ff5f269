// SPDX-License-Identifier: GPL-3.0-or-later
#include "httprequestreader.h"

#include <QTest>

class TestHttpRequestReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsRequestInPieces();
    void readsBodyByContentLength();
    void pipelinedRequests();
    void keepAliveRules_data();
    void keepAliveRules();
    void rejects_data();
    void rejects();
};

void TestHttpRequestReader::readsRequestInPieces()
{
    const QByteArray raw =
        "GET /stocks?symbols=AAPL,MSFT&rate=2 HTTP/1.1\r\nHost: h\r\nLast-Event-ID: 42\r\n\r\n";
    HttpRequestReader reader;
    for (qsizetype i = 0; i < raw.size() - 1; ++i)
        QCOMPARE(reader.feed(raw.mid(i, 1)), HttpRequestReader::State::Incomplete);
    QCOMPARE(reader.feed(raw.right(1)), HttpRequestReader::State::Complete);
    const HttpRequest &request = reader.request();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.path, QByteArray("/stocks"));
    QCOMPARE(request.query.queryItemValue("symbols"), QString("AAPL,MSFT"));
    QCOMPARE(request.query.queryItemValue("rate"), QString("2"));
    QCOMPARE(request.header("last-event-id"), QByteArray("42"));
    QVERIFY(request.keepAlive);
}

void TestHttpRequestReader::readsBodyByContentLength()
{
    HttpRequestReader reader;
    QCOMPARE(reader.feed("POST /jobs HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\n{\"a\":"),
             HttpRequestReader::State::Incomplete);
    QCOMPARE(reader.feed("12345}"), HttpRequestReader::State::Complete);
    QCOMPARE(reader.request().body, QByteArray("{\"a\":12345}"));
}

void TestHttpRequestReader::pipelinedRequests()
{
    HttpRequestReader reader;
    QCOMPARE(reader.feed("GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\nGET /c"),
             HttpRequestReader::State::Complete);
    QCOMPARE(reader.request().path, QByteArray("/a"));
    QCOMPARE(reader.next(), HttpRequestReader::State::Complete);
    QCOMPARE(reader.request().path, QByteArray("/b"));
    QCOMPARE(reader.next(), HttpRequestReader::State::Incomplete);
    QVERIFY(reader.hasPartialRequest());
}

void TestHttpRequestReader::keepAliveRules_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("1.1 default") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\n\r\n") << true;
    QTest::newRow("1.1 close") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
                               << false;
    QTest::newRow("1.0 default") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
    QTest::newRow("1.0 keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") << true;
}

void TestHttpRequestReader::keepAliveRules()
{
    QFETCH(QByteArray, raw);
    QFETCH(bool, keepAlive);
    HttpRequestReader reader;
    QCOMPARE(reader.feed(raw), HttpRequestReader::State::Complete);
    QCOMPARE(reader.request().keepAlive, keepAlive);
}

void TestHttpRequestReader::rejects_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("status");
    QTest::newRow("garbage") << QByteArray("HELLO\r\n\r\n") << 400;
    QTest::newRow("binary, incomplete") << QByteArray("\x16\x03\x01\x02\x00", 5) << 400;
    QTest::newRow("no target slash") << QByteArray("GET stocks HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("bad method token") << QByteArray("G(T / HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
    QTest::newRow("missing host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("bad header line") << QByteArray("GET / HTTP/1.1\r\nHost h\r\n\r\n") << 400;
    QTest::newRow("space in header name") << QByteArray("GET / HTTP/1.1\r\nHo st: h\r\n\r\n") << 400;
    QTest::newRow("http/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 400;
    QTest::newRow("version") << QByteArray("GET / HTTP/2.0\r\nHost: h\r\n\r\n") << 505;
    QTest::newRow("bad length") << QByteArray("POST /jobs HTTP/1.1\r\nHost: h\r\nContent-Length: x\r\n\r\n")
                                << 400;
    QTest::newRow("negative length") << QByteArray(
                                            "POST /jobs HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n")
                                     << 400;
    QTest::newRow("body too large") << QByteArray(
                                           "POST /jobs HTTP/1.1\r\nHost: h\r\nContent-Length: 100000\r\n\r\n")
                                    << 413;
    QTest::newRow("chunked body")
        << QByteArray("POST /jobs HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n") << 501;
    QTest::newRow("head too large, complete")
        << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + QByteArray(20000, 'a') + "\r\n\r\n") << 431;
    QTest::newRow("head too large, never ends")
        << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(20000, 'a')) << 431;
    QTest::newRow("too many headers")
        << QByteArray("GET / HTTP/1.1\r\nHost: h\r\n" + QByteArray("A: b\r\n").repeated(120) + "\r\n") << 431;
}

void TestHttpRequestReader::rejects()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, status);
    HttpRequestReader reader;
    QCOMPARE(reader.feed(raw), HttpRequestReader::State::Failed);
    QCOMPARE(reader.errorStatus(), status);
    QVERIFY(!reader.errorMessage().isEmpty());
    QCOMPARE(reader.feed("GET / HTTP/1.1\r\nHost: h\r\n\r\n"),
             HttpRequestReader::State::Failed); // stays failed
}

QTEST_GUILESS_MAIN(TestHttpRequestReader)
#include "tst_httprequestreader.moc"
