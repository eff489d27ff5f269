#include "capturecommand.h"
#include "exitcode.h"
#include "servedemocommand.h"

#include <QCoreApplication>
#include <cstdio>

namespace {

const char Usage[] =
    "usage: eventscope <command> [options]\n"
    "\n"
    "commands:\n"
    "  capture URL [options]   print the events of a stream as NDJSON or CSV\n"
    "  serve-demo [options]    serve the demo feeds (stocks, IoT, progress, notifications)\n"
    "  --demo                  the dashboard with the demo feeds (the dashboard is pending;\n"
    "                          for now this serves the demo feeds on a free port)\n"
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
    if (command == "serve-demo") {
        QCoreApplication app(argc, argv);
        return ServeDemoCommand::run(app.arguments().mid(2));
    }
    if (command == "--demo") {
        // Until the dashboard lands, --demo runs what exists: the demo feeds, on a free port.
        QCoreApplication app(argc, argv);
        return ServeDemoCommand::run({QStringLiteral("--port"), QStringLiteral("0")});
    }
    if (command == "--help" || command == "-h" || command == "help") {
        std::fputs(Usage, stdout);
        return ExitOk;
    }
    if (command == "--version") {
        std::printf("eventscope %s\n", PROJECT_VERSION);
        return ExitOk;
    }
    std::fprintf(
        stderr, "eventscope: %s\n%s",
        command.isEmpty()
            ? "the dashboard is not built yet; use a command"
            : qPrintable(QStringLiteral("unknown command '%1'").arg(QString::fromLocal8Bit(command))),
        Usage);
    return ExitUsage;
}
