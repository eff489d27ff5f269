// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturedevent.h"

#include <QStringList>

// Reads events captured elsewhere for replay: NDJSON lines as EventScope writes them (time, source, event,
// id, data), or a `.sse` text/event-stream file. A malformed line is counted and named by its number; the
// rest still imports. `.sse` files carry no times, so their events are spaced evenly, 100 ms apart.
class CaptureImporter
{
public:
    struct Result
    {
        QList<CapturedEvent> events;
        qint64 malformed = 0;
        QStringList problems; // "line 7: not a JSON object", the first few of them
        QString error;        // the file could not be read at all
    };

    static constexpr int ProblemsKept = 20;
    static constexpr qint64 SseSpacingMs = 100;

    // The format comes from the extension (.sse; anything else is read as NDJSON).
    static Result importFile(const QString &path);
    static Result fromNdjson(const QByteArray &bytes, const QString &name);
    static Result fromSse(const QByteArray &bytes, const QString &name);
};
