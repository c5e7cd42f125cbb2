// The review table: every move from every state by every role, allowed or refused, the reasons it
// needs, the evidence recognising checks, what an edit does to the state, and the names the app shows.
#include "ledger/reviewflow.h"

#include "builders.h"

#include <QTest>

using namespace ledger;

namespace {

using S = ReviewState;
using A = ReviewAction;

const QList<S> AllStates{S::Submitted, S::Recognised, S::Returned, S::Revoked};
const QList<A> AllActions{A::Recognise, A::Return, A::Revoke, A::Resubmit, A::RecogniseByLeadingGroup};
const QList<Role> AllRoles{Role::Staff, Role::UnitContact, Role::Reviewer, Role::Supervisor, Role::Leader, Role::Admin};

// The table as the protocol documents it (docs/sync-protocol.md), written out by hand: from which
// states each action may be made, and by whom.
const QHash<A, QList<S>> Allowed{
    {A::Recognise, {S::Submitted}},
    {A::Return, {S::Submitted, S::Recognised}},
    {A::Revoke, {S::Submitted, S::Recognised, S::Returned}},
    {A::Resubmit, {S::Returned, S::Recognised}},
    {A::RecogniseByLeadingGroup, {S::Submitted, S::Returned}},
};
const QHash<A, QList<Role>> Movers{
    {A::Recognise, {Role::Reviewer}},
    {A::Return, {Role::Reviewer}},
    {A::Revoke, {Role::Reviewer}},
    {A::Resubmit, {Role::Staff, Role::UnitContact}},
    {A::RecogniseByLeadingGroup, {Role::Leader}}, // 认定 route 4, the leading group's decision
};

const Scheme &scheme()
{
    static const Scheme s = scheme2023();
    return s;
}

Lead lead(const QString &intention)
{
    Lead l;
    l.meta = test::recognised("PGO");
    l.meta.review = Review{};
    l.enterpriseName = QStringLiteral("河南某精细化工有限公司");
    l.intention = intention;
    l.expectedInvestment = Money::yuan(300000000);
    l.filed = QDate(2023, 11, 3);
    return l;
}

} // namespace

// The table's enums compared by their wire names, which QCOMPARE can show.
#define COMPARE_NAMES(actual, expected) QCOMPARE(toString(actual), toString(expected))

class TestReviewFlow : public QObject
{
    Q_OBJECT
private slots:
    void everyMoveFromEveryState_data()
    {
        QTest::addColumn<ReviewAction>("action");
        QTest::addColumn<ReviewState>("state");
        QTest::addColumn<bool>("allowed");
        for (A a : AllActions)
            for (S s : AllStates)
                QTest::newRow(qPrintable(toString(a) + QStringLiteral(" from ") + toString(s))) << a << s << Allowed.value(a).contains(s);
    }
    void everyMoveFromEveryState()
    {
        QFETCH(ReviewAction, action);
        QFETCH(ReviewState, state);
        QFETCH(bool, allowed);
        const auto refused = refuseByState(action, state);
        QCOMPARE(!refused.has_value(), allowed);
        if (refused) {
            QCOMPARE(refused->field, QStringLiteral("action"));
            QCOMPARE(refused->code, ErrorCode::ReviewWrongState);
            QCOMPARE(refused->args.value(0), QString::fromUtf8(displayName(state)));
            QCOMPARE(refused->args.value(1), QString::fromUtf8(displayName(action)));
            QVERIFY2(refused->message.contains(QString::fromUtf8(displayName(state))), qPrintable(refused->message));
        }
        QCOMPARE(reviewMove(action).from.contains(state), allowed);
    }

    void everyMoveByEveryRole_data()
    {
        QTest::addColumn<ReviewAction>("action");
        QTest::addColumn<Role>("role");
        QTest::addColumn<bool>("allowed");
        for (A a : AllActions)
            for (Role r : AllRoles)
                QTest::newRow(qPrintable(toString(a) + QStringLiteral(" by ") + toString(r))) << a << r << Movers.value(a).contains(r);
    }
    void everyMoveByEveryRole()
    {
        QFETCH(ReviewAction, action);
        QFETCH(Role, role);
        QFETCH(bool, allowed);
        const auto refused = refuseByRole(action, {role});
        QCOMPARE(!refused.has_value(), allowed);
        if (refused) {
            const ErrorCode decider = action == A::RecogniseByLeadingGroup ? ErrorCode::ReviewNotLeader : ErrorCode::ReviewNotReviewer;
            QCOMPARE(refused->code, reviewMove(action).byReviewer ? decider : ErrorCode::ReviewNotEditor);
            QVERIFY(!refused->message.isEmpty());
        }
        // What the app offers is what the server would accept: the role and the state together.
        for (S s : AllStates)
            QCOMPARE(allowedActions(s, {role}).contains(action), allowed && Allowed.value(action).contains(s));
    }

    void whereEachMoveLeads()
    {
        COMPARE_NAMES(reviewMove(A::Recognise).to, S::Recognised);
        COMPARE_NAMES(reviewMove(A::Return).to, S::Returned);
        COMPARE_NAMES(reviewMove(A::Revoke).to, S::Revoked);
        COMPARE_NAMES(reviewMove(A::Resubmit).to, S::Submitted);
        COMPARE_NAMES(reviewMove(A::RecogniseByLeadingGroup).to, S::Recognised);
        QCOMPARE(reviewMoves().size(), AllActions.size());
        for (A a : AllActions)
            COMPARE_NAMES(reviewMove(a).action, a);
        // Resubmitting is the effect of an edit, not a reviewer's decision.
        QVERIFY(!reviewMove(A::Resubmit).byReviewer);
        for (A a : {A::Recognise, A::Return, A::Revoke, A::RecogniseByLeadingGroup})
            QVERIFY(reviewMove(a).byReviewer);
    }

    void onlyReviewersDecide()
    {
        QVERIFY(mayDecide({Role::Reviewer}));
        QVERIFY(mayDecide({Role::Staff, Role::Reviewer}));
        // The leading group's recognition of a project stage (route 4) is the one decision a leader makes.
        QVERIFY(mayDecide({Role::Leader}));
        QVERIFY(allowedActions(S::Submitted, {Role::Leader}) == (QList<A>{A::RecogniseByLeadingGroup}));
        for (Role r : {Role::Staff, Role::UnitContact, Role::Supervisor, Role::Admin})
            QVERIFY2(!mayDecide({r}), qPrintable(toString(r)));
        QVERIFY(!mayDecide({}));
        // A reviewer looking at a submitted record may recognise, return or revoke it.
        QVERIFY(allowedActions(S::Submitted, {Role::Staff, Role::Reviewer}) == (QList<A>{A::Recognise, A::Return, A::Revoke}));
        QVERIFY(allowedActions(S::Revoked, {Role::Reviewer, Role::Staff, Role::UnitContact}).isEmpty());
    }

    // Nobody recognises, returns or revokes a record they wrote or are credited on; resubmitting
    // (the editor saving a change) is no decision and stays theirs.
    void nobodyDecidesOnTheirOwnRecord()
    {
        const PersonId author = PersonId::create(), credited = PersonId::create(), other = PersonId::create();
        RecordMeta record;
        record.author = author;
        record.credit.people = {author, credited};
        for (A a : AllActions) {
            const bool decision = reviewMove(a).byReviewer;
            QCOMPARE(reviewMove(a).disinterested, decision);
            const auto byAuthor = refuseByInterest(a, author, record);
            const auto byCredited = refuseByInterest(a, credited, record);
            QCOMPARE(byAuthor.has_value(), decision);
            QCOMPARE(byCredited.has_value(), decision);
            QVERIFY(!refuseByInterest(a, other, record));
            if (decision) {
                QCOMPARE(byAuthor->code, ErrorCode::ReviewOwnRecord);
                QCOMPARE(byAuthor->field, QStringLiteral("author"));
                QCOMPARE(byCredited->field, QStringLiteral("credit.people"));
                QVERIFY(!byAuthor->message.isEmpty());
            }
        }
        // Credited but not the author: still a stake.
        RecordMeta colleagues;
        colleagues.author = other;
        colleagues.credit.people = {credited};
        QVERIFY(refuseByInterest(A::Recognise, credited, colleagues));
        // What the app offers follows: nothing to the author, everything to a reviewer with no stake.
        const QList<Role> reviewer{Role::Staff, Role::Reviewer};
        QVERIFY(allowedActions(S::Submitted, reviewer, author, record).isEmpty());
        QVERIFY(allowedActions(S::Submitted, reviewer, credited, record).isEmpty());
        QVERIFY(allowedActions(S::Submitted, reviewer, other, record) == allowedActions(S::Submitted, reviewer));
        // The editor's resubmit is unaffected.
        QVERIFY(allowedActions(S::Returned, {Role::Staff}, author, record) == (QList<A>{A::Resubmit}));
    }

    void returningAndRevokingNeedAReason_data()
    {
        QTest::addColumn<ReviewAction>("action");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("allowed");
        for (A a : AllActions) {
            const bool needs = a == A::Return || a == A::Revoke || a == A::RecogniseByLeadingGroup;
            QTest::newRow(qPrintable(toString(a) + QStringLiteral(" without"))) << a << QString() << !needs;
            QTest::newRow(qPrintable(toString(a) + QStringLiteral(" blank"))) << a << QStringLiteral("  \n ") << !needs;
            QTest::newRow(qPrintable(toString(a) + QStringLiteral(" with"))) << a << QStringLiteral("请补充投资额依据") << true;
        }
    }
    void returningAndRevokingNeedAReason()
    {
        QFETCH(ReviewAction, action);
        QFETCH(QString, reason);
        QFETCH(bool, allowed);
        const auto refused = refuseByReason(action, reason);
        QCOMPARE(!refused.has_value(), allowed);
        if (refused) {
            QCOMPARE(refused->field, QStringLiteral("reason"));
            QCOMPARE(refused->code, ErrorCode::ReviewReasonNeeded);
            QCOMPARE(refused->message, QString::fromUtf8(displayName(action)) + QStringLiteral("须写明理由"));
        }
        QCOMPARE(reviewMove(action).needsReason, action == A::Return || action == A::Revoke || action == A::RecogniseByLeadingGroup);
    }

    void recognisingChecksTheEvidence()
    {
        const Ledger ledger;
        const Record empty = lead(QString());
        const Record complete = lead(QStringLiteral("拟投资建设年产5万吨专用化学品项目"));
        const QList<FieldError> missing = missingForMove(A::Recognise, empty, ledger, scheme());
        QCOMPARE(missing.size(), 1);
        QCOMPARE(missing.first().field, QStringLiteral("intention"));
        QVERIFY(missingForMove(A::Recognise, complete, ledger, scheme()).isEmpty());
        // Only recognising asks for evidence: a record lacking it can still be returned or revoked.
        for (A a : {A::Return, A::Revoke, A::Resubmit})
            QVERIFY(missingForMove(a, empty, ledger, scheme()).isEmpty());
    }

    void anEditSendsTheRecordBackToTheBureau()
    {
        for (int k = 0; k <= int(RecordKind::MapCompletion); ++k) {
            const auto kind = RecordKind(k);
            const bool award = kind == RecordKind::Award;
            COMPARE_NAMES(initialState(kind), award ? S::Recognised : S::Submitted);
            COMPARE_NAMES(stateAfterEdit(kind, S::Submitted), S::Submitted);
            COMPARE_NAMES(stateAfterEdit(kind, S::Returned), award ? S::Returned : S::Submitted);
            COMPARE_NAMES(stateAfterEdit(kind, S::Recognised), award ? S::Recognised : S::Submitted);
        }
        // Revoked as false is final: no edit, no delete. Recognised: edits (re-reviewed), no delete.
        QVERIFY(!isEditable(S::Revoked));
        QVERIFY(!isDeletable(S::Revoked));
        QVERIFY(isEditable(S::Recognised));
        QVERIFY(!isDeletable(S::Recognised));
        for (S s : {S::Submitted, S::Returned}) {
            QVERIFY(isEditable(s));
            QVERIFY(isDeletable(s));
        }
    }

    void namesForTheWireAndThePerson()
    {
        QSet<QString> shown;
        for (A a : AllActions) {
            QVERIFY(reviewActionFromString(toString(a)) == a);
            QVERIFY(qstrlen(displayName(a)) > 0);
        }
        QCOMPARE(toString(A::Recognise), QStringLiteral("recognise"));
        QVERIFY(!reviewActionFromString(u"approve"));
        for (S s : AllStates) {
            const QString name = QString::fromUtf8(displayName(s));
            QVERIFY(!name.isEmpty());
            QVERIFY2(!shown.contains(name), qPrintable(name));
            shown.insert(name);
        }
        QCOMPARE(QString::fromUtf8(displayName(S::Submitted)), QStringLiteral("待认定"));
        QCOMPARE(QString::fromUtf8(displayName(S::Returned)), QStringLiteral("已退回"));
        QCOMPARE(QLatin1StringView(ReviewFlowContext), QLatin1StringView("ReviewFlow"));
    }
};

QTEST_GUILESS_MAIN(TestReviewFlow)
#include "tst_reviewflow.moc"
