// The device's local store as a whole: validation through the shared wire format, the entity and
// its outbox entry written together or not at all (a throwing failpoint, a process killed inside
// the transaction and at random moments), coalescing and changed fields, a schema migration that
// keeps the outbox and the decoded ledger. Push answers, pull pages and the gap: tst_storesync;
// the parts on their own: tst_outbox, tst_entityqueries, tst_attachmentstore, tst_sessionstore.
#include "localstore.h"
#include "storetesting.h"
#include "testentities.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>
#include <stdexcept>

using namespace mobile;
using namespace mobile::test;

namespace {

// A line protocol with the helper process: "saving <id> <source>" then "saved".
struct WriterLog
{
    QHash<QString, QString> confirmed; // id → source of its last confirmed save
    QString inFlightId, inFlightSource; // the save that had begun when the process died
};

WriterLog parseWriter(const QByteArray &output)
{
    WriterLog log;
    QString id, source;
    for (const QByteArray &raw : output.split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.startsWith(u"saving ")) {
            id = line.section(u' ', 1, 1);
            source = line.section(u' ', 2);
        } else if (line == u"saved") {
            log.confirmed.insert(id, source);
            id.clear();
        }
    }
    // The last line may have been cut by the kill; only a complete "saving" line counts.
    if (!id.isEmpty() && output.endsWith('\n')) {
        log.inFlightId = id;
        log.inFlightSource = source;
    } else if (!id.isEmpty()) {
        log.inFlightId = id; // its source is unknown: either value is acceptable
    }
    return log;
}

} // namespace

class TestLocalStore : public QObject
{
    Q_OBJECT

private slots:
    void opensWithADeviceIdThatStays()
    {
        QTemporaryDir dir;
        QString id;
        {
            LocalStore store(dir.path());
            QVERIFY2(store.isOpen(), qPrintable(store.openError()));
            QCOMPARE(store.schemaVersion(), LocalStore::SchemaVersion);
            id = store.deviceId();
            QVERIFY(ledger::PersonId::parse(id)); // a canonical lower-case UUID
            QCOMPARE(store.lastMutationNumber(), 0);
            QCOMPARE(store.pullCursor(), 0);
        }
        LocalStore again(dir.path());
        QCOMPARE(again.deviceId(), id);
        QTemporaryDir other;
        QVERIFY(LocalStore(other.path()).deviceId() != id);
    }

    void saveRefusesBadInputAndWritesNothing_data()
    {
        QTest::addColumn<QJsonObject>("input");
        QTest::addColumn<QString>("field");
        const QJsonObject lead = aLead();
        QJsonObject nameless = lead;
        nameless.remove(QStringLiteral("enterpriseName"));
        QTest::newRow("impossible date") << with(lead, QStringLiteral("filed"), QStringLiteral("2023-02-30")) << QStringLiteral("filed");
        QTest::newRow("unknown currency") << with(lead, QStringLiteral("expectedInvestment"), QJsonObject{{QStringLiteral("currency"), QStringLiteral("EUR")}, {QStringLiteral("amount"), QStringLiteral("1.00")}})
                                          << QStringLiteral("expectedInvestment.currency");
        QTest::newRow("lower-case unit") << with(lead, QStringLiteral("credit"), QJsonObject{{QStringLiteral("unit"), QStringLiteral("pgo")}, {QStringLiteral("people"), QJsonArray()}})
                                         << QStringLiteral("credit.unit");
        QTest::newRow("missing name") << nameless << QStringLiteral("enterpriseName");
        QTest::newRow("unknown kind") << with(lead, QStringLiteral("kind"), QStringLiteral("meeting")) << QStringLiteral("kind");
        QTest::newRow("mistyped credit code") << with(test::enterprise(QStringLiteral("新华精细化工")), QStringLiteral("creditCode"), QStringLiteral("91410700MA44Q8KJ3A"))
                                              << QStringLiteral("creditCode");
        QTest::newRow("a person") << QJsonObject{{QStringLiteral("v"), 1}, {QStringLiteral("id"), test::newId()}, {QStringLiteral("name"), QStringLiteral("孙丽")},
                                                 {QStringLiteral("unit"), Pgo}, {QStringLiteral("roles"), QJsonArray()}, {QStringLiteral("active"), true}}
                                  << QStringLiteral("roles");
    }
    void saveRefusesBadInputAndWritesNothing()
    {
        QFETCH(QJsonObject, input);
        QFETCH(QString, field);
        QTemporaryDir dir;
        LocalStore store(dir.path());
        Spies spies(store);
        const auto error = store.save(input);
        QVERIFY(error);
        QCOMPARE(error->field, field);
        QVERIFY(!error->message.isEmpty());
        QVERIFY(!store.entity(idOf(input)));
        QCOMPARE(store.pendingCount(), 0);
        QCOMPARE(store.lastMutationNumber(), 0);
        QCOMPARE(spies.changed.count(), 0);
        QCOMPARE(spies.pending.count(), 0);

        // A bad edit of a stored entity leaves the stored copy and its outbox entry as they were.
        const QJsonObject good = aLead();
        QVERIFY(!store.save(good));
        const QJsonObject before = store.entity(idOf(good))->json;
        const auto refused = store.save(with(good, QStringLiteral("filed"), QStringLiteral("not a date")));
        QVERIFY(refused);
        QCOMPARE(refused->field, QStringLiteral("filed"));
        QCOMPARE(store.entity(idOf(good))->json, before);
        QCOMPARE(store.outboxBatch(10).size(), 1);
        QCOMPARE(store.outboxBatch(10).first().entity, before);
    }

    void saveWritesTheEntityAndOneOutboxEntry()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        Spies spies(store);
        QSignalSpy kinds(&store, &LocalStore::entitiesChanged);
        QJsonObject lead = aLead();
        lead.remove(QStringLiteral("review")); // the app need not say it: a new record is submitted
        // A field the wire format does not have is refused by its name (docs/wire-format.md), not kept.
        lead.insert(QStringLiteral("fromANewerBuild"), true);
        const auto refused = store.save(lead);
        QVERIFY(refused);
        QCOMPARE(refused->field, QStringLiteral("fromANewerBuild"));
        lead.remove(QStringLiteral("fromANewerBuild"));
        QVERIFY(!store.save(lead));

        const auto stored = store.entity(idOf(lead));
        QVERIFY(stored);
        QCOMPARE(stored->kind, QStringLiteral("lead"));
        QCOMPARE(stored->serverVersion, 0);
        QVERIFY(stored->localChanges);
        QVERIFY(stored->rejectedReason.isEmpty());
        QCOMPARE(stored->json.value(u"review").toObject().value(u"state").toString(), QStringLiteral("submitted"));
        QVERIFY(!stored->json.contains(u"fromANewerBuild"));

        const QList<OutboxEntry> outbox = store.outboxBatch(10);
        QCOMPARE(outbox.size(), 1);
        QCOMPARE(outbox.first().n, 1);
        QCOMPARE(outbox.first().op, QStringLiteral("upsert"));
        QCOMPARE(outbox.first().entityId, idOf(lead));
        QCOMPARE(outbox.first().entity, stored->json);
        QCOMPARE(outbox.first().baseVersion, 0);
        QCOMPARE(outbox.first().attempts, 0);
        QCOMPARE(outbox.first().changed, (QStringList{QStringLiteral("credit"), QStringLiteral("enterpriseName"), QStringLiteral("expectedInvestment"),
                                                      QStringLiteral("filed"), QStringLiteral("industry"), QStringLiteral("intention"), QStringLiteral("source")}));
        const QJsonObject m = outbox.first().toMutation();
        QCOMPARE(m.value(u"n").toInteger(), 1);
        QCOMPARE(m.value(u"baseVersion").toInteger(), 0);
        QCOMPARE(m.value(u"entity").toObject(), stored->json);

        QCOMPARE(store.pendingCount(), 1);
        QCOMPARE(store.lastMutationNumber(), 1);
        QCOMPARE(spies.changed.count(), 1);
        QCOMPARE(spies.pending.count(), 1);
        QCOMPARE(spies.pending.first().first().toInt(), 1);
        QCOMPARE(kinds.first().first().toStringList(), QStringList{QStringLiteral("lead")});
        QCOMPARE(inconsistency(dir.path()), QString());
    }

    void changedFieldsAreTheEditedTopLevelFields()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        // The server's copy, version 7, already reviewed.
        const QJsonObject server = asServer(aLead(), QStringLiteral("recognised"));
        QVERIFY(!store.applyPull(page({change(7, server)}, 7)));
        Spies spies(store);

        // The app sends its whole copy; review and author are the server's and never count.
        QJsonObject edit = with(with(server, QStringLiteral("intention"), QStringLiteral("已签订意向协议")), QStringLiteral("source"), QStringLiteral("老乡推介"));
        edit.insert(QStringLiteral("review"), QJsonObject{{QStringLiteral("state"), QStringLiteral("submitted")}});
        edit.remove(QStringLiteral("author"));
        QVERIFY(!store.save(edit));
        const OutboxEntry e = store.outboxBatch(1).first();
        QCOMPARE(e.changed, (QStringList{QStringLiteral("intention"), QStringLiteral("source")}));
        QCOMPARE(e.baseVersion, 7);
        const LocalEntity local = *store.entity(idOf(server));
        QCOMPARE(local.json.value(u"review"), server.value(u"review")); // the device does not decide its review
        QCOMPARE(local.json.value(u"author"), server.value(u"author"));
        QCOMPARE(local.json.value(u"intention").toString(), QStringLiteral("已签订意向协议"));
        QCOMPARE(local.serverVersion, 7);

        // Clearing an optional field is a change too (absent and present differ).
        QJsonObject cleared = local.json;
        cleared.remove(QStringLiteral("industry"));
        QVERIFY(!store.save(cleared));
        QCOMPARE(store.outboxBatch(1).first().changed, (QStringList{QStringLiteral("industry"), QStringLiteral("intention"), QStringLiteral("source")}));
        QCOMPARE(spies.changed.count(), 2);
    }

    void savingWithNothingChangedWritesNothing()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        const QJsonObject server = asServer(aLead());
        QVERIFY(!store.applyPull(page({change(3, server)}, 3)));
        Spies spies(store);
        QVERIFY(!store.save(server));
        // Only server-owned fields differ: still nothing the person changed.
        QVERIFY(!store.save(asServer(server, QStringLiteral("returned"), QStringLiteral("退回"))));
        QCOMPARE(store.pendingCount(), 0);
        QCOMPARE(store.lastMutationNumber(), 0);
        QCOMPARE(spies.changed.count(), 0);
        QVERIFY(!store.entity(idOf(server))->localChanges);
    }

    void unsentEntriesAbsorbLaterEditsSentOnesDoNot()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        const QJsonObject server = asServer(aLead());
        QVERIFY(!store.applyPull(page({change(5, server)}, 5)));

        QVERIFY(!store.save(with(server, QStringLiteral("intention"), QStringLiteral("A"))));
        QJsonObject current = store.entity(idOf(server))->json;
        QVERIFY(!store.save(with(current, QStringLiteral("source"), QStringLiteral("B"))));
        QList<OutboxEntry> outbox = store.outboxBatch(10);
        QCOMPARE(outbox.size(), 1);
        QCOMPARE(outbox.first().n, 1);
        QCOMPARE(outbox.first().changed, (QStringList{QStringLiteral("intention"), QStringLiteral("source")}));
        QCOMPARE(outbox.first().entity.value(u"source").toString(), QStringLiteral("B"));
        QCOMPARE(outbox.first().baseVersion, 5);
        QCOMPARE(store.lastMutationNumber(), 1);

        // Once sent, the server may have applied entry 1: the next edit gets a number of its own.
        QVERIFY(!store.markAttempted({1}));
        current = store.entity(idOf(server))->json;
        QVERIFY(!store.save(with(current, QStringLiteral("industry"), QStringLiteral("new_materials"))));
        current = store.entity(idOf(server))->json;
        QVERIFY(!store.save(with(current, QStringLiteral("enterpriseName"), QStringLiteral("豫北新材料股份有限公司"))));
        outbox = store.outboxBatch(10);
        QCOMPARE(outbox.size(), 2);
        QCOMPARE(outbox.at(0).entity.value(u"industry").toString(), QStringLiteral("fine_chemicals")); // what was sent stays as sent
        QCOMPARE(outbox.at(1).n, 2);
        QCOMPARE(outbox.at(1).changed, (QStringList{QStringLiteral("enterpriseName"), QStringLiteral("industry")}));
        QCOMPARE(store.lastMutationNumber(), 2);

        // Deleting it turns the unsent entry 2 into the delete; no number is used up.
        QVERIFY(!store.remove(idOf(server)));
        outbox = store.outboxBatch(10);
        QCOMPARE(outbox.size(), 2);
        QCOMPARE(outbox.at(1).op, QStringLiteral("delete"));
        QCOMPARE(outbox.at(1).toMutation().value(u"id").toString(), idOf(server));
        QCOMPARE(outbox.at(1).baseVersion, 5);
        QCOMPARE(store.lastMutationNumber(), 2);
        QVERIFY(!store.entity(idOf(server)));
        QVERIFY(store.save(current)); // a deleted entity is not edited back to life by accident
        QCOMPARE(inconsistency(dir.path()), QString());
    }

    void removeQueuesADelete()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        const QJsonObject server = asServer(aLead());
        QVERIFY(!store.applyPull(page({change(9, server)}, 9)));
        QVERIFY(!store.remove(idOf(server)));
        const OutboxEntry e = store.outboxBatch(1).first();
        QCOMPARE(e.op, QStringLiteral("delete"));
        QCOMPARE(e.baseVersion, 9);
        QCOMPARE(store.records().size(), 0);
        QVERIFY(store.remove(idOf(server)));       // already deleted
        QVERIFY(store.remove(test::newId()));      // never here
        QCOMPARE(store.pendingCount(), 1);
    }

    void interruptedTransactionLeavesNeitherHalf_data()
    {
        QTest::addColumn<QString>("point");
        QTest::newRow("new record") << QStringLiteral("new");
        QTest::newRow("edit") << QStringLiteral("edit");
        QTest::newRow("delete") << QStringLiteral("delete");
        QTest::newRow("pull page") << QStringLiteral("pull");
    }
    void interruptedTransactionLeavesNeitherHalf()
    {
        QFETCH(QString, point);
        QTemporaryDir dir;
        LocalStore store(dir.path());
        const QJsonObject first = aLead();
        QVERIFY(!store.save(first));
        const QJsonObject before = store.entity(idOf(first))->json;
        const QJsonArray outboxBefore = mutations(store.outboxBatch(10));
        Spies spies(store);
        // A failure between the entity's write and the outbox entry's (disk full, a bug, …).
        store.setFailpointForTesting([](QStringView where) {
            if (where == u"save:entity-written" || where == u"remove:entity-written" || where == u"pull:applied")
                throw std::runtime_error("forced failure between the two writes");
        });
        const QJsonObject second = aLead(QStringLiteral("第二家企业"));
        std::optional<ledger::FieldError> error;
        if (point == u"new")
            error = store.save(second);
        else if (point == u"edit")
            error = store.save(with(before, QStringLiteral("intention"), QStringLiteral("不该留下")));
        else if (point == u"delete")
            error = store.remove(idOf(first));
        else
            error = store.applyPull(page({change(40, asServer(second))}, 40));
        QVERIFY(error);
        QVERIFY(error->message.contains(u"forced failure"));
        store.setFailpointForTesting({});

        QVERIFY(!store.entity(idOf(second)));
        QVERIFY(store.entity(idOf(first)));
        QCOMPARE(store.entity(idOf(first))->json, before);
        QCOMPARE(mutations(store.outboxBatch(10)), outboxBefore);
        QCOMPARE(store.lastMutationNumber(), 1);
        QCOMPARE(store.pullCursor(), 0);
        QCOMPARE(spies.changed.count(), 0);
        QCOMPARE(inconsistency(dir.path()), QString());
        // And the store goes on working.
        QVERIFY(!store.save(second));
        QCOMPARE(store.lastMutationNumber(), 2);
    }

    void processKilledInsideTheTransactionLeavesNeitherHalf_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("new record") << QStringLiteral("die-in-new");
        QTest::newRow("edit") << QStringLiteral("die-in-edit");
        QTest::newRow("delete") << QStringLiteral("die-in-remove");
        QTest::newRow("pull page") << QStringLiteral("die-in-pull");
    }
    void processKilledInsideTheTransactionLeavesNeitherHalf()
    {
        QFETCH(QString, mode);
        QTemporaryDir dir;
        QProcess writer;
        writer.start(QStringLiteral(STORE_WRITER_BINARY), {dir.path(), mode});
        QVERIFY(writer.waitForFinished(60000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit); // SIGKILL from inside the transaction
        const WriterLog log = parseWriter(writer.readAllStandardOutput());
        QCOMPARE(log.confirmed.size(), 3);

        QCOMPARE(inconsistency(dir.path()), QString());
        LocalStore store(dir.path());
        QVERIFY(store.isOpen());
        QCOMPARE(store.records().size(), 3); // the three confirmed leads, nothing of the fourth
        for (auto it = log.confirmed.begin(); it != log.confirmed.end(); ++it) {
            const auto e = store.entity(it.key());
            QVERIFY(e);
            QCOMPARE(e->json.value(u"source").toString(), it.value()); // the killed edit did not land
        }
        QCOMPARE(store.pendingCount(), 3);
        QCOMPARE(store.lastMutationNumber(), 3);
        for (const OutboxEntry &e : store.outboxBatch(10))
            QCOMPARE(e.op, QStringLiteral("upsert"));
        QCOMPARE(store.pullCursor(), 0);
    }

    void processKilledAtRandomLosesNothingConfirmed_data()
    {
        QTest::addColumn<int>("saves");
        for (int saves : {5, 17, 40, 90, 150})
            QTest::newRow(qPrintable(QStringLiteral("after %1 saves").arg(saves))) << saves;
    }
    void processKilledAtRandomLosesNothingConfirmed()
    {
        QFETCH(int, saves);
        QTemporaryDir dir;
        QProcess writer;
        writer.start(QStringLiteral(STORE_WRITER_BINARY), {dir.path(), QStringLiteral("loop")});
        QVERIFY(writer.waitForStarted());
        QByteArray output;
        while (output.count("saved\n") < saves && writer.state() == QProcess::Running) {
            writer.waitForReadyRead(10000);
            output += writer.readAllStandardOutput();
        }
        QVERIFY(writer.state() == QProcess::Running);
        // Somewhere inside the next save or the one after.
        QTest::qSleep(int(QRandomGenerator::global()->bounded(3)));
        ::kill(pid_t(writer.processId()), SIGKILL);
        QVERIFY(writer.waitForFinished(10000));
        output += writer.readAllStandardOutput();
        const WriterLog log = parseWriter(output);
        QVERIFY(log.confirmed.size() >= 3);

        QCOMPARE(inconsistency(dir.path()), QString());
        LocalStore store(dir.path());
        for (auto it = log.confirmed.begin(); it != log.confirmed.end(); ++it) {
            const auto e = store.entity(it.key());
            QVERIFY2(e, qPrintable(QStringLiteral("confirmed record %1 is lost").arg(it.key())));
            const QString source = e->json.value(u"source").toString();
            // The save in flight may or may not have landed — but wholly or not at all.
            const bool asConfirmed = source == it.value();
            const bool asInFlight = it.key() == log.inFlightId && (log.inFlightSource.isEmpty() || source == log.inFlightSource);
            QVERIFY2(asConfirmed || asInFlight, qPrintable(QStringLiteral("%1 has \"%2\", confirmed \"%3\"").arg(it.key(), source, it.value())));
        }
        const qsizetype extra = store.records().size() - log.confirmed.size();
        QVERIFY(extra == 0 || (extra == 1 && !log.inFlightId.isEmpty() && !log.confirmed.contains(log.inFlightId)));
        // Nothing was sent, so every record is one outbox entry and the numbers run 1..n.
        QCOMPARE(qsizetype(store.pendingCount()), store.records().size());
        QCOMPARE(store.lastMutationNumber(), qint64(store.records().size()));
    }

    void migrationsKeepThePendingOutbox()
    {
        QTemporaryDir dir;
        QJsonArray before;
        QString device;
        QString leadId;
        {
            // A store written by the first release (schema version 1 only).
            LocalStore v1(dir.path(), {LocalStore::schemaMigrations().front()});
            QVERIFY2(v1.isOpen(), qPrintable(v1.openError()));
            QCOMPARE(v1.schemaVersion(), 1);
            const QJsonObject lead = aLead(QStringLiteral("一号"));
            leadId = lead.value(u"id").toString();
            QVERIFY(!v1.save(lead));
            QVERIFY(!v1.save(test::enterprise(QStringLiteral("二号"))));
            QVERIFY(!v1.markAttempted({1}));
            before = mutations(v1.outboxBatch(10));
            device = v1.deviceId();
            QVERIFY(!v1.setSession(StoredSession{QUrl(QStringLiteral("https://ledger.example.cn")), {}, QStringLiteral("a"), QStringLiteral("r")}));
        }
        {
            // This build: version 2 adds the list columns, computed from the rows already there.
            LocalStore current(dir.path());
            QVERIFY2(current.isOpen(), qPrintable(current.openError()));
            QCOMPARE(current.schemaVersion(), LocalStore::SchemaVersion);
            QCOMPARE(current.deviceId(), device);
            QCOMPARE(mutations(current.outboxBatch(10)), before);
            const QList<qint64> keys = current.listKeys({QStringLiteral("lead"), {}, {}, false});
            QCOMPARE(keys.size(), 1);
            QCOMPARE(current.entitiesByKeys(keys).first().id, leadId);
            QCOMPARE(current.listKeys({QStringLiteral("lead"), {}, QStringLiteral("一号"), false}), keys);
        }
        // What a later build would append: a new column and a table, and a step rewriting rows.
        std::vector<ledger::Migration> migrations = LocalStore::schemaMigrations();
        const int later = LocalStore::SchemaVersion + 1;
        migrations.push_back(ledger::Migration{later, QStringLiteral(
            "ALTER TABLE entities ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;"
            "CREATE TABLE bookmarks (id TEXT PRIMARY KEY, json TEXT NOT NULL);"),
            [](ledger::Database &db) { db.exec(QStringLiteral("UPDATE entities SET pinned = 1 WHERE kind = 'enterprise'")); }});
        LocalStore next(dir.path(), migrations);
        QVERIFY2(next.isOpen(), qPrintable(next.openError()));
        QCOMPARE(next.schemaVersion(), later);
        QCOMPARE(next.deviceId(), device);
        QCOMPARE(next.pendingCount(), 2);
        QCOMPARE(mutations(next.outboxBatch(10)), before);
        QCOMPARE(next.outboxBatch(10).first().attempts, 1);
        QCOMPARE(next.lastMutationNumber(), 2);
        QCOMPARE(next.session().refreshToken, QStringLiteral("r"));
        QVERIFY(!next.save(aLead(QStringLiteral("三号"))));
        QCOMPARE(next.lastMutationNumber(), 3);
        QCOMPARE(inconsistency(dir.path()), QString());
    }

    void aNewerDatabaseIsRefusedWithoutThrowing()
    {
        QTemporaryDir dir;
        {
            std::vector<ledger::Migration> migrations = LocalStore::schemaMigrations();
            migrations.push_back(ledger::Migration{LocalStore::SchemaVersion + 1, QStringLiteral("CREATE TABLE later (x INTEGER);")});
            LocalStore newer(dir.path(), migrations);
            QVERIFY(!newer.save(aLead()));
        }
        LocalStore older(dir.path());
        QVERIFY(!older.isOpen());
        QVERIFY(older.openError().contains(u"newer version"));
        const auto error = older.save(aLead());
        QVERIFY(error);
        QVERIFY(error->message.contains(QStringLiteral("本机数据库未打开")));
        QCOMPARE(older.pendingCount(), 0);
        QVERIFY(older.records().isEmpty());
    }

    void ledgerDecodesEverythingLocal()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        const QJsonObject enterprise = test::enterprise(QStringLiteral("豫北新材料"));
        const QJsonObject lead = aLead();
        const QJsonObject visit = test::visit(Pgo, Person, idOf(enterprise), {});
        const QJsonObject deleted = aLead(QStringLiteral("删掉的"));
        const QJsonObject person{{QStringLiteral("v"), 1}, {QStringLiteral("id"), Person}, {QStringLiteral("name"), QStringLiteral("孙丽")},
                                 {QStringLiteral("unit"), Pgo}, {QStringLiteral("roles"), QJsonArray{QStringLiteral("staff")}}, {QStringLiteral("active"), true}};
        QVERIFY(!store.applyPull(page({change(1, person)}, 1)));
        for (const QJsonObject &e : {enterprise, lead, visit, deleted})
            QVERIFY(!store.save(e));
        QVERIFY(!store.remove(idOf(deleted)));

        const ledger::Ledger l = store.ledger();
        QCOMPARE(l.size(), 2);
        QVERIFY(l.find(*ledger::RecordId::parse(idOf(lead))));
        QVERIFY(!l.find(*ledger::RecordId::parse(idOf(deleted))));
        const auto *v = std::get_if<ledger::Visit>(l.find(*ledger::RecordId::parse(idOf(visit))));
        QVERIFY(v);
        QCOMPARE(v->noCheckInReason, QStringLiteral("企业在外地，定位不可用"));
        QCOMPARE(l.enterprise(*ledger::EnterpriseId::parse(idOf(enterprise)))->name, QStringLiteral("豫北新材料"));
        QCOMPARE(l.person(*ledger::PersonId::parse(Person))->name, QStringLiteral("孙丽"));
    }

};

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_localstore.moc"
