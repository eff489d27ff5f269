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
