// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

QCommandLineOption CommandLine::helpOption()
{
    return QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                              QStringLiteral("Show this help."));
}

CommandLine::Parse CommandLine::parse(QCommandLineParser &parser, const QCommandLineOption &help,
                                      const QStringList &arguments, QString &message, bool takesArguments)
{
    if (!parser.parse(arguments)) {
        message = parser.errorText();
        return Parse::Error;
    }
    if (parser.isSet(help)) {
        // Qt's usage line names the program as it was started (or, before there is an application
        // object, "<executable_name>"); this one names the command as typed.
        message = parser.helpText();
        const QString usage = QStringLiteral("Usage: ");
        const qsizetype programEnd = message.indexOf(QLatin1Char(' '), usage.size());
        if (message.startsWith(usage) && programEnd > 0)
            message.replace(usage.size(), programEnd - usage.size(), arguments.value(0));
        return Parse::Help;
    }
    if (!takesArguments && !parser.positionalArguments().isEmpty()) {
        message = QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first());
        return Parse::Error;
    }
    return Parse::Run;
}
