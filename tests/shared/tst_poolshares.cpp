// The personal-shares rule (ledger/poolshares.h) that both the server's PUT /pools/:unit/shares
// and scoring apply: own people only, nothing negative, never more than the pool.
#include "ledger/poolshares.h"

#include <QTest>
#include <QUuid>

using namespace ledger;

namespace {

Points pts(const char16_t *text) { return *Points::parse(QStringView(text)); }

const UnitCode EEE(QStringLiteral("EEE"));
const UnitCode ISB(QStringLiteral("ISB"));

// Person ids with a known text order, so "the first problem" is a fixed one.
PersonId personId(QChar digit)
{
    return PersonId(QUuid::fromString(QStringLiteral("%1-%2-%2-%2-%3").arg(QString(8, digit), QString(4, digit), QString(12, digit))));
}

} // namespace

class TestPoolShares : public QObject
{
    Q_OBJECT

private:
    Ledger m_ledger;
    PersonId m_a = personId(u'1'), m_b = personId(u'2'), m_other = personId(u'3'), m_unknown = personId(u'4');

private slots:
    void initTestCase()
    {
        m_ledger.upsert(Person{m_a, QStringLiteral("王芳"), EEE, {Role::Staff}, true});
        m_ledger.upsert(Person{m_b, QStringLiteral("刘洋"), EEE, {Role::Staff}, true});
        m_ledger.upsert(Person{m_other, QStringLiteral("陈静"), ISB, {Role::Staff}, true});
    }

    void sharesWithinThePoolPass()
    {
        QVERIFY(!checkPoolShares(m_ledger, EEE, {{m_a, pts(u"1")}, {m_b, pts(u"0.8")}}, pts(u"1.8")));
        QVERIFY(!checkPoolShares(m_ledger, EEE, {}, pts(u"0")));
        QVERIFY(!checkPoolShares(m_ledger, EEE, {{m_a, pts(u"0")}}, pts(u"0")));
    }

    void overThePoolIsRefusedWithTheSum()
    {
        const auto p = checkPoolShares(m_ledger, EEE, {{m_a, pts(u"1")}, {m_b, pts(u"0.81")}}, pts(u"1.8"));
        QVERIFY(p);
        QCOMPARE(p->kind, PoolShareProblem::Kind::OverPool);
        QCOMPARE(p->sum.toString(), QStringLiteral("1.81"));
        QCOMPARE(p->pool.toString(), QStringLiteral("1.8"));
        const FieldError e = p->toError(QStringLiteral("manualShares.EEE"), EEE);
        QCOMPARE(e.field, QStringLiteral("manualShares.EEE"));
        QCOMPARE(e.code, ErrorCode::SharesOverPool);
        QCOMPARE(e.args, (QStringList{QStringLiteral("1.81"), QStringLiteral("1.8")}));
    }

    void anotherUnitsOrUnknownPersonIsRefused()
    {
        const auto other = checkPoolShares(m_ledger, EEE, {{m_a, pts(u"0.1")}, {m_other, pts(u"0.1")}}, pts(u"1.8"));
        QVERIFY(other);
        QCOMPARE(other->kind, PoolShareProblem::Kind::NotOfUnit);
        QCOMPARE(other->person, m_other);
        const FieldError e = other->toError(QStringLiteral("manualShares.EEE"), EEE);
        QCOMPARE(e.code, ErrorCode::ShareNotOfUnit);
        QCOMPARE(e.args, (QStringList{m_other.toString(), QStringLiteral("EEE")}));
        const auto unknown = checkPoolShares(m_ledger, EEE, {{m_unknown, pts(u"0.1")}}, pts(u"1.8"));
        QVERIFY(unknown);
        QCOMPARE(unknown->kind, PoolShareProblem::Kind::NotOfUnit);
        QCOMPARE(unknown->person, m_unknown);
    }

    void negativeShareIsRefused()
    {
        const auto p = checkPoolShares(m_ledger, EEE, {{m_a, pts(u"2")}, {m_b, pts(u"-0.5")}}, pts(u"1.8"));
        QVERIFY(p);
        // Negative comes before the sum: 2 - 0.5 is within the pool, yet refused.
        QCOMPARE(p->kind, PoolShareProblem::Kind::Negative);
        QCOMPARE(p->person, m_b);
        const FieldError e = p->toError(QStringLiteral("manualShares.EEE"), EEE);
        QCOMPARE(e.code, ErrorCode::ShareNegative);
        QCOMPARE(e.args, QStringList{m_b.toString()});
    }

    void theFirstProblemInIdOrderIsTheOneReported()
    {
        // Both entries are wrong; whatever the hash order, the lower id is reported.
        for (int i = 0; i < 20; ++i) {
            QHash<PersonId, Points> shares{{m_unknown, pts(u"0.1")}, {m_b, pts(u"-1")}};
            const auto p = checkPoolShares(m_ledger, EEE, shares, pts(u"1.8"));
            QVERIFY(p);
            QCOMPARE(p->person, m_b);
            QCOMPARE(p->kind, PoolShareProblem::Kind::Negative);
        }
    }
};

QTEST_GUILESS_MAIN(TestPoolShares)
#include "tst_poolshares.moc"
