// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import EventScope
import EventScope.Models

// Exports events to a file: what the Events page shows, or what the capture store holds within a time
// range, source, type and text; NDJSON, CSV, JSON or .sse; with progress and cancel.
Dialog {
    id: dialog

    property var workspace
    property bool fromView: true
    // The store "From the capture store" reads, and the sources it offers: this desktop's own unless the
    // Store page asks for the one it browses.
    property string storeLocation: workspace.capturePath
    property var storeSources: workspace.eventLog.sources

    readonly property var formats: ["ndjson", "csv", "json", "sse"]
    readonly property var ranges: [0, 3600000, 86400000, 7 * 86400000] // all, last hour, day, week

    function openFor(view) {
        fromView = view
        storeLocation = Qt.binding(() => workspace.capturePath)
        storeSources = Qt.binding(() => workspace.eventLog.sources)
        open()
    }
    function openForStore(location, sources, containing, sourceName) {
        fromView = false
        storeLocation = location
        storeSources = sources
        text.text = containing
        source.currentIndex = Math.max(0, source.find(sourceName))
        open()
    }

    title: "Export events"
    modal: true
    anchors.centerIn: Overlay.overlay
    width: 560
    closePolicy: exporter.running ? Popup.NoAutoClose : Popup.CloseOnEscape

    CaptureExport {
        id: exporter
        onFinished: (ok) => { if (ok) dialog.close() }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        RadioButton {
            // Counted only while the dialog is open: a closed dialog's label is not worth a layout per frame.
            text: "What the Events page shows"
                  + (dialog.visible ? " (" + dialog.workspace.events.count.toLocaleString(Qt.locale(), "f", 0) + " events)" : "")
            checked: dialog.fromView
            onToggled: { dialog.fromView = checked }
        }
        RadioButton {
            text: "From the capture store" + (dialog.storeLocation !== dialog.workspace.capturePath ? " " + dialog.storeLocation : "")
            checked: !dialog.fromView
            enabled: dialog.storeLocation.length > 0
            onToggled: { dialog.fromView = !checked }
        }
        GridLayout {
            enabled: !dialog.fromView
            opacity: enabled ? 1 : 0.5
            columns: 2
            Layout.leftMargin: 32
            Label { text: "Time"; color: Theme.textMuted }
            ComboBox { id: range; model: ["All", "Last hour", "Last 24 hours", "Last 7 days"]; Layout.fillWidth: true }
            Label { text: "Source"; color: Theme.textMuted }
            ComboBox { id: source; model: ["All sources"].concat(dialog.storeSources); Layout.fillWidth: true }
            Label { text: "Type"; color: Theme.textMuted }
            ComboBox { id: type; model: ["All types"].concat(dialog.workspace.eventLog.types); Layout.fillWidth: true }
            Label { text: "Containing"; color: Theme.textMuted }
            TextField { id: text; placeholderText: "any text"; Layout.fillWidth: true }
        }
        RowLayout {
            Label { text: "Format"; color: Theme.textMuted }
            ComboBox {
                id: format
                model: ["NDJSON", "CSV", "JSON array", ".sse stream"]
                Layout.fillWidth: true
            }
        }
        ProgressBar {
            visible: exporter.running
            Layout.fillWidth: true
            from: 0
            to: Math.max(1, exporter.total)
            value: exporter.written
        }
        Label {
            text: exporter.running ? exporter.written.toLocaleString(Qt.locale(), "f", 0) + " of "
                                     + exporter.total.toLocaleString(Qt.locale(), "f", 0) + " events"
                                   : exporter.message
            visible: text.length > 0
            color: Theme.textMuted
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            text: "Header values are never recorded, so no secret can end up in an export."
            color: Theme.textMuted
            font.pixelSize: 11
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
    }

    footer: RowLayout {
        Item { Layout.fillWidth: true }
        Button {
            text: exporter.running ? "Cancel export" : "Close"
            flat: true
            onClicked: { if (exporter.running) exporter.cancel(); else dialog.close() }
        }
        Button {
            text: "Export…"
            highlighted: true
            enabled: !exporter.running
            Layout.rightMargin: 16
            onClicked: { saveDialog.open() }
        }
    }

    FileDialog {
        id: saveDialog
        fileMode: FileDialog.SaveFile
        title: "Export to"
        defaultSuffix: dialog.formats[format.currentIndex]
        nameFilters: [format.currentText + " (*." + dialog.formats[format.currentIndex] + ")"]
        onAccepted: {
            const fmt = dialog.formats[format.currentIndex]
            if (dialog.fromView) {
                exporter.exportView(dialog.workspace.events, selectedFile, fmt)
            } else {
                const span = dialog.ranges[range.currentIndex]
                exporter.exportStore(dialog.storeLocation, selectedFile, fmt, span > 0 ? Date.now() - span : 0, 0,
                                     source.currentIndex > 0 ? source.currentText : "",
                                     type.currentIndex > 0 ? type.currentText : "", text.text)
            }
        }
    }
}
