// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// `eventscope serve-demo`: the demo feeds served headless until the process is stopped.
namespace ServeDemoCommand {
// Runs the command on the arguments after "serve-demo" and returns the process exit code.
int run(const QStringList &arguments);
} // namespace ServeDemoCommand
