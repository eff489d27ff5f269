// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import EventScope

// A subscription's connection state as a coloured dot that pulses while connecting.
Rectangle {
    property string connectionState: "closed"

    implicitWidth: 10
    implicitHeight: 10
    radius: width / 2
    color: Theme.stateColor(connectionState)

    SequentialAnimation on opacity {
        running: parent.connectionState === "connecting"
        loops: Animation.Infinite
        onStopped: { parent.opacity = 1 }
        NumberAnimation { to: 0.3; duration: 500 }
        NumberAnimation { to: 1; duration: 500 }
    }
}
