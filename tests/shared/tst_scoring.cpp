// Every scoring rule of the zone's 2023 notice with its own numbers, and the properties that must hold
// for any ledger: caps, order independence, idempotence, revocation.
#include "builders.h"
#include "errorcodes.h"
#include "ledger/reportjson.h"
#include "ledger/scoring.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <algorithm>

using namespace ledger;
using namespace ledger::test;

namespace {
const Scheme &scheme()
{
    static const Scheme s = scheme2023();
    return s;
}

Period year2023(int quarter = 4, bool alone = false) { return Period{2023, quarter, alone}; }

ScoreReport scoreOf(const Ledger &l, Period p = year2023()) { return score(scheme(), l, p); }

QString points(const ScoreReport &r, const char *task) { return r.task(QString::fromLatin1(task))->points.toString(); }
QString unitTotal(const ScoreReport &r, const char *unit) { return r.unit(UnitCode(QString::fromLatin1(unit)))->total.toString(); }
BonusScore bonus(const ScoreReport &r, const char *unit, BonusKind kind)
{
    for (const auto &b : r.unit(UnitCode(QString::fromLatin1(unit)))->bonuses)
        if (b.kind == kind)
            return b;
    qFatal("no such bonus");
}

QByteArray canonical(const ScoreReport &r) { return QJsonDocument(toJson(r)).toJson(QJsonDocument::Compact); }
} // namespace

class TestScoring : public QObject
{
    Q_OBJECT
private slots:
    void emptyLedgerScoresZero()
    {
        const ScoreReport r = scoreOf(Ledger());
        QVERIFY(r.problems.isEmpty());
        QCOMPARE(r.units.size(), std::size_t(6));
        for (const auto &u : r.units) {
            QCOMPARE(u.total, Points());
            QCOMPARE(u.rank, 1);
        }
        QVERIFY(r.awards.collective.isEmpty());
        QVERIFY(r.awards.individuals.isEmpty());
    }

    void proportionalCredit()
    {
        // Two of three implemented projects earn two thirds of 1.5.
        Ledger l;
        for (int i = 0; i < 2; ++i) {
            const Project p = project("PGO", 150000000, false, false, false, true);
            l.upsert(p);
            l.upsert(milestone(p, MilestoneStage::Started, QDate(2023, 4, 10 + i)));
        }
        const ScoreReport r = scoreOf(l);
        QCOMPARE(points(r, "G1.3"), QStringLiteral("1"));
        QCOMPARE(r.task(u"G1.3")->progress.achieved, 2);
        // Below 1亿 or not an upgrade project: it does not count.
        const Project small = project("PGO", 90000000, false, false, false, true);
        l.upsert(small);
        l.upsert(milestone(small, MilestoneStage::Started, QDate(2023, 5, 1)));
        QCOMPARE(points(scoreOf(l), "G1.3"), QStringLiteral("1"));
    }

    void oneOfThreeRoundsHalfUp()
    {
        // 1 of 3 ≥5亿 chemical landings × 2 points = 0.6667 (rounded half up to 0.0001).
        Ledger l;
        const Project p = project("ISB", 600000000, true);
        l.upsert(p);
        l.upsert(milestone(p, MilestoneStage::Landed, QDate(2023, 6, 1)));
        QCOMPARE(points(scoreOf(l), "G3.7"), QStringLiteral("0.6667"));
    }

    void fundsAreExact()
    {
        // 5亿 of ISB's 32亿 target × 1 point = 0.15625 → 0.1563; 8亿 fills G2's 1.2 exactly.
        Ledger l;
        l.upsert(funds("ISB", FundsKind::OutsideProvinceRmb, 500000000, QDate(2023, 3, 1)));
        l.upsert(funds("EDS", FundsKind::OutsideProvinceRmb, 300000000, QDate(2023, 3, 1)));
        l.upsert(funds("FIN", FundsKind::OutsideProvinceRmb, 600000000, QDate(2023, 8, 1)));
        const ScoreReport r = scoreOf(l);
        QCOMPARE(points(r, "G3.4"), QStringLiteral("0.1563"));
        QCOMPARE(points(r, "G2.1"), QStringLiteral("1.2")); // 9亿 ≥ 8亿: capped at the task's points
        QCOMPARE(r.task(u"G2.1")->progress.achieved, 90000000000);
        QCOMPARE(r.zoneTarget(u"funds_outside")->progress.achieved, 140000000000);
        // Foreign capital is USD and feeds only its own task.
        QCOMPARE(points(r, "G3.1"), QStringLiteral("0"));
    }

    void leadsFourAMonthPerGroup()
    {
        Ledger l;
        // PGO files 48 leads, 4 each month: exactly 4.8.
        for (int m = 1; m <= 12; ++m)
            for (int i = 0; i < 4; ++i)
                l.upsert(lead("PGO", QDate(2023, m, 1 + i)));
        QCOMPARE(points(scoreOf(l), "G1.4"), QStringLiteral("4.8"));
        // PLC, in the same group, adds 3 more in March: the group's 4 for March are already counted.
        for (int i = 0; i < 3; ++i)
            l.upsert(lead("PLC", QDate(2023, 3, 20 + i)));
        const ScoreReport r = scoreOf(l);
        QCOMPARE(points(r, "G1.4"), QStringLiteral("4.8"));
        QCOMPARE(r.task(u"G1.4")->progress.achieved, 48);
        const auto &cs = r.task(u"G1.4")->progress.contributions;
        QCOMPARE(std::count_if(cs.begin(), cs.end(), [](const Contribution &c) { return !c.counted; }), 3);
        for (const auto &c : cs)
            if (!c.counted)
                QCOMPARE(c.note(), QStringLiteral("2023年3月已计满4条"));
    }

    void leadsOfUnitsInOneGroupShareTheMonth()
    {
        Ledger l;
        l.upsert(lead("EDS", QDate(2023, 2, 1)));
        l.upsert(lead("EDS", QDate(2023, 2, 2)));
        l.upsert(lead("FIN", QDate(2023, 2, 3)));
        l.upsert(lead("FIN", QDate(2023, 2, 4)));
        l.upsert(lead("FIN", QDate(2023, 2, 5)));
        const ScoreReport r = scoreOf(l);
        QCOMPARE(points(r, "G2.4"), QStringLiteral("0.4"));
        // Both units show the group's task score.
        QCOMPARE(unitTotal(r, "EDS"), QStringLiteral("0.4"));
        QCOMPARE(unitTotal(r, "FIN"), QStringLiteral("0.4"));
    }

    void leadWithoutIntentionIsNotValuable()
    {
        Ledger l;
        Lead x = lead("EEE", QDate(2023, 5, 5));
        x.intention = QStringLiteral("  ");
        l.upsert(x);
        QCOMPARE(points(scoreOf(l), "G4.4"), QStringLiteral("0"));
    }

    void ofWhichTakesTheLowerRatio()
    {
        // Chemical ≥10亿: target 2, of which 1 on the provincial ledger.
        Ledger l;
        const Project a = project("ISB", 1200000000, true, false);
        const Project b = project("ISB", 1500000000, true, false);
        l.upsert(a);
        l.upsert(b);
        l.upsert(milestone(a, MilestoneStage::Signed, QDate(2023, 2, 1)));
        l.upsert(milestone(b, MilestoneStage::Signed, QDate(2023, 2, 2)));
        QCOMPARE(points(scoreOf(l), "G3.6"), QStringLiteral("0")); // 2/2 but 0/1 provincial
        const Project c = project("ISB", 2000000000, true, true);
        l.upsert(c);
        l.upsert(milestone(c, MilestoneStage::Signed, QDate(2023, 7, 1)));
        QCOMPARE(points(scoreOf(l), "G3.6"), QStringLiteral("2"));

        Ledger one;
        one.upsert(c);
        one.upsert(milestone(c, MilestoneStage::Signed, QDate(2023, 7, 1)));
        QCOMPARE(points(scoreOf(one), "G3.6"), QStringLiteral("1")); // min(1/2, 1/1) × 2
    }

    void aRecordMeetsEveryTaskItSatisfies()
    {
        // A signed 60亿 chemical project on the provincial ledger counts for the 50亿 task, the
        // chemical ≥10亿 task and the ≥5亿 task alike.
        Ledger l;
        const Project p = project("ISB", 6000000000, true, true);
        l.upsert(p);
        l.upsert(milestone(p, MilestoneStage::Signed, QDate(2023, 9, 9)));
        const ScoreReport r = scoreOf(l);
        QCOMPARE(points(r, "G3.5"), QStringLiteral("2"));
        QCOMPARE(points(r, "G3.6"), QStringLiteral("1"));
        QCOMPARE(points(r, "G3.8"), QStringLiteral("0.75"));
        QCOMPARE(r.zoneTarget(u"signed_investment")->progress.achieved, 600000000000);
    }

    void aProjectCountsOnce()
    {
        Ledger l;
        const Project p = project("EEE", 700000000);
        l.upsert(p);
        l.upsert(milestone(p, MilestoneStage::Signed, QDate(2023, 3, 1)));
        l.upsert(milestone(p, MilestoneStage::Signed, QDate(2023, 3, 5))); // entered twice by two devices
        const ScoreReport r = scoreOf(l);
        QCOMPARE(r.task(u"G4.2")->progress.achieved, 1);
        QCOMPARE(r.zoneTarget(u"signed_investment")->progress.achieved, 70000000000);
        QCOMPARE(r.task(u"G4.2")->progress.contributions.back().note(), QStringLiteral("该项目已计入"));
    }

    void allOrNothing()
    {
        Ledger l;
        QCOMPARE(points(scoreOf(l), "G3.13"), QStringLiteral("0"));
        MapCompletion m;
        m.meta = recognised("ISB");
        m.date = QDate(2023, 11, 30);
        m.industries = {QStringLiteral("fine_chemicals")};
        m.evidence = {pdf("map.pdf")};
        l.upsert(m);
        QCOMPARE(points(scoreOf(l), "G3.13"), QStringLiteral("0.5"));
    }

    void tripsAndInstitutionVisits()
    {
        Ledger l;
        l.upsert(trip("ISB", QDate(2023, 4, 10), 12));
        l.upsert(trip("ISB", QDate(2023, 6, 10), 9, "new_energy")); // not a leading industry: no trip credit
        Visit v;
        v.meta = recognised("ISB");
        v.enterprise = EnterpriseId::create();
        v.date = QDate(2023, 6, 20);
        v.outcome = QStringLiteral("达成合作意向");
        v.noCheckInReason = QStringLiteral("室内无信号");
        v.institution = InstitutionCategory::NationalResearchInstitution;
        l.upsert(v);
        const ScoreReport r = scoreOf(l);
        QCOMPARE(r.task(u"G3.11")->progress.achieved, 1);
        QCOMPARE(points(r, "G3.11"), QStringLiteral("0.5"));
        QCOMPARE(r.task(u"G3.12")->progress.achieved, 22);
        QCOMPARE(points(r, "G3.12"), QStringLiteral("0.3667")); // 22/30 × 0.5
    }

    void referralBonusCapsAtThree()
    {
        Ledger l;
        for (int i = 0; i < 16; ++i)
            l.upsert(referral("PLC", QDate(2023, 1, 1).addDays(i * 7), false));
        const BonusScore &b = bonus(scoreOf(l), "PLC", BonusKind::Referral);
        QCOMPARE(b.raw.toString(), QStringLiteral("3.2"));
        QCOMPARE(b.points.toString(), QStringLiteral("3"));
        QCOMPARE(b.items.back().counted, false);
        QCOMPARE(b.items.back().note, QStringLiteral("已达加分上限3分"));

        Ledger foreign;
        for (int i = 0; i < 7; ++i)
            foreign.upsert(referral("EDS", QDate(2023, 2, 1).addDays(i), true));
        const ScoreReport r = scoreOf(foreign);
        QCOMPARE(bonus(r, "EDS", BonusKind::Referral).points.toString(), QStringLiteral("3"));
        QCOMPARE(unitTotal(r, "EDS"), QStringLiteral("3"));
        QCOMPARE(unitTotal(r, "FIN"), QStringLiteral("0")); // bonuses are the unit's own, not the group's
    }

    void referralOfNeitherKindEarnsNothing()
    {
        Ledger l;
        l.upsert(referral("PGO", QDate(2023, 5, 1), false, false));
        QCOMPARE(bonus(scoreOf(l), "PGO", BonusKind::Referral).points, Points());
    }

    void capitalIncreasePerWholeHundredThousand()
    {
        Ledger l;
        l.upsert(funds("FIN", FundsKind::ForeignCapitalIncreaseUsd, 150000, QDate(2023, 5, 1)));
        QCOMPARE(bonus(scoreOf(l), "FIN", BonusKind::CapitalIncrease).points.toString(), QStringLiteral("0.1"));
        l.upsert(funds("FIN", FundsKind::ForeignCapitalIncreaseUsd, 60000, QDate(2023, 6, 1)));
        QCOMPARE(bonus(scoreOf(l), "FIN", BonusKind::CapitalIncrease).points.toString(), QStringLiteral("0.2")); // 210,000
        l.upsert(funds("FIN", FundsKind::ForeignCapitalIncreaseUsd, 5000000, QDate(2023, 7, 1)));
        const BonusScore &b = bonus(scoreOf(l), "FIN", BonusKind::CapitalIncrease);
        QCOMPARE(b.raw.toString(), QStringLiteral("5.2"));
        QCOMPARE(b.points.toString(), QStringLiteral("5"));
    }

    void headquartersThresholds_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<qint64>("field");
        QTest::addColumn<QString>("expected");
        QTest::newRow("import/export 3500万") << int(HeadquartersType::ImportExport) << qint64(35000000) << QStringLiteral("5");
        QTest::newRow("import/export 2999万") << int(HeadquartersType::ImportExport) << qint64(29990000) << QStringLiteral("0");
        QTest::newRow("construction") << int(HeadquartersType::Construction) << qint64(0) << QStringLiteral("5");
        QTest::newRow("financial") << int(HeadquartersType::Financial) << qint64(0) << QStringLiteral("5");
    }
    void headquartersThresholds()
    {
        QFETCH(int, type);
        QFETCH(qint64, field);
        QFETCH(QString, expected);
        Ledger l;
        HeadquartersClaim h = headquarters("EEE", HeadquartersType(type), QDate(2023, 10, 1));
        if (field)
            h.importExport = Money::yuan(field);
        l.upsert(h);
        QCOMPARE(bonus(scoreOf(l), "EEE", BonusKind::Headquarters).points.toString(), expected);
    }

    void discretionaryAward()
    {
        Ledger l;
        l.upsert(award("PGO", "1.5", QDate(2023, 12, 1)));
        const ScoreReport r = scoreOf(l);
        QCOMPARE(unitTotal(r, "PGO"), QStringLiteral("1.5"));
        QCOMPARE(bonus(r, "PGO", BonusKind::Discretionary).items.front().note, QStringLiteral("引进世界500强企业区域总部"));
    }

    void onlyRecognisedRecordsCount()
    {
        Ledger l;
        FundsArrival f = funds("EEE", FundsKind::OutsideProvinceRmb, 800000000, QDate(2023, 4, 1));
        f.meta.review.state = ReviewState::Submitted;
        l.upsert(f);
        QCOMPARE(points(scoreOf(l), "G4.1"), QStringLiteral("0"));
        f.meta.review.state = ReviewState::Returned;
        l.upsert(f);
        QCOMPARE(points(scoreOf(l), "G4.1"), QStringLiteral("0"));
        f.meta.review.state = ReviewState::Recognised;
        l.upsert(f);
        QCOMPARE(points(scoreOf(l), "G4.1"), QStringLiteral("1.2"));
    }

    void revokedRecordCancelsPointsAndEligibility()
    {
        const PersonId zhang = PersonId::create(), li = PersonId::create();
        Ledger l;
        l.upsert(Person{zhang, QStringLiteral("张伟"), UnitCode(QStringLiteral("PLC")), {Role::Staff}, true});
        l.upsert(Person{li, QStringLiteral("李娜"), UnitCode(QStringLiteral("PLC")), {Role::Staff}, true});
        l.upsert(funds("PLC", FundsKind::OutsideProvinceRmb, 800000000, QDate(2023, 4, 1), {li}));
        FundsArrival fake = funds("PLC", FundsKind::OutsideProvinceRmb, 300000000, QDate(2023, 5, 1), {zhang});
        l.upsert(fake);
        const ScoreReport before = scoreOf(l);
        QCOMPARE(points(before, "G1.1"), QStringLiteral("1.2"));
        QVERIFY(before.unit(UnitCode(QStringLiteral("PLC")))->eligible);

        fake.meta.review.state = ReviewState::Revoked;
        fake.meta.review.reason = QStringLiteral("到位证明系伪造");
        l.upsert(fake);
        const ScoreReport r = scoreOf(l);
        QCOMPARE(r.task(u"G1.1")->progress.achieved, 80000000000); // the false 3亿 is gone
        const UnitScore *plc = r.unit(UnitCode(QStringLiteral("PLC")));
        QVERIFY(!plc->eligible);
        QCOMPARE(plc->revoked, QList<RecordId>{fake.meta.id});
        QVERIFY(!r.person(zhang)->eligible);
        QVERIFY(!r.awards.collective.contains(UnitCode(QStringLiteral("PLC"))));
        QVERIFY(!r.awards.individuals.contains(zhang));
        QVERIFY(!r.awards.individuals.contains(li)); // the unit lost eligibility, so its people did too
        // PGO shares the group's task score but keeps its eligibility.
        QVERIFY(r.unit(UnitCode(QStringLiteral("PGO")))->eligible);
    }

    void milestoneOfARevokedProjectCountsNothing()
    {
        Ledger l;
        Project p = project("EEE", 900000000);
        l.upsert(p);
        l.upsert(milestone(p, MilestoneStage::Signed, QDate(2023, 3, 1)));
        QCOMPARE(points(scoreOf(l), "G4.2"), QStringLiteral("2.5"));
        p.meta.review.state = ReviewState::Revoked;
        p.meta.review.reason = QStringLiteral("虚假签约");
        l.upsert(p);
        const ScoreReport r = scoreOf(l);
        QCOMPARE(points(r, "G4.2"), QStringLiteral("0"));
        QVERIFY(!r.unit(UnitCode(QStringLiteral("EEE")))->eligible);
    }

    void eventDateDecidesTheQuarter()
    {
        // Recognised in December, the September signing completes Q3.
        Ledger l;
        const Project p = project("EEE", 800000000);
        l.upsert(p);
        l.upsert(milestone(p, MilestoneStage::Signed, QDate(2023, 9, 30)));
        QCOMPARE(points(scoreOf(l, year2023(2)), "G4.2"), QStringLiteral("0"));
        QCOMPARE(points(scoreOf(l, year2023(3)), "G4.2"), QStringLiteral("2.5"));
        QCOMPARE(points(scoreOf(l, year2023(3, true)), "G4.2"), QStringLiteral("2.5"));
        QCOMPARE(points(scoreOf(l, year2023(4, true)), "G4.2"), QStringLiteral("0"));
        // Last year's records do not count for 2023.
        const Project old = project("EEE", 800000000);
        l.upsert(old);
        l.upsert(milestone(old, MilestoneStage::Signed, QDate(2022, 12, 31)));
        QCOMPARE(scoreOf(l).task(u"G4.2")->progress.achieved, 1);
    }

    void quartersAloneAddUpToTheYear()
    {
        Ledger l;
        for (int m = 1; m <= 12; ++m) {
            l.upsert(lead("EDS", QDate(2023, m, 3)));
            l.upsert(referral("EDS", QDate(2023, m, 4), m % 2 == 0));
            l.upsert(funds("EDS", FundsKind::OutsideProvinceRmb, 100000000, QDate(2023, m, 5)));
        }
        const ScoreReport year = scoreOf(l);
        Points sum;
        for (int q = 1; q <= 4; ++q)
            sum += scoreOf(l, year2023(q, true)).unit(UnitCode(QStringLiteral("EDS")))->total;
        QCOMPARE(sum, year.unit(UnitCode(QStringLiteral("EDS")))->total);
        // Referral cap (3) is reached in the year; Q4 alone gets what was left under it.
        QCOMPARE(bonus(year, "EDS", BonusKind::Referral).points.toString(), QStringLiteral("3"));
    }

    void rankingPoolsAndAwards()
    {
        const PersonId a = PersonId::create(), b = PersonId::create(), c = PersonId::create();
        Ledger l;
        l.upsert(Person{a, QStringLiteral("王芳"), UnitCode(QStringLiteral("EEE")), {Role::Staff}, true});
        l.upsert(Person{b, QStringLiteral("刘洋"), UnitCode(QStringLiteral("EEE")), {Role::Staff}, true});
        l.upsert(Person{c, QStringLiteral("陈静"), UnitCode(QStringLiteral("ISB")), {Role::Staff}, true});
        // EEE: 1 signing (2.5) by a, 3 leads by b and 1 by a → 2.9; pool 2.9 × 6 = 17.4.
        const Project p = project("EEE", 500000000);
        l.upsert(p);
        l.upsert(milestone(p, MilestoneStage::Signed, QDate(2023, 2, 1), "EEE", {a}));
        for (int i = 0; i < 3; ++i)
            l.upsert(lead("EEE", QDate(2023, 2, 10 + i), {b}));
        l.upsert(lead("EEE", QDate(2023, 3, 10), {a}));
        // ISB scores more, but it is not eligible for awards.
        const Project big = project("ISB", 6000000000, true, true);
        l.upsert(big);
        l.upsert(milestone(big, MilestoneStage::Signed, QDate(2023, 2, 1), "ISB", {c}));
        const ScoreReport r = scoreOf(l);
        QCOMPARE(r.units.front().unit.code(), QStringLiteral("ISB"));
        QCOMPARE(r.units.front().rank, 1);
        QCOMPARE(unitTotal(r, "EEE"), QStringLiteral("2.9"));
        QCOMPARE(r.unit(UnitCode(QStringLiteral("EEE")))->rank, 2);
        QCOMPARE(r.unit(UnitCode(QStringLiteral("EEE")))->pool.toString(), QStringLiteral("17.4"));
        QCOMPARE(r.awards.collective, QList<UnitCode>{UnitCode(QStringLiteral("EEE"))});
        // Default shares follow the records: a has 2, b has 3 of EEE's 5 producing records.
        QCOMPARE(r.person(a)->share.toString(), QStringLiteral("6.96"));
        QCOMPARE(r.person(b)->share.toString(), QStringLiteral("10.44"));
        QCOMPARE(r.person(a)->share + r.person(b)->share, r.unit(UnitCode(QStringLiteral("EEE")))->pool);
        QVERIFY(!r.person(c)->eligible);
        QCOMPARE(r.awards.individuals, (QList<PersonId>{b, a}));
        // Units with nothing share rank 3.
        QCOMPARE(r.unit(UnitCode(QStringLiteral("PGO")))->rank, 3);
    }

    void sharesNeverExceedThePool()
    {
        const PersonId a = PersonId::create(), b = PersonId::create(), d = PersonId::create();
        Ledger l;
        for (const auto &id : {a, b, d})
            l.upsert(Person{id, QStringLiteral("某"), UnitCode(QStringLiteral("EEE")), {Role::Staff}, true});
        // Three people on one lead each: 0.3 points × 6 headcount = a pool of 1.8, 0.6 each by default.
        for (const auto &id : {a, b, d})
            l.upsert(lead("EEE", QDate(2023, 1, 1), {id}));
        ScoreOptions manual;
        manual.manualShares[UnitCode(QStringLiteral("EEE"))] = {{a, *Points::parse(u"1")}, {b, *Points::parse(u"0.8")}};
        const ScoreReport ok = score(scheme(), l, year2023(), manual);
        QVERIFY(ok.unit(UnitCode(QStringLiteral("EEE")))->manualShares);
        QCOMPARE(ok.person(a)->share.toString(), QStringLiteral("1"));
        QCOMPARE(ok.person(d)->share.toString(), QStringLiteral("0"));

        manual.manualShares[UnitCode(QStringLiteral("EEE"))] = {{a, *Points::parse(u"1")}, {b, *Points::parse(u"0.81")}};
        const ScoreReport over = score(scheme(), l, year2023(), manual); // pool is 0.3 × 6 = 1.8
        QVERIFY(!over.unit(UnitCode(QStringLiteral("EEE")))->manualShares);
        QCOMPARE(over.problems.size(), 1);
        QCOMPARE(over.problems[0].code, ErrorCode::SharesOverPool);
        QCOMPARE(over.problems[0].args, (QStringList{QStringLiteral("1.81"), QStringLiteral("1.8")}));
        QCOMPARE(over.problems[0].field, QStringLiteral("manualShares.EEE"));
        QCOMPARE(over.person(a)->share.toString(), QStringLiteral("0.6"));

        manual.manualShares[UnitCode(QStringLiteral("EEE"))] = {{a, *Points::parse(u"-0.1")}};
        const ScoreReport negative = score(scheme(), l, year2023(), manual);
        QCOMPARE(negative.problems.size(), 1);
        QCOMPARE(negative.problems[0].code, ErrorCode::ShareNegative);
        QCOMPARE(negative.problems[0].args, QStringList{a.toString()});

        const PersonId stranger = PersonId::create();
        manual.manualShares[UnitCode(QStringLiteral("EEE"))] = {{stranger, *Points::parse(u"0.1")}};
        const ScoreReport notOfUnit = score(scheme(), l, year2023(), manual);
        QCOMPARE(notOfUnit.problems.size(), 1);
        QCOMPARE(notOfUnit.problems[0].code, ErrorCode::ShareNotOfUnit);
        QCOMPARE(notOfUnit.problems[0].args, (QStringList{stranger.toString(), QStringLiteral("EEE")}));
        QVERIFY(!notOfUnit.unit(UnitCode(QStringLiteral("EEE")))->manualShares);
    }

    // Sums that grow with the number of records are added with overflow checks: two awards past
    // half the 64-bit range (built in code: the wire refuses points over MaxPoints) leave the total
    // at the largest value, with the sum named in the problems, and never lower than either award.
    void totalsNeverWrapRound()
    {
        Ledger l;
        Award first = award("PGO", "1", QDate(2023, 12, 1)), second = award("PGO", "1", QDate(2023, 12, 2));
        first.points = second.points = Points::fromUnits(std::numeric_limits<std::int64_t>::max() / 2 + 1);
        l.upsert(first);
        l.upsert(second);
        const ScoreReport r = scoreOf(l);
        const UnitScore *pgo = r.unit(UnitCode(QStringLiteral("PGO")));
        QVERIFY(pgo->total >= first.points);
        QCOMPARE(pgo->total, Points::fromUnits(std::numeric_limits<std::int64_t>::max()));
        QVERIFY(pgo->pool >= pgo->total);
        QStringList overflowed;
        for (const FieldError &e : r.problems)
            if (e.code == ErrorCode::SumOverflow)
                overflowed << e.field;
        QVERIFY2(overflowed.contains(QStringLiteral("units[PGO].bonuses")), qPrintable(overflowed.join(u' ')));
        QVERIFY(overflowed.contains(QStringLiteral("units[PGO].pool")));
        // Two at the bound the wire accepts add up exactly.
        Ledger bounded;
        bounded.upsert(award("PGO", "10000", QDate(2023, 12, 1)));
        bounded.upsert(award("PGO", "10000", QDate(2023, 12, 2)));
        QCOMPARE(unitTotal(scoreOf(bounded), "PGO"), QStringLiteral("20000"));
        QVERIFY(scoreOf(bounded).problems.isEmpty());
    }

    // Amounts are bounded one by one, not in number: 93,000 increases at the largest amount add
    // up past 2^63 fen. The year's total stops at the largest value and the bonus at its cap.
    void amountSumsNeverWrapRound()
    {
        Ledger l;
        for (int i = 0; i < 93'000; ++i)
            l.upsert(funds("FIN", FundsKind::ForeignCapitalIncreaseUsd, Money::MaxMinor / 100, QDate(2023, 5, 1)));
        const ScoreReport r = scoreOf(l);
        QCOMPARE(bonus(r, "FIN", BonusKind::CapitalIncrease).points.toString(), QStringLiteral("5"));
        QVERIFY(r.unit(UnitCode(QStringLiteral("FIN")))->total >= Points::whole(5));
        bool reported = false;
        for (const FieldError &e : r.problems)
            reported = reported || (e.code == ErrorCode::SumOverflow && e.field == u"units[FIN].bonuses");
        QVERIFY(reported);
    }

    void unknownUnitIsReportedNotScored()
    {
        Ledger l;
        l.upsert(lead("TAX", QDate(2023, 1, 1)));
        const ScoreReport r = scoreOf(l);
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems[0].code, ErrorCode::UnitNotInScheme);
        QCOMPARE(r.problems[0].args, (QStringList{QStringLiteral("TAX"), QStringLiteral("xxkfq-2023")}));
        QCOMPARE(r.problems[0].message, QStringLiteral("单位“TAX”不在考核方案 xxkfq-2023 中，其记录不计分"));
        // The report's JSON carries the code and values, for a reader to put in its own language.
        const QJsonObject problem = toJson(r).value(u"problems").toArray().at(0).toObject();
        QCOMPARE(problem.value(u"code").toString(), QStringLiteral("unit_not_in_scheme"));
        QCOMPARE(problem.value(u"args").toArray(), (QJsonArray{QStringLiteral("TAX"), QStringLiteral("xxkfq-2023")}));
        QCOMPARE(problem.value(u"message").toString(), r.problems[0].message);
    }

    void wrongYearIsAProblem()
    {
        const ScoreReport r = score(scheme(), Ledger(), Period{2024, 1, false});
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems[0].field, QStringLiteral("period"));
        QCOMPARE(r.problems[0].code, ErrorCode::PeriodOutsideScheme);
        QCOMPARE(r.problems[0].args, (QStringList{QStringLiteral("xxkfq-2023"), QStringLiteral("2023"), QStringLiteral("2024"), QStringLiteral("1")}));
    }

    // ---- properties over random ledgers --------------------------------------------------------

    void properties_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 s : {1u, 7u, 42u, 2023u, 31337u})
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(s))) << s;
    }
    void properties()
    {
        QFETCH(quint32, seed);
        QRandomGenerator rng(seed);
        const std::vector<Record> records = randomRecords(rng, 600);

        Ledger forward, backward, twice;
        for (const auto &r : records) {
            forward.upsert(r);
            twice.upsert(r);
            twice.upsert(r);
        }
        for (auto it = records.rbegin(); it != records.rend(); ++it)
            backward.upsert(*it);
        std::vector<Record> shuffled = records;
        std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(seed));
        Ledger mixed;
        for (const auto &r : shuffled)
            mixed.upsert(r);

        for (int q = 1; q <= 4; ++q) {
            const QByteArray a = canonical(scoreOf(forward, year2023(q)));
            QCOMPARE(canonical(scoreOf(backward, year2023(q))), a); // order does not matter
            QCOMPARE(canonical(scoreOf(mixed, year2023(q))), a);
            QCOMPARE(canonical(scoreOf(twice, year2023(q))), a);    // the same record twice changes nothing
        }

        const ScoreReport r = scoreOf(forward);
        for (const auto &g : r.groups) {
            QVERIFY(g.total <= g.maxTotal);
            for (const auto &t : g.tasks) {
                QVERIFY(t.points <= t.maxPoints);
                QVERIFY(t.points >= Points());
            }
        }
        for (const auto &u : r.units) {
            for (const auto &b : u.bonuses)
                if (b.cap)
                    QVERIFY(b.points <= *b.cap);
            Points shares;
            for (const auto &p : u.people)
                shares += p.share;
            QVERIFY(shares <= u.pool);
        }

        // Revoking a record takes away exactly what it contributed: the same as never having it.
        for (std::size_t i = 0; i < records.size(); i += 37) {
            Record revoked = records[i];
            metaOf(revoked).review.state = ReviewState::Revoked;
            Ledger withRevoked = forward, without;
            withRevoked.upsert(revoked);
            for (std::size_t j = 0; j < records.size(); ++j)
                if (j != i)
                    without.upsert(records[j]);
            const ScoreReport a = scoreOf(withRevoked), b = scoreOf(without);
            for (std::size_t g = 0; g < a.groups.size(); ++g)
                QCOMPARE(a.groups[g].total, b.groups[g].total);
            for (const auto &u : a.units)
                QCOMPARE(u.total, b.unit(u.unit)->total);
        }
    }

private:
    static std::vector<Record> randomRecords(QRandomGenerator &rng, int n)
    {
        static const char *units[] = {"PGO", "EDS", "ISB", "FIN", "PLC", "EEE"};
        std::vector<Record> out;
        std::vector<Project> projects;
        QList<PersonId> people;
        for (int i = 0; i < 12; ++i)
            people << PersonId::create();
        for (int i = 0; i < n; ++i) {
            const char *unit = units[rng.bounded(6)];
            const QDate date = QDate(2023, 1, 1).addDays(rng.bounded(365));
            const QList<PersonId> who{people[rng.bounded(12)]};
            switch (rng.bounded(7)) {
            case 0: {
                Project p = project(unit, 100000000 + std::int64_t(rng.bounded(60)) * 100000000, rng.bounded(2), rng.bounded(2),
                                    rng.bounded(4) == 0, rng.bounded(2));
                projects.push_back(p);
                out.push_back(p);
                break;
            }
            case 1:
                if (!projects.empty()) {
                    const Project &p = projects[rng.bounded(int(projects.size()))];
                    out.push_back(milestone(p, MilestoneStage(rng.bounded(3)), date, unit, who));
                }
                break;
            case 2:
                out.push_back(funds(unit, FundsKind(rng.bounded(3)), 1000000 + rng.bounded(300000000), date, who));
                break;
            case 3:
                out.push_back(lead(unit, date, who));
                break;
            case 4:
                out.push_back(referral(unit, date, rng.bounded(2), rng.bounded(2)));
                break;
            case 5:
                out.push_back(trip(unit, date, rng.bounded(5)));
                break;
            case 6:
                out.push_back(headquarters(unit, HeadquartersType(rng.bounded(3)), date));
                break;
            }
            if (rng.bounded(10) == 0)
                metaOf(out.back()).review.state = ReviewState::Submitted;
        }
        return out;
    }
};

QTEST_GUILESS_MAIN(TestScoring)
#include "tst_scoring.moc"
