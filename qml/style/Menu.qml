// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls.Material as M

// Material's Menu without its shadow layer (see README.md).
M.Menu {
    M.Material.elevation: 0
}
