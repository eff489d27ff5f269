import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Controls.Material.impl

// A Material switch whose handle casts no shadow. The shadow is a shader effect on a layer: Qt Quick's
// software renderer, which the window uses where OpenGL is rasterized on the CPU, cannot draw it (the
// handle vanishes) yet renders the layer again on every frame.
Switch {
    id: control

    indicator: SwitchIndicator {
        x: control.text ? (control.mirrored ? control.width - width - control.rightPadding : control.leftPadding)
                        : control.leftPadding + (control.availableWidth - width) / 2
        y: control.topPadding + (control.availableHeight - height) / 2
        control: control
        Material.elevation: 0
    }
}
