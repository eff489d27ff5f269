// SPDX-License-Identifier: GPL-3.0-or-later
#include "captureexport.h"

#include "capturebackend.h"
#include "captureexporter.h"
#include "eventfiltermodel.h"

#include <QLocale>

CaptureExport::CaptureExport(QObject *parent)
    : QObject(parent)
{}

CaptureExport::~CaptureExport()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->stop(); // it may be reading PostgreSQL: see BackgroundThread::stop()
        delete m_thread;  // its finished() no longer reaches this exporter to delete it
    }
}

template<typename Work> void CaptureExport::start(Work work)
{
    if (m_thread)
        return;
    m_cancel = false;
    m_written = 0;
    m_total = 0;
    m_message.clear();
    auto result = std::make_shared<CaptureExporter::Result>();
    m_thread = new BackgroundThread([this, work, result] {
        *result = work([this](qint64 written, qint64 total) {
            QMetaObject::invokeMethod(this, [this, written, total] { progressed(written, total); });
        });
    });
    connect(m_thread, &QThread::finished, this, [this, result] {
        m_thread->stop();
        m_thread->deleteLater();
        m_thread = nullptr;
        m_written = result->events;
        m_message = result->ok ? QStringLiteral("Exported %1 events (%2 MB).")
                                     .arg(QLocale().toString(result->events))
                                     .arg(double(result->bytes) / (1024.0 * 1024.0), 0, 'f', 1)
                    : result->cancelled ? QStringLiteral("Cancelled; no file was written.")
                                        : result->error;
        Q_EMIT changed();
        Q_EMIT finished(result->ok);
    });
    m_thread->start();
    Q_EMIT changed();
}

void CaptureExport::progressed(qint64 written, qint64 total)
{
    m_written = written;
    m_total = total;
    Q_EMIT changed();
}

void CaptureExport::exportView(EventFilterModel *view, const QUrl &file, const QString &format)
{
    if (!view || !view->log())
        return;
    // Copied here, on the GUI thread, while the rows stand still; the events share their strings.
    QList<CapturedEvent> events;
    events.reserve(view->rowCount());
    for (int row = 0; row < view->rowCount(); ++row)
        events.append(view->at(row));
    const QString path = file.toLocalFile();
    start([this, events, path, format](const auto &progress) {
        return CaptureExporter::run(events, format, path, progress, &m_cancel);
    });
}

void CaptureExport::exportStore(const QString &storePath, const QUrl &file, const QString &format,
                                double sinceMs, double untilMs, const QString &source, const QString &type,
                                const QString &text)
{
    CaptureQuery query;
    query.sinceMs = qint64(sinceMs);
    query.untilMs = qint64(untilMs);
    if (!source.isEmpty())
        query.sources = {source};
    if (!type.isEmpty())
        query.types = {type};
    query.text = text;
    const QString path = file.toLocalFile();
    start([this, storePath, query, path, format](const auto &progress) {
        // A connection of its own, on this thread.
        const std::unique_ptr<CaptureBackend> store = captureBackendFor(storePath);
        QString error = problemReadingStore(storePath);
        if (!error.isEmpty() || !store->open(&error)) {
            CaptureExporter::Result failed;
            failed.error = error;
            return failed;
        }
        return CaptureExporter::run(*store, query, format, path, progress, &m_cancel);
    });
}
