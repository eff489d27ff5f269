#include "captureexporter.h"

#include "recordformat.h"

#include <QFile>
#include <QSaveFile>
#include <cstdio>

namespace {

constexpr qsizetype ListPageSize = 5000;

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
    qint64 total = 0;
    QString error;
    bool writeFailed = false;
    const bool read = reader(
        &total,
        [&](const QList<CapturedEvent> &page) {
            for (const CapturedEvent &event : page)
                format->append(buffer, event);
            result.events += page.size();
            if (!flush()) {
                writeFailed = true;
                return false;
            }
            if (progress)
                progress(result.events, total);
            if (cancel && cancel->load()) {
                result.cancelled = true;
                return false;
            }
            return true;
        },
        &error);

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
