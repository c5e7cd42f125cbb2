// The first sign-in needs the network; after that the app opens offline with the stored session.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

Page {
    title: qsTr("登录")
    // Scrolls on a phone held sideways (360 px high), centred where it fits.
    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: Math.max(height, form.implicitHeight + 32)
        clip: true
        ColumnLayout {
            id: form
            x: (flick.width - width) / 2
            y: Math.max(16, (flick.height - implicitHeight) / 2)
            width: Math.min(flick.width - 48, 420)
            spacing: 12
            Label {
                text: qsTr("全员招商台账")
                font.pixelSize: 30
                Layout.alignment: Qt.AlignHCenter
            }
            Label {
                text: qsTr("新乡经济开发区 · 招商服务局")
                color: "#555"
                Layout.alignment: Qt.AlignHCenter
                Layout.bottomMargin: 16
            }
            Label { text: qsTr("服务器地址") }
            TextField { id: server; Layout.fillWidth: true; text: Session.serverUrl; inputMethodHints: Qt.ImhUrlCharactersOnly }
            Label { text: qsTr("账号") }
            TextField { id: login; Layout.fillWidth: true; inputMethodHints: Qt.ImhNoAutoUppercase; focus: true }
            Label { text: qsTr("密码") }
            TextField { id: password; Layout.fillWidth: true; echoMode: TextInput.Password; onAccepted: button.clicked() }
            Label {
                Layout.fillWidth: true
                visible: Session.signInError !== ""
                wrapMode: Text.Wrap
                color: "#b00020"
                text: Session.signInError
            }
            Button {
                id: button
                Layout.fillWidth: true
                Layout.preferredHeight: 52
                highlighted: true
                enabled: !Session.busy && login.text !== "" && password.text !== ""
                text: Session.busy ? qsTr("正在登录…") : qsTr("登录")
                font.pixelSize: 18
                onClicked: Session.signIn(server.text, login.text, password.text)
            }
        }
    }
}
