// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import EventScope

// The replay bar shows where a replay is and drives the workspace's replay controls.
Item {
    id: root
    width: 1000
    height: 60

    QtObject {
        id: fakeWorkspace
        property string replayName: "quotes.ndjson"
        property int replayPosition: 1500
        property int replayTotal: 6000
        property double replaySpeed: 1
        property bool replayPaused: false
        property var calls: []
        function setReplayPaused(paused) { calls.push("paused " + paused); replayPaused = paused }
        function setReplaySpeed(speed) { calls.push("speed " + speed); replaySpeed = speed }
        function seekReplay(position) { calls.push("seek " + position) }
        function closeReplay() { calls.push("close") }
    }

    ReplayBar {
        id: bar
        workspace: fakeWorkspace
        width: root.width
    }

    TestCase {
        name: "ReplayBar"
        when: windowShown

        function test_showsAndControlsTheReplay() {
            const playPause = findChild(bar, "replayPlayPause")
            const speed = findChild(bar, "replaySpeed")
            const seek = findChild(bar, "replaySeek")
            compare(playPause.text, "❚❚")
            compare(speed.currentText, "1×")
            compare(seek.value, 1500)
            compare(seek.to, 6000)
            mouseClick(playPause)
            compare(fakeWorkspace.calls, ["paused true"])
            compare(playPause.text, "▶")
            fakeWorkspace.replaySpeed = 0
            compare(speed.currentText, "max")
            fakeWorkspace.replayPosition = 6000
            compare(seek.value, 6000)
            fakeWorkspace.replayPaused = false
            compare(playPause.text, "▶") // finished: play again from the start
            mouseClick(playPause)
            compare(fakeWorkspace.calls, ["paused true", "seek 0", "paused false"])
        }
    }
}
