// The app window: a navigation rail on a tablet (a drawer on a phone) and one page at a time.
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

    readonly property var destinations: [
        { key: "home", label: qsTr("首页"), page: "HomePage.qml" },
        { key: "enterprises", label: qsTr("企业"), page: "EnterprisesPage.qml" },
        { key: "visits", label: qsTr("拜访"), page: "RecordsPage.qml", kind: "visit" },
        { key: "trips", label: qsTr("外出招商"), page: "RecordsPage.qml", kind: "trip" },
        { key: "leads", label: qsTr("招商信息"), page: "RecordsPage.qml", kind: "lead" },
        { key: "projects", label: qsTr("项目"), page: "RecordsPage.qml", kind: "project" },
        { key: "funds", label: qsTr("到位资金"), page: "RecordsPage.qml", kind: "funds" },
        { key: "referrals", label: qsTr("引荐企业"), page: "RecordsPage.qml", kind: "referral" },
        { key: "inbox", label: qsTr("认定审核"), page: "InboxPage.qml", reviewer: true },
        { key: "scores", label: qsTr("得分"), page: "ScoresPage.qml" },
        { key: "map", label: qsTr("招商图谱"), page: "MapPage.qml" },
        { key: "sync", label: qsTr("同步"), page: "SyncPage.qml" },
        { key: "settings", label: qsTr("设置"), page: "SettingsPage.qml" }
    ]

    function go(key) {
        for (const d of destinations) {
            if (d.key === key) {
                current = key
                stack.replace(null, Qt.resolvedUrl(d.page), d.kind ? { kind: d.kind } : {})
                drawer.close()
                return
            }
        }
    }

    // Opens a form or detail page on top of the current page.
    function open(page, properties) {
        stack.push(Qt.resolvedUrl(page), properties || {})
    }

    function back() {
        if (stack.depth > 1)
            stack.pop()
    }

    header: ToolBar {
        visible: App.signedIn
        RowLayout {
            anchors.fill: parent
            ToolButton {
                visible: !window.wide || stack.depth > 1
                text: stack.depth > 1 ? qsTr("‹ 返回") : qsTr("☰")
                font.pixelSize: 20
                onClicked: stack.depth > 1 ? window.back() : drawer.open()
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: 12
                text: stack.currentItem && stack.currentItem.title ? stack.currentItem.title : qsTr("全员招商台账")
                font.pixelSize: 20
                elide: Text.ElideRight
            }
            Label {
                text: App.pendingCount > 0 ? qsTr("%1 条待同步").arg(App.pendingCount) : qsTr("已同步")
                color: App.pendingCount > 0 ? "#ffe0b2" : "#c8e6c9"
                rightPadding: 8
            }
            ToolButton {
                text: qsTr("同步")
                enabled: App.syncState !== "syncing"
                onClicked: App.syncNow()
            }
            Label {
                text: App.userName + " · " + App.unitName
                rightPadding: 16
            }
        }
    }

    Drawer {
        id: drawer
        width: 260
        height: window.height
        interactive: !window.wide && App.signedIn
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
            visible: window.wide && App.signedIn
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
            initialItem: App.signedIn ? "HomePage.qml" : "SignInPage.qml"
        }
    }

    Connections {
        target: App
        function onSignedInChanged() {
            if (App.signedIn)
                window.go("home")
            else
                stack.replace(null, Qt.resolvedUrl("SignInPage.qml"))
        }
    }
}
