// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldmapping.h"

#include <QJsonDocument>
#include <QTest>

class TestFieldMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolvesJsonPointers_data();
    void resolvesJsonPointers();
    void extractsStockQuote();
    void joinsSeveralKeys();
    void readsTimeInEveryForm_data();
    void readsTimeInEveryForm();
    void rejectsWhatIsNotASample_data();
    void rejectsWhatIsNotASample();
    void pointerProblems();
    void jsonRoundTrip();
};

void TestFieldMapping::resolvesJsonPointers_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QVariant>("expected"); // invalid: no such value
    QTest::newRow("whole document")
        << ""
        << QVariant(QVariantMap{
               {"a", QVariantMap{{"b", 1}}}, {"c", QVariantList{10, 20}}, {"d/e", 2}, {"f~g", 3}, {"", 4}});
    QTest::newRow("member") << "/a/b" << QVariant(1);
    QTest::newRow("array element") << "/c/1" << QVariant(20);
    QTest::newRow("escaped slash") << "/d~1e" << QVariant(2);
    QTest::newRow("escaped tilde") << "/f~0g" << QVariant(3);
    QTest::newRow("empty key") << "/" << QVariant(4);
    QTest::newRow("missing") << "/x" << QVariant();
    QTest::newRow("index out of range") << "/c/2" << QVariant();
    QTest::newRow("index not a number") << "/c/one" << QVariant();
    QTest::newRow("through a scalar") << "/a/b/c" << QVariant();
}

void TestFieldMapping::resolvesJsonPointers()
{
    QFETCH(QString, pointer);
    QFETCH(QVariant, expected);
    const QJsonValue root =
        QJsonDocument::fromJson(R"({"a":{"b":1},"c":[10,20],"d/e":2,"f~g":3,"":4})").object();
    const std::optional<QJsonValue> value = FieldMapping::resolve(root, pointer);
    QCOMPARE(value.has_value(), expected.isValid());
    if (value)
        QCOMPARE(value->toVariant(), expected);
}

void TestFieldMapping::extractsStockQuote()
{
    const FieldMapping mapping{{"/symbol"}, "/price", "/time"};
    const auto sample =
        mapping.extract(R"({"symbol":"AAPL","price":187.25,"time":"2026-11-24T13:01:02.345Z"})", 5);
    QVERIFY(sample);
    QCOMPARE(sample->series, QString("AAPL"));
    QCOMPARE(sample->value, 187.25);
    QCOMPARE(sample->timeMs, qint64(1795525262345));
}

void TestFieldMapping::joinsSeveralKeys()
{
    const FieldMapping mapping{{"/device", "/sensor"}, "/value", {}};
    const auto sample = mapping.extract(R"({"device":"sensor-01","sensor":"humidity","value":"55.5"})", 77);
    QVERIFY(sample);
    QCOMPARE(sample->series, QString("sensor-01 · humidity"));
    QCOMPARE(sample->value, 55.5); // a number sent as a string still counts
    QCOMPARE(sample->timeMs, qint64(77));
}

void TestFieldMapping::readsTimeInEveryForm_data()
{
    QTest::addColumn<QString>("data");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("ISO with offset") << R"({"v":1,"t":"2026-11-24T14:01:02.345+01:00"})"
                                     << qint64(1795525262345);
    QTest::newRow("epoch milliseconds") << R"({"v":1,"t":1795525262345})" << qint64(1795525262345);
    QTest::newRow("epoch seconds") << R"({"v":1,"t":1795525262.5})" << qint64(1795525262500);
    QTest::newRow("unreadable falls back to receipt") << R"({"v":1,"t":"yesterday"})" << qint64(9);
    QTest::newRow("absent falls back to receipt") << R"({"v":1})" << qint64(9);
    // Found by fuzz_fieldmapping: 1e308 was converted to qint64, which is undefined behaviour.
    QTest::newRow("beyond any date falls back to receipt") << R"({"v":1,"t":1e308})" << qint64(9);
    QTest::newRow("far past falls back to receipt") << R"({"v":1,"t":-1e300})" << qint64(9);
}

void TestFieldMapping::readsTimeInEveryForm()
{
    QFETCH(QString, data);
    QFETCH(qint64, expected);
    const auto sample = FieldMapping{{}, "/v", "/t"}.extract(data, 9);
    QVERIFY(sample);
    QCOMPARE(sample->timeMs, expected);
}

void TestFieldMapping::rejectsWhatIsNotASample_data()
{
    QTest::addColumn<QString>("data");
    QTest::newRow("not JSON") << "price=5";
    QTest::newRow("no value") << R"({"symbol":"X"})";
    QTest::newRow("value not numeric") << R"({"price":"n/a"})";
    QTest::newRow("value an object") << R"({"price":{}})";
    QTest::newRow("value NaN as a string") << R"({"price":"nan"})";
    QTest::newRow("value infinite as a string") << R"({"price":"-inf"})";
    QTest::newRow("value beyond a double") << R"({"price":"1e999"})";
}

void TestFieldMapping::rejectsWhatIsNotASample()
{
    QFETCH(QString, data);
    const FieldMapping mapping{{"/symbol"}, "/price", {}};
    QVERIFY(!mapping.extract(data, 0));
}

void TestFieldMapping::pointerProblems()
{
    QVERIFY(FieldMapping::pointerProblem("/a/b").isEmpty());
    QVERIFY(FieldMapping::pointerProblem("").isEmpty());
    QVERIFY(FieldMapping::pointerProblem("price").contains("must start with '/'"));
    QVERIFY(FieldMapping::pointerProblem("/a~2").contains("'~' must be followed by 0 or 1"));
}

void TestFieldMapping::jsonRoundTrip()
{
    const FieldMapping mapping{{"/device", "/sensor"}, "/value", "/time"};
    QStringList errors;
    const FieldMapping back = FieldMapping::fromJson(mapping.toJson(), &errors);
    QCOMPARE(errors, QStringList());
    QCOMPARE(back.seriesKey, mapping.seriesKey);
    QCOMPARE(back.value, mapping.value);
    QCOMPARE(back.time, mapping.time);
    FieldMapping::fromJson({{"value", "price"}}, &errors);
    QCOMPARE(errors.size(), 1);
}

QTEST_GUILESS_MAIN(TestFieldMapping)
#include "tst_fieldmapping.moc"
