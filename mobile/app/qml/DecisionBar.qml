// A reviewer's decision on one record: the reason (for return and revoke) and the decisions
// shared/'s review table allows this person in the record's state. A decision is queued on the
// device and sent when the server can be reached (ReviewInbox); one that cannot even be queued
// says why here.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

ColumnLayout {
    id: bar
    // A record as ReviewInbox presents it.
    property var record: ({})
    signal decided(string action)

    TextField {
        id: reason
        objectName: "reason"
        Layout.fillWidth: true
        placeholderText: qsTr("退回或认定虚假的理由")
    }
    Flow {
        Layout.fillWidth: true
        spacing: 8
        Repeater {
            // The moves the review table allows this person on this record (none on their own); the
            // leading group's recognition, which names its meeting, has its own form on the record's page.
            model: bar.record.entity ? Session.reviewActions(bar.record.entity.review ? bar.record.entity.review.state : "submitted",
                                                             bar.record.entity).filter(a => !a.needsMeetingDate) : []
            Button {
                id: decision
                required property var modelData
                objectName: "decide-" + decision.modelData.action
                text: decision.modelData.label
                highlighted: decision.modelData.action === "recognise"
                enabled: (!decision.modelData.checksEvidence || (bar.record.missingEvidence || []).length === 0)
                         && (!decision.modelData.needsReason || reason.text.trim() !== "")
                height: 52
                onClicked: {
                    if (ReviewInbox.review(bar.record.entity.id, decision.modelData.action,
                                           decision.modelData.needsReason ? reason.text : "")) {
                        problem.text = ""
                        bar.decided(decision.modelData.action)
                    } else {
                        problem.text = ReviewInbox.decisionError()
                    }
                }
            }
        }
    }
    Label {
        id: problem
        objectName: "decisionProblem"
        visible: text !== ""
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: "#b00020"
    }
}
