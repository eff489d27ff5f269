#pragma once

#include "fieldmapping.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class QAbstractAxis;
class QXYSeries;

// Keeps a time window of samples per series and pushes them into Qt Charts series: once per chart tick
// each attached series gets one replace() with its points decimated to four per pixel column, and each
// axis one setRange(). Qt Charts repaints a whole chart for any change, so charts tick at most ten times a
// second however often batches come; the chart never receives single points.
class ChartFeeder : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int windowMinutes READ windowMinutes WRITE setWindowMinutes NOTIFY windowMinutesChanged)
    Q_PROPERTY(int columns READ columns WRITE setColumns NOTIFY columnsChanged)
    Q_PROPERTY(QStringList seriesNames READ seriesNames NOTIFY seriesNamesChanged)

public:
    static constexpr int MaxWindowMinutes = 60;
    static constexpr int MaxPointsPerSeries = 200000; // an hour at 55 events/s per series
    static constexpr int RedrawIntervalMs = 100;

    explicit ChartFeeder(QObject *parent = nullptr);

    int windowMinutes() const { return m_windowMinutes; }
    void setWindowMinutes(int minutes);
    int columns() const { return m_columns; }
    void setColumns(int columns);
    QStringList seriesNames() const { return m_names; }

    void addSample(const FieldMapping::Sample &sample);
    // Trims what fell out of the longest window and redraws the attached series ending at `nowMs`: now,
    // or when the chart tick comes if the last redraw was less than RedrawIntervalMs ago.
    void flush(qint64 nowMs);

    // Draw the series named `name` into `xySeries` on `axisX` (a DateTimeAxis) and `axisY` (a ValueAxis).
    Q_INVOKABLE void attach(const QString &name, QObject *xySeries, QObject *axisX, QObject *axisY);
    Q_INVOKABLE void detach(QObject *xySeries);
    Q_INVOKABLE int pointCount(const QString &name) const;
    Q_INVOKABLE double latest(const QString &name) const;

Q_SIGNALS:
    void windowMinutesChanged();
    void columnsChanged();
    void seriesNamesChanged();

private:
    struct Attachment
    {
        QString name;
        QPointer<QXYSeries> series;
        QPointer<QAbstractAxis> axisX;
        QPointer<QAbstractAxis> axisY;
    };

    void redraw();
    void requestRedraw();

    int m_windowMinutes = 1; // live monitoring looks at the last minute first
    int m_columns = 400;
    qint64 m_nowMs = 0;
    QElapsedTimer m_sinceRedraw;
    QTimer m_redrawTimer;
    QStringList m_names;
    QHash<QString, QList<QPointF>> m_points; // sorted by time; Qt 6 lists drop their front in O(1)
    QList<Attachment> m_attachments;
};
