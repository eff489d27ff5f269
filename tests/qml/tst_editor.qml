// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import EventScope

// The subscription editor: problems appear under their field as the operator types, Save is only
// possible when the draft is valid, and what is saved is what was typed; a pasted curl command fills the
// request in, and the request copied as curl masks its secrets unless asked.
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

    Component {
        id: pasteTarget
        TextEdit {}
    }

    function test_curlPastedAndCopied() {
        const dialog = createTemporaryObject(dialogComponent, testCase)
        dialog.openFor("")
        tryCompare(dialog, "opened", true)
        mouseClick(findChild(dialog.contentItem, "pasteCurlButton"))
        const popup = findChild(dialog, "curlPopup")
        tryCompare(popup, "opened", true)
        findChild(popup.contentItem, "curlText").text =
            "curl -N https://api.example.com/v1/chat -H 'Authorization: Bearer sk-123' --json '{\"q\":1}' --retry 3"
        mouseClick(findChild(popup.contentItem, "useCurlButton"))
        tryCompare(popup, "visible", false)

        compare(findChild(dialog.contentItem, "urlField").text, "https://api.example.com/v1/chat")
        compare(findChild(dialog.contentItem, "curlMessage").text,
                "Took the URL, POST, 2 headers and the body from curl. Not taken: --retry 3.")
        const save = findChild(dialog.footer, "saveButton")
        verify(save.enabled)
        dialog.copyAsCurl(false)
        const pasted = createTemporaryObject(pasteTarget, testCase)
        pasted.paste()
        compare(pasted.text, "curl -N -X POST https://api.example.com/v1/chat -H 'Accept: text/event-stream' "
                + "-H 'Authorization: Bearer ••••••••' -H 'Content-Type: application/json' --data-raw '{\"q\":1}'")
        mouseClick(save)
        compare(fakeWorkspace.saved.method, "POST")
        compare(fakeWorkspace.saved.body, "{\"q\":1}")
        compare(fakeWorkspace.saved.headers[0].value, "Bearer sk-123")
    }
}
