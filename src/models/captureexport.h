// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backgroundthread.h"
#include "eventfiltermodel.h"

#include <QObject>
#include <QUrl>
#include <QtQml/qqmlregistration.h>
#include <atomic>

// The export dialog's engine: writes what the Events page shows, or what the capture store holds within
// a time range and filters, to a file in the background, with progress and cancel. The file appears only
// when complete (a cancelled or failed export leaves nothing).
class CaptureExport : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool running READ running NOTIFY changed)
    Q_PROPERTY(double written READ written NOTIFY changed)
    Q_PROPERTY(double total READ total NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed) // how the last export ended

public:
    explicit CaptureExport(QObject *parent = nullptr);
    ~CaptureExport() override; // cancels and waits for a running export

    bool running() const { return m_thread != nullptr; }
    double written() const { return double(m_written); }
    double total() const { return double(m_total); }
    QString message() const { return m_message; }

    Q_INVOKABLE void exportView(EventFilterModel *view, const QUrl &file, const QString &format);
    // sinceMs/untilMs 0: open-ended; source, type, text empty: any.
    Q_INVOKABLE void exportStore(const QString &storePath, const QUrl &file, const QString &format,
                                 double sinceMs, double untilMs, const QString &source, const QString &type,
                                 const QString &text);
    Q_INVOKABLE void cancel() { m_cancel = true; }

Q_SIGNALS:
    void changed();
    void finished(bool ok);

private:
    template<typename Work> void start(Work work);
    void progressed(qint64 written, qint64 total);

    BackgroundThread *m_thread = nullptr;
    std::atomic_bool m_cancel = false;
    qint64 m_written = 0;
    qint64 m_total = 0;
    QString m_message;
};
