// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls.Material as M

// Material's combo box: its box and its list keep their fill, without the shadow layers (see README.md).
M.ComboBox {
    background.layer.enabled: false
    popup.background.layer.enabled: false
}
