// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// `eventscope export`: the events of a capture store, chosen by time, source, type and text, written as
// NDJSON, CSV, a JSON array or a `.sse` stream to a file or stdout.
namespace ExportCommand {
int run(const QStringList &arguments);
}
