// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls.Material as M

// Material's ToolBar without its shadow layer (see README.md).
M.ToolBar {
    M.Material.elevation: 0
}
