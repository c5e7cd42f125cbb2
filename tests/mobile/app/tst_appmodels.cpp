// The app's list models over a real LocalStore, each wrapped in QAbstractItemModelTester (fatal on
// any inconsistency): the order a person sees (records needing their author first, then newest),
// a save or a delete arriving as one inserted or removed row, lists that page through more rows
// than they keep, search and filters; the investment map's stages; and the links between trips
// and the visits made on them through the Trips singleton and the record editor; the home page's
// count of leads; the list's texts following a change of language; and the reviewer's inbox
// wording the server's coded problems in the person's language.
#include "appsingletons.h"
#include "enterpriselistmodel.h"
#include "investmentmapmodel.h"
#include "localstore.h"
#include "networktransport.h"
#include "recordeditor.h"
#include "recordlistmodel.h"
#include "syncclient.h"

#include "../core/testentities.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <algorithm>
#include <memory>

using namespace mobile;

namespace {

const QString Unit = QStringLiteral("ISB");
const QString Person = QStringLiteral("6f1c2a52-8d0e-4b57-9a43-0d2f3c4b5a61");

QJsonObject leadFiled(const QString &name, const QDate &filed)
{
    return test::with(test::lead(Unit, Person, name), QStringLiteral("filed"), filed.toString(Qt::ISODate));
}

QJsonObject visitOn(const QString &enterpriseId, const QDate &date)
{
    return test::with(test::visit(Unit, Person, enterpriseId, {}), QStringLiteral("date"), date.toString(Qt::ISODate));
}

QJsonObject pulled(qint64 cursor, const QJsonArray &entities)
{
    QJsonArray changes;
    qint64 seq = cursor - entities.size();
    for (const QJsonValue &e : entities)
        changes.append(QJsonObject{{QStringLiteral("seq"), ++seq}, {QStringLiteral("entity"), e}});
    return QJsonObject{{QStringLiteral("changes"), changes}, {QStringLiteral("cursor"), cursor}};
}

QStringList column(const QAbstractItemModel &m, int role)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.data(m.index(r, 0), role).toString();
    return out;
}

// An English translation of one text of the shared table (context "ledger"), as the app's
// translation file gives it.
class EnglishNoIntention : public QTranslator
{
public:
    [[nodiscard]] bool isEmpty() const override { return false; }
    [[nodiscard]] QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (qstrcmp(context, "ledger") == 0 && qstrcmp(sourceText, ledger::sourceText(ledger::ErrorCode::LeadNoIntention)) == 0)
            return QStringLiteral("no clear intention to invest");
        return {};
    }
};

} // namespace

class TestAppModels : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<NetworkTransport> m_transport;
    std::unique_ptr<SyncClient> m_sync;
    std::unique_ptr<AppSingletons> m_app;
    const ledger::Scheme m_scheme = ledger::scheme2023();

    // A new record of `kind` as a form starts it.
    QVariantMap fresh(const QString &kind)
    {
        RecordEditor editor(m_app->session, m_app->trips, m_app->settings);
        editor.setKind(kind);
        return editor.record();
    }
    QVariantMap stored(const QString &id)
    {
        RecordEditor editor(m_app->session, m_app->trips, m_app->settings);
        editor.setRecordId(id);
        return editor.record();
    }
    // Saves as a form does: {ok, id} or {ok: false, field, message}.
    QVariantMap saveRecord(const QVariantMap &record)
    {
        RecordEditor editor(m_app->session, m_app->trips, m_app->settings);
        editor.setRecord(record);
        if (!editor.save())
            return {{QStringLiteral("ok"), false}, {QStringLiteral("field"), editor.errorField()}, {QStringLiteral("message"), editor.errorMessage()}};
        return {{QStringLiteral("ok"), true}, {QStringLiteral("id"), editor.recordId()}};
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<LocalStore>(m_dir->path());
        QVERIFY2(m_store->isOpen(), qPrintable(m_store->openError()));
        StoredSession session;
        session.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        session.user = QJsonObject{{QStringLiteral("id"), Person}, {QStringLiteral("name"), QStringLiteral("张伟")},
                                   {QStringLiteral("unit"), Unit}, {QStringLiteral("roles"), QJsonArray{QStringLiteral("staff")}}};
        QVERIFY(!m_store->setSession(session));
        m_transport = std::make_unique<NetworkTransport>(session.serverUrl);
        m_sync = std::make_unique<SyncClient>(*m_store, *m_transport);
        m_app = std::make_unique<AppSingletons>(*m_store, *m_sync, m_scheme, QDate(2023, 12, 15));
    }

    void cleanup()
    {
        m_app.reset();
        m_sync.reset();
        m_transport.reset();
        m_store.reset();
        m_dir.reset();
    }

    void recordsNeedingTheirAuthorComeFirstThenNewest()
    {
        const QJsonObject older = leadFiled(QStringLiteral("甲公司"), QDate(2023, 3, 1));
        const QJsonObject newer = leadFiled(QStringLiteral("乙公司"), QDate(2023, 9, 1));
        QJsonObject returned = leadFiled(QStringLiteral("丙公司"), QDate(2023, 1, 5));
        returned.insert(QStringLiteral("review"), QJsonObject{{QStringLiteral("state"), QStringLiteral("returned")},
                                                              {QStringLiteral("reason"), QStringLiteral("缺少投资意向")}});
        QVERIFY(!m_store->applyPull(pulled(3, {older, newer, returned})));

        RecordListModel leads;
        QAbstractItemModelTester tester(&leads, QAbstractItemModelTester::FailureReportingMode::Fatal);
        leads.setKind(QStringLiteral("lead"));
        leads.setStore(m_store.get());
        QCOMPARE(column(leads, RecordListModel::TitleRole), (QStringList{QStringLiteral("丙公司"), QStringLiteral("乙公司"), QStringLiteral("甲公司")}));
        QCOMPARE(leads.data(leads.index(0), RecordListModel::AttentionRole).toString(), QStringLiteral("已退回：缺少投资意向"));
        QCOMPARE(leads.data(leads.index(1), RecordListModel::DateRole).toString(), QStringLiteral("2023-09-01"));
        QCOMPARE(leads.data(leads.index(2), RecordListModel::ReviewStateTextRole).toString(), QStringLiteral("待认定"));
    }

    void aSaveInsertsOneRowAndADeleteRemovesIt()
    {
        QVERIFY(!m_store->save(leadFiled(QStringLiteral("甲公司"), QDate(2023, 3, 1))));
        QVERIFY(!m_store->save(leadFiled(QStringLiteral("乙公司"), QDate(2023, 9, 1))));
        RecordListModel leads;
        QAbstractItemModelTester tester(&leads, QAbstractItemModelTester::FailureReportingMode::Fatal);
        leads.setKind(QStringLiteral("lead"));
        leads.setStore(m_store.get());
        QSignalSpy inserted(&leads, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&leads, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&leads, &QAbstractItemModel::modelReset);
        QSignalSpy count(&leads, &StoreListModel::countChanged);

        // Filed between the two: it lands in the middle, as one inserted row.
        const QJsonObject middle = leadFiled(QStringLiteral("丁公司"), QDate(2023, 6, 1));
        QVERIFY(!m_store->save(middle));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(count.size(), 1);
        QCOMPARE(column(leads, RecordListModel::TitleRole), (QStringList{QStringLiteral("乙公司"), QStringLiteral("丁公司"), QStringLiteral("甲公司")}));
        QCOMPARE(leads.data(leads.index(1), RecordListModel::HasLocalChangesRole).toBool(), true);

        // A visit saved elsewhere does not touch the list of leads.
        const QJsonObject enterprise = test::enterprise(QStringLiteral("新乡市示范精细化工有限公司"));
        QVERIFY(!m_store->save(enterprise));
        QVERIFY(!m_store->save(visitOn(enterprise.value(u"id").toString(), QDate(2023, 6, 2))));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);

        QVERIFY(!m_store->remove(middle.value(u"id").toString()));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(leads.count(), 2);

        // An edit that moves a record in the order is shown too (as a reset).
        QJsonObject first = m_store->entities(QStringLiteral("lead")).first().json;
        first.insert(QStringLiteral("filed"), QStringLiteral("2023-12-01"));
        QVERIFY(!m_store->save(first));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(leads.data(leads.index(0), RecordListModel::TitleRole).toString(), first.value(u"enterpriseName").toString());
    }

    void aLongListIsDescribedPageByPage()
    {
        // More rows than the model keeps described (PageSize × PagesKept), read twice over.
        const int n = RecordListModel::PageSize * (RecordListModel::PagesKept + 3) + 5;
        QJsonArray leads;
        for (int i = 0; i < n; ++i)
            leads.append(leadFiled(QStringLiteral("企业%1").arg(i, 4, 10, QChar(u'0')), QDate(2020, 1, 1).addDays(i)));
        QVERIFY(!m_store->applyPull(pulled(n, leads)));

        RecordListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setKind(QStringLiteral("lead"));
        model.setStore(m_store.get());
        QCOMPARE(model.rowCount(), n);
        for (int pass = 0; pass < 2; ++pass) {
            for (int r = 0; r < n; r += 7) {
                const int i = n - 1 - r; // newest first
                QCOMPARE(model.data(model.index(r), RecordListModel::TitleRole).toString(), QStringLiteral("企业%1").arg(i, 4, 10, QChar(u'0')));
                QCOMPARE(model.data(model.index(r), RecordListModel::DateRole).toString(), QDate(2020, 1, 1).addDays(i).toString(Qt::ISODate));
            }
        }
    }

    void searchMatchesWhatARowShowsAndFiltersApply()
    {
        const QJsonObject chem = test::enterprise(QStringLiteral("新乡化工"));
        const QJsonObject food = test::enterprise(QStringLiteral("卫辉食品"));
        QVERIFY(!m_store->save(chem));
        QVERIFY(!m_store->save(food));
        QVERIFY(!m_store->save(visitOn(chem.value(u"id").toString(), QDate(2023, 6, 2))));
        QVERIFY(!m_store->save(visitOn(food.value(u"id").toString(), QDate(2023, 6, 3))));

        RecordListModel visits;
        QAbstractItemModelTester tester(&visits, QAbstractItemModelTester::FailureReportingMode::Fatal);
        visits.setKind(QStringLiteral("visit"));
        visits.setStore(m_store.get());
        QCOMPARE(visits.rowCount(), 2);
        visits.setSearch(QStringLiteral("化工")); // the enterprise's name, which is not in the visit
        QCOMPARE(column(visits, RecordListModel::TitleRole), QStringList{QStringLiteral("新乡化工")});
        visits.setSearch(QStringLiteral("2023-06-03"));
        QCOMPARE(column(visits, RecordListModel::TitleRole), QStringList{QStringLiteral("卫辉食品")});
        visits.setSearch(QStringLiteral("没有这家"));
        QCOMPARE(visits.rowCount(), 0);
        visits.setSearch({});

        // Renaming the enterprise renames the row.
        QVERIFY(!m_store->save(test::with(chem, QStringLiteral("name"), QStringLiteral("新乡精细化工"))));
        QVERIFY(column(visits, RecordListModel::TitleRole).contains(QStringLiteral("新乡精细化工")));

        // Milestones of one project only.
        const QString project = test::newId();
        const QString other = test::newId();
        auto milestone = [&](const QString &projectId, const QString &stage) {
            QJsonObject m = QJsonObject::fromVariantMap(fresh(QStringLiteral("milestone")));
            m.insert(QStringLiteral("project"), projectId);
            m.insert(QStringLiteral("stage"), stage);
            return m;
        };
        QVERIFY(!m_store->save(milestone(project, QStringLiteral("signed"))));
        QVERIFY(!m_store->save(milestone(other, QStringLiteral("landed"))));
        RecordListModel milestones;
        QAbstractItemModelTester milestonesTester(&milestones, QAbstractItemModelTester::FailureReportingMode::Fatal);
        milestones.setKind(QStringLiteral("milestone"));
        milestones.setProject(project);
        milestones.setStore(m_store.get());
        QCOMPARE(column(milestones, RecordListModel::TitleRole), QStringList{QStringLiteral("签约")});

        // Refused by the server: only those, whatever their kind.
        const QString refused = m_store->entities(QStringLiteral("visit")).first().id;
        QVERIFY(!m_store->markPushed(QJsonObject{{QStringLiteral("results"), QJsonArray{QJsonObject{
            {QStringLiteral("n"), 3}, {QStringLiteral("status"), QStringLiteral("rejected")},
            {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QStringLiteral("invalid")}, {QStringLiteral("message"), QStringLiteral("bad")}}}}}}}));
        RecordListModel rejected;
        QAbstractItemModelTester rejectedTester(&rejected, QAbstractItemModelTester::FailureReportingMode::Fatal);
        rejected.setOnlyRejected(true);
        rejected.setStore(m_store.get());
        QCOMPARE(column(rejected, RecordListModel::RecordIdRole), QStringList{refused});
        QVERIFY(rejected.data(rejected.index(0), RecordListModel::AttentionRole).toString().contains(u"bad"));
    }

    void theMapShowsHowFarEachEnterpriseHasCome()
    {
        QJsonObject visited = test::enterprise(QStringLiteral("拜访过的企业"));
        QJsonObject talking = test::enterprise(QStringLiteral("洽谈中的企业"));
        QJsonObject signedUp = test::enterprise(QStringLiteral("已签约的企业"));
        QJsonObject untouched = test::enterprise(QStringLiteral("未接触的企业"));
        for (QJsonObject *e : {&visited, &talking, &signedUp, &untouched}) {
            e->insert(QStringLiteral("industry"), QStringLiteral("fine_chemicals"));
            e->insert(QStringLiteral("chainLink"), m_scheme.industry(QStringLiteral("fine_chemicals"))->chain.first());
            QVERIFY(!m_store->save(*e));
        }
        QVERIFY(!m_store->save(visitOn(visited.value(u"id").toString(), QDate(2023, 6, 2))));
        auto project = [&](const QJsonObject &enterprise) {
            QJsonObject p = QJsonObject::fromVariantMap(fresh(QStringLiteral("project")));
            p.insert(QStringLiteral("name"), QStringLiteral("年产十万吨项目"));
            p.insert(QStringLiteral("enterprise"), enterprise.value(u"id"));
            p.insert(QStringLiteral("industry"), QStringLiteral("fine_chemicals"));
            p.insert(QStringLiteral("investment"), QJsonObject{{QStringLiteral("currency"), QStringLiteral("CNY")}, {QStringLiteral("amount"), QStringLiteral("100000000.00")}});
            return p;
        };
        const QJsonObject talks = project(talking);
        const QJsonObject deal = project(signedUp);
        QVERIFY(!m_store->save(talks));
        QVERIFY(!m_store->save(deal));
        // A recognised signing, as a pull brings it after review.
        QJsonObject signing = QJsonObject::fromVariantMap(fresh(QStringLiteral("milestone")));
        signing.insert(QStringLiteral("project"), deal.value(u"id"));
        signing.insert(QStringLiteral("review"), QJsonObject{{QStringLiteral("state"), QStringLiteral("recognised")}});
        QVERIFY(!m_store->applyPull(pulled(1, {signing})));

        InvestmentMapModel map;
        QAbstractItemModelTester tester(&map, QAbstractItemModelTester::FailureReportingMode::Fatal);
        map.setStore(m_store.get());
        QHash<QString, QString> stageOf;
        for (int r = 0; r < map.rowCount(); ++r)
            for (const QVariant &link : map.data(map.index(r), InvestmentMapModel::LinksRole).toList())
                for (const QVariant &e : link.toMap().value(QStringLiteral("enterprises")).toList())
                    stageOf.insert(e.toMap().value(QStringLiteral("name")).toString(), e.toMap().value(QStringLiteral("stage")).toString());
        QCOMPARE(stageOf.value(QStringLiteral("拜访过的企业")), QStringLiteral("visited"));
        QCOMPARE(stageOf.value(QStringLiteral("洽谈中的企业")), QStringLiteral("talks"));
        QCOMPARE(stageOf.value(QStringLiteral("已签约的企业")), QStringLiteral("signed"));
        QCOMPARE(stageOf.value(QStringLiteral("未接触的企业")), QStringLiteral("none"));

        EnterpriseListModel enterprises;
        QAbstractItemModelTester enterprisesTester(&enterprises, QAbstractItemModelTester::FailureReportingMode::Fatal);
        enterprises.setStore(m_store.get());
        QCOMPARE(enterprises.rowCount(), 4);
        QSignalSpy reset(&enterprises, &QAbstractItemModel::modelReset);
        QVERIFY(!m_store->save(leadFiled(QStringLiteral("某公司"), QDate(2023, 6, 1))));
        QCOMPARE(reset.size(), 0); // a lead does not rebuild the enterprises
    }

    void aTripListsTheVisitsMadeOnIt()
    {
        const QJsonObject near = test::enterprise(QStringLiteral("深圳某电子公司"));
        const QJsonObject far = test::enterprise(QStringLiteral("本地某化工公司"));
        QVERIFY(!m_store->save(near));
        QVERIFY(!m_store->save(far));

        QVariantMap trip = fresh(QStringLiteral("trip"));
        trip.insert(QStringLiteral("destination"), QStringLiteral("深圳"));
        trip.insert(QStringLiteral("start"), QStringLiteral("2023-11-06"));
        trip.insert(QStringLiteral("end"), QStringLiteral("2023-11-09"));
        trip.insert(QStringLiteral("industries"), QVariantList{QStringLiteral("fine_chemicals")});
        trip.insert(QStringLiteral("summary"), QStringLiteral("赴深圳开展招商"));
        QVariantMap saved = saveRecord(trip);
        QVERIFY2(saved.value(QStringLiteral("ok")).toBool(), qPrintable(saved.value(QStringLiteral("message")).toString()));
        const QString tripId = trip.value(QStringLiteral("id")).toString();

        // The visit form offers the trip, first when the visit's date is within it.
        QVariantMap otherTrip = trip;
        otherTrip.insert(QStringLiteral("id"), ledger::RecordId::create().toString());
        otherTrip.insert(QStringLiteral("destination"), QStringLiteral("上海"));
        otherTrip.insert(QStringLiteral("start"), QStringLiteral("2023-12-01"));
        otherTrip.insert(QStringLiteral("end"), QStringLiteral("2023-12-02"));
        QVERIFY(saveRecord(otherTrip).value(QStringLiteral("ok")).toBool());
        QVariantList choices = m_app->trips.choices(QStringLiteral("2023-11-07"));
        QCOMPARE(choices.size(), 2);
        QCOMPARE(choices.first().toMap().value(QStringLiteral("id")).toString(), tripId);
        QVERIFY(choices.first().toMap().value(QStringLiteral("covers")).toBool());
        QVERIFY(choices.first().toMap().value(QStringLiteral("label")).toString().contains(u"深圳"));
        QVERIFY(m_app->trips.choices(QStringLiteral("2023-12-01")).first().toMap().value(QStringLiteral("label")).toString().contains(u"上海"));

        // A visit made on the trip (chosen on the visit's form)…
        QVariantMap onTrip = fresh(QStringLiteral("visit"));
        onTrip.insert(QStringLiteral("enterprise"), near.value(u"id").toString());
        onTrip.insert(QStringLiteral("date"), QStringLiteral("2023-11-07"));
        onTrip.insert(QStringLiteral("purpose"), QStringLiteral("推介开发区"));
        onTrip.insert(QStringLiteral("noCheckInReason"), QStringLiteral("室内无定位"));
        onTrip.insert(QStringLiteral("trip"), tripId);
        QVERIFY(saveRecord(onTrip).value(QStringLiteral("ok")).toBool());
        // …one within its dates on no trip, and one outside them.
        QVariantMap during = onTrip;
        during.insert(QStringLiteral("id"), ledger::RecordId::create().toString());
        during.insert(QStringLiteral("date"), QStringLiteral("2023-11-08"));
        during.insert(QStringLiteral("enterprise"), far.value(u"id").toString());
        during.remove(QStringLiteral("trip"));
        QVERIFY(saveRecord(during).value(QStringLiteral("ok")).toBool());
        QVariantMap after = during;
        after.insert(QStringLiteral("id"), ledger::RecordId::create().toString());
        after.insert(QStringLiteral("date"), QStringLiteral("2023-11-20"));
        QVERIFY(saveRecord(after).value(QStringLiteral("ok")).toBool());

        // The trip's form: the visit naming it, and the one within the dates to pick.
        QVariantList made = m_app->trips.visits(tripId, {});
        QCOMPARE(made.size(), 1);
        QCOMPARE(made.first().toMap().value(QStringLiteral("id")).toString(), onTrip.value(QStringLiteral("id")).toString());
        QCOMPARE(made.first().toMap().value(QStringLiteral("enterpriseName")).toString(), QStringLiteral("深圳某电子公司"));
        QVERIFY(made.first().toMap().value(QStringLiteral("fromVisit")).toBool());
        // A visit within the dates by someone not on the trip is not offered.
        QVariantMap byOther = during;
        byOther.insert(QStringLiteral("id"), ledger::RecordId::create().toString());
        byOther.insert(QStringLiteral("credit"), QVariantMap{{QStringLiteral("unit"), QStringLiteral("PGO")},
                                                             {QStringLiteral("people"), QVariantList{ledger::PersonId::create().toString()}}});
        QVERIFY(saveRecord(byOther).value(QStringLiteral("ok")).toBool());
        const QStringList members{Person};
        QVariantList candidates = m_app->trips.candidates(tripId, QStringLiteral("2023-11-06"), QStringLiteral("2023-11-09"), members, {});
        QCOMPARE(candidates.size(), 1);
        const QString duringId = during.value(QStringLiteral("id")).toString();
        QCOMPARE(candidates.first().toMap().value(QStringLiteral("id")).toString(), duringId);
        QVERIFY(m_app->trips.candidates(tripId, QStringLiteral("2023-11-06"), QStringLiteral("2023-11-09"), members, {duringId}).isEmpty());
        QVERIFY(m_app->trips.candidates(tripId, QStringLiteral("2023-11-09"), QStringLiteral("2023-11-06"), members, {}).isEmpty()); // ends before it starts

        // Picking it and saving the trip: the trip's list holds both visits.
        QVariantMap edited = stored(tripId);
        edited.insert(QStringLiteral("visits"), QVariantList{duringId});
        saved = saveRecord(edited);
        QVERIFY2(saved.value(QStringLiteral("ok")).toBool(), qPrintable(saved.value(QStringLiteral("message")).toString()));
        const QStringList listed = stored(tripId).value(QStringLiteral("visits")).toStringList();
        QCOMPARE(QSet<QString>(listed.begin(), listed.end()), (QSet<QString>{onTrip.value(QStringLiteral("id")).toString(), duringId}));
        made = m_app->trips.visits(tripId, listed);
        QCOMPARE(made.size(), 2);
        QCOMPARE(made.at(0).toMap().value(QStringLiteral("date")).toString(), QStringLiteral("2023-11-07"));
        QCOMPARE(made.at(1).toMap().value(QStringLiteral("date")).toString(), QStringLiteral("2023-11-08"));
        QVERIFY(!made.at(1).toMap().value(QStringLiteral("fromVisit")).toBool());
        // The trip waits in the outbox with both visits, to reach the server.
        const QList<OutboxEntry> outbox = m_store->outboxBatch(100);
        const auto entry = std::find_if(outbox.cbegin(), outbox.cend(), [&](const OutboxEntry &e) { return e.entityId == tripId; });
        QVERIFY(entry != outbox.cend());
        QCOMPARE(entry->entity.value(u"visits").toArray().size(), 2);
        QVERIFY(entry->changed.contains(QStringLiteral("visits")));

        // A visit the trip lists that this device does not have is still shown, named as missing.
        const QString elsewhere = ledger::RecordId::create().toString();
        made = m_app->trips.visits(tripId, listed + QStringList{elsewhere});
        QCOMPARE(made.size(), 3);

        // A visit is made on one trip: the one the trip lists is not offered to another trip…
        const QString otherTripId = otherTrip.value(QStringLiteral("id")).toString();
        QVERIFY(m_app->trips.candidates(otherTripId, QStringLiteral("2023-11-06"), QStringLiteral("2023-11-09"), members, {}).isEmpty());
        // …and when it names another trip on its own form, it leaves this trip's list and display.
        QVariantMap moved = stored(duringId);
        moved.insert(QStringLiteral("trip"), otherTripId);
        QVERIFY(saveRecord(moved).value(QStringLiteral("ok")).toBool());
        made = m_app->trips.visits(tripId, listed);
        QCOMPARE(made.size(), 1);
        QCOMPARE(made.first().toMap().value(QStringLiteral("id")).toString(), onTrip.value(QStringLiteral("id")).toString());
        QVERIFY(saveRecord(stored(tripId)).value(QStringLiteral("ok")).toBool());
        QCOMPARE(stored(tripId).value(QStringLiteral("visits")).toStringList(), QStringList{onTrip.value(QStringLiteral("id")).toString()});
        QCOMPARE(m_app->trips.visits(otherTripId, {}).size(), 1);

        // A visit naming its trip by something that is not a record id is refused with the field named.
        QVariantMap bad = onTrip;
        bad.insert(QStringLiteral("id"), ledger::RecordId::create().toString());
        bad.insert(QStringLiteral("trip"), QStringLiteral("not-a-uuid"));
        const QVariantMap refused = saveRecord(bad);
        QVERIFY(!refused.value(QStringLiteral("ok")).toBool());
        QCOMPARE(refused.value(QStringLiteral("field")).toString(), QStringLiteral("trip"));
    }

    void homeCountsThisMonthsValuableLeadsOfMyUnit()
    {
        QVERIFY(!m_store->save(leadFiled(QStringLiteral("本月一"), QDate(2023, 12, 1))));
        QVERIFY(!m_store->save(leadFiled(QStringLiteral("本月二"), QDate(2023, 12, 15))));
        QVERIFY(!m_store->save(leadFiled(QStringLiteral("上月"), QDate(2023, 11, 30))));
        QJsonObject noIntention = leadFiled(QStringLiteral("无意向"), QDate(2023, 12, 2));
        noIntention.remove(QStringLiteral("intention"));
        QVERIFY(!m_store->save(noIntention));
        QVERIFY(!m_store->save(test::with(test::lead(QStringLiteral("PGO"), Person, QStringLiteral("别的单位")), QStringLiteral("filed"), QStringLiteral("2023-12-03"))));
        QCOMPARE(m_app->scores.homeSummary().value(QStringLiteral("leadsThisMonth")).toInt(), 2);
    }

    // Switching language describes the rows again in the new language (a milestone's title was
    // frozen in the first language once) and renames the person's unit.
    void theListsTextsFollowTheLanguage()
    {
        QJsonObject signing = QJsonObject::fromVariantMap(fresh(QStringLiteral("milestone")));
        signing.insert(QStringLiteral("project"), test::newId());
        QVERIFY(!m_store->save(signing));
        RecordListModel milestones;
        QAbstractItemModelTester tester(&milestones, QAbstractItemModelTester::FailureReportingMode::Fatal);
        milestones.setKind(QStringLiteral("milestone"));
        milestones.setStore(m_store.get());
        QCOMPARE(column(milestones, RecordListModel::TitleRole), QStringList{QStringLiteral("签约")});
        QCOMPARE(m_app->session.unitName(), m_scheme.unit(ledger::UnitCode(Unit))->name);

        QSignalSpy rows(&milestones, &QAbstractItemModel::dataChanged);
        QSignalSpy unitName(&m_app->session, &Session::unitNameChanged);
        m_app->settings.setLanguage(QStringLiteral("en"));
        QVERIFY(!rows.isEmpty());
        QVERIFY(!unitName.isEmpty());
        QCOMPARE(column(milestones, RecordListModel::TitleRole), QStringList{QStringLiteral("Signed")});
        QCOMPARE(milestones.data(milestones.index(0), RecordListModel::ReviewStateTextRole).toString(), QStringLiteral("Awaiting recognition"));
        QCOMPARE(m_app->session.unitName(), m_scheme.unit(ledger::UnitCode(Unit))->nameEn);

        m_app->settings.setLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(column(milestones, RecordListModel::TitleRole), QStringList{QStringLiteral("签约")});
    }

    void theInboxOffersWhatTheReviewTableAllows()
    {
        // Staff make no reviewer's decisions.
        QVERIFY(!m_app->session.isReviewer());
        QVERIFY(m_app->session.reviewActions(QStringLiteral("submitted")).isEmpty());

        // A reviewer: every decision from "submitted", with the table's reasons and evidence check.
        StoredSession reviewer = m_store->session();
        reviewer.user.insert(QStringLiteral("roles"), QJsonArray{QStringLiteral("reviewer")});
        QVERIFY(!m_store->setSession(reviewer));
        QVERIFY(m_app->session.isReviewer());
        auto actions = [&](const char *state) {
            QStringList out;
            for (const QVariant &a : m_app->session.reviewActions(QString::fromLatin1(state)))
                out << a.toMap().value(QStringLiteral("action")).toString();
            return out;
        };
        QCOMPARE(actions("submitted"), (QStringList{QStringLiteral("recognise"), QStringLiteral("return"), QStringLiteral("revoke")}));
        QCOMPARE(actions("recognised"), (QStringList{QStringLiteral("return"), QStringLiteral("revoke")}));
        QCOMPARE(actions("returned"), QStringList{QStringLiteral("revoke")});
        QVERIFY(actions("revoked").isEmpty());
        QVERIFY(actions("no-such-state").isEmpty());
        const QVariantMap recognise = m_app->session.reviewActions(QStringLiteral("submitted")).first().toMap();
        QCOMPARE(recognise.value(QStringLiteral("label")).toString(), QStringLiteral("认定"));
        QCOMPARE(recognise.value(QStringLiteral("checksEvidence")).toBool(), true);
        QCOMPARE(recognise.value(QStringLiteral("needsReason")).toBool(), false);
        QCOMPARE(m_app->session.reviewActions(QStringLiteral("submitted")).at(1).toMap().value(QStringLiteral("needsReason")).toBool(), true);
    }

    // The inbox shows why a record does not count, what it lacks and what its flags mean from their
    // codes, in the person's language; the server's words are never shown when there is a code.
    void theInboxWordsTheServersCodes()
    {
        auto coded = [](const QString &field, ledger::ErrorCode code, const QStringList &args = {}) {
            QJsonObject json = ledger::toJson(ledger::FieldError(field, code, args));
            json.insert(QStringLiteral("message"), QStringLiteral("the server's words"));
            return json;
        };
        QJsonObject flag = coded(QStringLiteral("checkIn.flags"), ledger::ErrorCode::FarFromSite, {QStringLiteral("500")});
        flag.insert(QStringLiteral("flag"), QStringLiteral("far_from_site"));
        const QJsonObject lead = test::lead(Unit, Person, QStringLiteral("无意向的企业"));
        const QJsonObject record{{QStringLiteral("entity"), lead},
                                 {QStringLiteral("authorName"), QStringLiteral("张伟")},
                                 {QStringLiteral("whyNotCounting"), QJsonArray{coded(QStringLiteral("review"), ledger::ErrorCode::AwaitingReview)}},
                                 {QStringLiteral("missingEvidence"), QJsonArray{coded(QStringLiteral("intention"), ledger::ErrorCode::LeadNoIntention)}},
                                 {QStringLiteral("checkInFlags"), QJsonArray{flag}}};
        auto first = [](const QVariantMap &shown, const char *key) { return shown.value(QString::fromLatin1(key)).toList().value(0).toMap(); };

        const QVariantMap shown = m_app->reviewInbox.present(record);
        QCOMPARE(first(shown, "whyNotCounting").value(QStringLiteral("message")).toString(), QStringLiteral("待招商服务局认定"));
        QCOMPARE(first(shown, "missingEvidence").value(QStringLiteral("message")).toString(), QStringLiteral("没有明确的投资意向，不属于有价值的招商引资信息"));
        QCOMPARE(first(shown, "missingEvidence").value(QStringLiteral("field")).toString(), QStringLiteral("intention"));
        QCOMPARE(first(shown, "missingEvidence").value(QStringLiteral("code")).toString(), QStringLiteral("lead_no_intention"));
        QCOMPARE(first(shown, "checkInFlags").value(QStringLiteral("message")).toString(), QStringLiteral("距企业注册地址超过500米"));
        QCOMPARE(first(shown, "checkInFlags").value(QStringLiteral("flag")).toString(), QStringLiteral("far_from_site"));
        QCOMPARE(shown.value(QStringLiteral("authorName")).toString(), QStringLiteral("张伟"));
        QVERIFY(!shown.value(QStringLiteral("description")).toString().isEmpty());

        // Words without a code (an older server) are shown as they came.
        const QJsonObject wordsOnly{{QStringLiteral("entity"), lead},
                                    {QStringLiteral("missingEvidence"), QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("intention")},
                                                                                               {QStringLiteral("message"), QStringLiteral("缺少意向")}}}}};
        QCOMPARE(first(m_app->reviewInbox.present(wordsOnly), "missingEvidence").value(QStringLiteral("message")).toString(), QStringLiteral("缺少意向"));

        EnglishNoIntention english;
        QVERIFY(QCoreApplication::installTranslator(&english));
        const QString inEnglish = first(m_app->reviewInbox.present(record), "missingEvidence").value(QStringLiteral("message")).toString();
        QCoreApplication::removeTranslator(&english);
        QCOMPARE(inEnglish, QStringLiteral("no clear intention to invest"));
    }
};

QTEST_MAIN(TestAppModels)

#include "tst_appmodels.moc"
