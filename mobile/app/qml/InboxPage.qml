// The reviewer's workspace: every submitted record as a card naming what a decision needs (the
// enterprise, the date, the outcome, the check-in distance, the proofs, what is missing, the
// flags), searched and filtered by unit, kind, flag and date; a card opens the whole record
// (RecordDetailPage). Decisions are kept on the device and sent in order (ReviewInbox); the page
// says which wait and which the server refused. The list keeps its place when it is read again.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

Page {
    id: page
    required property Navigator navigator
    title: qsTr("认定审核")
    Component.onCompleted: ReviewInbox.refresh()

    // The search text once typing pauses.
    Timer {
        id: searchPause
        interval: 250
        onTriggered: page.applyFilter()
    }
    function applyFilter() {
        ReviewInbox.filter = {
            text: searchField.text.trim(),
            unit: unitFilter.currentValue || "",
            kind: kindFilter.currentValue || "",
            flag: flagFilter.currentValue || "",
            from: fromField.acceptableInput ? fromField.text : "",
            to: toField.acceptableInput ? toField.text : ""
        }
    }

    function openRecord(id) {
        page.navigator.open("RecordDetailPage.qml", { recordId: id })
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: list.count === ReviewInbox.totalCount
                      ? qsTr("待认定 %1 条").arg(ReviewInbox.totalCount)
                      : qsTr("待认定 %1 条，显示 %2 条").arg(ReviewInbox.totalCount).arg(list.count)
                font.pixelSize: 18
                elide: Text.ElideRight
            }
            Button { text: qsTr("刷新"); onClicked: ReviewInbox.refresh() }
        }

        // Search and filters; they wrap onto more lines on a phone.
        Flow {
            Layout.fillWidth: true
            spacing: 8
            TextField {
                id: searchField
                width: Math.min(320, parent.width)
                placeholderText: qsTr("搜索企业、记录、报送人")
                onTextChanged: searchPause.restart()
            }
            ComboBox {
                id: unitFilter
                width: Math.min(200, parent.width)
                model: [{ value: "", label: qsTr("全部单位") }].concat(ReviewInbox.unitChoices)
                textRole: "label"
                valueRole: "value"
                onActivated: page.applyFilter()
            }
            ComboBox {
                id: kindFilter
                width: Math.min(180, parent.width)
                model: [{ value: "", label: qsTr("全部类型") }].concat(ReviewInbox.kindChoices)
                textRole: "label"
                valueRole: "value"
                onActivated: page.applyFilter()
            }
            ComboBox {
                id: flagFilter
                width: Math.min(220, parent.width)
                model: [{ value: "", label: qsTr("不限标记") }].concat(ReviewInbox.flagChoices)
                textRole: "label"
                valueRole: "value"
                onActivated: page.applyFilter()
            }
            TextField {
                id: fromField
                width: 140
                placeholderText: qsTr("起始日期")
                validator: RegularExpressionValidator { regularExpression: /\d{4}-\d{2}-\d{2}/ }
                inputMethodHints: Qt.ImhDate
                onTextChanged: searchPause.restart()
            }
            TextField {
                id: toField
                width: 140
                placeholderText: qsTr("截止日期")
                validator: RegularExpressionValidator { regularExpression: /\d{4}-\d{2}-\d{2}/ }
                inputMethodHints: Qt.ImhDate
                onTextChanged: searchPause.restart()
            }
        }

        // Decisions kept on the device, and why they wait.
        Frame {
            visible: ReviewInbox.decisionState !== ""
            Layout.fillWidth: true
            background: Rectangle { color: "#fff3e0"; radius: 4 }
            RowLayout {
                width: parent.width
                Label {
                    objectName: "decisionState"
                    Layout.fillWidth: true
                    text: ReviewInbox.decisionState
                    wrapMode: Text.Wrap
                    color: "#8a4b00"
                }
                Button { text: qsTr("立即发送"); onClicked: ReviewInbox.sendDecisions() }
            }
        }
        // Decisions the server refused, until the reviewer has read them.
        Repeater {
            model: ReviewInbox.refusedDecisions
            Frame {
                id: refusedCard
                required property var modelData
                Layout.fillWidth: true
                background: Rectangle { color: "#fdecea"; radius: 4 }
                RowLayout {
                    width: parent.width
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: "#b00020"
                        text: qsTr("“%1”未能%2：%3").arg(refusedCard.modelData.description).arg(refusedCard.modelData.label).arg(refusedCard.modelData.refusal)
                    }
                    Button { text: qsTr("知道了"); onClicked: ReviewInbox.dismissRefusal(refusedCard.modelData.n) }
                }
            }
        }
        Label { visible: ReviewInbox.error !== ""; text: ReviewInbox.error; color: "#b00020"; wrapMode: Text.Wrap; Layout.fillWidth: true }

        ListView {
            id: list
            objectName: "inboxList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 12
            // Set by reload(), not bound: a new list (after a decision, a refresh) would start at
            // the top; reload() brings back the record that was at the top, or its place.
            model: []
            Component.onCompleted: reload()
            Connections {
                target: ReviewInbox
                function onRecordsChanged() { list.reload() }
            }
            function reload() {
                const top = list.indexAt(list.width / 2, list.contentY + 1)
                const topId = top >= 0 && top < list.count ? list.model[top].entity.id : ""
                list.model = ReviewInbox.records
                if (top < 0 || list.count === 0)
                    return
                let at = list.model.findIndex(r => r.entity.id === topId)
                if (at < 0)
                    at = Math.min(top, list.count - 1)
                list.positionViewAtIndex(at, ListView.Beginning)
            }

            delegate: Frame {
                id: card
                required property var modelData
                required property int index
                width: ListView.view.width
                readonly property var entity: modelData.entity
                readonly property var queued: modelData.queuedDecision

                ColumnLayout {
                    width: parent.width
                    spacing: 4
                    Label {
                        Layout.fillWidth: true
                        text: card.modelData.kindName + (card.modelData.enterpriseName ? " · " + card.modelData.enterpriseName : "")
                        font.pixelSize: 18
                        font.bold: true
                        wrapMode: Text.Wrap
                        // The title opens the record too (the buttons below keep their own taps).
                        TapHandler { onTapped: page.openRecord(card.entity.id) }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: card.modelData.description
                        wrapMode: Text.Wrap
                        color: "#333"
                    }
                    Label {
                        Layout.fillWidth: true
                        text: [card.modelData.eventDate, card.modelData.unitName, card.modelData.authorName || ""].filter(s => s !== "").join(" · ")
                        color: "#555"
                        wrapMode: Text.Wrap
                    }
                    Label {
                        visible: card.modelData.outcome !== ""
                        Layout.fillWidth: true
                        text: card.modelData.outcome
                        wrapMode: Text.Wrap
                        maximumLineCount: 2
                        elide: Text.ElideRight
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: 12
                        Label {
                            visible: card.modelData.kind === "visit"
                            text: card.modelData.checkIn
                                  ? (card.modelData.checkIn.distanceM !== undefined
                                     ? qsTr("签到距企业 %1 米（精度 ±%2 米）").arg(Math.round(card.modelData.checkIn.distanceM)).arg(Math.round(card.modelData.checkIn.accuracyM))
                                     : qsTr("已签到，企业无注册位置"))
                                  : qsTr("未签到")
                            color: card.modelData.checkIn && card.modelData.checkIn.distanceM !== undefined
                                   && card.modelData.checkIn.distanceM <= card.modelData.farFromSiteM ? "#2e7d32" : "#b26a00"
                        }
                        Label {
                            text: qsTr("证明材料 %1 份").arg(card.modelData.proofCount)
                            color: "#555"
                        }
                    }
                    Repeater {
                        model: card.modelData.missingEvidence
                        Label { id: missing; required property var modelData; text: "✗ " + missing.modelData.message; color: "#b00020"; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    }
                    Repeater {
                        model: card.modelData.checkInFlags
                        Label { id: flag; required property var modelData; text: "⚑ " + flag.modelData.message; color: "#b26a00"; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    }
                    Label {
                        visible: card.modelData.farCheckInReason !== ""
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: "#b26a00"
                        text: qsTr("远距离签到的理由：%1").arg(card.modelData.farCheckInReason)
                    }

                    // A decision already made on this record waits to be sent.
                    Label {
                        visible: card.queued !== undefined
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: "#8a4b00"
                        text: card.queued ? qsTr("已决定“%1”，保存在本机，待发送").arg(card.queued.label) : ""
                    }
                    DecisionBar {
                        visible: card.queued === undefined
                        Layout.fillWidth: true
                        record: card.modelData
                    }
                    Button {
                        text: qsTr("查看完整记录")
                        flat: true
                        onClicked: page.openRecord(card.entity.id)
                    }
                }
            }
        }
    }
}
