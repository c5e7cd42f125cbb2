// What the app's lists, map and check-in history read from the local store (EntityQueries through
// the LocalStore facade): the list order (records that need their author first, then newest event,
// then id), the filters and search, rowids back to entities, a trip's visits, records in a date
// range, the map's facts and a person's check-ins.
#include "localstore.h"
#include "testentities.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace mobile;
using mobile::test::with;

namespace {

const QString Person = QStringLiteral("5d3c1e2a-7b4f-4c8d-9e0f-1a2b3c4d5e6f");
const QString Other = QStringLiteral("6e4d2f3b-8c5a-4d9e-8f10-2b3c4d5e6f70");
const QString Pgo = QStringLiteral("PGO");

QString idOf(const QJsonObject &json) { return json.value(u"id").toString(); }

QJsonObject leadFiled(const QString &name, const QString &filed)
{
    return with(test::lead(Pgo, Person, name), QStringLiteral("filed"), filed);
}

// As the server holds it: with the review and author it owns.
QJsonObject asServer(QJsonObject json, const QString &state, const QString &author = Person)
{
    json.insert(QStringLiteral("review"), QJsonObject{{QStringLiteral("state"), state}});
    json.insert(QStringLiteral("author"), author);
    return json;
}

// Pulls these entities as the server's, numbered from 1.
void pull(LocalStore &store, const QList<QJsonObject> &entities)
{
    QJsonArray changes;
    qint64 seq = store.pullCursor();
    for (const QJsonObject &e : entities)
        changes.append(QJsonObject{{QStringLiteral("seq"), ++seq}, {QStringLiteral("entity"), e}});
    const auto error = store.applyPull(QJsonObject{{QStringLiteral("changes"), changes}, {QStringLiteral("cursor"), seq}, {QStringLiteral("hasMore"), false}});
    QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
}

QStringList idsOf(const QList<LocalEntity> &entities)
{
    QStringList out;
    for (const LocalEntity &e : entities)
        out << e.id;
    return out;
}

QStringList listed(const LocalStore &store, const LocalStore::ListFilter &filter) { return idsOf(store.entitiesByKeys(store.listKeys(filter))); }

} // namespace

class TestEntityQueries : public QObject
{
    Q_OBJECT

private slots:
    void listsPutWhatNeedsTheAuthorFirstThenTheNewest()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        const QJsonObject early = leadFiled(QStringLiteral("甲"), QStringLiteral("2023-01-10"));
        const QJsonObject mid = leadFiled(QStringLiteral("乙"), QStringLiteral("2023-05-16"));
        const QJsonObject late = leadFiled(QStringLiteral("丙"), QStringLiteral("2023-09-01"));
        const QJsonObject returned = asServer(leadFiled(QStringLiteral("丁"), QStringLiteral("2022-12-01")), QStringLiteral("returned"));
        for (const QJsonObject &l : {early, mid, late})
            QVERIFY(!store.save(l));
        pull(store, {returned});
        QCOMPARE(listed(store, {QStringLiteral("lead"), {}, {}, false}), (QStringList{idOf(returned), idOf(late), idOf(mid), idOf(early)}));

        // Refused by the server: it needs its author too; among those, the newest first.
        QVERIFY(!store.markPushed(QJsonObject{{QStringLiteral("results"), QJsonArray{QJsonObject{
            {QStringLiteral("n"), 1}, {QStringLiteral("status"), QStringLiteral("rejected")}, {QStringLiteral("id"), idOf(early)},
            {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QStringLiteral("forbidden")}, {QStringLiteral("message"), QStringLiteral("not yours")}}}}}}}));
        QCOMPARE(listed(store, {QStringLiteral("lead"), {}, {}, false}), (QStringList{idOf(early), idOf(returned), idOf(late), idOf(mid)}));
        QCOMPARE(listed(store, {QStringLiteral("lead"), {}, {}, true}), QStringList{idOf(early)});
        QVERIFY(store.listKeys({QStringLiteral("visit"), {}, {}, false}).isEmpty());

        // Deleted: out of the list, and its old rowid gives an empty entity; so does one never there.
        const QList<qint64> keys = store.listKeys({QStringLiteral("lead"), {}, {}, false});
        QVERIFY(!store.remove(idOf(mid)));
        QCOMPARE(listed(store, {QStringLiteral("lead"), {}, {}, false}), (QStringList{idOf(early), idOf(returned), idOf(late)}));
        QCOMPARE(idsOf(store.entitiesByKeys({keys.at(3), 999999, keys.at(0)})), (QStringList{QString(), QString(), idOf(early)}));
        QVERIFY(store.entitiesByKeys({}).isEmpty());
    }

    void searchMatchesWhatARowShows()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        const QJsonObject enterprise = test::enterprise(QStringLiteral("豫北新材料有限公司"));
        const QJsonObject visit = test::visit(Pgo, Person, idOf(enterprise), {});
        const QJsonObject lead = test::lead(Pgo, Person, QStringLiteral("Acme Fine Chemicals"));
        for (const QJsonObject &e : {enterprise, visit, lead})
            QVERIFY(!store.save(e));
        // The visit shows the name of the enterprise it refers to.
        QCOMPARE(listed(store, {QStringLiteral("visit"), {}, QStringLiteral("豫北"), false}), QStringList{idOf(visit)});
        QCOMPARE(listed(store, {{}, {}, QStringLiteral("豫北"), false}).size(), 2); // the enterprise itself too
        QCOMPARE(listed(store, {{}, {}, QStringLiteral("  acme  "), false}), QStringList{idOf(lead)}); // any case, trimmed
        QCOMPARE(listed(store, {{}, {}, QStringLiteral("扩产"), false}), QStringList{idOf(visit)});  // its purpose
        QCOMPARE(listed(store, {{}, {}, QStringLiteral("2023-06-02"), false}), QStringList{idOf(visit)}); // its date
        QVERIFY(store.listKeys({{}, {}, QStringLiteral("不存在的企业"), false}).isEmpty());
        QCOMPARE(store.listKeys({{}, {}, QStringLiteral("   "), false}).size(), 3);
    }

    void aProjectsListHoldsItsRecords()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        const QJsonObject enterprise = test::enterprise(QStringLiteral("豫北新材料"));
        const QJsonObject project = test::project(Pgo, Person, idOf(enterprise), QStringLiteral("年产十万吨新材料项目"));
        const QJsonObject signedAt = test::milestone(Pgo, Person, idOf(project), ledger::MilestoneStage::Signed, QDate(2023, 6, 1));
        const QJsonObject elsewhere = test::milestone(Pgo, Person, test::newId(), ledger::MilestoneStage::Signed, QDate(2023, 6, 1));
        for (const QJsonObject &e : {enterprise, project, signedAt, elsewhere})
            QVERIFY(!store.save(e));
        QCOMPARE(listed(store, {{}, idOf(project), {}, false}), QStringList{idOf(signedAt)});
        QCOMPARE(listed(store, {QStringLiteral("milestone"), idOf(project), {}, false}), QStringList{idOf(signedAt)});
        QVERIFY(store.listKeys({QStringLiteral("lead"), idOf(project), {}, false}).isEmpty());
    }

    void visitsOfATripAndRecordsBetweenTwoDates()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        const QJsonObject enterprise = test::enterprise(QStringLiteral("豫北新材料"));
        QVERIFY(!store.save(enterprise));
        const QString trip = test::newId();
        QList<QJsonObject> visits;
        for (const QString &date : {QStringLiteral("2023-06-30"), QStringLiteral("2023-05-31"), QStringLiteral("2023-06-01"), QStringLiteral("2023-07-01")})
            visits << with(test::visit(Pgo, Person, idOf(enterprise), {}), QStringLiteral("date"), date);
        visits[0] = with(visits[0], QStringLiteral("trip"), trip);
        visits[2] = with(visits[2], QStringLiteral("trip"), trip);
        for (const QJsonObject &v : visits)
            QVERIFY(!store.save(v));

        QCOMPARE(idsOf(store.visitsOfTrip(trip)), (QStringList{idOf(visits[0]), idOf(visits[2])})); // in entry order
        QVERIFY(store.visitsOfTrip(QString()).isEmpty());
        QVERIFY(store.visitsOfTrip(test::newId()).isEmpty());

        // Both ends count; oldest first.
        QCOMPARE(idsOf(store.recordsBetween(QStringLiteral("visit"), QDate(2023, 6, 1), QDate(2023, 6, 30))), (QStringList{idOf(visits[2]), idOf(visits[0])}));
        QVERIFY(store.recordsBetween(QStringLiteral("lead"), QDate(2023, 1, 1), QDate(2023, 12, 31)).isEmpty());
        QVERIFY(store.recordsBetween(QStringLiteral("visit"), QDate(), QDate(2023, 12, 31)).isEmpty());
        QVERIFY(!store.remove(idOf(visits[2])));
        QCOMPARE(idsOf(store.visitsOfTrip(trip)), QStringList{idOf(visits[0])});
    }

    void theMapsFactsLeaveOutRevokedRecords()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        const QJsonObject visited = test::enterprise(QStringLiteral("拜访过的企业"));
        const QJsonObject withProject = test::enterprise(QStringLiteral("有项目的企业"));
        const QJsonObject revokedOnly = test::enterprise(QStringLiteral("只有撤销记录的企业"));
        const QJsonObject project = test::project(Pgo, Person, idOf(withProject), QStringLiteral("新材料项目"));
        const QJsonObject signedAt = asServer(test::milestone(Pgo, Person, idOf(project), ledger::MilestoneStage::Signed, QDate(2023, 6, 1)), QStringLiteral("recognised"));
        const QJsonObject landed = test::milestone(Pgo, Person, idOf(project), ledger::MilestoneStage::Landed, QDate(2023, 8, 1)); // not recognised yet
        for (const QJsonObject &e : {visited, withProject, revokedOnly, project, landed})
            QVERIFY(!store.save(e));
        QVERIFY(!store.save(test::visit(Pgo, Person, idOf(visited), {})));
        pull(store, {signedAt, asServer(test::visit(Pgo, Person, idOf(revokedOnly), {}), QStringLiteral("revoked"))});

        const LocalStore::MapFacts facts = store.mapFacts();
        QCOMPARE(facts.kindsByEnterprise.value(idOf(visited)), QStringList{QStringLiteral("visit")});
        QCOMPARE(facts.kindsByEnterprise.value(idOf(withProject)), QStringList{QStringLiteral("project")});
        QVERIFY(!facts.kindsByEnterprise.contains(idOf(revokedOnly)));
        QCOMPARE(facts.enterpriseOfProject.value(idOf(project)), idOf(withProject));
        QCOMPARE(facts.recognisedStagesOfProject.value(idOf(project)), QStringList{signedAt.value(u"stage").toString()});
    }

    void aPersonsCheckInsAreTheirsOrTheyWroteThem()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        const QJsonObject enterprise = test::enterprise(QStringLiteral("豫北新材料"));
        QVERIFY(!store.save(enterprise));
        const QJsonObject credited = test::checkedInVisit(Pgo, Person, idOf(enterprise), QDate(2023, 6, 5), 35.30, 113.90);
        const QJsonObject written = asServer(test::checkedInVisit(Pgo, Other, idOf(enterprise), QDate(2023, 6, 1), 35.31, 113.91), QStringLiteral("submitted"));
        const QJsonObject someoneElses = asServer(test::checkedInVisit(Pgo, Other, idOf(enterprise), QDate(2023, 6, 3), 35.32, 113.92), QStringLiteral("submitted"), Other);
        const QJsonObject withoutCheckIn = test::visit(Pgo, Person, idOf(enterprise), {});
        QVERIFY(!store.save(credited));
        QVERIFY(!store.save(withoutCheckIn));
        pull(store, {written, someoneElses});

        const QJsonArray checkIns = store.checkInsOf(Person);
        QCOMPARE(checkIns.size(), 2);
        QCOMPARE(checkIns.at(0).toObject(), store.entity(idOf(written))->json.value(u"checkIn").toObject()); // oldest first
        QCOMPARE(checkIns.at(1).toObject(), store.entity(idOf(credited))->json.value(u"checkIn").toObject());
        QCOMPARE(store.checkInsOf(Other).size(), 2);
        QVERIFY(store.checkInsOf(QString()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEntityQueries)
#include "tst_entityqueries.moc"
