// Sync: the connection (online, offline, syncing, failed) and what waits, the progress of a long
// sync and the summary of the last one, or why it failed; the records the server returned with its
// reason; conflicts shown side by side for a person to choose.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

Page {
    id: page
    required property Navigator navigator
    title: qsTr("同步")
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: page.width < 500 ? 12 : 20
        spacing: 10
        Label { objectName: "connectionText"; text: SyncStatus.connectionText; font.pixelSize: 22; wrapMode: Text.Wrap; Layout.fillWidth: true }
        Label { text: SyncStatus.statusText; wrapMode: Text.Wrap; Layout.fillWidth: true }
        Label { text: qsTr("上次同步：%1").arg(SyncStatus.lastSyncedText); color: "#555"; wrapMode: Text.Wrap; Layout.fillWidth: true }
        ProgressBar { Layout.fillWidth: true; visible: SyncStatus.state === "syncing"; value: SyncStatus.progress }
        Label { visible: SyncStatus.state === "syncing"; text: SyncStatus.progressText; color: "#555"; wrapMode: Text.Wrap; Layout.fillWidth: true }
        Label {
            objectName: "summaryText"
            visible: SyncStatus.summaryText !== "" && SyncStatus.state !== "syncing"
            text: qsTr("最近一次同步：%1").arg(SyncStatus.summaryText)
            color: "#555"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button { text: qsTr("立即同步"); highlighted: true; Layout.preferredHeight: 52; enabled: SyncStatus.state !== "syncing"; onClicked: SyncStatus.syncNow() }
        Label { visible: SyncStatus.error !== ""; text: SyncStatus.error; color: "#b00020"; wrapMode: Text.Wrap; Layout.fillWidth: true }

        Label { text: qsTr("服务器未接收的记录"); font.pixelSize: 20; Layout.topMargin: 12 }
        RecordListModel { id: rejected; store: Session.store; onlyRejected: true }
        ListView {
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 220)
            clip: true
            model: rejected
            delegate: RowDelegate {
                id: row
                required property string recordId
                required property string kind
                required property string title
                required property string attention
                width: ListView.view.width
                contentItem: ColumnLayout {
                    Label { text: row.title; elide: Text.ElideRight; Layout.fillWidth: true }
                    Label { text: row.attention; color: "#b00020"; wrapMode: Text.Wrap; Layout.fillWidth: true }
                }
                onClicked: page.navigator.open("RecordForm.qml", { kind: row.kind, recordId: row.recordId })
            }
        }
        Label { visible: rejected.count === 0; text: qsTr("无"); color: "#777" }

        Label { text: qsTr("待处理的修改冲突"); font.pixelSize: 20; Layout.topMargin: 12 }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: SyncStatus.conflicts
            delegate: Frame {
                id: c
                required property var modelData
                width: ListView.view.width
                ColumnLayout {
                    width: parent.width
                    Label { text: qsTr("%1 · 字段“%2”").arg(c.modelData.description).arg(c.modelData.field); wrapMode: Text.Wrap; Layout.fillWidth: true }
                    RowLayout {
                        Layout.fillWidth: true
                        ColumnLayout {
                            Layout.fillWidth: true
                            Label { text: qsTr("服务器上的值"); color: "#555" }
                            Label { text: JSON.stringify(c.modelData.serverValue); wrapMode: Text.Wrap; Layout.fillWidth: true }
                            Button { text: qsTr("保留服务器的值"); onClicked: SyncStatus.resolveConflict(c.modelData.id, "server") }
                        }
                        ColumnLayout {
                            Layout.fillWidth: true
                            Label { text: qsTr("本机修改的值"); color: "#555" }
                            Label { text: JSON.stringify(c.modelData.deviceValue); wrapMode: Text.Wrap; Layout.fillWidth: true }
                            Button { text: qsTr("采用本机的值"); onClicked: SyncStatus.resolveConflict(c.modelData.id, "device") }
                        }
                    }
                }
            }
        }
    }
}
