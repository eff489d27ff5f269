// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandline.h"
#include "sserequest.h"

#include <QString>

// What `eventscope capture` was asked to do, read from its arguments.
struct CaptureOptions
{
    SseRequest request;
    QString lastEventId;
    QString source;       // the "source" of each record; the URL unless --source names it
    qint64 maxEvents = 0; // 0 = no limit
    int durationMs = 0;   // 0 = no limit
    QString format = QStringLiteral("ndjson");
    QString outputPath; // empty = stdout
    QString dbPath;     // also record into this capture store; empty = do not
    bool quiet = false;

    using Parse = CommandLine::Parse;
    // Parses the arguments that follow "capture"; on Help, `message` is the help text, on Error the reason.
    static Parse parse(const QStringList &arguments, CaptureOptions &options, QString &message);
};
