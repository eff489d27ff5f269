// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturestore.h"

#include "capturewriter.h"
#include "displayurl.h"

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
    m_thread.stop();
}

CaptureStatus CaptureStore::flush()
{
    CaptureStatus status;
    QMetaObject::invokeMethod(
        m_writer,
        [&status, writer = m_writer] {
            writer->flush();
            status = writer->status();
        },
        Qt::BlockingQueuedConnection);
    return status;
}

void CaptureStore::record(const QList<CapturedEvent> &batch)
{
    m_writer->countIncoming(batch.size());
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

void CaptureStore::recordSubscriptions(const QList<Subscription> &subscriptions)
{
    QList<CapturedSubscription> recorded;
    for (const Subscription &subscription : subscriptions)
        recorded.append({subscription.id, subscription.name, displayUrl(subscription.request.url),
                         Subscription::panelName(subscription.panel)});
    recordSubscriptions(recorded);
}

EventRecorder::Backlog CaptureStore::backlog()
{
    const qsizetype waiting = m_writer->backlog();
    if (!m_writer->isWriting())
        m_backlog = Backlog::None;
    else if (waiting >= 2 * m_behindAt)
        m_backlog = Backlog::Full;
    else if (waiting >= m_behindAt)
        m_backlog = std::max(m_backlog, Backlog::Behind);
    else if (waiting < m_behindAt / 2)
        m_backlog = Backlog::None;
    else if (m_backlog == Backlog::Full) // between half and all of m_behindAt: no longer full
        m_backlog = Backlog::Behind;
    return m_backlog;
}
