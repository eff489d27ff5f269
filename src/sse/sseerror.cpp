// SPDX-License-Identifier: GPL-3.0-or-later
#include "sseerror.h"

QString SseError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Request:
        return QStringLiteral("request");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::HttpStatus:
        return QStringLiteral("http status");
    case Kind::ContentType:
        return QStringLiteral("content type");
    case Kind::Protocol:
        return QStringLiteral("protocol");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Limit:
        return QStringLiteral("limit");
    case Kind::Tls:
        return QStringLiteral("tls");
    }
    return QStringLiteral("unknown");
}

QString SseError::toString() const
{
    return kindName(kind) + QStringLiteral(" error: ") + message;
}
