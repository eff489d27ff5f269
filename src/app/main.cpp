// SPDX-License-Identifier: GPL-3.0-or-later
#include "aboutinfo.h"
#include "agentcommand.h"
#include "capturecommand.h"
#include "dashboardcommand.h"
#include "exitcode.h"
#include "exportcommand.h"
#include "servedemocommand.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <cstdio>

namespace {

// What is not a command is the dashboard's: its options, or a capture file to replay.
bool isDashboardArgument(const QByteArray &argument)
{
    return argument.isEmpty() || argument.startsWith('-') || argument.contains('/') ||
           argument.contains('.') || QFileInfo::exists(QString::fromLocal8Bit(argument));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("eventscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("EventScope"));
    QCoreApplication::setApplicationVersion(AboutInfo::version());

    const QByteArray command = argc > 1 ? QByteArray(argv[1]) : QByteArray();
    if (command == "capture") {
        QCoreApplication app(argc, argv);
        return CaptureCommand::run(app.arguments().mid(2));
    }
    if (command == "export") {
        QCoreApplication app(argc, argv);
        return ExportCommand::run(app.arguments().mid(2));
    }
    if (command == "agent") {
        QCoreApplication app(argc, argv);
        return AgentCommand::run(app.arguments().mid(2));
    }
    if (command == "serve-demo") {
        QCoreApplication app(argc, argv);
        return ServeDemoCommand::run(app.arguments().mid(2));
    }
    if (command == "help") {
        char helpOption[] = "--help";
        char *helpArguments[] = {argv[0], helpOption, nullptr};
        int helpCount = 2;
        return DashboardCommand::run(helpCount, helpArguments);
    }
    if (isDashboardArgument(command))
        return DashboardCommand::run(argc, argv);
    std::fprintf(stderr, "eventscope: unknown command '%s' (eventscope --help lists them)\n",
                 command.constData());
    return ExitUsage;
}
