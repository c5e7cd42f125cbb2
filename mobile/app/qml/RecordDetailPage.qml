// The whole of one record of the reviewer's inbox: the enterprise, dates, people, outcome; the
// check-in's distance, accuracy and flags drawn against the enterprise's site; every proof, an
// image shown in the app and any other file opened by the system; why it does not count yet and
// what it lacks; a duplicate claim beside the filing it claims (one project, one credit) with the
// reviewer's three decisions; and the reviewer's decision.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

Page {
    id: page
    required property Navigator navigator
    property string recordId
    // The record as the inbox last listed it; kept when a later list no longer has it (decided).
    property var rec: ReviewInbox.record(recordId)
    property int proofRevision: 0
    signal closed()

    title: rec.kindName ? rec.kindName + (rec.enterpriseName ? " · " + rec.enterpriseName : "") : qsTr("记录")

    Connections {
        target: ReviewInbox
        function onRecordsChanged() {
            const now = ReviewInbox.record(page.recordId)
            if (now.entity !== undefined)
                page.rec = now
        }
        function onProofFetched(sha, ok, message) {
            page.proofRevision += 1
            if (!ok)
                proofProblem.text = message
        }
    }

    Connections {
        target: ReviewInbox
        function onClaimFinished(recordId, ok, message) {
            if (recordId === page.recordId)
                claimProblem.text = ok ? "" : message
        }
    }

    ProofViewer { id: viewer }

    component Fact: RowLayout {
        id: fact
        property string label
        property string value
        visible: value !== ""
        Layout.fillWidth: true
        spacing: 12
        Label { text: fact.label; color: "#555"; Layout.preferredWidth: 120; Layout.alignment: Qt.AlignTop; wrapMode: Text.Wrap }
        Label { text: fact.value; Layout.fillWidth: true; wrapMode: Text.Wrap }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            x: 16
            width: Math.min(scroll.availableWidth - 32, 900)
            spacing: 10

            Item { Layout.preferredHeight: 4 }
            Label {
                visible: page.rec.entity === undefined
                text: qsTr("这条记录已不在待认定列表中")
                color: "#555"
            }
            Label {
                Layout.fillWidth: true
                text: page.rec.description || ""
                font.pixelSize: 20
                wrapMode: Text.Wrap
            }
            Fact { label: qsTr("企业"); value: page.rec.enterpriseName || "" }
            Fact { label: qsTr("企业地址"); value: page.rec.enterpriseAddress || "" }
            Fact { label: qsTr("日期"); value: page.rec.eventDate || "" }
            Fact { label: qsTr("单位"); value: page.rec.unitName || "" }
            Fact { label: qsTr("计分人员"); value: (page.rec.peopleNames || []).join("、") }
            Fact { label: qsTr("报送人"); value: page.rec.authorName || "" }
            Fact { label: qsTr("目的"); value: page.rec.entity ? (page.rec.entity.purpose || "") : "" }
            Fact { label: page.rec.kind === "trip" ? qsTr("小结") : qsTr("成果"); value: page.rec.outcome || "" }
            Fact { label: qsTr("备注"); value: page.rec.entity ? (page.rec.entity.notes || "") : "" }

            // The check-in (visits).
            ColumnLayout {
                visible: page.rec.kind === "visit"
                Layout.fillWidth: true
                spacing: 6
                Label { text: qsTr("现场签到"); font.pixelSize: 18; Layout.topMargin: 8 }
                Label {
                    visible: !page.rec.checkIn
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: "#b26a00"
                    text: qsTr("未签到：%1").arg(page.rec.noCheckInReason || "")
                }
                Fact {
                    label: qsTr("距企业注册地址")
                    value: page.rec.checkIn ? (page.rec.checkIn.distanceM !== undefined
                                               ? qsTr("%1 米（超过 %2 米即标记）").arg(Math.round(page.rec.checkIn.distanceM)).arg(page.rec.farFromSiteM)
                                               : qsTr("企业没有注册位置，无法对照")) : ""
                }
                Fact {
                    label: qsTr("定位精度")
                    value: page.rec.checkIn ? qsTr("±%1 米（要求 ±%2 米以内）").arg(Math.round(page.rec.checkIn.accuracyM)).arg(page.rec.maxAccuracyM) : ""
                }
                Fact {
                    label: qsTr("定位时间")
                    value: page.rec.checkIn && page.rec.checkIn.fixTime ? new Date(page.rec.checkIn.fixTime).toLocaleString(Qt.locale(), Locale.ShortFormat) : ""
                }
                Fact { label: qsTr("远距离签到的理由"); value: page.rec.farCheckInReason || "" }
                Repeater {
                    model: page.rec.checkInFlags || []
                    Label { id: flag; required property var modelData; text: "⚑ " + flag.modelData.message; color: "#b26a00"; wrapMode: Text.Wrap; Layout.fillWidth: true }
                }
                CheckInDrawing {
                    objectName: "checkInDrawing"
                    visible: drawable
                    Layout.fillWidth: true
                    Layout.maximumWidth: 420
                    Layout.preferredHeight: 260
                    site: page.rec.site
                    checkIn: page.rec.checkIn
                    thresholdM: page.rec.farFromSiteM || 500
                }
                Label {
                    visible: page.rec.checkIn !== undefined && page.rec.site === undefined
                    text: qsTr("企业没有注册位置，无法画出签到位置")
                    color: "#777"
                }
                Label {
                    visible: page.rec.checkIn !== undefined && page.rec.site !== undefined
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: "#777"
                    text: qsTr("■ 企业注册位置　● 签到位置及其精度范围　虚线：%1 米范围").arg(page.rec.farFromSiteM)
                }
            }

            // The proofs.
            Label { text: qsTr("证明材料（%1 份）").arg(page.rec.proofCount || 0); font.pixelSize: 18; Layout.topMargin: 8 }
            Label { id: proofProblem; visible: text !== ""; color: "#b00020"; wrapMode: Text.Wrap; Layout.fillWidth: true }
            Flow {
                Layout.fillWidth: true
                spacing: 10
                Repeater {
                    model: page.rec.proofs || []
                    Frame {
                        id: proofCard
                        required property var modelData
                        readonly property var local: { page.proofRevision; return ReviewInbox.proof(proofCard.modelData) }
                        width: 180
                        ColumnLayout {
                            width: parent.width
                            Image {
                                visible: proofCard.local.image && proofCard.local.url !== ""
                                Layout.fillWidth: true
                                Layout.preferredHeight: 120
                                source: visible ? proofCard.local.url : ""
                                sourceSize.width: 320
                                fillMode: Image.PreserveAspectCrop
                                asynchronous: true
                                autoTransform: true
                                TapHandler { onTapped: viewer.show(proofCard.local.url, proofCard.modelData.name) }
                            }
                            Label {
                                Layout.fillWidth: true
                                text: proofCard.modelData.name
                                elide: Text.ElideMiddle
                            }
                            Label {
                                text: qsTr("%1 KB").arg(Math.ceil(proofCard.modelData.size / 1024))
                                color: "#777"
                            }
                            Button {
                                visible: proofCard.local.url === ""
                                enabled: !proofCard.local.fetching
                                text: proofCard.local.fetching ? qsTr("正在下载…") : qsTr("下载查看")
                                onClicked: { proofProblem.text = ""; ReviewInbox.fetchProof(proofCard.modelData) }
                            }
                            Button {
                                visible: proofCard.local.url !== ""
                                text: proofCard.local.image ? qsTr("查看大图") : qsTr("打开")
                                onClicked: proofCard.local.image ? viewer.show(proofCard.local.url, proofCard.modelData.name)
                                                                 : Qt.openUrlExternally(proofCard.local.url)
                            }
                        }
                    }
                }
            }

            // One project, one credit: the claim beside the filing that reached the ledger first.
            ColumnLayout {
                objectName: "duplicateClaim"
                visible: page.rec.duplicateClaim !== undefined || (page.rec.claims || []).length > 0
                Layout.fillWidth: true
                spacing: 6
                Label { text: qsTr("重复申报"); font.pixelSize: 18; Layout.topMargin: 8 }
                Label {
                    visible: page.rec.claimLabel !== undefined
                    text: page.rec.claimLabel || ""
                    color: "#8a4b00"
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                GridLayout {
                    visible: page.rec.duplicateClaim !== undefined
                    Layout.fillWidth: true
                    columns: page.width > 600 ? 2 : 1
                    columnSpacing: 12
                    Frame {
                        Layout.fillWidth: true
                        ColumnLayout {
                            width: parent.width
                            Label { text: qsTr("先行备案"); font.bold: true }
                            Fact { label: qsTr("单位"); value: page.rec.duplicateClaim ? page.rec.duplicateClaim.unitName : "" }
                            Fact { label: qsTr("记录"); value: page.rec.duplicateClaim ? page.rec.duplicateClaim.caption : "" }
                            Fact { label: qsTr("日期"); value: page.rec.duplicateClaim ? page.rec.duplicateClaim.date : "" }
                        }
                    }
                    Frame {
                        Layout.fillWidth: true
                        ColumnLayout {
                            width: parent.width
                            Label { text: qsTr("本条（重复申报）"); font.bold: true }
                            Fact { label: qsTr("单位"); value: page.rec.unitName || "" }
                            Fact { label: qsTr("记录"); value: page.rec.description || "" }
                            Fact { label: qsTr("日期"); value: page.rec.eventDate || "" }
                        }
                    }
                }
                Repeater {
                    model: page.rec.claims || []
                    Label {
                        id: claimOn
                        required property var modelData
                        text: qsTr("%1 重复申报：%2").arg(claimOn.modelData.unitName).arg(claimOn.modelData.caption)
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
                // The reviewer's three decisions (a reviewer credited on either filing cannot decide).
                ColumnLayout {
                    visible: Session.isReviewer && page.rec.duplicateClaim !== undefined
                    Layout.fillWidth: true
                    TextField {
                        id: claimReason
                        objectName: "claimReason"
                        Layout.fillWidth: true
                        placeholderText: qsTr("认定理由")
                    }
                    RowLayout {
                        Label { text: qsTr("本条份额（联合认定，0 到 1 之间）") }
                        TextField {
                            id: claimShare
                            objectName: "claimShare"
                            placeholderText: "0.5"
                            inputMethodHints: Qt.ImhFormattedNumbersOnly
                            Layout.preferredWidth: 100
                        }
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: 8
                        Button {
                            objectName: "claim-keep_first"
                            text: qsTr("功劳归先行备案单位")
                            enabled: claimReason.text.trim() !== ""
                            onClicked: ReviewInbox.decideClaim(page.recordId, "keep_first", "", claimReason.text)
                        }
                        Button {
                            objectName: "claim-move_credit"
                            text: qsTr("功劳移交本单位")
                            enabled: claimReason.text.trim() !== ""
                            onClicked: ReviewInbox.decideClaim(page.recordId, "move_credit", "", claimReason.text)
                        }
                        Button {
                            objectName: "claim-joint"
                            text: qsTr("联合认定")
                            enabled: claimReason.text.trim() !== "" && claimShare.text.trim() !== ""
                            onClicked: ReviewInbox.decideClaim(page.recordId, "joint", claimShare.text, claimReason.text)
                        }
                    }
                }
                Label { id: claimProblem; visible: text !== ""; color: "#b00020"; wrapMode: Text.Wrap; Layout.fillWidth: true }
            }

            // 认定方式: the leading group's recognition (route 4), marked; and a leader's form for it.
            Fact { label: qsTr("认定方式"); value: page.rec.recognitionRoute || "" }
            ColumnLayout {
                objectName: "leadingGroup"
                visible: page.rec.entity !== undefined && page.rec.kind === "milestone"
                         && Session.reviewActions(page.rec.entity.review ? page.rec.entity.review.state : "submitted", page.rec.entity)
                                   .some(a => a.needsMeetingDate)
                Layout.fillWidth: true
                Label { text: qsTr("领导小组认定"); font.pixelSize: 18; Layout.topMargin: 8 }
                TextField { id: groupReason; Layout.fillWidth: true; placeholderText: qsTr("认定理由（领导小组会议研究意见）") }
                TextField { id: meetingDate; placeholderText: qsTr("会议日期，如 2023-11-20"); Layout.preferredWidth: 220 }
                Button {
                    text: qsTr("领导小组认定")
                    enabled: groupReason.text.trim() !== "" && meetingDate.text.trim() !== ""
                    onClicked: ReviewInbox.recogniseByLeadingGroup(page.recordId, groupReason.text, meetingDate.text)
                }
            }

            // Why it does not count yet, what it lacks.
            Repeater {
                model: page.rec.whyNotCounting || []
                Label { id: why; required property var modelData; text: "· " + why.modelData.message; color: "#555"; wrapMode: Text.Wrap; Layout.fillWidth: true }
            }
            Repeater {
                model: page.rec.missingEvidence || []
                Label { id: missing; required property var modelData; text: "✗ " + missing.modelData.message; color: "#b00020"; wrapMode: Text.Wrap; Layout.fillWidth: true }
            }

            // The decision.
            Label {
                visible: page.rec.queuedDecision !== undefined
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: "#8a4b00"
                text: page.rec.queuedDecision ? qsTr("已决定“%1”，保存在本机，待发送").arg(page.rec.queuedDecision.label) : ""
            }
            DecisionBar {
                visible: page.rec.entity !== undefined && page.rec.queuedDecision === undefined
                Layout.fillWidth: true
                record: page.rec
            }
            Item { Layout.preferredHeight: 24 }
        }
    }
}
