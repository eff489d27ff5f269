// SPDX-License-Identifier: GPL-3.0-or-later
#include "feeddigester.h"

#include "m4decimator.h"

#include <QJsonDocument>

namespace {

QJsonObject objectOf(const QString &data)
{
    // Only what looks like an object is worth a parse: most non-JSON feeds fail on the first character.
    const qsizetype start = data.indexOf(QLatin1Char('{'));
    if (start < 0 || !data.left(start).trimmed().isEmpty())
        return {};
    return QJsonDocument::fromJson(data.toUtf8()).object();
}

QString breachBody(const ThresholdMonitor::Breach &breach)
{
    if (breach.rule.kind != ThresholdRule::Kind::ChangePercent)
        return QStringLiteral("%1 is %2 (limit %3).")
            .arg(breach.series)
            .arg(breach.value)
            .arg(breach.rule.limit);
    const double change = (breach.value - breach.baseline) / breach.baseline * 100.0;
    return QStringLiteral("%1 is %2, %3%4 % from %5.")
        .arg(breach.series)
        .arg(breach.value)
        .arg(change > 0 ? QStringLiteral("+") : QString())
        .arg(change, 0, 'f', 2)
        .arg(breach.baseline);
}

QString text(const std::optional<QJsonValue> &value)
{
    return value ? value->toVariant().toString() : QString();
}

} // namespace

FeedDigester::FeedDigester(const Subscription &subscription)
{
    setSubscription(subscription);
}

void FeedDigester::setSubscription(const Subscription &subscription)
{
    if (subscription.panel != m_subscription.panel)
        m_history = {};
    m_subscription = subscription;
    m_monitor.setRules(subscription.rules);
    m_chartStale = true;
}

void FeedDigester::setChartView(const ChartView &view)
{
    if (view == m_view)
        return;
    m_view = view;
    m_chartStale = true;
    m_lastChartMs = 0; // a new view is drawn at once
}

void FeedDigester::digest(const CapturedEvent &event, FeedFrame &frame)
{
    PanelRecord record{event, objectOf(event.event.data), {}, {}, {}};
    record.notification = Notification::fromEvent(event, record.object);
    if (record.notification)
        frame.addNotification(Notification(*record.notification));
    record.sample = m_subscription.mapping.extractFromJson(record.object, event.receivedMs);
    if (record.sample) {
        for (const ThresholdMonitor::Breach &breach : m_monitor.check(*record.sample))
            frame.addNotification({breach.rule.severity, event.receivedMs, event.source, event.subscription,
                                   breach.rule.describe(breach.series), breachBody(breach), false,
                                   // one rule, however many series break it, is one stream of alerts
                                   event.subscription + QLatin1Char('\x1f') + breach.rule.describe(),
                                   breach.rule.notify});
        if (charts()) {
            m_history.add(*record.sample);
            m_chartStale = true;
        }
    }
    if (m_subscription.panel == Subscription::Panel::Text) {
        frame.panels[event.subscription].addText(textPieceOf(record));
        return;
    }
    if (!wantsRecord(record))
        return;
    record.key = keyOf(record);
    frame.panels[event.subscription].add(std::move(record));
}

TextPiece FeedDigester::textPieceOf(const PanelRecord &record) const
{
    const Subscription::MessageEnd &end = m_subscription.messageEnd;
    const SseEvent &event = record.event.event;
    if (!end.data.isEmpty() && event.data.trimmed() == end.data)
        return {{}, true, record.event.receivedMs};
    const bool ends = !end.eventType.isEmpty() && event.type == end.eventType;
    const QString &pointer = m_subscription.mapping.value;
    // A chunk without the pointed-to text (a role or finish chunk) adds nothing; a pointer to a number
    // adds it as text.
    return {pointer.isEmpty() ? event.data : text(FieldMapping::resolve(record.object, pointer)), ends,
            record.event.receivedMs};
}

bool FeedDigester::charts() const
{
    const Subscription::Panel panel = m_subscription.panel;
    return panel == Subscription::Panel::Stock || panel == Subscription::Panel::IoT ||
           panel == Subscription::Panel::Chart;
}

bool FeedDigester::wantsRecord(const PanelRecord &record) const
{
    switch (m_subscription.panel) {
    case Subscription::Panel::Stock:
        return record.sample.has_value();
    case Subscription::Panel::IoT:
    case Subscription::Panel::Progress:
        return !record.object.isEmpty();
    case Subscription::Panel::Notifications:
        return record.notification.has_value();
    case Subscription::Panel::Chart:
    case Subscription::Panel::Text:
        return false; // its charts, or its transcript, are all it shows
    case Subscription::Panel::Raw:
        break;
    }
    return true;
}

QString FeedDigester::keyOf(const PanelRecord &record) const
{
    switch (m_subscription.panel) {
    case Subscription::Panel::Stock:
        return record.sample->series; // one row per symbol: the newest quote stands for the others
    case Subscription::Panel::IoT: {
        // A device's status, or one reading per device and sensor.
        const QStringList &keys = m_subscription.mapping.seriesKey;
        QString key = record.event.event.type;
        for (const QString &pointer : keys)
            key += QLatin1Char('\x1f') + text(FieldMapping::resolve(record.object, pointer));
        return key;
    }
    case Subscription::Panel::Progress:
        return text(record.object.value(QLatin1String("job")));
    default:
        return {}; // every record counts: notifications and raw events
    }
}

std::optional<ChartFrame> FeedDigester::chartFrame(qint64 nowMs)
{
    if (!charts())
        return {};
    const qint64 windowMs = qint64(m_view.windowMinutes) * 60000;
    const qint64 stepMs = windowMs / XSteps;
    // The range ends at the next step: labels and grid stay put until time reaches it.
    const qint64 toMs = (nowMs / stepMs + 1) * stepMs;
    const bool moved = toMs != m_lastToMs && !m_view.shown.isEmpty();
    if (!m_chartStale && !moved)
        return {};
    // New points alone wait until the line could have moved by a pixel column (a minute over 270 pixels
    // is 222 ms), and a second at most: redrawing a chart sooner shows nothing new for its cost.
    const qint64 columnMs = std::min<qint64>(MaxColumnWaitMs, windowMs / std::max(1, m_view.columns));
    if (!moved && nowMs - m_lastChartMs < columnMs)
        return {};
    m_chartStale = false;
    m_lastToMs = toMs;
    m_lastChartMs = nowMs;
    m_history.trim(nowMs);

    ChartFrame frame{toMs - windowMs, toMs, m_history.names(), {}};
    for (const QString &name : frame.names) {
        const QList<QPointF> &points = m_history.points(name);
        SeriesFrame &series = frame.series[name];
        series.held = points.size();
        series.latest = points.isEmpty() ? qQNaN() : points.constLast().y();
        if (m_view.shown.contains(name))
            series.points =
                M4Decimator::decimate(points, double(frame.fromMs), double(frame.toMs), m_view.columns);
    }
    return frame;
}
