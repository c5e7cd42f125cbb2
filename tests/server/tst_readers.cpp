// Reads on reader connections (readerpool.h): a read is answered while a write transaction is
// open, sees exactly what was committed, never a write half done, and a revoked session is
// refused at its very next request although the sign-in check's statement stays compiled. And at
// the front door, reads have workers of their own: writes held up do not hold up a read.
#include "../support/rawhttp.h"
#include "frontdoor.h"
#include "serverfixture.h"

#include <QJsonArray>

#include <atomic>
#include <chrono>
#include <semaphore>
#include <thread>
#include <vector>

using namespace syncserver;
using namespace syncserver::test;

namespace {

const QString GET = QStringLiteral("GET");
const QString POST = QStringLiteral("POST");

Reply pull(Fixture &f, const Client &c, qint64 cursor)
{
    return f.call(GET, QStringLiteral("/api/v1/sync/pull"), &c, {}, {{QStringLiteral("cursor"), QString::number(cursor)}});
}

QStringList pulledIds(const Reply &r)
{
    QStringList ids;
    for (const QJsonValue &v : r.json.value(QStringLiteral("changes")).toArray())
        ids << v.toObject().value(QStringLiteral("entity")).toObject().value(QStringLiteral("id")).toString();
    return ids;
}

// A write() held open on a thread of its own, after it wrote one lead, until release().
class HeldWrite
{
public:
    HeldWrite(Store &store, const StoredEntity &entity)
    {
        m_thread = std::thread([this, &store, entity] {
            store.write([&](ledger::Database &db) {
                StoredEntity e = entity;
                e.seq = store.nextSeq(db);
                store.putEntity(db, e);
                m_holding = true;
                m_written.release();
                // Bounded: if reads waited for this write, they are answered once it gives up,
                // and `answeredWhileHeld` below tells.
                (void)m_release.try_acquire_for(std::chrono::seconds(60));
                m_holding = false;
            });
        });
        m_written.acquire();
    }
    ~HeldWrite() { release(); }
    void release()
    {
        if (!m_thread.joinable())
            return;
        m_release.release();
        m_thread.join();
    }
    [[nodiscard]] bool holding() const { return m_holding.load(); }

private:
    std::binary_semaphore m_written{0}, m_release{0};
    std::atomic<bool> m_holding{false};
    std::thread m_thread;
};

StoredEntity leadEntity(const Client &c)
{
    const QJsonObject json = leadJson(c, c.unit);
    return StoredEntity{json.value(QStringLiteral("id")).toString(), QStringLiteral("lead"), c.unit, c.userId, json, {}, 0, false};
}

} // namespace

class TestReaders : public QObject
{
    Q_OBJECT

private slots:
    void readsAreAnsweredWhileAWriteIsOpen()
    {
        Fixture f;
        Client staff = f.signIn("pgo1"), leader = f.signIn("leader");
        const QJsonObject first = leadJson(staff, QStringLiteral("PGO"));
        QCOMPARE(f.push(staff, {first}).status, 200);
        const qint64 before = f.server->store().lastSeq();
        const StoredEntity open = leadEntity(staff);
        HeldWrite held(f.server->store(), open);
        // Pull, the sign-in check, scores, the audit log and an export all answer while the
        // transaction is open, and none of them sees its lead.
        const Reply p = pull(f, staff, 0);
        QCOMPARE(p.status, 200);
        QVERIFY(pulledIds(p).contains(first.value(QStringLiteral("id")).toString()));
        QVERIFY(!p.body.contains(open.id.toLatin1()));
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/me"), &staff).status, 200);
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/scores"), &leader).status, 200);
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/sync/rejected"), &staff).status, 200);
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/exports/leads"), &leader).status, 200);
        QVERIFY(f.server->store().verifyAudit().isEmpty());
        const bool answeredWhileHeld = held.holding();
        held.release();
        QVERIFY2(answeredWhileHeld, "the reads waited for the write to end");
        // Committed now: the next pull has it.
        const Reply after = pull(f, staff, 0);
        QVERIFY(pulledIds(after).contains(open.id));
        QCOMPARE(f.server->store().lastSeq(), before + 1);
    }

    void aReaderSeesEveryCommitAtOnce()
    {
        // The same reader connection (one thread, one at a time) with its compiled statements,
        // asked after each push: never a stale snapshot.
        Fixture f;
        Client a = f.signIn("pgo1"), b = f.signIn("pgo2");
        qint64 cursor = pull(f, b, 0).json.value(QStringLiteral("cursor")).toInteger(); // the people, first
        for (int i = 0; i < 30; ++i) {
            const QJsonObject lead = leadJson(a, QStringLiteral("PGO"));
            QCOMPARE(f.push(a, {lead}).status, 200);
            const Reply r = pull(f, b, cursor);
            QCOMPARE(r.status, 200);
            QCOMPARE(pulledIds(r), QStringList{lead.value(QStringLiteral("id")).toString()});
            cursor = r.json.value(QStringLiteral("cursor")).toInteger();
        }
        QCOMPARE(f.server->store().readers().opened(), 1);
        // A device signed in a moment ago is known to the sign-in check at once.
        const Client fresh = f.signIn("eee1");
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/me"), &fresh).status, 200);
    }

    void aReaderThatFailedDoesNotKeepItsSnapshot()
    {
        Fixture f;
        Client a = f.signIn("pgo1");
        Store &store = f.server->store();
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, store.read([](ledger::Database &db) {
            ledger::Statement s = db.prepare(QStringLiteral("SELECT count(*) FROM entities"));
            s.step();
            throw std::runtime_error("a reader fails halfway");
        }));
        QCOMPARE(f.push(a, {leadJson(a, QStringLiteral("PGO"))}).status, 200);
        const qint64 counted = store.read([](ledger::Database &db) {
            ledger::Statement s = db.prepare(QStringLiteral("SELECT max(seq) FROM entities"));
            s.step();
            return qint64(s.columnInt64(0));
        });
        QCOMPARE(counted, store.lastSeq());
    }

    void revocationEndsASessionAtItsNextRequest()
    {
        Fixture f;
        Client admin = f.signIn("admin");
        Client tablet = f.signIn("pgo1"), phone = f.signIn("pgo1");
        Client eee = f.signIn("eee1");
        for (const Client *c : {&tablet, &phone, &eee})
            QCOMPARE(f.call(GET, QStringLiteral("/api/v1/me"), c).status, 200);
        // A device revoked: that device is out, the account's other device is not.
        QCOMPARE(f.call(POST, QStringLiteral("/api/v1/devices/%1/revoke").arg(tablet.device), &admin).status, 200);
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/me"), &tablet).status, 401);
        QCOMPARE(pull(f, tablet, 0).status, 401);
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/me"), &phone).status, 200);
        // A password reset by the administrator: every session of the account ends.
        QCOMPARE(f.call(POST, QStringLiteral("/api/v1/users/%1/password").arg(phone.userId), &admin,
                        QJsonObject{{QStringLiteral("password"), QStringLiteral("reset-password-1")}}).status, 200);
        QCOMPARE(pull(f, phone, 0).status, 401);
        // An account disabled.
        QCOMPARE(f.call(POST, QStringLiteral("/api/v1/users/%1/disable").arg(eee.userId), &admin).status, 200);
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/me"), &eee).status, 401);
        // Logging out.
        Client other = f.signIn("pgo2");
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/me"), &other).status, 200);
        QCOMPARE(f.call(POST, QStringLiteral("/api/v1/auth/logout"), &other).status, 200);
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/me"), &other).status, 401);
    }

    void aReadIsServedWhileEveryWriteWorkerIsHeld()
    {
        // Twice as many writes as write workers, each held inside the handler: a GET is answered
        // all the same, by a read worker.
        std::counting_semaphore<64> release(0);
        std::atomic<int> writesInside{0};
        FrontDoorOptions options;
        options.workers = 2;
        options.writeWorkers = 2;
        FrontDoor door(
            [&](const Request &r) {
                if (r.method == u"POST") {
                    ++writesInside;
                    (void)release.try_acquire_for(std::chrono::seconds(60)); // bounded, see below
                    --writesInside;
                }
                return Response::json({{QStringLiteral("method"), r.method}});
            },
            options);
        const int port = door.bind("127.0.0.1", 0);
        std::thread serving([&] { door.serve(); });
        std::vector<std::unique_ptr<ledger::test::RawSocket>> writers;
        for (int i = 0; i < 4; ++i) {
            writers.push_back(std::make_unique<ledger::test::RawSocket>(port));
            QVERIFY(writers.back()->send("POST /push HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\n{}"));
        }
        for (int i = 0; i < 500 && writesInside.load() < 2; ++i)
            QTest::qWait(10);
        QCOMPARE(writesInside.load(), 2); // both write workers held, two writes queued behind them
        ledger::test::RawSocket reader(port);
        QVERIFY(reader.send("GET /pull HTTP/1.1\r\nHost: t\r\n\r\n"));
        const ledger::test::RawResponse r = reader.readResponse(30'000);
        const bool writesStillHeld = writesInside.load() == 2;
        release.release(4);
        for (auto &w : writers)
            QCOMPARE(w->readResponse(30'000).status, 200);
        door.stop();
        serving.join();
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("GET"));
        QVERIFY2(writesStillHeld, "the read was answered only after the writes were let go");
    }

    void concurrentReadersAndWritersAgree()
    {
        // Pushes on one thread, pulls and audit checks on two others: each check reads the audit
        // log and its recorded head in one snapshot, so none reports a write landing in between,
        // and each device ends up with every lead.
        Fixture f;
        Client writer = f.signIn("pgo1"), reader = f.signIn("pgo2");
        constexpr int pushes = 60;
        std::atomic<bool> done{false};
        QStringList pushed;
        std::thread push([&] {
            for (int i = 0; i < pushes; ++i) {
                const QJsonObject lead = leadJson(writer, QStringLiteral("PGO"));
                if (f.push(writer, {lead}).status == 200)
                    pushed << lead.value(QStringLiteral("id")).toString();
            }
            done = true;
        });
        std::vector<QStringList> problems(2);
        std::vector<std::thread> checkers;
        for (int t = 0; t < 2; ++t)
            checkers.emplace_back([&, t] {
                for (int i = 0; i < 10'000 && !done.load(); ++i) {
                    problems[std::size_t(t)] += f.server->store().verifyAudit();
                    if (pull(f, reader, 0).status != 200)
                        problems[std::size_t(t)] << QStringLiteral("a pull failed");
                }
            });
        push.join();
        for (auto &c : checkers)
            c.join();
        QVERIFY2(problems[0].isEmpty() && problems[1].isEmpty(), qPrintable((problems[0] + problems[1]).join(u'\n')));
        QCOMPARE(pushed.size(), pushes);
        const auto seen = f.pullAll(reader);
        for (const QString &id : pushed)
            QVERIFY(seen.contains(id));
        // At most one reader connection per thread that read at once.
        QVERIFY(f.server->store().readers().opened() <= 4);
    }
};

QTEST_GUILESS_MAIN(TestReaders)
#include "tst_readers.moc"
