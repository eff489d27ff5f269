#pragma once

#include "capturedevent.h"
#include "gapdetector.h"
#include "replayfeed.h"
#include "subscription.h"
#include "subscriptionstatus.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <memory>
#include <unordered_map>

class EventSource;
class QNetworkAccessManager;

// FeedHub's half on the network thread: one EventSource per enabled subscription, every event stamped as
// it arrives and handed on in one batch per tick, with the statuses when they changed.
class FeedWorker : public QObject
{
    Q_OBJECT

public:
    explicit FeedWorker(int batchIntervalMs, QObject *parent = nullptr);
    ~FeedWorker() override;

    void apply(const QList<Subscription> &subscriptions);
    // Plays `events` back as if they came from `replay`'s subscription id, stamped with the time they are
    // played and marked replayed.
    void startReplay(const QString &subscriptionId, const QList<CapturedEvent> &events);
    void controlReplay(double speed, bool paused);
    void seekReplay(int position);
    void stopReplay();
    void shutdown();

Q_SIGNALS:
    void batchReady(const QList<CapturedEvent> &batch);
    void statusesReady(const QList<SubscriptionStatus> &statuses);
    void replayProgressed(int position, int total);

private:
    struct Feed
    {
        Subscription subscription;
        std::unique_ptr<EventSource> source;
        GapDetector gaps;
        SubscriptionStatus status;
        qint64 eventsAtLastRate = 0;
    };

    void start(Feed &feed);
    void receive(Feed &feed, const SseEvent &event);
    void tick();
    void playReplay(qint64 now);
    QList<SubscriptionStatus> statuses() const;

    QNetworkAccessManager *m_network = nullptr;
    QList<QString> m_order; // subscription ids in the profile's order
    std::unordered_map<QString, std::unique_ptr<Feed>> m_feeds;
    QList<CapturedEvent> m_pending;
    quint64 m_seq = 0;
    QTimer m_tick;
    QElapsedTimer m_sinceRate;
    bool m_statusChanged = false;
    std::unique_ptr<ReplayFeed> m_replay;
    QString m_replayId;
    int m_replayReported = -1;
};
