// The proofs of a record in its form: thumbnails of the photos (tap for the full size), the other
// files by name and size (tap to open them with the system), each removable; a photo taken with
// the camera (PhotoCapture) or a file chosen (FileDialog). Every photo is scaled and compressed
// (PhotoProcessor) before the form attaches it, so that what is hashed and sent is the small one.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Ledger.App

ColumnLayout {
    id: field
    // The record's list of attachments ({sha256, name, mimeType, size}).
    property var attachments: []
    // A file ready to attach (an image already processed).
    signal picked(url file)
    signal removed(int index)
    // For tests and the self-test, which open every dialog.
    property alias fileDialog: fileDialog
    property alias cameraDialog: camera

    spacing: 8

    // Takes a chosen or captured file: a photo is made fit first.
    function take(file) {
        const ready = processor.prepare(file)
        if (ready.toString() !== "")
            field.picked(ready)
    }

    PhotoProcessor { id: processor; store: Session.store }
    ProofViewer { id: viewer }

    FileDialog {
        id: fileDialog
        objectName: "proofFileDialog"
        title: qsTr("选择文件或照片")
        nameFilters: [qsTr("文档和照片 (*.pdf *.jpg *.jpeg *.png *.heic *.docx *.xlsx)"), qsTr("所有文件 (*)")]
        onAccepted: field.take(selectedFile)
    }
    PhotoCapture {
        id: camera
        processor: processor
        onCaptured: (file) => field.take(file)
        onFileWanted: fileDialog.open()
    }

    Flow {
        Layout.fillWidth: true
        spacing: 8
        Repeater {
            model: field.attachments
            Frame {
                id: proof
                required property var modelData
                required property int index
                readonly property string url: processor.localUrl(proof.modelData.sha256)
                readonly property bool image: processor.isImage(proof.modelData.mimeType)
                objectName: "proof-" + proof.index
                width: 160
                padding: 6
                ColumnLayout {
                    width: parent.width
                    Image {
                        objectName: "thumbnail"
                        visible: proof.image && proof.url !== ""
                        Layout.fillWidth: true
                        Layout.preferredHeight: 100
                        source: visible ? proof.url : ""
                        sourceSize.width: 300
                        fillMode: Image.PreserveAspectCrop
                        asynchronous: true
                        autoTransform: true
                        TapHandler { onTapped: viewer.show(proof.url, proof.modelData.name) }
                    }
                    Label {
                        Layout.fillWidth: true
                        text: proof.modelData.name
                        elide: Text.ElideMiddle
                        TapHandler {
                            onTapped: proof.image ? viewer.show(proof.url, proof.modelData.name) : Qt.openUrlExternally(proof.url)
                        }
                    }
                    Label {
                        text: qsTr("%1 KB").arg(Math.ceil(proof.modelData.size / 1024))
                        color: "#777"
                    }
                    Button {
                        text: qsTr("移除")
                        onClicked: field.removed(proof.index)
                    }
                }
            }
        }
    }
    Label {
        visible: processor.error !== ""
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: "#b00020"
        text: processor.error
    }
    Flow {
        Layout.fillWidth: true
        spacing: 8
        Button {
            objectName: "takePhoto"
            text: camera.hasCamera ? qsTr("拍照") : qsTr("拍照（无摄像头）")
            onClicked: camera.open()
        }
        Button {
            objectName: "chooseFile"
            text: qsTr("选择文件或照片")
            onClicked: fileDialog.open()
        }
    }
}
