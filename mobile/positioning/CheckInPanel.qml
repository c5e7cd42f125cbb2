// The on-site check-in part of a visit: live accuracy and distance to the enterprise's registered
// site, the flags the reviewer will see, and the two ways out when the fix is not good enough —
// accept by hand, or give up with a reason. Everything it shows comes from CheckInController;
// the rules are in shared/ledger/checkin.h.
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.Positioning

Pane {
    id: root

    required property CheckInController controller
    // The person's reason for confirming a check-in far from the site (the visit's farCheckInReason).
    property string farReason

    // The outcome, for the form that saves the visit: the check-in as wire JSON (docs/wire-format.md,
    // a visit's "checkIn"), or the person's reason for having none (the visit's "noCheckInReason").
    signal accepted(var checkIn)
    signal gaveUp(string reason)

    // A finger needs about 48 px; a little more for gloves on site.
    readonly property int touchHeight: 56
    readonly property bool accurateEnough: controller.hasAccuracy
                                           && controller.accuracyM <= controller.maxAccuracyM
    readonly property bool settled: controller.state === CheckInController.Accepted || controller.givenUp

    padding: 16
    font.pixelSize: 18

    Connections {
        target: root.controller
        function onFinished() {
            if (root.controller.state === CheckInController.Accepted)
                root.accepted(root.controller.checkInJson())
            else if (root.controller.givenUp)
                root.gaveUp(root.controller.noFixReason)
        }
    }

    ColumnLayout {
        objectName: "mainColumn"
        anchors.fill: parent
        spacing: 12

        RowLayout {
            Layout.fillWidth: true
            spacing: 12

            BusyIndicator {
                running: root.controller.state === CheckInController.Waiting
                visible: running
                Layout.preferredWidth: root.touchHeight
                Layout.preferredHeight: root.touchHeight
            }
            Label {
                objectName: "statusLabel"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                font.pixelSize: 22
                font.bold: true
                text: {
                    if (root.controller.givenUp)
                        return qsTr("未签到")
                    switch (root.controller.state) {
                    case CheckInController.Waiting:
                        return qsTr("正在定位…")
                    case CheckInController.Accepted:
                        return qsTr("已签到")
                    case CheckInController.NoFix:
                        return qsTr("未能定位")
                    default:
                        return qsTr("尚未开始定位")
                    }
                }
            }
        }

        Label {
            objectName: "accuracyLabel"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: !root.controller.givenUp
            color: root.accurateEnough ? "#15803d" : "#b45309"
            text: {
                if (root.controller.hasAccuracy)
                    return qsTr("精度 ±%1 米，要求 ≤%2 米").arg(Math.round(root.controller.accuracyM))
                                                       .arg(root.controller.maxAccuracyM)
                if (root.controller.hasFix)
                    return qsTr("精度未知，要求 ≤%1 米").arg(root.controller.maxAccuracyM)
                return qsTr("精度：等待定位，要求 ≤%1 米").arg(root.controller.maxAccuracyM)
            }
        }

        Label {
            objectName: "distanceLabel"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: root.controller.hasFix
            text: {
                if (!root.controller.hasDistance)
                    return qsTr("企业未登记位置坐标，无法核对距离")
                const d = root.controller.distanceM
                if (d < 1000)
                    return qsTr("距企业登记位置 %1 米").arg(Math.round(d))
                return qsTr("距企业登记位置 %1 公里").arg((d / 1000).toFixed(1))
            }
        }

        // The flags the check-in carries, or would carry if accepted now, in the reviewer's words.
        Repeater {
            objectName: "flagRepeater"
            model: root.controller.flagDescriptions
            delegate: Label {
                required property string modelData
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: "#b45309"
                text: qsTr("注意：%1").arg(modelData)
            }
        }

        Label {
            objectName: "farReasonLabel"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: root.controller.state === CheckInController.Accepted && root.farReason.length > 0
            text: qsTr("距离较远的原因：%1").arg(root.farReason)
        }

        Label {
            objectName: "noFixReasonLabel"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: root.controller.state === CheckInController.NoFix && root.controller.noFixReason.length > 0
            text: root.controller.givenUp ? qsTr("原因：%1").arg(root.controller.noFixReason)
                                          : root.controller.noFixReason
        }

        RowLayout {
            objectName: "buttonRow"
            Layout.fillWidth: true
            spacing: 12
            visible: !root.settled

            Button {
                objectName: "acceptButton"
                text: qsTr("确认签到")
                enabled: root.controller.canAcceptByHand
                Layout.fillWidth: true
                Layout.preferredHeight: root.touchHeight
                onClicked: root.controller.acceptCurrent()
            }
            Button {
                objectName: "giveUpButton"
                text: qsTr("无法签到")
                enabled: root.controller.state !== CheckInController.Idle
                Layout.fillWidth: true
                Layout.preferredHeight: root.touchHeight
                onClicked: {
                    reasonBox.visible = true
                    reasonField.forceActiveFocus()
                }
            }
            Button {
                objectName: "retryButton"
                text: qsTr("重新定位")
                visible: root.controller.state === CheckInController.NoFix
                Layout.fillWidth: true
                Layout.preferredHeight: root.touchHeight
                onClicked: root.controller.retry()
            }
        }

        ColumnLayout {
            id: reasonBox
            objectName: "reasonBox"
            Layout.fillWidth: true
            spacing: 8
            visible: false

            TextField {
                id: reasonField
                objectName: "reasonField"
                Layout.fillWidth: true
                Layout.preferredHeight: root.touchHeight
                placeholderText: qsTr("无法签到的原因（如：企业在地下室，没有GPS信号）")
            }
            Button {
                objectName: "submitReasonButton"
                text: qsTr("提交原因")
                enabled: reasonField.text.trim().length > 0
                Layout.fillWidth: true
                Layout.preferredHeight: root.touchHeight
                onClicked: {
                    if (root.controller.giveUp(reasonField.text))
                        reasonBox.visible = false
                }
            }
        }

        Item {
            Layout.fillHeight: true
        }
    }
}
