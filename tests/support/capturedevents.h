// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturebackend.h"

#include <QtGlobal>

// What the capture store tests of every backend share: events to store and a way to read them all back.
namespace CapturedEvents {

constexpr qint64 T0 = 1795957262345; // 2026-11-29T13:01:02.345Z

// Event n: id n, received n seconds after T0 unless `receivedMs` says when.
inline CapturedEvent captured(int n, const QString &data, const QString &type = QStringLiteral("message"),
                              const QString &source = QStringLiteral("Feed"), qint64 receivedMs = 0)
{
    CapturedEvent e;
    e.event = {type, data, QString::number(n)};
    e.source = source;
    e.subscription = QStringLiteral("sub-") + source;
    e.receivedMs = receivedMs ? receivedMs : T0 + n * 1000;
    e.seq = quint64(n);
    return e;
}

// Every event the query matches, in the store's order; `total` as the store counted them.
inline QList<CapturedEvent> all(CaptureBackend &store, const CaptureQuery &query = {},
                                qint64 *total = nullptr)
{
    QList<CapturedEvent> out;
    QString error;
    if (!store.query(
            query, total,
            [&](const QList<CapturedEvent> &page) {
                out += page;
                return true;
            },
            &error))
        qWarning("%s", qPrintable(error));
    return out;
}

} // namespace CapturedEvents
