// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import EventScope

// The panels' lists show rows without a current one, so rows inserted above do not set a highlight gliding.
Item {
    width: 300
    height: 200

    ListModel {
        id: rows
        ListElement { label: "first" } // a plain ListView makes a row current when its model has rows
    }

    RowList {
        id: list
        anchors.fill: parent
        model: rows
        delegate: Text { required property string label; text: label; height: 20 }
    }

    TestCase {
        name: "RowList"
        when: windowShown

        function test_rowsInsertedAboveLeaveNoCurrentRowOrHighlight() {
            for (let i = 0; i < 5; ++i)
                rows.insert(0, { label: "row " + i })
            tryCompare(list, "count", 6)
            compare(list.currentIndex, -1)
            compare(list.currentItem, null)
            compare(list.highlightItem, null)
        }
    }
}
