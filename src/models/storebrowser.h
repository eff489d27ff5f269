// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backgroundthread.h"
#include "eventlogmodel.h"
#include "storereader.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

// The Store page's engine: browses a capture store, the dashboard's own SQLite file or a shared PostgreSQL
// database that agents keep writing, by searching it for the newest matching events. Every read runs on
// the reader's thread; a read overtaken by a newer one is dropped when it arrives. A store that cannot be
// read says why in one line (`problem`) and the events last shown stay.
class StoreBrowser : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString location READ location NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString problem READ problem NOTIFY changed)
    Q_PROPERTY(double storedCount READ storedCount NOTIFY changed)
    Q_PROPERTY(double oldestMs READ oldestMs NOTIFY changed)
    Q_PROPERTY(double newestMs READ newestMs NOTIFY changed)
    Q_PROPERTY(QStringList sources READ sources NOTIFY changed)
    Q_PROPERTY(EventLogModel *events READ events CONSTANT)
    Q_PROPERTY(int limit READ limit CONSTANT)

public:
    static constexpr int Limit = 5000; // events shown per search: the newest that match

    explicit StoreBrowser(QObject *parent = nullptr);
    ~StoreBrowser() override; // waits for a read under way

    QString location() const { return m_location; }
    bool busy() const { return m_pending > m_answered; }
    QString problem() const { return m_problem; }
    double storedCount() const { return double(m_stats.events); }
    double oldestMs() const { return double(m_stats.oldestMs); }
    double newestMs() const { return double(m_stats.newestMs); }
    QStringList sources() const { return m_sources; }
    EventLogModel *events() { return &m_events; }
    int limit() const { return Limit; }

    // Browses `location` (a SQLite file's path or a postgresql:// URL) from now on, searching it anew.
    Q_INVOKABLE void open(const QString &location);
    // The newest events (up to `limit`) whose data, type, id or source contains `text`, from `source`
    // (empty: any).
    Q_INVOKABLE void search(const QString &text, const QString &source);
    // The same search again: what agents wrote since.
    Q_INVOKABLE void refresh();

    // What the page shows, oldest first, for a replay.
    QList<CapturedEvent> shownEvents() const;

Q_SIGNALS:
    void changed();
    void answered(); // a read finished (whether or not it succeeded)

private:
    void read();
    void take(quint64 request, const StoreAnswer &answer);

    BackgroundThread m_thread;
    StoreReader *m_reader;
    QString m_location;
    CaptureQuery m_query;
    quint64 m_pending = 0;  // reads asked for
    quint64 m_answered = 0; // the newest read taken or overtaken
    QString m_problem;
    CaptureStats m_stats;
    QStringList m_sources;
    EventLogModel m_events;
};
