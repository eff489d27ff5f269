// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import EventScope
import EventScope.Models

// Every captured event, newest at the bottom: search, filters by source and type, follow-tail that lets
// go when the operator scrolls up, and the selected event's data pretty-printed on the right.
Item {
    id: page

    property var workspace
    property alias followTail: table.followTail
    property alias selectedSeq: table.selectedSeq
    signal exportRequested()

    readonly property var log: workspace.eventLog
    readonly property var events: workspace.events

    function focusSearch() { search.forceActiveFocus(); search.selectAll() }
    function selectLatest() {
        if (events.count > 0)
            selectedSeq = events.data(events.index(events.count - 1, 0), EventLogModel.SeqRole)
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
                objectName: "eventSearch"
                placeholderText: "Search events (Ctrl+F)"
                Layout.preferredWidth: 320
                selectByMouse: true
                onTextChanged: { searchDelay.restart() }
                Timer { id: searchDelay; interval: 200; onTriggered: { page.events.searchText = search.text } }
            }
            ComboBox {
                id: sourceFilter
                Layout.preferredWidth: 200
                model: ["All sources"].concat(page.log.sources)
                onActivated: (index) => { page.events.source = index === 0 ? "" : currentText }
            }
            ComboBox {
                id: typeFilter
                Layout.preferredWidth: 170
                model: ["All types"].concat(page.log.types)
                onActivated: (index) => { page.events.type = index === 0 ? "" : currentText }
            }
            Item { Layout.fillWidth: true }
            // Above 20 000 events/s the log takes the newest 20 000 a second; it says so instead of lagging.
            Label {
                visible: page.workspace.logNotice.length > 0
                text: page.workspace.logNotice
                color: Theme.warning
            }
            Label {
                text: page.events.count.toLocaleString(Qt.locale(), "f", 0) + " shown"
                      + (page.log.droppedCount > 0 ? " · " + page.log.droppedCount.toLocaleString(Qt.locale(), "f", 0) + " older let go" : "")
                color: Theme.textMuted
            }
            Switch {
                text: "Follow"
                checked: page.followTail
                onToggled: { page.followTail = checked; if (checked) table.positionViewAtEnd() }
            }
            Button {
                text: page.workspace.paused ? "Resume" : "Pause"
                highlighted: page.workspace.paused
                onClicked: { page.workspace.paused = !page.workspace.paused }
            }
            Button { text: "Export…"; flat: true; onClicked: { page.exportRequested() } }
            Button { text: "Clear"; flat: true; onClicked: { page.log.clear() } }
        }

        EventTable {
            id: table
            Layout.fillWidth: true
            Layout.fillHeight: true
            rows: page.events
            log: page.log
            followTail: true
        }
    }
}
