// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportcommand.h"

#include "captureexporter.h"
#include "commandline.h"
#include "console.h"
#include "exitcode.h"
#include "postgrescapturebackend.h"
#include "recordformat.h"
#include "sqlitecapturebackend.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <cstdio>

namespace {

const QString Command = QStringLiteral("export");

struct ExportOptions
{
    QString db = SqliteCaptureBackend::defaultPath();
    QString format;
    QString output = QStringLiteral("-");
    CaptureQuery query;
};

// ISO 8601 ("2026-11-24T13:00:00Z", a date alone is its midnight UTC) or milliseconds since the epoch.
std::optional<qint64> timeFrom(const QString &text)
{
    bool isNumber = false;
    const qint64 ms = text.toLongLong(&isNumber);
    if (isNumber)
        return ms;
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    if (time.timeSpec() == Qt::LocalTime && !text.contains(QLatin1Char('T')))
        time.setTimeSpec(Qt::UTC);
    return time.toMSecsSinceEpoch();
}

using CommandLine::Parse;

Parse parse(const QStringList &arguments, ExportOptions &options, QString &message)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Writes captured events from a capture store."));
    const QCommandLineOption help = CommandLine::helpOption();
    const QCommandLineOption db(
        QStringLiteral("db"),
        QStringLiteral(
            "The capture store, a SQLite file or a postgresql:// URL (default: the dashboard's, %1).")
            .arg(options.db),
        QStringLiteral("STORE"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("ndjson, csv, json or sse."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption since(
        QStringLiteral("since"),
        QStringLiteral("Events received at or after T (ISO 8601 or ms since the epoch)."),
        QStringLiteral("T"));
    const QCommandLineOption until(QStringLiteral("until"), QStringLiteral("Events received before T."),
                                   QStringLiteral("T"));
    const QCommandLineOption source(QStringLiteral("source"),
                                    QStringLiteral("Only this source (a subscription name); repeatable."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption type(QStringLiteral("type"), QStringLiteral("Only this event type; repeatable."),
                                  QStringLiteral("T"));
    const QCommandLineOption text(QStringLiteral("text"),
                                  QStringLiteral("Only events whose data, type, id or source contain TEXT."),
                                  QStringLiteral("TEXT"));
    const QCommandLineOption output(
        {QStringLiteral("o"), QStringLiteral("output")},
        QStringLiteral("Write to FILE (written whole or not at all) instead of stdout."),
        QStringLiteral("FILE"));
    parser.addOptions({help, db, format, since, until, source, type, text, output});
    if (const Parse parsed = CommandLine::parse(
            parser, help, QStringList{QStringLiteral("eventscope export")} + arguments, message);
        parsed != Parse::Run)
        return parsed;
    options.format = parser.value(format);
    if (!RecordFormat::names().contains(options.format)) {
        message = parser.isSet(format)
                      ? QStringLiteral("--format '%1' is not one of %2")
                            .arg(options.format, RecordFormat::names().join(QStringLiteral(", ")))
                      : QStringLiteral("--format is needed: one of %1")
                            .arg(RecordFormat::names().join(QStringLiteral(", ")));
        return Parse::Error;
    }
    for (const auto &[option, target] :
         {std::pair{&since, &options.query.sinceMs}, std::pair{&until, &options.query.untilMs}}) {
        if (!parser.isSet(*option))
            continue;
        const std::optional<qint64> ms = timeFrom(parser.value(*option));
        if (!ms) {
            message = QStringLiteral("--%1 needs an ISO 8601 time or milliseconds since the epoch, not '%2'")
                          .arg(option->names().first(), parser.value(*option));
            return Parse::Error;
        }
        *target = *ms;
    }
    if (parser.isSet(db))
        options.db = parser.value(db);
    if (parser.isSet(output))
        options.output = parser.value(output);
    options.query.sources = parser.values(source);
    options.query.types = parser.values(type);
    options.query.text = parser.value(text);
    return Parse::Run;
}

} // namespace

int ExportCommand::run(const QStringList &arguments)
{
    ExportOptions options;
    QString message;
    switch (parse(arguments, options, message)) {
    case Parse::Help:
        std::fputs(qPrintable(message), stdout);
        return ExitOk;
    case Parse::Error:
        Console::error(Command, message + QStringLiteral(" (see eventscope export --help)"));
        return ExitUsage;
    case Parse::Run:
        break;
    }
    if (const QString problem = problemReadingStore(options.db); !problem.isEmpty()) {
        Console::error(Command, problem);
        return ExitUsage;
    }
    const bool server = PostgresCaptureBackend::isUrl(options.db);
    const std::unique_ptr<CaptureBackend> store = captureBackendFor(options.db);
    QString error;
    if (!store->open(&error)) {
        Console::error(Command, error);
        return server ? ExitConnection : ExitUsage;
    }
    const CaptureExporter::Result result =
        CaptureExporter::run(*store, options.query, options.format, options.output);
    if (!result.ok) {
        Console::error(Command, result.error);
        return ExitFailure;
    }
    if (options.output != QLatin1String("-"))
        Console::status(Command, QStringLiteral("wrote %1 events (%2 bytes) to %3")
                                     .arg(result.events)
                                     .arg(result.bytes)
                                     .arg(options.output));
    return ExitOk;
}
