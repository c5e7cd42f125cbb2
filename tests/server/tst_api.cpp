// Route tests, in process: sessions, exactly-once push, pull, field merges and conflicts,
// review, attachments, the role × endpoint matrix, and a corpus of bad input that must be
// refused with a clear 4xx and leave the ledger unchanged.
#include "serverfixture.h"

#include "ledger/scoring.h"
#include "ledger/syncprotocol.h"

#include <QCryptographicHash>
#include <QDir>

using namespace syncserver;
using namespace syncserver::test;

namespace {
const QString GET = QStringLiteral("GET");
const QString POST = QStringLiteral("POST");
const QString PUT = QStringLiteral("PUT");

QString status(const Reply &r, int i = 0)
{
    return r.json.value(QStringLiteral("results")).toArray().at(i).toObject().value(QStringLiteral("status")).toString();
}

QJsonObject result(const Reply &r, int i = 0) { return r.json.value(QStringLiteral("results")).toArray().at(i).toObject(); }

// A fingerprint of everything stored, to prove that a refused request changed nothing.
QByteArray ledgerState(Fixture &f)
{
    return f.server->store().read([](ledger::Database &db) {
        QByteArray out;
        for (const char *sql : {"SELECT id, json, seq, deleted FROM entities ORDER BY id", "SELECT id, last_applied FROM devices ORDER BY id",
                                "SELECT id, entity_id, field FROM conflicts ORDER BY id", "SELECT unit, person, share FROM pool_shares ORDER BY unit, person"}) {
            ledger::Statement s = db.prepare(QString::fromLatin1(sql));
            while (s.step())
                for (int i = 0; i < s.columnCount(); ++i)
                    out += s.columnText(i).toUtf8() + '|';
        }
        return out;
    });
}

QJsonObject withField(QJsonObject o, const QString &key, const QJsonValue &v)
{
    o.insert(key, v);
    return o;
}

// A golden message of the sync protocol (tests/data/sync/), shared with tst_syncprotocol and the
// app's tst_syncclient.
QJsonObject golden(const char *name)
{
    QFile file(QStringLiteral(LEDGER_TEST_DATA "/sync/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

// The golden page's entities on the server, pushed by their author from another device.
void pushGoldenPage(Fixture &f)
{
    Client setup = f.signIn("pgo1");
    QList<QJsonObject> entities;
    for (const QJsonValue &c : golden("pull-page.json").value(QStringLiteral("changes")).toArray())
        if (!c.toObject().value(QStringLiteral("deleted")).toBool())
            entities << c.toObject().value(QStringLiteral("entity")).toObject();
    const Reply r = f.push(setup, entities);
    if (r.json.value(QStringLiteral("applied")).toInt() != entities.size())
        qFatal("the golden page's entities were refused: %s", r.body.constData());
}

QString review(Fixture &f, const Client &reviewer, const QString &id, const QString &action, const QString &reason = {})
{
    const Reply r = f.call(POST, QStringLiteral("/api/v1/records/%1/review").arg(id), &reviewer,
                           QJsonObject{{QStringLiteral("action"), action}, {QStringLiteral("reason"), reason}});
    return r.status == 200 ? r.json.value(QStringLiteral("review")).toObject().value(QStringLiteral("state")).toString()
                           : QString::number(r.status) + u' ' + r.errorCode() + u' ' + r.errorMessage();
}
} // namespace

class TestApi : public QObject
{
    Q_OBJECT
private slots:
    void healthNeedsNoSession()
    {
        Fixture f;
        const Reply r = f.call(GET, QStringLiteral("/api/v1/health"), nullptr, {}, {}, false);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("scheme")).toString(), QStringLiteral("xxkfq-2023"));
    }

    void oldAppIsToldToUpdate()
    {
        Fixture f;
        const Reply none = f.call(POST, QStringLiteral("/api/v1/auth/login"), nullptr, QJsonObject{{QStringLiteral("login"), QStringLiteral("pgo1")}}, {}, false);
        QCOMPARE(none.status, 426);
        QCOMPARE(none.errorCode(), QStringLiteral("upgrade_required"));
        Request r;
        r.method = GET;
        r.path = QStringLiteral("/api/v1/me");
        r.headers = {{"x-ledger-protocol", "0"}, {"x-ledger-schema", "1"}};
        const Reply old = f.raw(r);
        QCOMPARE(old.status, 426);
        QVERIFY(old.errorMessage().contains(QStringLiteral("update the app")));
    }

    void unknownRouteAndMethod()
    {
        Fixture f;
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/nothing")).status, 404);
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/sync/push")).status, 405);
    }

    void signInRefreshAndExpiry()
    {
        Fixture f;
        Client c = f.signIn("pgo1");
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/me"), &c).status, 200);
        // An hour later the access token has expired; the refresh token (weeks) still works.
        f.clock.t = f.clock.t.addSecs(3601);
        const Reply expired = f.call(GET, QStringLiteral("/api/v1/me"), &c);
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.errorCode(), QStringLiteral("session_expired"));
        const Reply refreshed = f.call(POST, QStringLiteral("/api/v1/auth/refresh"), nullptr,
                                       QJsonObject{{QStringLiteral("refreshToken"), c.refreshToken}, {QStringLiteral("device"), c.device}});
        QCOMPARE(refreshed.status, 200);
        // The old refresh token is spent; a refresh token is bound to its device.
        QCOMPARE(f.call(POST, QStringLiteral("/api/v1/auth/refresh"), nullptr,
                        QJsonObject{{QStringLiteral("refreshToken"), c.refreshToken}, {QStringLiteral("device"), c.device}}).status, 401);
        QCOMPARE(f.call(POST, QStringLiteral("/api/v1/auth/refresh"), nullptr,
                        QJsonObject{{QStringLiteral("refreshToken"), refreshed.json.value(QStringLiteral("refreshToken")).toString()},
                                    {QStringLiteral("device"), ledger::RecordId::create().toString()}}).status, 401);
        c.token = refreshed.json.value(QStringLiteral("accessToken")).toString();
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/me"), &c).status, 200);
        // Sixty days offline is the limit.
        f.clock.t = f.clock.t.addDays(61);
        QCOMPARE(f.call(POST, QStringLiteral("/api/v1/auth/refresh"), nullptr,
                        QJsonObject{{QStringLiteral("refreshToken"), refreshed.json.value(QStringLiteral("refreshToken")).toString()},
                                    {QStringLiteral("device"), c.device}}).status, 401);
    }

    void forgedTokensAreRefused_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("none") << QByteArray();
        QTest::newRow("not bearer") << QByteArray("Basic cGdvMTpwYXNzd29yZA==");
        QTest::newRow("forged") << QByteArray("Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        QTest::newRow("sql in token") << QByteArray("Bearer ' OR 1=1 --");
        QTest::newRow("huge") << QByteArray("Bearer ") + QByteArray(5000, 'A');
    }
    void forgedTokensAreRefused()
    {
        QFETCH(QByteArray, header);
        Fixture f;
        Request r;
        r.method = GET;
        r.path = QStringLiteral("/api/v1/sync/pull");
        r.headers = {{"x-ledger-protocol", "1"}, {"x-ledger-schema", "1"}};
        if (!header.isEmpty())
            r.headers.insert("authorization", header);
        QCOMPARE(f.raw(r).status, 401);
    }

    void failedSignInsAreSlowedDown()
    {
        Fixture f;
        auto attempt = [&](const char *password) {
            return f.call(POST, QStringLiteral("/api/v1/auth/login"), nullptr,
                          QJsonObject{{QStringLiteral("login"), QStringLiteral("pgo1")}, {QStringLiteral("password"), QString::fromLatin1(password)},
                                      {QStringLiteral("device"), QJsonObject{{QStringLiteral("id"), ledger::RecordId::create().toString()}}}});
        };
        for (int i = 0; i < 5; ++i)
            QCOMPARE(attempt("wrong-password").status, 401);
        const Reply slowed = attempt("password-123"); // even the right password waits now
        QCOMPARE(slowed.status, 429);
        QVERIFY(slowed.errorMessage().contains(QStringLiteral("try again in")));
        f.clock.t = f.clock.t.addSecs(2);
        QCOMPARE(attempt("password-123").status, 200);
    }

    void disabledAccountLosesItsSessions()
    {
        Fixture f;
        Client admin = f.signIn("admin");
        Client c = f.signIn("eee1");
        QCOMPARE(f.call(POST, QStringLiteral("/api/v1/users/%1/disable").arg(c.userId), &admin).status, 200);
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/me"), &c).status, 401);
    }

    void pushIsExactlyOnce()
    {
        Fixture f;
        Client c = f.signIn("pgo1");
        const QJsonObject lead = leadJson(c, QStringLiteral("PGO"));
        const QJsonArray batch{QJsonObject{{QStringLiteral("n"), 1}, {QStringLiteral("op"), QStringLiteral("upsert")}, {QStringLiteral("entity"), lead}}};
        const Reply first = f.pushRaw(c, batch);
        QCOMPARE(first.status, 200);
        QCOMPARE(status(first), QStringLiteral("applied"));
        // The response was lost; the tablet sends the same batch again.
        const Reply again = f.pushRaw(c, batch);
        QCOMPARE(again.status, 200);
        QCOMPARE(status(again), QStringLiteral("skipped"));
        QCOMPARE(result(again).value(QStringLiteral("original")).toString(), QStringLiteral("applied"));
        int leads = 0;
        for (const auto &e : f.pullAll(c))
            leads += e.value(QStringLiteral("kind")).toString() == u"lead";
        QCOMPARE(leads, 1);
    }

    void aGapIsRefusedWithTheNumberExpected()
    {
        Fixture f;
        Client c = f.signIn("pgo1");
        const QByteArray before = ledgerState(f);
        const Reply r = f.pushRaw(c, QJsonArray{QJsonObject{{QStringLiteral("n"), 3}, {QStringLiteral("op"), QStringLiteral("upsert")},
                                                            {QStringLiteral("entity"), leadJson(c, QStringLiteral("PGO"))}}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("gap"));
        QCOMPARE(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("expected")).toInteger(), 1);
        QCOMPARE(ledgerState(f), before);
    }

    void theServerAnswersTheGoldenPush()
    {
        Fixture f;
        pushGoldenPage(f);
        const QJsonObject request = golden("push-request.json");
        Client c = f.signIn("pgo1", request.value(QStringLiteral("device")).toString());
        const Reply r = f.call(POST, QStringLiteral("/api/v1/sync/push"), &c, request);
        QCOMPARE(r.status, 200);
        QVERIFY(ledger::sync::decodePushResult(r.json).ok());
        // The versions are this server's sequence numbers: they rise, and are compared apart.
        auto withoutVersions = [](QJsonObject result, QList<qint64> *versions) {
            QJsonArray results = result.value(QStringLiteral("results")).toArray();
            for (qsizetype i = 0; i < results.size(); ++i) {
                QJsonObject one = results[i].toObject();
                if (one.contains(QStringLiteral("version")))
                    *versions << one.take(QStringLiteral("version")).toInteger();
                results[i] = one;
            }
            result.insert(QStringLiteral("results"), results);
            return result;
        };
        QList<qint64> served, documented;
        QCOMPARE(withoutVersions(r.json, &served), withoutVersions(golden("push-result.json"), &documented));
        QCOMPARE(served.size(), documented.size());
        QVERIFY(std::is_sorted(served.begin(), served.end()) && served.first() > 0);
        // Sent again, the whole batch is answered as it was the first time.
        const Reply again = f.call(POST, QStringLiteral("/api/v1/sync/push"), &c, request);
        const auto retried = ledger::sync::decodePushResult(again.json);
        QVERIFY(retried.ok());
        QCOMPARE(retried.value().skipped, 4);
        for (qsizetype i = 0; i < 4; ++i)
            QCOMPARE(ledger::sync::encode(retried.value().results[i]),
                     ledger::sync::encode(ledger::sync::asSkipped(ledger::sync::decodePushResult(r.json).value().results[i])));
    }

    // A record the wire decoder refuses is answered as the golden file says: rejected as invalid,
    // with the decoder's code and values in "detail".
    void theServerAnswersTheGoldenRejection()
    {
        Fixture f;
        const QJsonObject request = golden("push-request-invalid-entity.json");
        Client c = f.signIn("pgo1", request.value(QStringLiteral("device")).toString());
        const Reply r = f.call(POST, QStringLiteral("/api/v1/sync/push"), &c, request);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json, golden("push-result-invalid-entity.json"));
        // A malformed batch is refused whole, with the protocol decoder's code in "detail".
        const Reply malformed = f.call(POST, QStringLiteral("/api/v1/sync/push"), &c,
                                       QJsonObject{{QStringLiteral("device"), c.device}, {QStringLiteral("mutations"), 5}});
        QCOMPARE(malformed.status, 400);
        QCOMPARE(malformed.errorCode(), QStringLiteral("invalid"));
        QCOMPARE(malformed.errorField(), QStringLiteral("mutations"));
        QCOMPARE(malformed.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("detail")).toObject(),
                 (QJsonObject{{QStringLiteral("code"), QStringLiteral("wrong_type")}, {QStringLiteral("args"), QJsonArray{QStringLiteral("array"), QStringLiteral("number")}}}));
        // Too many mutations: 413, with the count and the limit.
        QJsonArray tooMany;
        for (int i = 0; i <= ledger::sync::MaxMutationsPerPush; ++i)
            tooMany.append(QJsonObject{});
        const Reply big = f.call(POST, QStringLiteral("/api/v1/sync/push"), &c,
                                 QJsonObject{{QStringLiteral("device"), c.device}, {QStringLiteral("mutations"), tooMany}});
        QCOMPARE(big.status, 413);
        QCOMPARE(big.errorCode(), QStringLiteral("too_many"));
        QCOMPARE(big.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("detail")).toObject().value(QStringLiteral("args")),
                 QJsonValue(QJsonArray{QString::number(ledger::sync::MaxMutationsPerPush + 1), QString::number(ledger::sync::MaxMutationsPerPush)}));
    }

    void thePullPageHasTheGoldenShape()
    {
        Fixture f;
        pushGoldenPage(f);
        const QJsonObject request = golden("push-request.json");
        Client c = f.signIn("pgo1", request.value(QStringLiteral("device")).toString());
        QCOMPARE(f.call(POST, QStringLiteral("/api/v1/sync/push"), &c, request).status, 200);
        const Reply r = f.call(GET, QStringLiteral("/api/v1/sync/pull"), &c, {}, {{QStringLiteral("cursor"), QStringLiteral("0")}});
        const auto page = ledger::sync::decodePullPage(r.json);
        QVERIFY2(page.ok(), r.body.constData());
        // The fast path writes exactly what the shared encoder would.
        QCOMPARE(r.body, QJsonDocument(ledger::sync::encode(page.value())).toJson(QJsonDocument::Compact));
        // Each change has the members of its kind in the golden page: an entity, or a tombstone.
        auto keysOf = [](const QJsonArray &changes, bool deleted) {
            for (const QJsonValue &v : changes)
                if (v.toObject().value(QStringLiteral("deleted")).toBool() == deleted)
                    return v.toObject().keys();
            return QStringList();
        };
        const QJsonArray goldenChanges = golden("pull-page.json").value(QStringLiteral("changes")).toArray();
        const QJsonArray served = r.json.value(QStringLiteral("changes")).toArray();
        for (bool deleted : {false, true}) {
            QVERIFY(!keysOf(served, deleted).isEmpty());
            QCOMPARE(keysOf(served, deleted), keysOf(goldenChanges, deleted));
        }
        QCOMPARE(QJsonObject(r.json).keys(), golden("pull-page.json").keys());
        // The enterprise the golden push deleted is a tombstone; the edited lead carries the edit.
        bool tombstone = false;
        for (const ledger::sync::Change &ch : page.value().changes) {
            if (ch.deleted && ch.id == u"7a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d")
                tombstone = true;
            if (!ch.deleted && ch.entity.value(QStringLiteral("id")).toString() == u"5e1d7c2a-9b3f-4c8e-a1d6-0f2b3c4d5e6f")
                QCOMPARE(ch.entity.value(QStringLiteral("source")).toString(), QStringLiteral("企业来函"));
        }
        QVERIFY(tombstone);
    }

    void oneBadRecordNeverBlocksTheQueue()
    {
        Fixture f;
        Client c = f.signIn("pgo1");
        QJsonObject bad = leadJson(c, QStringLiteral("PGO"));
        bad.insert(QStringLiteral("filed"), QStringLiteral("2023-02-30"));
        const Reply r = f.push(c, {leadJson(c, QStringLiteral("PGO")), bad, leadJson(c, QStringLiteral("PGO"))});
        QCOMPARE(status(r, 0), QStringLiteral("applied"));
        QCOMPARE(status(r, 1), QStringLiteral("rejected"));
        QCOMPARE(result(r, 1).value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(), QStringLiteral("entity.filed"));
        // The wire decoder's own code travels with the protocol's, for the app to word it.
        const auto refusal = ledger::sync::decodeError(result(r, 1).value(QStringLiteral("error")).toObject());
        QVERIFY(refusal.ok() && refusal.value().is(ledger::sync::Code::Invalid));
        QCOMPARE(ledger::sync::detailOf(refusal.value())->code, ledger::ErrorCode::NotADate);
        QCOMPARE(status(r, 2), QStringLiteral("applied"));
        QCOMPARE(r.json.value(QStringLiteral("lastApplied")).toInteger(), 3);
        // The author sees the rejection with its reason.
        const Reply rejected = f.call(GET, QStringLiteral("/api/v1/sync/rejected"), &c);
        QCOMPARE(rejected.json.value(QStringLiteral("rejected")).toArray().size(), 1);
        QCOMPARE(rejected.json.value(QStringLiteral("rejected")).toArray().first().toObject().value(QStringLiteral("error")),
                 result(r, 1).value(QStringLiteral("error")));
    }

    void writingIntoAnotherUnitIsRefused()
    {
        Fixture f;
        Client c = f.signIn("pgo1");
        const QByteArray before = ledgerState(f);
        const Reply r = f.push(c, {leadJson(c, QStringLiteral("EEE"))});
        QCOMPARE(status(r), QStringLiteral("rejected"));
        QCOMPARE(result(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("forbidden"));
        // Only the device's counter moved; no record was written.
        int leads = 0;
        for (const auto &e : f.pullAll(f.signIn("reviewer")))
            leads += e.value(QStringLiteral("kind")).toString() == u"lead";
        QCOMPARE(leads, 0);
        Q_UNUSED(before);
    }

    void pullSeesOnlyOwnUnit()
    {
        Fixture f;
        Client pgo = f.signIn("pgo1"), eee = f.signIn("eee1"), reviewer = f.signIn("reviewer");
        f.push(pgo, {leadJson(pgo, QStringLiteral("PGO"))});
        f.push(eee, {leadJson(eee, QStringLiteral("EEE"))});
        auto leadsOf = [&](const Client &c) {
            QStringList units;
            for (const auto &e : f.pullAll(c))
                if (e.value(QStringLiteral("kind")).toString() == u"lead")
                    units << e.value(QStringLiteral("credit")).toObject().value(QStringLiteral("unit")).toString();
            units.sort();
            return units;
        };
        QCOMPARE(leadsOf(pgo), QStringList{QStringLiteral("PGO")});
        QCOMPARE(leadsOf(eee), QStringList{QStringLiteral("EEE")});
        QCOMPARE(leadsOf(reviewer), (QStringList{QStringLiteral("EEE"), QStringLiteral("PGO")}));
    }

    void concurrentEditsMergeFieldByField()
    {
        Fixture f;
        Client a = f.signIn("pgo1");
        Client contact = f.signIn("pgo2");
        QJsonObject lead = leadJson(a, QStringLiteral("PGO"));
        const qint64 v1 = result(f.push(a, {lead})).value(QStringLiteral("version")).toInteger();
        // Both start from v1, offline. The author changes the intention, the contact the source.
        const Reply ra = f.push(a, {withField(lead, QStringLiteral("intention"), QStringLiteral("拟投资10亿元建设新材料项目"))}, v1, {QStringLiteral("intention")});
        QCOMPARE(status(ra), QStringLiteral("applied"));
        const Reply rb = f.push(contact, {withField(lead, QStringLiteral("source"), QStringLiteral("市商务局推荐"))}, v1, {QStringLiteral("source")});
        QCOMPARE(status(rb), QStringLiteral("applied"));
        QVERIFY(!result(rb).contains(QStringLiteral("conflicts")));
        const QJsonObject merged = f.pullAll(a).value(lead.value(QStringLiteral("id")).toString());
        QCOMPARE(merged.value(QStringLiteral("intention")).toString(), QStringLiteral("拟投资10亿元建设新材料项目"));
        QCOMPARE(merged.value(QStringLiteral("source")).toString(), QStringLiteral("市商务局推荐"));

        // The contact, still on v1, also changed the intention: a stale edit of a field someone
        // else changed. It is kept as a conflict, not applied and not dropped.
        const Reply stale = f.push(contact, {withField(lead, QStringLiteral("intention"), QStringLiteral("意向待确认"))}, v1, {QStringLiteral("intention")});
        QCOMPARE(status(stale), QStringLiteral("applied"));
        QCOMPARE(result(stale).value(QStringLiteral("conflicts")).toArray(), QJsonArray{QStringLiteral("intention")});
        QCOMPARE(f.pullAll(a).value(lead.value(QStringLiteral("id")).toString()).value(QStringLiteral("intention")).toString(),
                 QStringLiteral("拟投资10亿元建设新材料项目"));
        const Reply conflicts = f.call(GET, QStringLiteral("/api/v1/conflicts"), &contact);
        const QJsonArray list = conflicts.json.value(QStringLiteral("conflicts")).toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toObject().value(QStringLiteral("deviceValue")).toString(), QStringLiteral("意向待确认"));
        // A person settles it, choosing the device's value.
        const Reply resolved = f.call(POST, QStringLiteral("/api/v1/conflicts/%1/resolve").arg(list[0].toObject().value(QStringLiteral("id")).toInteger()),
                                      &contact, QJsonObject{{QStringLiteral("keep"), QStringLiteral("device")}});
        QCOMPARE(resolved.status, 200);
        QCOMPARE(f.pullAll(a).value(lead.value(QStringLiteral("id")).toString()).value(QStringLiteral("intention")).toString(), QStringLiteral("意向待确认"));
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/conflicts"), &contact).json.value(QStringLiteral("conflicts")).toArray().size(), 0);
    }

    void reviewFlowAndTheScore()
    {
        Fixture f;
        Client c = f.signIn("eee1"), reviewer = f.signIn("reviewer"), staff = f.signIn("pgo1");
        const QJsonObject lead = leadJson(c, QStringLiteral("EEE"));
        const QString id = lead.value(QStringLiteral("id")).toString();
        f.push(c, {lead});
        auto g44 = [&] {
            const Reply s = f.call(GET, QStringLiteral("/api/v1/scores"), &reviewer, {}, {{QStringLiteral("quarter"), QStringLiteral("4")}});
            for (const QJsonValue &g : s.json.value(QStringLiteral("groups")).toArray())
                for (const QJsonValue &t : g.toObject().value(QStringLiteral("tasks")).toArray())
                    if (t.toObject().value(QStringLiteral("id")).toString() == u"G4.4")
                        return t.toObject().value(QStringLiteral("points")).toString();
            return QString();
        };
        QCOMPARE(g44(), QStringLiteral("0"));
        // Staff cannot recognise.
        QVERIFY(review(f, staff, id, QStringLiteral("recognise")).startsWith(QStringLiteral("403")));
        // Returned with a reason, edited by its author, resubmitted, recognised.
        QVERIFY(review(f, reviewer, id, QStringLiteral("return")).startsWith(QStringLiteral("400"))); // a reason is needed
        QCOMPARE(review(f, reviewer, id, QStringLiteral("return"), QStringLiteral("请补充投资额依据")), QStringLiteral("returned"));
        const qint64 version = f.call(GET, QStringLiteral("/api/v1/records/") + id, &c).json.value(QStringLiteral("version")).toInteger();
        f.push(c, {withField(lead, QStringLiteral("source"), QStringLiteral("企业来函"))}, version, {QStringLiteral("source")});
        QCOMPARE(f.pullAll(c).value(id).value(QStringLiteral("review")).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("submitted"));
        QCOMPARE(review(f, reviewer, id, QStringLiteral("recognise")), QStringLiteral("recognised"));
        QCOMPARE(g44(), QStringLiteral("0.1"));
        // Revoked as false: the point is cancelled and EEE loses award eligibility.
        QCOMPARE(review(f, reviewer, id, QStringLiteral("revoke"), QStringLiteral("企业否认有投资意向")), QStringLiteral("revoked"));
        QCOMPARE(g44(), QStringLiteral("0"));
        const Reply s = f.call(GET, QStringLiteral("/api/v1/scores"), &reviewer);
        for (const QJsonValue &u : s.json.value(QStringLiteral("units")).toArray())
            if (u.toObject().value(QStringLiteral("unit")).toString() == u"EEE")
                QCOMPARE(u.toObject().value(QStringLiteral("eligible")).toBool(), false);
        // Nothing is deleted: the record stays, marked, and its author can no longer change it.
        QCOMPARE(f.pullAll(c).value(id).value(QStringLiteral("review")).toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("企业否认有投资意向"));
        QCOMPARE(status(f.push(c, {withField(lead, QStringLiteral("source"), QStringLiteral("改"))}, 999)), QStringLiteral("rejected"));
    }

    void recognitionNeedsTheEvidence()
    {
        Fixture f;
        Client c = f.signIn("eee1"), reviewer = f.signIn("reviewer");
        const QJsonObject lead = leadJson(c, QStringLiteral("EEE"), QDate(2023, 5, 5), QString());
        f.push(c, {lead});
        const Reply r = f.call(POST, QStringLiteral("/api/v1/records/%1/review").arg(lead.value(QStringLiteral("id")).toString()), &reviewer,
                               QJsonObject{{QStringLiteral("action"), QStringLiteral("recognise")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("evidence_missing"));
        QCOMPARE(r.errorMessage(), QStringLiteral("没有明确的投资意向，不属于有价值的招商引资信息"));
        QCOMPARE(r.errorField(), QStringLiteral("intention"));
        const QJsonObject error = r.json.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("detail")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("lead_no_intention"));
        QCOMPARE(error.value(QStringLiteral("missing")).toArray().size(), 1);
    }

    // The record's detail and the reviewer's inbox say why a record does not count and what it
    // lacks as coded errors (code, Chinese message, field, args), for each side to word them.
    void explainAndInboxSendCodes()
    {
        Fixture f;
        Client c = f.signIn("eee1"), reviewer = f.signIn("reviewer");
        const QJsonObject lead = leadJson(c, QStringLiteral("EEE"), QDate(2023, 5, 5), QString());
        const QString id = lead.value(QStringLiteral("id")).toString();
        f.push(c, {lead});
        const auto checkCoded = [](const QJsonObject &record) {
            const QJsonArray missing = record.value(QStringLiteral("missingEvidence")).toArray();
            QCOMPARE(missing.size(), 1);
            const ledger::FieldError lacks = ledger::fieldErrorFromJson(missing.first().toObject());
            QCOMPARE(lacks.code, ledger::ErrorCode::LeadNoIntention);
            QCOMPARE(lacks.field, QStringLiteral("intention"));
            QCOMPARE(ledger::toJson(lacks), missing.first().toObject());
            const QJsonObject awaiting = ledger::toJson(ledger::FieldError(QStringLiteral("review"), ledger::ErrorCode::AwaitingReview));
            QVERIFY2(record.value(QStringLiteral("whyNotCounting")).toArray().contains(awaiting),
                     QJsonDocument(record.value(QStringLiteral("whyNotCounting")).toArray()).toJson().constData());
        };
        const Reply detail = f.call(GET, QStringLiteral("/api/v1/records/") + id, &reviewer);
        QCOMPARE(detail.status, 200);
        checkCoded(detail.json);
        if (QTest::currentTestFailed())
            return;
        const Reply inbox = f.call(GET, QStringLiteral("/api/v1/review/inbox"), &reviewer);
        QCOMPARE(inbox.status, 200);
        const QJsonArray records = inbox.json.value(QStringLiteral("records")).toArray();
        QCOMPARE(records.size(), 1);
        checkCoded(records.first().toObject());
    }

    void attachmentsUploadResumeAndCheck()
    {
        Fixture f;
        Client c = f.signIn("pgo1");
        const QByteArray pdf = "%PDF-1.4\n" + QByteArray(5000, 'x') + "\n%%EOF\n";
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex());
        auto put = [&](qint64 offset, const QByteArray &chunk, const QString &hash, qint64 size) {
            Request r;
            r.method = PUT;
            r.path = QStringLiteral("/api/v1/attachments/") + hash;
            r.query = {{QStringLiteral("offset"), QString::number(offset)}, {QStringLiteral("size"), QString::number(size)}};
            r.headers = {{"x-ledger-protocol", "1"}, {"x-ledger-schema", "1"}, {"authorization", "Bearer " + c.token.toLatin1()},
                         {"content-type", "application/pdf"}};
            r.body = chunk;
            return f.raw(r);
        };
        // A record pointing at an attachment that has not arrived is refused.
        ledger::Project p;
        p.meta.id = ledger::RecordId::create();
        p.meta.credit.unit = ledger::UnitCode(QStringLiteral("PGO"));
        p.enterprise = ledger::EnterpriseId::create();
        p.name = QStringLiteral("精细化工项目");
        p.investment = ledger::Money::yuan(600000000);
        p.talksSince = QDate(2023, 3, 1);
        ledger::Milestone m;
        m.meta.id = ledger::RecordId::create();
        m.meta.credit.unit = ledger::UnitCode(QStringLiteral("PGO"));
        m.project = p.meta.id;
        m.date = QDate(2023, 6, 1);
        ledger::Attachment a;
        a.sha256 = *ledger::AttachmentHash::parse(sha);
        a.name = QStringLiteral("投资协议.pdf");
        a.mimeType = QStringLiteral("application/pdf");
        a.size = pdf.size();
        m.evidence = {a};
        const QJsonObject milestone = ledger::wire::encode(ledger::Record(m));
        const Reply early = f.push(c, {ledger::wire::encode(ledger::Record(p)), milestone});
        QCOMPARE(status(early, 1), QStringLiteral("rejected"));
        QCOMPARE(result(early, 1).value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(), QStringLiteral("evidence[0].sha256"));

        // Upload in two chunks; a chunk at the wrong offset says where to continue.
        QCOMPARE(put(0, pdf.left(2000), sha, pdf.size()).json.value(QStringLiteral("received")).toInteger(), 2000);
        const Reply wrong = put(3000, pdf.mid(3000), sha, pdf.size());
        QCOMPARE(wrong.status, 409);
        QCOMPARE(wrong.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("received")).toInteger(), 2000);
        const Reply done = put(2000, pdf.mid(2000), sha, pdf.size());
        QCOMPARE(done.json.value(QStringLiteral("complete")).toBool(), true);
        QCOMPARE(put(0, pdf, sha, pdf.size()).json.value(QStringLiteral("complete")).toBool(), true); // idempotent
        QCOMPARE(status(f.push(c, {milestone})), QStringLiteral("applied"));
        const Reply got = f.call(GET, QStringLiteral("/api/v1/attachments/") + sha, &c);
        QCOMPARE(got.body, pdf);

        // Content that does not hash to its name, or is not a kept type, is refused and discarded.
        const QByteArray exe = "MZ\x90\x00 not a document";
        const QString exeSha = QString::fromLatin1(QCryptographicHash::hash(exe, QCryptographicHash::Sha256).toHex());
        QCOMPARE(put(0, exe, exeSha, exe.size()).status, 415);
        QCOMPARE(put(0, pdf, QString(64, u'a'), pdf.size()).status, 422);
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/attachments/%1/status").arg(QString(64, u'a')), &c).json.value(QStringLiteral("received")).toInteger(), 0);
        // Path tricks never reach the file system.
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/attachments/..%2F..%2Fledger.sqlite"), &c).status, 400);
        const int tricky = put(0, pdf, QStringLiteral("../../ledger.sqlite"), pdf.size()).status;
        QVERIFY(tricky == 400 || tricky == 404);
        QCOMPARE(put(0, pdf, QStringLiteral("..%2F..%2Fledger.sqlite"), pdf.size()).status, 400);
        // Too large.
        QCOMPARE(put(0, pdf.left(10), sha.left(63) + u'0', 100LL * 1024 * 1024).status, 413);
    }

    void sqlMetacharactersAreStoredVerbatim()
    {
        Fixture f;
        Client c = f.signIn("pgo1");
        const QString nasty = QStringLiteral("'); DROP TABLE entities; -- \" OR 1=1; /* 河南 */");
        QJsonObject lead = leadJson(c, QStringLiteral("PGO"));
        for (const char *field : {"enterpriseName", "intention", "source", "industry"})
            lead.insert(QString::fromLatin1(field), nasty);
        QCOMPARE(status(f.push(c, {lead})), QStringLiteral("applied"));
        const QJsonObject back = f.pullAll(c).value(lead.value(QStringLiteral("id")).toString());
        for (const char *field : {"enterpriseName", "intention", "source", "industry"})
            QCOMPARE(back.value(QString::fromLatin1(field)).toString(), nasty);
        QVERIFY(f.server->store().verifyAudit().isEmpty());
    }

    void badInputCorpus_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("field");
        QTest::newRow("malformed JSON") << POST << QStringLiteral("/api/v1/sync/push") << QByteArray("{\"device\": ") << 400 << QString();
        QTest::newRow("array body") << POST << QStringLiteral("/api/v1/sync/push") << QByteArray("[1,2]") << 400 << QString();
        QTest::newRow("mutations not a list") << POST << QStringLiteral("/api/v1/sync/push") << QByteArray("{\"device\":\"DEV\",\"mutations\":5}") << 400 << QStringLiteral("mutations");
        QTest::newRow("mutation number text") << POST << QStringLiteral("/api/v1/sync/push")
                                              << QByteArray("{\"device\":\"DEV\",\"mutations\":[{\"n\":\"1\",\"op\":\"upsert\",\"entity\":{}}]}") << 400 << QStringLiteral("mutations[0].n");
        QTest::newRow("mutation number fraction") << POST << QStringLiteral("/api/v1/sync/push")
                                                  << QByteArray("{\"device\":\"DEV\",\"mutations\":[{\"n\":1.5,\"op\":\"upsert\",\"entity\":{}}]}") << 400 << QStringLiteral("mutations[0].n");
        QTest::newRow("unknown op") << POST << QStringLiteral("/api/v1/sync/push")
                                    << QByteArray("{\"device\":\"DEV\",\"mutations\":[{\"n\":1,\"op\":\"drop\"}]}") << 400 << QStringLiteral("mutations[0].op");
        QTest::newRow("other device") << POST << QStringLiteral("/api/v1/sync/push")
                                      << QByteArray("{\"device\":\"6f1c2a4e-8b3d-4e5f-9a7b-0c1d2e3f4a5b\",\"mutations\":[]}") << 403 << QStringLiteral("device");
        QTest::newRow("cursor text") << GET << QStringLiteral("/api/v1/sync/pull?cursor=abc") << QByteArray() << 400 << QStringLiteral("cursor");
        QTest::newRow("negative cursor") << GET << QStringLiteral("/api/v1/sync/pull?cursor=-5") << QByteArray() << 400 << QStringLiteral("cursor");
        QTest::newRow("review action unknown") << POST << QStringLiteral("/api/v1/records/6f1c2a4e-8b3d-4e5f-9a7b-0c1d2e3f4a5b/review")
                                               << QByteArray("{\"action\":\"approve\"}") << 403 << QString();
        QTest::newRow("scores quarter 5") << GET << QStringLiteral("/api/v1/scores?quarter=5") << QByteArray() << 400 << QStringLiteral("quarter");
        QTest::newRow("scores other year") << GET << QStringLiteral("/api/v1/scores?year=2019") << QByteArray() << 400 << QStringLiteral("year");
        QTest::newRow("export unknown table") << GET << QStringLiteral("/api/v1/exports/salaries") << QByteArray() << 404 << QStringLiteral("table");
        QTest::newRow("export other unit") << GET << QStringLiteral("/api/v1/exports/leads?unit=EEE") << QByteArray() << 403 << QString();
        QTest::newRow("export bad date") << GET << QStringLiteral("/api/v1/exports/leads?from=2023-13-01") << QByteArray() << 400 << QStringLiteral("from");
        QTest::newRow("export a table as pdf") << GET << QStringLiteral("/api/v1/exports/leads?format=pdf") << QByteArray() << 400 << QStringLiteral("format");
        QTest::newRow("export notice long number") << GET << QStringLiteral("/api/v1/exports/score_notice?format=pdf&number=") + QString(41, u'x')
                                                   << QByteArray() << 400 << QStringLiteral("number");
        QTest::newRow("export notice bad date") << GET << QStringLiteral("/api/v1/exports/score_notice?format=pdf&date=2023-02-30") << QByteArray() << 400 << QStringLiteral("date");
        QTest::newRow("shares of another unit") << PUT << QStringLiteral("/api/v1/pools/EEE/shares") << QByteArray("{\"shares\":{}}") << 403 << QString();
        QTest::newRow("conflict id text") << POST << QStringLiteral("/api/v1/conflicts/abc/resolve") << QByteArray("{\"keep\":\"device\"}") << 400 << QStringLiteral("id");
    }
    void badInputCorpus()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, expected);
        QFETCH(QString, field);
        Fixture f;
        Client c = f.signIn("pgo1");
        f.push(c, {leadJson(c, QStringLiteral("PGO"))});
        const QByteArray before = ledgerState(f);
        Request r;
        r.method = method;
        const QUrl url(QStringLiteral("http://x") + path);
        r.path = url.path();
        for (const auto &[k, v] : QUrlQuery(url).queryItems())
            r.query.insert(k, v);
        r.headers = {{"x-ledger-protocol", "1"}, {"x-ledger-schema", "1"}, {"authorization", "Bearer " + c.token.toLatin1()}};
        r.body = body;
        r.body.replace("DEV", c.device.toLatin1());
        const Reply reply = f.raw(r);
        QVERIFY2(reply.status == expected, reply.body.constData());
        QVERIFY(reply.json.value(QStringLiteral("error")).toObject().contains(QStringLiteral("message")));
        QVERIFY(!reply.errorMessage().isEmpty());
        if (!field.isEmpty())
            QCOMPARE(reply.errorField(), field);
        QCOMPARE(ledgerState(f), before);
    }

    // Each role × each endpoint × own/other unit: every forbidden cell is refused.
    void roleMatrix_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("allowed");
        struct Cell { const char *method; const char *path; const char *body; };
        const QList<std::pair<QString, Cell>> endpoints{
            {QStringLiteral("review own unit"), {"POST", "/api/v1/records/PGOREC/review", "{\"action\":\"return\",\"reason\":\"请补充\"}"}},
            {QStringLiteral("review other unit"), {"POST", "/api/v1/records/EEEREC/review", "{\"action\":\"return\",\"reason\":\"请补充\"}"}},
            {QStringLiteral("read own record"), {"GET", "/api/v1/records/PGOREC", ""}},
            {QStringLiteral("read other unit's record"), {"GET", "/api/v1/records/EEEREC", ""}},
            {QStringLiteral("inbox"), {"GET", "/api/v1/review/inbox", ""}},
            {QStringLiteral("list users"), {"GET", "/api/v1/users", ""}},
            {QStringLiteral("create user"), {"POST", "/api/v1/users", "{\"login\":\"newbie\",\"name\":\"新人\",\"unit\":\"PGO\",\"roles\":[\"staff\"],\"password\":\"password-123\"}"}},
            {QStringLiteral("list devices"), {"GET", "/api/v1/devices", ""}},
            {QStringLiteral("audit log"), {"GET", "/api/v1/audit", ""}},
            {QStringLiteral("export all units"), {"GET", "/api/v1/exports/leads.csv?unit=EEE", ""}},
            {QStringLiteral("export own unit"), {"GET", "/api/v1/exports/leads.csv?unit=PGO", ""}},
            {QStringLiteral("own pool shares"), {"PUT", "/api/v1/pools/PGO/shares", "{\"shares\":{}}"}},
            {QStringLiteral("scores"), {"GET", "/api/v1/scores", ""}},
        };
        // Who may: reviewer(ISB), pgo1 staff(PGO), pgo2 contact(PGO), super supervisor(PGO), leader(ISB), admin(ISB).
        const QHash<QString, QStringList> allowed{
            {QStringLiteral("review own unit"), {QStringLiteral("reviewer")}},
            {QStringLiteral("review other unit"), {QStringLiteral("reviewer")}},
            {QStringLiteral("read own record"), {QStringLiteral("reviewer"), QStringLiteral("pgo1"), QStringLiteral("pgo2"), QStringLiteral("super"), QStringLiteral("leader"), QStringLiteral("admin")}},
            {QStringLiteral("read other unit's record"), {QStringLiteral("reviewer"), QStringLiteral("super"), QStringLiteral("leader"), QStringLiteral("admin")}},
            {QStringLiteral("inbox"), {QStringLiteral("reviewer"), QStringLiteral("pgo2"), QStringLiteral("super"), QStringLiteral("leader"), QStringLiteral("admin")}},
            {QStringLiteral("list users"), {QStringLiteral("super"), QStringLiteral("admin")}},
            {QStringLiteral("create user"), {QStringLiteral("admin")}},
            {QStringLiteral("list devices"), {QStringLiteral("admin")}},
            {QStringLiteral("audit log"), {QStringLiteral("super"), QStringLiteral("admin")}},
            {QStringLiteral("export all units"), {QStringLiteral("reviewer"), QStringLiteral("super"), QStringLiteral("leader"), QStringLiteral("admin")}},
            {QStringLiteral("export own unit"), {QStringLiteral("reviewer"), QStringLiteral("pgo1"), QStringLiteral("pgo2"), QStringLiteral("super"), QStringLiteral("leader"), QStringLiteral("admin")}},
            {QStringLiteral("own pool shares"), {QStringLiteral("pgo2")}},
            {QStringLiteral("scores"), {QStringLiteral("reviewer"), QStringLiteral("pgo1"), QStringLiteral("pgo2"), QStringLiteral("super"), QStringLiteral("leader"), QStringLiteral("admin")}},
        };
        for (const QString &login : {QStringLiteral("reviewer"), QStringLiteral("pgo1"), QStringLiteral("pgo2"), QStringLiteral("super"), QStringLiteral("leader"), QStringLiteral("admin")})
            for (const auto &[name, cell] : endpoints)
                QTest::newRow(qPrintable(login + QStringLiteral(" × ") + name))
                    << login << QString::fromLatin1(cell.method) << QString::fromLatin1(cell.path) << QByteArray(cell.body)
                    << allowed.value(name).contains(login);
    }
    void roleMatrix()
    {
        QFETCH(QString, login);
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(bool, allowed);
        Fixture f;
        Client pgo = f.signIn("pgo1"), eee = f.signIn("eee1");
        const QJsonObject pgoLead = leadJson(pgo, QStringLiteral("PGO")), eeeLead = leadJson(eee, QStringLiteral("EEE"));
        f.push(pgo, {pgoLead});
        f.push(eee, {eeeLead});
        Client who = f.signIn(login.toLatin1().constData());
        const QByteArray before = ledgerState(f);
        Request r;
        r.method = method;
        QString p = path;
        p.replace(QStringLiteral("PGOREC"), pgoLead.value(QStringLiteral("id")).toString());
        p.replace(QStringLiteral("EEEREC"), eeeLead.value(QStringLiteral("id")).toString());
        const QUrl url(QStringLiteral("http://x") + p);
        r.path = url.path();
        for (const auto &[k, v] : QUrlQuery(url).queryItems())
            r.query.insert(k, v);
        r.headers = {{"x-ledger-protocol", "1"}, {"x-ledger-schema", "1"}, {"authorization", "Bearer " + who.token.toLatin1()}};
        r.body = body;
        const Reply reply = f.raw(r);
        if (allowed) {
            QVERIFY2(reply.status >= 200 && reply.status < 300, reply.body.constData());
        } else {
            QVERIFY2(reply.status == 403 || reply.status == 404, reply.body.constData());
            QCOMPARE(ledgerState(f), before);
        }
    }

    void staffSeeOnlyTheirUnitsRecordDetail()
    {
        Fixture f;
        Client pgo = f.signIn("pgo1"), eee = f.signIn("eee1"), reviewer = f.signIn("reviewer");
        const QJsonObject lead = leadJson(eee, QStringLiteral("EEE"));
        f.push(eee, {lead});
        QCOMPARE(review(f, reviewer, lead.value(QStringLiteral("id")).toString(), QStringLiteral("recognise")), QStringLiteral("recognised"));
        const Reply s = f.call(GET, QStringLiteral("/api/v1/scores"), &pgo);
        QVERIFY(!s.body.contains(lead.value(QStringLiteral("id")).toString().toLatin1()));
        const Reply full = f.call(GET, QStringLiteral("/api/v1/scores"), &reviewer);
        QVERIFY(full.body.contains(lead.value(QStringLiteral("id")).toString().toLatin1()));
    }

    void staffReportListsOnlyTheirUnitsDetail()
    {
        Fixture f;
        Client pgo = f.signIn("pgo1"), eee = f.signIn("eee1"), reviewer = f.signIn("reviewer");
        for (Client *c : {&pgo, &eee}) {
            const QJsonObject lead = leadJson(*c, c->unit);
            f.push(*c, {lead});
            review(f, reviewer, lead.value(QStringLiteral("id")).toString(), QStringLiteral("recognise"));
        }
        const QJsonObject mine = f.call(GET, QStringLiteral("/api/v1/scores"), &pgo).json;
        const QJsonObject all = f.call(GET, QStringLiteral("/api/v1/scores"), &reviewer).json;
        // Totals are the same for everyone; only the records behind them are withheld.
        QCOMPARE(mine.value(QStringLiteral("units")).toArray().size(), all.value(QStringLiteral("units")).toArray().size());
        for (const QJsonValue &z : mine.value(QStringLiteral("zone")).toArray())
            QVERIFY(!z.toObject().contains(QStringLiteral("contributions")));
        int ownGroupsWithDetail = 0;
        for (const QJsonValue &g : mine.value(QStringLiteral("groups")).toArray()) {
            const bool own = g.toObject().value(QStringLiteral("units")).toArray().contains(QJsonValue(QStringLiteral("PGO")));
            for (const QJsonValue &t : g.toObject().value(QStringLiteral("tasks")).toArray())
                QCOMPARE(t.toObject().contains(QStringLiteral("contributions")), own);
            ownGroupsWithDetail += own ? 1 : 0;
        }
        QCOMPARE(ownGroupsWithDetail, 1);
        for (const QJsonValue &u : mine.value(QStringLiteral("units")).toArray()) {
            const QJsonObject unit = u.toObject();
            if (unit.value(QStringLiteral("unit")).toString() == u"PGO") {
                QVERIFY(!unit.value(QStringLiteral("people")).toArray().isEmpty());
                continue;
            }
            QVERIFY(unit.value(QStringLiteral("people")).toArray().isEmpty());
            for (const QJsonValue &b : unit.value(QStringLiteral("bonuses")).toArray())
                QVERIFY(!b.toObject().contains(QStringLiteral("items")));
        }
        QVERIFY(!mine.value(QStringLiteral("people")).toArray().isEmpty());
        for (const QJsonValue &p : mine.value(QStringLiteral("people")).toArray())
            QCOMPARE(p.toObject().value(QStringLiteral("unit")).toString(), QStringLiteral("PGO"));
        QVERIFY(all.value(QStringLiteral("people")).toArray().size() > mine.value(QStringLiteral("people")).toArray().size());
    }

    void auditHashIsPlainSha256OfTheEntry()
    {
        // The chain must verify with any SHA-256 (ledgers written by earlier builds included):
        // the expected value comes from Python's hashlib over the same length-prefixed fields.
        const QString hash = auditHash(QString(), 1, QStringLiteral("2023-12-01T09:00:00.000Z"), QStringLiteral("user-张"), QStringLiteral("dev"),
                                       QStringLiteral("create"), QStringLiteral("e1"), QStringLiteral("{\"name\":\"测试\"}").toUtf8());
        QCOMPARE(hash, QStringLiteral("34ae1769b6a528c9cbb393ac91c3014689645aff6a81e8549e795200966ce55b"));
    }

    void auditChainDetectsTampering()
    {
        Fixture f;
        Client c = f.signIn("pgo1");
        f.push(c, {leadJson(c, QStringLiteral("PGO")), leadJson(c, QStringLiteral("PGO"))});
        QVERIFY(f.server->store().verifyAudit().isEmpty());
        // The database refuses to edit the log. (The store's readers are read-only: the edits
        // come through a connection of their own to the file, as someone holding it would make.)
        ledger::Database db = ledger::Database::open(QDir(f.dataDir()).filePath(QStringLiteral("ledger.sqlite")), ledger::Database::OpenMode::ReadWrite);
        QVERIFY_THROWS_EXCEPTION(ledger::DatabaseError, db.exec(QStringLiteral("UPDATE audit SET action = 'x' WHERE id = 2")));
        // Someone with the file drops the guard and edits an entry: verify names it.
        db.exec(QStringLiteral("DROP TRIGGER audit_no_update; UPDATE audit SET detail = '{}' WHERE id = 3"));
        const QStringList problems = f.server->store().verifyAudit();
        QVERIFY2(problems.filter(QStringLiteral("audit entry 3 was changed")).size() == 1, qPrintable(problems.join(u'\n')));
        // Or deletes one.
        db.exec(QStringLiteral("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 2"));
        QVERIFY(f.server->store().verifyAudit().filter(QStringLiteral("audit entries 2 to 2 are missing")).size() == 1);
    }

    void failedWriteLeavesNoGapInSequenceOrAudit()
    {
        Fixture f;
        Client c = f.signIn("pgo1");
        QCOMPARE(f.push(c, {leadJson(c, QStringLiteral("PGO"))}).status, 200);
        Store &store = f.server->store();
        const qint64 before = store.lastSeq();
        // A write that numbers an entity and appends to the audit log, then fails: all of it goes.
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, store.write([&](ledger::Database &db) {
            StoredEntity e{ledger::RecordId::create().toString(), QStringLiteral("lead"), QStringLiteral("PGO"), c.userId,
                           leadJson(c, QStringLiteral("PGO")), {}, store.nextSeq(db), false};
            store.putEntity(db, e);
            store.audit(db, Actor{c.userId, c.device}, QStringLiteral("create"), e.id, QJsonObject{});
            throw std::runtime_error("interrupted");
        }));
        QCOMPARE(store.lastSeq(), before);
        const Reply r = f.push(c, {leadJson(c, QStringLiteral("PGO"))});
        QCOMPARE(r.status, 200);
        QCOMPARE(result(r).value(QStringLiteral("version")).toInteger(), before + 1); // the failed number is used again
        const QStringList problems = store.verifyAudit();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void mirrorMatchesWhatTheFileDecodesTo()
    {
        // The server scores from records it kept decoded while writing; a fresh start decodes
        // them from the file. Both must be the same records, field for field.
        Fixture f;
        Client c = f.signIn("pgo1"), reviewer = f.signIn("reviewer");
        const QJsonObject a = leadJson(c, QStringLiteral("PGO")), b = leadJson(c, QStringLiteral("PGO"), QDate(2023, 10, 9));
        QJsonObject claimed = leadJson(c, QStringLiteral("PGO"));
        claimed.insert(QStringLiteral("author"), reviewer.userId); // a device cannot choose the author
        claimed.insert(QStringLiteral("review"), QJsonObject{{QStringLiteral("state"), QStringLiteral("recognised")}});
        QCOMPARE(f.push(c, {a, b, claimed}).json.value(QStringLiteral("applied")).toInt(), 3);
        review(f, reviewer, b.value(QStringLiteral("id")).toString(), QStringLiteral("return"), QStringLiteral("补充材料"));
        auto records = [](Store &store) {
            return store.withLedger([](const ledger::Ledger &l) {
                QHash<QString, ledger::Record> out;
                for (const ledger::Record &r : l.records())
                    out.insert(ledger::metaOf(r).id.toString(), r);
                return out;
            });
        };
        const auto live = records(f.server->store());
        QCOMPARE(live.size(), 3);
        Store fresh(f.dataDir(), f.clock);
        const auto reloaded = records(fresh);
        QCOMPARE(reloaded.size(), live.size());
        for (auto it = live.cbegin(); it != live.cend(); ++it)
            QVERIFY2(reloaded.value(it.key()) == it.value(), qPrintable(it.key()));
        // QHash::value returns a copy: keep it, metaOf's reference points into it.
        const ledger::Record claimedRecord = live.value(claimed.value(QStringLiteral("id")).toString());
        const ledger::RecordMeta &meta = ledger::metaOf(claimedRecord);
        QCOMPARE(meta.author.toString(), c.userId);
        QVERIFY(meta.review.state == ledger::ReviewState::Submitted);
    }

    void anotherProcessWritingMeanwhileIsPickedUp()
    {
        // The `user` command run while the server serves: a second connection to the same file
        // numbers entities and appends to the audit log between two pushes.
        Fixture f;
        Client c = f.signIn("pgo1");
        QCOMPARE(f.push(c, {leadJson(c, QStringLiteral("PGO"))}).status, 200);
        QString newUserId;
        {
            ServerConfig config;
            config.dataDir = f.dataDir();
            config.accounts.opsLimit = 1;
            config.accounts.memLimit = 8192;
            Server other(config, f.clock);
            newUserId = other.accounts().createUser(QStringLiteral("pgo9"), QStringLiteral("新同事"), QStringLiteral("PGO"), {ledger::Role::Staff},
                                                    QStringLiteral("password-123"), Actor{QStringLiteral("admin"), QStringLiteral("cli")}).id;
        }
        // Scores look before anything else writes: the new person is already in them.
        const Reply scores = f.call(GET, QStringLiteral("/api/v1/scores"), &c);
        QVERIFY(scores.body.contains(newUserId.toLatin1()));
        const Reply r = f.push(c, {leadJson(c, QStringLiteral("PGO")), leadJson(c, QStringLiteral("PGO"))});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("applied")).toInt(), 2);
        const QStringList problems = f.server->store().verifyAudit();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        // The person the other process added reached this server's scoring mirror.
        const bool known = f.server->store().withLedger([&](const ledger::Ledger &l) {
            return l.person(*ledger::PersonId::parse(newUserId)) != nullptr;
        });
        QVERIFY(known);
        QVERIFY(f.pullAll(c).contains(newUserId));
    }

    void poolSharesNeverExceedThePool()
    {
        Fixture f;
        Client staff = f.signIn("pgo1"), contact = f.signIn("pgo2"), reviewer = f.signIn("reviewer");
        const QJsonObject lead = leadJson(staff, QStringLiteral("PGO"));
        f.push(staff, {lead});
        review(f, reviewer, lead.value(QStringLiteral("id")).toString(), QStringLiteral("recognise"));
        // PGO's pool: 0.1 × 8 people = 0.8.
        const QByteArray before = ledgerState(f);
        const Reply over = f.call(PUT, QStringLiteral("/api/v1/pools/PGO/shares"), &contact,
                                  QJsonObject{{QStringLiteral("shares"), QJsonObject{{staff.userId, QStringLiteral("0.9")}}}});
        QCOMPARE(over.status, 422);
        QVERIFY(over.errorMessage().contains(QStringLiteral("more than the unit's pool of 0.8")));
        QCOMPARE(ledgerState(f), before);
        const Reply eeePerson = f.call(PUT, QStringLiteral("/api/v1/pools/PGO/shares"), &contact,
                                       QJsonObject{{QStringLiteral("shares"), QJsonObject{{f.signIn("eee1").userId, QStringLiteral("0.1")}}}});
        QCOMPARE(eeePerson.status, 400);
        const Reply ok = f.call(PUT, QStringLiteral("/api/v1/pools/PGO/shares"), &contact,
                                QJsonObject{{QStringLiteral("shares"), QJsonObject{{staff.userId, QStringLiteral("0.5")}, {contact.userId, QStringLiteral("0.3")}}}});
        QCOMPARE(ok.status, 200);
        const Reply s = f.call(GET, QStringLiteral("/api/v1/scores"), &contact);
        for (const QJsonValue &p : s.json.value(QStringLiteral("people")).toArray())
            if (p.toObject().value(QStringLiteral("person")).toString() == staff.userId)
                QCOMPARE(p.toObject().value(QStringLiteral("share")).toString(), QStringLiteral("0.5"));
    }

    void scoresFollowEveryChangeOfLedgerAndShares()
    {
        // Reports are kept between requests; each must still show the ledger as it is now.
        Fixture f;
        Client staff = f.signIn("pgo1"), contact = f.signIn("pgo2"), reviewer = f.signIn("reviewer"), eee = f.signIn("eee1");
        auto pgoTotal = [&](const Client &who) {
            const Reply r = f.call(GET, QStringLiteral("/api/v1/scores"), &who);
            for (const QJsonValue &u : r.json.value(QStringLiteral("units")).toArray())
                if (u.toObject().value(QStringLiteral("unit")).toString() == u"PGO")
                    return u.toObject().value(QStringLiteral("total")).toString();
            return QStringLiteral("(no PGO)");
        };
        auto shareOf = [&](const Client &who, const QString &person) {
            const Reply r = f.call(GET, QStringLiteral("/api/v1/scores"), &who);
            for (const QJsonValue &p : r.json.value(QStringLiteral("people")).toArray())
                if (p.toObject().value(QStringLiteral("person")).toString() == person)
                    return p.toObject().value(QStringLiteral("share")).toString();
            return QStringLiteral("(not listed)");
        };
        const QString empty = pgoTotal(reviewer);
        QCOMPARE(pgoTotal(reviewer), empty); // the same answer from the cache
        const QJsonObject lead = leadJson(staff, QStringLiteral("PGO"));
        f.push(staff, {lead});
        review(f, reviewer, lead.value(QStringLiteral("id")).toString(), QStringLiteral("recognise"));
        const QString withLead = pgoTotal(reviewer);
        QVERIFY2(withLead != empty, qPrintable(withLead));
        // Detail of other units stays hidden from staff even when the full report is cached.
        QVERIFY(!f.call(GET, QStringLiteral("/api/v1/scores"), &eee).body.contains(lead.value(QStringLiteral("id")).toString().toLatin1()));
        QVERIFY(f.call(GET, QStringLiteral("/api/v1/scores"), &reviewer).body.contains(lead.value(QStringLiteral("id")).toString().toLatin1()));
        // Shares set by the contact show at once, though the ledger itself did not change.
        const QString before = shareOf(contact, staff.userId);
        QVERIFY2(before != u"(not listed)", qPrintable(before));
        QCOMPARE(f.call(PUT, QStringLiteral("/api/v1/pools/PGO/shares"), &contact,
                        QJsonObject{{QStringLiteral("shares"), QJsonObject{{staff.userId, QStringLiteral("0.25")}}}}).status, 200);
        QCOMPARE(shareOf(contact, staff.userId), QStringLiteral("0.25"));
        // Revoking takes the points away again.
        review(f, reviewer, lead.value(QStringLiteral("id")).toString(), QStringLiteral("revoke"), QStringLiteral("虚报"));
        QCOMPARE(pgoTotal(reviewer), empty);
    }

    void exportsAndStatusPage()
    {
        Fixture f;
        Client c = f.signIn("pgo1"), leader = f.signIn("leader");
        f.push(c, {leadJson(c, QStringLiteral("PGO"))});
        const Reply csv = f.call(GET, QStringLiteral("/api/v1/exports/leads.csv"), &leader);
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.body.startsWith("\xEF\xBB\xBF"));
        QVERIFY(QString::fromUtf8(csv.body).contains(QStringLiteral("河南某精细化工有限公司")));
        const Reply xlsx = f.call(GET, QStringLiteral("/api/v1/exports/score_notice"), &leader, {}, {{QStringLiteral("format"), QStringLiteral("xlsx")}});
        QCOMPARE(xlsx.status, 200);
        QVERIFY(xlsx.body.startsWith("PK\x03\x04"));
        // The whole notice as the office publishes it: a PDF for those who read every unit; a unit's
        // staff get their own row of the ranking, never every unit's notice.
        const Reply pdf = f.call(GET, QStringLiteral("/api/v1/exports/score_notice.pdf"), &leader, {},
                                 {{QStringLiteral("number"), QStringLiteral("开招商〔2023〕12号")}, {QStringLiteral("date"), QStringLiteral("2023-10-08")}});
        QCOMPARE(pdf.status, 200);
        QVERIFY(pdf.body.startsWith("%PDF-"));
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/exports/score_notice.pdf"), &c).status, 403);
        // The meeting page needs sign-in unless the server is started with --public-status.
        Request r;
        r.method = GET;
        r.path = QStringLiteral("/status");
        QCOMPARE(f.raw(r).status, 401);
        r.headers.insert("authorization", "Bearer " + leader.token.toLatin1());
        const Reply page = f.raw(r);
        QCOMPARE(page.status, 200);
        QVERIFY(QString::fromUtf8(page.body).contains(QStringLiteral("党政办公室")));
    }
};

QTEST_GUILESS_MAIN(TestApi)
#include "tst_api.moc"
