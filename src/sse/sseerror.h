// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

// A failure of an event stream as a value: what kind it is, a message a person can act on, and whether the
// source will try again. Shown in the subscription's status, printed by the CLI, logged; never dropped.
struct SseError
{
    enum class Kind {
        Request,     // the request itself is unusable (bad URL, unsupported scheme)
        Network,     // connection refused, reset, DNS failure, dropped stream
        HttpStatus,  // a status other than 200
        ContentType, // 200 but not text/event-stream
        Protocol,    // the stream broke the event-stream format
        Timeout,     // nothing arrived, not even a heartbeat, within the idle timeout
        Limit,       // a line or event larger than the configured maximum
        Tls,         // certificate or handshake failure (fails closed)
    };

    Kind kind = Kind::Network;
    QString message;
    int httpStatus = 0;
    bool permanent = false; // true: the source closed and will not reconnect

    static QString kindName(Kind kind);
    QString toString() const; // "<kind>: <message>", the form logs and the CLI print
};

Q_DECLARE_METATYPE(SseError)
