// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material as M
import QtQuick.Dialogs
import QtQuick.Layouts
import EventScope
import EventScope.Models

// The main window: subscriptions on the left, the Dashboard, Events and Notifications pages, and a
// status bar. Shortcuts: Ctrl+P pause all, Ctrl+N new subscription, Ctrl+F find in events, Ctrl+1/2/3 pages.
ApplicationWindow {
    id: window

    required property Workspace workspace
    property bool demo: false

    // For the screenshot tour and tests: a page ("dashboard", "text" (the dashboard's last panels), "events",
    // "notifications", "store") or a dialog ("editor", "curl" (the editor pasting a curl command),
    // "settings", "export", "about").
    function showPage(name) {
        editorDialog.close()
        exportDialog.close()
        aboutDialog.close()
        settingsDialog.close()
        if (name === "text") {
            pages.currentIndex = 0
            dashboardPage.scrollToEnd()
            return
        }
        if (name === "settings") {
            pages.currentIndex = 3
            settingsDialog.open()
            return
        }
        if (name === "about") {
            pages.currentIndex = 0
            aboutDialog.open()
            return
        }
        if (name === "export") {
            pages.currentIndex = 1
            exportDialog.openFor(true)
            return
        }
        if (name === "editor" || name === "curl") {
            pages.currentIndex = 0
            editorDialog.openFor(name === "curl" ? "" : workspace.subscriptions.idAt(0))
            if (name === "curl")
                editorDialog.showCurlPaste("curl -N https://api.example.com/v1/chat/completions \\\n"
                                           + "  -H 'Authorization: Bearer sk-…' \\\n"
                                           + "  --json '{\"model\": \"m\", \"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"Status?\"}]}' \\\n"
                                           + "  --retry 3")
            return
        }
        pages.currentIndex = ["dashboard", "events", "notifications", "store"].indexOf(name)
        if (name === "events")
            eventsPage.selectLatest()
    }

    width: 1480
    height: 920
    visible: true
    title: "EventScope" + (demo ? " — demo feeds" : "")
    color: Theme.window

    M.Material.theme: Theme.dark ? M.Material.Dark : M.Material.Light
    M.Material.accent: Theme.accent
    M.Material.primary: Theme.surface
    M.Material.background: Theme.window
    M.Material.foreground: Theme.text

    Preferences { id: preferences }
    // The Store page's store: the shared one from Settings, else this desktop's own. A shared store is read
    // at start and whenever it changes, so a wrong password or a server down shows in the status bar.
    StoreBrowser { id: storeBrowser }
    readonly property string storeLocation: preferences.sharedStore.length > 0 ? preferences.sharedStore : window.workspace.capturePath
    Connections {
        target: preferences
        function onSharedStoreChanged() { if (preferences.sharedStore.length > 0) storeBrowser.open(preferences.sharedStore) }
    }
    Binding { target: Theme; property: "dark"; value: preferences.darkTheme }
    // Critical and warning notifications go to the desktop while the operator looks elsewhere.
    Binding { target: window.workspace.alerts; property: "windowActive"; value: window.active }
    Binding { target: window.workspace.eventLog; property: "capacity"; value: preferences.eventLogCapacity }
    Connections {
        target: preferences
        function onRetentionChanged() { window.workspace.setRetention(preferences.captureMaxAgeDays, preferences.captureMaxMegabytes) }
    }
    Component.onCompleted: {
        workspace.setRetention(preferences.captureMaxAgeDays, preferences.captureMaxMegabytes)
        if (preferences.sharedStore.length > 0)
            storeBrowser.open(preferences.sharedStore)
    }

    Shortcut { sequence: "Ctrl+P"; onActivated: { window.workspace.paused = !window.workspace.paused } }
    Shortcut { sequence: StandardKey.New; onActivated: { editorDialog.openFor("") } }
    Shortcut { sequence: StandardKey.Find; onActivated: { pages.currentIndex = 1; eventsPage.focusSearch() } }
    Shortcut { sequence: "Ctrl+1"; onActivated: { pages.currentIndex = 0 } }
    Shortcut { sequence: "Ctrl+2"; onActivated: { pages.currentIndex = 1 } }
    Shortcut { sequence: "Ctrl+3"; onActivated: { pages.currentIndex = 2 } }
    Shortcut { sequence: "Ctrl+4"; onActivated: { pages.currentIndex = 3 } }

    header: ToolBar {
        M.Material.background: Theme.surface
        height: 48

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 8
            spacing: 12

            Label { text: "EventScope"; font.pixelSize: 18; font.bold: true; color: Theme.text }

            TabBar {
                id: tabs
                currentIndex: pages.currentIndex
                onCurrentIndexChanged: { pages.currentIndex = currentIndex }
                M.Material.background: "transparent"
                TabButton { text: "Dashboard"; width: implicitWidth + 24 }
                TabButton { text: "Events"; width: implicitWidth + 24 }
                TabButton {
                    objectName: "notificationsTab"
                    width: implicitWidth + 24
                    text: "Notifications"
                    // The badge sits in the right padding, so "999+" never covers the title.
                    rightPadding: unreadBadge.visible ? unreadBadge.width + 8 : leftPadding
                    Rectangle {
                        id: unreadBadge
                        visible: window.workspace.notifications.unreadCount > 0
                        anchors.right: parent.right
                        anchors.rightMargin: 6
                        anchors.verticalCenter: parent.verticalCenter
                        width: Math.max(20, badge.implicitWidth + 10)
                        height: 20
                        radius: 10
                        color: Theme.critical
                        Label {
                            id: badge
                            anchors.centerIn: parent
                            text: window.workspace.notifications.unreadCount > 999 ? "999+" : window.workspace.notifications.unreadCount
                            color: "white"
                            font.pixelSize: 11
                            font.bold: true
                        }
                    }
                }
                TabButton { objectName: "storeTab"; text: "Store"; width: implicitWidth + 24 }
            }

            Item { Layout.fillWidth: true }

            Button {
                text: window.workspace.paused ? "▶ Resume" : "❚❚ Pause"
                highlighted: window.workspace.paused
                flat: !window.workspace.paused
                onClicked: { window.workspace.paused = !window.workspace.paused }
                ToolTip.visible: hovered
                ToolTip.text: "Pause all views; events are buffered (Ctrl+P)"
            }
            Button { text: "+ Subscription"; flat: true; onClicked: { editorDialog.openFor("") } }
            ToolButton {
                objectName: "moreButton"
                text: "⋮"
                Accessible.name: "More: export, replay, profiles, theme, settings, about"
                ToolTip.visible: hovered
                ToolTip.text: "More"
                font.pixelSize: 18
                onClicked: { menu.popup() }
                Menu {
                    id: menu
                    MenuItem { text: "Export events…"; onTriggered: { exportDialog.openFor(pages.currentIndex === 1) } }
                    MenuItem { text: "Replay a capture…"; onTriggered: { replayDialog.open() } }
                    MenuSeparator {}
                    MenuItem { text: "Import profile…"; onTriggered: { profileDialog.importing = true; profileDialog.open() } }
                    MenuItem { text: "Export profile…"; onTriggered: { profileDialog.importing = false; profileDialog.open() } }
                    MenuSeparator {}
                    MenuItem {
                        text: Theme.dark ? "Light theme" : "Dark theme"
                        onTriggered: { preferences.darkTheme = !preferences.darkTheme }
                    }
                    MenuItem { text: "Settings…"; onTriggered: { settingsDialog.open() } }
                    MenuItem { text: "About EventScope"; onTriggered: { aboutDialog.open() } }
                }
            }
        }
    }

    SplitView {
        anchors.fill: parent

        Sidebar {
            SplitView.preferredWidth: 300
            SplitView.minimumWidth: 220
            workspace: window.workspace
            onEditRequested: (id) => { editorDialog.openFor(id) }
            onAddRequested: { editorDialog.openFor("") }
        }

        ColumnLayout {
            SplitView.fillWidth: true
            spacing: 0
            ReplayBar {
                workspace: window.workspace
                visible: window.workspace.replayActive
                Layout.fillWidth: true
            }
            StackLayout {
                id: pages
                Layout.fillWidth: true
                Layout.fillHeight: true
                DashboardPage { id: dashboardPage; workspace: window.workspace }
                EventsPage { id: eventsPage; workspace: window.workspace; onExportRequested: { exportDialog.openFor(true) } }
                NotificationsPage { workspace: window.workspace }
                StorePage {
                    workspace: window.workspace
                    browser: storeBrowser
                    location: window.storeLocation
                    onExportRequested: (text, source) => { exportDialog.openForStore(location, storeBrowser.sources, text, source) }
                    onSettingsRequested: { settingsDialog.open() }
                }
            }
        }
    }

    footer: StatusBar { workspace: window.workspace; demo: window.demo; storeBrowser: storeBrowser }

    SubscriptionEditorDialog { id: editorDialog; workspace: window.workspace }
    ExportDialog { id: exportDialog; workspace: window.workspace }

    FileDialog {
        id: profileDialog
        property bool importing: true
        title: importing ? "Import a profile" : "Export the profile (secret header values are left out)"
        fileMode: importing ? FileDialog.OpenFile : FileDialog.SaveFile
        nameFilters: ["EventScope profiles (*.json)", "All files (*)"]
        onAccepted: {
            const problem = importing ? window.workspace.importProfile(selectedFile) : window.workspace.exportProfile(selectedFile)
            if (problem.length > 0) {
                messageDialog.text = problem
                messageDialog.open()
            }
        }
    }
    MessageDialog { id: messageDialog; title: "Profile"; buttons: MessageDialog.Ok }

    FileDialog {
        id: replayDialog
        title: "Replay a capture"
        nameFilters: ["Captures (*.ndjson *.jsonl *.sse)", "All files (*)"]
        onAccepted: {
            const problem = window.workspace.openReplay(selectedFile)
            if (problem.length > 0) {
                messageDialog.title = "Replay"
                messageDialog.text = problem
                messageDialog.open()
            }
        }
    }

    Dialog {
        id: settingsDialog
        title: "Settings"
        modal: true
        anchors.centerIn: Overlay.overlay
        standardButtons: Dialog.Close
        GridLayout {
            columns: 2
            columnSpacing: 12
            Label { text: "Events held on the Events page"; color: Theme.text }
            SpinBox {
                from: 1000
                to: 1000000
                stepSize: 10000
                editable: true
                value: preferences.eventLogCapacity
                onValueModified: { preferences.eventLogCapacity = value }
            }
            Label { text: "Keep captured events for (days, 0: always)"; color: Theme.text }
            SpinBox {
                from: 0
                to: 3650
                editable: true
                value: preferences.captureMaxAgeDays
                onValueModified: { preferences.captureMaxAgeDays = value }
            }
            Label { text: "Capture store size limit (MB, 0: none)"; color: Theme.text }
            SpinBox {
                from: 0
                to: 1000000
                stepSize: 256
                editable: true
                value: preferences.captureMaxMegabytes
                onValueModified: { preferences.captureMaxMegabytes = value }
            }
            Label { text: "Shared capture store"; color: Theme.text }
            ColumnLayout {
                TextField {
                    objectName: "sharedStoreField"
                    text: preferences.sharedStore
                    placeholderText: "postgresql://user@host:5432/eventscope"
                    selectByMouse: true
                    Layout.preferredWidth: 360
                    onEditingFinished: { preferences.sharedStore = text }
                }
                Label {
                    text: "Browsed on the Store page. Password from ~/.pgpass or PGPASSWORD, never here.\nEmpty: this desktop's own store."
                    color: Theme.textMuted
                    font.pixelSize: 11
                }
            }
            Label { text: "Dark theme"; color: Theme.text }
            Switch { checked: preferences.darkTheme; onToggled: { preferences.darkTheme = checked } }
        }
    }

    Dialog {
        id: aboutDialog
        objectName: "aboutDialog"
        title: "About EventScope"
        modal: true
        anchors.centerIn: Overlay.overlay
        standardButtons: Dialog.Close
        ColumnLayout {
            spacing: 8
            Label {
                objectName: "aboutVersion"
                text: "EventScope " + AboutInfo.version
                font.pixelSize: 20
                font.bold: true
                color: Theme.text
            }
            Label { text: "A dashboard for Server-Sent Events feeds."; color: Theme.text }
            GridLayout {
                columns: 2
                columnSpacing: 16
                rowSpacing: 4
                Label { text: "Qt"; color: Theme.textMuted }
                Label {
                    objectName: "aboutQt"
                    text: AboutInfo.qtVersion + (AboutInfo.qtVersion === AboutInfo.qtBuildVersion ? "" : " (built with " + AboutInfo.qtBuildVersion + ")")
                    color: Theme.text
                }
                Label { text: "Capture store schema"; color: Theme.textMuted }
                Label { objectName: "aboutSchema"; text: AboutInfo.captureSchemas; color: Theme.text }
                Label { text: "License"; color: Theme.textMuted }
                Label { text: AboutInfo.license; color: Theme.text }
                Label { text: "Homepage"; color: Theme.textMuted }
                Label {
                    text: "<a href=\"" + AboutInfo.homepage + "\">" + AboutInfo.homepage + "</a>"
                    textFormat: Text.StyledText
                    linkColor: Theme.accent
                    color: Theme.text
                    onLinkActivated: (link) => { Qt.openUrlExternally(link) }
                }
            }
            Label {
                Layout.maximumWidth: 440
                wrapMode: Text.WordWrap
                text: "This program comes with ABSOLUTELY NO WARRANTY. It is free software: you may redistribute it and/or modify it under the terms of the GNU General Public License, version 3 or later."
                color: Theme.textMuted
                font.pixelSize: 12
            }
        }
    }
}
