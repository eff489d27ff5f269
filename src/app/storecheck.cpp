// SPDX-License-Identifier: GPL-3.0-or-later
#include "storecheck.h"

#include "console.h"
#include "exitcode.h"
#include "postgrescapturebackend.h"

std::optional<int> refuseUnusableStore(const QString &command, const QString &db)
{
    if (!PostgresCaptureBackend::isUrl(db))
        return std::nullopt;
    if (const QString problem = PostgresCaptureBackend::problemWith(db); !problem.isEmpty()) {
        Console::error(command, problem);
        return ExitUsage;
    }
    PostgresCaptureBackend probe(db);
    QString error;
    if (!probe.open(&error)) {
        Console::error(command, error);
        return ExitConnection;
    }
    return std::nullopt;
}
