// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import EventScope

// A notification feed's latest notifications (the Notifications page keeps them all).
PanelFrame {
    id: view

    property var panel

    title: panel.title
    subtitle: panel.notifications.count + " recent"
    connectionState: panel.connectionState
    eventsPerSecond: panel.eventsPerSecond

    RowList {
        id: list
        anchors.fill: parent
        clip: true
        spacing: 6
        model: view.panel.notifications
        delegate: RowLayout {
            required property string severity
            required property double time
            required property string title
            required property string body

            width: list.width
            spacing: 8
            SeverityBadge { severity: parent.severity; Layout.alignment: Qt.AlignTop; Layout.preferredWidth: 68 }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                RowLayout {
                    Label { text: title; color: Theme.text; font.bold: true; elide: Text.ElideRight; Layout.fillWidth: true }
                    Label { text: Theme.formatTime(time); color: Theme.textMuted; font.pixelSize: 11 }
                }
                Label { text: body; color: Theme.textMuted; font.pixelSize: 12; elide: Text.ElideRight; Layout.fillWidth: true }
            }
        }
    }
}
