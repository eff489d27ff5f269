// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import EventScope
import EventScope.Models

// A time chart's grid: a line at each tick of both axes, across the whole plot area, once the chart has
// a line to show (before that it shows no axes either).
Item {
    id: root
    width: 500
    height: 300

TestCase {
    name: "SeriesChart"
    when: windowShown

    Component {
        id: chartComponent
        SeriesChart {
            width: 420
            height: 240
            feeder: ChartFeeder {}
        }
    }

    function isGrid(image, x, y) {
        return Qt.colorEqual(image.pixel(Math.floor(x), Math.floor(y)), Theme.border)
    }

    function test_gridAtEveryTick() {
        const chart = createTemporaryObject(chartComponent, root)
        waitForRendering(chart)
        const bare = chart.plotArea
        verify(!isGrid(grabImage(chart), bare.x, bare.y + bare.height / 8), "a grid with no line to show")

        chart.seriesNames = ["price"]
        tryCompare(chart, "count", 1)
        waitForRendering(chart)
        const area = chart.plotArea
        verify(area.width > 100 && area.height > 100, `plot area ${area}`)
        const image = grabImage(chart)
        // Between two value ticks, each time tick has its line, and the plot area between them is empty.
        const betweenRows = area.y + area.height / 8
        for (let i = 0; i < 3; ++i)
            verify(isGrid(image, area.x + i * area.width / 2, betweenRows), `time tick ${i}`)
        verify(!isGrid(image, area.x + area.width / 4, betweenRows), "between time ticks")
        // Likewise between two time ticks, for the five value ticks.
        const betweenColumns = area.x + area.width / 4
        for (let i = 0; i < 5; ++i)
            verify(isGrid(image, betweenColumns, area.y + i * area.height / 4), `value tick ${i}`)
    }
}
}
