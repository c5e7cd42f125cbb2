// The push path as it is made fast: a batch's upserts prepared before the write lock on two
// threads (their refusals still given in the batch's order), a batch of new records logged as one
// audit entry whose state lists each record's state (the replay still finds every tampering with
// any of them), and a record created and edited in one batch logged as both.
#include "serverfixture.h"

#include <QJsonArray>

using namespace syncserver;
using namespace syncserver::test;

namespace {

// The audit log as (action, entity, state) rows, oldest first.
struct Row
{
    qint64 id;
    QString action;
    QString entity;
    QByteArray state;
};

QList<Row> auditRows(Store &store)
{
    return store.read([](ledger::Database &db) {
        QList<Row> rows;
        ledger::Statement s = db.prepare(QStringLiteral("SELECT id, action, entity_id, state FROM audit ORDER BY id"));
        while (s.step())
            rows.append(Row{s.columnInt64(0), s.columnText(1), s.columnText(2), s.columnBlob(3)});
        return rows;
    });
}

void exec(Store &store, const QString &sql)
{
    store.write([&](ledger::Database &db) { db.exec(sql); });
}

} // namespace

class TestPushPath : public QObject
{
    Q_OBJECT

private slots:
    void aBatchOfNewRecordsIsOneEntryCoveringEach()
    {
        Fixture f;
        Client staff = f.signIn("pgo1");
        QList<QJsonObject> leads;
        for (int i = 0; i < 3; ++i)
            leads << leadJson(staff, QStringLiteral("PGO"));
        const qint64 before = auditRows(f.server->store()).size();
        const Reply r = f.push(staff, leads);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("applied")).toInt(), 3);

        const QList<Row> rows = auditRows(f.server->store());
        QCOMPARE(rows.size(), before + 1);
        const Row &entry = rows.last();
        QCOMPARE(entry.action, QStringLiteral("create"));
        QCOMPARE(entry.entity, QString());
        const QJsonArray states = QJsonDocument::fromJson(entry.state).array();
        QCOMPARE(states.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject s = states.at(i).toObject();
            QCOMPARE(s.value(QStringLiteral("id")).toString(), leads.at(i).value(QStringLiteral("id")).toString());
            QCOMPARE(s.value(QStringLiteral("kind")).toString(), QStringLiteral("lead"));
            QCOMPARE(s.value(QStringLiteral("review")).toString(), QStringLiteral("submitted"));
            QCOMPARE(s.value(QStringLiteral("sha256")).toString().size(), 64);
        }
        QVERIFY2(f.server->store().verifyAudit().isEmpty(), qPrintable(f.server->store().verifyAudit().join(u'\n')));
        QVERIFY2(f.server->store().replayAudit().isEmpty(), qPrintable(f.server->store().replayAudit().join(u'\n')));

        // Each record of the entry is checked on its own: the second one's content edited is named,
        // with the entry that recorded it.
        const QString second = leads.at(1).value(QStringLiteral("id")).toString();
        exec(f.server->store(), QStringLiteral("UPDATE entities SET json = json_set(json, '$.intention', '无') WHERE id = '%1'").arg(second));
        const QStringList problems = f.server->store().replayAudit();
        QCOMPARE(problems, QStringList{QStringLiteral("entity %1's content differs from what audit entry %2 recorded").arg(second).arg(entry.id)});
        // And one of them gone.
        const QString third = leads.at(2).value(QStringLiteral("id")).toString();
        exec(f.server->store(), QStringLiteral("DELETE FROM entities WHERE id = '%1'").arg(third));
        QVERIFY2(f.server->store().replayAudit().contains(
                     QStringLiteral("entity %1 is missing from the entities table, but audit entry %2 recorded it").arg(third).arg(entry.id)),
                 qPrintable(f.server->store().replayAudit().join(u'\n')));
    }

    void anEditedStateInTheSharedEntryBreaksTheChain()
    {
        Fixture f;
        Client staff = f.signIn("pgo1");
        QCOMPARE(f.push(staff, {leadJson(staff, QStringLiteral("PGO")), leadJson(staff, QStringLiteral("PGO"))}).status, 200);
        const Row entry = auditRows(f.server->store()).last();
        QByteArray state = entry.state;
        state.replace("submitted", "recognised");
        exec(f.server->store(), QStringLiteral("DROP TRIGGER audit_no_update; UPDATE audit SET state = '%1' WHERE id = %2")
                                    .arg(QString::fromUtf8(state)).arg(entry.id));
        QVERIFY2(f.server->store().verifyAudit().contains(QStringLiteral("audit entry %1 was changed after it was written (its hash does not match)").arg(entry.id)),
                 qPrintable(f.server->store().verifyAudit().join(u'\n')));
    }

    void aRecordCreatedAndEditedInOneBatchIsLoggedAsBoth()
    {
        Fixture f;
        Client staff = f.signIn("pgo1");
        QJsonObject lead = leadJson(staff, QStringLiteral("PGO"));
        const QString id = lead.value(QStringLiteral("id")).toString();
        QJsonObject edited = lead;
        edited.insert(QStringLiteral("intention"), QStringLiteral("拟扩建二期"));
        QJsonArray mutations;
        mutations.append(QJsonObject{{QStringLiteral("n"), 1}, {QStringLiteral("op"), QStringLiteral("upsert")}, {QStringLiteral("entity"), lead},
                                     {QStringLiteral("baseVersion"), 0}});
        mutations.append(QJsonObject{{QStringLiteral("n"), 2}, {QStringLiteral("op"), QStringLiteral("upsert")}, {QStringLiteral("entity"), edited},
                                     // a base past the creation, so that the edit applies rather than conflicting with it
                                     {QStringLiteral("baseVersion"), 1000000}, {QStringLiteral("changed"), QJsonArray{QStringLiteral("intention")}}});
        const Reply r = f.pushRaw(staff, mutations);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("applied")).toInt(), 2);
        const qint64 created = r.json.value(QStringLiteral("results")).toArray().at(0).toObject().value(QStringLiteral("version")).toInteger();
        const qint64 updated = r.json.value(QStringLiteral("results")).toArray().at(1).toObject().value(QStringLiteral("version")).toInteger();
        QVERIFY(updated > created);

        const QList<Row> rows = auditRows(f.server->store());
        QCOMPARE(rows.at(rows.size() - 2).action, QStringLiteral("create"));
        QCOMPARE(rows.at(rows.size() - 2).entity, id);
        QCOMPARE(QJsonDocument::fromJson(rows.at(rows.size() - 2).state).object().value(QStringLiteral("seq")).toInteger(), created);
        QCOMPARE(rows.last().action, QStringLiteral("update"));
        QCOMPARE(QJsonDocument::fromJson(rows.last().state).object().value(QStringLiteral("seq")).toInteger(), updated);
        QVERIFY2(f.server->store().replayAudit().isEmpty(), qPrintable(f.server->store().replayAudit().join(u'\n')));
    }

    void refusalsOfABigBatchComeInItsOrder()
    {
        // 200 mutations: prepared on two threads. Bad ones in both halves are rejected where they
        // stand, their entries between the creations around them, and the rest applied.
        Fixture f;
        Client staff = f.signIn("pgo1");
        QList<QJsonObject> leads;
        for (int i = 0; i < 200; ++i)
            leads << leadJson(staff, QStringLiteral("PGO"));
        leads[40].insert(QStringLiteral("expectedInvestment"), QStringLiteral("lots"));
        leads[150] = leadJson(staff, QStringLiteral("EEE")); // another unit's: checkMayWrite refuses
        const Reply r = f.push(staff, leads);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("applied")).toInt(), 198);
        QCOMPARE(r.json.value(QStringLiteral("rejected")).toInt(), 2);
        const QJsonArray results = r.json.value(QStringLiteral("results")).toArray();
        for (int i = 0; i < 200; ++i) {
            const QJsonObject res = results.at(i).toObject();
            QCOMPARE(res.value(QStringLiteral("n")).toInteger(), i + 1);
            const bool bad = i == 40 || i == 150;
            QCOMPARE(res.value(QStringLiteral("status")).toString(), bad ? QStringLiteral("rejected") : QStringLiteral("applied"));
        }
        QCOMPARE(results.at(40).toObject().value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
                 QStringLiteral("entity.expectedInvestment"));
        QCOMPARE(results.at(150).toObject().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("forbidden"));
        // The log: 40 created, the refusal, 109 created, the refusal, 49 created.
        QStringList shape;
        for (const Row &row : auditRows(f.server->store())) {
            if (row.action == u"create")
                shape << QStringLiteral("create×%1").arg(row.state.startsWith('[') ? QJsonDocument::fromJson(row.state).array().size() : 1);
            else if (row.action == u"reject")
                shape << row.action;
        }
        QCOMPARE(shape, (QStringList{QStringLiteral("create×40"), QStringLiteral("reject"), QStringLiteral("create×109"), QStringLiteral("reject"),
                                     QStringLiteral("create×49")}));
        QVERIFY2(f.server->store().replayAudit().isEmpty(), qPrintable(f.server->store().replayAudit().join(u'\n')));
        // Sent again: every answer as it was, and nothing written twice.
        Client again = staff;
        again.nextMutation = 1;
        const qint64 entries = auditRows(f.server->store()).size();
        const Reply retry = f.push(again, leads);
        QCOMPARE(retry.json.value(QStringLiteral("skipped")).toInt(), 200);
        QCOMPARE(retry.json.value(QStringLiteral("results")).toArray().at(40).toObject().value(QStringLiteral("original")).toString(), QStringLiteral("rejected"));
        QCOMPARE(retry.json.value(QStringLiteral("results")).toArray().at(41).toObject().value(QStringLiteral("version")),
                 results.at(41).toObject().value(QStringLiteral("version")));
        QCOMPARE(auditRows(f.server->store()).size(), entries);
    }
};

QTEST_GUILESS_MAIN(TestPushPath)
#include "tst_pushpath.moc"
