// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import EventScope

// The subscription editor: problems appear under their field as the operator types, Save is only
// possible when the draft is valid, and what is saved is what was typed.
TestCase {
    id: testCase
    name: "SubscriptionEditor"
    when: windowShown
    width: 1000
    height: 900

    QtObject {
        id: fakeWorkspace
        property var saved: null
        function newSubscriptionJson() {
            return { name: "New subscription", url: "https://", method: "GET", panel: "raw", enabled: true }
        }
        function subscriptionJson(id) {
            return { id: id, name: "Stocks", url: "http://127.0.0.1:9/stocks", method: "GET", panel: "stock",
                     mapping: { seriesKey: ["/symbol"], value: "/price", time: "/time" }, enabled: true }
        }
        function saveSubscription(json) { saved = json; return "" }
        function removeSubscription(id) {}
    }

    Component {
        id: dialogComponent
        SubscriptionEditorDialog { workspace: fakeWorkspace }
    }

    function replaceText(field, text) {
        field.forceActiveFocus()
        field.selectAll()
        keyClick(Qt.Key_Delete)
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    function test_problemsShowInlineAndBlockSave() {
        const dialog = createTemporaryObject(dialogComponent, testCase)
        dialog.openFor("")
        tryCompare(dialog, "opened", true)
        const name = findChild(dialog.contentItem, "nameField")
        const nameProblem = findChild(dialog.contentItem, "nameProblem")
        const url = findChild(dialog.contentItem, "urlField")
        const urlProblem = findChild(dialog.contentItem, "urlProblem")
        const save = findChild(dialog.footer, "saveButton")
        verify(name && nameProblem && url && urlProblem && save)

        // A new subscription's URL is only a scheme: that is a problem until it names a host.
        verify(urlProblem.visible)
        verify(!save.enabled)
        replaceText(url, "http://127.0.0.1:8080/feed")
        tryCompare(urlProblem, "visible", false)
        verify(save.enabled)

        replaceText(name, "")
        compare(nameProblem.visible, true)
        compare(nameProblem.text, "give the subscription a name")
        verify(!save.enabled)

        replaceText(name, "Feed")
        compare(nameProblem.visible, false)
        replaceText(url, "ftp://x")
        verify(urlProblem.visible)
        verify(urlProblem.text.indexOf("http") >= 0)
        replaceText(url, "http://127.0.0.1:8080/feed")

        mouseClick(save)
        compare(fakeWorkspace.saved.name, "Feed")
        compare(fakeWorkspace.saved.url, "http://127.0.0.1:8080/feed")
        tryCompare(dialog, "opened", false)
    }

    function test_editingLoadsTheSubscription() {
        const dialog = createTemporaryObject(dialogComponent, testCase)
        dialog.openFor("abc")
        tryCompare(dialog, "opened", true)
        compare(findChild(dialog.contentItem, "nameField").text, "Stocks")
        compare(findChild(dialog.contentItem, "panelField").currentText, "stock")
        compare(findChild(dialog.contentItem, "valueField").text, "/price")
        compare(dialog.title, "Edit Stocks")

        // A chart panel without a value pointer cannot chart anything: the mapping says so.
        replaceText(findChild(dialog.contentItem, "valueField"), "")
        const mappingProblem = findChild(dialog.contentItem, "mappingProblem")
        verify(mappingProblem.visible)
        verify(mappingProblem.text.indexOf("/price") >= 0)
    }
}
