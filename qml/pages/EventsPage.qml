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
    property bool followTail: true
    property real selectedSeq: -1
    signal exportRequested()

    // An event that ages out of the log (or is cleared) empties the detail pane.
    Connections {
        target: page.log
        function onCountChanged() { if (page.selectedSeq >= 0 && !page.log.holds(page.selectedSeq)) page.selectedSeq = -1 }
    }

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
                onToggled: { page.followTail = checked; if (checked) eventList.positionViewAtEnd() }
            }
            Button {
                text: page.workspace.paused ? "Resume" : "Pause"
                highlighted: page.workspace.paused
                onClicked: { page.workspace.paused = !page.workspace.paused }
            }
            Button { text: "Export…"; flat: true; onClicked: { page.exportRequested() } }
            Button { text: "Clear"; flat: true; onClicked: { page.log.clear() } }
        }

        SplitView {
            Layout.fillWidth: true
            Layout.fillHeight: true

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
                    // A page out of sight keeps no view on the log: following 10 000 events/s unseen costs
                    // the GUI thread its frames.
                    model: page.visible ? page.events : null
                    reuseItems: true
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: ScrollBar { policy: ScrollBar.AlwaysOn }
                    onCountChanged: { if (page.followTail) followTimer.start() }
                    onModelChanged: { if (page.followTail) followTimer.start() }
                    // Follow the tail once per frame at most, however many batches came.
                    Timer { id: followTimer; interval: 16; onTriggered: { eventList.positionViewAtEnd() } }
                    // Scrolling up is how an operator says "stop following"; back at the end resumes.
                    onMovementStarted: { page.followTail = false }
                    onMovementEnded: { if (atYEnd) page.followTail = true }

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

                        readonly property bool selected: seq === page.selectedSeq

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
                            onClicked: { page.selectedSeq = row.seq }
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
                    visible: page.selectedSeq >= 0
                    // Formatted once per selection, not on every batch.
                    readonly property var detail: page.selectedSeq >= 0 ? page.log.find(page.selectedSeq) : ({})

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
                    visible: page.selectedSeq < 0
                    text: "Select an event to see its data"
                    color: Theme.textMuted
                }
            }
        }
    }
}
