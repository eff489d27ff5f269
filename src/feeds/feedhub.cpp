#include "feedhub.h"

#include "feedworker.h"

FeedHub::FeedHub(int batchIntervalMs, QObject *parent)
    : QObject(parent)
    , m_worker(new FeedWorker(batchIntervalMs))
{
    qRegisterMetaType<QList<CapturedEvent>>();
    qRegisterMetaType<QList<SubscriptionStatus>>();
    m_thread.setObjectName(QStringLiteral("eventscope-network"));
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &FeedWorker::batchReady, this, &FeedHub::eventsArrived);
    connect(m_worker, &FeedWorker::statusesReady, this, &FeedHub::statusesChanged);
    connect(m_worker, &FeedWorker::replayProgressed, this, &FeedHub::replayProgressed);
    m_thread.start();
}

FeedHub::~FeedHub()
{
    QMetaObject::invokeMethod(m_worker, &FeedWorker::shutdown, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker; // its thread has ended, so deleting it here is safe
}

void FeedHub::setSubscriptions(const QList<Subscription> &subscriptions)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, subscriptions] { worker->apply(subscriptions); });
}

void FeedHub::startReplay(const QString &subscriptionId, const QList<CapturedEvent> &events)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, subscriptionId, events] {
        worker->startReplay(subscriptionId, events);
    });
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
