// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import EventScope
import EventScope.Models

// Events in a table (time, source, type, id, data) with the selected event's data pretty-printed beside
// it: the Events page's live log and the Store page's search results. `rows` is the list model shown,
// `log` the EventLogModel that finds an event by its seq for the detail pane. With followTail the table
// keeps the newest row in view until the operator scrolls up; back at the end resumes it.
SplitView {
    id: table

    property var rows
    property var log
    property real selectedSeq: -1
    property bool followTail: false
    // A table out of sight keeps no view on its model: following 10 000 events/s unseen costs the GUI
    // thread its frames.
    property bool active: visible

    function positionViewAtEnd() { eventList.positionViewAtEnd() }

    // An event that ages out of the log (or is cleared) empties the detail pane.
    Connections {
        target: table.log
        function onCountChanged() { if (table.selectedSeq >= 0 && !table.log.holds(table.selectedSeq)) table.selectedSeq = -1 }
    }

    ColumnLayout {
        SplitView.fillWidth: true
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.rowHeight
            spacing: 10
            Repeater {
                model: [["Time", 96], ["Source", 130], ["Type", 110], ["ID", 90], ["Data", -1]]
                Label {
                    text: modelData[0]
                    color: Theme.textMuted
                    font.bold: true
                    font.pixelSize: 12
                    Layout.preferredWidth: modelData[1]
                    Layout.fillWidth: modelData[1] < 0
                    leftPadding: 6
                }
            }
        }

        RowList {
            id: eventList
            objectName: "eventList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: table.active ? table.rows : null
            reuseItems: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { policy: ScrollBar.AlwaysOn }
            onCountChanged: { if (table.followTail) followTimer.start() }
            onModelChanged: { if (table.followTail) followTimer.start() }
            // Follow the tail once per frame at most, however many batches came.
            Timer { id: followTimer; interval: 16; onTriggered: { eventList.positionViewAtEnd() } }
            // Scrolling up is how an operator says "stop following"; back at the end resumes.
            onMovementStarted: { table.followTail = false }
            onMovementEnded: { if (atYEnd) table.followTail = true }

            delegate: Rectangle {
                id: row
                required property int index
                required property string time
                required property string source
                required property string type
                required property string eventId
                required property string preview
                required property real seq
                required property bool replayed

                readonly property bool selected: seq === table.selectedSeq

                width: eventList.width - 12
                height: Theme.rowHeight
                color: selected ? Qt.rgba(0.24, 0.55, 0.99, 0.25) : index % 2 ? Theme.surfaceAlt : "transparent"

                RowLayout {
                    anchors.fill: parent
                    spacing: 10
                    Label { text: row.time; color: Theme.textMuted; font.family: Theme.monoFont; font.pixelSize: 12; Layout.preferredWidth: 96; leftPadding: 6 }
                    Label { text: (row.replayed ? "⟲ " : "") + row.source; color: row.replayed ? Theme.warning : Theme.text; elide: Text.ElideRight; font.pixelSize: 12; Layout.preferredWidth: 130; leftPadding: 6 }
                    Label { text: row.type; color: Theme.accent; elide: Text.ElideRight; font.pixelSize: 12; Layout.preferredWidth: 110; leftPadding: 6 }
                    Label { text: row.eventId; color: Theme.textMuted; elide: Text.ElideLeft; font.family: Theme.monoFont; font.pixelSize: 12; Layout.preferredWidth: 90; leftPadding: 6 }
                    Label { text: row.preview; color: Theme.text; elide: Text.ElideRight; font.family: Theme.monoFont; font.pixelSize: 12; Layout.fillWidth: true; leftPadding: 6 }
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: { table.selectedSeq = row.seq }
                }
            }
        }
    }

    Rectangle {
        SplitView.preferredWidth: 380
        SplitView.minimumWidth: 220
        color: Theme.surface
        border.color: Theme.border

        ColumnLayout {
            id: detailPane
            anchors.fill: parent
            anchors.margins: 10
            visible: table.selectedSeq >= 0
            // Formatted once per selection, not on every batch.
            readonly property var detail: table.selectedSeq >= 0 ? table.log.find(table.selectedSeq) : ({})

            Label { text: detailPane.detail.type || ""; font.bold: true; font.pixelSize: 15; color: Theme.text }
            Label {
                text: (detailPane.detail.source || "") + (detailPane.detail.eventId ? " · id " + detailPane.detail.eventId : "")
                      + " · " + (detailPane.detail.timestamp || "")
                color: Theme.textMuted
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            ScrollView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                TextArea {
                    readOnly: true
                    selectByMouse: true
                    text: detailPane.detail.pretty || ""
                    font.family: Theme.monoFont
                    font.pixelSize: 12
                    wrapMode: TextEdit.WrapAnywhere
                    color: Theme.text
                }
            }
        }
        Label {
            anchors.centerIn: parent
            visible: table.selectedSeq < 0
            text: "Select an event to see its data"
            color: Theme.textMuted
        }
    }
}
