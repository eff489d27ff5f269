// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturedevent.h"

#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

// Which captured events an export or a query wants: a time range, sources, event types and a text that
// the data, type, id or source contains (all optional; empty means any).
struct CaptureQuery
{
    qint64 sinceMs = 0;  // inclusive; 0: from the start
    qint64 untilMs = 0;  // exclusive; 0: to the end
    QStringList sources; // subscription names
    QStringList types;
    QString text;
    qint64 newest = 0; // above 0: only the last this many matches (still handed on in capture order)
};

// How much the store may keep: events older than maxAgeDays go, and the oldest go while the store holds
// more than maxBytes. Zero means no limit of that kind.
struct RetentionPolicy
{
    int maxAgeDays = 30;
    qint64 maxBytes = qint64(1) << 30; // 1 GiB
};

// A subscription as the store remembers it, so an export can say what a source was. Its request headers
// are never recorded: secrets stay out of the store and out of every export made from it.
struct CapturedSubscription
{
    QString id;
    QString name;
    QString url;
    QString panel;
};

// What the store holds, for the status bar and the CLI.
struct CaptureStats
{
    qint64 events = 0;
    qint64 bytes = 0; // in use, free pages left out
    qint64 oldestMs = 0;
    qint64 newestMs = 0;
};

// Where captured events are kept: a SQLite file (SqliteCaptureBackend) or a PostgreSQL database
// (PostgresCaptureBackend); nothing outside a backend writes SQL. captureBackendFor() picks one by location.
class CaptureBackend
{
public:
    virtual ~CaptureBackend() = default;

    // Opens (creating if need be) and checks the store; false with a message that names the file and why.
    virtual bool open(QString *error) = 0;
    virtual QString location() const = 0;
    // A capture session: one run of the application or the CLI. Returns its id, or -1.
    virtual qint64 beginSession(const QString &label, qint64 startedMs, QString *error) = 0;
    // Stores a batch in one transaction: all of it or, on error, none.
    virtual bool append(qint64 session, const QList<CapturedEvent> &events, QString *error) = 0;
    // Remembers (or updates) the subscriptions events come from.
    virtual bool recordSubscriptions(const QList<CapturedSubscription> &subscriptions, qint64 nowMs,
                                     QString *error) = 0;
    virtual QList<CapturedSubscription> subscriptions(QString *error) = 0;
    virtual bool applyRetention(const RetentionPolicy &policy, qint64 nowMs, QString *error) = 0;
    // What applies until the owner sets a policy: an embedded store keeps itself in bounds; a shared one
    // keeps everything, since what it may drop is for its operators to say, not for every writer.
    virtual RetentionPolicy defaultRetention() const { return {}; }
    virtual std::optional<CaptureStats> stats(QString *error) = 0;
    // The matching events in capture order, handed to `sink` a page at a time so memory stays flat;
    // `sink` returns false to stop. `total`, when given, is set to the number of matches first.
    virtual bool query(const CaptureQuery &query, qint64 *total,
                       const std::function<bool(const QList<CapturedEvent> &)> &sink, QString *error) = 0;

protected:
    // Hands `events` on to `sink` `pageSize` at a time, as query() promises, until it says stop.
    static void handOnInPages(const QList<CapturedEvent> &events, qsizetype pageSize,
                              const std::function<bool(const QList<CapturedEvent> &)> &sink)
    {
        for (qsizetype start = 0; start < events.size(); start += pageSize) {
            if (!sink(events.mid(start, pageSize)))
                return;
        }
    }
};

// The backend for a `--db` value: a postgresql:// or postgres:// URL, or else a SQLite file's path.
std::unique_ptr<CaptureBackend> captureBackendFor(const QString &location);

// Why `location` cannot be read as an existing store, said before trying: a SQLite path with no file there
// (reading must not create an empty store where a path was mistyped) or a PostgreSQL URL holding a
// password. Empty when it may be opened.
QString problemReadingStore(const QString &location);
