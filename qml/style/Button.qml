// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls.Material as M

// Material's button; a raised one keeps its fill, without the shadow layer (see README.md).
M.Button {
    background.layer.enabled: false
}
