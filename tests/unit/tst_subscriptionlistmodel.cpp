// SPDX-License-Identifier: GPL-3.0-or-later
#include "subscriptionlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class TestSubscriptionListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rolesFollowStatuses();
    void enableSwitchEditsTheList();
};

namespace {

Subscription subscription(const QString &id, const QString &url = "http://127.0.0.1:1/feed")
{
    Subscription s = Subscription::create("Feed " + id, QUrl(url), Subscription::Panel::Chart);
    s.id = id;
    return s;
}

SubscriptionStatus status(const QString &id, EventSource::ReadyState state, double rate)
{
    SubscriptionStatus s;
    s.id = id;
    s.state = state;
    s.events = 120;
    s.eventsPerSecond = rate;
    s.bytes = 4096;
    s.reconnects = 2;
    s.gaps = 3;
    s.lastError = "network error: cannot connect";
    s.lastEventMs = 1795957262345;
    return s;
}

} // namespace

void TestSubscriptionListModel::rolesFollowStatuses()
{
    SubscriptionListModel model;
    QAbstractItemModelTester tester(&model);
    model.setSubscriptions({subscription("a"), subscription("b")});
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex a = model.index(0);
    QCOMPARE(a.data(SubscriptionListModel::StateRole).toString(), QStringLiteral("closed"));
    QCOMPARE(a.data(SubscriptionListModel::PanelRole).toString(), QStringLiteral("chart"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy totals(&model, &SubscriptionListModel::totalsChanged);
    model.updateStatuses({status("a", EventSource::ReadyState::Open, 12.5),
                          status("b", EventSource::ReadyState::Connecting, 2)});
    QCOMPARE(changed.size(), 1); // one update for the whole list
    QCOMPARE(totals.size(), 1);
    QCOMPARE(a.data(SubscriptionListModel::StateRole).toString(), QStringLiteral("open"));
    QCOMPARE(a.data(SubscriptionListModel::EventsRole).toLongLong(), 120);
    QCOMPARE(a.data(SubscriptionListModel::BytesRole).toLongLong(), 4096);
    QCOMPARE(a.data(SubscriptionListModel::ReconnectsRole).toInt(), 2);
    QCOMPARE(a.data(SubscriptionListModel::GapsRole).toLongLong(), 3);
    QCOMPARE(a.data(SubscriptionListModel::LastErrorRole).toString(),
             QStringLiteral("network error: cannot connect"));
    QCOMPARE(model.index(1).data(SubscriptionListModel::StateRole).toString(), QStringLiteral("connecting"));
    QCOMPARE(model.totalEventsPerSecond(), 14.5);
    QCOMPARE(model.openCount(), 1);
    QCOMPARE(model.idAt(1), QStringLiteral("b"));
    QCOMPARE(model.idAt(5), QString());
}

void TestSubscriptionListModel::enableSwitchEditsTheList()
{
    SubscriptionListModel model;
    QAbstractItemModelTester tester(&model);
    model.setSubscriptions({subscription("a"), subscription("b")});
    model.updateStatuses({status("a", EventSource::ReadyState::Open, 10)});
    QSignalSpy edited(&model, &SubscriptionListModel::subscriptionsEdited);
    QVERIFY(model.setData(model.index(0), false, SubscriptionListModel::EnabledRole));
    QCOMPARE(edited.size(), 1);
    const auto list = edited.first().first().value<QList<Subscription>>();
    QCOMPARE(list[0].enabled, false);
    QCOMPARE(model.index(0).data(SubscriptionListModel::StateRole).toString(), QStringLiteral("disabled"));
    QCOMPARE(model.totalEventsPerSecond(), 0.0); // a disabled subscription adds nothing
    model.setEnabled(0, false);                  // no change, no edit
    QCOMPARE(edited.size(), 1);
    QVERIFY(!model.setData(model.index(0), "x", SubscriptionListModel::NameRole));
}

QTEST_GUILESS_MAIN(TestSubscriptionListModel)
#include "tst_subscriptionlistmodel.moc"
