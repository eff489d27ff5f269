// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import EventScope

// Any feed as it comes: its latest events, following the newest.
PanelFrame {
    id: view

    property var panel

    title: panel.title
    subtitle: "latest " + panel.events.count + " events"
    connectionState: panel.connectionState
    eventsPerSecond: panel.eventsPerSecond

    RowList {
        id: list
        anchors.fill: parent
        clip: true
        model: view.panel.events
        reuseItems: true
        onCountChanged: { positionViewAtEnd() }
        delegate: RowLayout {
            required property string time
            required property string type
            required property string eventId
            required property string preview

            width: list.width
            height: 20
            spacing: 8
            Label { text: time; color: Theme.textMuted; font.family: Theme.monoFont; font.pixelSize: 11 }
            Label { text: type; color: Theme.accent; font.pixelSize: 11; Layout.preferredWidth: 80; elide: Text.ElideRight }
            Label { text: preview; color: Theme.text; font.family: Theme.monoFont; font.pixelSize: 11; elide: Text.ElideRight; Layout.fillWidth: true }
        }
    }
}
