// Recognition route 4 (「区招商引资领导小组认定的其他项目」), from domain.md's reading: 「a leader may
// recognise a project stage that lacks the standard evidence, with a reason and the meeting's date;
// it then counts like any recognised stage and is marked as such wherever it is listed.」
#include "builders.h"
#include "errorcodes.h"
#include "ledger/recognition.h"
#include "ledger/reviewflow.h"
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

constexpr ReviewAction Route4 = ReviewAction::RecogniseByLeadingGroup;
const QDate Today(2023, 12, 20);
} // namespace

class TestLeadingGroup : public QObject
{
    Q_OBJECT
private slots:
    // 「a leader may recognise」: the leader, and nobody else, makes this move.
    void onlyALeaderMakesIt()
    {
        QVERIFY(!refuseByRole(Route4, {Role::Leader}));
        for (Role r : {Role::Staff, Role::UnitContact, Role::Reviewer, Role::Supervisor, Role::Admin}) {
            const auto refused = refuseByRole(Route4, {r});
            QVERIFY(refused);
            QCOMPARE(refused->code, ErrorCode::ReviewNotLeader);
            QCOMPARE(refused->field, QStringLiteral("action"));
        }
        QCOMPARE(toString(Route4), QStringLiteral("recognise_by_leading_group"));
        QVERIFY(reviewActionFromString(u"recognise_by_leading_group") == Route4);
        QCOMPARE(QString::fromUtf8(displayName(Route4)), QStringLiteral("领导小组认定"));
        // And not on a record they wrote or are credited on, as every decision.
        RecordMeta mine = recognised("PGO");
        const PersonId leader = PersonId::create();
        mine.credit.people = {leader};
        QCOMPARE(refuseByInterest(Route4, leader, mine)->field, QStringLiteral("credit.people"));
    }

    // 「with a reason and the meeting's date」
    void itNeedsAReasonAndTheMeetingsDate()
    {
        QCOMPARE(refuseByReason(Route4, QStringLiteral("  "))->field, QStringLiteral("reason"));
        QVERIFY(!refuseByReason(Route4, QStringLiteral("经2023年12月领导小组会议研究认定")));
        QCOMPARE(refuseByMeetingDate(Route4, std::nullopt, Today)->code, ErrorCode::MeetingDateNeeded);
        QCOMPARE(refuseByMeetingDate(Route4, QDate(), Today)->field, QStringLiteral("meetingDate"));
        QCOMPARE(refuseByMeetingDate(Route4, Today.addDays(1), Today)->code, ErrorCode::MeetingDateFuture);
        QVERIFY(!refuseByMeetingDate(Route4, Today, Today));
        // No other move takes a meeting's date.
        QCOMPARE(refuseByMeetingDate(ReviewAction::Recognise, Today, Today)->code, ErrorCode::UnknownField);
        QVERIFY(!refuseByMeetingDate(ReviewAction::Recognise, std::nullopt, Today));
    }

    // 「a project stage」, waiting or returned for its evidence.
    void itRecognisesAProjectStage()
    {
        QVERIFY(!refuseByKind(Route4, RecordKind::Milestone));
        QCOMPARE(refuseByKind(Route4, RecordKind::Lead)->code, ErrorCode::LeadingGroupStageOnly);
        QCOMPARE(refuseByKind(Route4, RecordKind::Funds)->field, QStringLiteral("kind"));
        QVERIFY(!refuseByKind(ReviewAction::Recognise, RecordKind::Funds));
        QVERIFY(!refuseByState(Route4, ReviewState::Submitted));
        QVERIFY(!refuseByState(Route4, ReviewState::Returned));
        QVERIFY(refuseByState(Route4, ReviewState::Recognised));
        QVERIFY(refuseByState(Route4, ReviewState::Revoked));
        QVERIFY(reviewMove(Route4).to == ReviewState::Recognised);
    }

    // 「that lacks the standard evidence … it then counts like any recognised stage」
    void itCountsWithoutTheStandardEvidence()
    {
        Ledger l;
        const Project p = project("PGO", 600000000);
        l.upsert(p);
        Milestone m = milestone(p, MilestoneStage::Signed, QDate(2023, 11, 2));
        m.evidence.clear(); // no agreement: the standard route refuses
        m.meta.review = Review{};
        QVERIFY(!missingForMove(ReviewAction::Recognise, m, l, scheme()).isEmpty());
        QVERIFY(missingForMove(Route4, m, l, scheme()).isEmpty());

        m.meta.review = Review{ReviewState::Recognised, QStringLiteral("经领导小组会议研究认定"), PersonId::create(),
                               QDateTime(QDate(2023, 12, 5), QTime(9, 0), Qt::UTC), QDate(2023, 12, 4)};
        l.upsert(m);
        QVERIFY(whyNotCounting(m, l, scheme()).isEmpty());
        const ScoreReport r = score(scheme(), l, Period{2023, 4, false});
        QCOMPARE(r.task(u"G1.2")->points.toString(), QStringLiteral("2.5"));
        QCOMPARE(r.zoneTarget(u"signed_investment")->progress.achieved, 60000000000);
    }

    // 「marked as such」: the meeting's date travels with the review, on the wire.
    void theMeetingsDateIsOnTheWire()
    {
        Milestone m = milestone(project("PGO", 600000000), MilestoneStage::Signed, QDate(2023, 11, 2));
        m.meta.review.meetingDate = QDate(2023, 12, 4);
        const QJsonObject json = wire::encode(Record(m));
        QCOMPARE(json.value(QStringLiteral("review")).toObject().value(QStringLiteral("meetingDate")).toString(), QStringLiteral("2023-12-04"));
        const auto back = wire::decodeRecord(json);
        QVERIFY(back);
        QVERIFY(metaOf(back.value()).review.meetingDate == QDate(2023, 12, 4));
        QVERIFY(!wire::encode(Record(milestone(project("PGO", 1), MilestoneStage::Signed, QDate(2023, 11, 2))))
                     .value(QStringLiteral("review")).toObject().contains(QStringLiteral("meetingDate")));
    }
};

QTEST_GUILESS_MAIN(TestLeadingGroup)
#include "tst_leadinggroup.moc"
