// Drafts and the far check-in on the app's RecordForm.qml (run by tst_recordform's runner over the
// same real singletons): leaving a form with changes asks, keeping makes a draft that reopens where
// it was left, discarding forgets it, an untouched form leaves without asking; a check-in flagged
// far from the site is kept only with the reason typed into FarCheckInDialog.
import QtQuick
import QtQuick.Controls
import QtTest
import Ledger.App

TestCase {
    id: testCase
    name: "Drafts"
    when: windowShown
    visible: true
    width: 900
    height: 1700

    Navigator { id: navigator }
    SignalSpy { id: closedSpy; signalName: "closed" }

    function createForm(kind, properties) {
        const component = Qt.createComponent("qrc:/qt-project.org/imports/Ledger/App/RecordForm.qml")
        compare(component.status, Component.Ready, component.errorString())
        let all = { kind: kind, navigator: navigator, width: testCase.width, height: testCase.height }
        for (const k in (properties || {}))
            all[k] = properties[k]
        const form = createTemporaryObject(component, testCase, all)
        verify(form, "RecordForm must be created")
        closedSpy.clear()
        closedSpy.target = form
        return form
    }

    function findItem(item, predicate) {
        if (!item)
            return null
        if (predicate(item))
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findItem(item.children[i], predicate)
            if (found)
                return found
        }
        return null
    }

    // The purpose field's TextField of a visit form, typed into as a person would.
    function typePurpose(form, text) {
        const field = findItem(form, o => o.key === "purpose" && o.modelData !== undefined && o.hasError !== undefined)
        verify(field, "the visit form must show its purpose")
        const input = findItem(field, o => o.selectAll !== undefined && o.cursorPosition !== undefined)
        verify(input)
        waitForItemPolished(input)
        mouseClick(input)
        input.forceActiveFocus()
        for (const c of text)
            keyClick(c)
        compare(input.text, text)
    }

    function popupButton(form, name) {
        const button = findChild(form, name)
        verify(button, name + " must exist")
        tryVerify(() => button.visible && button.width > 0, 5000, name + " must be on screen")
        return button
    }

    function test_keptDraftReopensWhereItWasLeft() {
        const form = createForm("visit")
        const id = form.record.id
        typePurpose(form, "expand")
        form.leave()
        const dialog = findChild(form, "leaveDialog")
        tryVerify(() => dialog.opened, 5000, "leaving with changes must ask")
        compare(closedSpy.count, 0)
        mouseClick(popupButton(form, "keepDraftButton"))
        compare(closedSpy.count, 1)

        const again = createForm("visit", { recordId: id })
        compare(again.record.purpose, "expand")
        verify(findChild(again, "draftNotice").visible)
        // Untouched since it was reopened: leaving does not ask again, the draft stays.
        again.leave()
        compare(closedSpy.count, 1)
        verify(!findChild(again, "leaveDialog").opened)
        const third = createForm("visit", { recordId: id })
        compare(third.record.purpose, "expand")
    }

    function test_discardedChangesAreGone() {
        const form = createForm("visit")
        const id = form.record.id
        typePurpose(form, "drop")
        form.leave()
        tryVerify(() => findChild(form, "leaveDialog").opened, 5000)
        mouseClick(popupButton(form, "discardDraftButton"))
        compare(closedSpy.count, 1)
        const again = createForm("visit", { recordId: id })
        compare(again.record.purpose, undefined)
        verify(!findChild(again, "draftNotice").visible)
    }

    function test_untouchedFormLeavesAtOnce() {
        const form = createForm("visit")
        form.leave()
        compare(closedSpy.count, 1)
        verify(!findChild(form, "leaveDialog").opened)
    }

    function test_farCheckInNeedsItsReason() {
        const form = createForm("visit")
        const panel = findItem(form, o => o.farReason !== undefined && o.controller !== undefined)
        verify(panel, "the visit form must show its check-in panel")
        const far = {
            position: { latitude: 35.3020, longitude: 113.9640 }, accuracyM: 9.5, fixTime: "2023-05-10T01:30:05Z",
            distanceM: 4177.2, flags: ["far_from_site"]
        }
        panel.accepted(far)
        const dialog = findChild(form, "farCheckInDialog")
        tryVerify(() => dialog.opened, 5000, "a far check-in must be confirmed")
        compare(form.record.checkIn, undefined, "not kept before it is confirmed")
        verify(findChild(form, "farDistanceLabel").text.indexOf("4177") >= 0)
        const confirm = popupButton(form, "confirmFarButton")
        verify(!confirm.enabled, "no confirmation without a reason")
        const reason = findChild(form, "farReasonField")
        reason.forceActiveFocus()
        for (const c of "plant")
            keyClick(c)
        verify(confirm.enabled)
        mouseClick(confirm)
        compare(form.record.farCheckInReason, "plant")
        compare(form.record.checkIn.distanceM, 4177.2)
    }
}
