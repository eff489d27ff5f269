// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import EventScope

// Any numeric feed: its mapped values over time, one line per series.
PanelFrame {
    id: view

    property var panel

    title: panel.title
    subtitle: panel.chart.seriesNames.length + " series"
    connectionState: panel.connectionState
    eventsPerSecond: panel.eventsPerSecond
    tools: WindowSelector { feeder: view.panel.chart }

    SeriesChart {
        anchors.fill: parent
        feeder: view.panel.chart
        seriesNames: view.panel.chart.seriesNames
    }
}
