// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import EventScope

// The sidebar's second line per subscription: counters, or why it fails, or how far it lags.
Item {
    id: root
    width: 300
    height: 400

    QtObject {
        id: fakeWorkspace
        property ListModel subscriptions: ListModel {
            ListElement {
                subscriptionId: "a"; name: "Quotes"; panel: "stock"; connectionState: "open"; isEnabled: true
                events: 1200; eventsPerSecond: 40; reconnects: 0; gaps: 0; lastError: ""; url: "http://a/"
                bytes: 1000; lastEvent: 0; laggingMs: 0; bytesWaiting: 0
            }
            ListElement {
                subscriptionId: "b"; name: "Burst"; panel: "raw"; connectionState: "open"; isEnabled: true
                events: 90000; eventsPerSecond: 0; reconnects: 0; gaps: 0; lastError: ""; url: "http://b/"
                bytes: 9000000; lastEvent: 0; laggingMs: 3000; bytesWaiting: 1048576
            }
            ListElement {
                subscriptionId: "c"; name: "Down"; panel: "raw"; connectionState: "connecting"; isEnabled: true
                events: 0; eventsPerSecond: 0; reconnects: 3; gaps: 0; lastError: "cannot connect: refused"
                url: "http://c/"; bytes: 0; lastEvent: 0; laggingMs: 2000; bytesWaiting: 0
            }
        }
    }

    Sidebar {
        id: sidebar
        workspace: fakeWorkspace
        anchors.fill: parent
    }

    TestCase {
        name: "Sidebar"
        when: windowShown

        function statusOf(row) {
            const list = findChild(sidebar, "subscriptionList")
            tryVerify(() => list.itemAtIndex(row) !== null)
            return findChild(list.itemAtIndex(row), "subscriptionStatus")
        }

        function test_saysHowFarALaggingFeedIsBehind() {
            compare(statusOf(0).text, "stock · 1200 events · 40/s")
            compare(statusOf(0).color, Theme.textMuted)
            compare(statusOf(1).text, "lagging 3.0 s · 1.0 MB waiting")
            compare(statusOf(1).color, Theme.warning)
            compare(statusOf(2).text, "cannot connect: refused") // failing says why, before any lag
            compare(statusOf(2).color, Theme.down)
            fakeWorkspace.subscriptions.setProperty(1, "laggingMs", 0) // caught up
            compare(statusOf(1).text, "raw · 90.0k events · 0.0/s")
        }
    }
}
