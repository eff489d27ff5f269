// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import EventScope

// A capture being replayed: where it is, play or pause, speed (1×, 10×, as fast as possible), seek, close.
Rectangle {
    id: bar

    property var workspace
    readonly property bool finished: workspace.replayPosition >= workspace.replayTotal

    implicitHeight: 44
    color: Qt.rgba(0.94, 0.64, 0.23, 0.12)
    border.color: Theme.warning

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 12
        anchors.rightMargin: 8
        spacing: 10

        Label { text: "⟲ Replay"; color: Theme.warning; font.bold: true }
        Label { text: bar.workspace.replayName; color: Theme.text; elide: Text.ElideMiddle; Layout.maximumWidth: 240 }
        Button {
            objectName: "replayPlayPause"
            text: bar.workspace.replayPaused || bar.finished ? "▶" : "❚❚"
            flat: true
            onClicked: {
                if (bar.finished) { // play it again from the start
                    bar.workspace.seekReplay(0)
                    bar.workspace.setReplayPaused(false)
                } else {
                    bar.workspace.setReplayPaused(!bar.workspace.replayPaused)
                }
            }
        }
        ComboBox {
            objectName: "replaySpeed"
            readonly property var speeds: [1, 10, 0]
            model: ["1×", "10×", "max"]
            currentIndex: Math.max(0, speeds.indexOf(bar.workspace.replaySpeed))
            implicitWidth: 90
            onActivated: (index) => { bar.workspace.setReplaySpeed(speeds[index]) }
        }
        Slider {
            objectName: "replaySeek"
            Layout.fillWidth: true
            from: 0
            to: Math.max(1, bar.workspace.replayTotal)
            value: bar.workspace.replayPosition
            onMoved: { bar.workspace.seekReplay(Math.round(value)) }
        }
        Label {
            text: bar.workspace.replayPosition.toLocaleString(Qt.locale(), "f", 0) + " / "
                  + bar.workspace.replayTotal.toLocaleString(Qt.locale(), "f", 0)
            color: Theme.textMuted
            font.family: Theme.monoFont
        }
        ToolButton {
            text: "✕"
            Accessible.name: "Close the replay"
            ToolTip.visible: hovered
            ToolTip.text: "Close the replay"
            onClicked: { bar.workspace.closeReplay() }
        }
    }
}
