// One project, one credit (备案 first), each rule from domain.md's reading: 「an enterprise is identified
// by its unified social credit code (its normalised name while it has none), a project by its
// enterprise and normalised name. When a second unit files a project, a stage of it, or a lead about
// the same enterprise in the same month, the filing that reached the ledger first (server order, not
// the event date …) holds the credit. The later one is a duplicate claim: kept and visible, counting
// for nobody until a reviewer decides — keep the first, move the credit, or make it a joint credit
// with shares. Zone totals count each project once whatever the decision.」
#include "builders.h"
#include "errorcodes.h"
#include "ledger/duplicates.h"
#include "ledger/recognition.h"
#include "ledger/scoring.h"
#include "ledger/wire.h"

#include <QTest>

using namespace ledger;
using namespace ledger::test;

namespace {
const Scheme &scheme()
{
    static const Scheme s = scheme2023();
    return s;
}

ScoreReport scoreOf(const Ledger &l) { return score(scheme(), l, Period{2023, 4, false}); }
QString points(const ScoreReport &r, const char *task) { return r.task(QString::fromLatin1(task))->points.toString(); }

Enterprise enterprise(const QString &name, const QString &code = {})
{
    Enterprise e;
    e.id = EnterpriseId::create();
    e.name = name;
    e.creditCode = code;
    return e;
}

// A 6亿 project of `e` filed by `unit`, with its signed stage, both recognised.
struct Filed
{
    Project project;
    Milestone signing;
};
Filed file(const Enterprise &e, const char *unit, const QString &name, QDate signedOn = QDate(2023, 5, 20))
{
    Project p = project(unit, 600000000);
    p.enterprise = e.id;
    p.name = name;
    const Milestone m = milestone(p, MilestoneStage::Signed, signedOn);
    return {p, m};
}

// Adds a record as the server does when it arrives: marked as a claim when it is one.
template<class R>
R arrive(Ledger &l, R record)
{
    if (const auto first = firstFiling(record, l))
        record.meta.claim = DuplicateClaim{*first, ClaimDecision::Undecided, std::nullopt, {}, {}, {}};
    l.upsert(record);
    return record;
}

template<class R>
void decide(Ledger &l, R &claim, ClaimDecision d, std::optional<Points> share = std::nullopt)
{
    claim.meta.claim->decision = d;
    claim.meta.claim->share = share;
    claim.meta.claim->reason = QStringLiteral("经核实");
    l.upsert(claim);
}

Lead leadAbout(const char *unit, const Enterprise &e, QDate filed)
{
    Lead x = lead(unit, filed);
    x.enterprise = e.id;
    x.enterpriseName.clear();
    return x;
}

QList<ErrorCode> codes(const QList<FieldError> &errors)
{
    QList<ErrorCode> out;
    for (const auto &e : errors)
        out << e.code;
    return out;
}
} // namespace

class TestDuplicates : public QObject
{
    Q_OBJECT
private slots:
    // 「its normalised name」: whitespace, full/half-width forms, brackets （）/(), case.
    void namesAreNormalised_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::newRow("brackets") << QStringLiteral("河南宏达化学（新乡）有限公司") << QStringLiteral("河南宏达化学(新乡)有限公司");
        QTest::newRow("square brackets") << QStringLiteral("河南宏达化学【新乡】有限公司") << QStringLiteral("河南宏达化学(新乡)有限公司");
        QTest::newRow("whitespace") << QStringLiteral(" 河南 宏达化学\u3000有限公司\t") << QStringLiteral("河南宏达化学有限公司");
        QTest::newRow("full-width letters") << QStringLiteral("ＡＢＣ新材料有限公司") << QStringLiteral("ABC新材料有限公司");
        QTest::newRow("case") << QStringLiteral("Carson Chemie GmbH") << QStringLiteral("carson chemie gmbh");
        QTest::newRow("full-width digits") << QStringLiteral("年产３０万吨项目") << QStringLiteral("年产30万吨项目");
    }
    void namesAreNormalised()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QCOMPARE(normaliseName(a), normaliseName(b));
    }

    void differentNamesStayDifferent()
    {
        QVERIFY(normaliseName(u"河南宏达化学有限公司") != normaliseName(u"河南宏达化工有限公司"));
        QVERIFY(normaliseName(u"医药中间体项目") != normaliseName(u"医药中间体二期项目"));
    }

    // For the bureau's report only: the same name once the place and the legal form are set aside.
    void nameCoreSetsAsideThePlaceAndTheForm()
    {
        QCOMPARE(nameCore(u"卡森精细化学（新乡）有限公司"), nameCore(u"卡森精细化学有限公司"));
        QCOMPARE(nameCore(u"河南宏达化学股份有限公司"), QStringLiteral("河南宏达化学"));
        QCOMPARE(nameCore(u"河南宏达化学集团有限公司"), QStringLiteral("河南宏达化学"));
        QCOMPARE(nameCore(u"公司"), QStringLiteral("公司")); // nothing is left of a name that is all form
    }

    // 「identified by its unified social credit code (its normalised name while it has none)」
    void theCreditCodeIdentifiesAnEnterprise()
    {
        const Enterprise a = enterprise(QStringLiteral("河南宏达化学有限公司"), QStringLiteral("91410700MA44ABCD1X"));
        const Enterprise renamed = enterprise(QStringLiteral("河南宏达新材料有限公司"), QStringLiteral("91410700MA44ABCD1X"));
        const Enterprise other = enterprise(QStringLiteral("河南宏达化学有限公司"), QStringLiteral("91410700MA44ZZZZ2Y"));
        const Enterprise noCode = enterprise(QStringLiteral("河南宏达化学（有限公司）"));
        QVERIFY(sameEnterprise(identityOf(a), identityOf(renamed)));     // one code, two names: one enterprise
        QVERIFY(!sameEnterprise(identityOf(a), identityOf(other)));      // two codes: two enterprises
        QVERIFY(sameEnterprise(identityOf(a), identityOf(enterprise(QStringLiteral("河南宏达化学有限公司")))));
        QVERIFY(!sameEnterprise(identityOf(a), identityOf(noCode)));     // brackets kept: another name
    }

    // 「When a second unit files a project … the filing that reached the ledger first holds the credit.」
    void aSecondUnitsProjectIsAClaim()
    {
        Ledger l;
        const Enterprise e = enterprise(QStringLiteral("河南宏达化学有限公司"));
        l.upsert(e);
        const Filed pgo = file(e, "PGO", QStringLiteral("医药中间体项目"));
        arrive(l, pgo.project);
        Project plc = file(e, "PLC", QStringLiteral("医药中间体 项目")).project; // the same name, typed with a space
        plc = arrive(l, plc);
        QVERIFY(plc.meta.claim);
        QCOMPARE(plc.meta.claim->first, pgo.project.meta.id);
        QVERIFY(plc.meta.claim->decision == ClaimDecision::Undecided);

        // Another project of the same enterprise is no claim; nor is the same unit filing twice.
        QVERIFY(!firstFiling(file(e, "PLC", QStringLiteral("冷链仓储项目")).project, l));
        QVERIFY(!firstFiling(file(e, "PGO", QStringLiteral("医药中间体项目")).project, l));
        // Nor is a project of an enterprise with the same words but another credit code.
        Ledger l2;
        const Enterprise coded = enterprise(QStringLiteral("河南宏达化学有限公司"), QStringLiteral("91410700MA44ZZZZ2Y"));
        const Enterprise coded2 = enterprise(QStringLiteral("河南宏达化学有限公司"), QStringLiteral("91410700MA44ABCD1X"));
        l2.upsert(coded);
        l2.upsert(coded2);
        arrive(l2, file(coded, "EDS", QStringLiteral("医药中间体项目")).project);
        QVERIFY(!firstFiling(file(coded2, "FIN", QStringLiteral("医药中间体项目")).project, l2));
    }

    // 「… a stage of it …」: the second unit's signing of the same project is a claim on the first signing.
    void aStageOfTheSameProjectIsAClaim()
    {
        Ledger l;
        const Enterprise e = enterprise(QStringLiteral("河南宏达化学有限公司"));
        l.upsert(e);
        const Filed pgo = file(e, "PGO", QStringLiteral("医药中间体项目"));
        arrive(l, pgo.project);
        arrive(l, pgo.signing);
        const Filed plc = file(e, "PLC", QStringLiteral("医药中间体项目"));
        arrive(l, plc.project);
        const Milestone claim = arrive(l, plc.signing);
        QVERIFY(claim.meta.claim);
        QCOMPARE(claim.meta.claim->first, pgo.signing.meta.id);
        // Another stage is another filing.
        QVERIFY(!firstFiling(milestone(plc.project, MilestoneStage::Landed, QDate(2023, 7, 1)), l));
    }

    // 「… server order, not the event date, which a unit could set earlier」
    void serverOrderBeatsAnEarlierEventDate()
    {
        Ledger l;
        const Enterprise e = enterprise(QStringLiteral("新乡瑞丰精细化工有限公司"));
        l.upsert(e);
        const Lead first = arrive(l, leadAbout("EDS", e, QDate(2023, 5, 20)));
        const Lead later = arrive(l, leadAbout("FIN", e, QDate(2023, 5, 2))); // dated earlier, reached the ledger later
        QVERIFY(!first.meta.claim);
        QVERIFY(later.meta.claim);
        QCOMPARE(later.meta.claim->first, first.meta.id);

        // The same for a signing dated before the first filing's.
        const Filed pgo = file(e, "PGO", QStringLiteral("溶剂回收项目"), QDate(2023, 9, 1));
        arrive(l, pgo.project);
        arrive(l, pgo.signing);
        const Filed plc = file(e, "PLC", QStringLiteral("溶剂回收项目"), QDate(2023, 3, 1));
        arrive(l, plc.project);
        QCOMPARE(arrive(l, plc.signing).meta.claim->first, pgo.signing.meta.id);
    }

    // 「… or a lead about the same enterprise in the same month」
    void aLeadIsAClaimInTheSameMonthOnly()
    {
        Ledger l;
        const Enterprise e = enterprise(QStringLiteral("新乡瑞丰精细化工有限公司"));
        l.upsert(e);
        arrive(l, leadAbout("EDS", e, QDate(2023, 5, 20)));
        QVERIFY(!firstFiling(leadAbout("FIN", e, QDate(2023, 6, 1)), l));
        QVERIFY(firstFiling(leadAbout("FIN", e, QDate(2023, 5, 31)), l));
        // A lead naming the enterprise in words is about the same enterprise.
        Lead named = lead("PLC", QDate(2023, 5, 3));
        named.enterpriseName = QStringLiteral("新乡瑞丰精细化工（有限公司）");
        QVERIFY(!firstFiling(named, l));
        named.enterpriseName = QStringLiteral("新乡瑞丰 精细化工有限公司");
        QVERIFY(firstFiling(named, l));
    }

    // A filing revoked as false holds nothing: the next one is no claim on it.
    void aRevokedFilingHoldsNoCredit()
    {
        Ledger l;
        const Enterprise e = enterprise(QStringLiteral("新乡瑞丰精细化工有限公司"));
        l.upsert(e);
        Lead first = leadAbout("EDS", e, QDate(2023, 5, 20));
        first.meta.review.state = ReviewState::Revoked;
        arrive(l, first);
        QVERIFY(!firstFiling(leadAbout("FIN", e, QDate(2023, 5, 21)), l));
    }

    // 「counting for nobody until a reviewer decides」 and 「Zone totals count each project once」
    void anUndecidedClaimCountsForNobody()
    {
        Ledger l;
        const Enterprise e = enterprise(QStringLiteral("河南宏达化学有限公司"));
        l.upsert(e);
        const Filed pgo = file(e, "PGO", QStringLiteral("医药中间体项目"));
        arrive(l, pgo.project);
        arrive(l, pgo.signing);
        const Filed eds = file(e, "EDS", QStringLiteral("医药中间体项目"));
        arrive(l, eds.project);
        const Milestone claim = arrive(l, eds.signing);
        QVERIFY(claim.meta.claim);

        const ScoreReport r = scoreOf(l);
        QCOMPARE(points(r, "G1.2"), QStringLiteral("2.5"));
        QCOMPARE(points(r, "G2.2"), QStringLiteral("0"));
        const auto &listed = r.task(u"G2.2")->progress.contributions;
        QCOMPARE(listed.size(), std::size_t(1)); // kept and visible
        QVERIFY(!listed[0].counted);
        QVERIFY(listed[0].why == NotCounted::DuplicateClaim);
        QCOMPARE(r.zoneTarget(u"signed_investment")->progress.achieved, 60000000000); // 6亿 in fen, once
        QCOMPARE(r.zoneTarget(u"signed_5yi")->progress.achieved, 1);

        const auto why = whyNotCounting(claim, l, scheme());
        QCOMPARE(codes(why), QList<ErrorCode>{ErrorCode::DuplicateClaimUndecided});
        QVERIFY2(why[0].message.startsWith(QStringLiteral("重复申报，待认定：党政办公室已先行备案")), qPrintable(why[0].message));
        QVERIFY(whyNotCounting(pgo.signing, l, scheme()).isEmpty());
    }

    // 「keep the first, move the credit, or make it a joint credit with shares」, each with exact
    // points, and the zone counting the project once whatever the decision.
    void eachDecisionScoresExactly_data()
    {
        QTest::addColumn<int>("decision");
        QTest::addColumn<QString>("share");
        QTest::addColumn<QString>("firstPoints");
        QTest::addColumn<QString>("claimPoints");
        QTest::newRow("keep the first") << int(ClaimDecision::KeepFirst) << QString() << QStringLiteral("2.5") << QStringLiteral("0");
        QTest::newRow("move the credit") << int(ClaimDecision::MoveCredit) << QString() << QStringLiteral("0") << QStringLiteral("2.5");
        QTest::newRow("joint 0.4") << int(ClaimDecision::Joint) << QStringLiteral("0.4") << QStringLiteral("1.5") << QStringLiteral("1");
        // 2.5 × 0.6667 = 1.66675 and 2.5 × 0.3333 = 0.83325, each rounded half up to 0.0001.
        QTest::newRow("joint a third") << int(ClaimDecision::Joint) << QStringLiteral("0.3333") << QStringLiteral("1.6668")
                                       << QStringLiteral("0.8333");
    }
    void eachDecisionScoresExactly()
    {
        QFETCH(int, decision);
        QFETCH(QString, share);
        QFETCH(QString, firstPoints);
        QFETCH(QString, claimPoints);
        Ledger l;
        const Enterprise e = enterprise(QStringLiteral("河南宏达化学有限公司"));
        l.upsert(e);
        const Filed pgo = file(e, "PGO", QStringLiteral("医药中间体项目"));
        arrive(l, pgo.project);
        arrive(l, pgo.signing);
        const Filed eds = file(e, "EDS", QStringLiteral("医药中间体项目"));
        arrive(l, eds.project);
        Milestone claim = arrive(l, eds.signing);
        decide(l, claim, ClaimDecision(decision), share.isEmpty() ? std::nullopt : Points::parse(share));

        const ScoreReport r = scoreOf(l);
        QCOMPARE(points(r, "G1.2"), firstPoints);
        QCOMPARE(points(r, "G2.2"), claimPoints);
        QCOMPARE(r.zoneTarget(u"signed_investment")->progress.achieved, 60000000000);
        QCOMPARE(r.zoneTarget(u"signed_5yi")->progress.achieved, 1);
        // The unit totals add the rounded task points.
        QCOMPARE(r.unit(UnitCode(QStringLiteral("PGO")))->taskPoints, r.group(u"G1")->total);
    }

    // Joint shares as part of an amount: the G1 funds task is not a filing, but an "investment"
    // measure is: 6亿 × 0.4 = 2.4亿 exactly, in fen.
    void aJointShareOfAnAmountIsExact()
    {
        Ledger l;
        const Enterprise e = enterprise(QStringLiteral("河南宏达化学有限公司"));
        l.upsert(e);
        const Filed pgo = file(e, "PGO", QStringLiteral("医药中间体项目"));
        arrive(l, pgo.project);
        arrive(l, pgo.signing);
        const Filed eds = file(e, "EDS", QStringLiteral("医药中间体项目"));
        arrive(l, eds.project);
        Milestone claim = arrive(l, eds.signing);
        decide(l, claim, ClaimDecision::Joint, Points::parse(u"0.4"));
        const Claims claims(l);
        QCOMPARE(claims.creditShare(claim).toString(), QStringLiteral("0.4"));
        QCOMPARE(claims.creditShare(pgo.signing).toString(), QStringLiteral("0.6"));
        QVERIFY(claims.countsForZone(pgo.signing));
        QVERIFY(!claims.countsForZone(claim));
    }

    void whyNotCountingExplainsEachDecision()
    {
        Ledger l;
        const Enterprise e = enterprise(QStringLiteral("河南宏达化学有限公司"));
        l.upsert(e);
        const Filed pgo = file(e, "PGO", QStringLiteral("医药中间体项目"));
        arrive(l, pgo.project);
        arrive(l, pgo.signing);
        const Filed plc = file(e, "PLC", QStringLiteral("医药中间体项目"));
        arrive(l, plc.project);
        Milestone claim = arrive(l, plc.signing);
        decide(l, claim, ClaimDecision::KeepFirst);
        QCOMPARE(codes(whyNotCounting(claim, l, scheme())), QList<ErrorCode>{ErrorCode::DuplicateClaimKept});
        QCOMPARE(whyNotCounting(claim, l, scheme())[0].message, QStringLiteral("重复申报，经认定功劳归先行备案的党政办公室：经核实"));
        decide(l, claim, ClaimDecision::MoveCredit);
        QVERIFY(whyNotCounting(claim, l, scheme()).isEmpty());
        QCOMPARE(codes(whyNotCounting(pgo.signing, l, scheme())), QList<ErrorCode>{ErrorCode::CreditMoved});
        decide(l, claim, ClaimDecision::Joint, Points::parse(u"0.5"));
        QVERIFY(whyNotCounting(claim, l, scheme()).isEmpty());
        QVERIFY(whyNotCounting(pgo.signing, l, scheme()).isEmpty());
    }

    // Leads: a claim takes no slot of its group's monthly four.
    void aLeadClaimTakesNoMonthlySlot()
    {
        Ledger l;
        QList<Enterprise> es;
        for (int i = 0; i < 5; ++i) {
            es << enterprise(QStringLiteral("企业%1有限公司").arg(i));
            l.upsert(es.last());
        }
        arrive(l, leadAbout("EDS", es[0], QDate(2023, 5, 2)));
        const Lead claim = arrive(l, leadAbout("FIN", es[0], QDate(2023, 5, 1)));
        QVERIFY(claim.meta.claim);
        for (int i = 1; i < 4; ++i)
            arrive(l, leadAbout("FIN", es[i], QDate(2023, 5, 3 + i)));
        const ScoreReport r = scoreOf(l);
        QCOMPARE(r.task(u"G2.4")->progress.achieved, 4); // EDS's lead and FIN's three others
        QCOMPARE(points(r, "G2.4"), QStringLiteral("0.4"));
    }

    // A decision the rule refuses names its field: 「keep the first, move the credit, or a joint
    // credit with shares」, a share strictly between 0 and 1 that leaves the first filing a part.
    void badDecisionsAreRefusedByField()
    {
        Ledger l;
        const Enterprise e = enterprise(QStringLiteral("新乡瑞丰精细化工有限公司"));
        l.upsert(e);
        const Lead first = arrive(l, leadAbout("EDS", e, QDate(2023, 5, 20)));
        Lead a = arrive(l, leadAbout("FIN", e, QDate(2023, 5, 21)));
        Lead b = arrive(l, leadAbout("PLC", e, QDate(2023, 5, 22)));
        QCOMPARE(a.meta.claim->first, first.meta.id);
        QCOMPARE(b.meta.claim->first, first.meta.id);

        const auto refused = [&](const Record &r, ClaimDecision d, std::optional<Points> share) {
            const auto e = refuseDecision(r, d, share, l);
            return e ? e->field + u':' + codeName(e->code) : QString();
        };
        QCOMPARE(refused(first, ClaimDecision::KeepFirst, {}), QStringLiteral("id:not_a_duplicate_claim"));
        QCOMPARE(refused(a, ClaimDecision::Undecided, {}), QStringLiteral("decision:claim_decision_needed"));
        QCOMPARE(refused(a, ClaimDecision::KeepFirst, Points::parse(u"0.5")), QStringLiteral("share:claim_share_joint_only"));
        QCOMPARE(refused(a, ClaimDecision::Joint, {}), QStringLiteral("share:claim_share_joint_only"));
        QCOMPARE(refused(a, ClaimDecision::Joint, Points::whole(1)), QStringLiteral("share:claim_share_range"));
        QCOMPARE(refused(a, ClaimDecision::Joint, Points()), QStringLiteral("share:claim_share_range"));
        QCOMPARE(refused(a, ClaimDecision::Joint, Points::parse(u"0.6")), QString());

        decide(l, a, ClaimDecision::Joint, Points::parse(u"0.6"));
        QCOMPARE(refused(b, ClaimDecision::Joint, Points::parse(u"0.4")), QStringLiteral("share:claim_shares_over"));
        QCOMPARE(refused(b, ClaimDecision::Joint, Points::parse(u"0.3")), QString());
        QCOMPARE(refused(b, ClaimDecision::MoveCredit, {}), QStringLiteral("decision:claim_joint_held"));

        decide(l, a, ClaimDecision::MoveCredit);
        QCOMPARE(refused(b, ClaimDecision::MoveCredit, {}), QStringLiteral("decision:claim_credit_moved"));
        QCOMPARE(refused(b, ClaimDecision::KeepFirst, {}), QString());
        QCOMPARE(refused(a, ClaimDecision::KeepFirst, {}), QString()); // the move itself can be undone
    }

    // The claim is the server's field, on the wire like the review: it reads back exactly, and a
    // share goes with a joint credit only.
    void theClaimRoundTripsOnTheWire()
    {
        Lead l = lead("FIN", QDate(2023, 5, 2));
        l.meta.claim = DuplicateClaim{RecordId::create(), ClaimDecision::Joint, Points::parse(u"0.25"), QStringLiteral("两单位共同对接"),
                                      PersonId::create(), QDateTime(QDate(2023, 6, 1), QTime(8, 0), Qt::UTC)};
        const QJsonObject json = wire::encode(Record(l));
        QCOMPARE(json.value(QStringLiteral("claim")).toObject().value(QStringLiteral("share")).toString(), QStringLiteral("0.25"));
        QCOMPARE(json.value(QStringLiteral("claim")).toObject().value(QStringLiteral("decision")).toString(), QStringLiteral("joint"));
        const auto back = wire::decodeRecord(json);
        QVERIFY2(back, qPrintable(back ? QString() : back.error().toString()));
        QVERIFY(std::get<Lead>(back.value()) == l);

        QJsonObject bad = json;
        QJsonObject claim = bad.value(QStringLiteral("claim")).toObject();
        claim.insert(QStringLiteral("decision"), QStringLiteral("keep_first"));
        bad.insert(QStringLiteral("claim"), claim);
        QCOMPARE(wire::decodeRecord(bad).error().field, QStringLiteral("claim.share"));
        claim.insert(QStringLiteral("decision"), QStringLiteral("joint"));
        claim.insert(QStringLiteral("share"), QStringLiteral("1"));
        bad.insert(QStringLiteral("claim"), claim);
        QCOMPARE(wire::decodeRecord(bad).error().code, ErrorCode::ClaimShareRange);
        // A record with no claim writes none: the existing wire goldens are unchanged.
        QVERIFY(!wire::encode(Record(lead("FIN", QDate(2023, 5, 2)))).contains(QStringLiteral("claim")));
    }
};

QTEST_GUILESS_MAIN(TestDuplicates)
#include "tst_duplicates.moc"
