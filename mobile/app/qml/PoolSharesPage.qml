// A unit contact shares the unit's personal pool (个人分配) among its people: the pool and each
// person's share as the server's score report has them, the shares typed in and checked against
// the pool as they are typed, then sent; the server's answer is shown, accepted or refused.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

Page {
    id: page
    title: qsTr("个人分配")
    Component.onCompleted: Scores.refresh(4, false)

    // The unit's line of the year's report, with its pool and people.
    readonly property var unit: (Scores.report.units || []).find(u => u.unit === Session.unitCode) || null
    // person id → the share as typed.
    property var shares: ({})
    readonly property var checked: PoolShares.check(shares, unit ? unit.pool : "")
    onUnitChanged: {
        let typed = {}
        for (const p of (unit ? unit.people : []))
            typed[p.person] = p.share
        shares = typed
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        ColumnLayout {
            x: 16
            width: Math.min(scroll.availableWidth - 32, 720)
            spacing: 10
            Item { Layout.preferredHeight: 4 }
            Label {
                visible: !PoolShares.mayEdit
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: "#b26a00"
                text: qsTr("只有本单位的联络员可以设定个人分配；这里显示当前的分配。")
            }
            Label {
                visible: Scores.error !== ""
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: "#b00020"
                text: Scores.error
            }
            Label {
                visible: page.unit !== null
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                font.pixelSize: 18
                text: page.unit ? qsTr("%1 全年个人分配总分值：%2 分").arg(page.unit.name).arg(page.unit.pool) : ""
            }
            Label {
                visible: page.unit !== null
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: "#555"
                text: page.unit && page.unit.manualShares ? qsTr("现为联络员设定的分配") : qsTr("现为默认分配（按各人记录）")
            }
            Repeater {
                model: page.unit ? page.unit.people : []
                RowLayout {
                    id: person
                    required property var modelData
                    Layout.fillWidth: true
                    Label { text: person.modelData.name; Layout.fillWidth: true; elide: Text.ElideRight }
                    TextField {
                        objectName: "share-" + person.modelData.person
                        Layout.preferredWidth: 140
                        enabled: PoolShares.mayEdit
                        text: person.modelData.share
                        inputMethodHints: Qt.ImhFormattedNumbersOnly
                        color: page.checked.field === person.modelData.person ? "#b00020" : palette.text
                        onTextEdited: {
                            let typed = Object.assign({}, page.shares)
                            typed[person.modelData.person] = text
                            page.shares = typed
                        }
                    }
                    Label { text: qsTr("分") }
                }
            }
            Label {
                visible: page.unit !== null
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: page.checked.problem !== "" ? "#b00020" : "#2e7d32"
                text: page.checked.problem !== "" ? page.checked.problem
                                                  : qsTr("合计 %1 分，未超过总分值").arg(page.checked.total)
            }
            Button {
                visible: PoolShares.mayEdit
                text: PoolShares.busy ? qsTr("正在保存…") : qsTr("保存个人分配")
                highlighted: true
                enabled: page.unit !== null && page.checked.problem === "" && !PoolShares.busy
                onClicked: PoolShares.save(page.shares)
            }
            Label {
                objectName: "serverAnswer"
                visible: PoolShares.answer !== ""
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: PoolShares.accepted ? "#2e7d32" : "#b00020"
                text: PoolShares.answer
            }
        }
    }
}
