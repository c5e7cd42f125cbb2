// Home: the quick actions of a day in the field, the to-do list (reminders, drafts, returned
// records, missing evidence), my unit's targets and progress this quarter, leads this month
// against 4, and what waits to sync.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

Page {
    id: page
    required property Navigator navigator
    title: qsTr("首页")
    readonly property var summary: Scores.homeSummary

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            x: scroll.availableWidth < 500 ? 12 : 24
            width: scroll.availableWidth - 2 * x
            spacing: 16
            Item { Layout.preferredHeight: 4 }
            Label {
                text: qsTr("%1，%2").arg(Session.userName).arg(Session.unitName)
                font.pixelSize: 24
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            // Side by side on a tablet, one under the other on a phone.
            GridLayout {
                Layout.fillWidth: true
                columns: width >= 560 ? 3 : 1
                columnSpacing: 12
                rowSpacing: 8
                Button { text: qsTr("现场签到 · 新建拜访"); highlighted: true; Layout.preferredHeight: 56; font.pixelSize: 17; Layout.fillWidth: true
                         onClicked: page.navigator.open("RecordForm.qml", { kind: "visit" }) }
                Button { text: qsTr("报送招商信息"); Layout.preferredHeight: 56; font.pixelSize: 17; Layout.fillWidth: true
                         onClicked: page.navigator.open("RecordForm.qml", { kind: "lead" }) }
                Button { text: qsTr("外出招商"); Layout.preferredHeight: 56; font.pixelSize: 17; Layout.fillWidth: true
                         onClicked: page.navigator.open("RecordForm.qml", { kind: "trip" }) }
            }
            ToDoList {
                objectName: "toDoList"
                Layout.fillWidth: true
                navigator: page.navigator
            }
            GridLayout {
                columns: width > 700 ? 3 : 1
                Layout.fillWidth: true
                columnSpacing: 12
                rowSpacing: 12
                Tile {
                    title: qsTr("本月招商信息")
                    value: qsTr("%1 / 4 条").arg(page.summary.leadsThisMonth)
                    note: page.summary.leadsThisMonth >= 4 ? qsTr("本月已达标") : qsTr("每月至少报送4条有明确投资意向的信息")
                    good: page.summary.leadsThisMonth >= 4
                }
                Tile {
                    title: qsTr("待同步")
                    value: qsTr("%1 条").arg(SyncStatus.pendingCount)
                    note: SyncStatus.statusText
                    good: SyncStatus.pendingCount === 0
                }
                Tile {
                    // The period's own label has brackets (「2023年第4季度（累计）」): not nested in more.
                    title: page.summary.periodLabel ? qsTr("本单位得分 · %1").arg(page.summary.periodLabel) : qsTr("本单位得分")
                    value: page.summary.total || qsTr("未同步")
                    note: page.summary.rank ? qsTr("全区第 %1 名").arg(page.summary.rank) : qsTr("同步后显示")
                    good: true
                }
            }
            Label { text: qsTr("本组任务完成情况"); font.pixelSize: 20; Layout.topMargin: 8 }
            Repeater {
                model: page.summary.tasks || []
                ColumnLayout {
                    id: task
                    required property var modelData
                    Layout.fillWidth: true
                    // The name and its figures side by side when there is room, else one under the other.
                    GridLayout {
                        id: taskRow
                        Layout.fillWidth: true
                        columns: width >= 600 ? 2 : 1
                        Label { text: task.modelData.name; Layout.fillWidth: true; wrapMode: Text.Wrap }
                        // The whole row's width on a phone, so a wrapped line is laid out, not painted over.
                        Label { text: task.modelData.progressText + "   " + qsTr("%1 / %2 分").arg(task.modelData.points).arg(task.modelData.maxPoints)
                                wrapMode: Text.Wrap; color: "#555"; Layout.fillWidth: taskRow.columns === 1 }
                    }
                    ProgressBar { Layout.fillWidth: true; from: 0; to: 1; value: task.modelData.ratio }
                }
            }
            Label {
                visible: !(page.summary.tasks && page.summary.tasks.length)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                color: "#555"
                text: qsTr("同步后显示本组各项任务的目标与进度。")
            }
        }
    }

    component Tile: Frame {
        id: tile
        property string title
        property string value
        property string note
        property bool good
        Layout.fillWidth: true
        ColumnLayout {
            anchors.fill: parent
            Label { text: tile.title; color: "#555"; wrapMode: Text.Wrap; Layout.fillWidth: true }
            Label { text: tile.value; font.pixelSize: 28; color: tile.good ? "#2e7d32" : "#b26a00"; wrapMode: Text.Wrap; Layout.fillWidth: true }
            Label { text: tile.note; wrapMode: Text.Wrap; Layout.fillWidth: true; color: "#555" }
        }
    }
}
