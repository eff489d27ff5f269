// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import EventScope

// Every notification, newest first: from notification and alert events and from threshold rules.
// Unread ones stand out until acknowledged; acknowledged ones can be cleared away.
Item {
    id: page

    property var workspace
    readonly property var notifications: workspace.notifications

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: page.notifications.unreadCount + " unread of " + page.notifications.count
                      + (page.notifications.unlisted > 0
                         ? " · " + Theme.formatCount(page.notifications.unlisted) + " more came too fast to list" : "")
                color: Theme.text
                font.pixelSize: 15
                Layout.fillWidth: true
            }
            Button { text: "Acknowledge all"; enabled: page.notifications.unreadCount > 0; onClicked: { page.notifications.acknowledgeAll() } }
            Button { text: "Clear acknowledged"; flat: true; onClicked: { page.notifications.clearAcknowledged() } }
        }

        RowList {
            id: list
            objectName: "notificationList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: page.visible ? page.notifications : null
            ScrollBar.vertical: ScrollBar {}
            delegate: Rectangle {
                id: card
                required property int index
                required property string severity
                required property double time
                required property string source
                required property string title
                required property string body
                required property bool acknowledged

                width: list.width - 12
                height: content.implicitHeight + 16
                radius: Theme.radius
                color: acknowledged ? "transparent" : Theme.surface
                border.color: Theme.border

                Rectangle {
                    width: 4
                    height: parent.height - 8
                    anchors.left: parent.left
                    anchors.leftMargin: 4
                    anchors.verticalCenter: parent.verticalCenter
                    radius: 2
                    color: Theme.severityColor(card.severity)
                    opacity: card.acknowledged ? 0.35 : 1
                }

                RowLayout {
                    id: content
                    anchors.fill: parent
                    anchors.leftMargin: 16
                    anchors.rightMargin: 8
                    spacing: 12
                    SeverityBadge { severity: card.severity; Layout.preferredWidth: 70; opacity: card.acknowledged ? 0.5 : 1 }
                    Label { text: Qt.formatDateTime(new Date(card.time), "HH:mm:ss"); color: Theme.textMuted; font.family: Theme.monoFont; Layout.preferredWidth: 70 }
                    Label { text: card.source; color: Theme.textMuted; elide: Text.ElideRight; Layout.preferredWidth: 130 }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label { text: card.title; color: Theme.text; font.bold: !card.acknowledged; elide: Text.ElideRight; Layout.fillWidth: true }
                        Label { text: card.body; color: Theme.textMuted; wrapMode: Text.Wrap; maximumLineCount: 3; elide: Text.ElideRight; Layout.fillWidth: true }
                    }
                    Button {
                        text: "Acknowledge"
                        flat: true
                        visible: !card.acknowledged
                        onClicked: { page.notifications.acknowledge(card.index) }
                    }
                }
            }
        }

        Label {
            visible: page.notifications.count === 0
            text: "No notifications. Alerts, notification events and threshold rules land here."
            color: Theme.textMuted
            Layout.alignment: Qt.AlignHCenter
        }
    }
}
