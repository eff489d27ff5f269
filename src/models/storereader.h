// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturebackend.h"

#include <QObject>
#include <memory>

// What one read of a capture store found: how much it holds, the sources it knows, the newest matching
// events (oldest first), or why it could not say.
struct StoreAnswer
{
    QString error; // one line; empty when the read succeeded
    CaptureStats stats;
    QStringList sources;
    QList<CapturedEvent> events;
};

// Reads a capture store (a SQLite file or a PostgreSQL database) for the Store page, on a thread of its
// own: a distant or restarting database then costs the window nothing. It keeps its connection between
// reads, and a new location replaces it.
class StoreReader : public QObject
{
    Q_OBJECT

public:
    // Opens `location` unless it is the one already open, then answers `query`.
    StoreAnswer read(const QString &location, const CaptureQuery &query);

private:
    std::unique_ptr<CaptureBackend> m_backend;
};
