// The app window: a navigation rail on a tablet (a drawer on a phone) and one page at a time.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

ApplicationWindow {
    id: window
    width: 1280
    height: 800
    visible: true
    title: qsTr("全员招商台账")

    readonly property bool wide: width >= 900
    property string current: "home"
    // Every page gets it: how pages open forms and go back (ScreenshotTour uses it too).
    readonly property Navigator navigator: Navigator { stack: stack }

    readonly property var destinations: [
        { key: "home", label: qsTr("首页"), page: "HomePage.qml", opens: true },
        { key: "enterprises", label: qsTr("企业"), page: "EnterprisesPage.qml", opens: true },
        { key: "visits", label: qsTr("拜访"), page: "RecordsPage.qml", opens: true, kind: "visit" },
        { key: "trips", label: qsTr("外出招商"), page: "RecordsPage.qml", opens: true, kind: "trip" },
        { key: "leads", label: qsTr("招商信息"), page: "RecordsPage.qml", opens: true, kind: "lead" },
        { key: "projects", label: qsTr("项目"), page: "RecordsPage.qml", opens: true, kind: "project" },
        { key: "funds", label: qsTr("到位资金"), page: "RecordsPage.qml", opens: true, kind: "funds" },
        { key: "referrals", label: qsTr("引荐企业"), page: "RecordsPage.qml", opens: true, kind: "referral" },
        { key: "signings", label: qsTr("签约活动"), page: "RecordsPage.qml", opens: true, kind: "signing_event" },
        { key: "mapCompletions", label: qsTr("图谱绘制"), page: "RecordsPage.qml", opens: true, kind: "map_completion" },
        { key: "headquarters", label: qsTr("总部经济"), page: "RecordsPage.qml", opens: true, kind: "headquarters" },
        { key: "awards", label: qsTr("领导小组加分"), page: "RecordsPage.qml", opens: true, kind: "award", reviewer: true },
        { key: "shares", label: qsTr("个人分配"), page: "PoolSharesPage.qml", contact: true },
        { key: "inbox", label: qsTr("认定审核"), page: "InboxPage.qml", opens: true, reviewer: true },
        { key: "scores", label: qsTr("得分"), page: "ScoresPage.qml" },
        { key: "map", label: qsTr("招商图谱"), page: "MapPage.qml" },
        { key: "sync", label: qsTr("同步"), page: "SyncPage.qml", opens: true },
        { key: "settings", label: qsTr("设置"), page: "SettingsPage.qml" }
    ]

    function go(key) {
        for (const d of destinations) {
            if (d.key === key) {
                current = key
                navigator.show(d.page, d.kind ? { kind: d.kind } : {}, d.opens === true)
                drawer.close()
                return
            }
        }
    }

    function showStart() {
        if (Session.signedIn)
            go("home")
        else
            stack.replace(null, Qt.resolvedUrl("SignInPage.qml"))
    }

    Component.onCompleted: showStart()

    // 返回 and Android's back key: a form with changes asks first (its leave()); other pages go.
    function goBack() {
        const page = stack.currentItem
        if (page && typeof page.leave === "function")
            page.leave()
        else
            navigator.back()
    }

    onClosing: (close) => {
        const page = stack.currentItem
        if (Qt.platform.os === "android" && stack.depth > 1) {
            close.accepted = false // the back key at a page: go back, not out of the app
            goBack()
        } else if (page && typeof page.keepDraft === "function") {
            page.keepDraft() // closing the app keeps what was typed
        }
    }

    header: ToolBar {
        visible: Session.signedIn
        RowLayout {
            anchors.fill: parent
            ToolButton {
                visible: !window.wide || stack.depth > 1
                text: stack.depth > 1 ? qsTr("‹ 返回") : qsTr("☰")
                font.pixelSize: 20
                onClicked: stack.depth > 1 ? window.goBack() : drawer.open()
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: 12
                text: stack.currentItem && stack.currentItem.title ? stack.currentItem.title : qsTr("全员招商台账")
                font.pixelSize: 20
                // On a phone a long title shrinks rather than being cut short.
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: 13
                elide: Text.ElideRight
            }
            ConnectionBadge {
                objectName: "connectionBadge"
                compact: !window.wide
            }
            Label {
                // On a phone the bar has no room for it; the home page greets the person by name.
                visible: window.wide
                text: Session.userName + " · " + Session.unitName
                rightPadding: 16
            }
        }
    }

    Drawer {
        id: drawer
        width: 260
        height: window.height
        interactive: !window.wide && Session.signedIn
        NavigationList {
            anchors.fill: parent
            destinations: window.destinations
            current: window.current
            onChosen: (key) => window.go(key)
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        NavigationList {
            visible: window.wide && Session.signedIn
            Layout.preferredWidth: 200
            Layout.fillHeight: true
            destinations: window.destinations
            current: window.current
            onChosen: (key) => window.go(key)
        }
        StackView {
            id: stack
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }

    Connections {
        target: Session
        function onSignedInChanged() { window.showStart() }
    }
}
