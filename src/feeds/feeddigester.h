// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedframe.h"
#include "serieshistory.h"
#include "subscription.h"
#include "thresholdmonitor.h"

// One subscription's per-event work, done on FeedHub's worker: the event's JSON parsed once, the mapped
// sample, threshold rules, the notification it carries, the record its panel needs (a newer one replacing
// an older of the same key) and the chart history, so the GUI receives frames ready to apply.
class FeedDigester
{
public:
    static constexpr int XSteps = 12; // a chart's time axis moves in twelfths of its window
    static constexpr qint64 MaxColumnWaitMs = 1000;

    explicit FeedDigester(const Subscription &subscription);

    // An edit: new rules, mapping or panel kind (another kind starts the history anew).
    void setSubscription(const Subscription &subscription);
    void setChartView(const ChartView &view);

    // Adds what `event` means for its panel and the notifications it raises to `frame`.
    void digest(const CapturedEvent &event, FeedFrame &frame);
    // The panel's charts ending at `nowMs`, when anything they show changed since the last one.
    std::optional<ChartFrame> chartFrame(qint64 nowMs);

private:
    bool charts() const;
    QString keyOf(const PanelRecord &record) const;
    bool wantsRecord(const PanelRecord &record) const;
    TextPiece textPieceOf(const PanelRecord &record) const;

    Subscription m_subscription;
    ThresholdMonitor m_monitor;
    SeriesHistory m_history;
    ChartView m_view;
    bool m_chartStale = true; // samples or the view changed since the last chart frame
    qint64 m_lastToMs = 0;
    qint64 m_lastChartMs = 0;
};
