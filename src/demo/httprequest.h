// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMap>
#include <QUrlQuery>

// One HTTP/1.1 request as the demo server needs it.
struct HttpRequest
{
    QByteArray method;
    QByteArray path;
    QUrlQuery query;
    QMap<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
    bool keepAlive = true;

    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
};
