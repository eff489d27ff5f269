// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick

// Colours and sizes shared by every view; `dark` follows the operator's preference.
QtObject {
    property bool dark: true

    readonly property color window: dark ? "#15181d" : "#f4f5f7"
    readonly property color surface: dark ? "#1d2127" : "#ffffff"
    readonly property color surfaceAlt: dark ? "#242932" : "#eef0f3"
    readonly property color border: dark ? "#2f3540" : "#d9dde3"
    readonly property color text: dark ? "#e6e8eb" : "#1d232b"
    readonly property color textMuted: dark ? "#97a0ad" : "#5f6977"
    readonly property color accent: "#3d8bfd"
    readonly property color up: dark ? "#3fbf7f" : "#1e8e53"
    readonly property color down: dark ? "#f06363" : "#c93636"
    readonly property color info: "#3d8bfd"
    readonly property color warning: "#f0a33a"
    readonly property color critical: "#ef4f4f"
    readonly property var seriesColors: ["#3d8bfd", "#f0a33a", "#3fbf7f", "#c678dd", "#ef4f4f", "#56b6c2", "#e5c07b", "#98a2b3"]

    readonly property int rowHeight: 26
    readonly property int spacing: 8
    readonly property int radius: 6
    readonly property string monoFont: "DejaVu Sans Mono"

    function stateColor(state) {
        switch (state) {
        case "open": return up
        case "connecting": return warning
        case "disabled": return textMuted
        default: return down
        }
    }
    function severityColor(severity) {
        return severity === "critical" ? critical : severity === "warning" ? warning : info
    }
    function seriesColor(index) {
        return seriesColors[index % seriesColors.length]
    }
    function formatRate(perSecond) {
        return perSecond >= 1000 ? (perSecond / 1000).toFixed(1) + "k/s" : perSecond.toFixed(perSecond < 10 ? 1 : 0) + "/s"
    }
    function formatCount(count) {
        return count >= 1e6 ? (count / 1e6).toFixed(1) + "M" : count >= 1e4 ? (count / 1e3).toFixed(1) + "k" : String(count)
    }
    function formatBytes(bytes) {
        return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + " MB" : bytes >= 1024 ? (bytes / 1024).toFixed(1) + " kB" : bytes + " B"
    }
    function formatDuration(ms) {
        return ms >= 60000 ? Math.floor(ms / 60000) + " min " + Math.floor(ms % 60000 / 1000) + " s"
                           : (ms / 1000).toFixed(ms < 10000 ? 1 : 0) + " s"
    }
    function formatTime(ms) {
        return ms > 0 ? Qt.formatTime(new Date(ms), "HH:mm:ss") : "—"
    }
}
