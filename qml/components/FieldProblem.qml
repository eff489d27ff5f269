// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import EventScope

// A validation message under a form field; takes no room when there is none.
Label {
    property string problem: ""

    visible: problem.length > 0
    text: problem
    color: Theme.critical
    font.pixelSize: 12
    wrapMode: Text.Wrap
    Layout.fillWidth: true
}
