// The 2023 scheme file read against the seed's own sentences, one test a sentence: where the file
// could say less than the text (a condition left out of a measure), the scores would count what
// the scheme does not.
#include "builders.h"
#include "ledger/scoring.h"

#include <QTest>

using namespace ledger;
using namespace ledger::test;

namespace {
const Scheme &scheme()
{
    static const Scheme s = scheme2023();
    return s;
}

// A recognised project of ≥ 1亿 that is an upgrade or transfer project, started in 2023.
void startUpgradeProject(Ledger &l, const char *unit, const char *industry, QDate started)
{
    const Project p = project(unit, 150000000, false, false, false, true, industry);
    l.upsert(p);
    l.upsert(milestone(p, MilestoneStage::Started, started));
}

qint64 achieved(const ScoreReport &r, const char *task) { return r.task(QString::fromLatin1(task))->progress.achieved; }
} // namespace

class TestSchemeRules : public QObject
{
    Q_OBJECT
private slots:
    void upgradeTasksOfTheGroupsCountOnlyLeadingIndustries_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("task");
        QTest::newRow("G1.3 (PGO)") << QStringLiteral("PGO") << QStringLiteral("G1.3");
        QTest::newRow("G2.3 (EDS)") << QStringLiteral("EDS") << QStringLiteral("G2.3");
        QTest::newRow("G4.3 (EEE)") << QStringLiteral("EEE") << QStringLiteral("G4.3");
    }
    void upgradeTasksOfTheGroupsCountOnlyLeadingIndustries()
    {
        // 「实施亿元以上主导产业转型升级和承接转移项目3个」: a project outside the leading industries
        // does not count there, one of a leading industry does.
        QFETCH(QString, unit);
        QFETCH(QString, task);
        const QByteArray u = unit.toLatin1();
        QVERIFY(!scheme().isLeadingIndustry(QStringLiteral("new_materials")));
        QVERIFY(scheme().isLeadingIndustry(QStringLiteral("fine_chemicals")));
        Ledger l;
        startUpgradeProject(l, u.constData(), "new_materials", QDate(2023, 4, 10));
        QCOMPARE(achieved(score(scheme(), l, Period{2023, 4, false}), task.toLatin1().constData()), 0);
        startUpgradeProject(l, u.constData(), "fine_chemicals", QDate(2023, 5, 10));
        QCOMPARE(achieved(score(scheme(), l, Period{2023, 4, false}), task.toLatin1().constData()), 1);
    }

    void theBureausUpgradeTaskCountsEveryIndustry()
    {
        // ISB's G3.9 reads 「实施亿元以上转型升级或承接转移项目」: no leading-industry condition.
        Ledger l;
        startUpgradeProject(l, "ISB", "new_materials", QDate(2023, 4, 10));
        QCOMPARE(achieved(score(scheme(), l, Period{2023, 4, false}), "G3.9"), 1);
    }

    void theZoneTargetCountsEveryImplementedUpgradeProjectOnce()
    {
        // The zone target (10 implemented) counts each implemented upgrade or transfer project,
        // leading industry or not.
        Ledger l;
        startUpgradeProject(l, "PGO", "new_materials", QDate(2023, 4, 10));
        startUpgradeProject(l, "PGO", "fine_chemicals", QDate(2023, 5, 10));
        const ScoreReport r = score(scheme(), l, Period{2023, 4, false});
        QVERIFY(r.zoneTarget(u"implemented_upgrade"));
        QCOMPARE(r.zoneTarget(u"implemented_upgrade")->progress.achieved, 2);
    }
};

QTEST_GUILESS_MAIN(TestSchemeRules)
#include "tst_schemerules.moc"
