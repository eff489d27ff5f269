// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <optional>

// Before a command records into a PostgreSQL capture store: a password in the URL is a usage error (exit
// 2), a server that cannot be reached or refuses the login a connection failure (exit 3), each said in
// one line before any event is read. Nothing for a SQLite file, which the store itself reports on.
std::optional<int> refuseUnusableStore(const QString &command, const QString &db);
