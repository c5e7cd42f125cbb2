// Input fit for people, as a person uses the inputs: a date picked on a calendar and shown in the
// UI's language; an amount typed in 亿元/万元 with its unit shown and stored exactly; every missing
// field marked at once; a milestone refused without its proofs; a trip warned at once that an
// emerging industry alone will not count; a visit opened on a trip naming that trip; the
// enterprise found by searching the picker, and a new one added from the form and chosen on
// return; the enterprise form showing a stored chain link and address. Run by tst_inputs (the
// setup of tst_recordform.cpp, over its own store).
import QtQuick
import QtQuick.Controls
import QtTest
import Ledger.App

TestCase {
    id: testCase
    name: "Inputs"
    when: windowShown
    visible: true
    width: 412
    height: 1400

    StackView {
        id: stack
        anchors.fill: parent
    }
    Navigator {
        id: navigator
        stack: stack
    }

    Component {
        id: dateComponent
        DateField {}
    }
    Component {
        id: amountComponent
        AmountField { width: 380 }
    }
    Component {
        id: reader
        RecordEditor {}
    }
    SignalSpy { id: pickedSpy; signalName: "picked" }
    SignalSpy { id: editedSpy; signalName: "edited" }
    SignalSpy { id: invalidSpy; signalName: "invalid" }

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
    function field(form, key) {
        const f = findItem(form, o => o.key === key && o.modelData !== undefined && o.hasError !== undefined)
        verify(f, "the form must show the field " + key)
        return f
    }
    function open(page, properties) {
        stack.clear()
        const form = navigator.open(page, properties)
        verify(form, page + " must open")
        tryVerify(() => !stack.busy)
        waitForRendering(form)
        return form
    }
    function button(item, text) {
        const b = findItem(item, o => o.text === text && o.clicked !== undefined)
        verify(b, "a button " + text)
        return b
    }

    function cleanup() {
        Settings.language = "zh_CN"
        stack.clear()
    }

    function test_dateFieldShowsAndPicksInTheUiLanguage() {
        const date = createTemporaryObject(dateComponent, testCase, { value: "2026-11-30", width: 380 })
        pickedSpy.clear()
        pickedSpy.target = date
        compare(date.text, "2026年11月30日")
        mouseClick(date)
        tryVerify(() => date.calendarPopup.opened)
        const title = findItem(date.calendarPopup.contentItem, o => o.objectName === "monthTitle")
        compare(title.text, "2026年11月")
        verify(date.calendarPopup.width <= testCase.width, "the calendar fits a phone")
        mouseClick(button(date.calendarPopup.contentItem, "›"))
        compare(title.text, "2026年12月")
        const day = findItem(date.calendarPopup.contentItem, o => o.objectName === "day-2026-12-24")
        verify(day && day.visible)
        waitForRendering(day)
        mouseClick(day)
        compare(pickedSpy.count, 1)
        compare(pickedSpy.signalArguments[0][0], "2026-12-24")
        Settings.language = "en"
        compare(date.text, "30 Nov 2026")
    }

    function test_amountInYiStoredExactly() {
        const amount = createTemporaryObject(amountComponent, testCase, { amount: "300000000.00" })
        editedSpy.clear()
        editedSpy.target = amount
        invalidSpy.clear()
        invalidSpy.target = amount
        const input = findItem(amount, o => o.objectName === "amountInput")
        const unit = findItem(amount, o => o.objectName === "amountUnit")
        compare(input.text, "3")
        compare(unit.currentText, "亿元")
        input.forceActiveFocus()
        input.selectAll()
        keyClick(Qt.Key_Delete)
        for (const c of "2.35")
            keyClick(c)
        compare(editedSpy.signalArguments[editedSpy.count - 1][0], "235000000.00")
        amount.amount = "235000000.00"
        compare(input.text, "2.35", "the typed text stays as typed")
        unit.currentIndex = 1
        unit.activated(1)
        compare(unit.currentText, "万元")
        compare(input.text, "23500")
        input.selectAll()
        keyClick(Qt.Key_Delete)
        for (const c of "-1")
            keyClick(c)
        verify(invalidSpy.count > 0, "a negative amount is not an amount")
        compare(invalidSpy.signalArguments[invalidSpy.count - 1][0], "不能为负数")
        compare(amount.problem, "不能为负数")
    }

    function test_everyMissingFieldMarkedAtOnce() {
        const form = open("RecordForm.qml", { kind: "lead" })
        form.save()
        verify(field(form, "enterpriseName").hasError)
        verify(field(form, "intention").hasError)
        verify(!field(form, "filed").hasError, "a filled field is not marked")
        compare(Object.keys(form.fieldErrors).sort(), ["enterpriseName", "intention"])
    }

    function test_milestoneNeedsItsProofs() {
        const form = open("RecordForm.qml", { kind: "milestone", defaults: { project: "7b0d1c3e-2f4a-4b5c-8d6e-9f0a1b2c3d4e" } })
        form.save()
        verify(field(form, "evidence").hasError, "the proofs must be marked")
        compare(form.errorField, "evidence")
        verify(form.errorMessage !== "")
    }

    function test_tripWarnsOfAnEmergingIndustry() {
        const form = open("RecordForm.qml", { kind: "trip" })
        const emerging = Format.industries.find(i => !i.leading)
        const box = findItem(field(form, "industries"), o => o.checked !== undefined && o.text === emerging.name + "（新兴）")
        verify(box, "the emerging industry is offered")
        mouseClick(box)
        const warning = findItem(field(form, "industries"), o => o.visible && String(o.text).indexOf("注意：") === 0)
        verify(warning, "a warning must say the trip will not count")
    }

    function test_visitOpenedOnATripNamesIt() {
        const trip = createTemporaryObject(reader, testCase, { kind: "trip" })
        let t = trip.record
        t.destination = "郑州"
        t.start = "2023-10-10"
        t.end = "2023-10-11"
        t.industries = [Format.industries.find(i => i.leading).key]
        t.summary = "赴郑州招商"
        trip.record = t
        verify(trip.save(), trip.errorMessage)
        const form = open("RecordForm.qml", { kind: "visit", defaults: { trip: trip.recordId, date: "2023-10-10" } })
        const combo = findItem(field(form, "trip"), o => o.currentText !== undefined && o.indexOfValue !== undefined)
        verify(combo.currentText.indexOf("郑州") === 0, combo.currentText)
    }

    function test_pickerSearchesAndAddsAnEnterprise() {
        const form = open("RecordForm.qml", { kind: "funds" })
        const picker = findItem(field(form, "enterprise"), o => o.listPopup !== undefined)
        verify(picker)
        mouseClick(picker)
        tryVerify(() => picker.listPopup.opened)
        const search = findItem(picker.listPopup.contentItem, o => o.objectName === "enterpriseSearch")
        const rows = findItem(picker.listPopup.contentItem, o => o.objectName === "enterpriseRows")
        verify(rows.count >= 1)
        search.text = "示范精细"
        tryCompare(rows, "count", 1)
        search.text = "不存在的企业"
        tryCompare(rows, "count", 0)
        search.text = "新乡新添"
        mouseClick(button(picker.listPopup.contentItem, "新增企业"))
        tryVerify(() => !stack.busy && stack.depth === 2)
        const enterpriseForm = stack.currentItem
        compare(enterpriseForm.enterprise.name, "新乡新添")
        enterpriseForm.set("name", "新乡新添科技有限公司")
        waitForRendering(enterpriseForm)
        mouseClick(button(enterpriseForm, "保存"))
        tryVerify(() => !stack.busy && stack.depth === 1)
        compare(stack.currentItem, form, "back on the form it was added from")
        verify(form.record.enterprise !== undefined, "the new enterprise is chosen")
        compare(picker.chosenName, "新乡新添科技有限公司")
    }

    function test_enterpriseFormShowsStoredLinkAndAddress() {
        const e = createTemporaryObject(reader, testCase, { kind: "enterprise" })
        let r = e.record
        r.name = "新乡链上企业有限公司"
        r.industry = Format.industries[0].key
        r.chainLink = "一个方案里没有的环节"
        r.address = "经开区纬七路 1 号"
        e.record = r
        verify(e.save(), e.errorMessage)
        const form = open("EnterpriseForm.qml", { enterpriseId: e.recordId })
        const link = findItem(form, o => o.objectName === "chainLink")
        compare(link.currentText, "一个方案里没有的环节")
        const address = findItem(form, o => o.objectName === "address")
        compare(address.text, "经开区纬七路 1 号")
        verify(!findItem(form, o => o.placeholderText === "35.2647"), "no example coordinates that look real")
    }
}
