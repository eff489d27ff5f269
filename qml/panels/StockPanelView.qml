// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import EventScope

// Stock quotes: last price, change and change % per symbol, and a price chart per symbol.
PanelFrame {
    id: view

    property var panel

    title: panel.title
    subtitle: panel.quotes.count + " symbols"
    connectionState: panel.connectionState
    eventsPerSecond: panel.eventsPerSecond
    tools: WindowSelector { feeder: view.panel.chart }

    RowLayout {
        anchors.fill: parent
        spacing: 10

        ColumnLayout {
            Layout.preferredWidth: 290
            Layout.fillWidth: false
            Layout.fillHeight: true
            spacing: 0

            RowLayout {
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.rowHeight
                Repeater {
                    model: [["Symbol", 70, Text.AlignLeft], ["Last", 70, Text.AlignRight],
                            ["Change", 60, Text.AlignRight], ["%", 60, Text.AlignRight]]
                    Label {
                        text: modelData[0]
                        color: Theme.textMuted
                        font.pixelSize: 11
                        horizontalAlignment: modelData[2]
                        Layout.preferredWidth: modelData[1]
                    }
                }
            }
            RowList {
                id: quoteList
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: view.panel.quotes
                reuseItems: true
                delegate: RowLayout {
                    required property string symbol
                    required property double price
                    required property double change
                    required property double changePercent
                    required property int direction

                    readonly property color trend: change > 0 ? Theme.up : change < 0 ? Theme.down : Theme.textMuted

                    width: quoteList.width
                    height: Theme.rowHeight
                    Label { text: symbol; font.bold: true; color: Theme.text; Layout.preferredWidth: 70 }
                    Label {
                        text: price.toFixed(2) + (direction > 0 ? " ▲" : direction < 0 ? " ▼" : "  ")
                        color: direction > 0 ? Theme.up : direction < 0 ? Theme.down : Theme.text
                        font.family: Theme.monoFont
                        horizontalAlignment: Text.AlignRight
                        Layout.preferredWidth: 70
                    }
                    Label {
                        text: (change > 0 ? "+" : "") + change.toFixed(2)
                        color: trend
                        font.family: Theme.monoFont
                        horizontalAlignment: Text.AlignRight
                        Layout.preferredWidth: 60
                    }
                    Label {
                        text: (changePercent > 0 ? "+" : "") + changePercent.toFixed(2) + "%"
                        color: trend
                        font.family: Theme.monoFont
                        horizontalAlignment: Text.AlignRight
                        Layout.preferredWidth: 60
                    }
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
                model: view.panel.chart.seriesNames
                SeriesChart {
                    required property string modelData
                    required property int index
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumWidth: 180
                    Layout.minimumHeight: 120
                    title: modelData
                    titleColor: Theme.text
                    titleFont.pixelSize: 12
                    feeder: view.panel.chart
                    seriesNames: [modelData]
                    colorOffset: index
                }
            }
        }
    }
}
