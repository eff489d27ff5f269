// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import EventScope

// Totals at a glance: events per second, events held and buffered, open connections, the profile.
Rectangle {
    id: bar

    property var workspace
    property bool demo: false
    property var storeBrowser

    implicitHeight: 28
    color: Theme.surface
    border.color: Theme.border

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 10
        anchors.rightMargin: 10
        spacing: 18

        Label {
            objectName: "totalRate"
            text: Theme.formatRate(bar.workspace.subscriptions.totalEventsPerSecond)
            color: Theme.text
            font.family: Theme.monoFont
        }
        Label {
            text: Theme.formatCount(bar.workspace.eventLog.count) + " events held"
                  + (bar.workspace.eventLog.droppedCount > 0 ? " (" + Theme.formatCount(bar.workspace.eventLog.droppedCount) + " older let go)" : "")
            color: Theme.textMuted
        }
        Label {
            visible: bar.workspace.paused
            text: "Paused · " + Theme.formatCount(bar.workspace.bufferedCount) + " buffered"
            color: Theme.warning
            font.bold: true
        }
        Label {
            text: bar.workspace.subscriptions.openCount + " of " + bar.workspace.subscriptions.count + " connected"
            color: Theme.textMuted
        }
        Label {
            objectName: "captureStatus"
            visible: text.length > 0
            text: bar.workspace.captureProblem.length > 0 ? bar.workspace.captureProblem : bar.workspace.captureSummary
            color: bar.workspace.captureProblem.length > 0 ? Theme.down : Theme.textMuted
            elide: Text.ElideMiddle
            Layout.maximumWidth: bar.width * 0.35
        }
        Label {
            // A shared store that cannot be read (wrong password, server down) says so here, wherever the
            // operator is.
            objectName: "storeStatus"
            visible: text.length > 0
            text: bar.storeBrowser && bar.storeBrowser.problem.length > 0 ? bar.storeBrowser.problem : ""
            color: Theme.down
            elide: Text.ElideMiddle
            Layout.maximumWidth: bar.width * 0.35
        }
        Item { Layout.fillWidth: true }
        Label {
            // Where secret header values went, while that is news (moved into the keychain, or no keychain).
            id: secretsLabel
            objectName: "secretsNotice"
            visible: text.length > 0 && bar.workspace.profileProblem.length === 0
            text: bar.workspace.secretsNotice
            color: bar.workspace.secretsOnlyInMemory ? Theme.warning : Theme.textMuted
            elide: Text.ElideRight // what matters comes first; the cause, last, may be cut
            Layout.maximumWidth: bar.width * 0.4
            ToolTip.visible: secretsHover.hovered && truncated
            ToolTip.text: text
            HoverHandler { id: secretsHover }
        }
        Button {
            objectName: "keepSecretsInFile"
            visible: bar.workspace.secretsOnlyInMemory
            text: "Keep in a private file…"
            flat: true
            Layout.preferredHeight: 24
            onClicked: privateFileDialog.open()
        }
        Label {
            objectName: "profileStatus"
            visible: !secretsLabel.visible
            text: bar.workspace.profileProblem.length > 0 ? bar.workspace.profileProblem
                  : bar.demo ? "Demo profile (not saved)" : bar.workspace.profilePath
            color: bar.workspace.profileProblem.length > 0 ? Theme.down : Theme.textMuted
            elide: Text.ElideMiddle
            Layout.maximumWidth: bar.width * 0.45
        }
    }

    Dialog {
        id: privateFileDialog
        objectName: "privateFileDialog"
        title: "Keep secret header values in a file?"
        modal: true
        anchors.centerIn: Overlay.overlay
        width: 520
        standardButtons: Dialog.Yes | Dialog.No
        onAccepted: bar.workspace.keepSecretsInPrivateFile()

        Label {
            width: parent.width
            wrapMode: Text.WordWrap
            text: "No system keychain answered, so tokens, keys and cookies in your subscriptions' headers "
                  + "are kept only until EventScope closes.\n\nKeep them in the profile file instead ("
                  + bar.workspace.profilePath + ")? Only your user account will be able to read it, "
                  + "but they will be stored there in plain text."
        }
    }
}
