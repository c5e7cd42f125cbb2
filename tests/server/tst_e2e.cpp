// End to end against the real syncserver binary: its command line, and the guarantee that every
// mutation is in the ledger exactly once — after the same push twice, the same push at once from
// several connections, batches out of order, and the server killed with SIGKILL mid-push.
#include "ledger/entities.h"
#include "ledger/wire.h"

#include "../support/syncserverprocess.h"

#include <httplib.h>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <thread>

namespace {

const QString binary = ledger::test::syncserverBinary();

int run(const QStringList &args, QByteArray *output = nullptr)
{
    return ledger::test::runSyncserver(args, QStringLiteral("password-123"), output);
}

// A running `syncserver serve` on a free port, killed (SIGKILL) on scope exit.
class Served : public ledger::test::ServedSyncserver
{
public:
    explicit Served(const QString &dataDir, const QStringList &extra = {})
        : ServedSyncserver(dataDir, 0, extra)
        , port(ServedSyncserver::port())
    {
    }
    int port;
};

struct Http
{
    explicit Http(int port) : client("127.0.0.1", port)
    {
        client.set_read_timeout(60, 0);
        client.set_connection_timeout(5, 0);
    }
    httplib::Headers headers() const
    {
        httplib::Headers h{{"X-Ledger-Protocol", "1"}, {"X-Ledger-Schema", "1"}};
        if (!token.isEmpty())
            h.emplace("Authorization", "Bearer " + token.toStdString());
        return h;
    }
    QJsonObject post(const char *path, const QJsonObject &body, int *status = nullptr)
    {
        const auto r = client.Post(path, headers(), QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(), "application/json");
        if (status)
            *status = r ? r->status : -1;
        return r ? QJsonDocument::fromJson(QByteArray::fromStdString(r->body)).object() : QJsonObject();
    }
    QJsonObject get(const std::string &path, int *status = nullptr)
    {
        const auto r = client.Get(path, headers());
        if (status)
            *status = r ? r->status : -1;
        return r ? QJsonDocument::fromJson(QByteArray::fromStdString(r->body)).object() : QJsonObject();
    }
    void signIn(const char *login, const QString &device)
    {
        const QJsonObject r = post("/api/v1/auth/login", {{QStringLiteral("login"), QString::fromLatin1(login)}, {QStringLiteral("password"), QStringLiteral("password-123")},
                                                          {QStringLiteral("device"), QJsonObject{{QStringLiteral("id"), device}, {QStringLiteral("name"), QStringLiteral("e2e")}}}});
        token = r.value(QStringLiteral("accessToken")).toString();
        if (token.isEmpty())
            qFatal("sign-in failed");
    }
    httplib::Client client;
    QString token;
};

QJsonArray leadBatch(int from, int count, const QString &personId)
{
    QJsonArray out;
    for (int i = 0; i < count; ++i) {
        ledger::Lead l;
        // Ids derived from the number, so a retried batch carries the same records.
        l.meta.id = ledger::RecordId(QUuid::createUuidV5(QUuid(QStringLiteral("6ba7b811-9dad-11d1-80b4-00c04fd430c8")),
                                                         QStringLiteral("e2e-lead-%1").arg(from + i)));
        l.meta.credit.unit = ledger::UnitCode(QStringLiteral("PGO"));
        l.meta.credit.people = {*ledger::PersonId::parse(personId)};
        l.enterpriseName = QStringLiteral("企业%1").arg(from + i);
        l.intention = QStringLiteral("有明确投资意向");
        l.filed = QDate(2023, 1 + (from + i) % 12, 1 + (from + i) % 28);
        out.append(QJsonObject{{QStringLiteral("n"), from + i}, {QStringLiteral("op"), QStringLiteral("upsert")},
                               {QStringLiteral("entity"), ledger::wire::encode(ledger::Record(l))}, {QStringLiteral("baseVersion"), 0}});
    }
    return out;
}

// Leads in the ledger and the device's counter, read through the API.
std::pair<int, qint64> countLeads(Http &http)
{
    int leads = 0;
    qint64 cursor = 0;
    for (;;) {
        const QJsonObject r = http.get("/api/v1/sync/pull?limit=5000&cursor=" + std::to_string(cursor));
        QSet<QString> ids;
        for (const QJsonValue &c : r.value(QStringLiteral("changes")).toArray())
            if (c.toObject().value(QStringLiteral("entity")).toObject().value(QStringLiteral("kind")).toString() == u"lead")
                ++leads;
        cursor = r.value(QStringLiteral("cursor")).toInteger();
        if (!r.value(QStringLiteral("hasMore")).toBool())
            break;
    }
    return {leads, cursor};
}

} // namespace

class TestEndToEnd : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_staffId;
    const QString m_device = QStringLiteral("0b4a1f3e-9c2d-4e5f-8a6b-7c8d9e0f1a2b");

private slots:
    void initTestCase()
    {
        QVERIFY(QFile::exists(binary));
        QByteArray out;
        QCOMPARE(run({QStringLiteral("init"), QStringLiteral("--data"), m_dir.path()}, &out), 0);
        QVERIFY(out.contains("with administrator admin"));
        // A second init refuses to touch an existing ledger.
        QCOMPARE(run({QStringLiteral("init"), QStringLiteral("--data"), m_dir.path()}), 1);
        QCOMPARE(run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--data"), m_dir.path(), QStringLiteral("--login"), QStringLiteral("pgo1"),
                      QStringLiteral("--name"), QStringLiteral("孙丽"), QStringLiteral("--unit"), QStringLiteral("PGO")}, &out), 0);
        m_staffId = QString::fromUtf8(out).section(u'(', 1).section(u')', 0, 0);
        QVERIFY(ledger::PersonId::parse(m_staffId));
        QCOMPARE(run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--data"), m_dir.path(), QStringLiteral("--login"), QStringLiteral("bad"),
                      QStringLiteral("--name"), QStringLiteral("x"), QStringLiteral("--unit"), QStringLiteral("NOPE")}), 2);
        QCOMPARE(run({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--data"), m_dir.path()}, &out), 0);
        QVERIFY(out.contains("pgo1"));
        QCOMPARE(run({QStringLiteral("frobnicate")}), 2);
        QCOMPARE(run({QStringLiteral("serve"), QStringLiteral("--help")}, &out), 0);
        QVERIFY(out.contains("--port"));
    }

    void samePushTwiceAndConcurrently()
    {
        Served server(m_dir.path());
        Http http(server.port);
        http.signIn("pgo1", m_device);
        const QJsonObject batch{{QStringLiteral("device"), m_device}, {QStringLiteral("mutations"), leadBatch(1, 50, m_staffId)}};
        int status = 0;
        QCOMPARE(http.post("/api/v1/sync/push", batch, &status).value(QStringLiteral("applied")).toInt(), 50);
        QCOMPARE(status, 200);
        QCOMPARE(http.post("/api/v1/sync/push", batch).value(QStringLiteral("skipped")).toInt(), 50);
        // The next batch sent eight times at once over eight connections: applied once.
        const QJsonObject next{{QStringLiteral("device"), m_device}, {QStringLiteral("mutations"), leadBatch(51, 50, m_staffId)}};
        std::atomic<int> applied{0}, skipped{0}, failed{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 8; ++i)
            threads.emplace_back([&] {
                Http h(server.port);
                h.token = http.token;
                int st = 0;
                const QJsonObject r = h.post("/api/v1/sync/push", next, &st);
                if (st != 200)
                    ++failed;
                applied += r.value(QStringLiteral("applied")).toInt();
                skipped += r.value(QStringLiteral("skipped")).toInt();
            });
        for (auto &t : threads)
            t.join();
        QCOMPARE(failed.load(), 0);
        QCOMPARE(applied.load(), 50);
        QCOMPARE(skipped.load(), 7 * 50);
        const auto [leads, cursor] = countLeads(http);
        QCOMPARE(leads, 100);
        Q_UNUSED(cursor);
    }

    void batchesOutOfOrder()
    {
        Served server(m_dir.path());
        Http http(server.port);
        http.signIn("pgo1", m_device);
        int status = 0;
        const QJsonObject ahead = http.post("/api/v1/sync/push", {{QStringLiteral("device"), m_device}, {QStringLiteral("mutations"), leadBatch(121, 10, m_staffId)}}, &status);
        QCOMPARE(status, 409);
        QCOMPARE(ahead.value(QStringLiteral("error")).toObject().value(QStringLiteral("expected")).toInt(), 101);
        QCOMPARE(http.post("/api/v1/sync/push", {{QStringLiteral("device"), m_device}, {QStringLiteral("mutations"), leadBatch(101, 20, m_staffId)}}).value(QStringLiteral("applied")).toInt(), 20);
        QCOMPARE(http.post("/api/v1/sync/push", {{QStringLiteral("device"), m_device}, {QStringLiteral("mutations"), leadBatch(121, 10, m_staffId)}}).value(QStringLiteral("applied")).toInt(), 10);
        QCOMPARE(countLeads(http).first, 130);
    }

    void killedMidPushLosesNothingAndDuplicatesNothing_data()
    {
        QTest::addColumn<int>("delayMs");
        for (int d : {0, 2, 10, 40, 150})
            QTest::newRow(qPrintable(QStringLiteral("kill after %1 ms").arg(d))) << d;
    }
    void killedMidPushLosesNothingAndDuplicatesNothing()
    {
        QFETCH(int, delayMs);
        static int next = 131;
        const int from = next;
        next += 1000;
        const QJsonObject batch{{QStringLiteral("device"), m_device}, {QStringLiteral("mutations"), leadBatch(from, 1000, m_staffId)}};
        {
            Served server(m_dir.path());
            Http http(server.port);
            http.signIn("pgo1", m_device);
            std::thread pusher([&] { http.post("/api/v1/sync/push", batch); });
            std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
            server.kill(); // SIGKILL: no chance to clean up
            pusher.join();
        }
        // Restarted, the device sends the same batch again, as it would not know what happened.
        Served server(m_dir.path());
        Http http(server.port);
        http.signIn("pgo1", m_device);
        const QJsonObject r = http.post("/api/v1/sync/push", batch);
        QCOMPARE(r.value(QStringLiteral("applied")).toInt() + r.value(QStringLiteral("skipped")).toInt(), 1000);
        QCOMPARE(r.value(QStringLiteral("lastApplied")).toInt(), from + 999);
        QCOMPARE(countLeads(http).first, from + 999);
    }

    void servesHttpsWithACertificate()
    {
        QTemporaryDir tls;
        const QString cert = tls.filePath(QStringLiteral("cert.pem")), key = tls.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                                  QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                                                  QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
        Served server(m_dir.path(), {QStringLiteral("--cert"), cert, QStringLiteral("--key"), key});
        httplib::SSLClient client("127.0.0.1", server.port);
        client.enable_server_certificate_verification(false); // self-signed, made just now
        const auto r = client.Get("/api/v1/health");
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QVERIFY(QByteArray::fromStdString(r->body).contains("xxkfq-2023"));
        // Plain HTTP to the TLS port gets nothing useful.
        httplib::Client plain("127.0.0.1", server.port);
        plain.set_read_timeout(5, 0);
        const auto p = plain.Get("/api/v1/health");
        QVERIFY(!p || p->status != 200);
    }

    void oversizedBodyIsRefusedClearly()
    {
        Served server(m_dir.path());
        Http http(server.port);
        http.signIn("pgo1", m_device);
        const std::string huge(40 * 1024 * 1024, 'x');
        const auto r = http.client.Post("/api/v1/sync/push", http.headers(), huge, "application/json");
        QVERIFY(r);
        QCOMPARE(r->status, 413);
        QVERIFY(QByteArray::fromStdString(r->body).contains("too_large"));
    }

    void backupWhileServingAndVerify()
    {
        Served server(m_dir.path());
        QTemporaryDir backups;
        const QString copy = backups.filePath(QStringLiteral("ledger.sqlite"));
        QByteArray out;
        QCOMPARE(run({QStringLiteral("backup"), QStringLiteral("--data"), m_dir.path(), QStringLiteral("--out"), copy}, &out), 0);
        QCOMPARE(run({QStringLiteral("verify"), QStringLiteral("--data"), backups.path()}, &out), 0);
        QVERIFY2(out.contains("ledger intact"), out.constData());
        QCOMPARE(run({QStringLiteral("verify"), QStringLiteral("--data"), m_dir.path()}, &out), 0);
        // An entry edited behind the server's back is found.
        QProcess sqlite;
        sqlite.start(QStringLiteral("sqlite3"), {copy, QStringLiteral("DROP TRIGGER audit_no_update; UPDATE audit SET action = 'edited' WHERE id = 2;")});
        QVERIFY(sqlite.waitForFinished());
        QCOMPARE(run({QStringLiteral("verify"), QStringLiteral("--data"), backups.path()}, &out), 1);
        QVERIFY2(out.contains("audit entry 2 was changed"), out.constData());
    }

    void demoLedgerServesTheStatusPage()
    {
        QTemporaryDir demoDir;
        QByteArray out;
        QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("--data"), demoDir.path()}, &out), 0);
        QVERIFY2(out.contains("demo ledger in"), out.constData());
        QCOMPARE(run({QStringLiteral("demo"), QStringLiteral("--data"), demoDir.path()}), 1); // not into a filled ledger
        QCOMPARE(run({QStringLiteral("verify"), QStringLiteral("--data"), demoDir.path()}, &out), 0);
        // Made public, the meeting page needs no sign-in (and names no one: tst_signoff checks that).
        Served server(demoDir.path(), {QStringLiteral("--public-status")});
        httplib::Client c("127.0.0.1", server.port);
        const auto page = c.Get("/status");
        QVERIFY(page);
        QCOMPARE(page->status, 200);
        QVERIFY(QString::fromStdString(page->body).contains(QStringLiteral("招商服务局")));
        QCOMPARE(run({QStringLiteral("score"), QStringLiteral("--data"), demoDir.path(), QStringLiteral("--quarter"), QStringLiteral("4")}, &out), 0);
        QVERIFY(QString::fromUtf8(out).contains(QStringLiteral("单位排名")));
    }
};

QTEST_GUILESS_MAIN(TestEndToEnd)
#include "tst_e2e.moc"
