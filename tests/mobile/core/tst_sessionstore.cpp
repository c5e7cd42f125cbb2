// The session part of the local store: who is signed in where with which tokens, the last sync
// time and the device id, kept across restarts; signing out keeps the user; each change of the
// session is announced once and a failed one not at all.
#include "localstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>

using namespace mobile;

namespace {

StoredSession aSession()
{
    return StoredSession{QUrl(QStringLiteral("https://zhaoshang.example.cn")),
                         QJsonObject{{QStringLiteral("id"), QStringLiteral("5d3c1e2a-7b4f-4c8d-9e0f-1a2b3c4d5e6f")}, {QStringLiteral("name"), QStringLiteral("孙丽")}},
                         QStringLiteral("access-1"), QStringLiteral("refresh-1")};
}

} // namespace

class TestSessionStore : public QObject
{
    Q_OBJECT

private slots:
    void aSessionSurvivesARestart()
    {
        QTemporaryDir dir;
        const QDateTime synced(QDate(2023, 6, 2), QTime(9, 30, 15, 250), QTimeZone::utc());
        {
            LocalStore store(dir.path());
            QVERIFY(!store.session().hasTokens());
            QVERIFY(store.session().serverUrl.isEmpty());
            QVERIFY(!store.lastSyncedAt().isValid());
            QSignalSpy changed(&store, &LocalStore::sessionChanged);
            QVERIFY(!store.setSession(aSession()));
            QVERIFY(!store.setLastSyncedAt(synced.toTimeZone(QTimeZone("Asia/Shanghai"))));
            QCOMPARE(changed.count(), 1); // the sync time is not the session
        }
        LocalStore store(dir.path());
        const StoredSession s = store.session();
        QCOMPARE(s.serverUrl, aSession().serverUrl);
        QCOMPARE(s.user, aSession().user);
        QCOMPARE(s.accessToken, QStringLiteral("access-1"));
        QCOMPARE(s.refreshToken, QStringLiteral("refresh-1"));
        QCOMPARE(store.lastSyncedAt(), synced);
    }

    void signingOutKeepsTheUserAndTheServer()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        QVERIFY(!store.setSession(aSession()));
        QSignalSpy changed(&store, &LocalStore::sessionChanged);
        QVERIFY(!store.setTokens(QStringLiteral("access-2"), QStringLiteral("refresh-2")));
        QCOMPARE(store.session().accessToken, QStringLiteral("access-2"));
        QVERIFY(!store.clearTokens());
        QVERIFY(!store.session().hasTokens());
        QCOMPARE(store.session().user, aSession().user); // to prefill the sign-in
        QVERIFY(!store.setServerUrl(QUrl(QStringLiteral("https://other.example.cn"))));
        QCOMPARE(store.session().serverUrl.host(), QStringLiteral("other.example.cn"));
        QCOMPARE(store.session().user, aSession().user);
        QCOMPARE(changed.count(), 3);
    }

    void aStoreThatIsNotOpenRefusesAndAnnouncesNothing()
    {
        QTemporaryDir dir;
        {
            std::vector<ledger::Migration> newer = LocalStore::schemaMigrations();
            newer.push_back(ledger::Migration{LocalStore::SchemaVersion + 1, QStringLiteral("CREATE TABLE later (x INTEGER);")});
            QVERIFY(LocalStore(dir.path(), newer).isOpen());
        }
        LocalStore store(dir.path());
        QVERIFY(!store.isOpen());
        QSignalSpy changed(&store, &LocalStore::sessionChanged);
        const auto refused = store.setSession(aSession());
        QVERIFY(refused);
        QVERIFY(refused->field.isEmpty());
        QVERIFY(store.setTokens({}, {}));
        QCOMPARE(changed.count(), 0);
        QVERIFY(store.deviceId().isEmpty());
        QVERIFY(!store.session().hasTokens());
    }

    void theDeviceIdIsTheSchemasAndReadable()
    {
        ledger::Database db = ledger::Database::open(QStringLiteral(":memory:"));
        db.migrate(LocalSchema::migrations());
        MetaTable meta(db);
        SessionStore session(meta);
        QVERIFY(ledger::PersonId::parse(session.deviceId())); // a canonical lower-case UUID, made once
        QCOMPARE(session.deviceId(), meta.value(metakey::DeviceId));
        session.setTokens(QStringLiteral("a"), QStringLiteral("r"));
        QCOMPARE(meta.value(metakey::AccessToken), QStringLiteral("a"));
        QCOMPARE(meta.value(metakey::RefreshToken), QStringLiteral("r"));
    }
};

QTEST_GUILESS_MAIN(TestSessionStore)
#include "tst_sessionstore.moc"
