// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedworker.h"

#include "eventsource.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QSet>
#include <algorithm>

namespace {

constexpr int RateWindowMs = 1000;
// Charts redraw ten times a second at most (Qt Charts repaints a whole chart for any change), and back off
// to once a second while the GUI takes longer than a few frames to apply a frame.
constexpr int ChartIntervalMs = 100;
constexpr int MaxChartIntervalMs = 1000;
constexpr qint64 SlowFrameMs = 50;
constexpr qint64 QuickFrameMs = 20;
// The event log takes at most this many rows a second (about what a reader could ever scroll through),
// with a second's worth to spare for bursts; beyond it, a frame carries the newest and counts the rest.
// Every event is recorded regardless.
constexpr qint64 LogRowsPerSecond = 20000;
// While all feeds together bring fewer than QuietEventsPerSecond (over the last second), a frame comes at
// most every QuietFrameMs. An event after a pause still goes on the next tick; a steady trickle is shown
// ten times a second, as often as changing figures can be read, and each frame at rest costs the GUI and
// render threads about the same whatever it holds (with the demo at rest: 16 frames a second at 50 ms,
// 11 at 100 ms). Busier, frames follow the display.
constexpr qint64 QuietFrameMs = 100;
constexpr double QuietEventsPerSecond = 1000;
// Frames leave as the window shows one: a frame sent on the worker's own tick reached the GUI at a random
// point of the display's refresh interval, and one that came late in it waited for the next (in gui_ingest
// most frame intervals over 20 ms had the GUI thread idle, waiting for data). When the window shows none
// for this long (a refresh interval and some: the last frame changed nothing it draws), the next frame
// goes anyway, and from then on the tick sends them until the window shows one again.
constexpr int DisplayPaceMs = 20;
// A frame the window shows is followed by a frame of at least this many milliseconds of events: one that
// left just before would otherwise be followed by a sliver of events that often changes nothing drawn, and
// the window would wait DisplayPaceMs for the next (in gui_ingest this locked into 28 ms frames).
constexpr int MinPacedFrameMs = 12;

// Whether two subscriptions stream the same thing the same way: if so an edit (a new name, other event
// types, another panel) keeps the connection instead of reconnecting.
bool sameConnection(const Subscription &a, const Subscription &b)
{
    const SseRequest &x = a.request;
    const SseRequest &y = b.request;
    return x.url == y.url && x.method == y.method && x.headers == y.headers && x.body == y.body &&
           x.retry.initialDelayMs == y.retry.initialDelayMs && x.retry.maxDelayMs == y.retry.maxDelayMs &&
           x.retry.maxAttempts == y.retry.maxAttempts && x.idleTimeoutMs == y.idleTimeoutMs &&
           x.maxLineSize == y.maxLineSize && x.maxEventSize == y.maxEventSize &&
           x.allowInsecureTls == y.allowInsecureTls && a.enabled == b.enabled;
}

} // namespace

FeedWorker::FeedWorker(int batchIntervalMs, QObject *parent)
    : QObject(parent)
    , m_tick(this) // children, so moveToThread() takes the timers along
    , m_displayPace(this)
    , m_pacedFrame(this)
    , m_chartIntervalMs(ChartIntervalMs)
{
    m_clock.start();
    m_tick.setInterval(batchIntervalMs);
    m_tick.setTimerType(Qt::PreciseTimer);
    connect(&m_tick, &QTimer::timeout, this, &FeedWorker::tick);
    m_displayPace.setInterval(DisplayPaceMs);
    m_displayPace.setSingleShot(true);
    m_displayPace.setTimerType(Qt::PreciseTimer);
    connect(&m_displayPace, &QTimer::timeout, this, &FeedWorker::emitFrameIfDue);
    m_pacedFrame.setSingleShot(true);
    m_pacedFrame.setTimerType(Qt::PreciseTimer);
    connect(&m_pacedFrame, &QTimer::timeout, this, [this] {
        m_displayPace.start();
        emitFrameIfDue();
    });
}

FeedWorker::~FeedWorker() = default;

void FeedWorker::apply(const QList<Subscription> &subscriptions)
{
    if (!m_tick.isActive()) {
        m_tick.start();
        m_sinceRate.start();
    }
    QSet<QString> kept;
    m_order.clear();
    for (const Subscription &subscription : subscriptions) {
        kept.insert(subscription.id);
        m_order << subscription.id;
        std::unique_ptr<Feed> &feed = m_feeds[subscription.id];
        if (!feed) {
            feed = std::make_unique<Feed>(subscription);
            feed->status.id = subscription.id;
            feed->chartDueMs = firstChartDue(m_clock.elapsed());
        }
        const bool reconnect = !feed->source || !sameConnection(feed->subscription, subscription);
        feed->subscription = subscription;
        feed->digester.setSubscription(subscription);
        feed->status.enabled = subscription.enabled;
        if (reconnect) {
            feed->source.reset();
            feed->status.state = EventSource::ReadyState::Closed;
            if (subscription.enabled)
                start(*feed);
        }
    }
    for (auto it = m_feeds.begin(); it != m_feeds.end();) {
        if (kept.contains(it->first))
            ++it;
        else
            it = m_feeds.erase(it);
    }
    m_statusChanged = true;
}

void FeedWorker::setChartView(const QString &subscriptionId, const ChartView &view)
{
    if (subscriptionId == m_replayId && m_replayDigester) {
        m_replayDigester->setChartView(view);
        return;
    }
    const auto found = m_feeds.find(subscriptionId);
    if (found != m_feeds.end())
        found->second->digester.setChartView(view);
}

void FeedWorker::startReplay(const Subscription &replay, const QList<CapturedEvent> &events)
{
    m_replay = std::make_unique<ReplayFeed>(events, QDateTime::currentMSecsSinceEpoch());
    m_replayDigester = std::make_unique<FeedDigester>(replay);
    m_replayId = replay.id;
    m_replayReported = -1;
    m_replayChartDueMs = firstChartDue(m_clock.elapsed());
    if (!m_tick.isActive()) {
        m_tick.start();
        m_sinceRate.start();
    }
}

void FeedWorker::controlReplay(double speed, bool paused)
{
    if (!m_replay)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_replay->setSpeed(speed, now);
    m_replay->setPaused(paused, now);
}

void FeedWorker::seekReplay(int position)
{
    if (m_replay)
        m_replay->seek(position, QDateTime::currentMSecsSinceEpoch());
}

void FeedWorker::stopReplay()
{
    m_replay.reset();
    m_replayDigester.reset();
    m_replayId.clear();
}

void FeedWorker::playReplay(qint64 now)
{
    QList<CapturedEvent> due;
    m_replay->takeDue(now, due);
    for (CapturedEvent &event : due) {
        // Played events take the time they are played, so charts and windows follow the replay's clock.
        event.receivedMs = now;
        event.seq = ++m_seq;
        event.subscription = m_replayId;
        event.replayed = true;
        m_pending.addEvent(event);
        m_replayDigester->digest(event, m_pending);
    }
    if (m_replay->position() != m_replayReported) {
        m_replayReported = m_replay->position();
        Q_EMIT replayProgressed(m_replay->position(), m_replay->size());
    }
}

void FeedWorker::shutdown()
{
    m_tick.stop();
    m_displayPace.stop();
    m_pacedFrame.stop();
    m_feeds.clear(); // no event comes after this
    if (m_recorder && !m_unrecorded.isEmpty())
        m_recorder->record(std::exchange(m_unrecorded, {}));
    delete m_http2Network; // here, on the thread it belongs to
    m_http2Network = nullptr;
}

void FeedWorker::start(Feed &feed)
{
    Feed *const f = &feed; // owned by m_feeds, which outlives the source and its connections
    if (!m_http2Network)
        m_http2Network = new QNetworkAccessManager(this); // made here, on the network thread
    feed.source = std::make_unique<EventSource>(m_http2Network);
    EventSource *source = feed.source.get();
    source->setRequest(feed.subscription.request);
    setPaused(feed, feed.heldBack || m_backlog == EventRecorder::Backlog::Full);
    connect(source, &EventSource::eventReceived, this,
            [this, f](const SseEvent &event) { receive(*f, event); });
    connect(source, &EventSource::readyStateChanged, this, [this, f] {
        f->status.state = f->source->readyState();
        m_statusChanged = true;
    });
    connect(source, &EventSource::opened, this, [f] { f->status.lastError.clear(); });
    connect(source, &EventSource::errorOccurred, this, [this, f](const SseError &error) {
        f->status.lastError = error.toString();
        m_statusChanged = true;
    });
    connect(source, &EventSource::reconnectScheduled, this, [f] { ++f->status.reconnects; });
    source->open();
}

void FeedWorker::receive(Feed &feed, const SseEvent &event)
{
    feed.status.gaps += feed.gaps.observe(event.id); // IDs number all of a stream's events, wanted or not
    if (!feed.subscription.wants(event.type))
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    ++feed.status.events;
    feed.status.lastEventMs = now;
    const CapturedEvent captured{event, feed.subscription.name, now, ++m_seq, feed.subscription.id};
    if (m_recorder)
        m_unrecorded.append(captured);
    m_pending.addEvent(captured);
    feed.digester.digest(captured, m_pending);
}

void FeedWorker::acknowledgeFrame()
{
    const qint64 took = m_clock.elapsed() - m_frameEmittedMs;
    const int interval = m_chartIntervalMs;
    if (took > SlowFrameMs)
        m_chartIntervalMs = std::min(MaxChartIntervalMs, interval * 2);
    else if (took < QuickFrameMs)
        m_chartIntervalMs = std::max(ChartIntervalMs, interval * 3 / 4);
    m_frameInFlight = false;
}

qint64 FeedWorker::takeLogRows(qint64 wanted, qint64 nowMs)
{
    m_logRowsAllowed =
        std::min(LogRowsPerSecond, m_logRowsAllowed + (nowMs - m_lastEmitMs) * LogRowsPerSecond / 1000);
    const qint64 taken = std::min({wanted, m_logRowsAllowed, FeedFrame::MaxLogRows});
    m_logRowsAllowed -= taken;
    return taken;
}

qint64 FeedWorker::firstChartDue(qint64 now)
{
    // Steps of 37 ms around the interval give the first dozen feeds all different phases.
    return now + (m_chartsStaggered++ * 37) % ChartIntervalMs;
}

void FeedWorker::takeChartIfDue(FeedDigester &digester, const QString &id, qint64 &dueMs, qint64 now,
                                qint64 wallMs)
{
    if (now < dueMs)
        return;
    dueMs = std::max(dueMs + m_chartIntervalMs, now); // keeps its phase unless it fell behind
    if (std::optional<ChartFrame> chart = digester.chartFrame(wallMs))
        m_pending.panels[id].chart = std::move(chart);
}

void FeedWorker::frameShown()
{
    m_displayPace.start();
    const qint64 age = m_clock.elapsed() - m_lastEmitMs;
    if (age >= MinPacedFrameMs)
        emitFrameIfDue();
    else
        m_pacedFrame.start(int(MinPacedFrameMs - age));
}

void FeedWorker::emitFrameIfDue()
{
    const qint64 spacing = m_quiet ? QuietFrameMs : 0;
    if (!m_frameInFlight && m_clock.elapsed() - m_lastEmitMs >= spacing)
        emitFrame();
}

void FeedWorker::emitFrame()
{
    const qint64 now = m_clock.elapsed();
    const qint64 wallMs = QDateTime::currentMSecsSinceEpoch();
    for (auto &[id, feed] : m_feeds)
        takeChartIfDue(feed->digester, id, feed->chartDueMs, now, wallMs);
    if (m_replayDigester)
        takeChartIfDue(*m_replayDigester, m_replayId, m_replayChartDueMs, now, wallMs);
    if (m_pending.isEmpty())
        return;
    m_pending.thinLog(takeLogRows(m_pending.log.size(), now));
    m_lastEmitMs = now;
    m_eventsInRateWindow += m_pending.events; // live and replayed
    m_frameEmittedMs = now;
    m_frameInFlight = true;
    Q_EMIT frameReady(std::exchange(m_pending, {}));
}

void FeedWorker::record()
{
    if (!m_recorder)
        return;
    if (!m_unrecorded.isEmpty())
        m_recorder->record(std::exchange(m_unrecorded, {}));
    const EventRecorder::Backlog backlog = m_recorder->backlog();
    if (backlog != m_backlog)
        holdBack(backlog);
}

void FeedWorker::holdBack(EventRecorder::Backlog backlog)
{
    using Backlog = EventRecorder::Backlog;
    // The busiest feeds are chosen as the recorder falls behind, by what they brought lately, and stay
    // held until it has caught up; Full holds every feed meanwhile.
    const bool choose = backlog != Backlog::None && m_backlog == Backlog::None;
    m_backlog = backlog;
    if (choose) {
        std::vector<Feed *> byRate;
        qint64 total = 0;
        for (auto &[id, feed] : m_feeds) {
            byRate.push_back(feed.get());
            total += recentEvents(*feed);
        }
        std::sort(byRate.begin(), byRate.end(),
                  [this](Feed *a, Feed *b) { return recentEvents(*a) > recentEvents(*b); });
        qint64 held = 0;
        for (Feed *feed : byRate) {
            feed->heldBack = held * 2 < total;
            held += feed->heldBack ? recentEvents(*feed) : 0;
        }
    }
    for (auto &[id, feed] : m_feeds) {
        if (backlog == Backlog::None)
            feed->heldBack = false;
        setPaused(*feed, feed->heldBack || backlog == Backlog::Full);
    }
}

void FeedWorker::setPaused(Feed &feed, bool paused)
{
    if (!feed.source)
        return;
    feed.source->setPaused(paused);
    if (!paused)
        feed.pausedSinceMs = -1;
    else if (feed.pausedSinceMs < 0)
        feed.pausedSinceMs = m_clock.elapsed();
    updateLag(feed);
}

void FeedWorker::updateLag(Feed &feed)
{
    const qint64 lag = feed.pausedSinceMs < 0 ? 0 : qMax<qint64>(1, m_clock.elapsed() - feed.pausedSinceMs);
    const qint64 waiting = feed.source ? feed.source->bytesWaiting() : 0;
    if (lag == feed.status.laggingMs && waiting == feed.status.bytesWaiting)
        return;
    feed.status.laggingMs = lag;
    feed.status.bytesWaiting = waiting;
    m_statusChanged = true;
}

qint64 FeedWorker::recentEvents(const Feed &feed) const
{
    // The last full rate window and the one running.
    return qint64(feed.status.eventsPerSecond) + feed.status.events - feed.eventsAtLastRate;
}

void FeedWorker::tick()
{
    if (m_replay)
        playReplay(QDateTime::currentMSecsSinceEpoch());
    record();
    if (!m_displayPace.isActive() && !m_pacedFrame.isActive())
        emitFrameIfDue();

    const qint64 elapsed = m_sinceRate.elapsed();
    if (elapsed >= RateWindowMs) {
        m_sinceRate.restart();
        m_quiet =
            double(std::exchange(m_eventsInRateWindow, 0)) * 1000.0 / double(elapsed) < QuietEventsPerSecond;
        for (auto &[id, feed] : m_feeds) {
            feed->status.eventsPerSecond = (feed->status.events - feed->eventsAtLastRate) * 1000.0 / elapsed;
            feed->eventsAtLastRate = feed->status.events;
            if (feed->source)
                feed->status.bytes = feed->source->bytesReceived();
            updateLag(*feed);
        }
        m_statusChanged = true;
    }
    if (m_statusChanged) {
        m_statusChanged = false;
        Q_EMIT statusesReady(statuses());
    }
}

QList<SubscriptionStatus> FeedWorker::statuses() const
{
    QList<SubscriptionStatus> list;
    list.reserve(m_order.size());
    for (const QString &id : m_order) {
        const auto it = m_feeds.find(id);
        if (it != m_feeds.end())
            list.append(it->second->status);
    }
    return list;
}
