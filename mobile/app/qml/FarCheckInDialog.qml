// Asked when a check-in lands farther from the enterprise's registered site than the scheme allows:
// the person confirms it with a reason (stored on the visit as farCheckInReason, and shown to the
// reviewer beside the distance), or positions again.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

Dialog {
    id: dialog
    // The check-in waiting for confirmation (wire JSON).
    property var checkIn: null
    signal confirmed(string reason)
    signal retried()

    objectName: "farCheckInDialog"
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 32 : 480, 520)
    modal: true
    closePolicy: Popup.NoAutoClose
    title: qsTr("签到位置离企业较远")
    onOpened: reason.text = ""

    ColumnLayout {
        width: dialog.availableWidth
        spacing: 10
        Label {
            objectName: "farDistanceLabel"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            readonly property real distance: dialog.checkIn && dialog.checkIn.distanceM !== undefined ? dialog.checkIn.distanceM : 0
            text: qsTr("距企业登记位置 %1 米，超过考核方案的 %2 米。审核人员会看到距离和你填写的原因。")
                      .arg(Math.round(distance)).arg(Settings.checkInRules.farFromSiteM)
        }
        TextField {
            id: reason
            objectName: "farReasonField"
            Layout.fillWidth: true
            placeholderText: qsTr("原因（如：企业登记地址与实际厂区不在一处）")
        }
    }

    footer: Flow {
        spacing: 8
        padding: 12
        layoutDirection: Qt.RightToLeft
        width: dialog.width
        Button {
            objectName: "confirmFarButton"
            text: qsTr("确认签到")
            highlighted: true
            enabled: reason.text.trim().length > 0
            onClicked: { dialog.close(); dialog.confirmed(reason.text.trim()) }
        }
        Button {
            objectName: "retryFarButton"
            text: qsTr("重新定位")
            onClicked: { dialog.close(); dialog.retried() }
        }
    }
}
