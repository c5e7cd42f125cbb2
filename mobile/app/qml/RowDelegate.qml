// A row of a list: an ItemDelegate whose pressed and highlighted states are a flat tint instead
// of the Material ripple. Under the software scene graph (offscreen, and devices without a usable
// GPU) every ripple paints its wave into a pixmap of about 1250 × 1250 pixels — 6 MB a visible
// row, 88 MB for a screenful of records.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls

ItemDelegate {
    id: control
    background: Rectangle {
        implicitHeight: 48
        color: control.down ? "#26000000" : (control.highlighted ? "#1a000000" : "transparent")
    }
}
