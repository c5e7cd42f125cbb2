// Scores: the unit ranking, my unit's tasks and bonuses with the records behind every point, and
// my own share of the pool. Figures are the server's (the whole zone's recognised records).
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

Page {
    id: page
    title: qsTr("得分")
    property int quarter: Settings.currentQuarter
    property bool alone: false
    Component.onCompleted: Scores.refresh(quarter, alone)
    readonly property var report: Scores.report
    readonly property var myUnit: (report.units || []).find(u => u.unit === Session.unitCode) || {}
    readonly property var myGroup: (report.groups || []).find(g => g.id === myUnit.group) || {}

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            x: scroll.availableWidth < 500 ? 12 : 20
            width: scroll.availableWidth - 2 * x
            spacing: 10
            Flow {
                Layout.topMargin: 8
                Layout.fillWidth: true
                spacing: 6
                Repeater {
                    model: 4
                    Button {
                        required property int index
                        text: qsTr("第%1季度").arg(index + 1)
                        checkable: true
                        checked: page.quarter === index + 1
                        onClicked: { page.quarter = index + 1; Scores.refresh(page.quarter, page.alone) }
                    }
                }
                CheckBox { text: qsTr("仅本季度"); checked: page.alone; onToggled: { page.alone = checked; Scores.refresh(page.quarter, page.alone) } }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                Label { text: page.report.period ? page.report.period.label : qsTr("同步后显示得分"); color: "#555"; wrapMode: Text.Wrap; Layout.fillWidth: true }
                // Signed off by the leading group (the published figures) or still provisional.
                Label {
                    readonly property bool signedOff: Scores.quarterState.state === "signed"
                    visible: Scores.quarterState.state !== undefined
                    text: signedOff ? qsTr("已签认 %1").arg(Scores.quarterState.number) : qsTr("暂定")
                    color: signedOff ? "#14532d" : "#7c2d12"
                    leftPadding: 8; rightPadding: 8; topPadding: 2; bottomPadding: 2
                    background: Rectangle { radius: height / 2; color: parent.signedOff ? "#dcfce7" : "#fef3c7" }
                    Accessible.name: signedOff ? qsTr("已签认 %1").arg(Scores.quarterState.number) : qsTr("暂定")
                }
            }
            Label { visible: Scores.error !== ""; text: Scores.error; color: "#b00020"; wrapMode: Text.Wrap; Layout.fillWidth: true }

            Label { text: qsTr("单位排名"); font.pixelSize: 20 }
            Repeater {
                model: page.report.units || []
                RowLayout {
                    id: unit
                    required property var modelData
                    Layout.fillWidth: true
                    Label { text: unit.modelData.rank + "."; Layout.preferredWidth: 32; font.pixelSize: 17; Layout.alignment: Qt.AlignTop }
                    // The name over its figures: on a phone the figures would run into the total.
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Label { text: unit.modelData.name; Layout.fillWidth: true; wrapMode: Text.Wrap; font.pixelSize: 17; font.bold: unit.modelData.unit === Session.unitCode }
                        Label { text: qsTr("任务 %1 + 加分 %2").arg(unit.modelData.taskPoints).arg(unit.modelData.bonusPoints); color: "#555"; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    }
                    Label { text: unit.modelData.total; font.pixelSize: 20; Layout.preferredWidth: Math.max(72, implicitWidth); horizontalAlignment: Text.AlignRight; Layout.alignment: Qt.AlignTop }
                }
            }

            Label { text: qsTr("本组任务（%1）").arg(page.myGroup.id || ""); font.pixelSize: 20; Layout.topMargin: 12 }
            Repeater {
                model: page.myGroup.tasks || []
                ColumnLayout {
                    id: task
                    required property var modelData
                    Layout.fillWidth: true
                    RowLayout {
                        Layout.fillWidth: true
                        Label { text: task.modelData.name; Layout.fillWidth: true; wrapMode: Text.Wrap }
                        Label { text: qsTr("%1 / %2 分").arg(task.modelData.points).arg(task.modelData.maxPoints); font.pixelSize: 17; Layout.alignment: Qt.AlignTop }
                    }
                    Label {
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                        text: qsTr("完成 %1 / 目标 %2，依据 %3 条记录").arg(Format.quantity(task.modelData.id, task.modelData.achieved))
                                  .arg(Format.quantity(task.modelData.id, task.modelData.target))
                                  .arg((task.modelData.contributions || []).filter(c => c.counted).length)
                        color: "#555"
                    }
                    Repeater {
                        model: (task.modelData.contributions || []).slice(0, 8)
                        Label {
                            id: contribution
                            required property var modelData
                            readonly property var c: contribution.modelData
                            text: "· " + (c.counted ? qsTr("%1  %2").arg(Format.date(c.date)).arg(Format.describeRecordId(c.record))
                                                   : qsTr("%1  %2（不计：%3）").arg(Format.date(c.date)).arg(Format.describeRecordId(c.record)).arg(c.note))
                            color: contribution.c.counted ? "#333" : "#999"
                            wrapMode: Text.Wrap
                            leftPadding: 12
                            Layout.fillWidth: true
                        }
                    }
                }
            }

            Label { text: qsTr("本单位加分"); font.pixelSize: 20; Layout.topMargin: 12 }
            Repeater {
                model: page.myUnit.bonuses || []
                Label {
                    id: bonus
                    required property var modelData
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    text: qsTr("%1：%2").arg(Format.bonusNames[bonus.modelData.kind] || bonus.modelData.kind).arg(bonus.modelData.points)
                          + (bonus.modelData.cap ? qsTr("（上限 %1）").arg(bonus.modelData.cap) : "")
                }
            }
            Label { text: qsTr("个人分值"); font.pixelSize: 20; Layout.topMargin: 12 }
            Repeater {
                model: page.myUnit.people || []
                RowLayout {
                    id: person
                    required property var modelData
                    Layout.fillWidth: true
                    Label { text: person.modelData.name; Layout.preferredWidth: 110; wrapMode: Text.Wrap; font.bold: person.modelData.person === Session.userId }
                    Label { text: qsTr("%1 分，依据 %2 条记录").arg(person.modelData.share).arg(person.modelData.records); wrapMode: Text.Wrap; Layout.fillWidth: true }
                }
            }
            Item { Layout.preferredHeight: 24 }
        }
    }
}
