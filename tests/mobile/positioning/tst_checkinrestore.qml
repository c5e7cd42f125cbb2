// CheckInPanel.qml over a visit that already has its check-in (a returned visit reopened): the one
// controller restored from the stored JSON says 已签到 with the stored distance and flags, never
// 尚未开始定位 beside it; a stored reason for no check-in shows as given up; a far check-in shows
// the person's reason. Restoring decides nothing new, so the panel emits neither outcome.
import QtQuick
import QtTest
import Ledger.Positioning

TestCase {
    id: testCase
    name: "CheckInRestore"
    when: windowShown
    visible: true
    width: 412
    height: 800

    readonly property var farCheckIn: ({
        position: { latitude: 35.3020, longitude: 113.9640 },
        accuracyM: 9.5,
        fixTime: "2023-05-10T01:30:05Z",
        distanceM: 4177.2,
        flags: ["far_from_site", "mock_location"]
    })

    Component {
        id: rigComponent
        Item {
            property alias panel: panel
            property alias controller: controller
            anchors.fill: parent
            CheckInController { id: controller }
            CheckInPanel {
                id: panel
                anchors.fill: parent
                controller: controller
            }
        }
    }
    SignalSpy { id: acceptedSpy; signalName: "accepted" }
    SignalSpy { id: gaveUpSpy; signalName: "gaveUp" }

    function make() {
        const rig = createTemporaryObject(rigComponent, testCase)
        acceptedSpy.clear()
        gaveUpSpy.clear()
        acceptedSpy.target = rig.panel
        gaveUpSpy.target = rig.panel
        return rig
    }

    function test_storedCheckInIsOneState() {
        const rig = make()
        verify(rig.controller.restore(farCheckIn))
        rig.panel.farReason = "企业登记地址与实际厂区不在一处"
        compare(rig.controller.state, CheckInController.Accepted)
        compare(findChild(rig.panel, "statusLabel").text, "已签到")
        const distance = findChild(rig.panel, "distanceLabel")
        verify(distance.visible)
        compare(distance.text, "距企业登记位置 4.2 公里")
        compare(findChild(rig.panel, "accuracyLabel").text, "精度 ±10 米，要求 ≤" + rig.controller.maxAccuracyM + " 米")
        compare(rig.controller.flags, ["far_from_site", "mock_location"])
        const reason = findChild(rig.panel, "farReasonLabel")
        verify(reason.visible)
        compare(reason.text, "距离较远的原因：企业登记地址与实际厂区不在一处")
        verify(!findChild(rig.panel, "buttonRow").visible)
        compare(acceptedSpy.count, 0)
        compare(rig.controller.checkInJson().distanceM, 4177.2)
    }

    function test_storedReasonForNoCheckIn() {
        const rig = make()
        verify(rig.controller.restoreGivenUp("企业在地下厂房，没有GPS信号"))
        compare(findChild(rig.panel, "statusLabel").text, "未签到")
        compare(findChild(rig.panel, "noFixReasonLabel").text, "原因：企业在地下厂房，没有GPS信号")
        compare(gaveUpSpy.count, 0)
    }

    function test_badStoredCheckInChangesNothing() {
        const rig = make()
        ignoreWarning(new RegExp("cannot show the stored check-in"))
        verify(!rig.controller.restore({ accuracyM: "near" }))
        compare(rig.controller.state, CheckInController.Idle)
        compare(findChild(rig.panel, "statusLabel").text, "尚未开始定位")
    }
}
