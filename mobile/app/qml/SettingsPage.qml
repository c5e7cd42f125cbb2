// Settings: server address, language, and the check-in thresholds (they come from the scheme);
// whether this run replays a GPS log (a start-up option, shown here, not chosen here).
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

Page {
    id: page
    title: qsTr("设置")
    ColumnLayout {
        anchors.fill: parent
        anchors.margins: page.width < 500 ? 12 : 24
        spacing: 12
        Label { text: qsTr("服务器地址") }
        TextField { Layout.fillWidth: true; text: Session.serverUrl; onEditingFinished: Session.serverUrl = text }
        Label { text: qsTr("语言 / Language") }
        ComboBox {
            model: [{ code: "zh_CN", name: "中文" }, { code: "en", name: "English" }]
            textRole: "name"; valueRole: "code"
            Component.onCompleted: currentIndex = indexOfValue(Settings.language)
            onActivated: Settings.language = currentValue
        }
        Label { text: qsTr("现场签到规则（来自考核方案）"); font.pixelSize: 18; Layout.topMargin: 12 }
        Label { text: qsTr("定位精度达到 %1 米以内时自动签到").arg(Settings.checkInRules.maxAccuracyM); wrapMode: Text.Wrap; Layout.fillWidth: true }
        Label { text: qsTr("距企业注册地址超过 %1 米时标记").arg(Settings.checkInRules.farFromSiteM); wrapMode: Text.Wrap; Layout.fillWidth: true }
        Label { text: qsTr("与上次签到之间速度超过 %1 公里/小时时标记").arg(Settings.checkInRules.maxSpeedKmh); wrapMode: Text.Wrap; Layout.fillWidth: true }
        // Replaying a log is a start-up option of the app (--replay-positioning), never a choice here.
        Label {
            objectName: "replayNotice"
            visible: Settings.replayPositioning
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: "#b45309"
            text: qsTr("本次启动使用定位回放（演示），所有签到都标记为模拟定位")
        }
        Label { text: qsTr("本机编号：%1").arg(Session.deviceId); color: "#777"; Layout.topMargin: 12; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
        Button { text: qsTr("退出登录"); onClicked: Session.signOut() }
        Item { Layout.fillHeight: true }
    }
}
