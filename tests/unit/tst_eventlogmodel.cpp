// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventfiltermodel.h"
#include "eventlogmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class TestEventLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appliesABatchWithOneInsert();
    void trimsOldestWithOneRemoval();
    void hugeBatchKeepsNewest();
    void rolesAndDetail();
    void learnsSourcesAndTypes();
    void filterBySearchSourceAndType();
    void filterFollowsNewRowsAndTrim();
    void filterRowsStayRightAcrossTrimsAndClear();
};

namespace {

QList<CapturedEvent> events(int first, int count, const QString &source = "Stocks",
                            const QString &type = "quote")
{
    QList<CapturedEvent> batch;
    for (int i = first; i < first + count; ++i) {
        CapturedEvent event;
        event.event = {type, QStringLiteral("{\"n\":%1}").arg(i), QString::number(i)};
        event.source = source;
        event.receivedMs = 1795957262345 + i;
        event.seq = quint64(i);
        batch << event;
    }
    return batch;
}

} // namespace

void TestEventLogModel::appliesABatchWithOneInsert()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.append(events(1, 250));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 249);
    model.append(events(251, 10));
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(model.rowCount(), 260);
    QCOMPARE(model.data(model.index(259), EventLogModel::IdRole).toString(), QStringLiteral("260"));
}

void TestEventLogModel::trimsOldestWithOneRemoval()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model);
    model.setCapacity(100);
    model.append(events(1, 80));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.append(events(81, 50));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.droppedCount(), 30);
    QCOMPARE(model.data(model.index(0), EventLogModel::IdRole).toString(), QStringLiteral("31"));
    QCOMPARE(model.data(model.index(99), EventLogModel::IdRole).toString(), QStringLiteral("130"));

    model.setCapacity(10); // shrinking trims at once
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.droppedCount(), 120);
    QCOMPARE(model.data(model.index(0), EventLogModel::IdRole).toString(), QStringLiteral("121"));
}

void TestEventLogModel::hugeBatchKeepsNewest()
{
    EventLogModel model;
    model.setCapacity(10);
    model.append(events(1, 5));
    model.append(events(6, 25));
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.droppedCount(), 20);
    QCOMPARE(model.data(model.index(0), EventLogModel::IdRole).toString(), QStringLiteral("21"));
}

void TestEventLogModel::rolesAndDetail()
{
    EventLogModel model;
    QList<CapturedEvent> batch = events(7, 1);
    batch[0].event.data = QString("line one\nline two") + QString(400, 'x');
    model.append(batch);
    const QModelIndex row = model.index(0);
    QCOMPARE(row.data(EventLogModel::SourceRole).toString(), QStringLiteral("Stocks"));
    QCOMPARE(row.data(EventLogModel::TypeRole).toString(), QStringLiteral("quote"));
    QCOMPARE(row.data(EventLogModel::ReceivedRole).toLongLong(), 1795957262352);
    const QString preview = row.data(EventLogModel::PreviewRole).toString();
    QVERIFY(!preview.contains('\n'));
    QVERIFY(preview.endsWith(QStringLiteral("…")));
    QVERIFY(model.roleNames().values().contains("preview"));

    model.append(events(8, 1));
    const QVariantMap detail = model.find(8);
    QCOMPARE(detail.value("eventId").toString(), QStringLiteral("8"));
    QCOMPARE(detail.value("timestamp").toString(), QStringLiteral("2026-11-29T13:01:02.353Z"));
    QCOMPARE(detail.value("pretty").toString(), QStringLiteral("{\n    \"n\": 8\n}\n"));
    QVERIFY(model.find(999).isEmpty());
    QVERIFY(model.holds(8));
    QVERIFY(!model.holds(999));
}

void TestEventLogModel::learnsSourcesAndTypes()
{
    EventLogModel model;
    QSignalSpy types(&model, &EventLogModel::typesChanged);
    model.append(events(1, 3, "Stocks", "quote") + events(4, 2, "Plant", "reading"));
    model.append(events(6, 2, "Plant", "alert") + events(8, 2, "Stocks", "quote"));
    QCOMPARE(model.sources(), (QStringList{"Plant", "Stocks"}));
    QCOMPARE(model.types(), (QStringList{"alert", "quote", "reading"}));
    QCOMPARE(types.size(), 2);
    model.append(events(10, 5, "Stocks", "quote"));
    QCOMPARE(types.size(), 2); // nothing new, no signal
}

void TestEventLogModel::filterBySearchSourceAndType()
{
    EventLogModel log;
    EventFilterModel filter;
    QAbstractItemModelTester tester(&filter);
    filter.setLog(&log);
    log.append(events(1, 10, "Stocks", "quote") + events(11, 5, "Plant", "reading") +
               events(16, 5, "Plant", "alert"));
    QCOMPARE(filter.count(), 20);

    filter.setSource("Plant");
    QCOMPARE(filter.count(), 10);
    filter.setType("alert");
    QCOMPARE(filter.count(), 5);
    filter.setSource({});
    filter.setType({});
    filter.setSearchText("\"N\":1"); // case-insensitive, matches ids 1 and 10-19 in the data
    QCOMPARE(filter.count(), 11);
    filter.setSearchText("READING"); // matches the type
    QCOMPARE(filter.count(), 5);
    filter.setSearchText({});
    QCOMPARE(filter.count(), 20);
}

void TestEventLogModel::filterFollowsNewRowsAndTrim()
{
    EventLogModel log;
    log.setCapacity(20);
    EventFilterModel filter;
    QAbstractItemModelTester tester(&filter);
    filter.setLog(&log);
    filter.setType("alert");
    QSignalSpy count(&filter, &EventFilterModel::countChanged);
    log.append(events(1, 10, "Plant", "reading") + events(11, 5, "Plant", "alert"));
    QCOMPARE(filter.count(), 5);
    QVERIFY(!count.isEmpty());
    log.append(events(16, 20, "Plant", "reading")); // the alerts age out of the log
    QCOMPARE(filter.count(), 0);
}

void TestEventLogModel::filterRowsStayRightAcrossTrimsAndClear()
{
    EventLogModel log;
    log.setCapacity(50);
    EventFilterModel filter;
    QAbstractItemModelTester tester(&filter);
    filter.setLog(&log);
    filter.setSearchText("7"); // ids with a 7 in them, wherever they fall in a batch
    auto expected = [&log] {
        QStringList ids;
        for (int row = 0; row < log.rowCount(); ++row) {
            if (log.at(row).event.id.contains('7'))
                ids << log.at(row).event.id;
        }
        return ids;
    };
    auto shown = [&filter] {
        QStringList ids;
        for (int row = 0; row < filter.rowCount(); ++row)
            ids << filter.index(row).data(EventLogModel::IdRole).toString();
        return ids;
    };
    int next = 1;
    for (int batch : {3, 17, 40, 1, 60, 9, 33, 120, 5}) { // some let go of part of the log, some of all
        log.append(events(next, batch));
        next += batch;
        QCOMPARE(shown(), expected());
    }
    QVERIFY(filter.count() > 0);
    log.clear();
    QCOMPARE(filter.count(), 0);
    log.append(events(next, 20));
    QCOMPARE(shown(), expected());
    QCOMPARE(filter.at(0).event.id, expected().first());
}

QTEST_GUILESS_MAIN(TestEventLogModel)
#include "tst_eventlogmodel.moc"
