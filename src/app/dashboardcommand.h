// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// `eventscope [--demo] [--profile FILE] [--replay FILE] [--screenshots DIR] [FILE]`: the dashboard window.
// With --demo it serves the demo feeds itself and watches them with the demo profile (kept in memory, never
// saved over the operator's); --screenshots takes a picture of each page into DIR and quits; a FILE is a
// capture to replay. Its --help is the program's, and names the other commands.
namespace DashboardCommand {
int run(int &argc, char **argv);
}
