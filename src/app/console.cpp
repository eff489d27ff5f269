// SPDX-License-Identifier: GPL-3.0-or-later
#include "console.h"

#include <cstdio>

namespace {

void writeLine(const QString &line)
{
    const QByteArray bytes = line.toLocal8Bit() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace

void Console::status(const QString &command, const QString &message)
{
    writeLine(QStringLiteral("eventscope ") + command + QStringLiteral(": ") + message);
}

void Console::error(const QString &command, const QString &message)
{
    writeLine(QStringLiteral("eventscope ") + command + QStringLiteral(": error: ") + message);
}
