// SPDX-License-Identifier: GPL-3.0-or-later
#include "notificationfeed.h"

namespace {

struct Template
{
    const char *level;
    const char *title;
    const char *body; // %1: a host or service name, %2: a number
};

constexpr Template Templates[] = {
    {"info", "Deployment finished", "%1 rolled out to 100% of instances in %2 s."},
    {"info", "Backup completed", "Nightly backup of %1 finished; %2 GB written."},
    {"info", "Scaled out", "%1 added %2 instances to meet demand."},
    {"info", "Certificate renewed", "TLS certificate for %1 renewed; valid for %2 days."},
    {"warning", "Disk usage high", "%1 data volume is %2% full."},
    {"warning", "Slow responses", "p95 latency of %1 is %2% above its objective."},
    {"warning", "Certificate expires soon", "TLS certificate for %1 expires in %2 days."},
    {"critical", "Service down", "%1 failed %2 health checks in a row."},
    {"critical", "Error rate above threshold", "%1 returns errors for %2% of requests."},
};

const char *const Hosts[] = {"api-gateway", "db-primary", "search-01", "billing",
                             "auth",        "cache-eu",   "ingest"};

} // namespace

NotificationFeed::NotificationFeed(double eventsPerSecond, quint32 seed)
    : m_pacer(eventsPerSecond)
    , m_random(seed)
{}

void NotificationFeed::advance(qint64 nowMs, QList<SseEvent> &out)
{
    // Weights: info 70 %, warning 22 %, critical 8 %, spread over the templates of each level.
    std::discrete_distribution<int> pick({17.5, 17.5, 17.5, 17.5, 7.33, 7.33, 7.34, 4, 4});
    std::uniform_int_distribution<int> host(0, int(std::size(Hosts)) - 1);
    std::uniform_int_distribution<int> number(2, 97);
    for (int due = m_pacer.due(nowMs); due > 0; --due) {
        const Template &t = Templates[pick(m_random)];
        const QString body =
            QString::fromUtf8(t.body).arg(QString::fromUtf8(Hosts[host(m_random)])).arg(number(m_random));
        out.append(
            jsonEvent(QStringLiteral("notification"), {{QStringLiteral("level"), QString::fromUtf8(t.level)},
                                                       {QStringLiteral("title"), QString::fromUtf8(t.title)},
                                                       {QStringLiteral("body"), body},
                                                       {QStringLiteral("time"), isoTime(nowMs)}}));
    }
}
