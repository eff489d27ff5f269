// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturedevent.h"
#include "eventrecorder.h"
#include "feeddigester.h"
#include "feedframe.h"
#include "gapdetector.h"
#include "replayfeed.h"
#include "subscription.h"
#include "subscriptionstatus.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <atomic>
#include <memory>
#include <unordered_map>

class EventSource;
class QNetworkAccessManager;

// FeedHub's half on the network thread: one EventSource per enabled subscription, every event stamped as
// it arrives and digested for its panel. Each tick hands every live event to the recorder, and a frame to
// the GUI unless the last one is still being applied: then the next frame folds in what came meanwhile,
// so a slow GUI gets fewer, fuller frames (charts less often) instead of a growing queue. While a window
// shows frames, the frames leave as it shows one (frameShown) rather than on the tick.
class FeedWorker : public QObject
{
    Q_OBJECT

public:
    explicit FeedWorker(int batchIntervalMs, QObject *parent = nullptr);
    ~FeedWorker() override;

    void apply(const QList<Subscription> &subscriptions);
    // Every live event goes to `recorder` (not owned; null: none), and the feeds stop reading while it is
    // behind.
    void setRecorder(EventRecorder *recorder) { m_recorder = recorder; }
    void setChartView(const QString &subscriptionId, const ChartView &view);
    // Plays `events` back as if they came from `replay`'s subscription, stamped with the time they are
    // played and marked replayed.
    void startReplay(const Subscription &replay, const QList<CapturedEvent> &events);
    void controlReplay(double speed, bool paused);
    void seekReplay(int position);
    void stopReplay();
    // Closes every source, then hands the recorder the live events not yet recorded.
    void shutdown();
    // The GUI applied the last frame; safe to call from any thread.
    void acknowledgeFrame();
    // The window showed a frame: the next frame goes now (or once it holds MinPacedFrameMs of events), so
    // that it reaches the GUI early in a refresh interval, with most of it to be applied and drawn in.
    void frameShown();
    // Whether frames follow frameShown() now: not while the feeds are quiet. Safe from any thread.
    bool pacedByDisplay() const { return !m_quiet; }
    int chartIntervalMs() const { return m_chartIntervalMs; }

Q_SIGNALS:
    void frameReady(const FeedFrame &frame);
    void statusesReady(const QList<SubscriptionStatus> &statuses);
    void replayProgressed(int position, int total);

private:
    struct Feed
    {
        explicit Feed(const Subscription &s)
            : subscription(s)
            , digester(s)
        {}

        Subscription subscription;
        FeedDigester digester;
        std::unique_ptr<EventSource> source;
        GapDetector gaps;
        SubscriptionStatus status;
        qint64 eventsAtLastRate = 0;
        qint64 chartDueMs = 0;
        bool heldBack = false;     // not reading while the recorder catches up
        qint64 pausedSinceMs = -1; // on m_clock, while the source reads nothing
    };

    void start(Feed &feed);
    void receive(Feed &feed, const SseEvent &event);
    void tick();
    // Emits a frame unless one is in flight or the quiet spacing has not passed.
    void emitFrameIfDue();
    void emitFrame();
    void record();
    // Which feeds stop reading at `backlog`: none, the busiest that bring half the events, or all.
    void holdBack(EventRecorder::Backlog backlog);
    void setPaused(Feed &feed, bool paused);
    void updateLag(Feed &feed);
    qint64 recentEvents(const Feed &feed) const;
    // When a chart first redraws: feeds are staggered across the chart interval, so a frame redraws a
    // few charts and not every chart at once every sixth frame.
    qint64 firstChartDue(qint64 now);
    // The chart frame of `digester` if it is due by `dueMs`, which then moves on by the chart interval.
    void takeChartIfDue(FeedDigester &digester, const QString &id, qint64 &dueMs, qint64 now, qint64 wallMs);
    // How many of `wanted` log rows the GUI gets now (a token bucket of LogRowsPerSecond).
    qint64 takeLogRows(qint64 wanted, qint64 nowMs);
    void playReplay(qint64 now);
    QList<SubscriptionStatus> statuses() const;

    // Shared by the feeds' sources: streams to an origin that speaks HTTP/2 go over one connection.
    QNetworkAccessManager *m_http2Network = nullptr;
    QList<QString> m_order; // subscription ids in the profile's order
    std::unordered_map<QString, std::unique_ptr<Feed>> m_feeds;
    EventRecorder *m_recorder = nullptr;
    EventRecorder::Backlog m_backlog = EventRecorder::Backlog::None;
    QList<CapturedEvent> m_unrecorded;
    FeedFrame m_pending;
    quint64 m_seq = 0;
    QTimer m_tick;
    QTimer m_displayPace; // runs from each frame the window shows until it should have shown the next
    QTimer m_pacedFrame;  // a frame put off until it holds MinPacedFrameMs of events
    QElapsedTimer m_clock;
    std::atomic<bool> m_frameInFlight{false};
    std::atomic<qint64> m_frameEmittedMs{0};
    std::atomic<int> m_chartIntervalMs;
    int m_chartsStaggered = 0;
    qint64 m_replayChartDueMs = 0;
    qint64 m_lastEmitMs = 0;
    qint64 m_eventsInRateWindow = 0;
    std::atomic<bool> m_quiet{true}; // fewer than QuietEventsPerSecond came over the last second
    qint64 m_logRowsAllowed = 0;
    QElapsedTimer m_sinceRate;
    bool m_statusChanged = false;
    std::unique_ptr<ReplayFeed> m_replay;
    std::unique_ptr<FeedDigester> m_replayDigester;
    QString m_replayId;
    int m_replayReported = -1;
};
