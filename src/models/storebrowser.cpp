// SPDX-License-Identifier: GPL-3.0-or-later
#include "storebrowser.h"

StoreBrowser::StoreBrowser(QObject *parent)
    : QObject(parent)
    , m_reader(new StoreReader)
{
    m_thread.setObjectName(QStringLiteral("eventscope-store-reader"));
    m_reader->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_reader, &QObject::deleteLater);
    m_events.setCapacity(Limit);
    m_query.newest = Limit;
    m_thread.start();
}

StoreBrowser::~StoreBrowser()
{
    m_thread.stop();
}

void StoreBrowser::open(const QString &location)
{
    if (location != m_location) {
        m_location = location;
        m_stats = {};
        m_sources.clear();
        m_events.clear();
    }
    read();
}

void StoreBrowser::search(const QString &text, const QString &source)
{
    m_query.text = text;
    m_query.sources = source.isEmpty() ? QStringList() : QStringList{source};
    read();
}

void StoreBrowser::refresh()
{
    read();
}

void StoreBrowser::read()
{
    if (m_location.isEmpty())
        return;
    const quint64 request = ++m_pending;
    const QString location = m_location;
    const CaptureQuery query = m_query;
    QMetaObject::invokeMethod(m_reader, [this, request, location, query, reader = m_reader] {
        const StoreAnswer answer = reader->read(location, query);
        // Queued to this object's thread; dropped by Qt if the browser is gone by then.
        QMetaObject::invokeMethod(this, [this, request, answer] { take(request, answer); });
    });
    Q_EMIT changed();
}

void StoreBrowser::take(quint64 request, const StoreAnswer &answer)
{
    if (request <= m_answered)
        return;
    m_answered = request;
    if (request == m_pending) { // only the newest read's answer is shown
        m_problem = answer.error;
        if (answer.error.isEmpty()) {
            m_stats = answer.stats;
            m_sources = answer.sources;
            // The store's seq numbers repeat across sessions and agents; the page selects by row.
            QList<CapturedEvent> shown = answer.events;
            quint64 seq = 0;
            for (CapturedEvent &event : shown)
                event.seq = ++seq;
            m_events.clear();
            m_events.append(shown);
        }
    }
    Q_EMIT changed();
    Q_EMIT answered();
}

QList<CapturedEvent> StoreBrowser::shownEvents() const
{
    QList<CapturedEvent> events;
    events.reserve(m_events.rowCount());
    for (int row = 0; row < m_events.rowCount(); ++row)
        events.append(m_events.at(row));
    return events;
}
