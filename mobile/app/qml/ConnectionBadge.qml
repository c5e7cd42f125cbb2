// The top bar's connection state: online, offline, syncing (with its progress) or failed, with the
// number of records waiting, and the 同步 button. Whatever the person asked for, or a sync that
// sent or brought records, is answered with a short notice under the bar.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ledger.App

RowLayout {
    id: badge
    spacing: 6
    // On a phone the bar has room for the dot and the number waiting only; the words are on the
    // sync page (and the dot's colour says the state).
    property bool compact: false

    readonly property color dotColor: {
        switch (SyncStatus.connection) {
        case "online": return SyncStatus.pendingCount > 0 ? "#ffb74d" : "#81c784"
        case "syncing": return "#64b5f6"
        case "offline": return "#bdbdbd"
        default: return "#e57373"
        }
    }

    Rectangle {
        objectName: "connectionDot"
        Accessible.name: SyncStatus.connectionText
        width: 12
        height: 12
        radius: 6
        color: badge.dotColor
        Layout.alignment: Qt.AlignVCenter
    }
    Label {
        objectName: "connectionLabel"
        text: badge.compact ? (SyncStatus.pendingCount > 0 ? String(SyncStatus.pendingCount) : "") : SyncStatus.connectionText
        visible: text !== ""
        elide: Text.ElideRight
        Layout.maximumWidth: badge.parent ? Math.max(80, badge.parent.width * 0.35) : 260
    }
    ToolButton {
        objectName: "syncButton"
        text: qsTr("同步")
        enabled: SyncStatus.connection !== "syncing"
        onClicked: SyncStatus.syncNow()
    }

    Popup {
        id: toast
        objectName: "syncNotice"
        property alias text: toastText.text
        parent: Overlay.overlay
        x: parent ? (parent.width - width) / 2 : 0
        y: 64
        width: parent ? Math.min(parent.width - 32, 560) : 400
        closePolicy: Popup.CloseOnPressOutside | Popup.CloseOnEscape
        Label {
            id: toastText
            width: toast.availableWidth
            wrapMode: Text.Wrap
        }
        Timer {
            running: toast.visible
            interval: 5000
            onTriggered: toast.close()
        }
    }

    Connections {
        target: SyncStatus
        function onNotice(message) {
            toast.text = message
            toast.open()
        }
    }
}
