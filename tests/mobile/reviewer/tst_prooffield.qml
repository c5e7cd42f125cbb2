// The proof field of a form on a machine with no camera: its file dialog opens (the crash of
// issue 9 was this dialog failing to load), the camera dialog says there is no camera and offers
// a file, and a photo chosen is scaled and compressed before the form attaches it, then shown as
// a thumbnail and removable.
import QtQuick
import QtQuick.Controls
import QtTest
import Ledger.App
import "helpers.js" as H

TestCase {
    id: testCase
    name: "ProofField"
    when: windowShown
    visible: true
    width: 900
    height: 900

    Component {
        id: fieldComponent
        ProofField { width: 800 }
    }
    Component {
        id: editorComponent
        RecordEditor { kind: "visit" }
    }
    SignalSpy { id: picked; signalName: "picked" }
    SignalSpy { id: removed; signalName: "removed" }

    function test_theFileDialogOpens() {
        const field = createTemporaryObject(fieldComponent, testCase)
        const choose = H.find(field, o => o.objectName === "chooseFile")
        choose.clicked()
        tryCompare(field.fileDialog, "visible", true)
        field.fileDialog.reject()
        tryCompare(field.fileDialog, "visible", false)
    }

    function test_noCameraSaysSoAndOffersAFile() {
        const field = createTemporaryObject(fieldComponent, testCase)
        compare(field.cameraDialog.hasCamera, false) // no video input here (offscreen)
        H.find(field, o => o.objectName === "takePhoto").clicked()
        tryCompare(field.cameraDialog, "opened", true)
        const noCamera = H.find(field.cameraDialog, o => o.objectName === "noCamera")
        verify(noCamera.visible)
        H.find(field.cameraDialog, o => o.objectName === "chooseFile").clicked()
        tryCompare(field.cameraDialog, "visible", false)
        tryCompare(field.fileDialog, "visible", true)
        field.fileDialog.reject()
    }

    function test_aPhotoIsMadeFitAttachedShownAndRemovable() {
        const field = createTemporaryObject(fieldComponent, testCase)
        picked.target = field
        picked.clear()
        field.take(testImage) // 3000 × 2000 PNG
        compare(picked.count, 1)
        const ready = String(picked.signalArguments[0][0])
        verify(ready.endsWith("/现场.jpg"), ready)

        const editor = createTemporaryObject(editorComponent, testCase)
        verify(editor.attach("attachments", picked.signalArguments[0][0]))
        const attached = editor.record.attachments
        compare(attached.length, 1)
        compare(attached[0].mimeType, "image/jpeg")
        compare(attached[0].name, "现场.jpg")
        field.attachments = attached
        const thumbnail = H.find(field, o => o.objectName === "thumbnail")
        verify(thumbnail)
        tryCompare(thumbnail, "status", Image.Ready)
        compare(Math.max(thumbnail.implicitWidth, thumbnail.implicitHeight) <= 300, true)

        removed.target = field
        removed.clear()
        H.find(field, o => o.text === "移除").clicked()
        compare(removed.count, 1)
        compare(removed.signalArguments[0][0], 0)
    }
}
