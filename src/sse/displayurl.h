// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

// A URL as EventScope shows, logs, stores and exports it: a password in it reads "••••" (the user name
// stays, so the operator still sees which account). Only the request itself keeps the password, to send
// it as Basic authentication.
QString displayUrl(const QUrl &url);
