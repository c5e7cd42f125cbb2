// The reviewer's workspace as a reviewer uses it with the server out of reach: cards that name
// what a decision needs, search and filters, a card opening the whole record (people, the
// check-in drawn against the site, the photo shown full size), and a decision kept on the device,
// said so, with the list left where the reviewer was.
import QtQuick
import QtQuick.Controls
import QtTest
import Ledger.App
import "helpers.js" as H

TestCase {
    id: testCase
    name: "Reviewer"
    when: windowShown
    visible: true
    width: 900
    height: 1000

    StackView { id: stack; anchors.fill: parent }
    Navigator { id: navigator; stack: stack }

    function inbox() {
        ReviewInbox.filter = {}
        navigator.show("InboxPage.qml", {}, true)
        tryVerify(() => stack.currentItem !== null && stack.depth === 1)
        const list = H.find(stack.currentItem, o => o.objectName === "inboxList")
        verify(list)
        tryCompare(list, "count", 30)
        return list
    }

    function test_1_cardsNameWhatADecisionNeeds() {
        inbox()
        const page = stack.currentItem
        verify(H.textWith(page, "拜访 · 新乡华冠化工科技有限公司") || H.textWith(page, "新乡华冠化工科技有限公司"))
        verify(H.textWith(page, "2023-11-28 · "))
        verify(H.textWith(page, "签到距企业 4177 米（精度 ±12 米）"))
        verify(H.textWith(page, "证明材料 1 份"))
        verify(H.textWith(page, "企业在新厂区接待"))
        verify(H.textWith(page, "企业有意新建专用化学品生产线"))
    }

    function test_2_searchAndFilters() {
        const list = inbox()
        const cases = [
            [{ kind: "visit" }, 1],
            [{ kind: "lead" }, 29],
            [{ flag: "far_from_site" }, 1],
            [{ flag: "any" }, 1],
            [{ flag: "missing" }, 0],
            [{ unit: "EDS" }, 15],
            [{ text: "线索企业1" }, 11],
            [{ text: "华冠" }, 1],
            [{ from: "2023-11-01", to: "2023-11-30" }, 3],
            [{ unit: "PGO", kind: "lead" }, 14]
        ]
        for (const [filter, expected] of cases) {
            ReviewInbox.filter = filter
            compare(ReviewInbox.records.length, expected, JSON.stringify(filter))
            compare(list.count, expected, JSON.stringify(filter))
        }
        ReviewInbox.filter = {}
        compare(list.count, 30)
        // The filter's choices come from the records listed.
        compare(ReviewInbox.unitChoices.map(c => c.value).sort().join(","), "EDS,PGO")
        verify(ReviewInbox.flagChoices.some(c => c.value === "far_from_site"))
    }

    function test_3_aCardOpensTheWholeRecord() {
        const list = inbox()
        const open = H.find(list.itemAtIndex(0), o => o.text === "查看完整记录")
        verify(open)
        open.clicked() // as a tap on it does (the card may reach below the window)
        tryCompare(stack, "depth", 2)
        const detail = stack.currentItem
        compare(detail.rec.enterpriseName, "新乡华冠化工科技有限公司")
        verify(H.textWith(detail, "新乡经济开发区纬七路18号"))
        verify(H.textWith(detail, "孙丽"))
        verify(H.textWith(detail, "4177 米（超过 500 米即标记）"))
        verify(H.textWith(detail, "±12 米"))
        verify(H.textWith(detail, "企业在新厂区接待"))
        const drawing = H.find(detail, o => o.objectName === "checkInDrawing")
        verify(drawing.visible)
        verify(drawing.drawable)
        // The photo: a thumbnail, then full size.
        tryVerify(() => H.find(detail, o => o.status === Image.Ready && o.visible && String(o.source).startsWith("file:")) !== null)
        const big = H.find(detail, o => o.text === "查看大图")
        verify(big)
        big.clicked()
        const viewer = H.find(detail, o => o.objectName === "proofViewer")
        tryCompare(viewer, "opened", true)
        const image = H.find(viewer.contentItem, o => o.objectName === "proofImage")
        tryCompare(image, "status", Image.Ready)
        viewer.close()
        navigator.back()
        tryCompare(stack, "depth", 1)
    }

    function test_4_aDecisionWithTheServerDownIsKeptAndSaidSo() {
        const list = inbox()
        compare(ReviewInbox.waitingCount, 0)
        list.positionViewAtIndex(12, ListView.Beginning)
        const topId = list.model[12].entity.id
        compare(list.indexAt(list.width / 2, list.contentY + 1), 12)
        const card = list.itemAtIndex(12)
        const recognise = H.find(card, o => o.objectName === "decide-recognise")
        verify(recognise)
        verify(recognise.enabled)
        // Return and revoke need a reason.
        verify(!H.find(card, o => o.objectName === "decide-return").enabled)
        recognise.clicked()

        compare(ReviewInbox.waitingCount, 1)
        const banner = H.find(stack.currentItem, o => o.objectName === "decisionState")
        tryVerify(() => banner.visible)
        verify(banner.text.indexOf("保存在本机") >= 0, banner.text)
        // The list stayed where the reviewer was, and the card says its decision waits.
        tryCompare(list, "count", 30)
        compare(list.model[list.indexAt(list.width / 2, list.contentY + 1)].entity.id, topId)
        tryVerify(() => H.textWith(list.itemAtIndex(12), "保存在本机，待发送") !== null)
        verify(H.find(list.itemAtIndex(12), o => o.objectName === "decide-recognise") === null
               || !H.find(list.itemAtIndex(12), o => o.objectName === "decide-recognise").visible)
        // The same record is not decided twice while the first decision waits.
        verify(!ReviewInbox.review(topId, "revoke", "虚假"))
        verify(ReviewInbox.decisionError() !== "")
        compare(ReviewInbox.waitingCount, 1)
        // Sending again, still out of reach: nothing lost.
        ReviewInbox.sendDecisions()
        compare(ReviewInbox.waitingCount, 1)
    }
}
