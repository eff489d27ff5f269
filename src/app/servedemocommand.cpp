// SPDX-License-Identifier: GPL-3.0-or-later
#include "servedemocommand.h"

#include "commandline.h"
#include "console.h"
#include "demoserver.h"
#include "exitcode.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

namespace {

const QString Command = QStringLiteral("serve-demo");

bool parse(const QStringList &arguments, DemoServerOptions &options, QString &message)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serves the demo SSE feeds (stocks, IoT, job progress, notifications, bench) until stopped."));
    const QCommandLineOption help = CommandLine::helpOption();
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("TCP port; 0 picks a free one (default 8080)."),
                                  QStringLiteral("N"), QStringLiteral("8080"));
    const QCommandLineOption bind(
        QStringLiteral("bind"), QStringLiteral("Address to listen on (default 127.0.0.1; 0.0.0.0 for all)."),
        QStringLiteral("ADDR"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption heartbeat(QStringLiteral("heartbeat"),
                                       QStringLiteral("Seconds between heartbeat comments (default 15)."),
                                       QStringLiteral("SECONDS"), QStringLiteral("15"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of the simulated data."),
                                  QStringLiteral("N"));
    parser.addOptions({help, port, bind, heartbeat, seed});
    switch (CommandLine::parse(parser, help, QStringList{QStringLiteral("eventscope serve-demo")} + arguments,
                               message)) {
    case CommandLine::Parse::Help:
        std::fputs(qPrintable(message), stdout);
        std::exit(ExitOk);
    case CommandLine::Parse::Error:
        return false;
    case CommandLine::Parse::Run:
        break;
    }
    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535) {
        message = QStringLiteral("--port needs a number from 0 to 65535, not '%1'").arg(parser.value(port));
        return false;
    }
    options.port = quint16(portNumber);
    if (!options.address.setAddress(parser.value(bind))) {
        message = QStringLiteral("--bind needs an IP address, not '%1'").arg(parser.value(bind));
        return false;
    }
    const double seconds = parser.value(heartbeat).toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 3600) {
        message =
            QStringLiteral("--heartbeat needs seconds from 0 to 3600, not '%1'").arg(parser.value(heartbeat));
        return false;
    }
    options.heartbeatMs = qMax(1, int(seconds * 1000));
    if (parser.isSet(seed)) {
        options.seed = parser.value(seed).toUInt(&ok);
        if (!ok) {
            message = QStringLiteral("--seed needs a whole number, not '%1'").arg(parser.value(seed));
            return false;
        }
    }
    return true;
}

} // namespace

int ServeDemoCommand::run(const QStringList &arguments)
{
    DemoServerOptions options;
    QString message;
    if (!parse(arguments, options, message)) {
        Console::error(Command, message + QStringLiteral(" (see eventscope serve-demo --help)"));
        return ExitUsage;
    }
    DemoServer server(options);
    if (!server.listen(&message)) {
        Console::error(Command, message);
        return ExitFailure;
    }
    std::printf("EventScope demo server on %s\n", qPrintable(server.url().toString()));
    for (const QString &url : server.feedUrls())
        std::printf("  %s\n", qPrintable(url));
    std::fflush(stdout);
    return QCoreApplication::exec();
}
