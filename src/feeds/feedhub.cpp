// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedhub.h"

#include "feedworker.h"

#include <QPointer>

FeedHub::FeedHub(int batchIntervalMs, QObject *parent)
    : QObject(parent)
    , m_worker(new FeedWorker(batchIntervalMs))
{
    qRegisterMetaType<FeedFrame>();
    qRegisterMetaType<QList<SubscriptionStatus>>();
    m_thread.setObjectName(QStringLiteral("eventscope-network"));
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &FeedWorker::frameReady, this, &FeedHub::deliver);
    connect(m_worker, &FeedWorker::statusesReady, this, &FeedHub::statusesChanged);
    connect(m_worker, &FeedWorker::replayProgressed, this, &FeedHub::replayProgressed);
    m_thread.start();
}

FeedHub::~FeedHub()
{
    stop();
    m_thread.stop();
    delete m_worker; // its thread has ended, so deleting it here is safe
}

void FeedHub::stop()
{
    QMetaObject::invokeMethod(m_worker, &FeedWorker::shutdown, Qt::BlockingQueuedConnection);
}

void FeedHub::setSubscriptions(const QList<Subscription> &subscriptions)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, subscriptions] { worker->apply(subscriptions); });
}

void FeedHub::setRecorder(EventRecorder *recorder)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, recorder] { worker->setRecorder(recorder); });
}

void FeedHub::setChartView(const QString &subscriptionId, const ChartView &view)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, subscriptionId, view] { worker->setChartView(subscriptionId, view); });
}

int FeedHub::chartIntervalMs() const
{
    return m_worker->chartIntervalMs();
}

void FeedHub::frameShown()
{
    if (m_worker->pacedByDisplay()) // quiet feeds keep their own spacing: no need to wake the worker
        QMetaObject::invokeMethod(m_worker, &FeedWorker::frameShown);
}

void FeedHub::deliver(const FeedFrame &frame)
{
    const QPointer<FeedHub> alive(this); // a receiver may delete the hub (the connection probe does)
    Q_EMIT frameArrived(frame);
    if (!alive)
        return;
    // Acknowledged once what the frame set off has run too (a chart's repaint is queued behind it), so the
    // worker's pace follows the whole cost of a frame. The frame goes back with it, so its last reference
    // drops, and its thousands of strings and JSON objects are freed, on the worker, not here.
    QMetaObject::invokeMethod(
        this,
        [worker = m_worker, frame]() mutable {
            worker->acknowledgeFrame();
            QMetaObject::invokeMethod(worker, [last = std::move(frame)] { Q_UNUSED(last) });
        },
        Qt::QueuedConnection);
}

void FeedHub::startReplay(const Subscription &replay, const QList<CapturedEvent> &events)
{
    QMetaObject::invokeMethod(m_worker,
                              [worker = m_worker, replay, events] { worker->startReplay(replay, events); });
}

void FeedHub::controlReplay(double speed, bool paused)
{
    QMetaObject::invokeMethod(m_worker,
                              [worker = m_worker, speed, paused] { worker->controlReplay(speed, paused); });
}

void FeedHub::seekReplay(int position)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, position] { worker->seekReplay(position); });
}

void FeedHub::stopReplay()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->stopReplay(); });
}
