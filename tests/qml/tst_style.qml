import QtQuick
import QtQuick.Controls
import QtTest

// EventScopeStyle under Qt Quick's software renderer (the window's renderer where OpenGL is rasterized on
// the CPU): what Material draws with a shadow layer must still be drawn. The pixels are read back from
// the rendered window, so a background or handle that the renderer cannot draw fails here.
Rectangle {
    id: root
    width: 400
    height: 300
    color: "#ff00ff" // a colour no control here uses

    Dialog {
        id: dialog
        x: 50; y: 50; width: 300; height: 200
        title: "Dialog"
    }
    Menu {
        id: menu
        MenuItem { text: "An item" }
    }
    Button { id: button; x: 10; y: 10; text: "Raised"; highlighted: true }
    Switch { id: toggle; x: 200; y: 10; checked: true }
    ComboBox { id: combo; x: 10; y: 240; width: 150; model: ["One", "Two"] }

    TestCase {
        name: "Style"
        when: windowShown

        function pixelAt(item, x, y) {
            const image = grabImage(root)
            const point = item.mapToItem(root, x, y)
            return image.pixel(Math.round(point.x), Math.round(point.y))
        }

        // The pixel at (x, y) of `item` comes out in `item`'s colour once any opening animation is over.
        // Bounded at 5 s: within 2 s a popup was now and then still read at its last step of fading in
        // (#fffeff for #ffffff), in the normal build once and under AddressSanitizer's slower frames often.
        function drawnIn(item, x, y) {
            tryVerify(() => Qt.colorEqual(pixelAt(item, x, y), item.color), 5000,
                      "drawn " + pixelAt(item, x, y) + ", not " + item.color)
        }

        function test_rendererIsSoftware() {
            compare(GraphicsInfo.api, GraphicsInfo.Software)
        }

        function test_dialogBackgroundIsDrawn() {
            dialog.open()
            tryCompare(dialog, "opened", true)
            drawnIn(dialog.background, dialog.background.width / 2, dialog.background.height - 4)
            dialog.close()
            tryCompare(dialog, "visible", false)
        }

        function test_menuBackgroundIsDrawn() {
            menu.popup(root, 20, 20)
            tryCompare(menu, "opened", true)
            drawnIn(menu.background, 2, menu.background.height / 2)
            menu.close()
            tryCompare(menu, "visible", false)
        }

        function test_raisedButtonFillIsDrawn() {
            drawnIn(button.background, 3, button.background.height / 2)
        }

        function test_switchHandleIsDrawn() {
            const handle = toggle.indicator.handle
            drawnIn(handle, handle.width / 2, handle.height / 2)
        }

        function test_comboBoxListIsDrawn() {
            combo.popup.open()
            tryCompare(combo.popup, "opened", true)
            const background = combo.popup.background
            drawnIn(background, background.width - 3, background.height / 2)
            combo.popup.close()
            tryCompare(combo.popup, "visible", false)
        }
    }
}
