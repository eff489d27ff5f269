// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionprobe.h"

#include "feedhub.h"

ConnectionProbe::ConnectionProbe(QObject *parent)
    : QObject(parent)
{
    m_timeLimit.setSingleShot(true);
    m_timeLimit.setInterval(TimeLimitMs);
    connect(&m_timeLimit, &QTimer::timeout, this, [this] {
        if (m_events.isEmpty() && m_message.isEmpty())
            m_message = QStringLiteral("no events within %1 s").arg(TimeLimitMs / 1000);
        stop();
    });
}

ConnectionProbe::~ConnectionProbe() = default;

void ConnectionProbe::start(const QJsonObject &subscription)
{
    stop();
    QStringList problems;
    Subscription draft = Subscription::parse(subscription, &problems);
    m_events.clear();
    if (!problems.isEmpty()) {
        m_state = QStringLiteral("invalid");
        m_message = problems.first();
        Q_EMIT changed();
        return;
    }
    draft.enabled = true;
    draft.request.retry.maxAttempts = 1; // a test reports the first failure rather than retrying it
    m_state = QStringLiteral("connecting");
    m_message.clear();
    m_hub = std::make_unique<FeedHub>(50);
    connect(m_hub.get(), &FeedHub::statusesChanged, this, [this](const QList<SubscriptionStatus> &statuses) {
        if (statuses.isEmpty())
            return;
        const SubscriptionStatus &status = statuses.first();
        m_state = status.state == EventSource::ReadyState::Open         ? QStringLiteral("open")
                  : status.state == EventSource::ReadyState::Connecting ? QStringLiteral("connecting")
                                                                        : QStringLiteral("closed");
        if (!status.lastError.isEmpty())
            m_message = status.lastError;
        Q_EMIT changed();
    });
    connect(m_hub.get(), &FeedHub::frameArrived, this, [this](const FeedFrame &frame) {
        for (const CapturedEvent &event : frame.log) {
            if (m_events.size() == EventsShown)
                break;
            const QString id = event.event.id.isEmpty() ? QString() : QStringLiteral(" #") + event.event.id;
            m_events << event.event.type + id + QStringLiteral(": ") + event.event.data.left(200);
        }
        Q_EMIT changed();
        if (m_events.size() == EventsShown) {
            m_message = QStringLiteral("connected; the first %1 events arrived").arg(EventsShown);
            stop();
        }
    });
    m_hub->setSubscriptions({draft});
    m_timeLimit.start();
    Q_EMIT changed();
}

void ConnectionProbe::stop()
{
    m_timeLimit.stop();
    if (!m_hub)
        return;
    m_hub.reset();
    Q_EMIT changed();
}
