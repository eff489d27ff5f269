// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls.Material as M

// Material's TabBar without its shadow layer (see README.md).
M.TabBar {
    M.Material.elevation: 0
}
