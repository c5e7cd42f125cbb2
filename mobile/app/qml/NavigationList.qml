// The list of destinations, shown as a rail on a tablet and in the drawer on a phone.
import QtQuick
import QtQuick.Controls
import Ledger.App

ListView {
    id: list
    property var destinations: []
    property string current
    signal chosen(string key)

    clip: true
    model: destinations.filter(d => !d.reviewer || App.isReviewer)
    delegate: RowDelegate {
        required property var modelData
        width: ListView.view.width
        height: 56
        text: modelData.label
        font.pixelSize: 18
        highlighted: modelData.key === list.current
        onClicked: list.chosen(modelData.key)
    }
}
