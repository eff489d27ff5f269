// SPDX-License-Identifier: GPL-3.0-or-later
#include "retrypolicy.h"

#include <QTest>
#include <QTimeZone>
#include <limits>

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstAttemptWaitsExactlyTheReconnectionTime();
    void backoffGrowsWithinJitterBounds();
    void serverRetryBecomesTheFloor();
    void retryZeroStillBacksOff();
    void retryAfterIsAMinimum();
    void givesUpAfterMaxAttempts();
    void resetStartsOver();
    void noReconnectGivesUpAtOnce();
    void parsesRetryAfter_data();
    void parsesRetryAfter();
};

void TestRetryPolicy::firstAttemptWaitsExactlyTheReconnectionTime()
{
    RetryPolicy policy(RetrySettings{500, 10000, 0}, 1);
    QCOMPARE(policy.nextDelayMs(), 500);
    QCOMPARE(policy.attempts(), 1);
}

void TestRetryPolicy::backoffGrowsWithinJitterBounds()
{
    // Attempt n waits within [floor, min(max, floor * 2^n)]; over many seeds the spread must show.
    QSet<int> thirdDelays;
    for (quint32 seed = 1; seed <= 50; ++seed) {
        RetryPolicy policy(RetrySettings{300, 3000, 0}, seed);
        QCOMPARE(policy.nextDelayMs(), 300);
        const int second = policy.nextDelayMs();
        QVERIFY2(second >= 300 && second <= 600, qPrintable(QString::number(second)));
        const int third = policy.nextDelayMs();
        QVERIFY2(third >= 300 && third <= 1200, qPrintable(QString::number(third)));
        thirdDelays.insert(third);
        for (int i = 0; i < 10; ++i) {
            const int later = policy.nextDelayMs();
            QVERIFY2(later >= 300 && later <= 3000, qPrintable(QString::number(later)));
        }
    }
    QVERIFY2(thirdDelays.size() > 10, "jitter must spread the delays");
}

void TestRetryPolicy::serverRetryBecomesTheFloor()
{
    RetryPolicy policy(RetrySettings{1000, 60000, 0}, 7);
    policy.setServerRetry(3000);
    QCOMPARE(policy.reconnectionTimeMs(), 3000);
    QCOMPARE(policy.nextDelayMs(), 3000);
    QVERIFY(policy.nextDelayMs() >= 3000);
}

void TestRetryPolicy::retryZeroStillBacksOff()
{
    RetryPolicy policy(RetrySettings{1000, 60000, 0}, 3);
    policy.setServerRetry(0);
    QCOMPARE(policy.nextDelayMs(), 0);
    int total = 0;
    for (int i = 0; i < 8; ++i)
        total += policy.nextDelayMs();
    QVERIFY2(total > 250, "a failing server that said retry: 0 must not be hammered");
}

void TestRetryPolicy::retryAfterIsAMinimum()
{
    RetryPolicy policy(RetrySettings{300, 3000, 0}, 5);
    policy.setRetryAfter(5000);
    QCOMPARE(policy.nextDelayMs(), 5000);
    QVERIFY(policy.nextDelayMs() <= 600); // only once
}

void TestRetryPolicy::givesUpAfterMaxAttempts()
{
    RetryPolicy policy(RetrySettings{10, 100, 3}, 9);
    QVERIFY(policy.nextDelayMs() >= 0);
    QVERIFY(policy.nextDelayMs() >= 0);
    QVERIFY(policy.nextDelayMs() >= 0);
    QCOMPARE(policy.nextDelayMs(), -1);
}

void TestRetryPolicy::noReconnectGivesUpAtOnce()
{
    RetryPolicy policy(RetrySettings{10, 100, RetrySettings::NoReconnect}, 9);
    QCOMPARE(policy.nextDelayMs(), -1);
    QCOMPARE(policy.attempts(), 0);
}

void TestRetryPolicy::resetStartsOver()
{
    RetryPolicy policy(RetrySettings{10, 100, 2}, 9);
    policy.nextDelayMs();
    policy.nextDelayMs();
    policy.reset();
    QCOMPARE(policy.attempts(), 0);
    QCOMPARE(policy.nextDelayMs(), 10);
}

void TestRetryPolicy::parsesRetryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("expected");
    QTest::newRow("seconds") << QByteArray("120") << 120000;
    QTest::newRow("zero") << QByteArray("0") << 0;
    QTest::newRow("spaces") << QByteArray(" 3 ") << 3000;
    QTest::newRow("absent") << QByteArray() << -1;
    QTest::newRow("negative") << QByteArray("-5") << -1;
    QTest::newRow("signed") << QByteArray("+5") << -1; // delay-seconds is digits only
    // Found by fuzz_retryafter: seconds * 1000 overflowed into a negative delay.
    QTest::newRow("more seconds than an int holds")
        << QByteArray("9223372036854775807") << std::numeric_limits<int>::max();
    QTest::newRow("more digits than any integer") << QByteArray(40, '9') << std::numeric_limits<int>::max();
    QTest::newRow("garbage") << QByteArray("soon") << -1;
    QTest::newRow("http date") << QByteArray("Tue, 24 Nov 2026 13:00:30 GMT") << 30000;
    QTest::newRow("http date in the past") << QByteArray("Tue, 24 Nov 2026 12:00:00 GMT") << 0;
}

void TestRetryPolicy::parsesRetryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(int, expected);
    const QDateTime now(QDate(2026, 11, 24), QTime(13, 0, 0), QTimeZone::utc());
    QCOMPARE(RetryPolicy::parseRetryAfterMs(value, now), expected);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
