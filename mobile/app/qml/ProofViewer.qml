// A proof shown full size over the page: an image fitted to the window, pinch or scroll to look
// closer; closed by its button or a tap outside.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Popup {
    id: viewer
    objectName: "proofViewer"
    property url source
    property string name

    function show(url, fileName) {
        viewer.source = url
        viewer.name = fileName
        viewer.open()
    }

    parent: Overlay.overlay
    x: 0
    y: 0
    width: parent ? parent.width : 800
    height: parent ? parent.height : 600
    modal: true
    padding: 8
    background: Rectangle { color: "#e6000000" }

    ColumnLayout {
        anchors.fill: parent
        RowLayout {
            Layout.fillWidth: true
            Label { Layout.fillWidth: true; text: viewer.name; color: "white"; elide: Text.ElideMiddle; font.pixelSize: 16 }
            Button { text: qsTr("关闭"); onClicked: viewer.close() }
        }
        Flickable {
            id: flick
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: Math.max(width, image.width * image.scale)
            contentHeight: Math.max(height, image.height * image.scale)
            Image {
                id: image
                objectName: "proofImage"
                width: flick.width
                height: flick.height
                source: viewer.source
                fillMode: Image.PreserveAspectFit
                asynchronous: true
                autoTransform: true
                transformOrigin: Item.TopLeft
            }
            PinchHandler { target: image; minimumScale: 1; maximumScale: 6 }
        }
        Label {
            visible: image.status === Image.Error
            text: qsTr("无法显示这张图片")
            color: "white"
        }
    }
}
