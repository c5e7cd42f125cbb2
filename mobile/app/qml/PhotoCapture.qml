// Taking a photo as a proof: the camera's view and a shutter button (Qt Multimedia). Where the
// device has no camera (no video input: a desktop, or the tests' offscreen screen) it says so and
// offers a file instead. The camera is started only while the dialog is open.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtMultimedia
import Ledger.App

Dialog {
    id: capture
    objectName: "photoCapture"
    // Names the files the camera writes (in its temporary folder).
    property PhotoProcessor processor
    // A photo was taken: the file it is in.
    signal captured(url file)
    // The person asked for a file instead.
    signal fileWanted()

    readonly property bool hasCamera: devices.videoInputs.length > 0
    property string problem

    title: qsTr("拍照")
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: parent ? Math.min(parent.width - 24, 720) : 640
    standardButtons: Dialog.Cancel

    MediaDevices { id: devices }

    // The session, made on opening and destroyed on closing, so that the camera runs only while
    // it is looked through.
    property QtObject session: null
    Component {
        id: sessionComponent
        CaptureSession {
            camera: Camera { active: true }
            imageCapture: ImageCapture {
                onImageSaved: (id, path) => { capture.captured("file://" + path); capture.close() }
                onErrorOccurred: (id, error, message) => capture.problem = message
            }
            videoOutput: viewfinder
        }
    }
    onOpened: {
        problem = ""
        if (hasCamera && !session)
            session = sessionComponent.createObject(capture)
    }
    onClosed: {
        if (session) {
            session.destroy()
            session = null
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 12
        Label {
            objectName: "noCamera"
            visible: !capture.hasCamera
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("这台设备没有可用的摄像头。可以选择已有的照片或文件作为证明材料。")
        }
        VideoOutput {
            id: viewfinder
            visible: capture.hasCamera
            Layout.fillWidth: true
            Layout.preferredHeight: capture.hasCamera ? 360 : 0
            fillMode: VideoOutput.PreserveAspectFit
        }
        Label {
            visible: capture.problem !== ""
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: "#b00020"
            text: capture.problem
        }
        RowLayout {
            Button {
                visible: capture.hasCamera
                text: qsTr("拍摄")
                highlighted: true
                enabled: capture.session !== null && capture.session.imageCapture.readyForCapture
                onClicked: capture.session.imageCapture.captureToFile(capture.processor.captureFile())
            }
            Button {
                objectName: "chooseFile"
                text: qsTr("选择文件")
                onClicked: { capture.close(); capture.fileWanted() }
            }
        }
    }
}
