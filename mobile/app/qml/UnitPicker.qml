// The unit a record is credited to, chosen from the scheme's units (discretionary points, which a
// reviewer enters for any unit).
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Ledger.App

ComboBox {
    id: picker
    property string unit
    signal chosen(string code)

    model: [{ code: "", name: qsTr("请选择单位") }].concat(Format.units)
    textRole: "name"
    valueRole: "code"
    font.pixelSize: 17
    Component.onCompleted: currentIndex = Math.max(0, indexOfValue(unit))
    onActivated: picker.chosen(currentValue)
}
