// The reviewer's inbox: every submitted record with why it does not count yet, what it lacks and
// its check-in flags; recognise, return with a reason, or revoke as false — sized for a tablet.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

Page {
    id: page
    title: qsTr("认定审核")
    Component.onCompleted: ReviewInbox.refresh()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        RowLayout {
            Label { text: qsTr("待认定 %1 条").arg(ReviewInbox.records.length); font.pixelSize: 18; Layout.fillWidth: true }
            Button { text: qsTr("刷新"); onClicked: ReviewInbox.refresh() }
        }
        Label { visible: ReviewInbox.error !== ""; text: ReviewInbox.error; color: "#b00020"; wrapMode: Text.Wrap; Layout.fillWidth: true }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 12
            model: ReviewInbox.records
            delegate: Frame {
                id: card
                required property var modelData
                width: ListView.view.width
                ColumnLayout {
                    width: parent.width
                    Label { text: card.modelData.description; font.pixelSize: 18; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    Label { text: qsTr("报送：%1 · %2").arg(card.modelData.authorName || "").arg(card.modelData.unitName); color: "#555"; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    Repeater {
                        model: card.modelData.missingEvidence
                        Label { id: missing; required property var modelData; text: "✗ " + missing.modelData.message; color: "#b00020"; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    }
                    Repeater {
                        model: card.modelData.checkInFlags
                        Label { id: flag; required property var modelData; text: "⚑ " + flag.modelData.message; color: "#b26a00"; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    }
                    TextField { id: reason; Layout.fillWidth: true; placeholderText: qsTr("退回或认定虚假的理由") }
                    // The decisions shared/'s review table allows this person on this record.
                    Flow {
                        Layout.fillWidth: true
                        spacing: 8
                        Repeater {
                            model: Session.reviewActions(card.modelData.entity.review ? card.modelData.entity.review.state : "submitted")
                            Button {
                                id: decision
                                required property var modelData
                                text: decision.modelData.label
                                highlighted: decision.modelData.action === "recognise"
                                enabled: (!decision.modelData.checksEvidence || card.modelData.missingEvidence.length === 0)
                                         && (!decision.modelData.needsReason || reason.text.trim() !== "")
                                height: 52
                                onClicked: ReviewInbox.review(card.modelData.entity.id, decision.modelData.action,
                                                              decision.modelData.needsReason ? reason.text : "")
                            }
                        }
                    }
                }
            }
        }
    }
}
