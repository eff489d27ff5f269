// SPDX-License-Identifier: GPL-3.0-or-later
// The WHATWG Encoding standard's UTF-8 decoder: one U+FFFD per maximal invalid subpart.
#include "utf8decoder.h"

#include <QTest>

class TestUtf8Decoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodes_data();
    void decodes();
    void validUtf8IsWhatDecodingGivesBack_data() { decodes_data(); }
    void validUtf8IsWhatDecodingGivesBack();
};

void TestUtf8Decoder::decodes_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    const QString r(QChar::ReplacementCharacter);

    QTest::newRow("ascii") << QByteArray("hello") << QStringLiteral("hello");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("two, three and four bytes")
        << QByteArray("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80") << QString::fromUtf8("é€😀");
    QTest::newRow("literal U+FFFD kept") << QByteArray("\xEF\xBF\xBD") << r;
    QTest::newRow("truncated 3-byte sequence is one U+FFFD") << QByteArray("\xE2\x82") << r;
    QTest::newRow("truncated 4-byte sequence is one U+FFFD") << QByteArray("\xF0\x9F\x98"
                                                                           "A")
                                                             << r + "A";
    QTest::newRow("lone continuation byte") << QByteArray("a\x80"
                                                          "b")
                                            << "a" + r + "b";
    QTest::newRow("overlong two-byte form") << QByteArray("\xC0\x80") << r + r;
    QTest::newRow("overlong three-byte form") << QByteArray("\xE0\x80\x80") << r + r + r;
    QTest::newRow("surrogate code point") << QByteArray("\xED\xA0\x80") << r + r + r;
    QTest::newRow("beyond U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << r + r + r + r;
    QTest::newRow("FE and FF") << QByteArray("\xFE\xFF") << r + r;
    QTest::newRow("lead byte followed by ASCII") << QByteArray("\xC3"
                                                               "A")
                                                 << r + "A";
    QTest::newRow("truncated then valid") << QByteArray("\xE2\x82\xE2\x82\xAC") << r + QString::fromUtf8("€");
    QTest::newRow("truncated at end") << QByteArray("ok\xF0\x9F") << "ok" + r;
    // Found by fuzz_utf8decoder: QString::fromUtf8 dropped the BOM of data that begins with one.
    QTest::newRow("leading BOM kept") << QByteArray("\xEF\xBB\xBFok") << QStringLiteral("\uFEFFok");
    QTest::newRow("leading BOM kept before invalid bytes")
        << QByteArray("\xEF\xBB\xBF\xB6") << QStringLiteral("\uFEFF") + r;
}

void TestUtf8Decoder::decodes()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QCOMPARE(decodeUtf8(input.constData(), input.size()), expected);
}

// The capture writes the parser's bytes without decoding them: they must come out as decoding and
// encoding again would give them, also past the eight-byte ASCII steps of the validity check.
void TestUtf8Decoder::validUtf8IsWhatDecodingGivesBack()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    for (const QByteArray &padding : {QByteArray(), QByteArray("12345678"), QByteArray("1234567")}) {
        const QByteArray bytes = padding + input + padding;
        QByteArray scratch;
        QCOMPARE(validUtf8(bytes, scratch).toByteArray(), (padding + expected + padding).toUtf8());
        QCOMPARE(isValidUtf8(bytes),
                 !expected.contains(QChar::ReplacementCharacter) || input == "\xEF\xBF\xBD");
    }
}

QTEST_GUILESS_MAIN(TestUtf8Decoder)
#include "tst_utf8decoder.moc"
