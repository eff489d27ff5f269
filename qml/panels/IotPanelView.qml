// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import EventScope

// IoT telemetry: a tile per device with its latest readings and online state; the selected device's
// sensors charted with their units.
PanelFrame {
    id: view

    property var panel
    property string selectedDevice: ""

    readonly property string shownDevice: selectedDevice.length > 0 ? selectedDevice
                                          : panel.devices.count > 0 ? panel.devices.deviceAt(0) : ""

    title: panel.title
    subtitle: panel.devices.count + " devices"
    connectionState: panel.connectionState
    eventsPerSecond: panel.eventsPerSecond
    tools: WindowSelector { feeder: view.panel.chart }

    RowLayout {
        anchors.fill: parent
        spacing: 10

        RowList {
            id: deviceList
            Layout.preferredWidth: 250
            Layout.fillWidth: false
            Layout.fillHeight: true
            clip: true
            spacing: 6
            model: view.panel.devices
            delegate: Rectangle {
                id: tile
                required property string device
                required property bool online
                required property string readingsText

                width: deviceList.width
                height: tileColumn.implicitHeight + 2 * tileColumn.anchors.margins
                radius: 4
                color: view.shownDevice === device ? Theme.surfaceAlt : "transparent"
                border.color: view.shownDevice === device ? Theme.accent : Theme.border

                ColumnLayout {
                    id: tileColumn
                    anchors.fill: parent
                    anchors.margins: 6
                    spacing: 2
                    RowLayout {
                        Rectangle { width: 8; height: 8; radius: 4; color: tile.online ? Theme.up : Theme.down }
                        Label { text: tile.device; font.bold: true; color: Theme.text; Layout.fillWidth: true }
                        Label { text: tile.online ? "online" : "offline"; font.pixelSize: 11; color: tile.online ? Theme.up : Theme.down }
                    }
                    Label {
                        text: tile.readingsText
                        font.pixelSize: 11
                        font.family: Theme.monoFont
                        color: tile.online ? Theme.textMuted : Theme.border
                    }
                }
                MouseArea {
                    anchors.fill: parent
                    onClicked: { view.selectedDevice = tile.device }
                }
            }
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumWidth: 300
            // Charts laid out at a sliver of a width keep stale axis labels in Qt 6.4, so the grid never
            // starts narrower than it ends up.
            columns: Math.min(4, Math.max(2, Math.floor(width / 220)))
            rowSpacing: 0
            columnSpacing: 0
            Repeater {
                model: view.panel.devices.sensors
                SeriesChart {
                    required property string modelData
                    required property int index
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumWidth: 180
                    Layout.minimumHeight: 120
                    title: view.shownDevice + " · " + modelData + (unit.length > 0 ? " (" + unit + ")" : "")
                    titleColor: Theme.text
                    titleFont.pixelSize: 12
                    feeder: view.panel.chart
                    seriesNames: view.shownDevice.length > 0 ? [view.shownDevice + " · " + modelData] : []
                    unit: view.panel.devices.unitOf(modelData)
                    colorOffset: index
                }
            }
        }
    }
}
