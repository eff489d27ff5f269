// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls.Material as M

// Material's Dialog without its shadow layer (see README.md).
M.Dialog {
    M.Material.elevation: 0
}
