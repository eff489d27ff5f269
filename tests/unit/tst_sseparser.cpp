// SPDX-License-Identifier: GPL-3.0-or-later
// Every parsing rule of the WHATWG event-stream model as its own case; each case is run on the whole input,
// split in two at every possible point, and fed one byte at a time, and must give the same result each way.
#include "sseeventdecoder.h"
#include "sseformat.h"
#include "sseparser.h"
#include "utf8decoder.h"

#include <QRandomGenerator>
#include <QTest>

namespace {

class RecordingSink : public SseParserSink
{
public:
    QStringList records;
    QList<SseEvent> events;
    SseEventDecoder decoder;

    bool eventParsed(const SseEventView &view) override
    {
        const SseEvent event = decoder.decode(view);
        events.append(event);
        records << QStringLiteral("event|%1|%2|%3").arg(event.type, event.data, event.id);
        return true;
    }
    bool commentParsed(QByteArrayView comment) override
    {
        records << QStringLiteral("comment|") + decodeUtf8(comment.data(), comment.size());
        return true;
    }
    bool retryParsed(int milliseconds) override
    {
        records << QStringLiteral("retry|") + QString::number(milliseconds);
        return true;
    }
    bool limitExceeded(const QString &message) override
    {
        records << QStringLiteral("limit|") + message;
        return true;
    }
};

struct Limits
{
    qsizetype line = SseParser::DefaultMaxSize;
    qsizetype event = SseParser::DefaultMaxSize;
};

QStringList parseInChunks(const QByteArray &input, const QList<qsizetype> &cuts, Limits limits = {})
{
    RecordingSink sink;
    SseParser parser(&sink);
    parser.setMaxLineSize(limits.line);
    parser.setMaxEventSize(limits.event);
    // Each chunk is a copy that is overwritten once fed, as a socket's read buffer is: the parser hands
    // on views of its chunks, so one it forgot to copy before returning shows up as '#'s.
    QByteArray chunk;
    auto feedChunk = [&](QByteArrayView bytes) {
        chunk = bytes.toByteArray();
        parser.feed(chunk);
        chunk.fill('#');
    };
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        feedChunk(QByteArrayView(input).sliced(from, cut - from));
        from = cut;
    }
    feedChunk(QByteArrayView(input).sliced(from));
    return sink.records;
}

// The same result whole, at every split point and byte by byte.
void verifyAllSplits(const QByteArray &input, const QStringList &expected, Limits limits = {})
{
    QCOMPARE(parseInChunks(input, {}, limits), expected);
    for (qsizetype cut = 1; cut < input.size(); ++cut) {
        const QStringList actual = parseInChunks(input, {cut}, limits);
        if (actual != expected)
            qWarning("split at byte %lld differs", qlonglong(cut));
        QCOMPARE(actual, expected);
    }
    QList<qsizetype> everyByte;
    for (qsizetype cut = 1; cut < input.size(); ++cut)
        everyByte << cut;
    QCOMPARE(parseInChunks(input, everyByte, limits), expected);
}

QString ev(const QString &type, const QString &data, const QString &id = {})
{
    return QStringLiteral("event|%1|%2|%3").arg(type, data, id);
}

QString msg(const QString &data, const QString &id = {})
{
    return ev(QStringLiteral("message"), data, id);
}

} // namespace

class TestSseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void limits_data();
    void limits();
    void restartKeepsLastEventIdAndDropsPartialEvent();
    void setLastEventIdIsUsedByFollowingEvents();
    void stopsAtOnceWhenSinkSaysSo();
    void randomizedRoundTrip();
};

void TestSseParser::rules_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");
    const QString fffd(QChar::ReplacementCharacter);

    QTest::newRow("single event") << QByteArray("data: hello\n\n") << QStringList{msg("hello")};
    QTest::newRow("multi-line data joined by LF")
        << QByteArray("data: a\ndata: b\ndata: c\n\n") << QStringList{msg("a\nb\nc")};
    QTest::newRow("trailing LF removed once") << QByteArray("data: a\ndata:\n\n") << QStringList{msg("a\n")};
    QTest::newRow("CR line ends") << QByteArray("data: a\rdata: b\r\r") << QStringList{msg("a\nb")};
    QTest::newRow("CRLF line ends") << QByteArray("data: a\r\ndata: b\r\n\r\n") << QStringList{msg("a\nb")};
    QTest::newRow("mixed line ends") << QByteArray("data: a\rdata: b\r\ndata: c\n\r\ndata: d\r\r")
                                     << QStringList{msg("a\nb\nc"), msg("d")};
    QTest::newRow("CR then LF is one line end, LF then CR two")
        << QByteArray("data: a\r\n\n\rdata: b\n\r") << QStringList{msg("a"), msg("b")};
    QTest::newRow("leading BOM stripped") << QByteArray("\xEF\xBB\xBF"
                                                        "data: a\n\n")
                                          << QStringList{msg("a")};
    QTest::newRow("only one leading BOM stripped") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF"
                                                                 "data: a\n\ndata: b\n\n")
                                                   << QStringList{msg("b")};
    QTest::newRow("BOM after stream start is not stripped") << QByteArray("data: a\n\n\xEF\xBB\xBF"
                                                                          "data: b\n\n")
                                                            << QStringList{msg("a")};
    QTest::newRow("BOM that begins a value is kept") << QByteArray("data: a\n\ndata:\xEF\xBB\xBF"
                                                                   "b\n\n")
                                                     << QStringList{msg("a"), msg(QStringLiteral("\uFEFFb"))};
    QTest::newRow("BOM alone as first line is a blank line")
        << QByteArray("data: x\n\xEF\xBB\xBF\n") << QStringList{};
    QTest::newRow("UTF-8 multi-byte") << QByteArray("data: \xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80\n\n")
                                      << QStringList{msg(QString::fromUtf8("é中😀"))};
    QTest::newRow("invalid UTF-8 becomes U+FFFD") << QByteArray("data: a\xFF"
                                                                "b\xE2\x82"
                                                                "c\n\n")
                                                  << QStringList{msg("a" + fffd + "b" + fffd + "c")};
    QTest::newRow("truncated sequence at line end")
        << QByteArray("data: \xF0\x9F\x98\ndata: x\n\n") << QStringList{msg(fffd + "\nx")};
    QTest::newRow("one space after colon stripped")
        << QByteArray("data:  two\n\n") << QStringList{msg(" two")};
    QTest::newRow("no space after colon") << QByteArray("data:x\n\n") << QStringList{msg("x")};
    QTest::newRow("tab after colon kept") << QByteArray("data:\tx\n\n") << QStringList{msg("\tx")};
    QTest::newRow("value may contain colons") << QByteArray("data: a: b:c\n\n") << QStringList{msg("a: b:c")};
    QTest::newRow("line without colon is a field with empty value")
        << QByteArray("data\n\n") << QStringList{msg("")};
    QTest::newRow("two empty data lines") << QByteArray("data\ndata\n\n") << QStringList{msg("\n")};
    QTest::newRow("comment reported") << QByteArray(": keep-alive\n") << QStringList{"comment|keep-alive"};
    QTest::newRow("empty comment") << QByteArray(":\n") << QStringList{"comment|"};
    QTest::newRow("comment inside an event")
        << QByteArray("data: a\n:tick\ndata: b\n\n") << QStringList{"comment|tick", msg("a\nb")};
    QTest::newRow("unknown fields ignored")
        << QByteArray("foo: bar\nDATA: no\ndata : no\ndata: yes\n\n") << QStringList{msg("yes")};
    QTest::newRow("event type") << QByteArray("event: add\ndata: x\n\n") << QStringList{ev("add", "x")};
    QTest::newRow("event type resets after dispatch")
        << QByteArray("event: add\ndata: x\n\ndata: y\n\n") << QStringList{ev("add", "x"), msg("y")};
    QTest::newRow("event type resets even without dispatch")
        << QByteArray("event: add\n\ndata: y\n\n") << QStringList{msg("y")};
    QTest::newRow("empty event type means message")
        << QByteArray("event\ndata: x\n\n") << QStringList{msg("x")};
    QTest::newRow("last event field wins")
        << QByteArray("event: a\nevent: b\ndata: x\n\n") << QStringList{ev("b", "x")};
    QTest::newRow("id set") << QByteArray("id: 1\ndata: x\n\n") << QStringList{msg("x", "1")};
    QTest::newRow("id persists across events")
        << QByteArray("id: 1\ndata: a\n\ndata: b\n\n") << QStringList{msg("a", "1"), msg("b", "1")};
    QTest::newRow("empty id resets") << QByteArray("id: 1\ndata: a\n\nid\ndata: b\n\n")
                                     << QStringList{msg("a", "1"), msg("b", "")};
    // Its length is counted, not written out: a hand-counted 34 once read past the literal (found by ASan).
    static const char idWithNul[] = "id: 1\ndata: a\n\nid: 2\0"
                                    "3\ndata: b\n\n";
    QTest::newRow("id with NUL ignored")
        << QByteArray(idWithNul, sizeof idWithNul - 1) << QStringList{msg("a", "1"), msg("b", "1")};
    QTest::newRow("id takes effect at a blank line without data")
        << QByteArray("id: 5\n\ndata: x\n\n") << QStringList{msg("x", "5")};
    QTest::newRow("id after data in the same event")
        << QByteArray("data: x\nid: 9\n\n") << QStringList{msg("x", "9")};
    QTest::newRow("retry") << QByteArray("retry: 1500\n") << QStringList{"retry|1500"};
    QTest::newRow("retry zero") << QByteArray("retry: 0\n") << QStringList{"retry|0"};
    QTest::newRow("retry not all digits ignored")
        << QByteArray("retry: 15a\nretry: -1\nretry: 1.5\nretry:  5\nretry\nretry: \n") << QStringList{};
    QTest::newRow("retry overflow clamps")
        << QByteArray("retry: 99999999999999999999\n") << QStringList{"retry|2147483647"};
    QTest::newRow("no dispatch when data buffer empty") << QByteArray("event: x\nid: 1\n\n") << QStringList{};
    QTest::newRow("blank lines alone dispatch nothing") << QByteArray("\n\n\r\n\r") << QStringList{};
    QTest::newRow("unterminated event discarded")
        << QByteArray("data: a\n\ndata: b\n") << QStringList{msg("a")};
    QTest::newRow("unterminated line discarded") << QByteArray("data: a\n\ndata: b") << QStringList{msg("a")};
    QTest::newRow("many events") << QByteArray("data: 1\n\ndata: 2\n\ndata: 3\n\n")
                                 << QStringList{msg("1"), msg("2"), msg("3")};
}

void TestSseParser::rules()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    verifyAllSplits(input, expected);
}

void TestSseParser::limits_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");

    // Line limit 16 bytes, event limit 24 bytes of data buffer (values plus their LFs). The messages are
    // checked whole: found by fuzz_sseparser, a long line's message once said how much of it had arrived,
    // which depended on where the chunks split.
    const QString longLine = "limit|a line longer than the limit of 16 bytes; its event is discarded";
    QTest::newRow("long line drops its event, next event parsed")
        << QByteArray("data: 0123456789abcdef\n\ndata: ok\n\n") << QStringList{longLine, msg("ok")};
    QTest::newRow("long line in the middle of an event")
        << QByteArray("data: a\ndata: 0123456789abcdef\ndata: b\n\ndata: ok\n\n")
        << QStringList{longLine, msg("ok")};
    QTest::newRow("line exactly at the limit passes")
        << QByteArray("data: 0123456789\n\n") << QStringList{msg("0123456789")};
    QTest::newRow("event data over the limit dropped")
        << QByteArray("data: 0123456789\ndata: 0123456789\ndata: 0123\n\ndata: ok\n\n")
        << QStringList{"limit|event data of more than 26 bytes exceeds the limit of 24 bytes; the event is "
                       "discarded",
                       msg("ok")};
    QTest::newRow("id of a dropped event still counts")
        << QByteArray("id: 7\ndata: 0123456789abcdef\n\ndata: ok\n\n")
        << QStringList{longLine, msg("ok", "7")};
    QTest::newRow("long comment line drops the event it stands in")
        << QByteArray(": 0123456789abcdefghij\ndata: lost\n\ndata: ok\n\n")
        << QStringList{longLine, msg("ok")};
}

void TestSseParser::limits()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);
    verifyAllSplits(input, expected, Limits{16, 24});
}

void TestSseParser::restartKeepsLastEventIdAndDropsPartialEvent()
{
    RecordingSink sink;
    SseParser parser(&sink);
    parser.feed("id: 3\ndata: a\n\nid: 4\ndata: part");
    QCOMPARE(parser.lastEventId(), QStringLiteral("3"));
    parser.restart();
    parser.feed("\xEF\xBB\xBF"
                "data: b\n\n");
    QCOMPARE(sink.records, (QStringList{msg("a", "3"), msg("b", "3")}));
}

void TestSseParser::setLastEventIdIsUsedByFollowingEvents()
{
    RecordingSink sink;
    SseParser parser(&sink);
    parser.setLastEventId(QStringLiteral("41"));
    parser.feed("data: a\n\nid: 42\ndata: b\n\n");
    QCOMPARE(sink.records, (QStringList{msg("a", "41"), msg("b", "42")}));
    QCOMPARE(parser.lastEventId(), QStringLiteral("42"));
}

void TestSseParser::stopsAtOnceWhenSinkSaysSo()
{
    struct StopAfterFirst : RecordingSink
    {
        bool eventParsed(const SseEventView &event) override
        {
            RecordingSink::eventParsed(event);
            return false;
        }
    } sink;
    SseParser parser(&sink);
    QVERIFY(!parser.feed("data: 1\n\ndata: 2\n\n"));
    QCOMPARE(sink.records, QStringList{msg("1")});
}

void TestSseParser::randomizedRoundTrip()
{
    const quint32 seed = QRandomGenerator::global()->generate();
    QRandomGenerator random(seed);
    const QStringList alphabet{QStringLiteral("a"), QStringLiteral("Z"), QStringLiteral(" "),
                               QStringLiteral(":"), QStringLiteral("é"), QStringLiteral("中"),
                               QStringLiteral("😀"), QStringLiteral("\"")};
    const QStringList types{QStringLiteral("message"), QStringLiteral("quote"), QStringLiteral("ünïcode"),
                            QStringLiteral("a:b")};
    auto randomText = [&](int maxLength) {
        QString text;
        const int length = random.bounded(maxLength + 1);
        for (int i = 0; i < length; ++i)
            text += alphabet.at(random.bounded(alphabet.size()));
        return text;
    };

    for (int round = 0; round < 300; ++round) {
        const auto lineEnd = SseFormatter::LineEnd(random.bounded(3));
        SseFormatter formatter(lineEnd);
        QByteArray stream = random.bounded(4) == 0 ? QByteArray("\xEF\xBB\xBF") : QByteArray();
        QList<SseEvent> expected;
        QString id;
        const int count = random.bounded(1, 20);
        for (int i = 0; i < count; ++i) {
            SseEvent event;
            event.type = types.at(random.bounded(types.size()));
            QStringList lines;
            const int lineCount = random.bounded(1, 4);
            for (int l = 0; l < lineCount; ++l)
                lines << randomText(12);
            event.data = lines.join(QLatin1Char('\n'));
            if (random.bounded(3) == 0)
                id = random.bounded(5) == 0 ? QString() : QString::number(random.bounded(1000));
            event.id = id;
            if (random.bounded(5) == 0)
                stream += formatter.comment(randomText(5));
            if (random.bounded(8) == 0)
                stream += formatter.retry(random.bounded(10000));
            stream += formatter.event(event);
            expected << event;
        }

        RecordingSink sink;
        SseParser parser(&sink);
        for (qsizetype at = 0; at < stream.size();) {
            const qsizetype size = qMin<qsizetype>(random.bounded(1, 40), stream.size() - at);
            parser.feed(QByteArrayView(stream).sliced(at, size));
            at += size;
        }
        if (sink.events != expected)
            qWarning("seed %u, round %d, stream: %s", seed, round,
                     stream.toPercentEncoding(" :").constData());
        QCOMPARE(sink.events.size(), expected.size());
        QCOMPARE(sink.events, expected);
    }
}

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
