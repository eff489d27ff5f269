// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedpanel.h"

FeedPanel::FeedPanel(const QString &subscriptionId, const QString &kind, QObject *parent)
    : QObject(parent)
    , m_subscriptionId(subscriptionId)
    , m_kind(kind)
{}

void FeedPanel::setTitle(const QString &title)
{
    if (title == m_title)
        return;
    m_title = title;
    Q_EMIT titleChanged();
}

void FeedPanel::setStatus(const QString &state, double eventsPerSecond, const QString &lastError)
{
    if (state == m_state && eventsPerSecond == m_eventsPerSecond && lastError == m_lastError)
        return;
    m_state = state;
    m_eventsPerSecond = eventsPerSecond;
    m_lastError = lastError;
    Q_EMIT statusChanged();
}
