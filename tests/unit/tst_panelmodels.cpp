// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicemodel.h"
#include "jobmodel.h"
#include "quotemodel.h"
#include "textpanel.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

// The models behind the Stock, IoT, Progress and Text panels.
class TestPanelModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jobsEndedMoveBelowRunning();
    void jobsEndedAreBounded();
    void quotesChangeAndDirection();
    void devicesReadingsAndOnlineState();
    void transcriptGrowsMessagesAndCountsTokens();
};

namespace {

QStringList jobOrder(const JobModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row).data(JobModel::JobRole).toString() + ":" +
                   model.index(row).data(JobModel::StateRole).toString();
    return out;
}

QJsonObject job(const QString &id, double percent, const QString &state = "running")
{
    return {
        {"job", id}, {"name", QString("build " + id)}, {"percent", percent}, {"state", state}, {"eta", 12.5}};
}

} // namespace

void TestPanelModels::jobsEndedMoveBelowRunning()
{
    JobModel model;
    QAbstractItemModelTester tester(&model);
    model.update("progress", job("j1", 10), 1);
    model.update("progress", job("j2", 20), 2);
    model.update("progress", job("j3", 5), 3);
    QCOMPARE(jobOrder(model), (QStringList{"j1:running", "j2:running", "j3:running"}));
    model.update("done", job("j1", 100, "done"), 4);
    QCOMPARE(jobOrder(model), (QStringList{"j2:running", "j3:running", "j1:done"}));
    model.update("failed", QJsonObject{{"job", "j3"}, {"error", "worker lost"}}, 5); // state from the type
    QCOMPARE(jobOrder(model), (QStringList{"j2:running", "j3:failed", "j1:done"}));
    QCOMPARE(model.index(1).data(JobModel::ErrorRole).toString(), QStringLiteral("worker lost"));
    QCOMPARE(model.index(1).data(JobModel::PercentRole).toDouble(), 5.0); // kept from before
    model.update("progress", job("j4", 1), 6);                            // new jobs join the running ones
    QCOMPARE(jobOrder(model), (QStringList{"j2:running", "j4:running", "j3:failed", "j1:done"}));
    QCOMPARE(model.runningCount(), 2);
    QCOMPARE(model.index(0).data(JobModel::EtaRole).toDouble(), 12.5);
    QCOMPARE(model.index(0).data(JobModel::NameRole).toString(), QStringLiteral("build j2"));
}

void TestPanelModels::jobsEndedAreBounded()
{
    JobModel model;
    QAbstractItemModelTester tester(&model);
    for (int i = 0; i < JobModel::FinishedCapacity + 10; ++i) {
        model.update("progress", job(QString::number(i), 50), i);
        model.update("done", job(QString::number(i), 100, "done"), i);
    }
    QCOMPARE(model.rowCount(), JobModel::FinishedCapacity);
    // The most recent end comes first.
    QCOMPARE(model.index(0).data(JobModel::JobRole).toString(),
             QString::number(JobModel::FinishedCapacity + 9));
}

void TestPanelModels::quotesChangeAndDirection()
{
    QuoteModel model;
    QAbstractItemModelTester tester(&model);
    model.update("AAPL", 100, {}, 1);
    model.update("MSFT", 400, {{"change", -4.0}, {"changePercent", -0.99}, {"volume", 1200}}, 2);
    model.update("AAPL", 102, {}, 3);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex aapl = model.index(0);
    QCOMPARE(aapl.data(QuoteModel::SymbolRole).toString(), QStringLiteral("AAPL"));
    QCOMPARE(aapl.data(QuoteModel::ChangeRole).toDouble(), 2.0); // from the first price seen
    QCOMPARE(aapl.data(QuoteModel::ChangePercentRole).toDouble(), 2.0);
    QCOMPARE(aapl.data(QuoteModel::DirectionRole).toInt(), 1);
    model.update("AAPL", 101, {}, 4);
    QCOMPARE(aapl.data(QuoteModel::DirectionRole).toInt(), -1);
    QCOMPARE(aapl.data(QuoteModel::VolumeRole).toDouble(), -1.0);
    const QModelIndex msft = model.index(1);
    QCOMPARE(msft.data(QuoteModel::ChangeRole).toDouble(), -4.0); // the feed's own numbers win
    QCOMPARE(msft.data(QuoteModel::ChangePercentRole).toDouble(), -0.99);
    QCOMPARE(msft.data(QuoteModel::VolumeRole).toDouble(), 1200.0);
}

void TestPanelModels::devicesReadingsAndOnlineState()
{
    DeviceModel model;
    QAbstractItemModelTester tester(&model);
    model.reading("sensor-10", "temperature", 21.5, "°C", 1000);
    model.reading("sensor-02", "humidity", 40, "%", 1000);
    model.reading("sensor-02", "temperature", 22, "°C", 1000);
    model.reading("sensor-02", "temperature", 23, "", 2000);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.deviceAt(0), QStringLiteral("sensor-02")); // listed by name
    QCOMPARE(model.sensors(), (QStringList{"temperature", "humidity"}));
    QCOMPARE(model.unitOf("temperature"), QStringLiteral("°C"));
    // In the order sensors were first seen, two a line, columns aligned.
    QCOMPARE(model.index(0).data(DeviceModel::ReadingsTextRole).toString(),
             QStringLiteral("temperature 23.0 °C  humidity 40.0 %"));
    model.reading("sensor-02", "battery", 87.25, "%", 2000);
    model.reading("sensor-02", "rssi", -61, "", 2000);
    QCOMPARE(model.index(0).data(DeviceModel::ReadingsTextRole).toString(),
             QStringLiteral("temperature 23.0 °C  humidity 40.0 %\n"
                            "battery 87.3 %       rssi -61.0"));

    // Silence makes a device without status events offline; a device's own status rules.
    model.status("sensor-10", true, 2000);
    model.age(2000 + DeviceModel::SilenceMeansOfflineMs + 1);
    QCOMPARE(model.index(0).data(DeviceModel::OnlineRole).toBool(), false);
    QCOMPARE(model.index(1).data(DeviceModel::OnlineRole).toBool(), true);
    model.status("sensor-10", false, 3000);
    QCOMPARE(model.index(1).data(DeviceModel::OnlineRole).toBool(), false);
    model.reading("sensor-02", "humidity", 41, "%", 40000); // heard from again
    QCOMPARE(model.index(0).data(DeviceModel::OnlineRole).toBool(), true);
}

void TestPanelModels::transcriptGrowsMessagesAndCountsTokens()
{
    TextPanel panel("c", nullptr);
    TranscriptModel &transcript = *panel.transcript();
    QAbstractItemModelTester tester(&transcript);
    QSignalSpy inserted(&transcript, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&transcript, &QAbstractItemModel::dataChanged);
    // One frame: an answer of three tokens over a second that ends, and the next one begun.
    panel.ingestText({{"Hel", false, 1000},
                      {"lo", false, 1500},
                      {" there", false, 2000},
                      {{}, true, 2100},
                      {"Next", false, 2200}},
                     0);
    QCOMPARE(transcript.rowCount(), 2);
    QCOMPARE(inserted.size(), 1); // both rows in one insertion
    const QModelIndex first = transcript.index(0);
    QCOMPARE(first.data(TranscriptModel::TextRole).toString(), QString("Hello there"));
    QCOMPARE(first.data(TranscriptModel::TokensRole).toInt(), 3);
    QCOMPARE(first.data(TranscriptModel::TokensPerSecondRole).toDouble(), 2.0); // 2 more tokens over 1 s
    QCOMPARE(first.data(TranscriptModel::OpenRole).toBool(), false);
    QCOMPARE(transcript.index(1).data(TranscriptModel::OpenRole).toBool(), true);

    // The next frame adds to the open message in place; a stray end with nothing open adds nothing.
    panel.ingestText({{" one", false, 2700}, {{}, true, 2800}, {{}, true, 2900}}, 0);
    QCOMPARE(transcript.rowCount(), 2);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(transcript.index(1).data(TranscriptModel::TextRole).toString(), QString("Next one"));
    QCOMPARE(panel.tokensPerSecond(), 2.0);

    // The oldest messages go beyond the capacity; what a flood left out is counted.
    QList<TextPiece> many;
    for (int i = 0; i < TranscriptModel::Capacity + 5; ++i)
        many << TextPiece{QString::number(i), true, 3000 + i};
    panel.ingestText(many, 12);
    QCOMPARE(transcript.rowCount(), TranscriptModel::Capacity);
    QCOMPARE(transcript.index(TranscriptModel::Capacity - 1).data(TranscriptModel::TextRole).toString(),
             QString::number(TranscriptModel::Capacity + 4));
    QCOMPARE(panel.skipped(), 12.0);
}

QTEST_GUILESS_MAIN(TestPanelModels)
#include "tst_panelmodels.moc"
