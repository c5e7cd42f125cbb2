// The connection state the app shows, against the real syncserver stopped and restarted: online
// only while the server answers (never 已同步 with it down), offline with the number waiting, a
// 同步 asked for offline gets an answer, the records go within seconds of the server coming back
// (the reachability probe, not the sync client's own retry: that is off here), the progress of a
// long sync and the summary afterwards.
#include "appsingletons.h"
#include "localstore.h"
#include "networktransport.h"
#include "recordeditor.h"
#include "syncclient.h"

#include "../../support/syncserverprocess.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mobile;
using namespace ledger::test;
using namespace std::chrono_literals;

namespace {
const QString Password = QStringLiteral("password-123");

struct Tablet
{
    explicit Tablet(const QString &dir)
        : store(dir)
        , sync(store, transport)
        , app(store, sync, scheme, QDate(2023, 6, 15))
    {
        app.syncStatus.setProbeIntervals(200ms, 1000ms, 1000ms);
    }
    bool signIn(const QUrl &url, const QString &login)
    {
        QSignalSpy signedIn(&sync, &SyncClient::signInFinished);
        app.session.signIn(url.toString(), login, Password);
        if (!signedIn.wait(30000) || !signedIn.first().first().toBool())
            return false;
        QSignalSpy done(&sync, &SyncClient::syncFinished);
        return done.wait(30000) && done.first().first().toBool();
    }
    // A lead saved on this tablet, as its form saves it.
    bool saveLead(int n)
    {
        RecordEditor e(app.session, app.trips, app.settings);
        e.setKind(QStringLiteral("lead"));
        e.setField(QStringLiteral("enterpriseName"), QStringLiteral("新乡第%1化工有限公司").arg(n));
        e.setField(QStringLiteral("intention"), QStringLiteral("拟投资建设专用化学品项目"));
        return e.save();
    }

    ledger::Scheme scheme = ledger::scheme2023();
    LocalStore store;
    NetworkTransport transport;
    SyncClient sync;
    AppSingletons app;
};

void initServer(const QString &dir)
{
    QCOMPARE(runSyncserver({QStringLiteral("init"), QStringLiteral("--data"), dir}, Password), 0);
    QCOMPARE(runSyncserver({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--data"), dir, QStringLiteral("--login"),
                            QStringLiteral("pgo1"), QStringLiteral("--name"), QStringLiteral("孙丽"), QStringLiteral("--unit"), QStringLiteral("PGO")},
                           Password),
             0);
}
} // namespace

class TestConnection : public QObject
{
    Q_OBJECT
private slots:
    void serverStoppedAndRestarted()
    {
        QTemporaryDir serverDir, tabletDir;
        initServer(serverDir.path());
        auto served = std::make_unique<ServedSyncserver>(serverDir.path());
        const int port = served->port();

        Tablet tablet(tabletDir.path());
        SyncStatus &status = tablet.app.syncStatus;
        QCOMPARE(status.connection(), QStringLiteral("signInNeeded")); // nothing answered yet: not online
        QVERIFY(tablet.signIn(served->url(), QStringLiteral("pgo1")));
        tablet.sync.setAutoSync(false); // only the probe may bring the records over below
        status.startProbing();
        QTRY_COMPARE_WITH_TIMEOUT(status.connection(), QStringLiteral("online"), 5000);
        QCOMPARE(status.connectionText(), QStringLiteral("在线 · 已同步"));

        // The server goes away: within a heartbeat the bar stops saying 已同步.
        served.reset();
        QTRY_COMPARE_WITH_TIMEOUT(status.connection(), QStringLiteral("offline"), 5000);
        QVERIFY(!status.connectionText().contains(QStringLiteral("已同步")));

        QVERIFY(tablet.saveLead(1));
        QCOMPARE(status.connectionText(), QStringLiteral("离线 · 1 条待同步"));

        // 同步 offline is answered at once, and again when the attempt fails.
        QSignalSpy notices(&status, &SyncStatus::notice);
        QSignalSpy finished(&tablet.sync, &SyncClient::syncFinished);
        status.syncNow();
        QCOMPARE(notices.size(), 1);
        QVERIFY(notices.first().first().toString().contains(QStringLiteral("1 条待同步")));
        QVERIFY(finished.wait(30000));
        QCOMPARE(notices.size(), 2);
        QVERIFY(!notices.last().first().toString().isEmpty());
        QCOMPARE(tablet.store.pendingCount(), 1);

        // Back on the same address: the record goes within seconds, on its own.
        QSignalSpy again(&status, &SyncStatus::reachableAgain);
        served = std::make_unique<ServedSyncserver>(serverDir.path(), port);
        QElapsedTimer back;
        back.start();
        QTRY_COMPARE_WITH_TIMEOUT(tablet.store.pendingCount(), 0, 10000);
        QVERIFY2(back.elapsed() < 5000, qPrintable(QString::number(back.elapsed())));
        QCOMPARE(again.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(status.connection(), QStringLiteral("online"), 5000);
        QVERIFY2(status.summaryText().startsWith(QStringLiteral("发送 1 条，")), qPrintable(status.summaryText()));
        QVERIFY(status.summaryText().endsWith(QStringLiteral("退回 0 条，冲突 0 条")));
    }

    void progressOfALongSyncAndItsSummary()
    {
        QTemporaryDir serverDir, tabletDir, secondDir;
        initServer(serverDir.path());
        ServedSyncserver served(serverDir.path());
        Tablet tablet(tabletDir.path());
        QVERIFY(tablet.signIn(served.url(), QStringLiteral("pgo1")));
        const int records = SyncClient::PushBatchSize + 100; // two pushes
        for (int i = 0; i < records; ++i)
            QVERIFY(tablet.saveLead(i));

        QStringList seen;
        connect(&tablet.app.syncStatus, &SyncStatus::changed, this, [&] {
            if (tablet.app.syncStatus.connection() == u"syncing")
                seen << tablet.app.syncStatus.progressText();
        });
        QSignalSpy notices(&tablet.app.syncStatus, &SyncStatus::notice);
        QSignalSpy done(&tablet.sync, &SyncClient::syncFinished);
        tablet.app.syncStatus.syncNow();
        QVERIFY(done.wait(60000));
        QVERIFY(done.first().first().toBool());
        const QString half = QStringLiteral("已发送 %1 / %2 条").arg(QLocale().toString(SyncClient::PushBatchSize), QLocale().toString(records));
        QVERIFY2(std::any_of(seen.cbegin(), seen.cend(), [&](const QString &s) { return s.startsWith(half); }), qPrintable(seen.join(u'\n')));
        QVERIFY2(std::any_of(seen.cbegin(), seen.cend(), [](const QString &s) { return s.contains(QStringLiteral("已下载")); }),
                 qPrintable(seen.join(u'\n')));
        QVERIFY(tablet.app.syncStatus.summaryText().startsWith(QStringLiteral("发送 %1 条，").arg(records)));
        QCOMPARE(notices.last().first().toString(), QStringLiteral("同步完成：") + tablet.app.syncStatus.summaryText());

        // Another tablet of the same person pulls them: the summary counts what it received.
        Tablet second(secondDir.path());
        QVERIFY(second.signIn(served.url(), QStringLiteral("pgo1")));
        const auto received = QRegularExpression(QStringLiteral("收到 (\\d+) 条")).match(second.app.syncStatus.summaryText());
        QVERIFY2(received.hasMatch() && received.captured(1).toInt() >= records, qPrintable(second.app.syncStatus.summaryText()));
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
