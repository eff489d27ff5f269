// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import EventScope

// A subscription's connection state in colour and in shape, for operators who cannot tell the colours
// apart: open is a filled dot, connecting a ring that pulses, closed a square.
Rectangle {
    property string connectionState: "closed"

    implicitWidth: 10
    implicitHeight: 10
    radius: connectionState === "closed" ? 1 : width / 2
    color: connectionState === "connecting" ? "transparent" : Theme.stateColor(connectionState)
    border.width: connectionState === "connecting" ? 2 : 0
    border.color: Theme.stateColor(connectionState)
    Accessible.role: Accessible.Indicator
    Accessible.name: connectionState

    SequentialAnimation on opacity {
        running: parent.connectionState === "connecting"
        loops: Animation.Infinite
        onStopped: { parent.opacity = 1 }
        NumberAnimation { to: 0.3; duration: 500 }
        NumberAnimation { to: 1; duration: 500 }
    }
}
