// The outbox on its own, over a fresh store schema in memory: one rule for queueing upserts and
// deletes (an unsent upsert absorbs the next edit, a sent one does not), numbers without gaps that
// roll back with the transaction, batches, attempts, the changed fields pending, and the requeue
// after a 409 gap (resend what is kept, or renumber).
#include "localschema.h"
#include "metatable.h"
#include "outbox.h"

#include "ledger/database.h"

#include <QJsonArray>
#include <QTest>

using namespace mobile;

namespace {

const QString A = QStringLiteral("0b7e9f52-1c3d-4e5f-8a9b-0c1d2e3f4a5b");
const QString B = QStringLiteral("1c8f0a63-2d4e-4f60-9bac-1d2e3f4a5b6c");

// The two kinds of edit, as LocalStore queues them.
struct Upsert
{
    QString id;
    QStringList changed;
    qint64 base = 0;
    QString name = QStringLiteral("豫北新材料");
};
struct Deletion
{
    QString id;
    qint64 base = 0;
};

// A store's schema in memory with the outbox over it.
struct Fixture
{
    Fixture()
        : db(ledger::Database::open(QStringLiteral(":memory:")))
    {
        db.migrate(LocalSchema::migrations());
    }
    void enqueue(const Upsert &u)
    {
        outbox.enqueueUpsert(u.id, QJsonObject{{QStringLiteral("id"), u.id}, {QStringLiteral("name"), u.name}}, u.base, u.changed);
    }
    void enqueue(const Deletion &d) { outbox.enqueueDelete(d.id, d.base); }
    // Each call in its own transaction, as LocalStore runs them.
    template<class F>
    void inTransaction(F &&f)
    {
        ledger::Transaction tx(db);
        f();
        tx.commit();
    }
    ledger::Database db;
    MetaTable meta{db};
    Outbox outbox{db, meta};
};

QList<qint64> numbers(const QList<OutboxEntry> &entries)
{
    QList<qint64> out;
    for (const OutboxEntry &e : entries)
        out << e.n;
    return out;
}

} // namespace

class TestOutbox : public QObject
{
    Q_OBJECT

private slots:
    void editsOfDifferentEntitiesGetConsecutiveNumbers()
    {
        Fixture f;
        QCOMPARE(f.outbox.lastNumber(), 0);
        f.inTransaction([&] { f.enqueue(Upsert{A, {QStringLiteral("name")}}); });
        f.inTransaction([&] { f.enqueue(Upsert{B, {QStringLiteral("name")}, 4}); });
        f.inTransaction([&] { f.enqueue(Deletion{QStringLiteral("gone"), 9}); });
        QCOMPARE(f.outbox.count(), 3);
        QCOMPARE(f.outbox.lastNumber(), 3);
        const QList<OutboxEntry> all = f.outbox.batch(10);
        QCOMPARE(numbers(all), (QList<qint64>{1, 2, 3}));
        QCOMPARE(all.at(1).entityId, B);
        QCOMPARE(all.at(1).baseVersion, 4);
        QCOMPARE(all.at(2).op, OpDelete);
        QCOMPARE(all.at(2).baseVersion, 9);
        QVERIFY(all.at(2).entity.isEmpty());
        QVERIFY(all.at(2).changed.isEmpty());
        QCOMPARE(numbers(f.outbox.batch(2)), (QList<qint64>{1, 2}));
        QVERIFY(f.outbox.batch(0).isEmpty());
    }

    void aNumberRollsBackWithItsTransaction()
    {
        Fixture f;
        {
            ledger::Transaction tx(f.db);
            f.enqueue(Upsert{A, {QStringLiteral("name")}});
            QCOMPARE(f.outbox.lastNumber(), 1); // visible inside the transaction…
        } // …and gone with it
        QCOMPARE(f.outbox.lastNumber(), 0);
        QCOMPARE(f.outbox.count(), 0);
        f.inTransaction([&] { f.enqueue(Upsert{A, {QStringLiteral("name")}}); });
        QCOMPARE(f.outbox.batch(1).first().n, 1); // no gap left behind
    }

    void anUnsentUpsertAbsorbsTheNextEdit()
    {
        Fixture f;
        f.inTransaction([&] { f.enqueue(Upsert{A, {QStringLiteral("source")}, 5}); });
        f.inTransaction([&] { f.enqueue(Upsert{A, {QStringLiteral("intention"), QStringLiteral("source")}, 7, QStringLiteral("第二版")}); });
        const QList<OutboxEntry> all = f.outbox.batch(10);
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().n, 1);
        QCOMPARE(all.first().changed, (QStringList{QStringLiteral("intention"), QStringLiteral("source")}));
        QCOMPARE(all.first().entity.value(u"name").toString(), QStringLiteral("第二版"));
        QCOMPARE(all.first().baseVersion, 5); // what the first edit started from
        QCOMPARE(f.outbox.lastNumber(), 1);
    }

    void aSentEntryIsNotAbsorbed()
    {
        Fixture f;
        f.inTransaction([&] { f.enqueue(Upsert{A, {QStringLiteral("source")}, 5}); });
        f.inTransaction([&] { f.outbox.markAttempted({1}); });
        f.inTransaction([&] { f.enqueue(Upsert{A, {QStringLiteral("intention")}, 5, QStringLiteral("第二版")}); });
        const QList<OutboxEntry> all = f.outbox.batch(10);
        QCOMPARE(numbers(all), (QList<qint64>{1, 2}));
        QCOMPARE(all.at(0).attempts, 1);
        QCOMPARE(all.at(0).entity.value(u"name").toString(), QStringLiteral("豫北新材料")); // as sent
        QCOMPARE(all.at(0).changed, QStringList{QStringLiteral("source")});
        QCOMPARE(all.at(1).attempts, 0);
        QCOMPARE(all.at(1).changed, QStringList{QStringLiteral("intention")});
        // The entity's pending upserts edit both fields.
        QCOMPARE(f.outbox.pendingChangedFields(A), (QStringList{QStringLiteral("intention"), QStringLiteral("source")}));
        QVERIFY(f.outbox.pendingChangedFields(B).isEmpty());
    }

    void aDeleteReplacesAnUnsentUpsertAndKeepsItsNumber()
    {
        Fixture f;
        f.inTransaction([&] { f.enqueue(Upsert{B, {QStringLiteral("name")}}); });
        f.inTransaction([&] { f.enqueue(Upsert{A, {QStringLiteral("name")}, 3}); });
        f.inTransaction([&] { f.enqueue(Deletion{A, 8}); });
        const QList<OutboxEntry> all = f.outbox.batch(10);
        QCOMPARE(numbers(all), (QList<qint64>{1, 2}));
        QCOMPARE(all.at(1).op, OpDelete);
        QCOMPARE(all.at(1).baseVersion, 3);
        QVERIFY(all.at(1).entity.isEmpty());
        QVERIFY(all.at(1).changed.isEmpty());
        QCOMPARE(all.at(1).toMutation().value(u"id").toString(), A);
        QVERIFY(f.outbox.pendingChangedFields(A).isEmpty()); // a delete edits no fields
        QCOMPARE(f.outbox.lastNumber(), 2);
    }

    void aDeleteAfterASentUpsertGetsANumberOfItsOwn()
    {
        Fixture f;
        f.inTransaction([&] { f.enqueue(Upsert{A, {QStringLiteral("name")}, 3}); });
        f.inTransaction([&] { f.outbox.markAttempted({1}); });
        f.inTransaction([&] { f.enqueue(Deletion{A, 3}); });
        const QList<OutboxEntry> all = f.outbox.batch(10);
        QCOMPARE(numbers(all), (QList<qint64>{1, 2}));
        QCOMPARE(all.at(0).op, OpUpsert);
        QCOMPARE(all.at(1).op, OpDelete);
        // Nothing absorbs into a delete either.
        f.inTransaction([&] { f.enqueue(Upsert{A, {QStringLiteral("name")}, 3}); });
        QCOMPARE(f.outbox.batch(10).last().n, 3);
    }

    void requeueRefusesWhatIsNoGap()
    {
        Fixture f;
        f.inTransaction([&] { f.enqueue(Upsert{A, {QStringLiteral("name")}}); });
        for (qint64 expected : {qint64(0), qint64(1), qint64(2)}) {
            ledger::Transaction tx(f.db);
            const auto r = f.outbox.requeueFrom(expected);
            QVERIFY(!r);
            QCOMPARE(r.error().field, QStringLiteral("expected"));
            QVERIFY(r.error().message.contains(QString::number(expected)));
        }
    }

    void requeueResendsTheKeptConfirmedOnes()
    {
        Fixture f;
        for (const QString &id : {A, B, A})
            f.inTransaction([&] {
                f.enqueue(Upsert{id, {QStringLiteral("name")}});
                f.outbox.markAttempted({f.outbox.lastNumber()});
            });
        // The server confirmed 1 and 2 (kept in "sent"), 3 waits.
        f.db.exec(QStringLiteral("INSERT INTO sent SELECT n, op, entity_id, json, base_version, changed_fields, 'applied' FROM outbox WHERE n < 3;"
                                 "DELETE FROM outbox WHERE n < 3"));
        QStringList resent;
        f.inTransaction([&] {
            const auto r = f.outbox.requeueFrom(1);
            QVERIFY(r);
            resent = r.value();
        });
        resent.sort();
        QStringList both{A, B};
        both.sort();
        QCOMPARE(resent, both);
        QCOMPARE(numbers(f.outbox.batch(10)), (QList<qint64>{1, 2, 3}));
        QCOMPARE(f.outbox.batch(10).first().attempts, 1); // sent before: never absorbs an edit
        QCOMPARE(f.outbox.lastNumber(), 3);
        ledger::Statement kept = f.db.prepare(QStringLiteral("SELECT count(*) FROM sent"));
        kept.step();
        QCOMPARE(kept.columnInt64(0), 0);
    }

    void requeueRenumbersWhenTheConfirmedOnesAreGone()
    {
        Fixture f;
        for (const QString &id : {A, B, A, B})
            f.inTransaction([&] { f.enqueue(Deletion{id}); });
        f.db.exec(QStringLiteral("DELETE FROM outbox WHERE n < 3")); // confirmed, and no longer kept
        f.inTransaction([&] {
            const auto r = f.outbox.requeueFrom(2);
            QVERIFY(r);
            QVERIFY(r.value().isEmpty());
        });
        const QList<OutboxEntry> all = f.outbox.batch(10);
        QCOMPARE(numbers(all), (QList<qint64>{2, 3}));
        QCOMPARE(all.at(0).entityId, A);
        QCOMPARE(f.outbox.lastNumber(), 3);
        f.inTransaction([&] { f.enqueue(Upsert{QStringLiteral("new"), {QStringLiteral("name")}}); });
        QCOMPARE(f.outbox.batch(10).last().n, 4);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
