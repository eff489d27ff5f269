// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backgroundthread.h"
#include "capturedevent.h"
#include "eventrecorder.h"
#include "feedframe.h"
#include "subscription.h"
#include "subscriptionstatus.h"

#include <QObject>

class FeedWorker;

// Runs every subscription's EventSource on one network thread, where each event is stamped (subscription,
// receipt time, sequence number) and digested for its panel. The GUI thread gets at most one frame per
// tick (16 ms by default) or, while the feeds are busy, per frame the window shows, ready to apply, and
// the next only once it has applied the last; the recorder gets every live event, and while it is behind
// the sources stop reading (TCP then slows the servers).
class FeedHub : public QObject
{
    Q_OBJECT

public:
    explicit FeedHub(int batchIntervalMs = 16, QObject *parent = nullptr);
    ~FeedHub() override;

    // Closes every stream and, before it returns, hands the recorder every live event received, so that a
    // process about to end can flush its store next. The hub takes no subscriptions after it.
    void stop();

    // Starts, reconnects and stops sources to match; an edit that keeps the connection keeps the stream.
    void setSubscriptions(const QList<Subscription> &subscriptions);
    // `recorder` (not owned, outliving the hub or reset first) is called on the network thread once per
    // tick with the live events that came (none replayed).
    void setRecorder(EventRecorder *recorder);
    // What a subscription's charts show, so their points are cut to it before they leave the worker.
    void setChartView(const QString &subscriptionId, const ChartView &view);
    // How often charts get new points now: 100 ms, or longer while the GUI is slow to apply frames.
    int chartIntervalMs() const;
    // A window showing the frames swapped one to the screen (QQuickWindow::frameSwapped): while it does,
    // frames follow the display's refresh instead of the tick. Safe to call from any thread.
    void frameShown();

    // Replay of captured events through the same way live ones take (see FeedWorker).
    void startReplay(const Subscription &replay, const QList<CapturedEvent> &events);
    void controlReplay(double speed, bool paused);
    void seekReplay(int position);
    void stopReplay();

Q_SIGNALS:
    void frameArrived(const FeedFrame &frame);
    void statusesChanged(const QList<SubscriptionStatus> &statuses);
    void replayProgressed(int position, int total);

private:
    void deliver(const FeedFrame &frame);

    BackgroundThread m_thread;
    FeedWorker *m_worker;
};
