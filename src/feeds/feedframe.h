// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capturedevent.h"
#include "fieldmapping.h"
#include "notification.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QStringList>
#include <optional>

// An event as a panel needs it, worked out on FeedHub's worker: its data parsed once, the mapped sample and
// the notification it carries. `key` names what a newer record replaces (a symbol, a device's sensor, a
// job); records without one are kept newest first up to a bound.
struct PanelRecord
{
    CapturedEvent event;
    QJsonObject object; // the data as a JSON object; empty when it is none
    std::optional<FieldMapping::Sample> sample;
    std::optional<Notification> notification;
    QString key;
};

// A piece of a text stream (a token of a language model's answer, a line of a log): its text, and whether
// it ends the message it belongs to.
struct TextPiece
{
    QString text;
    bool endsMessage = false;
    qint64 receivedMs = 0;
};

// What a panel's charts look at, as the GUI tells FeedHub: only shown series get points.
struct ChartView
{
    int windowMinutes = 1;
    int columns = 400;
    QStringList shown;

    bool operator==(const ChartView &other) const
    {
        return windowMinutes == other.windowMinutes && columns == other.columns && shown == other.shown;
    }
};

// One series in a chart frame: its points cut to the view (empty when not shown), how many it holds and
// its last value.
struct SeriesFrame
{
    QList<QPointF> points;
    qsizetype held = 0;
    double latest = 0;
};

// A panel's charts for one chart tick: the x range [fromMs, toMs] (stepped, so axis labels stay put
// between steps) and every series.
struct ChartFrame
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QStringList names; // in the order the series first came
    QHash<QString, SeriesFrame> series;
};

// One panel's share of a frame: its newest records (one per key; unkeyed ones up to a bound) and its charts
// when they changed.
struct PanelFrame
{
    static constexpr qsizetype MaxUnkeyedRecords = 500; // what a raw or notifications panel can show
    // A text panel's pieces are all kept (a transcript with holes misleads) up to this many a frame, far
    // above any language model's pace; beyond it the oldest go and are counted.
    static constexpr qsizetype MaxTextPieces = 20000;

    QList<PanelRecord> records;
    std::optional<ChartFrame> chart;
    QList<TextPiece> text;
    qint64 textSkipped = 0;

    void add(PanelRecord &&record);
    void addText(TextPiece &&piece);
    void merge(PanelFrame &&later);

private:
    QHash<QString, qsizetype> m_keyed; // record index by key
};

// What the GUI applies in one go, at most once per frame: log rows, notifications and per-panel updates
// whose size follows what can be shown, not how many events came. Events beyond the bounds are counted.
struct FeedFrame
{
    static constexpr qsizetype MaxLogRows = 4000;
    static constexpr qsizetype MaxNotifications = 1000;

    QList<CapturedEvent> log; // the newest events, oldest first
    qint64 events = 0;        // events this frame stands for, logged or not
    qint64 logSkipped = 0;    // events left out of `log`
    QList<Notification> notifications;
    qint64 notificationsSkipped = 0;
    QHash<QString, PanelFrame> panels; // by subscription id

    bool isEmpty() const { return events == 0 && notifications.isEmpty() && panels.isEmpty(); }
    void addEvent(const CapturedEvent &event, qsizetype maxLogRows = MaxLogRows);
    void addNotification(Notification &&notification);
    // Keeps only the newest `rows` log rows.
    void thinLog(qsizetype rows);
    // Folds a later frame into this one, as if both had been one.
    void merge(FeedFrame &&later, qsizetype maxLogRows = MaxLogRows);
};

Q_DECLARE_METATYPE(FeedFrame)
