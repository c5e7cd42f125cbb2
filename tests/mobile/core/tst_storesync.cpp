// The sync side of the local store, through LocalStore: pull pages (server values, tombstones, the
// person's pending edits kept), push answers (versions, refusals with their reasons, retried
// answers), later edits rebased on the applied version, the 409 gap (resend or renumber), and the
// mutation an enterprise becomes.
#include "localstore.h"
#include "storetesting.h"
#include "testentities.h"

#include "ledger/syncprotocol.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace mobile;
using namespace mobile::test;

namespace {

// An English translation of one text of the shared table (context "ledger"), as the app's
// translation file gives it, to see a refusal worded in the person's language.
class EnglishTooLong : public QTranslator
{
public:
    [[nodiscard]] bool isEmpty() const override { return false; }
    [[nodiscard]] QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (qstrcmp(context, "ledger") == 0 && qstrcmp(sourceText, ledger::sourceText(ledger::ErrorCode::TooLong)) == 0)
            return QStringLiteral("too long: %1 characters, at most %2");
        return {};
    }
};

} // namespace

class TestStoreSync : public QObject
{
    Q_OBJECT

private slots:
    void applyPullTakesServerValuesButKeepsLocalEdits()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        const QJsonObject enterprise = test::enterprise(QStringLiteral("豫北新材料"));
        const QJsonObject l1 = asServer(aLead(QStringLiteral("一号")));
        const QJsonObject l2 = asServer(aLead(QStringLiteral("二号")));
        const QJsonObject person{{QStringLiteral("v"), 1}, {QStringLiteral("id"), Person}, {QStringLiteral("name"), QStringLiteral("孙丽")},
                                 {QStringLiteral("unit"), Pgo}, {QStringLiteral("roles"), QJsonArray{QStringLiteral("staff")}}, {QStringLiteral("active"), true}};
        QSignalSpy kinds(&store, &LocalStore::entitiesChanged);
        QVERIFY(!store.applyPull(page({change(1, enterprise), change(2, l1), change(3, l2), change(4, person)}, 4, true)));
        QCOMPARE(store.pullCursor(), 4);
        QCOMPARE(store.entities(QStringLiteral("enterprise")).size(), 1);
        QCOMPARE(store.entities(QStringLiteral("person")).size(), 1);
        QCOMPARE(store.records().size(), 2);
        QCOMPARE(store.entity(idOf(l1))->serverVersion, 2);
        QVERIFY(!store.entity(idOf(l1))->localChanges);
        QCOMPARE(store.pendingCount(), 0);
        QCOMPARE(kinds.count(), 1);

        // This device edits the intention of l1; meanwhile the server changed its intention, its
        // source and returned it.
        QVERIFY(!store.save(with(l1, QStringLiteral("intention"), QStringLiteral("本机的意向"))));
        QJsonObject serverL1 = with(with(l1, QStringLiteral("intention"), QStringLiteral("服务器的意向")), QStringLiteral("source"), QStringLiteral("服务器的来源"));
        serverL1 = asServer(serverL1, QStringLiteral("returned"), QStringLiteral("请补充投资意向书"));
        QVERIFY(!store.applyPull(page({change(5, serverL1), tombstone(6, idOf(l2), QStringLiteral("lead")), tombstone(7, test::newId(), QStringLiteral("lead"))}, 7)));

        const LocalEntity merged = *store.entity(idOf(l1));
        QCOMPARE(merged.json.value(u"intention").toString(), QStringLiteral("本机的意向"));   // the person's edit stays
        QCOMPARE(merged.json.value(u"source").toString(), QStringLiteral("服务器的来源"));   // the rest is the server's
        QCOMPARE(merged.json.value(u"review").toObject().value(u"reason").toString(), QStringLiteral("请补充投资意向书"));
        QCOMPARE(merged.serverVersion, 5);
        QVERIFY(merged.localChanges);
        QCOMPARE(store.outboxBatch(1).first().baseVersion, 2); // the edit was made on version 2
        QVERIFY(!store.entity(idOf(l2)));
        QCOMPARE(store.pullCursor(), 7);

        // A tombstone for a record with edits still pending keeps it: the push will be refused
        // with a reason the person sees, instead of the edit vanishing.
        QVERIFY(!store.applyPull(page({tombstone(8, idOf(l1), QStringLiteral("lead"))}, 8)));
        QVERIFY(store.entity(idOf(l1)));

        // A malformed page changes nothing.
        QVERIFY(store.applyPull(QJsonObject{{QStringLiteral("changes"), 3}, {QStringLiteral("cursor"), 99}}));
        QVERIFY(store.applyPull(QJsonObject{{QStringLiteral("changes"), QJsonArray()}}));
        QCOMPARE(store.pullCursor(), 8);
        QCOMPARE(inconsistency(dir.path()), QString());
    }

    void markPushedRecordsVersionsReasonsAndOriginals()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        const QJsonObject fine = aLead(QStringLiteral("一号"));
        const QJsonObject foreign = test::lead(QStringLiteral("EEE"), Person, QStringLiteral("外单位的线索"));
        const QJsonObject recognised = asServer(aLead(QStringLiteral("已认定")), QStringLiteral("recognised"));
        const QJsonObject gone = asServer(aLead(QStringLiteral("可删除")));
        QVERIFY(!store.applyPull(page({change(3, recognised), change(4, gone)}, 4)));
        QVERIFY(!store.save(fine));               // 1
        QVERIFY(!store.save(foreign));            // 2
        QVERIFY(!store.remove(idOf(recognised))); // 3
        QVERIFY(!store.remove(idOf(gone)));       // 4
        QVERIFY(!store.markAttempted({1, 2, 3, 4}));
        QCOMPARE(store.outboxBatch(10).first().attempts, 1);
        Spies spies(store);

        QJsonObject skipped = rejected(3, idOf(recognised), QStringLiteral("recognised"), QStringLiteral("a recognised record cannot be deleted"));
        skipped.insert(QStringLiteral("original"), QStringLiteral("rejected"));
        skipped.insert(QStringLiteral("status"), QStringLiteral("skipped"));
        QVERIFY(!store.markPushed(pushAnswer({applied(1, idOf(fine), 10),
                                              rejected(2, idOf(foreign), QStringLiteral("forbidden"), QStringLiteral("you may only write records of your own unit (PGO)")),
                                              skipped, applied(4, idOf(gone), 11)})));
        QCOMPARE(store.pendingCount(), 0);
        QCOMPARE(spies.pending.count(), 1);

        const LocalEntity f = *store.entity(idOf(fine));
        QCOMPARE(f.serverVersion, 10);
        QVERIFY(!f.localChanges);
        QVERIFY(f.rejectedReason.isEmpty());

        // Refused: it stays on the device, with the reason, for its author to fix.
        const LocalEntity r = *store.entity(idOf(foreign));
        QVERIFY(r.rejectedReason.contains(u"own unit (PGO)"));
        QVERIFY(r.rejectedReason.startsWith(QStringLiteral("无权提交")));
        QVERIFY(!r.localChanges);
        // A refused delete brings the record back.
        const LocalEntity back = *store.entity(idOf(recognised));
        QVERIFY(!back.deleted);
        QVERIFY(back.rejectedReason.contains(u"cannot be deleted"));
        QCOMPARE(store.rejected().size(), 2);
        // A confirmed delete is gone for good.
        QVERIFY(!store.entity(idOf(gone)));
        QCOMPARE(inconsistency(dir.path()), QString());

        // Fixing the record clears the reason and queues it again.
        QVERIFY(!store.save(with(r.json, QStringLiteral("credit"), QJsonObject{{QStringLiteral("unit"), Pgo}, {QStringLiteral("people"), QJsonArray{Person}}})));
        QVERIFY(store.entity(idOf(foreign))->rejectedReason.isEmpty());
        QCOMPARE(store.pendingCount(), 1);
        QVERIFY(!store.clearRejection(idOf(recognised)));
        QCOMPARE(store.rejected().size(), 0);

        // Answers for numbers no longer in the outbox (a retried push) change nothing; a malformed
        // answer is refused.
        QVERIFY(!store.markPushed(pushAnswer({applied(1, idOf(fine), 99)})));
        QCOMPARE(store.entity(idOf(fine))->serverVersion, 10);
        QVERIFY(store.markPushed(QJsonObject{{QStringLiteral("results"), QStringLiteral("nope")}}));
    }

    // A refusal by a shared rule comes with its code and values ("detail"): the reason the person
    // reads is worded from the one table, in their language, never the server's words.
    void aCodedRefusalIsWordedFromItsCode()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        const QJsonObject lead = aLead(QStringLiteral("名称"));
        QVERIFY(!store.save(lead)); // 1
        QVERIFY(!store.markAttempted({1}));
        const ledger::FieldError cause(QStringLiteral("enterpriseName"), ledger::ErrorCode::TooLong, {QStringLiteral("201"), QStringLiteral("200")});
        ledger::sync::Error error = ledger::sync::makeError(ledger::sync::Code::Invalid, cause, QStringLiteral("entity"));
        error.message = QStringLiteral("the server's own words"); // never shown when there is a code
        QJsonObject answer = rejected(1, idOf(lead), QStringLiteral("invalid"), {});
        answer.insert(QStringLiteral("error"), ledger::sync::encode(error));
        QVERIFY(!store.markPushed(pushAnswer({answer})));
        QCOMPARE(store.entity(idOf(lead))->rejectedReason, QStringLiteral("内容有误（entity.enterpriseName）：太长：201 个字，最多 200 个字"));

        // In English, the same code reads in English.
        EnglishTooLong english;
        QVERIFY(QCoreApplication::installTranslator(&english));
        QVERIFY(!store.save(with(lead, QStringLiteral("source"), QStringLiteral("来函")))); // 2
        QVERIFY(!store.markAttempted({2}));
        answer.insert(QStringLiteral("n"), 2);
        QVERIFY(!store.markPushed(pushAnswer({answer})));
        QCoreApplication::removeTranslator(&english);
        QCOMPARE(store.entity(idOf(lead))->rejectedReason, QStringLiteral("内容有误（entity.enterpriseName）：too long: 201 characters, at most 200"));
    }

    void laterEditsOfSentFieldsAreRebasedOnTheAppliedVersion()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        const QJsonObject server = asServer(aLead());
        QVERIFY(!store.applyPull(page({change(5, server)}, 5)));
        QVERIFY(!store.save(with(server, QStringLiteral("intention"), QStringLiteral("第一次"))));
        QVERIFY(!store.markAttempted({1}));
        QJsonObject current = store.entity(idOf(server))->json;
        QVERIFY(!store.save(with(current, QStringLiteral("intention"), QStringLiteral("第二次")))); // same field: made on top of entry 1
        QVERIFY(!store.markAttempted({2}));
        current = store.entity(idOf(server))->json;
        QVERIFY(!store.save(with(current, QStringLiteral("source"), QStringLiteral("另一字段"))));  // another field
        QVERIFY(!store.markPushed(pushAnswer({applied(1, idOf(server), 12)})));
        const QList<OutboxEntry> outbox = store.outboxBatch(10);
        QCOMPARE(outbox.size(), 2);
        QCOMPARE(outbox.at(0).baseVersion, 12); // or the server would call it a conflict with itself
        QCOMPARE(outbox.at(1).baseVersion, 5);  // still checked against what others did since 5
        QCOMPARE(store.entity(idOf(server))->serverVersion, 12);
    }

    void gapResendsTheKeptConfirmedMutations()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        QList<QJsonObject> leads;
        for (int i = 0; i < 5; ++i) {
            leads << aLead(QStringLiteral("企业%1").arg(i));
            QVERIFY(!store.save(leads.last()));
        }
        QVERIFY(!store.markAttempted({1, 2, 3}));
        QVERIFY(!store.markPushed(pushAnswer({applied(1, idOf(leads[0]), 1), applied(2, idOf(leads[1]), 2), applied(3, idOf(leads[2]), 3)})));
        QVERIFY(!store.applyPull(page({}, 3)));
        QCOMPARE(store.pendingCount(), 2);

        // The server was restored to a state before mutation 2.
        QVERIFY(store.requeueFrom(4)); // not a gap: 4 is this device's next
        QVERIFY(!store.requeueFrom(2));
        const QList<OutboxEntry> outbox = store.outboxBatch(10);
        QCOMPARE(outbox.size(), 4);
        QCOMPARE(outbox.at(0).n, 2);
        QCOMPARE(outbox.at(0).entityId, idOf(leads[1]));
        QCOMPARE(outbox.at(0).entity, store.entity(idOf(leads[1]))->json);
        QCOMPARE(outbox.at(3).n, 5);
        QCOMPARE(store.lastMutationNumber(), 5);
        QVERIFY(store.entity(idOf(leads[1]))->localChanges);
        QCOMPARE(store.pullCursor(), 0); // the server's sequence went back too
        QCOMPARE(inconsistency(dir.path()), QString());
    }

    void gapRenumbersWhenTheConfirmedOnesAreGone()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        QList<QJsonObject> leads;
        for (int i = 0; i < 4; ++i) {
            leads << aLead(QStringLiteral("企业%1").arg(i));
            QVERIFY(!store.save(leads.last()));
        }
        QVERIFY(!store.markAttempted({1, 2}));
        QVERIFY(!store.markPushed(pushAnswer({applied(1, idOf(leads[0]), 1), applied(2, idOf(leads[1]), 2)})));
        {
            // Older than what the device keeps.
            ledger::Database db = ledger::Database::open(LocalStore::databaseFile(dir.path()), ledger::Database::OpenMode::ReadWrite);
            db.exec(QStringLiteral("DELETE FROM sent"));
        }
        QVERIFY(!store.requeueFrom(1));
        const QList<OutboxEntry> outbox = store.outboxBatch(10);
        QCOMPARE(outbox.size(), 2);
        QCOMPARE(outbox.at(0).n, 1);
        QCOMPARE(outbox.at(0).entityId, idOf(leads[2]));
        QCOMPARE(outbox.at(1).n, 2);
        QCOMPARE(store.lastMutationNumber(), 2);
        QVERIFY(!store.save(aLead(QStringLiteral("之后的企业"))));
        QCOMPARE(store.outboxBatch(10).last().n, 3);
        QCOMPARE(inconsistency(dir.path()), QString());
    }

    void anEnterpriseMutationNamesItsCreditCode()
    {
        // The server tells enterprises from records by "creditCode", which the canonical encoding
        // leaves out while it is unknown.
        QTemporaryDir dir;
        LocalStore store(dir.path());
        const QJsonObject e = test::enterprise(QStringLiteral("尚无信用代码的企业"));
        QVERIFY(!e.contains(u"creditCode"));
        QVERIFY(!store.save(e));
        const QJsonObject sent = store.outboxBatch(1).first().toMutation().value(u"entity").toObject();
        QCOMPARE(sent.value(u"creditCode"), QJsonValue(QString()));
        QVERIFY(ledger::wire::decodeEnterprise(sent));
    }
};

QTEST_GUILESS_MAIN(TestStoreSync)
#include "tst_storesync.moc"
