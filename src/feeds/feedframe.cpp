// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedframe.h"

void PanelFrame::add(PanelRecord &&record)
{
    if (!record.key.isEmpty()) {
        const auto found = m_keyed.constFind(record.key);
        if (found != m_keyed.cend()) {
            records[*found] = std::move(record);
            return;
        }
        m_keyed.insert(record.key, records.size());
        records.append(std::move(record));
        return;
    }
    records.append(std::move(record));
    if (records.size() - m_keyed.size() <= MaxUnkeyedRecords)
        return;
    // Only panels without keys get here (a panel's records are all keyed or none are), so the oldest goes.
    records.removeFirst();
}

void PanelFrame::addText(TextPiece &&piece)
{
    text.append(std::move(piece));
    if (text.size() > MaxTextPieces) {
        text.removeFirst();
        ++textSkipped;
    }
}

void PanelFrame::merge(PanelFrame &&later)
{
    for (PanelRecord &record : later.records)
        add(std::move(record));
    textSkipped += later.textSkipped;
    for (TextPiece &piece : later.text)
        addText(std::move(piece));
    if (later.chart)
        chart = std::move(later.chart);
}

void FeedFrame::addEvent(const CapturedEvent &event, qsizetype maxLogRows)
{
    ++events;
    log.append(event);
    thinLog(maxLogRows);
}

void FeedFrame::addNotification(Notification &&notification)
{
    notifications.append(std::move(notification));
    if (notifications.size() > MaxNotifications) {
        notifications.removeFirst();
        ++notificationsSkipped;
    }
}

void FeedFrame::thinLog(qsizetype rows)
{
    const qsizetype excess = log.size() - std::max<qsizetype>(0, rows);
    if (excess <= 0)
        return;
    log.remove(0, excess);
    logSkipped += excess;
}

void FeedFrame::merge(FeedFrame &&later, qsizetype maxLogRows)
{
    events += later.events;
    logSkipped += later.logSkipped;
    log.append(std::move(later.log));
    thinLog(maxLogRows);
    notificationsSkipped += later.notificationsSkipped;
    for (Notification &notification : later.notifications)
        addNotification(std::move(notification));
    for (auto it = later.panels.begin(); it != later.panels.end(); ++it)
        panels[it.key()].merge(std::move(it.value()));
}
