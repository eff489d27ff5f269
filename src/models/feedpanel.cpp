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
