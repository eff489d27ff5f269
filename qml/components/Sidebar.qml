// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import EventScope

// The subscriptions: state colour, name, counters and an enable switch each; a click opens the editor.
// A subscription that fails says why; one held back while the capture store catches up says for how long
// and how much waits for it.
Rectangle {
    id: sidebar

    property var workspace
    signal editRequested(string subscriptionId)
    signal addRequested()

    readonly property var subscriptions: workspace.subscriptions

    color: Theme.surface
    border.color: Theme.border

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            Label { text: "Subscriptions"; font.bold: true; color: Theme.text; Layout.fillWidth: true }
            ToolButton {
                objectName: "addSubscriptionButton"
                text: "+"
                font.pixelSize: 18
                Accessible.name: "New subscription"
                onClicked: { sidebar.addRequested() }
                ToolTip.visible: hovered
                ToolTip.text: "New subscription (Ctrl+N)"
            }
        }

        RowList {
            id: list
            objectName: "subscriptionList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 2
            model: sidebar.subscriptions
            delegate: ItemDelegate {
                id: entry
                required property int index
                required property string subscriptionId
                required property string name
                required property string panel
                required property string connectionState
                required property bool isEnabled
                required property double events
                required property double eventsPerSecond
                required property int reconnects
                required property double gaps
                required property string lastError
                required property string url
                required property double bytes
                required property double lastEvent
                required property double laggingMs
                required property double bytesWaiting
                readonly property bool failing: lastError.length > 0 && connectionState !== "open"

                width: list.width
                height: 58
                // Tab reaches each subscription; Space or Enter opens it in the editor, as a click does.
                focusPolicy: Qt.StrongFocus
                Accessible.name: "Edit " + name + ", " + connectionState
                Keys.onReturnPressed: { sidebar.editRequested(subscriptionId) }
                Keys.onEnterPressed: { sidebar.editRequested(subscriptionId) }
                onClicked: { sidebar.editRequested(subscriptionId) }
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: url + "\n" + connectionState + " · " + Theme.formatCount(events) + " events · "
                              + Theme.formatBytes(bytes) + " · last event " + Theme.formatTime(lastEvent)
                              + (reconnects > 0 ? "\n" + reconnects + " reconnects" : "")
                              + (gaps > 0 ? " · " + gaps + " events missed (gaps in ids)" : "")
                              + (lastError.length > 0 ? "\nlast error: " + lastError : "")
                              + (laggingMs > 0 ? "\nnot reading for " + Theme.formatDuration(laggingMs)
                                                 + ": the capture store is behind; " + Theme.formatBytes(bytesWaiting)
                                                 + " wait here and the server is slowed down" : "")

                contentItem: RowLayout {
                    spacing: 8
                    StateDot { connectionState: entry.connectionState; Layout.alignment: Qt.AlignVCenter }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 1
                        Label { text: entry.name; color: Theme.text; font.bold: true; elide: Text.ElideRight; Layout.fillWidth: true }
                        Label {
                            objectName: "subscriptionStatus"
                            text: entry.failing ? entry.lastError
                                  : entry.laggingMs > 0 ? "lagging " + Theme.formatDuration(entry.laggingMs) + " · "
                                                          + Theme.formatBytes(entry.bytesWaiting) + " waiting"
                                  : entry.panel + " · " + Theme.formatCount(entry.events) + " events · " + Theme.formatRate(entry.eventsPerSecond)
                                    + (entry.reconnects > 0 ? " · " + entry.reconnects + " reconnects" : "")
                                    + (entry.gaps > 0 ? " · " + entry.gaps + " missed" : "")
                            color: entry.failing ? Theme.down : entry.laggingMs > 0 ? Theme.warning : Theme.textMuted
                            font.pixelSize: 11
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                    }
                    Switch {
                        checked: entry.isEnabled
                        Accessible.name: (checked ? "Disconnect " : "Connect ") + entry.name
                        onToggled: { sidebar.subscriptions.setEnabled(entry.index, checked) }
                        ToolTip.visible: hovered
                        ToolTip.text: checked ? "Disconnect" : "Connect"
                    }
                }
            }
        }
    }
}
