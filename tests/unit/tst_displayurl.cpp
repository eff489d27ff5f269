// SPDX-License-Identifier: GPL-3.0-or-later
#include "displayurl.h"

#include <QTest>

// A URL's password is masked wherever EventScope shows one; everything else reads as written.
class TestDisplayUrl : public QObject
{
    Q_OBJECT

private slots:
    void masksOnlyThePassword_data();
    void masksOnlyThePassword();
};

void TestDisplayUrl::masksOnlyThePassword_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("shown");
    QTest::newRow("user and password") << "https://ops:hunter2@example.org/feed?x=1"
                                       << "https://ops:••••@example.org/feed?x=1";
    QTest::newRow("password alone") << "https://:hunter2@example.org/"
                                    << "https://:••••@example.org/";
    QTest::newRow("encoded @ and : in userinfo") << "http://a%40b:p%3Aw%40rd@h:8080/p@q"
                                                 << "http://a%40b:••••@h:8080/p@q";
    QTest::newRow("user without password") << "http://ops@h/"
                                           << "http://ops@h/";
    QTest::newRow("no userinfo") << "http://h/path?token=in-query"
                                 << "http://h/path?token=in-query";
}

void TestDisplayUrl::masksOnlyThePassword()
{
    QFETCH(QString, url);
    QFETCH(QString, shown);
    QCOMPARE(displayUrl(QUrl(url)), shown);
}

QTEST_APPLESS_MAIN(TestDisplayUrl)
#include "tst_displayurl.moc"
