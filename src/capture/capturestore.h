// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backgroundthread.h"
#include "capturebackend.h"
#include "capturestatus.h"
#include "eventrecorder.h"
#include "subscription.h"

#include <QObject>
#include <atomic>
#include <memory>

class CaptureWriter;

// Records every event FeedHub delivers, on a writer thread of its own so the GUI thread never waits for
// the disk. Batches go in as they come; the writer commits them at least every 250 ms. When the disk is
// slower than the feeds, the store is Behind once BehindAt events wait (until fewer than half that do)
// and Full at twice that (until fewer than BehindAt do), so FeedHub stops reading instead of the backlog
// growing; when the store cannot be written at all, monitoring goes on and the writer keeps what it can
// (see CaptureWriter).
class CaptureStore : public QObject, public EventRecorder
{
    Q_OBJECT

public:
    CaptureStore(std::unique_ptr<CaptureBackend> backend, const QString &sessionLabel,
                 QObject *parent = nullptr);
    // Writes what is waiting, then stops the thread.
    ~CaptureStore() override;

    static constexpr qsizetype BehindAt = 50000; // about half a second of writing, 15-20 MB

    // Where Behind starts (Full at twice that): lower for a process that keeps its memory small.
    void setBehindAt(qsizetype events) { m_behindAt = events; }

    void record(const QList<CapturedEvent> &batch) override; // from any thread
    Backlog backlog() override;                              // from one thread at a time
    void setRetention(const RetentionPolicy &policy);
    void recordSubscriptions(const QList<CapturedSubscription> &subscriptions);
    // The same for a profile's subscriptions: names, URLs without secrets, panel kinds.
    void recordSubscriptions(const QList<Subscription> &subscriptions);
    CaptureStatus status() const { return m_status; }
    // Writes what is waiting now, from any thread but the writer's, and says how that went: the last word
    // of a process about to end, when a statusChanged() sent now would never be delivered.
    CaptureStatus flush();
    QString location() const { return m_location; }

Q_SIGNALS:
    void statusChanged(const CaptureStatus &status);

private:
    QString m_location;
    BackgroundThread m_thread;
    CaptureWriter *m_writer;
    CaptureStatus m_status;
    Backlog m_backlog = Backlog::None;
    qsizetype m_behindAt = BehindAt;
};
