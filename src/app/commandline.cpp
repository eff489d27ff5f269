// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include <QCoreApplication>

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
        // Qt's usage line names the program as it was started; this one names the command as typed.
        const QString started = QStringLiteral("Usage: ") + QCoreApplication::arguments().value(0);
        message = parser.helpText();
        if (message.startsWith(started))
            message.replace(0, started.size(), QStringLiteral("Usage: ") + arguments.value(0));
        return Parse::Help;
    }
    if (!takesArguments && !parser.positionalArguments().isEmpty()) {
        message = QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first());
        return Parse::Error;
    }
    return Parse::Run;
}
