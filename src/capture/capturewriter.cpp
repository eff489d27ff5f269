// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturewriter.h"

#include <QDateTime>
#include <algorithm>

namespace {

constexpr int StatsIntervalMs = 1000;

} // namespace

CaptureWriter::CaptureWriter(std::unique_ptr<CaptureBackend> backend, const QString &sessionLabel)
    : m_backend(std::move(backend))
    , m_sessionLabel(sessionLabel)
    , m_flushTimer(this)
    , m_retentionTimer(this)
{
    m_status.location = m_backend->location();
    m_retention = m_backend->defaultRetention();
    m_flushTimer.setInterval(FlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &CaptureWriter::flush);
    m_retentionTimer.setInterval(RetentionIntervalMs);
    connect(&m_retentionTimer, &QTimer::timeout, this, &CaptureWriter::applyRetention);
}

CaptureWriter::~CaptureWriter() = default;

void CaptureWriter::start()
{
    QString error;
    m_open = m_backend->open(&error);
    if (m_open) {
        m_session = m_backend->beginSession(m_sessionLabel, QDateTime::currentMSecsSinceEpoch(), &error);
        m_open = m_session >= 0;
    }
    m_status.error = error;
    m_writing = m_open;
    if (m_open && !m_subscriptions.isEmpty())
        recordSubscriptions(m_subscriptions);
    if (m_open)
        applyRetention();
    else
        report(false);
    m_flushTimer.start();
    m_retentionTimer.start();
}

void CaptureWriter::add(const QList<CapturedEvent> &batch)
{
    m_waiting += batch;
    if (m_waiting.size() > MaxWaiting) {
        const qsizetype excess = m_waiting.size() - MaxWaiting;
        m_waiting.remove(0, excess);
        m_status.unsaved += excess;
        m_backlog -= excess;
    }
}

void CaptureWriter::recordSubscriptions(const QList<CapturedSubscription> &subscriptions)
{
    m_subscriptions = subscriptions;
    if (!m_open)
        return;
    QString error;
    if (!m_backend->recordSubscriptions(subscriptions, QDateTime::currentMSecsSinceEpoch(), &error)) {
        m_status.error = error;
        report(false);
    }
}

void CaptureWriter::setRetention(const RetentionPolicy &policy)
{
    m_retention = policy;
    applyRetention();
}

void CaptureWriter::flush()
{
    if (m_waiting.isEmpty() || !m_open) {
        m_status.waiting = m_waiting.size();
        report(false);
        return;
    }
    QString error;
    if (m_backend->append(m_session, m_waiting, &error)) {
        m_backlog -= m_waiting.size();
        // Counted now: the full figures are read again at most once a second and only after a write, so
        // the last second of a burst would otherwise show until the next one.
        m_status.stats.events += m_waiting.size();
        m_status.stats.newestMs = std::max(m_status.stats.newestMs, m_waiting.constLast().receivedMs);
        m_waiting.clear();
        m_status.error.clear();
    } else {
        m_status.error = error; // the events stay and go with the next flush that succeeds
    }
    m_writing = m_status.error.isEmpty();
    m_status.waiting = m_waiting.size();
    report(true);
    // Over the size limit: make room now rather than at the next retention round, so the store stays
    // within its limit give or take a second of events.
    if (m_retention.maxBytes > 0 && m_status.stats.bytes > m_retention.maxBytes)
        applyRetention();
}

void CaptureWriter::applyRetention()
{
    if (!m_open)
        return;
    QString error;
    if (!m_backend->applyRetention(m_retention, QDateTime::currentMSecsSinceEpoch(), &error))
        m_status.error = error;
    m_sinceStats.invalidate();
    report(true);
}

void CaptureWriter::report(bool statsToo)
{
    if (statsToo && m_open && (!m_sinceStats.isValid() || m_sinceStats.elapsed() >= StatsIntervalMs)) {
        m_sinceStats.start();
        QString error;
        if (const std::optional<CaptureStats> stats = m_backend->stats(&error))
            m_status.stats = *stats;
        else
            m_status.error = error;
    }
    Q_EMIT statusChanged(m_status);
}
