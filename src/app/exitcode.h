// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Process exit codes of the CLI commands (DESIGN.md: usage errors 2, connection failures 3).
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1,    // a local failure: output could not be written
    ExitUsage = 2,      // wrong arguments, unreadable input file
    ExitConnection = 3, // the stream failed for good
};
