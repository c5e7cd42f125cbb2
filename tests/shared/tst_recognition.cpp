// Recognition: the evidence each kind of record needs, and why a record does not count yet, as
// codes with their values and in words a reviewer understands.
#include "builders.h"
#include "errorcodes.h"
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

QList<ErrorCode> codes(const QList<FieldError> &errors)
{
    QList<ErrorCode> out;
    for (const auto &e : errors)
        out << e.code;
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
        QCOMPARE(codes(missing), QList<ErrorCode>{ErrorCode::SignedNoAgreement});
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
        QCOMPARE(codes(missing), (QList<ErrorCode>{ErrorCode::LandedNoLegalEntity, ErrorCode::LandedNoTax}));
        QCOMPARE(missing[0].message, QStringLiteral("落地项目须在开发区注册为独立核算法人企业"));
        QCOMPARE(missing[1].message, QStringLiteral("落地项目须完成税务登记"));
    }

    void milestoneNeedsItsProject()
    {
        const Project p = project("ISB", 600000000);
        const Milestone m = milestone(p, MilestoneStage::Started, QDate(2023, 6, 1));
        const auto missing = missingEvidence(m, Ledger(), scheme());
        QCOMPARE(fields(missing), QStringList{QStringLiteral("project")});
        QCOMPARE(codes(missing), QList<ErrorCode>{ErrorCode::MilestoneNoProject});
        QCOMPARE(missing[0].message, QStringLiteral("所属项目不在台账中"));
    }

    void fundsNeedWrittenProof()
    {
        FundsArrival f = funds("FIN", FundsKind::OutsideProvinceRmb, 100000000, QDate(2023, 2, 2));
        f.proof.clear();
        const auto missing = missingEvidence(f, Ledger(), scheme());
        QCOMPARE(fields(missing), QStringList{QStringLiteral("proof")});
        QCOMPARE(codes(missing), QList<ErrorCode>{ErrorCode::FundsNoProof});
        QCOMPARE(missing[0].message, QStringLiteral("须有投资方提供的书面证明材料"));
    }

    void leadNeedsAnIntention()
    {
        Lead x = lead("PGO", QDate(2023, 2, 2));
        x.intention.clear();
        QCOMPARE(fields(missingEvidence(x, Ledger(), scheme())), QStringList{QStringLiteral("intention")});
        QCOMPARE(codes(missingEvidence(x, Ledger(), scheme())), QList<ErrorCode>{ErrorCode::LeadNoIntention});
        QVERIFY(!isValuableLead(x));
    }

    void tripMustBeAboutALeadingIndustry()
    {
        const Trip t = trip("ISB", QDate(2023, 4, 1), 0, "new_energy");
        QCOMPARE(fields(missingEvidence(t, Ledger(), scheme())), QStringList{QStringLiteral("industries")});
        QCOMPARE(codes(missingEvidence(t, Ledger(), scheme())), QList<ErrorCode>{ErrorCode::TripNotLeading});
    }

    void visitNeedsACheckInOrAReason()
    {
        Visit v;
        v.meta = recognised("PLC");
        v.enterprise = EnterpriseId::create();
        v.date = QDate(2023, 5, 5);
        v.outcome = QStringLiteral("对方有意向考察");
        QCOMPARE(fields(missingEvidence(v, Ledger(), scheme())), QStringList{QStringLiteral("checkIn")});
        QCOMPARE(codes(missingEvidence(v, Ledger(), scheme())), QList<ErrorCode>{ErrorCode::VisitNoCheckIn});
        v.noCheckInReason = QStringLiteral("企业在地下厂房，无GPS信号");
        QVERIFY(missingEvidence(v, Ledger(), scheme()).isEmpty());
    }

    void headquartersThresholdsAreNamed()
    {
        HeadquartersClaim h = headquarters("EEE", HeadquartersType::Construction, QDate(2023, 8, 1));
        h.localFiscal = Money::yuan(4000000);
        const auto missing = missingEvidence(h, Ledger(), scheme());
        QCOMPARE(fields(missing), QStringList{QStringLiteral("type")});
        QCOMPARE(missing[0].code, ErrorCode::HqFiscalShort);
        QCOMPARE(missing[0].args, (QStringList{QStringLiteral("400万元"), QStringLiteral("500万元")}));
        QCOMPARE(missing[0].message, QStringLiteral("建筑企业总部：年度财政贡献地方留存 400万元 未达到 500万元"));
        QCOMPARE(headquartersShortfall(h, scheme().headquarters), missing[0].message);
    }

    void referralMustBeLeadingIndustryOrForeign()
    {
        const Referral r = referral("EDS", QDate(2023, 3, 3), false, false);
        QCOMPARE(fields(missingEvidence(r, Ledger(), scheme())), QStringList{QStringLiteral("leadingIndustry")});
        QCOMPARE(codes(missingEvidence(r, Ledger(), scheme())), QList<ErrorCode>{ErrorCode::ReferralNotEligible});
        QCOMPARE(referralPoints(referral("EDS", QDate(2023, 3, 3), true, true), scheme().referral).toString(), QStringLiteral("0.5"));
        QCOMPARE(referralPoints(referral("EDS", QDate(2023, 3, 3), false, true), scheme().referral).toString(), QStringLiteral("0.2"));
    }

    void whyNotCountingSaysTheReviewState()
    {
        Ledger l;
        FundsArrival f = funds("FIN", FundsKind::OutsideProvinceRmb, 100000000, QDate(2023, 2, 2));
        QVERIFY(whyNotCounting(f, l, scheme()).isEmpty());
        f.meta.review.state = ReviewState::Submitted;
        QCOMPARE(whyNotCounting(f, l, scheme()).value(0).code, ErrorCode::AwaitingReview);
        QCOMPARE(whyNotCounting(f, l, scheme()).value(0).message, QStringLiteral("待招商服务局认定"));
        f.meta.review.state = ReviewState::Returned;
        f.meta.review.reason = QStringLiteral("证明材料不清晰");
        QCOMPARE(whyNotCounting(f, l, scheme()).value(0).code, ErrorCode::Returned);
        QCOMPARE(whyNotCounting(f, l, scheme()).value(0).args, QStringList{QStringLiteral("证明材料不清晰")});
        QCOMPARE(whyNotCounting(f, l, scheme()).value(0).message, QStringLiteral("已退回，待修改后重新提交：证明材料不清晰"));
        f.meta.review.state = ReviewState::Revoked;
        f.meta.review.reason = QStringLiteral("伪造到账凭证");
        QCOMPARE(whyNotCounting(f, l, scheme()).value(0).code, ErrorCode::Revoked);
        QCOMPARE(whyNotCounting(f, l, scheme()).value(0).args, QStringList{QStringLiteral("伪造到账凭证")});
        QVERIFY(whyNotCounting(f, l, scheme()).value(0).message.startsWith(QStringLiteral("已认定为虚假信息")));
        f.meta.review.state = ReviewState::Recognised;
        f.date = QDate(2022, 12, 1);
        QCOMPARE(whyNotCounting(f, l, scheme()).value(0).code, ErrorCode::OutsideYear);
        QCOMPARE(whyNotCounting(f, l, scheme()).value(0).args, (QStringList{QStringLiteral("2022"), QStringLiteral("2023")}));
        QCOMPARE(whyNotCounting(f, l, scheme()).value(0).message, QStringLiteral("发生在2022年，不计入2023年考核"));
    }

    void whyNotCountingSaysWhatDoesNotScore()
    {
        Ledger l;
        const Project p = project("ISB", 600000000);
        QCOMPARE(codes(whyNotCounting(p, l, scheme())), QList<ErrorCode>{ErrorCode::ProjectNotScored});
        QCOMPARE(fields(whyNotCounting(p, l, scheme())), QStringList{QStringLiteral("stage")});
        Visit v;
        v.meta = recognised("PLC");
        v.enterprise = EnterpriseId::create();
        v.date = QDate(2023, 5, 5);
        v.outcome = QStringLiteral("对方有意向考察");
        v.noCheckInReason = QStringLiteral("企业在地下厂房，无GPS信号");
        QCOMPARE(codes(whyNotCounting(v, l, scheme())), QList<ErrorCode>{ErrorCode::VisitNotScored});
        v.institution = InstitutionCategory{};
        QVERIFY(whyNotCounting(v, l, scheme()).isEmpty());
    }

    // Every evidence rule, each with its code, from a record that has nothing filled in.
    void blankRecordsLackEveryPiece_data()
    {
        QTest::addColumn<Record>("record");
        QTest::addColumn<QList<ErrorCode>>("expected");
        using C = ErrorCode;
        using L = QList<ErrorCode>;
        QTest::newRow("visit") << Record(Visit{}) << L{C::VisitNoEnterprise, C::VisitNoDate, C::VisitNoOutcome, C::VisitNoCheckIn};
        QTest::newRow("trip") << Record(Trip{})
                              << L{C::TripNoDestination, C::TripDates, C::TripNoMembers, C::TripNotLeading, C::TripNoSummary};
        QTest::newRow("lead") << Record(Lead{}) << L{C::LeadNoName, C::LeadNoIntention, C::LeadNoFiledDate};
        QTest::newRow("project") << Record(Project{}) << L{C::ProjectNoEnterprise, C::ProjectNoName, C::ProjectNoInvestment};
        Milestone m;
        m.stage = MilestoneStage::Signed;
        QTest::newRow("signed") << Record(m) << L{C::MilestoneNoProject, C::SignedNoDate, C::SignedNoAgreement};
        m.stage = MilestoneStage::Landed;
        QTest::newRow("landed") << Record(m)
                                << L{C::MilestoneNoProject, C::LandedNoDate, C::LandedNoLegalEntity, C::LandedNoTax, C::LandedNoEvidence};
        m.stage = MilestoneStage::Started;
        QTest::newRow("started") << Record(m) << L{C::MilestoneNoProject, C::StartedNoDate, C::StartedNoEvidence};
        QTest::newRow("funds") << Record(FundsArrival{}) << L{C::FundsNotPositive, C::FundsNoDate, C::FundsNoProof};
        QTest::newRow("referral") << Record(Referral{}) << L{C::ReferralNotEligible, C::VisitNoDate, C::ReferralNoEvidence};
        HeadquartersClaim h;
        h.type = HeadquartersType::ImportExport;
        QTest::newRow("import/export headquarters")
            << Record(h) << L{C::HqNoAgreement, C::HqNotBusinessRegistered, C::HqNotTaxRegistered, C::HqImportExportShort, C::HqNoEvidence};
        h.type = HeadquartersType::Construction;
        QTest::newRow("construction headquarters")
            << Record(h) << L{C::HqNoAgreement, C::HqNotBusinessRegistered, C::HqNotTaxRegistered, C::HqOutputShort, C::HqNoEvidence};
        h.type = HeadquartersType::Financial;
        QTest::newRow("financial headquarters")
            << Record(h) << L{C::HqNoAgreement, C::HqNotBusinessRegistered, C::HqNotTaxRegistered, C::HqRegisteredCapitalShort, C::HqNoEvidence};
        QTest::newRow("award") << Record(Award{}) << L{C::AwardNotPositive, C::AwardNoReason};
        QTest::newRow("signing event") << Record(SigningEvent{}) << L{C::EventNoTitle, C::EventNoEvidence};
        QTest::newRow("map") << Record(MapCompletion{}) << L{C::MapNoIndustries, C::MapNoEvidence};
    }
    void blankRecordsLackEveryPiece()
    {
        QFETCH(Record, record);
        QFETCH(QList<ErrorCode>, expected);
        const QList<FieldError> missing = missingEvidence(record, Ledger(), scheme());
        QCOMPARE(codes(missing), expected);
        for (const FieldError &e : missing) {
            QVERIFY2(!e.field.isEmpty(), qPrintable(e.toString()));
            QCOMPARE(e.message, message(e)); // the words are the table's, in the source language
        }
    }

    void headquartersShortfallsNameTheAmounts()
    {
        HeadquartersClaim h = headquarters("EEE", HeadquartersType::Construction, QDate(2023, 8, 1));
        QVERIFY(!headquartersShortfallError(h, scheme().headquarters));
        QVERIFY(!headquartersShortfall(h, scheme().headquarters));
        h.annualOutput = Money::yuan(1);
        auto e = headquartersShortfallError(h, scheme().headquarters);
        QVERIFY(e);
        QCOMPARE(e->code, ErrorCode::HqOutputShort);
        QCOMPARE(e->field, QStringLiteral("type"));
        QCOMPARE(e->args.value(1), scheme().headquarters.minAnnualOutput.toDisplayString());

        h = headquarters("FIN", HeadquartersType::Financial, QDate(2023, 8, 1));
        h.paidInCapital = Money::yuan(1);
        e = headquartersShortfallError(h, scheme().headquarters);
        QVERIFY(e);
        QCOMPARE(e->code, ErrorCode::HqPaidInShort);
        QCOMPARE(e->args.value(0), Money::yuan(1).toDisplayString());
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
        p.meta.review.reason = QStringLiteral("虚报投资额");
        l.upsert(p);
        const auto missing = missingEvidence(m, l, scheme());
        QCOMPARE(codes(missing), QList<ErrorCode>{ErrorCode::ProjectRevoked});
        QCOMPARE(missing[0].args, QStringList{QStringLiteral("虚报投资额")});
        QCOMPARE(missing[0].message, QStringLiteral("所属项目已被认定为虚假：虚报投资额"));
    }
};

QTEST_GUILESS_MAIN(TestRecognition)
#include "tst_recognition.moc"
