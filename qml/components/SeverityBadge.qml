// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import EventScope

// "CRITICAL", "WARNING" or "INFO" on the severity's colour.
Rectangle {
    property string severity: "info"

    implicitWidth: label.implicitWidth + 12
    implicitHeight: 18
    radius: 3
    color: Theme.severityColor(severity)

    Label {
        id: label
        anchors.centerIn: parent
        text: parent.severity.toUpperCase()
        font.pixelSize: 10
        font.bold: true
        color: "white"
    }
}
