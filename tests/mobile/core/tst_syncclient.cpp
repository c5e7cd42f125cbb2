// The sync client against the real syncserver binary (port 0, argon2id at its minimum cost): two
// devices editing offline converge; answers lost after the server committed never duplicate;
// refused records come back to their author; an expired, revoked or disabled session asks for a
// new sign-in and leaves the outbox alone; attachments go first and resume after a cut; a server
// restored from a backup gets the lost mutations again; automatic sync retries until it gets
// through. The only stand-in is a transport decorator that loses answers on purpose.
#include "localstore.h"
#include "networktransport.h"
#include "syncclient.h"
#include "testentities.h"

#include "ledger/syncprotocol.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include "../../support/syncserverprocess.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <signal.h>

using namespace mobile;
using namespace std::chrono_literals;
using mobile::test::with;

namespace {

const QString Binary = ledger::test::syncserverBinary();
const QString Password = QStringLiteral("password-123");
constexpr int Patience = 60000; // ms: generous, the machine is shared; nothing here measures speed

// Runs a syncserver subcommand; the output (stdout and stderr) goes to `output`.
int run(const QStringList &args, QByteArray *output = nullptr)
{
    return ledger::test::runSyncserver(args, Password, output);
}

// `syncserver user add`; returns the new person's id.
QString addUser(const QString &data, const QString &login, const QString &name, const QString &unit, const QString &roles)
{
    QByteArray out;
    if (run({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--data"), data, QStringLiteral("--login"), login, QStringLiteral("--name"), name,
             QStringLiteral("--unit"), unit, QStringLiteral("--roles"), roles}, &out) != 0)
        qFatal("user add %s failed: %s", qPrintable(login), out.constData());
    return QString::fromUtf8(out).section(u'(', 1).section(u')', 0, 0);
}

// A running `syncserver serve` on a free port, killed on scope exit.
using Served = ledger::test::ServedSyncserver;

// What happens to one request: delivered; delivered, but its answer is lost on the way back
// (the server did commit); or not sent at all (no network).
enum class Fate { Deliver, LoseAnswer, Refuse };

struct Exchange
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    int status = 0; // as the client saw it: 0 when the answer was lost
    QJsonObject answer;
    qsizetype mutations = 0; // in a push
};

// The real NetworkTransport with a hand on the wire: decides each request's fate and logs them.
class TestTransport : public Transport
{
public:
    void setBaseUrl(const QUrl &url) override { m_network.setBaseUrl(url); }
    [[nodiscard]] QUrl baseUrl() const override { return m_network.baseUrl(); }
    void send(const HttpRequest &request, std::function<void(HttpResponse)> done) override
    {
        HttpRequest r = request;
        if (rewrite)
            rewrite(r);
        const Fate f = fate ? fate(r) : Fate::Deliver;
        const qsizetype index = log.size();
        log.append(Exchange{r.method, r.path, r.query, 0, {}, QJsonDocument::fromJson(r.body).object().value(u"mutations").toArray().size()});
        if (f == Fate::Refuse) {
            QTimer::singleShot(0, [done] { done(HttpResponse{0, {}, QStringLiteral("Network unreachable (test)")}); });
            return;
        }
        m_network.send(r, [this, f, index, done](HttpResponse response) {
            if (f == Fate::LoseAnswer)
                response = HttpResponse{0, {}, QStringLiteral("Connection reset after the server answered (test)")};
            log[index].status = response.status;
            log[index].answer = response.json();
            done(response);
        });
    }

    std::function<Fate(const HttpRequest &)> fate;
    std::function<void(HttpRequest &)> rewrite;
    QList<Exchange> log;

private:
    NetworkTransport m_network;
};

// One tablet: its own data folder, store, transport and sync client.
struct Device
{
    explicit Device(const QString &name)
        : store(dir.path())
        , client(store, transport)
    {
        client.setDeviceName(name);
    }
    bool signIn(const QUrl &url, const QString &login, QString *error = nullptr)
    {
        QSignalSpy finished(&client, &SyncClient::signInFinished);
        client.signIn(url, login, Password);
        if (finished.isEmpty() && !finished.wait(Patience))
            return false;
        if (error)
            *error = finished.first().at(1).toString();
        return finished.first().at(0).toBool();
    }
    // One sync to its end; true when it ended up to date.
    bool sync()
    {
        QSignalSpy finished(&client, &SyncClient::syncFinished);
        client.syncNow();
        if (finished.isEmpty() && !finished.wait(Patience))
            return false;
        return finished.first().first().toBool();
    }
    [[nodiscard]] QJsonObject json(const QString &id) const
    {
        const auto e = store.entity(id);
        return e ? e->json : QJsonObject();
    }
    [[nodiscard]] QList<Exchange> requests(const QByteArray &method, const QString &pathPart) const
    {
        QList<Exchange> out;
        for (const Exchange &e : transport.log)
            if (e.method == method && e.path.contains(pathPart))
                out << e;
        return out;
    }

    QTemporaryDir dir;
    LocalStore store;
    TestTransport transport;
    SyncClient client;
};

HttpResponse await(Transport &transport, const HttpRequest &request)
{
    std::optional<HttpResponse> out;
    QEventLoop loop;
    transport.send(request, [&](HttpResponse r) {
        out = std::move(r);
        loop.quit();
    });
    if (!out) {
        QTimer::singleShot(Patience, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return out.value_or(HttpResponse{0, {}, QStringLiteral("timed out")});
}

// Straight calls to the API, for what the server holds (as the reviewer or the administrator).
class Api
{
public:
    Api(const QUrl &url, const QString &login)
        : m_transport(url)
    {
        const HttpResponse r = call("POST", QStringLiteral("/api/v1/auth/login"),
                                    QJsonObject{{QStringLiteral("login"), login}, {QStringLiteral("password"), Password},
                                                {QStringLiteral("device"), QJsonObject{{QStringLiteral("id"), test::newId()}, {QStringLiteral("name"), QStringLiteral("test")}}}});
        m_token = r.json().value(u"accessToken").toString();
        if (m_token.isEmpty())
            qFatal("sign-in of %s failed: %s", qPrintable(login), r.body.constData());
    }
    HttpResponse call(const QByteArray &method, const QString &path, const QJsonObject &body = {}, const QUrlQuery &query = {})
    {
        HttpRequest r;
        r.method = method;
        r.path = path;
        r.query = query;
        if (!body.isEmpty())
            r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        r.setHeader("X-Ledger-Protocol", "1");
        r.setHeader("X-Ledger-Schema", "1");
        if (!m_token.isEmpty())
            r.setHeader("Authorization", "Bearer " + m_token.toLatin1());
        return await(m_transport, r);
    }
    QJsonObject get(const QString &path, const QUrlQuery &query = {}) { return call("GET", path, {}, query).json(); }
    // Every entity the account may read, by id, as pulled from the start.
    QHash<QString, QJsonObject> everything()
    {
        QHash<QString, QJsonObject> out;
        qint64 cursor = 0;
        for (;;) {
            const QJsonObject page = get(QStringLiteral("/api/v1/sync/pull"),
                                         QUrlQuery{{QStringLiteral("cursor"), QString::number(cursor)}, {QStringLiteral("limit"), QStringLiteral("5000")}});
            for (const QJsonValue &c : page.value(u"changes").toArray()) {
                const QJsonObject change = c.toObject();
                if (change.value(u"deleted").toBool())
                    out.remove(change.value(u"id").toString());
                else
                    out.insert(change.value(u"entity").toObject().value(u"id").toString(), change.value(u"entity").toObject());
            }
            cursor = page.value(u"cursor").toInteger();
            if (!page.value(u"hasMore").toBool())
                return out;
        }
    }
    // How often the audit log has `action` for each entity (an entry shared by a push's creations
    // counts once for each entity it lists in "created").
    QHash<QString, int> audited(const QString &action)
    {
        QHash<QString, int> out;
        qint64 after = 0;
        for (;;) {
            const QJsonArray entries = get(QStringLiteral("/api/v1/audit"), QUrlQuery{{QStringLiteral("after"), QString::number(after)},
                                                                                      {QStringLiteral("limit"), QStringLiteral("5000")}})
                                           .value(u"entries").toArray();
            if (entries.isEmpty())
                return out;
            for (const QJsonValue &e : entries) {
                after = e.toObject().value(u"id").toInteger();
                if (e.toObject().value(u"action").toString() != action)
                    continue;
                const QJsonArray many = e.toObject().value(u"detail").toObject().value(u"created").toArray();
                for (const QJsonValue &one : many)
                    ++out[one.toObject().value(u"id").toString()];
                if (many.isEmpty())
                    ++out[e.toObject().value(u"entity").toString()];
            }
        }
    }

private:
    NetworkTransport m_transport;
    QString m_token;
};

QString idOf(const QJsonObject &json) { return json.value(u"id").toString(); }

QJsonArray mutations(const QList<OutboxEntry> &entries)
{
    QJsonArray out;
    for (const OutboxEntry &e : entries)
        out.append(e.toMutation());
    return out;
}

// A golden message of the sync protocol (tests/data/sync/), shared with tst_syncprotocol and the
// server's tst_api.
QJsonObject golden(const char *name)
{
    QFile file(QStringLiteral(LEDGER_TEST_DATA "/sync/") + QString::fromLatin1(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

// The person's edits behind the golden push, made on a store that pulled the golden page: the
// pulled lead's source changed, two new leads (one of another unit), the pulled enterprise deleted.
void editAsTheGoldenPush(LocalStore &store)
{
    QVERIFY(!store.applyPull(golden("pull-page.json")));
    const QJsonArray sent = golden("push-request.json").value(u"mutations").toArray();
    for (qsizetype i = 0; i < 3; ++i)
        QVERIFY(!store.save(sent[i].toObject().value(u"entity").toObject()));
    QVERIFY(!store.remove(sent[3].toObject().value(u"id").toString()));
}

// An enterprise as both sides hold it, whatever the spelling of empty fields.
ledger::Enterprise decodedEnterprise(const QJsonObject &json) { return ledger::wire::decodeEnterprise(json).value(); }

} // namespace

class TestSyncClient : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_data;
    std::unique_ptr<Served> m_server;
    QString m_pgo1, m_pgo2, m_isb1;

    [[nodiscard]] QUrl url() const { return m_server->url(); }

private slots:
    void initTestCase()
    {
        QVERIFY(QFile::exists(Binary));
        QByteArray out;
        QCOMPARE(run({QStringLiteral("init"), QStringLiteral("--data"), m_data.path()}, &out), 0);
        m_pgo1 = addUser(m_data.path(), QStringLiteral("pgo1"), QStringLiteral("孙丽"), QStringLiteral("PGO"), QStringLiteral("staff"));
        // The unit's contact may change every record of the unit, so two tablets can edit one record.
        m_pgo2 = addUser(m_data.path(), QStringLiteral("pgo2"), QStringLiteral("王强"), QStringLiteral("PGO"), QStringLiteral("staff,unit_contact"));
        m_isb1 = addUser(m_data.path(), QStringLiteral("isb1"), QStringLiteral("李审"), QStringLiteral("ISB"), QStringLiteral("reviewer"));
        QVERIFY(ledger::PersonId::parse(m_pgo1) && ledger::PersonId::parse(m_pgo2) && ledger::PersonId::parse(m_isb1));
        m_server = std::make_unique<Served>(m_data.path());
    }

    void cleanupTestCase() { m_server.reset(); }

    void syncWithoutSessionAsksToSignIn()
    {
        Device d(QStringLiteral("新平板"));
        QCOMPARE(d.client.state(), SyncClient::State::SignInNeeded);
        QVERIFY(!d.client.isSignedIn());
        QVERIFY(!d.sync());
        QCOMPARE(d.client.state(), SyncClient::State::SignInNeeded);
        QVERIFY(d.transport.log.isEmpty());
        QString error;
        QVERIFY(!d.signIn(QUrl(QStringLiteral("ftp://example.cn")), QStringLiteral("pgo1"), &error));
        QVERIFY(error.contains(QStringLiteral("服务器地址无效")));
        QVERIFY(d.signIn(url(), QStringLiteral("pgo1"), &error));
        QVERIFY(error.isEmpty());
        QVERIFY(d.client.isSignedIn());
        QCOMPARE(d.client.state(), SyncClient::State::Idle);
        QCOMPARE(d.store.session().serverUrl, url());
        Device wrong(QStringLiteral("输错密码"));
        QSignalSpy finished(&wrong.client, &SyncClient::signInFinished);
        wrong.client.signIn(url(), QStringLiteral("pgo1"), QStringLiteral("not-the-password"));
        QVERIFY(finished.wait(Patience));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(finished.first().at(1).toString(), QStringLiteral("用户名或密码不正确，或账号已停用"));
        QVERIFY(!wrong.client.isSignedIn());
    }

    void theOutboxBuildsTheGoldenPush()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        editAsTheGoldenPush(store);
        if (QTest::currentTestFailed())
            return;
        const QJsonObject expected = golden("push-request.json");
        const QJsonObject built = ledger::sync::encodePushRequest(expected.value(u"device").toString(), mutations(store.outboxBatch(SyncClient::PushBatchSize)));
        QCOMPARE(QJsonDocument(built).toJson(), QJsonDocument(expected).toJson());
    }

    void theGoldenPullPageAndPushResultAreAccepted()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        editAsTheGoldenPush(store);
        if (QTest::currentTestFailed())
            return;
        // The pulled page: the lead and the enterprise as the server holds them, at its versions.
        const QString lead = QStringLiteral("5e1d7c2a-9b3f-4c8e-a1d6-0f2b3c4d5e6f"), enterprise = QStringLiteral("7a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d");
        QCOMPARE(store.entity(lead)->serverVersion, 41);
        QCOMPARE(store.pullCursor(), 43);
        QCOMPARE(store.pendingCount(), 4);
        QList<qint64> numbers;
        for (const OutboxEntry &e : store.outboxBatch(SyncClient::PushBatchSize))
            numbers << e.n;
        QVERIFY(!store.markAttempted(numbers));
        // The server's answer: applied entries take its versions, the refused one comes back to its author.
        QVERIFY(!store.markPushed(golden("push-result.json")));
        QCOMPARE(store.pendingCount(), 0);
        QCOMPARE(store.entity(lead)->serverVersion, 44);
        QCOMPARE(store.entity(lead)->json.value(u"source").toString(), QStringLiteral("企业来函"));
        QCOMPARE(store.entity(QStringLiteral("1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b"))->serverVersion, 45);
        const auto refused = store.entity(QStringLiteral("2a3b4c5d-6e7f-4809-9a1b-2c3d4e5f6a7b"));
        QVERIFY(refused && refused->rejectedReason.contains(QStringLiteral("只能填报本单位（PGO）的记录")));
        QCOMPARE(store.rejected().size(), 1);
        QVERIFY(!store.entity(enterprise));
    }

    void twoDevicesEditingOfflineConverge()
    {
        Device a(QStringLiteral("平板A")), b(QStringLiteral("平板B"));
        QVERIFY(a.signIn(url(), QStringLiteral("pgo1")));
        QVERIFY(b.signIn(url(), QStringLiteral("pgo2")));
        QCOMPARE(a.client.state(), SyncClient::State::Idle);
        QCOMPARE(a.client.user().value(u"login").toString(), QStringLiteral("pgo1"));

        const QJsonObject enterprise = test::enterprise(QStringLiteral("豫北新材料有限公司"));
        const QJsonObject lead = test::lead(QStringLiteral("PGO"), m_pgo1, QStringLiteral("豫北新材料有限公司"));
        QVERIFY(!a.store.save(enterprise));
        QVERIFY(!a.store.save(lead));
        QSignalSpy states(&a.client, &SyncClient::stateChanged);
        QVERIFY(a.sync());
        QCOMPARE(states.first().first().value<SyncClient::State>(), SyncClient::State::Syncing);
        QCOMPARE(a.client.state(), SyncClient::State::UpToDate);
        QCOMPARE(a.client.pendingCount(), 0);
        QCOMPARE(a.client.progress(), 1.0);
        QVERIFY(a.client.lastError().isEmpty());
        QVERIFY(a.client.lastSyncedAt().isValid());
        QVERIFY(b.sync());
        QVERIFY(b.store.entity(idOf(lead)));
        QVERIFY(b.store.entity(idOf(enterprise)));

        // Offline, both edit: different fields of the same lead and enterprise, and a record each.
        a.transport.fate = [](const HttpRequest &) { return Fate::Refuse; };
        QVERIFY(!a.store.save(with(a.json(idOf(lead)), QStringLiteral("intention"), QStringLiteral("已达成初步投资意向"))));
        QVERIFY(!a.store.save(with(a.json(idOf(enterprise)), QStringLiteral("address"), QStringLiteral("经开区纬五路 18 号"))));
        const QJsonObject leadA = test::lead(QStringLiteral("PGO"), m_pgo1, QStringLiteral("A新增企业"));
        QVERIFY(!a.store.save(leadA));
        QVERIFY(!a.sync());
        QCOMPARE(a.client.state(), SyncClient::State::Waiting);
        QVERIFY(a.client.lastError().contains(QStringLiteral("无法连接服务器")));
        QCOMPARE(a.client.pendingCount(), 3);

        QVERIFY(!b.store.save(with(b.json(idOf(lead)), QStringLiteral("source"), QStringLiteral("招商推介会"))));
        QVERIFY(!b.store.save(with(b.json(idOf(enterprise)), QStringLiteral("industry"), QStringLiteral("new_materials"))));
        const QJsonObject leadB = test::lead(QStringLiteral("PGO"), m_pgo2, QStringLiteral("B新增企业"));
        QVERIFY(!b.store.save(leadB));

        // The network comes back.
        a.transport.fate = {};
        QVERIFY(a.sync());
        QVERIFY(b.sync());
        QVERIFY(a.sync());
        for (Device *d : {&a, &b}) {
            QCOMPARE(d->client.state(), SyncClient::State::UpToDate);
            QCOMPARE(d->client.pendingCount(), 0);
            QVERIFY(d->client.conflicts().isEmpty());
            QVERIFY(d->store.rejected().isEmpty());
            QVERIFY(d->store.entity(idOf(leadA)));
            QVERIFY(d->store.entity(idOf(leadB)));
        }
        const QJsonObject merged = a.json(idOf(lead));
        QCOMPARE(merged.value(u"intention").toString(), QStringLiteral("已达成初步投资意向"));
        QCOMPARE(merged.value(u"source").toString(), QStringLiteral("招商推介会"));
        QCOMPARE(b.json(idOf(lead)), merged);
        Api reviewer(url(), QStringLiteral("isb1"));
        const QHash<QString, QJsonObject> server = reviewer.everything();
        QCOMPARE(server.value(idOf(lead)), merged);
        QCOMPARE(server.value(idOf(leadA)), a.json(idOf(leadA)));
        QCOMPARE(server.value(idOf(leadB)), a.json(idOf(leadB)));
        const ledger::Enterprise e = decodedEnterprise(a.json(idOf(enterprise)));
        QCOMPARE(e.address, QStringLiteral("经开区纬五路 18 号"));
        QCOMPARE(e.industry, QStringLiteral("new_materials"));
        QCOMPARE(decodedEnterprise(b.json(idOf(enterprise))), e);
        QCOMPARE(decodedEnterprise(server.value(idOf(enterprise))), e);
        // The local ledger is what scoring reads: it holds the merged records.
        QVERIFY(b.store.ledger().find(*ledger::RecordId::parse(idOf(leadA))));
    }

    void theSameFieldTwiceBecomesAConflictToSettle()
    {
        Device a(QStringLiteral("平板A")), b(QStringLiteral("平板B"));
        QVERIFY(a.signIn(url(), QStringLiteral("pgo1")));
        QVERIFY(b.signIn(url(), QStringLiteral("pgo2")));
        const QJsonObject lead = test::lead(QStringLiteral("PGO"), m_pgo1, QStringLiteral("冲突测试企业"));
        QVERIFY(!a.store.save(lead));
        QVERIFY(a.sync());
        QVERIFY(b.sync());
        QVERIFY(!a.store.save(with(a.json(idOf(lead)), QStringLiteral("intention"), QStringLiteral("A：计划投资三亿元"))));
        QVERIFY(!b.store.save(with(b.json(idOf(lead)), QStringLiteral("intention"), QStringLiteral("B：计划投资五亿元"))));
        QVERIFY(a.sync());
        QSignalSpy conflictsChanged(&b.client, &SyncClient::conflictsChanged);
        QVERIFY(b.sync());
        QCOMPARE(conflictsChanged.count(), 1);

        // Nothing silently dropped: the server kept A's value and holds B's as a conflict.
        QCOMPARE(b.client.conflicts().size(), 1);
        const QJsonObject conflict = b.client.conflicts().first().toObject();
        QCOMPARE(conflict.value(u"entity").toString(), idOf(lead));
        QCOMPARE(conflict.value(u"field").toString(), QStringLiteral("intention"));
        QCOMPARE(conflict.value(u"serverValue").toString(), QStringLiteral("A：计划投资三亿元"));
        QCOMPARE(conflict.value(u"deviceValue").toString(), QStringLiteral("B：计划投资五亿元"));
        QCOMPARE(b.json(idOf(lead)).value(u"intention").toString(), QStringLiteral("A：计划投资三亿元"));

        QSignalSpy resolved(&b.client, &SyncClient::conflictResolved);
        QSignalSpy synced(&b.client, &SyncClient::syncFinished);
        b.client.resolveConflict(conflict.value(u"id").toInteger(), QStringLiteral("device"));
        QVERIFY(resolved.wait(Patience));
        QCOMPARE(resolved.first().at(1).toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), Patience);
        QCOMPARE(b.json(idOf(lead)).value(u"intention").toString(), QStringLiteral("B：计划投资五亿元"));
        QVERIFY(b.client.conflicts().isEmpty());
        QVERIFY(a.sync());
        QCOMPARE(a.json(idOf(lead)), b.json(idOf(lead)));
    }

    void lostAnswersNeverDuplicate()
    {
        Device d(QStringLiteral("平板C"));
        QVERIFY(d.signIn(url(), QStringLiteral("pgo1")));
        QList<QJsonObject> leads;
        for (int i = 0; i < 30; ++i) {
            leads << test::lead(QStringLiteral("PGO"), m_pgo1, QStringLiteral("丢失应答企业%1").arg(i));
            QVERIFY(!d.store.save(leads.last()));
        }
        // The server commits the push, the answer never arrives.
        d.transport.fate = [](const HttpRequest &r) { return r.path.endsWith(u"/sync/push") ? Fate::LoseAnswer : Fate::Deliver; };
        QVERIFY(!d.sync());
        QCOMPARE(d.client.state(), SyncClient::State::Waiting);
        QCOMPARE(d.client.pendingCount(), 30);
        QCOMPARE(d.requests("POST", QStringLiteral("/sync/push")).size(), 1);
        // A later edit of one of them: the sent entry may be applied already, so it is not changed.
        QVERIFY(!d.store.save(with(d.json(idOf(leads.first())), QStringLiteral("intention"), QStringLiteral("应答丢失后的修改"))));
        QCOMPARE(d.client.pendingCount(), 31);
        QCOMPARE(d.store.lastMutationNumber(), 31);
        // The same again, so the retry itself also goes unanswered. A retry is sent on its own,
        // exactly as before: the edit waits for the answers it builds on.
        QVERIFY(!d.sync());
        QCOMPARE(d.client.pendingCount(), 31);
        QCOMPARE(d.requests("POST", QStringLiteral("/sync/push")).last().mutations, 30);

        d.transport.fate = {};
        d.transport.log.clear();
        QVERIFY(d.sync());
        QCOMPARE(d.client.pendingCount(), 0);
        QVERIFY(d.store.rejected().isEmpty());
        QVERIFY(d.client.conflicts().isEmpty()); // the edit did not collide with its own record
        const QList<Exchange> pushes = d.requests("POST", QStringLiteral("/sync/push"));
        QCOMPARE(pushes.size(), 2);
        QCOMPARE(pushes.at(0).status, 200);
        QCOMPARE(pushes.at(0).answer.value(u"skipped").toInt(), 30); // applied the first time, not again
        QCOMPARE(pushes.at(0).answer.value(u"applied").toInt(), 0);
        QCOMPARE(pushes.at(1).answer.value(u"applied").toInt(), 1);
        QCOMPARE(pushes.at(1).answer.value(u"results").toArray().first().toObject().value(u"conflicts"), QJsonValue(QJsonValue::Undefined));

        Api admin(url(), QStringLiteral("admin"));
        const QHash<QString, int> creates = admin.audited(QStringLiteral("create"));
        const QHash<QString, int> updates = admin.audited(QStringLiteral("update"));
        for (const QJsonObject &lead : std::as_const(leads)) {
            QCOMPARE(creates.value(idOf(lead)), 1);
            QCOMPARE(d.store.entity(idOf(lead))->serverVersion > 0, true);
        }
        QCOMPARE(updates.value(idOf(leads.first())), 1);
        Api reviewer(url(), QStringLiteral("isb1"));
        const QHash<QString, QJsonObject> server = reviewer.everything();
        for (const QJsonObject &lead : std::as_const(leads))
            QCOMPARE(server.value(idOf(lead)), d.json(idOf(lead)));
        QCOMPARE(server.value(idOf(leads.first())).value(u"intention").toString(), QStringLiteral("应答丢失后的修改"));
        for (const QJsonValue &device : admin.get(QStringLiteral("/api/v1/devices")).value(u"devices").toArray())
            if (device.toObject().value(u"id").toString() == d.store.deviceId())
                QCOMPARE(device.toObject().value(u"lastApplied").toInteger(), 31);
    }

    void refusedRecordsComeBackToTheirAuthor()
    {
        Device d(QStringLiteral("平板D"));
        QVERIFY(d.signIn(url(), QStringLiteral("pgo1")));
        // A PGO staff member credits a lead to another unit: the server refuses it.
        const QJsonObject foreign = test::lead(QStringLiteral("EEE"), m_pgo1, QStringLiteral("记错单位的线索"));
        QVERIFY(!d.store.save(foreign));
        QVERIFY(d.sync());
        QCOMPARE(d.client.pendingCount(), 0);
        const QList<LocalEntity> refused = d.store.rejected();
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().id, idOf(foreign));
        QVERIFY2(refused.first().rejectedReason.contains(u"本单位（PGO）"), qPrintable(refused.first().rejectedReason));
        QVERIFY(refused.first().rejectedReason.startsWith(QStringLiteral("无权提交")));

        // The author fixes it and it lands.
        QVERIFY(!d.store.save(with(refused.first().json, QStringLiteral("credit"),
                                   QJsonObject{{QStringLiteral("unit"), QStringLiteral("PGO")}, {QStringLiteral("people"), QJsonArray{m_pgo1}}})));
        QVERIFY(d.store.rejected().isEmpty());
        QVERIFY(d.sync());
        QVERIFY(d.store.rejected().isEmpty());
        QVERIFY(d.store.entity(idOf(foreign))->serverVersion > 0);

        // A reviewer returns it with a reason; the reason reaches the tablet.
        Api reviewer(url(), QStringLiteral("isb1"));
        const HttpResponse returned = reviewer.call("POST", QStringLiteral("/api/v1/records/%1/review").arg(idOf(foreign)),
                                                    QJsonObject{{QStringLiteral("action"), QStringLiteral("return")},
                                                                {QStringLiteral("reason"), QStringLiteral("请补充企业投资意向书")}});
        QCOMPARE(returned.status, 200);
        QVERIFY(d.sync());
        const QJsonObject review = d.json(idOf(foreign)).value(u"review").toObject();
        QCOMPARE(review.value(u"state").toString(), QStringLiteral("returned"));
        QCOMPARE(review.value(u"reason").toString(), QStringLiteral("请补充企业投资意向书"));
    }

    // Two edits each valid alone whose merge the server refuses (the trip would end before it
    // starts): the refusal carries the wire decoder's code, and the author reads it worded from the
    // shared table, not in the server's words.
    void aMergeTheServerRefusesIsWordedFromItsCode()
    {
        Device a(QStringLiteral("平板A")), b(QStringLiteral("平板B"));
        QVERIFY(a.signIn(url(), QStringLiteral("pgo1")));
        QVERIFY(b.signIn(url(), QStringLiteral("pgo2")));
        ledger::Trip t;
        t.meta.id = ledger::RecordId::create();
        t.meta.credit.unit = ledger::UnitCode(QStringLiteral("PGO"));
        t.meta.credit.people = {*ledger::PersonId::parse(m_pgo1), *ledger::PersonId::parse(m_pgo2)};
        t.destination = QStringLiteral("江苏省苏州市");
        t.start = QDate(2023, 4, 10);
        t.end = QDate(2023, 4, 13);
        t.members = t.meta.credit.people;
        const QJsonObject trip = ledger::wire::encode(ledger::Record(t));
        const QString id = trip.value(u"id").toString();
        QVERIFY(!a.store.save(trip));
        QVERIFY(a.sync());
        QVERIFY(b.sync());
        QVERIFY(!a.store.save(with(a.json(id), QStringLiteral("start"), QStringLiteral("2023-04-12"))));
        QVERIFY(!b.store.save(with(b.json(id), QStringLiteral("end"), QStringLiteral("2023-04-11"))));
        QVERIFY(a.sync());
        QVERIFY(b.sync());
        const auto refused = b.store.entity(id);
        QVERIFY(refused);
        QCOMPARE(refused->rejectedReason, QStringLiteral("内容有误（entity.end）：不能早于开始日期（2023-04-12）"));
        QVERIFY(a.store.rejected().isEmpty());
    }

    void anEndedSessionAsksToSignInAndKeepsTheOutbox_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<QString>("login");
        QTest::newRow("wrong tokens") << QStringLiteral("tokens") << QStringLiteral("pgo1");
        QTest::newRow("device revoked") << QStringLiteral("revoke") << QStringLiteral("pgo1");
        QTest::newRow("user disabled") << QStringLiteral("disable") << QStringLiteral("pgo2");
    }
    void anEndedSessionAsksToSignInAndKeepsTheOutbox()
    {
        QFETCH(QString, how);
        QFETCH(QString, login);
        Device d(QStringLiteral("平板E"));
        QVERIFY(d.signIn(url(), login));
        const QString person = login == u"pgo1" ? m_pgo1 : m_pgo2;
        for (int i = 0; i < 3; ++i)
            QVERIFY(!d.store.save(test::lead(QStringLiteral("PGO"), person, QStringLiteral("会话结束企业%1").arg(i))));
        const QJsonArray before = mutations(d.store.outboxBatch(100));

        if (how == u"tokens") {
            QVERIFY(!d.store.setTokens(QStringLiteral("not-a-token"), QStringLiteral("not-a-refresh-token")));
        } else if (how == u"revoke") {
            Api admin(url(), QStringLiteral("admin"));
            QCOMPARE(admin.call("POST", QStringLiteral("/api/v1/devices/%1/revoke").arg(d.store.deviceId())).status, 200);
        } else {
            QCOMPARE(run({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("--data"), m_data.path(), QStringLiteral("--login"), login}), 0);
        }
        QSignalSpy signedIn(&d.client, &SyncClient::signedInChanged);
        QVERIFY(!d.sync());
        QCOMPARE(d.client.state(), SyncClient::State::SignInNeeded);
        QVERIFY2(d.client.lastError().contains(QStringLiteral("重新登录")), qPrintable(d.client.lastError()));
        QVERIFY(!d.client.isSignedIn());
        QVERIFY(!signedIn.isEmpty());
        QCOMPARE(d.requests("POST", QStringLiteral("/auth/refresh")).size(), 1); // tried once
        // The outbox is as it was: same numbers, same entities, nothing lost, nothing marked done.
        QCOMPARE(d.client.pendingCount(), 3);
        QCOMPARE(mutations(d.store.outboxBatch(100)), before);
        QCOMPARE(d.store.lastMutationNumber(), 3);
        QCOMPARE(d.store.session().user.value(u"login").toString(), login); // to prefill the sign-in

        QString error;
        if (how == u"revoke") {
            QVERIFY(!d.signIn(url(), login, &error));
            QCOMPARE(error, QStringLiteral("这台设备已被管理员停用，请联系管理员"));
            return;
        }
        if (how == u"disable")
            QCOMPARE(run({QStringLiteral("user"), QStringLiteral("enable"), QStringLiteral("--data"), m_data.path(), QStringLiteral("--login"), login}), 0);
        QVERIFY(d.signIn(url(), login, &error));
        QVERIFY(d.sync());
        QCOMPARE(d.client.pendingCount(), 0);
        QVERIFY(d.store.rejected().isEmpty());
    }

    void anAppTooOldIsToldToUpdate()
    {
        Device d(QStringLiteral("旧版平板"));
        QVERIFY(d.signIn(url(), QStringLiteral("pgo1")));
        QVERIFY(!d.store.save(test::lead(QStringLiteral("PGO"), m_pgo1, QStringLiteral("旧版应用企业"))));
        d.transport.rewrite = [](HttpRequest &r) { r.setHeader("X-Ledger-Protocol", "0"); };
        QVERIFY(!d.sync());
        QCOMPARE(d.client.state(), SyncClient::State::Failed);
        QVERIFY2(d.client.lastError().contains(QStringLiteral("更新应用")), qPrintable(d.client.lastError()));
        QCOMPARE(d.client.pendingCount(), 1);
        QVERIFY(d.client.isSignedIn());
        d.transport.rewrite = {};
        QVERIFY(d.sync());
        QCOMPARE(d.client.pendingCount(), 0);
    }

    void attachmentsGoFirstAndResumeAfterACut()
    {
        Device d(QStringLiteral("平板F"));
        QVERIFY(d.signIn(url(), QStringLiteral("pgo1")));
        QByteArray content = QByteArrayLiteral("%PDF-1.7\n");
        for (int i = 0; i < 600 * 1024 / 4; ++i) {
            const quint32 word = QRandomGenerator::global()->generate();
            content.append(reinterpret_cast<const char *>(&word), 4);
        }
        const auto attachment = d.store.storeAttachment(content, QStringLiteral("投资协议.pdf"), QStringLiteral("application/pdf"));
        QVERIFY(attachment);
        const QString sha = attachment.value().sha256.hex();
        const QJsonObject enterprise = test::enterprise(QStringLiteral("附件测试企业"));
        const QJsonObject visit = test::visit(QStringLiteral("PGO"), m_pgo1, idOf(enterprise), {attachment.value()});
        QVERIFY(!d.store.save(enterprise));
        QVERIFY(!d.store.save(visit));

        // The second chunk reaches the server, its answer does not.
        int puts = 0;
        d.transport.fate = [&puts](const HttpRequest &r) { return r.method == "PUT" && ++puts == 2 ? Fate::LoseAnswer : Fate::Deliver; };
        QVERIFY(!d.sync());
        QCOMPARE(d.client.state(), SyncClient::State::Waiting);
        QCOMPARE(d.client.pendingCount(), 2);
        QVERIFY(d.requests("POST", QStringLiteral("/sync/push")).isEmpty()); // no record before its attachment
        Api api(url(), QStringLiteral("pgo1"));
        const QJsonObject status = api.get(QStringLiteral("/api/v1/attachments/%1/status").arg(sha));
        QCOMPARE(status.value(u"received").toInteger(), 2 * SyncClient::ChunkSize);
        QCOMPARE(status.value(u"complete").toBool(), false);

        d.transport.fate = {};
        d.transport.log.clear();
        QVERIFY(d.sync());
        const QList<Exchange> &log = d.transport.log;
        QVERIFY(log.size() >= 3);
        QCOMPARE(log.at(0).method, QByteArray("GET"));
        QVERIFY(log.at(0).path.endsWith(QStringLiteral("/attachments/%1/status").arg(sha)));
        QCOMPARE(log.at(1).method, QByteArray("PUT"));
        QCOMPARE(log.at(1).query.queryItemValue(QStringLiteral("offset")).toLongLong(), 2 * SyncClient::ChunkSize); // resumed, not restarted
        QCOMPARE(log.at(1).query.queryItemValue(QStringLiteral("size")).toLongLong(), qint64(content.size()));
        QCOMPARE(log.at(1).answer.value(u"complete").toBool(), true);
        QCOMPARE(d.requests("PUT", QStringLiteral("/attachments/")).size(), 1);
        QCOMPARE(log.at(2).path, QStringLiteral("/api/v1/sync/push"));
        QCOMPARE(log.at(2).answer.value(u"applied").toInt(), 2);

        QCOMPARE(d.client.pendingCount(), 0);
        QVERIFY(d.store.rejected().isEmpty());
        QCOMPARE(api.call("GET", QStringLiteral("/api/v1/attachments/%1").arg(sha)).body, content);
        QVERIFY(d.store.attachmentsToUpload().isEmpty());
    }

    void aServerRestoredFromABackupGetsTheLostMutationsAgain()
    {
        QTemporaryDir data, backups;
        QCOMPARE(run({QStringLiteral("init"), QStringLiteral("--data"), data.path()}), 0);
        const QString person = addUser(data.path(), QStringLiteral("pgo1"), QStringLiteral("孙丽"), QStringLiteral("PGO"), QStringLiteral("staff"));
        auto server = std::make_unique<Served>(data.path());
        Device d(QStringLiteral("平板G"));
        QVERIFY(d.signIn(server->url(), QStringLiteral("pgo1")));
        QList<QJsonObject> leads;
        auto add = [&](int i) {
            leads << test::lead(QStringLiteral("PGO"), person, QStringLiteral("恢复测试企业%1").arg(i));
            return !d.store.save(leads.last());
        };
        QVERIFY(add(1) && add(2));
        QVERIFY(d.sync());
        const QString copy = backups.filePath(QStringLiteral("ledger.sqlite"));
        QCOMPARE(run({QStringLiteral("backup"), QStringLiteral("--data"), data.path(), QStringLiteral("--out"), copy}), 0);
        QVERIFY(add(3) && add(4));
        QVERIFY(d.sync()); // mutations 3 and 4 confirmed, then lost with the server's disk
        QCOMPARE(d.client.pendingCount(), 0);

        server.reset();
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(QDir(data.path()).filePath(QStringLiteral("ledger.sqlite") + suffix));
        QVERIFY(QFile::copy(copy, QDir(data.path()).filePath(QStringLiteral("ledger.sqlite"))));
        server = std::make_unique<Served>(data.path());
        QVERIFY(!d.store.setServerUrl(server->url()));

        QVERIFY(add(5));
        QVERIFY(d.sync());
        const QList<Exchange> pushes = d.requests("POST", QStringLiteral("/sync/push"));
        QCOMPARE(pushes.at(pushes.size() - 2).status, 409); // gap: the server needs 3 again
        QCOMPARE(pushes.last().answer.value(u"applied").toInt(), 3);
        QCOMPARE(d.client.pendingCount(), 0);
        QVERIFY(d.store.rejected().isEmpty());

        // A second tablet of the same person sees all five, once each.
        Device other(QStringLiteral("平板H"));
        QVERIFY(other.signIn(server->url(), QStringLiteral("pgo1")));
        QVERIFY(other.sync());
        QCOMPARE(other.store.records().size(), 5);
        for (const QJsonObject &lead : std::as_const(leads))
            QCOMPARE(other.json(idOf(lead)), d.json(idOf(lead)));
        QCOMPARE(d.store.records().size(), 5);
    }

    void autoSyncRetriesUntilItGetsThrough()
    {
        Device d(QStringLiteral("平板I"));
        QVERIFY(d.signIn(url(), QStringLiteral("pgo1")));
        int refused = 0;
        d.transport.fate = [&refused](const HttpRequest &) { return refused++ < 3 ? Fate::Refuse : Fate::Deliver; };
        d.client.setRetryBackoff(50ms, 400ms);
        QSignalSpy states(&d.client, &SyncClient::stateChanged);
        d.client.setAutoSync(true);
        QVERIFY(d.client.autoSync());
        QVERIFY(!d.store.save(test::lead(QStringLiteral("PGO"), m_pgo1, QStringLiteral("自动同步企业"))));
        QTRY_COMPARE_WITH_TIMEOUT(d.client.state(), SyncClient::State::UpToDate, Patience);
        QCOMPARE(d.client.pendingCount(), 0);
        QVERIFY(refused > 3);
        bool waited = false;
        for (const auto &s : states)
            waited = waited || s.first().value<SyncClient::State>() == SyncClient::State::Waiting;
        QVERIFY(waited);
        QVERIFY(!d.client.retryScheduled());
        d.client.setAutoSync(false);
    }
};

QTEST_GUILESS_MAIN(TestSyncClient)
#include "tst_syncclient.moc"
