// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import QtCharts
import EventScope
import EventScope.Models

// The panels show what their models hold: prices with their trend colour, jobs with their progress, and
// devices with their readings and online state.
Item {
    id: root
    width: 1200
    height: 500

TestCase {
    id: testCase
    name: "Panels"
    when: windowShown

    Component {
        id: stockComponent
        StockPanelView {
            width: 1100
            height: 360
            panel: QtObject {
                property string title: "Stocks"
                property string connectionState: "open"
                property real eventsPerSecond: 12
                property QuoteModel quotes: QuoteModel {}
                property ChartFeeder chart: ChartFeeder {}
            }
        }
    }
    Component {
        id: progressComponent
        ProgressPanelView {
            width: 600
            height: 300
            panel: QtObject {
                property string title: "Jobs"
                property string connectionState: "connecting"
                property real eventsPerSecond: 0
                property JobModel jobs: JobModel {}
            }
        }
    }
    Component {
        id: iotComponent
        IotPanelView {
            width: 1100
            height: 360
            panel: QtObject {
                property string title: "Plant"
                property string connectionState: "open"
                property real eventsPerSecond: 3
                property DeviceModel devices: DeviceModel {}
                property ChartFeeder chart: ChartFeeder {}
            }
        }
    }
    Component {
        id: textComponent
        TextPanelView {
            width: 600
            height: 300
            panel: QtObject {
                property string title: "Assistant"
                property string connectionState: "open"
                property real eventsPerSecond: 20
                property real tokensPerSecond: 20
                property real skipped: 0
                // A message before the view: a plain ListView makes a row current when its model has rows.
                property ListModel transcript: ListModel {
                    ListElement { text: "hello"; tokens: 1; tokensPerSecond: 1; open: false; started: "11:59:59" }
                }
            }
        }
    }

    // The first visible item under `item` whose text (or chart title) is `text`.
    function findText(item, text) {
        if ((item.text === text || (item instanceof ChartView && item.title === text)) && item.visible)
            return item
        const lists = [item.children, item.contentItem && item.contentItem !== item ? item.contentItem.children : []]
        for (const list of lists) {
            for (let i = 0; list && i < list.length; ++i) {
                const found = findText(list[i], text)
                if (found)
                    return found
            }
        }
        return null
    }

    function test_stockPricesAndTrend() {
        const view = createTemporaryObject(stockComponent, root)
        verify(findText(view, "Stocks"))
        tryVerify(() => findText(view, "0 symbols"))
        view.panel.quotes.update("AAPL", 100, {}, Date.now())
        view.panel.quotes.update("AAPL", 101.5, {}, Date.now())
        view.panel.quotes.update("MSFT", 400, { change: -4, changePercent: -0.99 }, Date.now())
        tryVerify(() => findText(view, "2 symbols"))
        tryVerify(() => findText(view, "101.50 ▲"))
        const change = findText(view, "+1.50")
        verify(change)
        compare(change.color, Theme.up)
        const drop = findText(view, "-0.99%")
        verify(drop)
        compare(drop.color, Theme.down)
        tryVerify(() => findText(view, "12/s"))
    }

    function test_jobProgressAndState() {
        const view = createTemporaryObject(progressComponent, root)
        view.panel.jobs.update("progress", { job: "j1", name: "index-rebuild", percent: 40, eta: 12 }, Date.now())
        view.panel.jobs.update("progress", { job: "j2", name: "backup", percent: 90 }, Date.now())
        view.panel.jobs.update("failed", { job: "j2", error: "worker lost" }, Date.now())
        tryVerify(() => findText(view, "1 running · 1 ended"))
        tryVerify(() => findText(view, "12 s left"))
        tryVerify(() => findText(view, "40%"))
        tryVerify(() => findText(view, "failed"))
        tryVerify(() => findText(view, "worker lost"))
    }

    // Each new message shows at the end, and no row becomes current: a current row's highlight glides after
    // it on every insertion, and the window draws frames at 60 Hz while it does.
    function test_transcriptFollowsWithoutCurrentRow() {
        const view = createTemporaryObject(textComponent, root)
        const list = findChild(view, "transcript")
        verify(list)
        for (let i = 0; i < 30; ++i)
            view.panel.transcript.append({ text: "message " + i, tokens: 2, tokensPerSecond: 20, open: false,
                                           started: "12:00:0" + (i % 10) })
        tryCompare(list, "count", 31)
        tryVerify(() => list.atYEnd)
        verify(findText(view, "31 messages · 20.0 tokens/s"))
        compare(list.currentIndex, -1)
        compare(list.highlightItem, null)
    }

    function test_devicesAndOnlineState() {
        const view = createTemporaryObject(iotComponent, root)
        view.panel.devices.reading("sensor-01", "temperature", 21.26, "°C", Date.now())
        view.panel.devices.status("sensor-02", false, Date.now())
        tryVerify(() => findText(view, "2 devices"))
        tryVerify(() => findText(view, "temperature 21.3 °C"))
        const offline = findText(view, "offline")
        verify(offline)
        compare(offline.color, Theme.down)
        // The first device is shown in the charts, one per sensor.
        compare(view.shownDevice, "sensor-01")
        tryVerify(() => findText(view, "sensor-01 · temperature"))
    }
}
}
