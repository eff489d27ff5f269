// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedframe.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class QAbstractAxis;
class QXYSeries;

// Puts a panel's chart frames into Qt Charts series. The points come cut to the view on FeedHub's worker
// (M4, four per pixel column, see FeedDigester), so a frame costs each attached series one replace() and
// each axis at most one setRange(): value axes get nice ranges that hold while the data stays well inside,
// and time axes move in steps, so Qt Charts rarely lays its axis labels out anew. It tells the worker what
// it shows (window, pixel columns, attached series) whenever that changes; series not attached cost no
// points.
class ChartFeeder : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int windowMinutes READ windowMinutes WRITE setWindowMinutes NOTIFY windowMinutesChanged)
    Q_PROPERTY(int columns READ columns WRITE setColumns NOTIFY columnsChanged)
    Q_PROPERTY(QStringList seriesNames READ seriesNames NOTIFY seriesNamesChanged)

public:
    static constexpr int MaxWindowMinutes = 60;
    static constexpr int YTicks = 5; // as SeriesChart's value axis shows them

    explicit ChartFeeder(QObject *parent = nullptr);

    int windowMinutes() const { return m_view.windowMinutes; }
    void setWindowMinutes(int minutes);
    int columns() const { return m_view.columns; }
    void setColumns(int columns);
    QStringList seriesNames() const { return m_names; }
    ChartView view() const { return m_view; }

    void apply(const ChartFrame &frame);

    // Draw the series named `name` into `xySeries` on `axisX` (a DateTimeAxis) and `axisY` (a ValueAxis).
    Q_INVOKABLE void attach(const QString &name, QObject *xySeries, QObject *axisX, QObject *axisY);
    Q_INVOKABLE void detach(QObject *xySeries);
    Q_INVOKABLE int pointCount(const QString &name) const;
    Q_INVOKABLE double latest(const QString &name) const;

    // The range a value axis with `ticks` ticks shows for [low, high]: `current` while the data fills a
    // third of it or more, else one whose ticks fall on a step of 1, 2, 2.5 or 5 times a power of ten.
    static QPair<double, double> niceRange(double low, double high, QPair<double, double> current,
                                           int ticks = YTicks);

Q_SIGNALS:
    void windowMinutesChanged();
    void columnsChanged();
    void seriesNamesChanged();
    // What is shown changed: the worker should cut points to view().
    void viewChanged();

private:
    struct Attachment
    {
        QString name;
        QPointer<QXYSeries> series;
        QPointer<QAbstractAxis> axisX;
        QPointer<QAbstractAxis> axisY;
    };

    void updateShown();
    void redraw();

    ChartView m_view;
    QStringList m_names;
    ChartFrame m_frame;
    QList<Attachment> m_attachments;
};
