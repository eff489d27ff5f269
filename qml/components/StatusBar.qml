import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import EventScope

// Totals at a glance: events per second, events held and buffered, open connections, the profile.
Rectangle {
    id: bar

    property var workspace
    property bool demo: false

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
        Item { Layout.fillWidth: true }
        Label {
            text: bar.workspace.profileProblem.length > 0 ? bar.workspace.profileProblem
                  : bar.demo ? "Demo profile (not saved)" : bar.workspace.profilePath
            color: bar.workspace.profileProblem.length > 0 ? Theme.down : Theme.textMuted
            elide: Text.ElideMiddle
            Layout.maximumWidth: bar.width * 0.45
        }
    }
}
