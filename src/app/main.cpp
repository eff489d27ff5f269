// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturecommand.h"
#include "dashboardcommand.h"
#include "exitcode.h"
#include "exportcommand.h"
#include "servedemocommand.h"

#include <QCoreApplication>
#include <cstdio>

namespace {

const char Usage[] = "usage: eventscope [--demo | --profile FILE] [--replay FILE] [--screenshots DIR]\n"
                     "       eventscope <command> [options]\n"
                     "\n"
                     "  (no command)            the dashboard with the subscriptions of your profile\n"
                     "  --demo                  the dashboard watching its own demo feeds\n"
                     "  --profile FILE          the dashboard with the subscriptions in FILE\n"
                     "  --replay FILE           also replay an NDJSON or .sse capture into the dashboard\n"
                     "\n"
                     "commands:\n"
                     "  capture URL [options]   print the events of a stream as NDJSON or CSV\n"
                     "  serve-demo [options]    serve the demo feeds (stocks, IoT, progress, notifications)\n"
                     "  export [options]        write captured events as NDJSON, CSV, JSON or .sse\n"
                     "\n"
                     "Run 'eventscope <command> --help' for a command's options.\n";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("eventscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("EventScope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    const QByteArray command = argc > 1 ? QByteArray(argv[1]) : QByteArray();
    if (command == "capture") {
        QCoreApplication app(argc, argv);
        return CaptureCommand::run(app.arguments().mid(2));
    }
    if (command == "export") {
        QCoreApplication app(argc, argv);
        return ExportCommand::run(app.arguments().mid(2));
    }
    if (command == "serve-demo") {
        QCoreApplication app(argc, argv);
        return ServeDemoCommand::run(app.arguments().mid(2));
    }
    if (command == "--help" || command == "-h" || command == "help") {
        std::fputs(Usage, stdout);
        return ExitOk;
    }
    if (command == "--version") {
        std::printf("eventscope %s\n", PROJECT_VERSION);
        return ExitOk;
    }
    if (command.isEmpty() || command.startsWith("--"))
        return DashboardCommand::run(argc, argv);
    std::fprintf(stderr, "eventscope: unknown command '%s'\n%s", command.constData(), Usage);
    return ExitUsage;
}
