// Recognition: the evidence each kind of record needs, and why a record does not count yet, in
// words a reviewer understands.
#include "builders.h"
#include "ledger/recognition.h"

#include <QTest>

using namespace ledger;
using namespace ledger::test;

namespace {
const Scheme &scheme()
{
    static const Scheme s = scheme2023();
    return s;
}

QStringList fields(const QList<FieldError> &errors)
{
    QStringList out;
    for (const auto &e : errors)
        out << e.field;
    return out;
}

QString messages(const QList<FieldError> &errors)
{
    QStringList out;
    for (const auto &e : errors)
        out << e.toString();
    return out.join(u'\n');
}
} // namespace

class TestRecognition : public QObject
{
    Q_OBJECT
private slots:
    void completeRecordsNeedNothing()
    {
        Ledger l;
        const Project p = project("ISB", 600000000, true);
        l.upsert(p);
        const QList<Record> complete{p, milestone(p, MilestoneStage::Signed, QDate(2023, 3, 1)),
                                     milestone(p, MilestoneStage::Landed, QDate(2023, 6, 1)),
                                     milestone(p, MilestoneStage::Started, QDate(2023, 9, 1)),
                                     funds("ISB", FundsKind::OutsideProvinceRmb, 1000000, QDate(2023, 1, 1)),
                                     lead("ISB", QDate(2023, 1, 1)), referral("ISB", QDate(2023, 1, 1), true),
                                     trip("ISB", QDate(2023, 1, 1)), headquarters("ISB", HeadquartersType::Financial, QDate(2023, 1, 1)),
                                     award("ISB", "1", QDate(2023, 1, 1))};
        for (const Record &r : complete) {
            const auto missing = missingEvidence(r, l, scheme());
            QVERIFY2(missing.isEmpty(), qPrintable(toString(kindOf(r)) + QStringLiteral(": ") + messages(missing)));
        }
    }

    void signingNeedsTheAgreement()
    {
        Ledger l;
        const Project p = project("EEE", 600000000);
        l.upsert(p);
        Milestone m = milestone(p, MilestoneStage::Signed, QDate(2023, 3, 1));
        m.evidence.clear();
        const auto missing = missingEvidence(m, l, scheme());
        QCOMPARE(fields(missing), QStringList{QStringLiteral("evidence")});
        QCOMPARE(missing[0].message, QStringLiteral("签约项目须上传正式投资协议"));
    }

    void landingNeedsALegalEntityAndTaxRegistration()
    {
        Ledger l;
        const Project p = project("ISB", 600000000, true);
        l.upsert(p);
        Milestone m = milestone(p, MilestoneStage::Landed, QDate(2023, 6, 1));
        m.legalEntityRegistered = false;
        m.taxRegistered = false;
        const auto missing = missingEvidence(m, l, scheme());
        QCOMPARE(fields(missing), (QStringList{QStringLiteral("legalEntityRegistered"), QStringLiteral("taxRegistered")}));
        QCOMPARE(missing[0].message, QStringLiteral("落地项目须在开发区注册为独立核算法人企业"));
        QCOMPARE(missing[1].message, QStringLiteral("落地项目须完成税务登记"));
    }

    void milestoneNeedsItsProject()
    {
        const Project p = project("ISB", 600000000);
        const Milestone m = milestone(p, MilestoneStage::Started, QDate(2023, 6, 1));
        const auto missing = missingEvidence(m, Ledger(), scheme());
        QCOMPARE(fields(missing), QStringList{QStringLiteral("project")});
        QCOMPARE(missing[0].message, QStringLiteral("所属项目不在台账中"));
    }

    void fundsNeedWrittenProof()
    {
        FundsArrival f = funds("FIN", FundsKind::OutsideProvinceRmb, 100000000, QDate(2023, 2, 2));
        f.proof.clear();
        const auto missing = missingEvidence(f, Ledger(), scheme());
        QCOMPARE(fields(missing), QStringList{QStringLiteral("proof")});
        QCOMPARE(missing[0].message, QStringLiteral("须有投资方提供的书面证明材料"));
    }

    void leadNeedsAnIntention()
    {
        Lead x = lead("PGO", QDate(2023, 2, 2));
        x.intention.clear();
        QCOMPARE(fields(missingEvidence(x, Ledger(), scheme())), QStringList{QStringLiteral("intention")});
        QVERIFY(!isValuableLead(x));
    }

    void tripMustBeAboutALeadingIndustry()
    {
        const Trip t = trip("ISB", QDate(2023, 4, 1), 0, "new_energy");
        QCOMPARE(fields(missingEvidence(t, Ledger(), scheme())), QStringList{QStringLiteral("industries")});
    }

    void visitNeedsACheckInOrAReason()
    {
        Visit v;
        v.meta = recognised("PLC");
        v.enterprise = EnterpriseId::create();
        v.date = QDate(2023, 5, 5);
        v.outcome = QStringLiteral("对方有意向考察");
        QCOMPARE(fields(missingEvidence(v, Ledger(), scheme())), QStringList{QStringLiteral("checkIn")});
        v.noCheckInReason = QStringLiteral("企业在地下厂房，无GPS信号");
        QVERIFY(missingEvidence(v, Ledger(), scheme()).isEmpty());
    }

    void headquartersThresholdsAreNamed()
    {
        HeadquartersClaim h = headquarters("EEE", HeadquartersType::Construction, QDate(2023, 8, 1));
        h.localFiscal = Money::yuan(4000000);
        const auto missing = missingEvidence(h, Ledger(), scheme());
        QCOMPARE(fields(missing), QStringList{QStringLiteral("type")});
        QCOMPARE(missing[0].message, QStringLiteral("建筑企业总部：年度财政贡献地方留存 400万元 未达到 500万元"));
    }

    void referralMustBeLeadingIndustryOrForeign()
    {
        const Referral r = referral("EDS", QDate(2023, 3, 3), false, false);
        QCOMPARE(fields(missingEvidence(r, Ledger(), scheme())), QStringList{QStringLiteral("leadingIndustry")});
        QCOMPARE(referralPoints(referral("EDS", QDate(2023, 3, 3), true, true), scheme().referral).toString(), QStringLiteral("0.5"));
        QCOMPARE(referralPoints(referral("EDS", QDate(2023, 3, 3), false, true), scheme().referral).toString(), QStringLiteral("0.2"));
    }

    void whyNotCountingSaysTheReviewState()
    {
        Ledger l;
        FundsArrival f = funds("FIN", FundsKind::OutsideProvinceRmb, 100000000, QDate(2023, 2, 2));
        QVERIFY(whyNotCounting(f, l, scheme()).isEmpty());
        f.meta.review.state = ReviewState::Submitted;
        QCOMPARE(whyNotCounting(f, l, scheme()).value(0).message, QStringLiteral("待招商服务局认定"));
        f.meta.review.state = ReviewState::Returned;
        f.meta.review.reason = QStringLiteral("证明材料不清晰");
        QCOMPARE(whyNotCounting(f, l, scheme()).value(0).message, QStringLiteral("已退回，待修改后重新提交：证明材料不清晰"));
        f.meta.review.state = ReviewState::Revoked;
        f.meta.review.reason = QStringLiteral("伪造到账凭证");
        QVERIFY(whyNotCounting(f, l, scheme()).value(0).message.startsWith(QStringLiteral("已认定为虚假信息")));
        f.meta.review.state = ReviewState::Recognised;
        f.date = QDate(2022, 12, 1);
        QCOMPARE(whyNotCounting(f, l, scheme()).value(0).message, QStringLiteral("发生在2022年，不计入2023年考核"));
    }

    void countsForScoreNeedsAnUnrevokedProject()
    {
        Ledger l;
        Project p = project("EEE", 600000000);
        l.upsert(p);
        const Milestone m = milestone(p, MilestoneStage::Signed, QDate(2023, 3, 1));
        QVERIFY(countsForScore(m, l));
        p.meta.review.state = ReviewState::Revoked;
        l.upsert(p);
        QVERIFY(!countsForScore(m, l));
        QCOMPARE(fields(missingEvidence(m, l, scheme())), QStringList{QStringLiteral("project")});
    }
};

QTEST_GUILESS_MAIN(TestRecognition)
#include "tst_recognition.moc"
