// SPDX-License-Identifier: GPL-3.0-or-later
#include "notification.h"
#include "notificationmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

class TestNotificationModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newestFirstWithUnreadCount();
    void acknowledgeAndClear();
    void boundedByCapacity();
    void countsWhatCameTooFastToList();
    void fromEvents_data();
    void fromEvents();
};

namespace {

Notification note(const QString &title, const QString &severity = "info")
{
    return {severity, 1000, "Ops", "sub-1", title, "body of " + title, false};
}

QStringList titles(const NotificationModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row).data(NotificationModel::TitleRole).toString();
    return out;
}

} // namespace

void TestNotificationModel::newestFirstWithUnreadCount()
{
    NotificationModel model;
    QAbstractItemModelTester tester(&model);
    QSignalSpy unread(&model, &NotificationModel::unreadCountChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.add({note("a"), note("b")});
    model.add({note("c", "critical")});
    QCOMPARE(titles(model), (QStringList{"c", "b", "a"}));
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(model.unreadCount(), 3);
    QCOMPARE(unread.size(), 2);
    QCOMPARE(model.index(0).data(NotificationModel::SeverityRole).toString(), QStringLiteral("critical"));
}

void TestNotificationModel::acknowledgeAndClear()
{
    NotificationModel model;
    QAbstractItemModelTester tester(&model);
    model.add({note("a"), note("b"), note("c"), note("d")}); // rows: d c b a
    model.acknowledge(1);
    model.acknowledge(1); // twice is once
    model.acknowledge(3);
    QCOMPARE(model.unreadCount(), 2);
    QVERIFY(model.index(1).data(NotificationModel::AcknowledgedRole).toBool());
    model.clearAcknowledged();
    QCOMPARE(titles(model), (QStringList{"d", "b"}));
    QCOMPARE(model.unreadCount(), 2);
    model.acknowledgeAll();
    QCOMPARE(model.unreadCount(), 0);
    model.clearAcknowledged();
    QCOMPARE(model.rowCount(), 0);
    model.notify("warning", "rule", "x", "y");
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.unreadCount(), 0);
}

void TestNotificationModel::boundedByCapacity()
{
    NotificationModel model;
    QAbstractItemModelTester tester(&model);
    model.setCapacity(3);
    model.add({note("a"), note("b")});
    model.acknowledge(1); // a
    model.add({note("c"), note("d")});
    QCOMPARE(titles(model), (QStringList{"d", "c", "b"}));
    QCOMPARE(model.unreadCount(), 3); // a was read: dropping it leaves three unread
}

void TestNotificationModel::fromEvents_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("body");
    QTest::newRow("notification")
        << "notification"
        << R"({"level":"warning","title":"Disk usage high","body":"db is 91% full."})"
        << "warning"
        << "Disk usage high"
        << "db is 91% full.";
    QTest::newRow("device alert")
        << "alert"
        << R"({"device":"sensor-02","level":"critical","sensor":"temperature","message":"too hot"})"
        << "critical"
        << "sensor-02 · temperature"
        << "too hot";
    QTest::newRow("severity spelled error") << "notification"
                                            << R"({"severity":"ERROR","summary":"Down"})"
                                            << "critical"
                                            << "Down"
                                            << "";
    QTest::newRow("plain text alert") << "alert"
                                      << "Pump 3 stopped\nat 12:00"
                                      << "warning"
                                      << "Pump 3 stopped"
                                      << "Pump 3 stopped\nat 12:00";
    QTest::newRow("other events carry none") << "quote"
                                             << R"({"title":"x"})"
                                             << ""
                                             << ""
                                             << "";
}

void TestNotificationModel::fromEvents()
{
    QFETCH(QString, type);
    QFETCH(QString, data);
    QFETCH(QString, severity);
    QFETCH(QString, title);
    QFETCH(QString, body);
    CapturedEvent event;
    event.event = {type, data, {}};
    event.source = "Ops";
    const std::optional<Notification> notification =
        Notification::fromEvent(event, QJsonDocument::fromJson(data.toUtf8()).object());
    QCOMPARE(notification.has_value(), !severity.isEmpty());
    if (!notification)
        return;
    QCOMPARE(notification->severity, severity);
    QCOMPARE(notification->title, title);
    QCOMPARE(notification->body, body);
    QCOMPARE(notification->source, QStringLiteral("Ops"));
}

void TestNotificationModel::countsWhatCameTooFastToList()
{
    NotificationModel model;
    QSignalSpy unlisted(&model, &NotificationModel::unlistedChanged);
    model.add({note("a")}, 0);
    QCOMPARE(unlisted.size(), 0);
    model.add({note("b")}, 1200); // a frame kept its newest and counted the rest
    model.add({}, 300);
    QCOMPARE(model.unlisted(), 1500);
    QCOMPARE(unlisted.size(), 2);
    QCOMPARE(titles(model), (QStringList{"b", "a"}));
    model.clear();
    QCOMPARE(model.unlisted(), 0);
}

QTEST_GUILESS_MAIN(TestNotificationModel)
#include "tst_notificationmodel.moc"
