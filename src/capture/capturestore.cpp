#include "capturestore.h"

#include "capturewriter.h"

CaptureStore::CaptureStore(std::unique_ptr<CaptureBackend> backend, const QString &sessionLabel,
                           QObject *parent)
    : QObject(parent)
    , m_location(backend->location())
    , m_writer(new CaptureWriter(std::move(backend), sessionLabel))
{
    qRegisterMetaType<CaptureStatus>();
    qRegisterMetaType<QList<CapturedEvent>>();
    m_thread.setObjectName(QStringLiteral("eventscope-capture"));
    m_writer->moveToThread(&m_thread);
    connect(m_writer, &CaptureWriter::statusChanged, this, [this](const CaptureStatus &status) {
        m_status = status;
        Q_EMIT statusChanged(status);
    });
    m_thread.start();
    QMetaObject::invokeMethod(m_writer, &CaptureWriter::start);
}

CaptureStore::~CaptureStore()
{
    QMetaObject::invokeMethod(m_writer, &CaptureWriter::flush, Qt::BlockingQueuedConnection);
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer] { delete writer; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void CaptureStore::append(const QList<CapturedEvent> &batch)
{
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, batch] { writer->add(batch); });
}

void CaptureStore::setRetention(const RetentionPolicy &policy)
{
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, policy] { writer->setRetention(policy); });
}

void CaptureStore::recordSubscriptions(const QList<CapturedSubscription> &subscriptions)
{
    QMetaObject::invokeMethod(
        m_writer, [writer = m_writer, subscriptions] { writer->recordSubscriptions(subscriptions); });
}
