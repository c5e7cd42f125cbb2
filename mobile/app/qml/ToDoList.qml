// The home page's to-do list (the ToDo singleton): reminders first, then drafts to finish, records
// returned by a reviewer or refused by the server with the reason, and records of this quarter
// still missing what recognition needs. A tap opens the form, a draft where it was left.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

ColumnLayout {
    id: list
    required property Navigator navigator
    spacing: 6

    function open(entry) {
        if (entry.kind === "enterprise")
            list.navigator.open(entry.page, { enterpriseId: entry.recordId })
        else
            list.navigator.open(entry.page, { kind: entry.kind, recordId: entry.recordId })
    }

    Label {
        text: qsTr("待办")
        font.pixelSize: 20
    }
    Repeater {
        model: ToDo.reminders
        delegate: Label {
            required property var modelData
            objectName: "reminder_" + modelData.type
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: "#b45309"
            font.bold: true
            text: qsTr("提醒：%1").arg(modelData.text)
        }
    }
    Repeater {
        model: ToDo.items
        delegate: ItemDelegate {
            id: entry
            required property var modelData
            objectName: "todo_" + modelData.type
            Layout.fillWidth: true
            readonly property string badge: {
                switch (modelData.type) {
                case "draft": return qsTr("草稿")
                case "returned": return qsTr("已退回")
                case "rejected": return qsTr("未接收")
                default: return qsTr("缺材料")
                }
            }
            contentItem: ColumnLayout {
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    font.pixelSize: 17
                    text: qsTr("【%1】%2").arg(entry.badge).arg(entry.modelData.title)
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: entry.modelData.type === "draft" && !entry.modelData.old ? "#555" : "#b00020"
                    text: entry.modelData.detail
                }
            }
            onClicked: list.open(modelData)
        }
    }
    Label {
        objectName: "nothingToDo"
        visible: ToDo.items.length === 0
        color: "#555"
        text: qsTr("没有待办事项")
    }
}
