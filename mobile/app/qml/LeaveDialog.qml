// Asked when a person leaves a form (返回, Android's back, 取消) with changes not saved: keep them
// as a draft (it waits on the home page and reopens where it was left), throw them away, or stay.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Dialog {
    id: dialog
    signal keep()
    signal discard()

    objectName: "leaveDialog"
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 32 : 440, 460)
    modal: true
    title: qsTr("还有未保存的修改")

    Label {
        width: dialog.availableWidth
        wrapMode: Text.Wrap
        text: qsTr("保留为草稿，稍后可在首页继续填写（草稿只在本机，不会同步）；或放弃这些修改。")
    }

    footer: Flow {
        spacing: 8
        padding: 12
        layoutDirection: Qt.RightToLeft
        width: dialog.width
        Button {
            objectName: "keepDraftButton"
            text: qsTr("保留草稿")
            highlighted: true
            onClicked: { dialog.close(); dialog.keep() }
        }
        Button {
            objectName: "discardDraftButton"
            text: qsTr("放弃修改")
            onClicked: { dialog.close(); dialog.discard() }
        }
        Button {
            objectName: "stayButton"
            text: qsTr("继续编辑")
            flat: true
            onClicked: dialog.close()
        }
    }
}
