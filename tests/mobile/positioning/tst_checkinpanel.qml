// CheckInPanel.qml with a real CheckInController over replayed NMEA logs: what the person sees
// while positioning, accepting automatically and by hand, the flags, and giving up without a fix.
import QtQuick
import QtTest
import Ledger.Positioning

TestCase {
    id: testCase
    name: "CheckInPanel"
    when: windowShown
    // TestCase is an invisible Item by default; the panel must be on screen to be clicked.
    visible: true
    width: 480
    height: 800

    // Generous: the logs play at one epoch a second and the machine may be busy.
    readonly property int patience: 30000
    readonly property real siteLatitude: 35.2647
    readonly property real siteLongitude: 113.9268

    // The panel with its controller and provider, destroyed together (a panel outliving its
    // controller would show nothing anyway).
    Component {
        id: rigComponent
        Item {
            id: rig
            property string log
            property int timeoutMs: 60000
            readonly property alias panel: panel

            anchors.fill: parent

            NmeaReplayProvider {
                id: provider
                fileName: ":/nmea/" + rig.log
                reportsMock: false // a stand-in receiver: the flags of the rules alone
            }
            CheckInController {
                id: controller
                provider: provider
                timeoutMs: rig.timeoutMs
            }
            CheckInPanel {
                id: panel
                anchors.fill: parent
                controller: controller
            }
        }
    }

    SignalSpy {
        id: acceptedSpy
        signalName: "accepted"
    }
    SignalSpy {
        id: gaveUpSpy
        signalName: "gaveUp"
    }

    function makePanel(log, timeoutMs) {
        const rig = createTemporaryObject(rigComponent, testCase, { log: log, timeoutMs: timeoutMs || 60000 })
        verify(rig, "the panel and its controller must be created")
        acceptedSpy.clear()
        gaveUpSpy.clear()
        acceptedSpy.target = rig.panel
        gaveUpSpy.target = rig.panel
        return rig.panel
    }

    // Layouts place their items in the polish pass before a frame; click only once they did.
    function click(panel, name) {
        for (const layout of ["mainColumn", "buttonRow", "reasonBox"])
            waitForItemPolished(child(panel, layout))
        const item = child(panel, name)
        verify(item.visible && item.width > 0 && item.height > 0, name + " must be on screen")
        mouseClick(item)
    }

    function child(panel, name) {
        const item = findChild(panel, name)
        verify(item, name + " must exist")
        return item
    }

    function flagTexts(panel) {
        const repeater = child(panel, "flagRepeater")
        const texts = []
        for (let i = 0; i < repeater.count; ++i)
            texts.push(repeater.itemAt(i).text)
        return texts
    }

    function test_idleShowsNothingToAccept() {
        const panel = makePanel("on_site.nmea")
        compare(child(panel, "statusLabel").text, "尚未开始定位")
        compare(child(panel, "accuracyLabel").text, "精度：等待定位，要求 ≤50 米")
        verify(!child(panel, "acceptButton").enabled)
        verify(!child(panel, "giveUpButton").enabled)
    }

    function test_onSiteIsAcceptedAutomatically() {
        const panel = makePanel("on_site.nmea")
        const controller = panel.controller
        controller.startAtSite(siteLatitude, siteLongitude)
        compare(child(panel, "statusLabel").text, "正在定位…")
        // The first reading is 98 m: shown, not good enough.
        tryCompare(child(panel, "accuracyLabel"), "text", "精度 ±98 米，要求 ≤50 米", patience)
        tryCompare(controller, "state", CheckInController.Accepted, patience)
        compare(child(panel, "statusLabel").text, "已签到")
        compare(child(panel, "accuracyLabel").text, "精度 ±35 米，要求 ≤50 米")
        verify(/^距企业登记位置 \d 米$/.test(child(panel, "distanceLabel").text), child(panel, "distanceLabel").text)
        compare(flagTexts(panel), [])
        compare(acceptedSpy.count, 1)
        const json = acceptedSpy.signalArguments[0][0]
        compare(json.fixTime, "2023-05-10T01:30:03Z")
        compare(json.flags, [])
        compare(json, controller.checkInJson())
        compare(gaveUpSpy.count, 0)
        verify(!child(panel, "acceptButton").visible)
        verify(!child(panel, "giveUpButton").visible)
    }

    function test_farAwayShowsTheFlag() {
        const panel = makePanel("far_away.nmea")
        const controller = panel.controller
        controller.startAtSite(siteLatitude, siteLongitude)
        tryCompare(controller, "state", CheckInController.Accepted, patience)
        compare(child(panel, "distanceLabel").text, "距企业登记位置 2.0 公里")
        compare(flagTexts(panel), ["注意：距企业注册地址超过500米"])
    }

    function test_acceptByHandIndoors() {
        const panel = makePanel("indoor.nmea")
        const controller = panel.controller
        controller.startAtSite(siteLatitude, siteLongitude)
        const accept = child(panel, "acceptButton")
        tryCompare(accept, "enabled", true, patience)
        // What the reviewer will see is shown before the person decides.
        compare(flagTexts(panel), ["注意：定位误差大于50米或未知，由本人确认后提交"])
        verify(accept.height >= 48, "touch-sized")
        click(panel, "acceptButton")
        compare(controller.state, CheckInController.Accepted)
        compare(controller.flags, ["inaccurate_fix"])
        compare(child(panel, "statusLabel").text, "已签到")
        compare(flagTexts(panel), ["注意：定位误差大于50米或未知，由本人确认后提交"])
        compare(acceptedSpy.count, 1)
        const json = acceptedSpy.signalArguments[0][0]
        compare(json.flags, ["inaccurate_fix"])
        verify(json.accuracyM > 50)
    }

    function test_noFixThenGiveUpWithAReason() {
        const panel = makePanel("no_fix.nmea", 1500)
        const controller = panel.controller
        controller.startAtSite(siteLatitude, siteLongitude)
        tryCompare(controller, "state", CheckInController.NoFix, patience)
        compare(child(panel, "statusLabel").text, "未能定位")
        compare(child(panel, "noFixReasonLabel").text, "1.5秒内未获得定位（室内或无GPS信号）")
        verify(child(panel, "noFixReasonLabel").visible)
        verify(!child(panel, "acceptButton").enabled)
        verify(child(panel, "retryButton").visible)

        const reasonBox = child(panel, "reasonBox")
        verify(!reasonBox.visible)
        click(panel, "giveUpButton")
        verify(reasonBox.visible)
        const submit = child(panel, "submitReasonButton")
        verify(!submit.enabled, "no reason, no give-up")
        const field = child(panel, "reasonField")
        field.forceActiveFocus()
        field.text = "企业在地下车间，没有GPS信号"
        verify(submit.enabled)
        click(panel, "submitReasonButton")

        compare(gaveUpSpy.count, 1)
        compare(gaveUpSpy.signalArguments[0][0], "企业在地下车间，没有GPS信号")
        compare(acceptedSpy.count, 0)
        verify(controller.givenUp)
        compare(controller.noFixReason, "企业在地下车间，没有GPS信号")
        compare(child(panel, "statusLabel").text, "未签到")
        compare(child(panel, "noFixReasonLabel").text, "原因：企业在地下车间，没有GPS信号")
        verify(!reasonBox.visible)
        compare(Object.keys(controller.checkInJson()).length, 0)
    }

    function test_retryAfterNoFix() {
        const panel = makePanel("on_site.nmea", 1000)
        const controller = panel.controller
        controller.startAtSite(siteLatitude, siteLongitude)
        tryCompare(controller, "state", CheckInController.NoFix, patience)
        controller.timeoutMs = 60000
        click(panel, "retryButton")
        compare(controller.state, CheckInController.Waiting)
        tryCompare(controller, "state", CheckInController.Accepted, patience)
    }
}
