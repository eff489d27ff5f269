// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturebackend.h"
#include "capturestatus.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <atomic>
#include <memory>

// Lives on the capture thread: collects batches and writes them in one transaction every
// FlushIntervalMs, so a crash loses at most that much; applies retention now and then. When the store
// cannot be written (disk full, locked), events wait in memory up to MaxWaiting and are written when it
// can be again; monitoring goes on either way.
class CaptureWriter : public QObject
{
    Q_OBJECT

public:
    static constexpr int FlushIntervalMs = 100; // well inside the 250 ms a crash may lose
    static constexpr int RetentionIntervalMs = 30000;
    static constexpr qsizetype MaxWaiting = 500000;

    CaptureWriter(std::unique_ptr<CaptureBackend> backend, const QString &sessionLabel);
    ~CaptureWriter() override;

    void start();
    // Thread-safe: the store counts a batch in before it is queued to add().
    void countIncoming(qsizetype events) { m_backlog += events; }
    void add(const QList<CapturedEvent> &batch);
    // Thread-safe: events counted in and not yet written or given up on.
    qsizetype backlog() const { return m_backlog; }
    // Thread-safe: whether the last write succeeded (the store is open and takes events).
    bool isWriting() const { return m_writing; }
    void setRetention(const RetentionPolicy &policy);
    void recordSubscriptions(const QList<CapturedSubscription> &subscriptions);
    // Writes what waits, now (on shutdown).
    void flush();
    const CaptureStatus &status() const { return m_status; }

Q_SIGNALS:
    void statusChanged(const CaptureStatus &status);

private:
    void applyRetention();
    void report(bool statsToo);

    std::unique_ptr<CaptureBackend> m_backend;
    QString m_sessionLabel;
    qint64 m_session = -1;
    bool m_open = false;
    QList<CapturedEvent> m_waiting;
    QList<CapturedSubscription> m_subscriptions; // recorded when the store opens, if it is not open yet
    RetentionPolicy m_retention;
    CaptureStatus m_status;
    QTimer m_flushTimer;
    QTimer m_retentionTimer;
    QElapsedTimer m_sinceStats;
    std::atomic<qsizetype> m_backlog{0};
    std::atomic<bool> m_writing{true}; // until start() finds otherwise: a store being opened holds back too
};
