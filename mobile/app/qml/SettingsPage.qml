// Settings: server address, language, and the check-in thresholds (they come from the scheme).
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
        CheckBox { text: qsTr("演示定位（回放 NMEA 记录）"); checked: Settings.demoPositioning; onToggled: Settings.demoPositioning = checked }
        Label { text: qsTr("本机编号：%1").arg(Session.deviceId); color: "#777"; Layout.topMargin: 12; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
        Button { text: qsTr("退出登录"); onClicked: Session.signOut() }
        Item { Layout.fillHeight: true }
    }
}
