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
        message = parser.helpText();
        return Parse::Help;
    }
    if (!takesArguments && !parser.positionalArguments().isEmpty()) {
        message = QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first());
        return Parse::Error;
    }
    return Parse::Run;
}
