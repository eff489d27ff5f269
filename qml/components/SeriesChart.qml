// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtCharts
import EventScope

// A time chart fed by a C++ ChartFeeder: one line per name in `seriesNames`, redrawn by the feeder once
// per tick (decimated, one replace() per line), never point by point from QML.
ChartView {
    id: chart

    property var feeder
    property var seriesNames: []
    property string unit: ""
    property bool showLegend: seriesNames.length > 1
    property int colorOffset: 0
    readonly property bool showsLines: feeder && seriesNames.length > 0 // as rebuild() makes them

    // Never laid out at zero size: Qt 6.4 charts created at 0×0 can keep a stale layout (elided title,
    // axes that stop moving) after they grow.
    implicitWidth: 240
    implicitHeight: 160
    antialiasing: false // dense lines: antialiased stroking (atan2 per segment) cost most of a repaint
    backgroundColor: "transparent"
    plotAreaColor: "transparent"
    legend.visible: showLegend
    legend.labelColor: Theme.textMuted
    legend.alignment: Qt.AlignBottom
    legend.font.pixelSize: 11
    margins { left: 4; right: 4; top: 4; bottom: 4 }
    animationOptions: ChartView.NoAnimation

    DateTimeAxis {
        id: axisX
        format: chart.feeder && chart.feeder.windowMinutes > 5 ? "HH:mm" : "HH:mm:ss"
        tickCount: 3
        labelsColor: Theme.textMuted
        labelsFont.pixelSize: 10
        gridVisible: false // drawn below
        lineVisible: false
    }
    ValueAxis {
        id: axisY
        labelFormat: "%.5g"
        tickCount: 5 // as ChartFeeder's nice ranges expect
        labelsColor: Theme.textMuted
        labelsFont.pixelSize: 10
        gridVisible: false // drawn below
        lineVisible: false
        // No axis title: the unit is in the chart's title (Qt Charts drew this one rotated, in a grey too
        // dark to read on the dark theme, as a smudge beside the labels).
    }

    function rebuild() {
        if (!feeder)
            return
        removeAllSeries()
        for (let i = 0; i < seriesNames.length; ++i) {
            const line = createSeries(ChartView.SeriesTypeLine, seriesNames[i], axisX, axisY)
            line.color = Theme.seriesColor(i + colorOffset)
            line.width = 1.5
            // Drawn by OpenGL beside the chart's painted image where the scene graph runs on OpenGL, so
            // new points do not repaint axes and labels; with the software renderer, painted as usual.
            line.useOpenGL = GraphicsInfo.api === GraphicsInfo.OpenGL
            feeder.attach(seriesNames[i], line, axisX, axisY)
        }
    }

    // The grid, drawn by the scene graph where Qt Charts would stroke it into the chart's image: that image
    // is not premultiplied, so Qt 6.4's raster engine draws each 1-px line pixel by pixel through its span
    // blender, which hands any line of 96 pixels or more to two thread-pool threads and waits for them.
    // The chart's eight grid lines cost eight such round trips on every repaint (five in six of the GUI
    // thread's context switches with the demo at rest); rectangles cost nothing when the chart repaints.
    // Placed where Qt Charts puts them: evenly over the plot area, one per tick, edges included, and shown
    // as its axes are: once a line uses them.
    component GridLine: Rectangle {
        required property int index
        z: -1 // under the chart's image, as Qt Charts draws its grid under the lines
        visible: chart.showsLines
        color: Theme.border
    }
    Repeater {
        model: axisX.tickCount
        GridLine {
            x: Math.floor(chart.plotArea.x + index * chart.plotArea.width / (axisX.tickCount - 1))
            y: chart.plotArea.y
            width: 1
            height: chart.plotArea.height
        }
    }
    Repeater {
        model: axisY.tickCount
        GridLine {
            x: chart.plotArea.x
            y: Math.floor(chart.plotArea.y + index * chart.plotArea.height / (axisY.tickCount - 1))
            width: chart.plotArea.width
            height: 1
        }
    }

    // Takes the pointer's hover so the chart never sees it: Qt Charts answers every hover move by
    // searching its scene, and nothing here shows on hover.
    MouseArea {
        anchors.fill: parent
        hoverEnabled: true
        acceptedButtons: Qt.NoButton
    }

    onSeriesNamesChanged: { rebuild() }
    onFeederChanged: { rebuild() }
    onPlotAreaChanged: (area) => { if (feeder && area.width > 0) feeder.columns = Math.round(area.width) }
    Component.onCompleted: { rebuild() }
}
