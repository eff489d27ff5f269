// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

// What every command's option parsing starts with: the options themselves, --help, and no stray words
// unless the command takes some.
namespace CommandLine {

enum class Parse { Run, Help, Error };

QCommandLineOption helpOption();

// `arguments` begin with the command as a user names it ("eventscope export"). On Help `message` is the
// help text, on Error the reason.
Parse parse(QCommandLineParser &parser, const QCommandLineOption &help, const QStringList &arguments,
            QString &message, bool takesArguments = false);

} // namespace CommandLine
