// The list of destinations, shown as a rail on a tablet and in the drawer on a phone.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import Ledger.App

ListView {
    id: list
    property var destinations: []
    property string current
    signal chosen(string key)

    clip: true
    // Reviewers' kinds for reviewers; the pool's shares for the unit's contact.
    model: destinations.filter(d => (!d.reviewer || Session.isReviewer) && (!d.contact || PoolShares.mayEdit))
    delegate: RowDelegate {
        id: row
        required property var modelData
        width: ListView.view.width
        height: 56
        text: row.modelData.label
        font.pixelSize: 18
        highlighted: row.modelData.key === list.current
        onClicked: list.chosen(row.modelData.key)
    }
}
