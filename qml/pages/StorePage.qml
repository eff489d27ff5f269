// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import EventScope
import EventScope.Models

// A capture store's history: this desktop's own store, or the shared PostgreSQL store that agents keep
// writing (Settings). Searched in the store itself, newest matches first shown; refreshed on demand or
// every few seconds; what it shows can be replayed into the dashboard or exported.
Item {
    id: page

    property var workspace
    property StoreBrowser browser
    property string location
    signal exportRequested(string text, string source)
    signal settingsRequested()

    function focusSearch() { search.forceActiveFocus(); search.selectAll() }
    function sourceFilter() { return source.currentIndex > 0 ? source.currentText : "" }

    // Read when shown (agents wrote meanwhile) and when the store changes.
    onVisibleChanged: { if (visible) browser.open(location) }
    onLocationChanged: { if (visible) browser.open(location) }

    Timer {
        interval: 5000
        repeat: true
        running: page.visible && autoRefresh.checked && !page.browser.busy
        onTriggered: { page.browser.refresh() }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            TextField {
                id: search
                objectName: "storeSearch"
                placeholderText: "Search the store (Enter)"
                Layout.preferredWidth: 320
                selectByMouse: true
                // Each search is a query on a store that may hold millions of events: on Enter, not per key.
                onAccepted: { page.browser.search(text, page.sourceFilter()) }
            }
            ComboBox {
                id: source
                objectName: "storeSource"
                Layout.preferredWidth: 200
                model: ["All sources"].concat(page.browser.sources)
                onActivated: { page.browser.search(search.text, page.sourceFilter()) }
            }
            Button {
                text: "Search"
                onClicked: { page.browser.search(search.text, page.sourceFilter()) }
            }
            BusyIndicator {
                running: page.browser.busy
                Layout.preferredHeight: 28
                Layout.preferredWidth: 28
            }
            Item { Layout.fillWidth: true }
            Switch { id: autoRefresh; objectName: "storeAutoRefresh"; text: "Refresh every 5 s" }
            Button { text: "Refresh"; flat: true; onClicked: { page.browser.refresh() } }
            Button {
                objectName: "storeReplay"
                text: "Replay"
                flat: true
                enabled: page.browser.events.count > 0
                onClicked: { replayProblem.text = page.workspace.replayStore(page.browser) }
            }
            Button {
                text: "Export…"
                flat: true
                onClicked: { page.exportRequested(search.text, page.sourceFilter()) }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                objectName: "storeLocation"
                text: page.location
                color: Theme.text
                font.family: Theme.monoFont
                elide: Text.ElideMiddle
                Layout.maximumWidth: page.width * 0.45
            }
            Button { text: "Change…"; flat: true; onClicked: { page.settingsRequested() } }
            Label {
                objectName: "storeSummary"
                visible: page.browser.problem.length === 0 && page.browser.storedCount > 0
                text: Theme.formatCount(page.browser.storedCount) + " events stored · "
                      + Qt.formatDateTime(new Date(page.browser.oldestMs), "d MMM HH:mm") + " – "
                      + Qt.formatDateTime(new Date(page.browser.newestMs), "d MMM HH:mm")
                      + " · showing the newest " + page.browser.events.count.toLocaleString(Qt.locale(), "f", 0)
                      + (page.browser.events.count >= page.browser.limit ? " matches" : " that match")
                color: Theme.textMuted
            }
            Label {
                id: replayProblem
                visible: text.length > 0
                color: Theme.warning
            }
            Item { Layout.fillWidth: true }
        }

        Label {
            objectName: "storeProblem"
            visible: text.length > 0
            text: page.browser.problem
            color: Theme.down
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            EventTable {
                id: table
                anchors.fill: parent
                rows: page.browser.events
                log: page.browser.events
                followTail: true
            }
            Connections {
                target: page.browser
                // Each answer starts at its newest events, where an operator looks first.
                function onAnswered() { table.followTail = true; table.positionViewAtEnd() }
            }
            Label {
                anchors.centerIn: parent
                visible: !page.browser.busy && page.browser.problem.length === 0 && page.browser.events.count === 0
                text: page.browser.storedCount > 0 ? "No stored event matches" : "The store holds no events yet"
                color: Theme.textMuted
            }
        }
    }
}
