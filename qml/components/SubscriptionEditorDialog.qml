// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import EventScope
import EventScope.Models

// Adds or edits a subscription: every setting, a header table (secret values masked), threshold rules,
// problems shown under the field they concern, and "Test connection" with the first events it brings.
Dialog {
    id: dialog
    objectName: "subscriptionEditor"

    property var workspace
    property bool isNew: true
    property string saveError: ""

    readonly property var fields: editor.fields
    readonly property var problems: editor.problems
    readonly property bool editorValid: editor.valid

    function openFor(subscriptionId) {
        isNew = subscriptionId.length === 0
        editor.load(isNew ? workspace.newSubscriptionJson() : workspace.subscriptionJson(subscriptionId))
        probe.stop()
        saveError = ""
        open()
    }

    title: isNew ? "New subscription" : "Edit " + fields.name
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(parent.width - 80, 860)
    height: Math.min(parent.height - 60, 820)
    padding: 16
    onClosed: { probe.stop() }

    SubscriptionEditor { id: editor }
    ConnectionProbe { id: probe }

    component FieldLabel: Label { color: Theme.textMuted; font.pixelSize: 12; Layout.alignment: Qt.AlignRight | Qt.AlignTop; Layout.topMargin: 10 }

    contentItem: ScrollView {
        id: scroll
        contentWidth: availableWidth
        clip: true

        GridLayout {
            width: scroll.availableWidth
            columns: 2
            columnSpacing: 12
            rowSpacing: 4

            FieldLabel { text: "Name" }
            ColumnLayout {
                Layout.fillWidth: true
                TextField {
                    objectName: "nameField"
                    Accessible.name: "Name"
                    Layout.fillWidth: true
                    text: dialog.fields.name
                    onTextEdited: { editor.set("name", text) }
                }
                FieldProblem { objectName: "nameProblem"; problem: dialog.problems.name || "" }
            }

            FieldLabel { text: "URL" }
            ColumnLayout {
                Layout.fillWidth: true
                RowLayout {
                    ComboBox {
                        objectName: "methodField"
                        Accessible.name: "Method"
                        Layout.preferredWidth: 110
                        editable: true
                        model: ["GET", "POST", "PUT", "PATCH"]
                        editText: dialog.fields.method
                        onEditTextChanged: { editor.set("method", editText) }
                    }
                    TextField {
                        objectName: "urlField"
                        Accessible.name: "URL"
                        Layout.fillWidth: true
                        placeholderText: "https://example.com/stream"
                        text: dialog.fields.url
                        onTextEdited: { editor.set("url", text) }
                    }
                    Button {
                        objectName: "pasteCurlButton"
                        text: "Paste curl…"
                        flat: true
                        ToolTip.visible: hovered
                        ToolTip.text: "Fill in the URL, method, headers and body from a curl command line"
                        onClicked: { curlPopup.open(); curlText.forceActiveFocus() }
                    }
                }
                Label {
                    objectName: "curlMessage"
                    visible: text.length > 0
                    text: dialog.curlMessage
                    color: Theme.textMuted
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                FieldProblem { objectName: "urlProblem"; problem: (dialog.problems.url || "") + (dialog.problems.method ? "\n" + dialog.problems.method : "") }
            }

            FieldLabel { text: "Headers" }
            ColumnLayout {
                Layout.fillWidth: true
                Repeater {
                    model: dialog.fields.headers
                    RowLayout {
                        required property int index
                        required property var modelData
                        Layout.fillWidth: true
                        TextField {
                            Layout.preferredWidth: 200
                            placeholderText: "Name"
                            Accessible.name: "Header name"
                            text: modelData.name
                            onEditingFinished: { editor.setHeader(index, text, modelData.value) }
                        }
                        TextField {
                            Layout.fillWidth: true
                            placeholderText: "Value"
                            Accessible.name: "Header value"
                            text: modelData.value
                            echoMode: modelData.secret && !activeFocus ? TextInput.Password : TextInput.Normal
                            onEditingFinished: { editor.setHeader(index, modelData.name, text) }
                        }
                        ToolButton { text: "✕"; Accessible.name: "Remove header"; ToolTip.visible: hovered; ToolTip.text: "Remove this header"; onClicked: { editor.removeHeader(index) } }
                    }
                }
                Button { text: "Add header"; flat: true; onClicked: { editor.addHeader() } }
                FieldProblem { problem: dialog.problems.headers || "" }
            }

            FieldLabel { text: "Body"; visible: dialog.fields.method !== "GET" }
            TextArea {
                objectName: "bodyField"
                visible: dialog.fields.method !== "GET"
                Accessible.name: "Body"
                // Tab moves on, as in every other field, rather than typing a tab into the body.
                Keys.onTabPressed: { nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason) }
                Keys.onBacktabPressed: { nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason) }
                Layout.fillWidth: true
                Layout.preferredHeight: 70
                placeholderText: "{\"prompt\": \"…\"}"
                font.family: Theme.monoFont
                text: dialog.fields.body
                onTextChanged: { editor.set("body", text) }
            }

            FieldLabel { text: "Event types" }
            TextField {
                Layout.fillWidth: true
                placeholderText: "all (or a list: quote, trade)"
                Accessible.name: "Event types"
                text: dialog.fields.eventTypes
                onTextEdited: { editor.set("eventTypes", text) }
            }

            FieldLabel { text: "Panel" }
            ComboBox {
                objectName: "panelField"
                Accessible.name: "Panel"
                Layout.preferredWidth: 200
                model: editor.panelKinds
                currentIndex: editor.panelKinds.indexOf(dialog.fields.panel)
                onActivated: (index) => { editor.setPanel(editor.panelKinds[index]) }
            }

            FieldLabel { text: "Field mapping" }
            ColumnLayout {
                Layout.fillWidth: true
                // JSON pointers into each event's data; each box keeps its label once it holds a value.
                GridLayout {
                    columns: 3
                    columnSpacing: 8
                    rowSpacing: 0
                    Label { text: "Series key"; color: Theme.textMuted; font.pixelSize: 11 }
                    Label { text: dialog.fields.panel === "text" ? "Text (empty: the whole data)" : "Value"; color: Theme.textMuted; font.pixelSize: 11 }
                    Label { text: "Time (empty: when received)"; color: Theme.textMuted; font.pixelSize: 11 }
                    TextField {
                        objectName: "seriesKeyField"
                        Layout.fillWidth: true
                        placeholderText: "/symbol"
                        Accessible.name: "Series key"
                        text: dialog.fields.seriesKey
                        onTextEdited: { editor.set("seriesKey", text) }
                    }
                    TextField {
                        objectName: "valueField"
                        Layout.fillWidth: true
                        placeholderText: dialog.fields.panel === "text" ? "/choices/0/delta/content" : "/price"
                        Accessible.name: dialog.fields.panel === "text" ? "Text" : "Value"
                        text: dialog.fields.value
                        onTextEdited: { editor.set("value", text) }
                    }
                    TextField {
                        objectName: "timeField"
                        Layout.fillWidth: true
                        placeholderText: "/time"
                        Accessible.name: "Time"
                        text: dialog.fields.time
                        onTextEdited: { editor.set("time", text) }
                    }
                }
                FieldProblem { objectName: "mappingProblem"; problem: dialog.problems.mapping || "" }
            }

            // A text panel appends the value pointer's text (empty: the whole data) to a message that
            // ends at a marker or an event type.
            FieldLabel { text: "Message end"; visible: dialog.fields.panel === "text" }
            GridLayout {
                visible: dialog.fields.panel === "text"
                columns: 2
                columnSpacing: 8
                rowSpacing: 0
                Layout.fillWidth: true
                Label { text: "Data that ends a message"; color: Theme.textMuted; font.pixelSize: 11 }
                Label { text: "Event type that ends a message"; color: Theme.textMuted; font.pixelSize: 11 }
                TextField {
                    objectName: "endDataField"
                    Layout.fillWidth: true
                    placeholderText: "[DONE]"
                    Accessible.name: "Data that ends a message"
                    text: dialog.fields.endData
                    onTextEdited: { editor.set("endData", text) }
                }
                TextField {
                    objectName: "endTypeField"
                    Layout.fillWidth: true
                    placeholderText: "none (e.g. message_stop)"
                    Accessible.name: "Event type that ends a message"
                    text: dialog.fields.endType
                    onTextEdited: { editor.set("endType", text) }
                }
            }

            FieldLabel { text: "Threshold rules" }
            ColumnLayout {
                Layout.fillWidth: true
                RowLayout {
                    visible: dialog.fields.rules.length > 0
                    Label { text: "Series"; color: Theme.textMuted; font.pixelSize: 11; Layout.preferredWidth: 130 }
                    Label { text: "When the value is"; color: Theme.textMuted; font.pixelSize: 11; Layout.preferredWidth: ruleKindText.advanceWidth + 72 }
                    Label { text: "Limit"; color: Theme.textMuted; font.pixelSize: 11; Layout.preferredWidth: 90 }
                    Label { text: "Severity"; color: Theme.textMuted; font.pixelSize: 11; Layout.preferredWidth: 120 }
                    Label { text: "Desktop alert"; color: Theme.textMuted; font.pixelSize: 11 }
                }
                // The widest rule kind sets the kind boxes' width (its text, the box's padding and arrow), so
                // none is cut ("change % beyond").
                TextMetrics { id: ruleKindText; text: "change % beyond" }
                Repeater {
                    model: dialog.fields.rules
                    RowLayout {
                        required property int index
                        required property var modelData
                        readonly property var kinds: ["above", "below", "changePercent"]
                        readonly property var severities: ["info", "warning", "critical"]
                        TextField { Layout.preferredWidth: 130; placeholderText: "any"; Accessible.name: "Rule series"; text: modelData.series || ""; onEditingFinished: { editor.setRule(index, "series", text) } }
                        ComboBox {
                            objectName: "ruleKind"
                            Layout.preferredWidth: ruleKindText.advanceWidth + 72
                            Accessible.name: "Rule kind"
                            model: ["above", "below", "change % beyond"]
                            currentIndex: parent.kinds.indexOf(modelData.kind)
                            onActivated: (i) => { editor.setRule(index, "kind", parent.kinds[i]) }
                        }
                        TextField { Layout.preferredWidth: 90; Accessible.name: "Rule limit"; text: String(modelData.limit); onEditingFinished: { editor.setRule(index, "limit", text) } }
                        ComboBox {
                            Layout.preferredWidth: 120
                            Accessible.name: "Rule severity"
                            model: parent.severities
                            currentIndex: parent.severities.indexOf(modelData.severity)
                            onActivated: (i) => { editor.setRule(index, "severity", parent.severities[i]) }
                        }
                        // Critical and warning breaches reach the desktop while the window is not in front.
                        Switch {
                            objectName: "ruleNotify"
                            checked: modelData.notify !== false
                            enabled: modelData.severity !== "info"
                            Accessible.name: "Desktop alert for this rule"
                            ToolTip.visible: hovered
                            ToolTip.text: "Raise a desktop notification when this rule fires and EventScope is not in front (at most one every 30 s)"
                            onToggled: { editor.setRule(index, "notify", checked) }
                        }
                        ToolButton { text: "✕"; Accessible.name: "Remove rule"; ToolTip.visible: hovered; ToolTip.text: "Remove this rule"; onClicked: { editor.removeRule(index) } }
                    }
                }
                Button { text: "Add rule"; flat: true; onClicked: { editor.addRule() } }
                FieldProblem { problem: dialog.problems.rules || "" }
            }

            FieldLabel { text: "Reconnect" }
            ColumnLayout {
                Layout.fillWidth: true
                GridLayout {
                    columns: 3
                    columnSpacing: 12
                    rowSpacing: 0
                    Label { text: "first delay (ms)"; color: Theme.textMuted; font.pixelSize: 12 }
                    Label { text: "longest delay (ms)"; color: Theme.textMuted; font.pixelSize: 12 }
                    Label { text: "attempts (0: no limit)"; color: Theme.textMuted; font.pixelSize: 12 }
                    SpinBox { Accessible.name: "First reconnect delay in milliseconds"; from: 0; to: 3600000; stepSize: 500; editable: true; value: dialog.fields.initialDelayMs; onValueModified: { editor.set("initialDelayMs", value) } }
                    SpinBox { Accessible.name: "Longest reconnect delay in milliseconds"; from: 0; to: 86400000; stepSize: 1000; editable: true; value: dialog.fields.maxDelayMs; onValueModified: { editor.set("maxDelayMs", value) } }
                    SpinBox { Accessible.name: "Reconnect attempts, 0 for no limit"; from: 0; to: 1000000; editable: true; value: dialog.fields.maxAttempts; onValueModified: { editor.set("maxAttempts", value) } }
                }
                FieldProblem { problem: [dialog.problems.initialDelayMs, dialog.problems.maxDelayMs, dialog.problems.maxAttempts].filter(p => !!p).join("\n") }
            }

            FieldLabel { text: "Idle timeout" }
            RowLayout {
                SpinBox { Accessible.name: "Idle timeout in seconds, 0 for never"; from: 0; to: 86400; editable: true; value: dialog.fields.idleTimeoutSeconds; onValueModified: { editor.set("idleTimeoutSeconds", value) } }
                Label { text: "seconds without bytes, heartbeats included, before reconnecting (0: never)"; color: Theme.textMuted; font.pixelSize: 12 }
            }

            Item { width: 1; height: 1 }
            RowLayout {
                CheckBox { text: "Enabled"; checked: dialog.fields.enabled; onToggled: { editor.set("enabled", checked) } }
                CheckBox {
                    text: "Accept invalid TLS certificates"
                    checked: dialog.fields.allowInsecureTls
                    onToggled: { editor.set("allowInsecureTls", checked) }
                }
            }

            FieldLabel { text: "Test" }
            ColumnLayout {
                Layout.fillWidth: true
                RowLayout {
                    Button {
                        objectName: "testButton"
                        text: probe.running ? "Stop test" : "Test connection"
                        onClicked: { if (probe.running) probe.stop(); else probe.start(editor.toJson()) }
                    }
                    StateDot { visible: probe.state.length > 0; connectionState: probe.state === "invalid" ? "closed" : probe.state }
                    Label {
                        objectName: "probeMessage"
                        text: probe.state + (probe.message.length > 0 ? ": " + probe.message : "")
                        color: probe.state === "open" ? Theme.up : probe.message.length > 0 && probe.events.length === 0 ? Theme.down : Theme.textMuted
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
                Repeater {
                    model: probe.events
                    Label {
                        required property string modelData
                        text: modelData
                        font.family: Theme.monoFont
                        font.pixelSize: 11
                        color: Theme.text
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }

    function save() {
        saveError = workspace.saveSubscription(editor.toJson())
        if (saveError.length === 0)
            close()
    }

    property string curlMessage: ""
    onOpened: { curlMessage = "" }
    // The paste box with `text` in it, as the operator would have pasted it (the screenshot tour).
    function showCurlPaste(text) {
        curlText.text = text
        curlPopup.open()
    }

    Popup {
        id: curlPopup
        objectName: "curlPopup"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(parent.width - 120, 720)
        modal: true
        padding: 16
        ColumnLayout {
            anchors.fill: parent
            spacing: 8
            Label { text: "Paste a curl command line (from API documentation or a browser's Copy as cURL)"; color: Theme.text }
            ScrollView {
                Layout.fillWidth: true
                Layout.preferredHeight: 160
                TextArea {
                    id: curlText
                    objectName: "curlText"
                    Accessible.name: "curl command line"
                    Keys.onTabPressed: { nextItemInFocusChain(true).forceActiveFocus(Qt.TabFocusReason) }
                    Keys.onBacktabPressed: { nextItemInFocusChain(false).forceActiveFocus(Qt.BacktabFocusReason) }
                    placeholderText: "curl -N https://api.example.com/stream -H 'Authorization: Bearer …'"
                    font.family: Theme.monoFont
                    wrapMode: TextEdit.WrapAnywhere
                    selectByMouse: true
                }
            }
            RowLayout {
                Item { Layout.fillWidth: true }
                Button { text: "Cancel"; flat: true; onClicked: { curlPopup.close() } }
                Button {
                    objectName: "useCurlButton"
                    text: "Use it"
                    highlighted: true
                    enabled: curlText.text.trim().length > 0
                    onClicked: { dialog.curlMessage = editor.pasteCurl(curlText.text); curlPopup.close() }
                }
            }
        }
    }

    // The clipboard, which QML reaches only through a text editor.
    TextEdit { id: clipboard; visible: false }
    function copyAsCurl(revealSecrets) {
        clipboard.text = editor.curlCommand(revealSecrets)
        clipboard.selectAll()
        clipboard.copy()
        curlMessage = revealSecrets ? "Copied as curl, secrets included: mind where you paste it."
                                    : "Copied as curl, secret values masked."
    }

    footer: RowLayout {
        spacing: 8
        Button {
            text: "Delete"
            visible: !dialog.isNew
            flat: true
            Layout.leftMargin: 16
            onClicked: { dialog.workspace.removeSubscription(dialog.fields.id); dialog.close() }
        }
        Label {
            text: dialog.saveError.length > 0 ? dialog.saveError : dialog.editorValid ? "" : "Fix the fields marked in red to save."
            color: dialog.saveError.length > 0 ? Theme.critical : Theme.textMuted
            elide: Text.ElideRight
            Layout.fillWidth: true
            Layout.leftMargin: 16
        }
        Button {
            objectName: "copyCurlButton"
            text: "Copy as curl"
            flat: true
            onClicked: { copyMenu.popup() }
            Menu {
                id: copyMenu
                MenuItem { text: "Secret values masked"; onTriggered: { dialog.copyAsCurl(false) } }
                MenuItem { text: "With secret values"; onTriggered: { dialog.copyAsCurl(true) } }
            }
        }
        Button { text: "Cancel"; flat: true; onClicked: { dialog.close() } }
        Button {
            objectName: "saveButton"
            text: "Save"
            enabled: dialog.editorValid
            highlighted: true
            Layout.rightMargin: 16
            onClicked: { dialog.save() }
        }
    }
}
