// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpresponse.h"

QByteArray HttpResponse::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 413:
        return "Content Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return status < 500 ? "Client Error" : "Server Error";
    }
}

QByteArray HttpResponse::head(int status, const Headers &headers, qsizetype bodyLength, bool close)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    out += "Access-Control-Allow-Origin: *\r\n";
    out += bodyLength >= 0 ? "Content-Length: " + QByteArray::number(bodyLength) + "\r\n"
                           : QByteArray("Transfer-Encoding: chunked\r\n");
    out += close ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    return out;
}

QByteArray HttpResponse::text(int status, const QByteArray &message, bool close, const Headers &extra)
{
    const QByteArray body = message + '\n';
    Headers headers = extra;
    headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("text/plain; charset=utf-8")));
    return head(status, headers, body.size(), close) + body;
}

QByteArray HttpResponse::chunk(const QByteArray &data)
{
    if (data.isEmpty())
        return {}; // an empty chunk would end the body
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

QByteArray HttpResponse::lastChunk()
{
    return QByteArrayLiteral("0\r\n\r\n");
}
