// SPDX-License-Identifier: GPL-3.0-or-later
#include "captureexporter.h"

#include "recordformat.h"

#include <QFile>
#include <QSaveFile>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>

namespace {

constexpr qsizetype ListPageSize = 5000;
constexpr size_t MaxPagesInFlight = 4; // between the reading and the writing thread: memory stays flat

} // namespace

CaptureExporter::Result CaptureExporter::run(CaptureBackend &backend, const CaptureQuery &query,
                                             const QString &format, const QString &outputPath,
                                             const std::function<void(qint64, qint64)> &progress,
                                             const std::atomic_bool *cancel)
{
    return write([&](qint64 *total, const PageSink &sink,
                     QString *error) { return backend.query(query, total, sink, error); },
                 format, outputPath, progress, cancel);
}

CaptureExporter::Result CaptureExporter::run(const QList<CapturedEvent> &events, const QString &format,
                                             const QString &outputPath,
                                             const std::function<void(qint64, qint64)> &progress,
                                             const std::atomic_bool *cancel)
{
    return write(
        [&](qint64 *total, const PageSink &sink, QString *) {
            *total = events.size();
            for (qsizetype start = 0; start < events.size(); start += ListPageSize) {
                if (!sink(events.mid(start, ListPageSize)))
                    break;
            }
            return true;
        },
        format, outputPath, progress, cancel);
}

CaptureExporter::Result CaptureExporter::write(const Reader &reader, const QString &formatName,
                                               const QString &outputPath,
                                               const std::function<void(qint64, qint64)> &progress,
                                               const std::atomic_bool *cancel)
{
    Result result;
    std::unique_ptr<RecordFormat> format = RecordFormat::create(formatName);
    if (!format) {
        result.error = QStringLiteral("unknown format '%1' (use %2)")
                           .arg(formatName, RecordFormat::names().join(QStringLiteral(", ")));
        return result;
    }
    QSaveFile file(outputPath);
    QFile standardOutput;
    QIODevice *out = &file;
    const bool toStdout = outputPath == QLatin1String("-");
    if (toStdout) {
        out = &standardOutput;
        standardOutput.open(stdout, QIODevice::WriteOnly);
    } else if (!file.open(QIODevice::WriteOnly)) {
        result.error = QStringLiteral("cannot write '%1': %2").arg(outputPath, file.errorString());
        return result;
    }

    QByteArray buffer = format->header();
    auto flush = [&]() {
        if (out->write(buffer) != buffer.size())
            return false;
        result.bytes += buffer.size();
        buffer.clear();
        return true;
    };
    // Reading rows and formatting them cost about the same, so they run side by side: this thread reads
    // pages, a second one formats and writes them, with at most a few pages in between.
    qint64 total = 0;
    QString error;
    bool writeFailed = false;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<QList<CapturedEvent>> pages;
    bool readingDone = false;
    bool stop = false;
    std::thread writer([&] {
        for (;;) {
            QList<CapturedEvent> page;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return !pages.empty() || readingDone; });
                if (pages.empty())
                    return;
                page = std::move(pages.front());
                pages.pop_front();
            }
            changed.notify_all();
            for (const CapturedEvent &event : std::as_const(page))
                format->append(buffer, event);
            result.events += page.size();
            const bool written = flush();
            if (written && progress)
                progress(result.events, total);
            const bool cancelled = cancel && cancel->load();
            if (!written || cancelled) {
                std::lock_guard lock(mutex);
                writeFailed = !written;
                result.cancelled = cancelled;
                stop = true;
                pages.clear();
                changed.notify_all();
                return;
            }
        }
    });
    const bool read = reader(
        &total,
        [&](const QList<CapturedEvent> &page) {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return pages.size() < MaxPagesInFlight || stop; });
            if (stop)
                return false;
            pages.push_back(page);
            changed.notify_all();
            return true;
        },
        &error);
    {
        std::lock_guard lock(mutex);
        readingDone = true;
    }
    changed.notify_all();
    writer.join();

    if (!read || writeFailed || result.cancelled) {
        if (!toStdout)
            file.cancelWriting();
        result.error = result.cancelled ? QStringLiteral("cancelled")
                       : !read          ? error
                               : QStringLiteral("cannot write '%1': %2").arg(outputPath, out->errorString());
        return result;
    }
    buffer.append(format->footer());
    if (!flush() || (!toStdout && !file.commit()) || (toStdout && !standardOutput.flush())) {
        result.error = QStringLiteral("cannot write '%1': %2").arg(outputPath, out->errorString());
        return result;
    }
    result.ok = true;
    return result;
}
