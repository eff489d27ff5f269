// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import EventScope

// A text stream as a transcript (a language model's answers, a log): each message as it is written, the
// open one with a cursor, tokens a second of the one being written.
PanelFrame {
    id: view

    property var panel

    title: panel.title
    subtitle: panel.transcript.count + (panel.transcript.count === 1 ? " message" : " messages")
              + " · " + panel.tokensPerSecond.toFixed(1) + " tokens/s"
              + (panel.skipped > 0 ? " · " + Theme.formatCount(panel.skipped) + " pieces left out in a flood" : "")
    connectionState: panel.connectionState
    eventsPerSecond: panel.eventsPerSecond

    RowList {
        id: list
        objectName: "transcript"
        anchors.fill: parent
        clip: true
        spacing: 6
        model: view.panel.transcript
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        // Follows the newest text, as a chat window does, until the operator scrolls up.
        property bool following: true
        onMovementEnded: { following = atYEnd }
        onContentHeightChanged: { if (following) positionViewAtEnd() }
        onCountChanged: { if (following) positionViewAtEnd() }

        delegate: Rectangle {
            required property string text
            required property int tokens
            required property real tokensPerSecond
            required property bool open
            required property string started

            width: list.width - 12
            height: body.implicitHeight + meta.implicitHeight + 14
            radius: 4
            color: Theme.surfaceAlt

            Label {
                id: meta
                x: 8
                y: 5
                text: started + " · " + tokens + " tokens · " + tokensPerSecond.toFixed(1) + " tokens/s"
                      + (open ? " · writing" : "")
                color: Theme.textMuted
                font.pixelSize: 10
            }
            TextEdit {
                id: body
                x: 8
                y: meta.y + meta.implicitHeight + 2
                width: parent.width - 16
                readOnly: true
                selectByMouse: true
                wrapMode: TextEdit.Wrap
                text: parent.text + (parent.open ? " ▍" : "")
                color: Theme.text
                font.pixelSize: 13
                Accessible.name: "Message of " + parent.started
            }
        }
    }
}
