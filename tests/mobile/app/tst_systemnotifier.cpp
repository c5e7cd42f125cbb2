// Reminders as system notifications (SystemNotifier) on a real session bus: a private dbus-daemon
// is started for the test, and a notification service is registered on it the way a desktop's
// notification daemon is. A returned record's reminder arrives as one Notify call with its words;
// it is not sent again the same day, nor after a restart (the memory file); it is sent again the
// next day, replacing the one shown; with no service on the bus nothing is sent.
#include "appsingletons.h"
#include "localstore.h"
#include "networktransport.h"
#include "syncclient.h"
#include "systemnotifier.h"

#include "../core/testentities.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mobile;

namespace {
const QString Person = QStringLiteral("5d0b8f7e-3c6a-4f1e-9a8b-2c4d6e8f0a1b");
const QString Unit = QStringLiteral("PGO");

QJsonObject pulled(qint64 cursor, const QJsonArray &entities)
{
    QJsonArray changes;
    qint64 seq = cursor - entities.size();
    for (const QJsonValue &e : entities)
        changes.append(QJsonObject{{QStringLiteral("seq"), ++seq}, {QStringLiteral("entity"), e}});
    return QJsonObject{{QStringLiteral("changes"), changes}, {QStringLiteral("cursor"), cursor}};
}
} // namespace

// What a notification daemon offers on the bus: Notify, answering the id it shows the notification as.
class NotificationService : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        QString app;
        uint replaces = 0;
        QString summary;
        QString body;
        QVariantMap hints;
    };
    QList<Call> calls;

public slots:
    uint Notify(const QString &app, uint replaces, const QString &icon, const QString &summary, const QString &body,
                const QStringList &actions, const QVariantMap &hints, int timeout)
    {
        Q_UNUSED(icon)
        Q_UNUSED(actions)
        Q_UNUSED(timeout)
        calls.append({app, replaces, summary, body, hints});
        return replaces ? replaces : uint(100 + calls.size());
    }
};

class TestSystemNotifier : public QObject
{
    Q_OBJECT

    QProcess m_daemon;
    QString m_address;

    struct Device
    {
        explicit Device(const QString &dir)
            : store(dir)
        {
            StoredSession session;
            session.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
            session.user = QJsonObject{{QStringLiteral("id"), Person}, {QStringLiteral("name"), QStringLiteral("孙丽")},
                                       {QStringLiteral("unit"), Unit}, {QStringLiteral("roles"), QJsonArray{QStringLiteral("staff")}}};
            (void)store.setSession(session);
            transport = std::make_unique<NetworkTransport>(session.serverUrl);
            sync = std::make_unique<SyncClient>(store, *transport);
            app = std::make_unique<AppSingletons>(store, *sync, scheme, QDate(2023, 6, 15));
        }
        ledger::Scheme scheme = ledger::scheme2023();
        LocalStore store;
        std::unique_ptr<NetworkTransport> transport;
        std::unique_ptr<SyncClient> sync;
        std::unique_ptr<AppSingletons> app;
    };

    // A record of the person's unit that a reviewer returned, arriving by pull.
    static void receiveReturned(Device &d, qint64 cursor, const QString &enterpriseName)
    {
        QJsonObject returned = mobile::test::lead(Unit, Person, enterpriseName);
        returned.insert(QStringLiteral("review"), QJsonObject{{QStringLiteral("state"), QStringLiteral("returned")},
                                                              {QStringLiteral("reason"), QStringLiteral("缺少投资意向书")}});
        QVERIFY(!d.store.applyPull(pulled(cursor, {returned})));
    }

private slots:
    void initTestCase()
    {
        m_daemon.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
        QVERIFY2(m_daemon.waitForStarted(5000), "dbus-daemon (package dbus-daemon) did not start");
        QTRY_VERIFY_WITH_TIMEOUT(m_daemon.canReadLine(), 5000);
        m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
        QVERIFY(!m_address.isEmpty());
    }

    void cleanupTestCase()
    {
        m_daemon.terminate();
        m_daemon.waitForFinished(3000);
    }

    void returnedRecordNotifiedOnceADay()
    {
        QDBusConnection daemonSide = QDBusConnection::connectToBus(m_address, QStringLiteral("daemon"));
        QDBusConnection appSide = QDBusConnection::connectToBus(m_address, QStringLiteral("app"));
        QVERIFY(daemonSide.isConnected() && appSide.isConnected());
        NotificationService service;
        QVERIFY(daemonSide.registerObject(QString::fromLatin1(SystemNotifier::Path), &service, QDBusConnection::ExportAllSlots));
        QVERIFY(daemonSide.registerService(QString::fromLatin1(SystemNotifier::Service)));

        QTemporaryDir dir;
        const QString memory = dir.filePath(QStringLiteral("notified.ini"));
        QDate today(2023, 6, 15);
        {
            Device d(dir.filePath(QStringLiteral("device")));
            SystemNotifier notifier(d.app->toDo, memory, appSide);
            notifier.setToday([&today] { return today; });
            QVERIFY(notifier.available());
            QSignalSpy sent(&notifier, &SystemNotifier::sent);

            receiveReturned(d, 1, QStringLiteral("丙公司"));
            QTRY_COMPARE(service.calls.size(), 1);
            QCOMPARE(sent.size(), 1);
            QCOMPARE(sent.first().at(0).toString(), QStringLiteral("returned"));
            const NotificationService::Call first = service.calls.first();
            QCOMPARE(first.app, QStringLiteral("ledgerapp"));
            QCOMPARE(first.replaces, 0u);
            QCOMPARE(first.body, d.app->toDo.reminders().first().toMap().value(QStringLiteral("text")).toString());
            QVERIFY(first.body.contains(u'1'));
            QCOMPARE(first.hints.value(QStringLiteral("category")).toString(), QStringLiteral("x-ledger.reminder"));

            // Asked again with nothing new: nothing sent.
            QCOMPARE(notifier.notifyNew(), 0);
            // A second record returned the same day: the words change, sent again, replacing the first.
            receiveReturned(d, 2, QStringLiteral("丁公司"));
            QTRY_COMPARE(service.calls.size(), 2);
            QVERIFY(service.calls.at(1).body.contains(u'2'));
            QCOMPARE(service.calls.at(1).replaces, 101u);
        }
        {
            // Restarted the same day: remembered, nothing sent.
            Device d(dir.filePath(QStringLiteral("device")));
            SystemNotifier notifier(d.app->toDo, memory, appSide);
            notifier.setToday([&today] { return today; });
            QCOMPARE(notifier.notifyNew(), 0);
            // The next day the same reminder comes once more.
            today = today.addDays(1);
            QCOMPARE(notifier.notifyNew(), 1);
            QTRY_COMPARE(service.calls.size(), 3);
            QCOMPARE(notifier.notifyNew(), 0);
        }
        daemonSide.unregisterService(QString::fromLatin1(SystemNotifier::Service));
        daemonSide.unregisterObject(QString::fromLatin1(SystemNotifier::Path));
    }

    void nothingSentWithoutAService()
    {
        QDBusConnection appSide = QDBusConnection::connectToBus(m_address, QStringLiteral("app"));
        QTemporaryDir dir;
        Device d(dir.filePath(QStringLiteral("device")));
        SystemNotifier notifier(d.app->toDo, dir.filePath(QStringLiteral("notified.ini")), appSide);
        QTRY_VERIFY(!notifier.available());
        receiveReturned(d, 1, QStringLiteral("丙公司"));
        QVERIFY(!d.app->toDo.reminders().isEmpty()); // still on the home page
        QCOMPARE(notifier.notifyNew(), 0);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("notified.ini"))));
        // And with no bus at all.
        SystemNotifier offBus(d.app->toDo, dir.filePath(QStringLiteral("notified.ini")), QDBusConnection(QStringLiteral("none")));
        QVERIFY(!offBus.available());
        QCOMPARE(offBus.notifyNew(), 0);
    }
};

QTEST_MAIN(TestSystemNotifier)
#include "tst_systemnotifier.moc"
