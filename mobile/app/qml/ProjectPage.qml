// A project and its milestones: in talks → signed → landed → started, each with its date,
// evidence and recognition.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

Page {
    id: page
    required property Navigator navigator
    property string projectId
    readonly property var project: reader.record
    title: project.name || qsTr("项目")

    // Read again when the project is edited on top of this page.
    RecordEditor {
        id: reader
        recordId: page.projectId
    }
    Connections {
        target: Session.store
        function onChanged() { reader.load() }
    }

    RecordListModel {
        id: milestones
        store: Session.store
        kind: "milestone"
        project: page.projectId
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: page.width < 500 ? 12 : 20
        spacing: 10
        Label { text: page.project.name || ""; font.pixelSize: 24; wrapMode: Text.Wrap; Layout.fillWidth: true }
        Label {
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            text: qsTr("总投资 %1 · %2").arg(page.project.investment ? Format.money(page.project.investment) : "").arg(Format.industryNames[page.project.industry] || "")
            color: "#555"
        }
        Label {
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            text: [page.project.chemical ? qsTr("化工") : "", page.project.provincialLedger ? qsTr("省台账") : "",
                   page.project.foreignFunded ? qsTr("外资") : "", page.project.upgradeTransfer ? qsTr("转型升级/承接转移") : ""].filter(s => s).join(" · ")
        }
        Flow {
            Layout.fillWidth: true
            spacing: 8
            Button { text: qsTr("编辑项目"); onClicked: page.navigator.open("RecordForm.qml", { kind: "project", recordId: page.projectId }) }
            Button {
                text: qsTr("登记节点（签约/落地/开工）")
                highlighted: true
                onClicked: page.navigator.open("RecordForm.qml", { kind: "milestone", defaults: { project: page.projectId } })
            }
        }
        Label { text: qsTr("项目节点"); font.pixelSize: 20; Layout.topMargin: 12 }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: milestones
            delegate: RowDelegate {
                id: row
                required property string recordId
                required property string title
                required property string subtitle
                required property string reviewStateText
                required property string attention
                width: ListView.view.width
                height: 64
                contentItem: RowLayout {
                    ColumnLayout {
                        Layout.fillWidth: true
                        Label { text: row.title; font.pixelSize: 17; elide: Text.ElideRight; Layout.fillWidth: true }
                        Label { text: row.attention !== "" ? row.attention : row.subtitle; color: row.attention !== "" ? "#b00020" : "#555"; elide: Text.ElideRight; Layout.fillWidth: true }
                    }
                    Label { text: row.reviewStateText; color: "#555" }
                }
                onClicked: page.navigator.open("RecordForm.qml", { kind: "milestone", recordId: row.recordId })
            }
        }
    }
}
