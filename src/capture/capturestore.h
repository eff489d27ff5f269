#pragma once

#include "capturebackend.h"
#include "capturestatus.h"

#include <QObject>
#include <QThread>
#include <memory>

class CaptureWriter;

// Records every event FeedHub delivers, on a writer thread of its own so the GUI thread never waits for
// the disk. Batches go in as they come; the writer commits them at least every 250 ms.
class CaptureStore : public QObject
{
    Q_OBJECT

public:
    CaptureStore(std::unique_ptr<CaptureBackend> backend, const QString &sessionLabel,
                 QObject *parent = nullptr);
    // Writes what is waiting, then stops the thread.
    ~CaptureStore() override;

    void append(const QList<CapturedEvent> &batch);
    void setRetention(const RetentionPolicy &policy);
    void recordSubscriptions(const QList<CapturedSubscription> &subscriptions);
    CaptureStatus status() const { return m_status; }
    QString location() const { return m_location; }

Q_SIGNALS:
    void statusChanged(const CaptureStatus &status);

private:
    QString m_location;
    QThread m_thread;
    CaptureWriter *m_writer;
    CaptureStatus m_status;
};
