// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material as M

// Picks a chart's time window: 1, 5, 15 or 60 minutes; flat, as it sits in a panel's title bar.
ComboBox {
    property var feeder

    readonly property var minutes: [1, 5, 15, 60]

    implicitWidth: 96
    Accessible.name: "Chart time window: " + currentText
    implicitHeight: 32
    font.pixelSize: 12
    flat: true
    M.Material.background: "transparent"
    model: ["1 min", "5 min", "15 min", "60 min"]
    currentIndex: feeder ? Math.max(0, minutes.indexOf(feeder.windowMinutes)) : 1
    onActivated: (index) => { feeder.windowMinutes = minutes[index] }
}
