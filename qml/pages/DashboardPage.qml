// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import EventScope

// A grid of panels, one per enabled subscription, each of its subscription's kind.
Item {
    id: page

    property var workspace

    readonly property int columns: width > 1500 ? 3 : width > 900 ? 2 : 1

    // Brings the last panels into view (the screenshot tour's text panel).
    function scrollToEnd() { scroll.contentItem.contentY = Math.max(0, scroll.contentItem.contentHeight - scroll.height) }

    ScrollView {
        id: scroll
        anchors.fill: parent
        anchors.margins: Theme.spacing
        contentWidth: availableWidth
        clip: true

        GridLayout {
            width: parent.width
            columns: page.columns
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing

            Repeater {
                model: page.workspace.dashboard
                Loader {
                    id: loader
                    required property var panel
                    required property string kind

                    readonly property bool wide: kind === "stock" || kind === "iot"

                    // Chart panels take a whole row so each chart gets room; lists share a row.
                    Layout.columnSpan: wide ? page.columns : 1
                    Layout.fillWidth: true
                    Layout.preferredHeight: wide ? 300 : 280
                    Layout.preferredWidth: 100 // columns share the width evenly
                    // Only panels in view exist: a chart off screen would still repaint on every tick.
                    readonly property var flick: scroll.contentItem
                    active: y + height >= flick.contentY && y <= flick.contentY + flick.height
                    sourceComponent: kind === "stock" ? stockView : kind === "iot" ? iotView
                                   : kind === "progress" ? progressView : kind === "notifications" ? notificationsView
                                   : kind === "chart" ? chartView : kind === "text" ? textView : rawView

                    Component { id: stockView; StockPanelView { panel: loader.panel } }
                    Component { id: iotView; IotPanelView { panel: loader.panel } }
                    Component { id: progressView; ProgressPanelView { panel: loader.panel } }
                    Component { id: notificationsView; NotificationsPanelView { panel: loader.panel } }
                    Component { id: chartView; ChartPanelView { panel: loader.panel } }
                    Component { id: textView; TextPanelView { panel: loader.panel } }
                    Component { id: rawView; RawPanelView { panel: loader.panel } }
                }
            }
        }
    }

    Label {
        anchors.centerIn: parent
        visible: page.workspace.dashboard.count === 0
        text: "No subscriptions enabled.\nAdd one with Ctrl+N or switch one on in the sidebar."
        horizontalAlignment: Text.AlignHCenter
        color: Theme.textMuted
        font.pixelSize: 16
    }
}
