// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "captureoptions.h"
#include "capturestore.h"
#include "eventsource.h"
#include "recordformat.h"

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QTimer>
#include <memory>

// `eventscope capture`: one EventSource whose events are written as records to stdout or a file, with
// status on stderr (and with --db recorded in a capture store), until the event or time budget is spent or
// the stream ends for good.
class CaptureCommand : public QObject
{
    Q_OBJECT

public:
    // Runs the command on the arguments after "capture" and returns the process exit code.
    static int run(const QStringList &arguments);

private:
    explicit CaptureCommand(CaptureOptions options, QObject *parent = nullptr);

    bool openOutput(QString &error);
    int exec();
    void record(const SseEventView &event);
    void flush();
    void holdBackForStore();
    void finish(int exitCode);
    void status(const QString &message) const;

    CaptureOptions m_options;
    std::unique_ptr<RecordFormat> m_format;
    EventSource m_source;
    QFile m_output;
    QByteArray m_pending; // records not yet written; written when the event loop is idle again
    QTimer m_flushTimer;
    QTimer m_durationTimer;
    QTimer m_storeCatchUp;                 // while the store is behind: when to look again
    std::unique_ptr<CaptureStore> m_store; // with --db
    QList<CapturedEvent> m_storeBatch;     // handed to the store with each flush
    SseEventDecoder m_decoder;             // for the store, which keeps strings
    QByteArray m_sourceUtf8;
    QByteArray m_typeScratch;
    QByteArray m_idScratch;
    QByteArray m_dataScratch;
    QString m_storeError;
    qint64 m_count = 0;
    int m_exitCode = -1;
};
