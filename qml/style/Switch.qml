// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls.Material as M
import QtQuick.Controls.Material.impl

// Material's switch with a handle that casts no shadow (see README.md): the indicator is Material's own,
// placed as Material places it, at elevation 0.
M.Switch {
    id: control

    indicator: SwitchIndicator {
        x: control.text ? (control.mirrored ? control.width - width - control.rightPadding : control.leftPadding)
                        : control.leftPadding + (control.availableWidth - width) / 2
        y: control.topPadding + (control.availableHeight - height) / 2
        control: control
        M.Material.elevation: 0
    }
}
