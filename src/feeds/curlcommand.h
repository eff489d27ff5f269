// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sserequest.h"

#include <QStringList>

// A curl command line as a subscription's request, and a request as a curl command line: what the
// editor's "Paste curl" and "Copy as curl" use. Words are split as a POSIX shell splits them (quotes,
// backslashes, line continuations). Options that shape the request are taken; options that only change
// what curl itself prints or how it talks (-N, -s, -v, --compressed, --http2, …) are let go, since
// EventScope decides those; anything else is named in `notTaken`, never dropped in silence.
namespace CurlCommand {

struct Parsed
{
    SseRequest request;
    QStringList notTaken; // "--retry 3", "-o out.txt", "-d @file": what the subscription cannot carry
    QString error;        // why this is not a curl command EventScope can read; empty when it is
};

Parsed parse(const QString &commandLine);

// The request as one curl command line (-N, the engine's Accept header, the subscription's headers and
// body), each word quoted for a POSIX shell. Secret header values and a password in the URL are masked
// unless `revealSecrets`.
QString format(const SseRequest &request, bool revealSecrets);

} // namespace CurlCommand
