// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material as M
import QtQuick.Layouts
import EventScope

// Long jobs: a progress bar per job with its state and time left; ended jobs sink below running ones.
PanelFrame {
    id: view

    property var panel

    title: panel.title
    subtitle: panel.jobs.runningCount + " running · " + (panel.jobs.count - panel.jobs.runningCount) + " ended"
    connectionState: panel.connectionState
    eventsPerSecond: panel.eventsPerSecond

    RowList {
        id: jobList
        anchors.fill: parent
        clip: true
        spacing: 4
        model: view.panel.jobs
        reuseItems: true
        // Rows take their new place at once: with jobs starting and ending every second or two, gliding
        // rows kept the window drawing at 60 Hz for a quarter second each time (over a third of the frames
        // with the demo at rest) and kept something moving at the edge of the operator's eye.
        delegate: ColumnLayout {
            required property string job
            required property string name
            required property double percent
            required property string jobState
            required property double eta
            required property string error

            readonly property color stateColor: jobState === "done" ? Theme.up : jobState === "failed" ? Theme.down : Theme.accent

            width: jobList.width
            spacing: 2
            RowLayout {
                Layout.fillWidth: true
                Label { text: name; color: Theme.text; elide: Text.ElideRight; Layout.fillWidth: true }
                Label { text: job; color: Theme.textMuted; font.pixelSize: 11; font.family: Theme.monoFont }
                Label {
                    text: jobState === "running" ? (eta >= 0 ? Math.round(eta) + " s left" : "running")
                                                 : jobState
                    color: stateColor
                    font.pixelSize: 12
                    horizontalAlignment: Text.AlignRight
                    Layout.preferredWidth: 80
                }
                Label {
                    text: Math.round(percent) + "%"
                    color: Theme.textMuted
                    font.family: Theme.monoFont
                    horizontalAlignment: Text.AlignRight
                    Layout.preferredWidth: 42
                }
            }
            ProgressBar {
                Layout.fillWidth: true
                from: 0
                to: 100
                value: percent
                M.Material.accent: stateColor
            }
            Label {
                visible: error.length > 0
                text: error
                color: Theme.down
                font.pixelSize: 11
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
    }
}
