// The reviewer's inbox: every submitted record with why it does not count yet, what it lacks and
// its check-in flags; recognise, return with a reason, or revoke as false — sized for a tablet.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

Page {
    id: page
    title: qsTr("认定审核")
    Component.onCompleted: App.refreshInbox()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        RowLayout {
            Label { text: qsTr("待认定 %1 条").arg(App.inbox.length); font.pixelSize: 18; Layout.fillWidth: true }
            Button { text: qsTr("刷新"); onClicked: App.refreshInbox() }
        }
        Label { visible: App.inboxError !== ""; text: App.inboxError; color: "#b00020"; wrapMode: Text.Wrap; Layout.fillWidth: true }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 12
            model: App.inbox
            delegate: Frame {
                id: card
                required property var modelData
                width: ListView.view.width
                ColumnLayout {
                    width: parent.width
                    Label { text: App.describeRecord(card.modelData.entity); font.pixelSize: 18; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    Label { text: qsTr("报送：%1 · %2").arg(card.modelData.authorName || "").arg(App.unitNameOf(card.modelData.entity.credit.unit)); color: "#555" }
                    Repeater {
                        model: card.modelData.missingEvidence
                        Label { required property var modelData; text: "✗ " + modelData.message; color: "#b00020"; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    }
                    Repeater {
                        model: card.modelData.checkInFlags
                        Label { required property var modelData; text: "⚑ " + modelData.message; color: "#b26a00"; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    }
                    TextField { id: reason; Layout.fillWidth: true; placeholderText: qsTr("退回或认定虚假的理由") }
                    RowLayout {
                        Button {
                            text: qsTr("认定")
                            highlighted: true
                            enabled: card.modelData.missingEvidence.length === 0
                            Layout.preferredHeight: 52
                            onClicked: App.review(card.modelData.entity.id, "recognise", "")
                        }
                        Button {
                            text: qsTr("退回")
                            enabled: reason.text.trim() !== ""
                            Layout.preferredHeight: 52
                            onClicked: App.review(card.modelData.entity.id, "return", reason.text)
                        }
                        Button {
                            text: qsTr("认定虚假")
                            enabled: reason.text.trim() !== ""
                            Layout.preferredHeight: 52
                            onClicked: App.review(card.modelData.entity.id, "revoke", reason.text)
                        }
                    }
                }
            }
        }
    }
}
