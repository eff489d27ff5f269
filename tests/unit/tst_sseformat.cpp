// SPDX-License-Identifier: GPL-3.0-or-later
#include "sseformat.h"

#include <QTest>

class TestSseFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesFieldsWithChosenLineEnd_data();
    void writesFieldsWithChosenLineEnd();
    void writesIdOnlyWhenItChanges();
    void retryAndComment();
};

void TestSseFormat::writesFieldsWithChosenLineEnd_data()
{
    QTest::addColumn<int>("lineEnd");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("LF") << int(SseFormatter::LineEnd::Lf)
                        << QByteArray("event: quote\nid: 7\ndata: a\ndata: b\n\n");
    QTest::newRow("CR") << int(SseFormatter::LineEnd::Cr)
                        << QByteArray("event: quote\rid: 7\rdata: a\rdata: b\r\r");
    QTest::newRow("CRLF") << int(SseFormatter::LineEnd::CrLf)
                          << QByteArray("event: quote\r\nid: 7\r\ndata: a\r\ndata: b\r\n\r\n");
}

void TestSseFormat::writesFieldsWithChosenLineEnd()
{
    QFETCH(int, lineEnd);
    QFETCH(QByteArray, expected);
    SseFormatter formatter{SseFormatter::LineEnd(lineEnd)};
    QCOMPARE(formatter.event({"quote", "a\r\nb", "7"}), expected);
}

void TestSseFormat::writesIdOnlyWhenItChanges()
{
    SseFormatter formatter;
    QCOMPARE(formatter.event({"message", "", ""}), QByteArray("data: \n\n"));
    QCOMPARE(formatter.event({"message", "x", "1"}), QByteArray("id: 1\ndata: x\n\n"));
    QCOMPARE(formatter.event({"message", "y", "1"}), QByteArray("data: y\n\n"));
    QCOMPARE(formatter.event({"message", "z", ""}), QByteArray("id\ndata: z\n\n"));
    QCOMPARE(formatter.event({"a\nb", " lead", "2\r"}), QByteArray("event: ab\nid: 2\ndata:  lead\n\n"));
}

void TestSseFormat::retryAndComment()
{
    SseFormatter formatter(SseFormatter::LineEnd::CrLf);
    QCOMPARE(formatter.retry(2500), QByteArray("retry: 2500\r\n"));
    QCOMPARE(formatter.comment("one\ntwo"), QByteArray(": one\r\n: two\r\n"));
}

QTEST_GUILESS_MAIN(TestSseFormat)
#include "tst_sseformat.moc"
