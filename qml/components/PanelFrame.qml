// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import EventScope

// The card every dashboard panel sits in: a title row with the feed's state and rate, then the content.
Rectangle {
    id: frame

    property string title
    property string subtitle
    property string connectionState: "closed"
    property real eventsPerSecond: 0
    property alias tools: toolRow.data
    default property alias content: body.data

    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            StateDot { connectionState: frame.connectionState }
            Label {
                text: frame.title
                font.bold: true
                font.pixelSize: 15
                color: Theme.text
                elide: Text.ElideRight
                Layout.maximumWidth: frame.width * 0.45
            }
            Label {
                text: frame.subtitle
                color: Theme.textMuted
                font.pixelSize: 12
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                text: Theme.formatRate(frame.eventsPerSecond)
                color: Theme.textMuted
                font.pixelSize: 12
                font.family: Theme.monoFont
            }
            RowLayout { id: toolRow; spacing: 4 }
        }
        Item {
            id: body
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }
}
