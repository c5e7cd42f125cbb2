// The kinds that had no form: a reviewer's discretionary points for a unit they choose (the form
// shows the unit picker; without a unit the save is refused on that field), a signing event and
// an investment-map completion, a headquarters claim's starting values; and the pool-share check
// a unit contact's page runs as they type.
import QtQuick
import QtQuick.Controls
import QtTest
import Ledger.App
import "helpers.js" as H

TestCase {
    id: testCase
    name: "Kinds"
    when: windowShown
    visible: true
    width: 900
    height: 1400

    Navigator { id: navigator }
    Component {
        id: editorComponent
        RecordEditor {}
    }
    function editor(properties) { return createTemporaryObject(editorComponent, testCase, properties) }

    function test_anAwardIsForTheUnitTheReviewerChooses() {
        const form = editor({ kind: "award" })
        let award = form.record
        compare(award.credit.unit, "")
        compare(award.review.state, "recognised")
        award.points = "1.5"
        award.reason = "引进世界500强企业设立区域中心，经领导小组研究加分"
        form.record = award
        verify(!form.save())
        verify(form.errorField.startsWith("credit"), form.errorField)

        award.credit = { unit: "EDS", people: [] }
        form.record = award
        verify(form.save(), form.errorField + ": " + form.errorMessage)
        const stored = editor({ recordId: form.recordId }).record
        compare(stored.kind, "award")
        compare(stored.credit.unit, "EDS")
        compare(stored.points, "1.5")
    }

    function test_theAwardFormPicksTheUnit() {
        const component = Qt.createComponent("qrc:/qt-project.org/imports/Ledger/App/RecordForm.qml")
        compare(component.status, Component.Ready, component.errorString())
        const page = createTemporaryObject(component, testCase, { kind: "award", navigator: navigator, width: 900, height: 1400 })
        const picker = H.find(page, o => o.chosen !== undefined && o.valueRole === "code")
        verify(picker, "the unit picker")
        verify(picker.count > 5)
        picker.chosen("PGO")
        compare(page.record.credit.unit, "PGO")
        compare(page.record.credit.people.length, 0)
    }

    function test_aSigningEventAndAMapCompletionSave() {
        const signing = editor({ kind: "signing_event" })
        let s = signing.record
        compare(s.projects.length, 0)
        compare(s.evidence.length, 0)
        compare(s.date, "2023-12-15")
        s.title = "新乡经济开发区主导产业重大项目集中签约仪式"
        signing.record = s
        // Recognition needs its proof (photos, the press release): not submitted without one.
        verify(!signing.save())
        verify(signing.fieldErrors.evidence !== undefined, JSON.stringify(signing.fieldErrors))
        verify(signing.attach("evidence", testImage), signing.errorMessage)
        verify(signing.save(), signing.errorField + ": " + signing.errorMessage)

        const map = editor({ kind: "map_completion" })
        let m = map.record
        m.industries = ["fine_chemicals"]
        map.record = m
        verify(!map.save()) // the finished map's proof first
        verify(map.fieldErrors.evidence !== undefined, JSON.stringify(map.fieldErrors))
        verify(map.attach("evidence", testImage), map.errorMessage)
        verify(map.save(), map.errorField + ": " + map.errorMessage)
        compare(editor({ recordId: map.recordId }).record.industries[0], "fine_chemicals")
    }

    function test_aHeadquartersClaimStartsWithEveryFigure() {
        const hq = editor({ kind: "headquarters" }).record
        compare(hq.type, "import_export")
        for (const figure of ["importExport", "annualOutput", "localFiscal", "registeredCapital", "paidInCapital"])
            compare(hq[figure].currency, "CNY", figure)
        compare(hq.agreementDate, "2023-12-15")
        compare(hq.evidence.length, 0)
    }

    function test_poolSharesAreCheckedWithinThePool() {
        compare(PoolShares.mayEdit, false) // a reviewer, not the unit's contact
        let r = PoolShares.check({ a: "10", b: "2.5", c: "" }, "20")
        compare(r.problem, "")
        compare(Number(r.total), 12.5)
        r = PoolShares.check({ a: "15", b: "6" }, "20")
        compare(r.field, "shares")
        verify(r.problem.indexOf("20") >= 0, r.problem)
        r = PoolShares.check({ a: "15", b: "十分" }, "20")
        compare(r.field, "b")
        verify(r.problem.indexOf("十分") >= 0, r.problem)
        r = PoolShares.check({ a: "-1" }, "20")
        compare(r.field, "a")
    }
}
