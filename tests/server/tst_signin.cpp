// Signing in under attack: throttling that holds when many attempts arrive at once (per account
// and per address, the address taken from X-Real-IP only when a trusted proxy sent it), 429 with
// Retry-After, the same hashing work whether or not a login exists, and changing one's own password
// (the current one needed, the account's other sessions ended).
#include "serverfixture.h"

#include <QElapsedTimer>
#include <algorithm>
#include <atomic>
#include <latch>
#include <thread>

using namespace syncserver;
using namespace syncserver::test;

namespace {

const QString POST = QStringLiteral("POST");
const QString GET = QStringLiteral("GET");
const QString Password = QStringLiteral("password-123");

// A server of its own, for account settings the shared fixture does not have.
class Bench
{
public:
    explicit Bench(AccountSettings settings)
    {
        ServerConfig config;
        config.dataDir = m_dir.path();
        config.accounts = std::move(settings);
        server = std::make_unique<Server>(config, clock);
        const Actor system{QStringLiteral("system"), QStringLiteral("test")};
        user = server->accounts().createUser(QStringLiteral("pgo1"), QStringLiteral("孙丽"), QStringLiteral("PGO"), {ledger::Role::Staff},
                                             Password, system);
    }

    // A sign-in as it arrives from `peer`, with the X-Real-IP header when one is given.
    [[nodiscard]] Response login(const QString &login, const QString &password, const QString &peer = QStringLiteral("127.0.0.1"),
                                 const QByteArray &realIp = {}) const
    {
        Request r;
        r.method = POST;
        r.path = QStringLiteral("/api/v1/auth/login");
        r.remoteAddress = peer;
        r.headers = {{"x-ledger-protocol", "1"}, {"x-ledger-schema", "1"}};
        if (!realIp.isEmpty())
            r.headers.insert("x-real-ip", realIp);
        r.body = QJsonDocument(QJsonObject{{QStringLiteral("login"), login}, {QStringLiteral("password"), password},
                                           {QStringLiteral("device"), QJsonObject{{QStringLiteral("id"), ledger::RecordId::create().toString()}}}})
                     .toJson(QJsonDocument::Compact);
        return server->handle(r);
    }

private:
    QTemporaryDir m_dir; // first, so it outlives the server

public:
    FakeClock clock;
    std::unique_ptr<Server> server;
    User user;
};

QJsonObject errorOf(const Response &r) { return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("error")).toObject(); }
QString detailCode(const QJsonObject &error) { return error.value(QStringLiteral("detail")).toObject().value(QStringLiteral("code")).toString(); }

// "$argon2id$v=19$m=…,t=…,p=…": the algorithm and its cost, without the salt and the hash.
QString costOf(const QString &hash) { return hash.section(u'$', 0, 3); }

} // namespace

class TestSignIn : public QObject
{
    Q_OBJECT

private slots:
    // Twelve wrong passwords at once for one account: only the allowance is checked at all; the
    // rest are refused before hashing, with 429 and Retry-After.
    void aBurstOfWrongPasswordsIsCutOffBeforeHashing()
    {
        std::atomic<int> checks{0};
        AccountSettings settings;
        settings.opsLimit = 1;
        settings.memLimit = 8 * 1024 * 1024; // enough cost that the twelve overlap
        settings.onPasswordCheck = [&](const QString &) { ++checks; };
        Bench b(settings);
        checks = 0;
        constexpr int Burst = 12;
        std::latch start(Burst);
        std::vector<Response> answers(Burst);
        std::vector<std::thread> threads;
        for (int i = 0; i < Burst; ++i) {
            threads.emplace_back([&, i] {
                start.arrive_and_wait();
                // Different addresses, so only the account's allowance is at work.
                answers[std::size_t(i)] = b.login(QStringLiteral("pgo1"), QStringLiteral("wrong-password"), QStringLiteral("127.0.0.1"),
                                                  QByteArray("198.51.100.") + QByteArray::number(i + 1));
            });
        }
        for (auto &t : threads)
            t.join();
        int refused = 0, throttled = 0;
        for (const Response &r : answers) {
            if (r.status == 401) {
                ++refused;
                QCOMPARE(detailCode(errorOf(r)), QStringLiteral("sign_in_refused"));
            } else {
                QCOMPARE(r.status, 429);
                ++throttled;
                const QJsonObject e = errorOf(r);
                QCOMPARE(e.value(QStringLiteral("code")).toString(), QStringLiteral("slow_down"));
                QCOMPARE(detailCode(e), QStringLiteral("sign_in_throttled"));
                QCOMPARE(e.value(QStringLiteral("field")).toString(), QStringLiteral("login"));
                QVERIFY(r.headers.value("retry-after").toLongLong() >= 1);
                QCOMPARE(r.headers.value("retry-after").toLongLong(), e.value(QStringLiteral("retryAfter")).toInteger());
            }
        }
        QCOMPARE(refused + throttled, Burst);
        QVERIFY2(refused <= settings.freeFailures, qPrintable(QString::number(refused)));
        QVERIFY2(checks <= settings.freeFailures, qPrintable(QString::number(checks)));
        QVERIFY(throttled >= Burst - settings.freeFailures);
        // Locked out now: even the right password waits, and is not checked.
        const int before = checks;
        QCOMPARE(b.login(QStringLiteral("pgo1"), Password, QStringLiteral("127.0.0.1"), "203.0.113.9").status, 429);
        QCOMPARE(int(checks), before);
    }

    // Past the allowance each failure doubles the lockout; the wait is said in Retry-After.
    void theLockoutDoublesAndIsAnnounced()
    {
        AccountSettings settings;
        settings.opsLimit = 1;
        settings.memLimit = 8192;
        Bench b(settings);
        for (int i = 0; i < settings.freeFailures; ++i)
            QCOMPARE(b.login(QStringLiteral("pgo1"), QStringLiteral("wrong-password")).status, 401);
        Response r = b.login(QStringLiteral("pgo1"), Password);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.headers.value("retry-after"), QByteArray("1"));
        b.clock.t = b.clock.t.addSecs(1);
        QCOMPARE(b.login(QStringLiteral("pgo1"), QStringLiteral("wrong-password")).status, 401);
        r = b.login(QStringLiteral("pgo1"), Password);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.headers.value("retry-after"), QByteArray("2"));
        b.clock.t = b.clock.t.addSecs(2);
        QCOMPARE(b.login(QStringLiteral("pgo1"), Password).status, 200);
        // A success starts the account's count again.
        QCOMPARE(b.login(QStringLiteral("pgo1"), QStringLiteral("wrong-password")).status, 401);
        QCOMPARE(b.login(QStringLiteral("pgo1"), Password).status, 200);
    }

    // One address guessing many logins is stopped at the address's allowance, whatever the login;
    // another address is not.
    void oneAddressGuessingManyLoginsIsStopped()
    {
        AccountSettings settings;
        settings.opsLimit = 1;
        settings.memLimit = 8192;
        Bench b(settings);
        for (int i = 0; i < settings.freeFailuresPerAddress; ++i)
            QCOMPARE(b.login(QStringLiteral("guess%1").arg(i), QStringLiteral("wrong-password"), QStringLiteral("10.1.1.1")).status, 401);
        const Response r = b.login(QStringLiteral("pgo1"), Password, QStringLiteral("10.1.1.1"));
        QCOMPARE(r.status, 429);
        QCOMPARE(errorOf(r).value(QStringLiteral("field")).toString(), QStringLiteral("address"));
        QVERIFY(r.headers.contains("retry-after"));
        QCOMPARE(b.login(QStringLiteral("pgo1"), Password, QStringLiteral("10.2.2.2")).status, 200);
    }

    // Behind nginx every request comes from loopback: the client is X-Real-IP, taken only from a
    // trusted proxy. Anyone else naming an address in the header is counted at their own.
    void theRealAddressIsTakenOnlyFromATrustedProxy()
    {
        AccountSettings settings;
        settings.opsLimit = 1;
        settings.memLimit = 8192;
        Bench b(settings);
        QCOMPARE(clientAddress(QStringLiteral("127.0.0.1"), "198.51.100.7", {QStringLiteral("127.0.0.1")}), QStringLiteral("198.51.100.7"));
        QCOMPARE(clientAddress(QStringLiteral("10.0.0.5"), "198.51.100.7", {QStringLiteral("127.0.0.1")}), QStringLiteral("10.0.0.5"));
        QCOMPARE(clientAddress(QStringLiteral("127.0.0.1"), {}, {QStringLiteral("127.0.0.1")}), QStringLiteral("127.0.0.1"));
        for (int i = 0; i < settings.freeFailuresPerAddress; ++i)
            QCOMPARE(b.login(QStringLiteral("guess%1").arg(i), QStringLiteral("wrong-password"), QStringLiteral("127.0.0.1"), "198.51.100.7").status, 401);
        // The guesser is stopped; the other tablets behind the same proxy are not.
        QCOMPARE(b.login(QStringLiteral("pgo1"), Password, QStringLiteral("127.0.0.1"), "198.51.100.7").status, 429);
        QCOMPARE(b.login(QStringLiteral("pgo1"), Password, QStringLiteral("127.0.0.1"), "198.51.100.8").status, 200);
        // An untrusted peer cannot borrow the guesser's address (nor escape its own by naming another).
        QCOMPARE(b.login(QStringLiteral("pgo1"), Password, QStringLiteral("10.0.0.5"), "198.51.100.7").status, 200);
        for (int i = 0; i < settings.freeFailuresPerAddress; ++i)
            QCOMPARE(b.login(QStringLiteral("other%1").arg(i), QStringLiteral("wrong-password"), QStringLiteral("10.0.0.6"),
                             QByteArray("203.0.113.") + QByteArray::number(i + 1)).status, 401);
        QCOMPARE(b.login(QStringLiteral("pgo1"), Password, QStringLiteral("10.0.0.6"), "203.0.113.99").status, 429);
    }

    // An unknown login costs one hash check of the same cost as a real account's, so neither the
    // work nor the time tells which logins exist.
    void anUnknownLoginDoesTheSameWork()
    {
        QMutex lock;
        QStringList checked;
        AccountSettings settings;
        settings.opsLimit = 2;
        settings.memLimit = 4 * 1024 * 1024;
        settings.freeFailures = 1000;
        settings.freeFailuresPerAddress = 1000;
        settings.onPasswordCheck = [&](const QString &hash) {
            QMutexLocker l(&lock);
            checked << hash;
        };
        Bench b(settings);
        const QString stored = b.server->store().read([&](ledger::Database &db) {
            ledger::Statement s = db.prepare(QStringLiteral("SELECT password_hash FROM users WHERE login = 'pgo1'"));
            s.step();
            return s.columnText(0);
        });
        checked.clear();
        const Response unknown = b.login(QStringLiteral("nobody"), QStringLiteral("wrong-password"));
        QCOMPARE(checked.size(), 1);
        QCOMPARE(costOf(checked.first()), costOf(stored));
        QVERIFY(checked.first() != stored);
        const Response wrong = b.login(QStringLiteral("pgo1"), QStringLiteral("wrong-password"));
        QCOMPARE(checked.size(), 2);
        QCOMPARE(checked.last(), stored);
        // The two answers are the same, word for word.
        QCOMPARE(unknown.status, 401);
        QCOMPARE(unknown.status, wrong.status);
        QCOMPARE(unknown.body, wrong.body);
        // And take about as long: medians, with a generous bound (the check above is the exact one).
        auto median = [&](const QString &login) {
            std::vector<qint64> ns;
            for (int i = 0; i < 7; ++i) {
                QElapsedTimer t;
                t.start();
                (void)b.login(login, QStringLiteral("wrong-password"));
                ns.push_back(t.nsecsElapsed());
            }
            std::sort(ns.begin(), ns.end());
            return double(ns[3]);
        };
        const double known = median(QStringLiteral("pgo1")), nobody = median(QStringLiteral("nobody"));
        QVERIFY2(nobody > known / 3 && nobody < known * 3, qPrintable(QStringLiteral("%1 vs %2 ns").arg(nobody).arg(known)));
    }

    // Changing one's own password needs the current one; the account's other sessions end, the
    // device that made the change stays signed in.
    void changingOnesOwnPasswordNeedsTheCurrentOne()
    {
        Fixture f;
        Client a = f.signIn("pgo1"), other = f.signIn("pgo1");
        const QString path = QStringLiteral("/api/v1/users/%1/password").arg(a.userId);
        const Reply missing = f.call(POST, path, &a, QJsonObject{{QStringLiteral("password"), QStringLiteral("new-password-1")}});
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.errorField(), QStringLiteral("currentPassword"));
        QCOMPARE(detailCode(missing.json.value(QStringLiteral("error")).toObject()), QStringLiteral("missing"));
        const Reply wrong = f.call(POST, path, &a, QJsonObject{{QStringLiteral("password"), QStringLiteral("new-password-1")},
                                                               {QStringLiteral("currentPassword"), QStringLiteral("not-my-password")}});
        QCOMPARE(wrong.status, 403);
        QCOMPARE(wrong.errorField(), QStringLiteral("currentPassword"));
        QCOMPARE(detailCode(wrong.json.value(QStringLiteral("error")).toObject()), QStringLiteral("current_password_wrong"));
        const Reply shortOne = f.call(POST, path, &a, QJsonObject{{QStringLiteral("password"), QStringLiteral("short")},
                                                                  {QStringLiteral("currentPassword"), Password}});
        QCOMPARE(shortOne.status, 400);
        QCOMPARE(shortOne.errorField(), QStringLiteral("password"));
        QCOMPARE(detailCode(shortOne.json.value(QStringLiteral("error")).toObject()), QStringLiteral("password_length"));
        // Nothing changed so far: both sessions live, the old password signs in.
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/me"), &other).status, 200);
        const Reply changed = f.call(POST, path, &a, QJsonObject{{QStringLiteral("password"), QStringLiteral("new-password-1")},
                                                                 {QStringLiteral("currentPassword"), Password}});
        QCOMPARE(changed.status, 200);
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/me"), &a).status, 200);
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/me"), &other).status, 401);
        QCOMPARE(f.call(POST, QStringLiteral("/api/v1/auth/refresh"), nullptr,
                        QJsonObject{{QStringLiteral("refreshToken"), other.refreshToken}, {QStringLiteral("device"), other.device}}).status, 401);
        const auto signIn = [&](const QString &password) {
            return f.call(POST, QStringLiteral("/api/v1/auth/login"), nullptr,
                          QJsonObject{{QStringLiteral("login"), QStringLiteral("pgo1")}, {QStringLiteral("password"), password},
                                      {QStringLiteral("device"), QJsonObject{{QStringLiteral("id"), ledger::RecordId::create().toString()}}}});
        };
        QCOMPARE(signIn(Password).status, 401);
        QCOMPARE(signIn(QStringLiteral("new-password-1")).status, 200);
    }

    // A stolen token cannot guess the password through the change either: the same throttle.
    void guessingTheCurrentPasswordIsThrottled()
    {
        Fixture f;
        Client a = f.signIn("pgo1");
        const QString path = QStringLiteral("/api/v1/users/%1/password").arg(a.userId);
        const QJsonObject guess{{QStringLiteral("password"), QStringLiteral("new-password-1")}, {QStringLiteral("currentPassword"), QStringLiteral("guess-guess")}};
        for (int i = 0; i < AccountSettings{}.freeFailures; ++i)
            QCOMPARE(f.call(POST, path, &a, guess).status, 403);
        const Reply r = f.call(POST, path, &a, QJsonObject{{QStringLiteral("password"), QStringLiteral("new-password-1")}, {QStringLiteral("currentPassword"), Password}});
        QCOMPARE(r.status, 429);
        QCOMPARE(r.errorCode(), QStringLiteral("slow_down"));
    }

    // An administrator resetting another person's password ends all of that person's sessions;
    // the administrator's own password still needs the current one.
    void anAdministratorsResetEndsEverySession()
    {
        Fixture f;
        Client admin = f.signIn("admin"), pgo = f.signIn("pgo1");
        QCOMPARE(f.call(POST, QStringLiteral("/api/v1/users/%1/password").arg(pgo.userId), &admin,
                        QJsonObject{{QStringLiteral("password"), QStringLiteral("reset-password-1")}}).status, 200);
        QCOMPARE(f.call(GET, QStringLiteral("/api/v1/me"), &pgo).status, 401);
        const Reply own = f.call(POST, QStringLiteral("/api/v1/users/%1/password").arg(admin.userId), &admin,
                                 QJsonObject{{QStringLiteral("password"), QStringLiteral("reset-password-2")}});
        QCOMPARE(own.status, 400);
        QCOMPARE(own.errorField(), QStringLiteral("currentPassword"));
        // Staff cannot reset anyone else's.
        Client eee = f.signIn("eee1");
        const Reply notAdmin = f.call(POST, QStringLiteral("/api/v1/users/%1/password").arg(admin.userId), &eee,
                                      QJsonObject{{QStringLiteral("password"), QStringLiteral("reset-password-3")}});
        QCOMPARE(notAdmin.status, 403);
        QCOMPARE(detailCode(notAdmin.json.value(QStringLiteral("error")).toObject()), QStringLiteral("role_required"));
    }
};

QTEST_GUILESS_MAIN(TestSignIn)
#include "tst_signin.moc"
