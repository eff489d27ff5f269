// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The CLI's voice on stderr: one line each, prefixed with the program name, so stdout stays pure data; or,
// for a log collector, one JSON object a line: {"time", "command", "level": "info"|"error", "message"}.
namespace Console {
void status(const QString &command, const QString &message); // "eventscope capture: open"
void error(const QString &command, const QString &message);  // "eventscope capture: error: …"
void setJsonLines(bool json);
} // namespace Console
