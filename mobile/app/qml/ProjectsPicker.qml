// The projects a signing event signed: the unit's projects on this device, each ticked or not.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

ColumnLayout {
    id: picker
    property var chosen: []
    signal changedTo(var ids)

    RecordListModel {
        id: projects
        store: Session.store
        kind: "project"
    }
    Label {
        visible: rows.count === 0
        text: qsTr("本机还没有项目记录")
        color: "#777"
    }
    Repeater {
        id: rows
        model: projects
        CheckBox {
            id: row
            required property string recordId
            required property string title
            Layout.fillWidth: true
            text: row.title
            checked: picker.chosen.indexOf(row.recordId) >= 0
            onToggled: {
                let ids = picker.chosen.filter(id => id !== row.recordId)
                if (row.checked)
                    ids.push(row.recordId)
                picker.changedTo(ids)
            }
        }
    }
}
