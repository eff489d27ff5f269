// SPDX-License-Identifier: GPL-3.0-or-later
#include "storereader.h"

StoreAnswer StoreReader::read(const QString &location, const CaptureQuery &query)
{
    StoreAnswer answer;
    if (!m_backend || m_backend->location() != location) {
        m_backend.reset();
        answer.error = problemReadingStore(location);
        if (!answer.error.isEmpty())
            return answer;
        std::unique_ptr<CaptureBackend> backend = captureBackendFor(location);
        if (!backend->open(&answer.error))
            return answer;
        m_backend = std::move(backend);
    }
    const std::optional<CaptureStats> stats = m_backend->stats(&answer.error);
    if (!stats)
        return answer;
    answer.stats = *stats;
    const QList<CapturedSubscription> subscriptions = m_backend->subscriptions(&answer.error);
    if (!answer.error.isEmpty())
        return answer;
    for (const CapturedSubscription &subscription : subscriptions) {
        if (!answer.sources.contains(subscription.name))
            answer.sources.append(subscription.name);
    }
    answer.sources.sort(Qt::CaseInsensitive);
    m_backend->query(
        query, nullptr,
        [&](const QList<CapturedEvent> &page) {
            answer.events += page;
            return true;
        },
        &answer.error);
    return answer;
}
