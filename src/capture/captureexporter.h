// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturebackend.h"

#include <atomic>
#include <functional>

// Writes the events a query selects to a file in one of the record formats, a page at a time so a million
// events take no more memory than a few thousand. The file appears under its name only when complete:
// a failed or cancelled export leaves nothing behind.
class CaptureExporter
{
public:
    struct Result
    {
        bool ok = false;
        bool cancelled = false;
        qint64 events = 0;
        qint64 bytes = 0;
        QString error;
    };

    // `progress` (optional) is told events written and the total after each page; `cancel` (optional) is
    // checked as often. `outputPath` "-" writes to standard output.
    static Result run(CaptureBackend &backend, const CaptureQuery &query, const QString &format,
                      const QString &outputPath, const std::function<void(qint64, qint64)> &progress = {},
                      const std::atomic_bool *cancel = nullptr);
    // The same for events already in hand (what a view shows), written a page at a time all the same.
    static Result run(const QList<CapturedEvent> &events, const QString &format, const QString &outputPath,
                      const std::function<void(qint64, qint64)> &progress = {},
                      const std::atomic_bool *cancel = nullptr);

private:
    using PageSink = std::function<bool(const QList<CapturedEvent> &)>;
    // Reads the events page by page into the sink, setting the total first; false with a message on failure.
    using Reader = std::function<bool(qint64 *total, const PageSink &sink, QString *error)>;
    static Result write(const Reader &reader, const QString &format, const QString &outputPath,
                        const std::function<void(qint64, qint64)> &progress, const std::atomic_bool *cancel);
};
