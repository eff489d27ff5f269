// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import EventScope

// The status bar's word on secret header values: the notice in place of the profile's path while it is
// news, and, while no keychain answers, the offer of a private file that asks before it writes.
Item {
    id: root
    width: 1400
    height: 400

    QtObject {
        id: fakeWorkspace
        property QtObject subscriptions: QtObject {
            property real totalEventsPerSecond: 0
            property int openCount: 0
            property int count: 1
        }
        property QtObject eventLog: QtObject {
            property int count: 0
            property int droppedCount: 0
        }
        property bool paused: false
        property int bufferedCount: 0
        property string captureProblem: ""
        property string captureSummary: ""
        property string profileProblem: ""
        property string profilePath: "/home/op/.config/EventScope/eventscope/profile.json"
        property string secretsNotice: ""
        property bool secretsOnlyInMemory: false
        property int keptInFile: 0
        function keepSecretsInPrivateFile() { keptInFile++ }
    }

    StatusBar {
        id: bar
        workspace: fakeWorkspace
        width: parent.width
    }

    TestCase {
        name: "StatusBar"
        when: windowShown

        function init() {
            fakeWorkspace.secretsNotice = ""
            fakeWorkspace.secretsOnlyInMemory = false
            fakeWorkspace.keptInFile = 0
        }

        function test_showsTheProfileWhenThereIsNoNews() {
            verify(findChild(bar, "profileStatus").visible)
            compare(findChild(bar, "profileStatus").text, fakeWorkspace.profilePath)
            verify(!findChild(bar, "secretsNotice").visible)
            verify(!findChild(bar, "keepSecretsInFile").visible)
        }

        function test_offersAPrivateFileAndAsksFirst() {
            fakeWorkspace.secretsNotice = "Secret header values kept for this session only: no system keychain answered (no bus)"
            fakeWorkspace.secretsOnlyInMemory = true
            const notice = findChild(bar, "secretsNotice")
            verify(notice.visible)
            verify(!findChild(bar, "profileStatus").visible)
            compare(notice.color, Theme.warning)
            const offer = findChild(bar, "keepSecretsInFile")
            verify(offer.visible)
            mouseClick(offer)
            const dialog = findChild(bar, "privateFileDialog")
            tryVerify(() => dialog.opened)
            compare(fakeWorkspace.keptInFile, 0) // nothing is written before the operator says yes
            dialog.accept()
            compare(fakeWorkspace.keptInFile, 1)
        }

        function test_movedNoticeIsQuiet() {
            fakeWorkspace.secretsNotice = "Moved 2 secret header values from profile.json into the system keychain"
            verify(findChild(bar, "secretsNotice").visible)
            compare(findChild(bar, "secretsNotice").color, Theme.textMuted)
            verify(!findChild(bar, "keepSecretsInFile").visible)
        }
    }
}
