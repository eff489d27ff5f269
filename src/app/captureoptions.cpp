// SPDX-License-Identifier: GPL-3.0-or-later
#include "captureoptions.h"

#include "displayurl.h"
#include "recordformat.h"

#include <QCommandLineParser>
#include <QFile>

namespace {

bool parseSeconds(const QString &text, int &milliseconds)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 365.0 * 24 * 3600)
        return false;
    milliseconds = qMax(1, int(seconds * 1000));
    return true;
}

bool parseHeader(const QString &text, QPair<QByteArray, QByteArray> &header)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    const QByteArray name = text.left(colon).trimmed().toLatin1();
    if (name.isEmpty() || name.contains(' '))
        return false;
    header = {name, text.mid(colon + 1).trimmed().toUtf8()};
    return true;
}

} // namespace

CaptureOptions::Parse CaptureOptions::parse(const QStringList &arguments, CaptureOptions &options,
                                            QString &message)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Connects to a Server-Sent Events stream and prints one line per event (NDJSON or CSV) "
        "until it has N events, SECONDS have passed or the stream ends for good. Status goes to "
        "stderr. Exit codes: 0 done, 1 output not writable, 2 usage, 3 connection failed."));
    parser.addPositionalArgument(QStringLiteral("URL"),
                                 QStringLiteral("the http:// or https:// event stream"));
    const QCommandLineOption help = CommandLine::helpOption();
    const QCommandLineOption header({QStringLiteral("H"), QStringLiteral("header")},
                                    QStringLiteral("Add a request header (repeatable)."),
                                    QStringLiteral("K: V"));
    const QCommandLineOption method({QStringLiteral("X"), QStringLiteral("method")},
                                    QStringLiteral("HTTP method (default GET, POST when a body is given)."),
                                    QStringLiteral("M"));
    const QCommandLineOption data({QStringLiteral("d"), QStringLiteral("data")},
                                  QStringLiteral("Request body."), QStringLiteral("BODY"));
    const QCommandLineOption dataFile(QStringLiteral("data-file"),
                                      QStringLiteral("Read the request body from F."), QStringLiteral("F"));
    const QCommandLineOption lastEventId(
        QStringLiteral("last-event-id"),
        QStringLiteral("Resume after this event ID (sent as Last-Event-ID)."), QStringLiteral("ID"));
    const QCommandLineOption maxEvents({QStringLiteral("n"), QStringLiteral("max-events")},
                                       QStringLiteral("Stop after N events."), QStringLiteral("N"));
    const QCommandLineOption duration(QStringLiteral("duration"), QStringLiteral("Stop after SECONDS."),
                                      QStringLiteral("SECONDS"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("ndjson (default), csv, json or sse."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Write to FILE instead of stdout."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption insecure(QStringLiteral("insecure"),
                                      QStringLiteral("Accept TLS certificates that fail verification."));
    const QCommandLineOption idleTimeout(QStringLiteral("idle-timeout"),
                                         QStringLiteral("Reconnect when nothing arrives for SECONDS."),
                                         QStringLiteral("SECONDS"));
    const QCommandLineOption maxRetries(
        QStringLiteral("max-retries"),
        QStringLiteral(
            "Give up after N failed reconnects in a row; 0: never reconnect (default: keep trying)."),
        QStringLiteral("N"));
    const QCommandLineOption source(
        QStringLiteral("source"), QStringLiteral("Name recorded as each event's source (default: the URL)."),
        QStringLiteral("NAME"));
    const QCommandLineOption db(
        QStringLiteral("db"),
        QStringLiteral("Also record the events into this capture store: a SQLite file or a "
                       "postgresql:// URL."),
        QStringLiteral("STORE"));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")},
                                   QStringLiteral("No status lines on stderr, errors only."));
    parser.addOptions({db});
    parser.addOptions({help, header, method, data, dataFile, lastEventId, maxEvents, duration, format, output,
                       insecure, idleTimeout, maxRetries, source, quiet});

    if (const Parse parsed = CommandLine::parse(
            parser, help, QStringList{QStringLiteral("eventscope capture")} + arguments, message, true);
        parsed != Parse::Run)
        return parsed;

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        message = positional.isEmpty() ? QStringLiteral("missing URL")
                                       : QStringLiteral("expected one URL, got %1").arg(positional.size());
        return Parse::Error;
    }
    SseRequest &request = options.request;
    request.url = QUrl(positional.first(), QUrl::StrictMode);

    for (const QString &text : parser.values(header)) {
        QPair<QByteArray, QByteArray> parsed;
        if (!parseHeader(text, parsed)) {
            message = QStringLiteral("header '%1' is not of the form 'Name: value'").arg(text);
            return Parse::Error;
        }
        request.headers.append(parsed);
    }
    if (parser.isSet(data) && parser.isSet(dataFile)) {
        message = QStringLiteral("--data and --data-file exclude each other");
        return Parse::Error;
    }
    if (parser.isSet(data))
        request.body = parser.value(data).toUtf8();
    if (parser.isSet(dataFile)) {
        QFile file(parser.value(dataFile));
        if (!file.open(QIODevice::ReadOnly)) {
            message =
                QStringLiteral("cannot read --data-file '%1': %2").arg(file.fileName(), file.errorString());
            return Parse::Error;
        }
        request.body = file.readAll();
    }
    request.method = parser.isSet(method)     ? parser.value(method).toUpper().toLatin1()
                     : request.body.isEmpty() ? QByteArrayLiteral("GET")
                                              : QByteArrayLiteral("POST");
    message = request.problem();
    if (!message.isEmpty())
        return Parse::Error;

    if (parser.isSet(maxEvents)) {
        bool ok = false;
        options.maxEvents = parser.value(maxEvents).toLongLong(&ok);
        if (!ok || options.maxEvents <= 0) {
            message = QStringLiteral("--max-events needs a positive whole number, not '%1'")
                          .arg(parser.value(maxEvents));
            return Parse::Error;
        }
    }
    if (parser.isSet(duration) && !parseSeconds(parser.value(duration), options.durationMs)) {
        message = QStringLiteral("--duration needs a positive number of seconds, not '%1'")
                      .arg(parser.value(duration));
        return Parse::Error;
    }
    if (parser.isSet(idleTimeout) && !parseSeconds(parser.value(idleTimeout), request.idleTimeoutMs)) {
        message = QStringLiteral("--idle-timeout needs a positive number of seconds, not '%1'")
                      .arg(parser.value(idleTimeout));
        return Parse::Error;
    }
    if (parser.isSet(maxRetries)) {
        bool ok = false;
        const int retries = parser.value(maxRetries).toInt(&ok);
        if (!ok || retries < 0) {
            message = QStringLiteral("--max-retries needs a whole number, 0 or more, not '%1'")
                          .arg(parser.value(maxRetries));
            return Parse::Error;
        }
        request.retry.maxAttempts = retries == 0 ? RetrySettings::NoReconnect : retries;
    }
    if (parser.isSet(format)) {
        options.format = parser.value(format).toLower();
        if (!RecordFormat::create(options.format)) {
            message = QStringLiteral("unknown --format '%1'; use %2")
                          .arg(parser.value(format), RecordFormat::names().join(QStringLiteral(" or ")));
            return Parse::Error;
        }
    }
    options.lastEventId = parser.value(lastEventId);
    options.outputPath = parser.value(output);
    options.dbPath = parser.value(db);
    options.source = parser.isSet(source) ? parser.value(source) : displayUrl(request.url);
    request.allowInsecureTls = parser.isSet(insecure);
    options.quiet = parser.isSet(quiet);
    return Parse::Run;
}
