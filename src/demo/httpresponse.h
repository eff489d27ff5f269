// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

// Builds HTTP/1.1 response heads and whole responses for the demo server.
namespace HttpResponse {

using Headers = QList<QPair<QByteArray, QByteArray>>;

QByteArray reasonPhrase(int status);
// A head for a body of known length, or for a chunked stream (bodyLength < 0).
QByteArray head(int status, const Headers &headers, qsizetype bodyLength, bool close);
// Chunked transfer coding (RFC 9112 7.1), how streams are framed: a stream that ends says so with the last
// chunk, and a dropped one is told apart from it.
QByteArray chunk(const QByteArray &data);
QByteArray lastChunk();
// A short text/plain response, the way every error is answered.
QByteArray text(int status, const QByteArray &message, bool close, const Headers &extra = {});

} // namespace HttpResponse
