// RecordForm.qml as a person fills it in: typing into its fields, pressing 保存, and what the
// form then shows (the refused field in red with the reason under it) and what reaches the store
// (nothing on a refusal; the record and one outbox entry on success). The form is the app's own
// file, loaded from the Ledger.App module; its singletons are the real ones over a real store
// (tst_recordform.cpp). Switching language re-renders the texts of C++ and of QML.
import QtQuick
import QtQuick.Controls
import QtTest
import Ledger.App

TestCase {
    id: testCase
    name: "RecordForm"
    when: windowShown
    // The form must be on screen to be typed into and clicked; tall enough for the whole form.
    visible: true
    width: 900
    height: 1700

    // What Main.qml gives the form: a navigator (here without a stack: opening a page does
    // nothing). A saved form asks to be closed.
    Navigator {
        id: navigator
    }
    SignalSpy {
        id: closedSpy
        signalName: "closed"
    }

    // Reads a stored record as a form would.
    Component {
        id: reader
        RecordEditor {}
    }
    function stored(id) {
        const r = createTemporaryObject(reader, testCase, { recordId: id })
        return r.record
    }
    function fresh(kind) {
        const r = createTemporaryObject(reader, testCase, { kind: kind })
        return r.record
    }
    function saveRecord(record) {
        const r = createTemporaryObject(reader, testCase, {})
        r.record = record
        return r.save()
    }

    // The leads and enterprises in the store, as the app's lists see them.
    RecordListModel {
        id: leads
        store: Session.store
        kind: "lead"
    }
    RecordListModel {
        id: funds
        store: Session.store
        kind: "funds"
    }

    // The leads' rows as a list shows them: a text of C++ through a delegate's binding.
    Repeater {
        id: leadRows
        model: leads
        delegate: Text {
            required property string reviewStateText
            text: reviewStateText
        }
    }

    // The enterprises in the store (the one pulled in setup).
    EnterpriseListModel {
        id: enterprises
        store: Session.store
    }

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

    // ---- finding things on the form (the form has no objectNames: walk its items) ---------------

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

    // A field's delegate: the Repeater's ColumnLayout with the field's key and its spec.
    function field(form, key) {
        const f = findItem(form, o => o.key === key && o.modelData !== undefined && o.hasError !== undefined)
        verify(f, "the form must show the field " + key)
        return f
    }

    // The editor inside a field (its Loader's item); for money, the amount's TextField.
    function editor(form, key) {
        const loader = findItem(field(form, key), o => o.sourceComponent !== undefined && o.spec !== undefined)
        verify(loader && loader.item, "the field " + key + " must have an editor")
        const input = findItem(loader.item, o => o.selectAll !== undefined && o.cursorPosition !== undefined)
        return input || loader.item
    }

    // The red label under a field, shown when the save named it.
    function errorLabel(form, key) {
        const f = field(form, key)
        return findItem(f, o => o.wrapMode !== undefined && o.text !== undefined && o.color !== undefined
                                 && o.selectAll === undefined && String(o.color) === "#b00020" && o.visible
                                 && o.text !== "" && o !== f.children[0])
    }

    function button(form, text) {
        const b = findItem(form, o => o.text === text && o.clicked !== undefined && o.highlighted !== undefined)
        verify(b, "the form must have a button " + text)
        return b
    }

    // Layouts place their items before a frame is drawn; act only once they did.
    function settle(form) {
        waitForRendering(form)
    }

    function onScreen(item) {
        const p = item.mapToItem(testCase, 0, 0)
        verify(item.visible && item.width > 0 && item.height > 0, "must be visible")
        verify(p.y >= 0 && p.y + item.height <= testCase.height, "must be within the window (y " + p.y + ")")
    }

    // Clicks into an input and types `text` over whatever it held, key by key.
    function typeInto(form, key, text) {
        settle(form)
        const input = editor(form, key)
        onScreen(input)
        mouseClick(input)
        verify(input.activeFocus, key + " must take the focus when clicked")
        keySequence(StandardKey.SelectAll)
        keyClick(Qt.Key_Delete)
        for (const c of text)
            keyClick(c)
        compare(input.text, text, "typed into " + key)
    }

    // Picks a date on a date field's calendar, as a person taps it.
    function pickDate(form, key, date) {
        settle(form)
        const dateField = editor(form, key)
        onScreen(dateField)
        mouseClick(dateField)
        tryVerify(() => dateField.calendarPopup.opened, 3000, "the calendar must open")
        const day = findItem(dateField.calendarPopup.contentItem, o => o.objectName === "day-" + date)
        verify(day, "the calendar must show " + date)
        waitForRendering(day)
        mouseClick(day)
        tryVerify(() => !dateField.calendarPopup.visible, 3000, "the calendar closes")
        compare(form.record[key], date, "picked " + key)
    }

    // Chooses an enterprise in the picker's list by its name.
    function pickEnterprise(form, key, name) {
        settle(form)
        const picker = editor(form, key)
        onScreen(picker)
        mouseClick(picker)
        tryVerify(() => picker.listPopup.opened, 3000, "the list of enterprises must open")
        const isRow = o => o.enterpriseId !== undefined && o.name === name && o.visible
        tryVerify(() => findItem(picker.listPopup.contentItem, isRow) !== null, 3000, "the list must offer " + name)
        const row = findItem(picker.listPopup.contentItem, isRow)
        waitForRendering(row)
        mouseClick(row)
        tryVerify(() => !picker.listPopup.visible, 3000, "the list closes")
    }

    function save(form) {
        settle(form)
        const b = button(form, "保存")
        onScreen(b)
        mouseClick(b)
    }

    // ---- the tests -------------------------------------------------------------------------------

    // The refusal as the person sees it: the field's own red label says why, the catch-all line
    // under the form stays hidden, the form stays open and nothing reaches the store.
    function verifyRefused(form, key, message, leadsBefore, pendingBefore) {
        compare(form.errorField.split(/[.[]/)[0], key, "the save must name " + key)
        verify(field(form, key).hasError, key + " must be marked")
        const label = errorLabel(form, key)
        verify(label, "a red label under " + key + " must say why")
        compare(label.text, message)
        compare(closedSpy.count, 0, "a refused form must stay open")
        compare(leads.count, leadsBefore, "nothing saved")
        compare(funds.count, 0, "nothing saved")
        compare(SyncStatus.pendingCount, pendingBefore, "no outbox entry")
    }

    // An empty required text (the enterprise's name) is refused.
    function test_1_missingEnterpriseNameIsRefused() {
        const form = createForm("lead")
        typeInto(form, "intention", "plan a plant")
        save(form)
        verifyRefused(form, "enterpriseName", "必填", 0, 0)
        // Typing into the refused field clears its mark.
        typeInto(form, "enterpriseName", "A")
        verify(!field(form, "enterpriseName").hasError)
        verify(!errorLabel(form, "enterpriseName"))
    }

    // An impossible date in 报送日期 (the calendar offers none; a record or draft may hold one).
    function test_2_impossibleDateIsRefused() {
        const form = createForm("lead")
        typeInto(form, "enterpriseName", "ACME Chemicals")
        typeInto(form, "intention", "plan a plant")
        form.setField("filed", "2023-02-30")
        save(form)
        verifyRefused(form, "filed", "不是有效的日期（应为 年-月-日，如 2023-06-30）", 0, 0)
        verify(!field(form, "enterpriseName").hasError, "only the refused field is marked")
    }

    // Funds: a negative amount and one with more decimals than fen are refused, naming the amount.
    function test_3_fundsAmountIsChecked_data() {
        return [
            { tag: "negative", amount: "-5", message: "不能为负数" },
            { tag: "three decimals", amount: "1.234", message: "金额格式不对：最多两位小数，如 1011.50" }
        ]
    }
    function test_3_fundsAmountIsChecked(data) {
        const form = createForm("funds")
        settle(form)
        // The enterprise pulled in setup, chosen in the picker's list.
        pickEnterprise(form, "enterprise", "新乡市示范精细化工有限公司")
        verify(form.record.enterprise !== undefined, "the enterprise must be chosen")
        compare(stored(form.record.enterprise).name, "新乡市示范精细化工有限公司")
        // Typed in 元, as the amount's unit says.
        const unit = findItem(field(form, "amount"), o => o.objectName === "amountUnit")
        verify(unit, "the amount's unit must be shown")
        unit.currentIndex = 0
        unit.activated(0)
        compare(unit.currentText, "元")
        typeInto(form, "amount", data.amount)
        save(form)
        verifyRefused(form, "amount", data.message, leads.count, SyncStatus.pendingCount)
    }

    // A filled-in lead is saved: the form goes back, the store has it as typed, one outbox entry.
    function test_4_validLeadIsSaved() {
        compare(leads.count, 0)
        compare(SyncStatus.pendingCount, 0)
        const form = createForm("lead")
        typeInto(form, "enterpriseName", "ACME Chemicals")
        typeInto(form, "intention", "A new plant of 200,000 t a year")
        typeInto(form, "expectedInvestment", "800000000.00")
        pickDate(form, "filed", "2023-12-01")
        const id = form.record.id
        save(form)
        compare(form.errorField, "", "the save must not be refused: " + form.errorMessage)
        compare(closedSpy.count, 1, "a saved form goes back")
        const lead = stored(id)
        compare(lead.id, id)
        compare(lead.kind, "lead")
        compare(lead.enterpriseName, "ACME Chemicals")
        compare(lead.intention, "A new plant of 200,000 t a year")
        compare(lead.expectedInvestment.amount, "800000000.00")
        compare(lead.filed, "2023-12-01")
        compare(lead.credit.unit, "ISB")
        compare(SyncStatus.pendingCount, 1)
        compare(leads.count, 1)
    }

    // A trip and the visits made on it: the trip's form offers a visit made within its dates,
    // 加入 puts it on the trip, 保存 stores it; the visit form offers the trip to choose.
    function test_5_tripListsItsVisits() {
        const enterpriseId = enterprises.data(enterprises.index(0, 0), Qt.UserRole + 1)
        verify(enterpriseId !== undefined && enterpriseId !== "")
        let trip = fresh("trip")
        trip.destination = "深圳"
        trip.start = "2023-11-06"
        trip.end = "2023-11-09"
        trip.industries = ["fine_chemicals"]
        trip.summary = "赴深圳开展招商"
        compare(saveRecord(trip), true)
        let visit = fresh("visit")
        visit.enterprise = enterpriseId
        visit.date = "2023-11-07"
        visit.purpose = "推介开发区"
        visit.noCheckInReason = "室内无定位"
        compare(saveRecord(visit), true)

        const form = createForm("trip", { recordId: trip.id })
        settle(form)
        const visitsField = field(form, "visits")
        onScreen(visitsField)
        verify(findItem(visitsField, o => o.text === "还没有本次外出的拜访记录" && o.visible), "no visit on the trip yet")
        const add = button(visitsField, "加入")
        verify(findItem(visitsField, o => o.text !== undefined && String(o.text).indexOf("推介开发区") >= 0 && o.visible),
               "the visit within the trip's dates is offered")
        mouseClick(add)
        compare(form.record.visits, [visit.id])
        settle(form)
        verify(findItem(visitsField, o => o.text === "移出" && o.visible && o.clicked !== undefined), "the visit is now on the trip")
        verify(!findItem(visitsField, o => o.text === "加入" && o.visible), "and no longer offered")
        save(form)
        compare(form.errorField, "", "the save must not be refused: " + form.errorMessage)
        compare(stored(trip.id).visits, [visit.id])

        // The visit form offers the trip covering its date first; choosing it names the trip.
        const visitForm = createForm("visit", { defaults: { date: "2023-11-07", enterprise: enterpriseId } })
        settle(visitForm)
        const combo = findItem(field(visitForm, "trip"), o => o.currentText !== undefined && o.indexOfValue !== undefined)
        verify(combo, "the visit form must offer the trips")
        onScreen(combo)
        verify(combo.currentText.indexOf("否") === 0, "a new visit is on no trip")
        combo.forceActiveFocus()
        keyClick(Qt.Key_Down)
        compare(visitForm.record.trip, trip.id)
        verify(combo.currentText.indexOf("深圳") === 0, combo.currentText)
    }

    // Switching language re-renders what is on screen: a text of C++ (a list row's review state,
    // RecordListModel) and a text of QML (the form's 保存 button), and back again.
    function test_6_switchingLanguageRendersAgain() {
        const reviewStateText = Qt.UserRole + 7 // RecordListModel::ReviewStateTextRole
        verify(leads.count > 0, "a lead saved by an earlier test")
        const form = createForm("lead")
        settle(form)
        const saveButton = button(form, "保存")
        compare(leads.data(leads.index(0, 0), reviewStateText), "待认定")
        compare(leadRows.itemAt(0).text, "待认定")
        Settings.language = "en"
        compare(saveButton.text, "Save")
        compare(leads.data(leads.index(0, 0), reviewStateText), "Awaiting recognition")
        compare(leadRows.itemAt(0).text, "Awaiting recognition")
        Settings.language = "zh_CN"
        compare(saveButton.text, "保存")
        compare(leadRows.itemAt(0).text, "待认定")
    }

    // A headquarters claim: the unit's staff file it for their own unit (no unit to choose); the
    // unit field is the bureau's reviewers' alone, who enter claims for any unit.
    function test_7_headquartersUnitOnlyForReviewers() {
        verify(!Session.isReviewer)
        const form = createForm("headquarters")
        settle(form)
        const keys = form.specs.map(s => s.key)
        verify(keys.indexOf("credit") < 0, keys.join(","))
        compare(keys[0], "enterprise")
    }
}
