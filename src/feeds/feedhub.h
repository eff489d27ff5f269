#pragma once

#include "capturedevent.h"
#include "subscription.h"
#include "subscriptionstatus.h"

#include <QObject>
#include <QThread>

class FeedWorker;

// Runs every subscription's EventSource on one network thread and hands their events on, stamped with
// subscription, receipt time and sequence number, in batches at most once per tick (16 ms by default),
// so the GUI thread never parses, never touches a socket and gets one update per frame.
class FeedHub : public QObject
{
    Q_OBJECT

public:
    explicit FeedHub(int batchIntervalMs = 16, QObject *parent = nullptr);
    ~FeedHub() override;

    // Starts, reconnects and stops sources to match; an edit that keeps the connection keeps the stream.
    void setSubscriptions(const QList<Subscription> &subscriptions);

    // Replay of captured events through the same way live ones take (see FeedWorker).
    void startReplay(const QString &subscriptionId, const QList<CapturedEvent> &events);
    void controlReplay(double speed, bool paused);
    void seekReplay(int position);
    void stopReplay();

Q_SIGNALS:
    void eventsArrived(const QList<CapturedEvent> &batch);
    void statusesChanged(const QList<SubscriptionStatus> &statuses);
    void replayProgressed(int position, int total);

private:
    QThread m_thread;
    FeedWorker *m_worker;
};
