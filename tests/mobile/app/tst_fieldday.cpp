// A day in the field, end to end against the real syncserver: a person signs in, goes offline,
// records a visit with an on-site check-in, a lead, a project and its signing with the agreement
// attached, and a trip; comes back online and syncs; a reviewer of the bureau recognises the
// records on another tablet; and the person sees the score move. Everything goes through the
// singletons and the record editor the screens use.
#include "appsingletons.h"
#include "checkincontroller.h"
#include "localstore.h"
#include "networktransport.h"
#include "nmeareplayprovider.h"
#include "photoprocessor.h"
#include "recordeditor.h"
#include "syncclient.h"

#include "../../support/syncserverprocess.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mobile;
using namespace ledger::test;

namespace {
const QString Password = QStringLiteral("password-123");

// One tablet: its store, transport, sync client and the app's singletons.
struct Tablet
{
    explicit Tablet(const QString &dir)
        : store(dir)
        , sync(store, transport)
        , app(store, sync, scheme, QDate(2023, 6, 15))
    {
        sync.setRetryBackoff(std::chrono::milliseconds(200), std::chrono::milliseconds(500));
    }
    bool signIn(const QUrl &url, const QString &login)
    {
        QSignalSpy done(&sync, &SyncClient::syncFinished);
        app.session.signIn(url.toString(), login, Password);
        return done.wait(30000) && done.first().first().toBool();
    }
    bool syncNow()
    {
        QSignalSpy done(&sync, &SyncClient::syncFinished);
        app.syncStatus.syncNow();
        return done.wait(30000) && done.first().first().toBool();
    }
    // A form's editor: of a new record of `kind`, or of the stored record `id`.
    std::unique_ptr<RecordEditor> editor(const QString &kind, const QString &id = {})
    {
        auto e = std::make_unique<RecordEditor>(app.session, app.trips, app.settings);
        e->setKind(kind);
        e->setRecordId(id);
        return e;
    }
    QVariantMap fresh(const QString &kind) { return editor(kind)->record(); }
    QVariantMap record(const QString &id) { return editor({}, id)->record(); }
    QString save(const QVariantMap &record)
    {
        auto e = editor({});
        e->setRecord(record);
        if (!e->save()) {
            qWarning("refused: %s: %s", qPrintable(e->errorField()), qPrintable(e->errorMessage()));
            return {};
        }
        return e->recordId();
    }
    QString unitTotal(const QString &unit)
    {
        QSignalSpy arrived(&app.scores, &Scores::reportChanged);
        app.scores.refresh(2, false);
        if (!arrived.wait(30000))
            return QStringLiteral("(no scores)");
        for (const QVariant &u : app.scores.report().value(QStringLiteral("units")).toList())
            if (u.toMap().value(QStringLiteral("unit")).toString() == unit)
                return u.toMap().value(QStringLiteral("total")).toString();
        return {};
    }

    ledger::Scheme scheme = ledger::scheme2023();
    LocalStore store;
    NetworkTransport transport;
    SyncClient sync;
    AppSingletons app;
};
} // namespace

class TestFieldDay : public QObject
{
    Q_OBJECT
private slots:
    void aDayInTheField()
    {
        QTemporaryDir server, staffDir, reviewerDir;
        QCOMPARE(runSyncserver({QStringLiteral("init"), QStringLiteral("--data"), server.path()}, Password), 0);
        QCOMPARE(runSyncserver({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--data"), server.path(), QStringLiteral("--login"),
                                QStringLiteral("pgo1"), QStringLiteral("--name"), QStringLiteral("孙丽"), QStringLiteral("--unit"), QStringLiteral("PGO")}, Password), 0);
        QCOMPARE(runSyncserver({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--data"), server.path(), QStringLiteral("--login"),
                                QStringLiteral("isb1"), QStringLiteral("--name"), QStringLiteral("吕岩"), QStringLiteral("--unit"), QStringLiteral("ISB"),
                                QStringLiteral("--roles"), QStringLiteral("staff,reviewer")}, Password), 0);
        auto served = std::make_unique<ServedSyncserver>(server.path());
        const int port = served->port();

        Tablet staff(staffDir.path());
        QVERIFY(staff.signIn(served->url(), QStringLiteral("pgo1")));
        QCOMPARE(staff.app.session.unitCode(), QStringLiteral("PGO"));
        QCOMPARE(staff.unitTotal(QStringLiteral("PGO")), QStringLiteral("0"));

        // Offline from here: the server is gone.
        served.reset();

        // The enterprise, with its registered site where the replayed GPS log is.
        QVariantMap enterprise = staff.fresh(QStringLiteral("enterprise"));
        enterprise.insert(QStringLiteral("name"), QStringLiteral("新乡华冠化工科技有限公司"));
        enterprise.insert(QStringLiteral("industry"), QStringLiteral("fine_chemicals"));
        enterprise.insert(QStringLiteral("site"), QVariantMap{{QStringLiteral("latitude"), 35.2647}, {QStringLiteral("longitude"), 113.9268}});
        const QString enterpriseId = staff.save(enterprise);
        QVERIFY(!enterpriseId.isEmpty());

        // The visit, checked in on site.
        CheckInController checkIn;
        staff.app.settings.setReplayLog(QStringLiteral(":/nmea/on_site.nmea")); // as --demo-positioning does
        staff.editor(QStringLiteral("visit"))->prepareCheckIn(&checkIn, enterpriseId);
        QTRY_COMPARE_WITH_TIMEOUT(checkIn.state(), CheckInController::Accepted, 30000);
        QCOMPARE(checkIn.flags(), QStringList{QStringLiteral("mock_location")}); // replayed: never passed off as real
        QVariantMap visit = staff.fresh(QStringLiteral("visit"));
        visit.insert(QStringLiteral("enterprise"), enterpriseId);
        visit.insert(QStringLiteral("purpose"), QStringLiteral("了解扩产计划"));
        visit.insert(QStringLiteral("outcome"), QStringLiteral("企业有意在开发区新建专用化学品生产线"));
        visit.insert(QStringLiteral("checkIn"), checkIn.checkInJson().toVariantMap());
        const QString visitId = staff.save(visit);
        QVERIFY(!visitId.isEmpty());

        // A lead.
        QVariantMap lead = staff.fresh(QStringLiteral("lead"));
        lead.insert(QStringLiteral("enterpriseName"), QStringLiteral("新乡华冠化工科技有限公司"));
        lead.insert(QStringLiteral("intention"), QStringLiteral("拟投资6亿元建设年产3万吨专用化学品项目"));
        lead.insert(QStringLiteral("expectedInvestment"), QVariantMap{{QStringLiteral("currency"), QStringLiteral("CNY")}, {QStringLiteral("amount"), QStringLiteral("600000000.00")}});
        const QString leadId = staff.save(lead);
        QVERIFY(!leadId.isEmpty());

        // The project, and its signing with the agreement attached.
        QVariantMap project = staff.fresh(QStringLiteral("project"));
        project.insert(QStringLiteral("name"), QStringLiteral("年产3万吨专用化学品项目"));
        project.insert(QStringLiteral("enterprise"), enterpriseId);
        project.insert(QStringLiteral("investment"), QVariantMap{{QStringLiteral("currency"), QStringLiteral("CNY")}, {QStringLiteral("amount"), QStringLiteral("600000000.00")}});
        project.insert(QStringLiteral("industry"), QStringLiteral("fine_chemicals"));
        project.insert(QStringLiteral("chemical"), true);
        const QString projectId = staff.save(project);
        QVERIFY(!projectId.isEmpty());
        QTemporaryDir files;
        const QString agreement = files.filePath(QStringLiteral("投资协议.pdf"));
        {
            QFile f(agreement);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("%PDF-1.4\n% the signed investment agreement\n" + QByteArray(40000, 'a') + "\n%%EOF\n");
        }
        const auto signingForm = staff.editor(QStringLiteral("milestone"));
        QVERIFY(signingForm->attach(QStringLiteral("evidence"), QUrl::fromLocalFile(agreement)));
        QCOMPARE(signingForm->record().value(QStringLiteral("evidence")).toList().size(), 1);
        QVariantMap signing = signingForm->record();
        signing.insert(QStringLiteral("project"), projectId);
        signing.insert(QStringLiteral("stage"), QStringLiteral("signed"));
        signing.insert(QStringLiteral("date"), QStringLiteral("2023-06-12"));
        const QString signingId = staff.save(signing);
        QVERIFY(!signingId.isEmpty());

        // A trip.
        QVariantMap trip = staff.fresh(QStringLiteral("trip"));
        trip.insert(QStringLiteral("destination"), QStringLiteral("上海"));
        trip.insert(QStringLiteral("start"), QStringLiteral("2023-06-05"));
        trip.insert(QStringLiteral("end"), QStringLiteral("2023-06-07"));
        trip.insert(QStringLiteral("industries"), QStringList{QStringLiteral("fine_chemicals")});
        trip.insert(QStringLiteral("summary"), QStringLiteral("拜访上海化工园区企业和行业协会"));
        const QString tripId = staff.save(trip);
        QVERIFY(!tripId.isEmpty());

        // Still offline: the sync waits and nothing is lost.
        QCOMPARE(staff.app.syncStatus.pendingCount(), 6);
        QVERIFY(!staff.syncNow());
        QCOMPARE(staff.app.syncStatus.pendingCount(), 6);

        // Back online (the server comes back on the same address), sync.
        served = std::make_unique<ServedSyncserver>(server.path(), port);
        QVERIFY(staff.syncNow());
        QCOMPARE(staff.app.syncStatus.pendingCount(), 0);
        QCOMPARE(staff.unitTotal(QStringLiteral("PGO")), QStringLiteral("0")); // submitted, not recognised yet

        // A reviewer of the bureau, on another tablet, recognises them.
        Tablet reviewer(reviewerDir.path());
        QVERIFY(reviewer.signIn(served->url(), QStringLiteral("isb1")));
        QSignalSpy inbox(&reviewer.app.reviewInbox, &ReviewInbox::recordsChanged);
        reviewer.app.reviewInbox.refresh();
        QVERIFY(inbox.wait(30000));
        QStringList waiting;
        for (const QVariant &r : reviewer.app.reviewInbox.records())
            waiting << r.toMap().value(QStringLiteral("entity")).toMap().value(QStringLiteral("id")).toString();
        for (const QString &id : {visitId, leadId, projectId, signingId, tripId})
            QVERIFY2(waiting.contains(id), qPrintable(id));
        for (const QString &id : {visitId, leadId, projectId, signingId, tripId}) {
            QSignalSpy decided(&reviewer.app.reviewInbox, &ReviewInbox::reviewFinished);
            reviewer.app.reviewInbox.review(id, QStringLiteral("recognise"), QString());
            QVERIFY(decided.wait(30000));
            QVERIFY2(decided.first().at(1).toBool(), qPrintable(decided.first().at(2).toString()));
        }

        // The person sees the score move: the 6亿 signing (2.5) and the lead (0.1) for group G1.
        QCOMPARE(staff.unitTotal(QStringLiteral("PGO")), QStringLiteral("2.6"));
        // And the decisions reach the tablet on its next sync.
        QVERIFY(staff.syncNow());
        QCOMPARE(staff.record(signingId).value(QStringLiteral("review")).toMap().value(QStringLiteral("state")).toString(), QStringLiteral("recognised"));
        QCOMPARE(staff.record(visitId).value(QStringLiteral("checkIn")).toMap().value(QStringLiteral("flags")).toStringList(),
                 QStringList{QStringLiteral("mock_location")});
    }

    // Half a visit typed, the app killed and started again: the draft is on the home page's list,
    // opens where it was left, was never sent, and is gone once saved.
    void aDraftKeptAcrossARestart()
    {
        QTemporaryDir server, staffDir;
        QCOMPARE(runSyncserver({QStringLiteral("init"), QStringLiteral("--data"), server.path()}, Password), 0);
        QCOMPARE(runSyncserver({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--data"), server.path(), QStringLiteral("--login"),
                                QStringLiteral("pgo1"), QStringLiteral("--name"), QStringLiteral("孙丽"), QStringLiteral("--unit"), QStringLiteral("PGO")}, Password), 0);
        ServedSyncserver served(server.path());

        QString draftId;
        QString enterpriseId;
        {
            Tablet staff(staffDir.path());
            QVERIFY(staff.signIn(served.url(), QStringLiteral("pgo1")));
            QVariantMap enterprise = staff.fresh(QStringLiteral("enterprise"));
            enterprise.insert(QStringLiteral("name"), QStringLiteral("新乡华冠化工科技有限公司"));
            enterpriseId = staff.save(enterprise);
            QVERIFY(!enterpriseId.isEmpty());
            QVERIFY(staff.syncNow());

            const auto form = staff.editor(QStringLiteral("visit"));
            form->setField(QStringLiteral("enterprise"), enterpriseId);
            form->setField(QStringLiteral("purpose"), QStringLiteral("了解扩产计划"));
            draftId = form->record().value(QStringLiteral("id")).toString();
            QTRY_VERIFY(form->hasDraft());
            // A draft is never sent.
            QVERIFY(staff.syncNow());
            QCOMPARE(staff.app.syncStatus.pendingCount(), 0);
            // The app is killed here: the form and every object go, the file stays.
        }

        Tablet staff(staffDir.path());
        QVariantList drafts;
        for (const QVariant &item : staff.app.toDo.items())
            if (item.toMap().value(QStringLiteral("type")).toString() == u"draft")
                drafts << item;
        QCOMPARE(drafts.size(), 1);
        QCOMPARE(drafts.first().toMap().value(QStringLiteral("recordId")).toString(), draftId);
        QCOMPARE(drafts.first().toMap().value(QStringLiteral("kind")).toString(), QStringLiteral("visit"));

        const auto reopened = staff.editor(QStringLiteral("visit"), draftId);
        QVERIFY(reopened->hasDraft());
        QVERIFY(!reopened->dirty());
        QCOMPARE(reopened->record().value(QStringLiteral("purpose")).toString(), QStringLiteral("了解扩产计划"));
        QCOMPARE(reopened->record().value(QStringLiteral("enterprise")).toString(), enterpriseId);
        reopened->setField(QStringLiteral("outcome"), QStringLiteral("企业有意扩产"));
        reopened->setField(QStringLiteral("noCheckInReason"), QStringLiteral("企业在外地"));
        QVERIFY2(reopened->save(), qPrintable(reopened->errorMessage()));
        QVERIFY(!reopened->hasDraft());
        QCOMPARE(staff.app.session.drafts().count(), 0);
        QVERIFY(staff.syncNow());
        QCOMPARE(staff.app.syncStatus.pendingCount(), 0);
        QCOMPARE(staff.record(draftId).value(QStringLiteral("purpose")).toString(), QStringLiteral("了解扩产计划"));
    }

    // A check-in 2 km from the site is saved only with the person's reason; the reviewer sees the
    // distance and the reason in the inbox (the server kept the reason in the record).
    void aFarCheckInConfirmedWithItsReason()
    {
        QTemporaryDir server, staffDir, reviewerDir;
        QCOMPARE(runSyncserver({QStringLiteral("init"), QStringLiteral("--data"), server.path()}, Password), 0);
        QCOMPARE(runSyncserver({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--data"), server.path(), QStringLiteral("--login"),
                                QStringLiteral("pgo1"), QStringLiteral("--name"), QStringLiteral("孙丽"), QStringLiteral("--unit"), QStringLiteral("PGO")}, Password), 0);
        QCOMPARE(runSyncserver({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--data"), server.path(), QStringLiteral("--login"),
                                QStringLiteral("isb1"), QStringLiteral("--name"), QStringLiteral("吕岩"), QStringLiteral("--unit"), QStringLiteral("ISB"),
                                QStringLiteral("--roles"), QStringLiteral("staff,reviewer")}, Password), 0);
        ServedSyncserver served(server.path());
        Tablet staff(staffDir.path());
        QVERIFY(staff.signIn(served.url(), QStringLiteral("pgo1")));

        QVariantMap enterprise = staff.fresh(QStringLiteral("enterprise"));
        enterprise.insert(QStringLiteral("name"), QStringLiteral("新乡华冠化工科技有限公司"));
        enterprise.insert(QStringLiteral("site"), QVariantMap{{QStringLiteral("latitude"), 35.2647}, {QStringLiteral("longitude"), 113.9268}});
        const QString enterpriseId = staff.save(enterprise);
        QVERIFY(!enterpriseId.isEmpty());

        staff.app.settings.setReplayLog(QStringLiteral(":/nmea/far_away.nmea"));
        CheckInController checkIn;
        const auto form = staff.editor(QStringLiteral("visit"));
        form->prepareCheckIn(&checkIn, enterpriseId);
        QTRY_COMPARE_WITH_TIMEOUT(checkIn.state(), CheckInController::Accepted, 30000);
        QVERIFY(checkIn.flags().contains(QStringLiteral("far_from_site")));
        QVERIFY(checkIn.flags().contains(QStringLiteral("mock_location")));
        form->setField(QStringLiteral("enterprise"), enterpriseId);
        form->setField(QStringLiteral("outcome"), QStringLiteral("企业实际厂区在新区"));
        form->setField(QStringLiteral("checkIn"), checkIn.checkInJson().toVariantMap());

        // Not without a reason.
        QVERIFY(!form->save());
        QCOMPARE(form->errorField(), QStringLiteral("farCheckInReason"));
        QCOMPARE(staff.app.syncStatus.pendingCount(), 1); // the enterprise only
        const QString reason = QStringLiteral("企业登记地址与实际厂区不在一处");
        form->setField(QStringLiteral("farCheckInReason"), reason);
        QVERIFY2(form->save(), qPrintable(form->errorMessage()));
        const QString visitId = form->recordId();
        QVERIFY(staff.syncNow());

        Tablet reviewer(reviewerDir.path());
        QVERIFY(reviewer.signIn(served.url(), QStringLiteral("isb1")));
        QSignalSpy inbox(&reviewer.app.reviewInbox, &ReviewInbox::recordsChanged);
        reviewer.app.reviewInbox.refresh();
        QVERIFY(inbox.wait(30000));
        QVariantMap seen;
        for (const QVariant &r : reviewer.app.reviewInbox.records())
            if (r.toMap().value(QStringLiteral("entity")).toMap().value(QStringLiteral("id")).toString() == visitId)
                seen = r.toMap();
        QVERIFY(!seen.isEmpty());
        QCOMPARE(seen.value(QStringLiteral("farCheckInReason")).toString(), reason);
        QCOMPARE(seen.value(QStringLiteral("entity")).toMap().value(QStringLiteral("farCheckInReason")).toString(), reason);
        QVERIFY(seen.value(QStringLiteral("checkInDistanceM")).toDouble() > staff.scheme.checkIn.farFromSiteM);
        QStringList flags;
        for (const QVariant &f : seen.value(QStringLiteral("checkInFlags")).toList())
            flags << f.toMap().value(QStringLiteral("flag")).toString();
        QVERIFY2(flags.contains(QStringLiteral("far_from_site")), qPrintable(flags.join(u' ')));
    }

    // A photo taken on a visit (a generated 4000 × 3000 camera picture) is made fit as the proof
    // field makes it, attached, saved offline and synced; the server holds exactly those bytes
    // under the hash the record names.
    void aPhotoOfAVisitReachesTheServerUnderItsHash()
    {
        QTemporaryDir server, staffDir, files;
        QCOMPARE(runSyncserver({QStringLiteral("init"), QStringLiteral("--data"), server.path()}, Password), 0);
        QCOMPARE(runSyncserver({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--data"), server.path(), QStringLiteral("--login"),
                                QStringLiteral("pgo1"), QStringLiteral("--name"), QStringLiteral("孙丽"), QStringLiteral("--unit"), QStringLiteral("PGO")}, Password), 0);
        ServedSyncserver served(server.path());
        Tablet staff(staffDir.path());
        QVERIFY(staff.signIn(served.url(), QStringLiteral("pgo1")));

        QImage picture(4000, 3000, QImage::Format_RGB32);
        for (int y = 0; y < picture.height(); ++y)
            for (int x = 0; x < picture.width(); ++x)
                picture.setPixel(x, y, qRgb((x * 7 + y) % 256, (y * 3) % 256, (x ^ y) % 256));
        const QString taken = files.filePath(QStringLiteral("IMG_20230615_101500.jpg"));
        QImageWriter writer(taken, "jpeg");
        writer.setQuality(100);
        QVERIFY(writer.write(picture));

        PhotoProcessor processor;
        const QUrl ready = processor.prepare(QUrl::fromLocalFile(taken));
        QVERIFY2(!ready.isEmpty(), qPrintable(processor.error()));
        QCOMPARE(QImageReader(ready.toLocalFile()).size(), QSize(2048, 1536));

        QVariantMap enterprise = staff.fresh(QStringLiteral("enterprise"));
        enterprise.insert(QStringLiteral("name"), QStringLiteral("新乡华冠化工科技有限公司"));
        const QString enterpriseId = staff.save(enterprise);
        const auto form = staff.editor(QStringLiteral("visit"));
        QVERIFY(form->attach(QStringLiteral("attachments"), ready));
        QVariantMap visit = form->record();
        visit.insert(QStringLiteral("enterprise"), enterpriseId);
        visit.insert(QStringLiteral("purpose"), QStringLiteral("了解扩产计划"));
        visit.insert(QStringLiteral("outcome"), QStringLiteral("企业有意新建生产线"));
        visit.insert(QStringLiteral("noCheckInReason"), QStringLiteral("在企业会议室拜访，室内无定位"));
        const QString visitId = staff.save(visit);
        QVERIFY(!visitId.isEmpty());
        const QVariantMap photo = staff.record(visitId).value(QStringLiteral("attachments")).toList().constFirst().toMap();
        const QString sha = photo.value(QStringLiteral("sha256")).toString();
        QFile processed(ready.toLocalFile());
        QVERIFY(processed.open(QIODevice::ReadOnly));
        const QByteArray bytes = processed.readAll();
        QCOMPARE(sha, QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(photo.value(QStringLiteral("size")).toLongLong(), qint64(bytes.size()));
        QVERIFY(bytes.size() < QFileInfo(taken).size() / 4);

        QVERIFY(staff.syncNow());
        QCOMPARE(staff.app.syncStatus.pendingCount(), 0);
        QByteArray onServer;
        bool answered = false;
        staff.sync.request("GET", QStringLiteral("/api/v1/attachments/%1").arg(sha), {}, {}, [&](const HttpResponse &r) {
            answered = r.status == 200;
            onServer = r.body;
        }, [&](const QString &) { answered = false; });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 30000);
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(onServer, QCryptographicHash::Sha256).toHex()), sha);
    }

    // A reviewer decides with the server down: the decision is kept on the tablet (through a
    // restart of the app), said to be waiting, and sent once the real server is back; the record
    // is then recognised for its author too.
    void anOfflineDecisionIsSentWhenTheServerReturns()
    {
        QTemporaryDir server, staffDir, reviewerDir;
        QCOMPARE(runSyncserver({QStringLiteral("init"), QStringLiteral("--data"), server.path()}, Password), 0);
        QCOMPARE(runSyncserver({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--data"), server.path(), QStringLiteral("--login"),
                                QStringLiteral("pgo1"), QStringLiteral("--name"), QStringLiteral("孙丽"), QStringLiteral("--unit"), QStringLiteral("PGO")}, Password), 0);
        QCOMPARE(runSyncserver({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--data"), server.path(), QStringLiteral("--login"),
                                QStringLiteral("isb1"), QStringLiteral("--name"), QStringLiteral("吕岩"), QStringLiteral("--unit"), QStringLiteral("ISB"),
                                QStringLiteral("--roles"), QStringLiteral("staff,reviewer")}, Password), 0);
        auto served = std::make_unique<ServedSyncserver>(server.path());
        const int port = served->port();

        Tablet staff(staffDir.path());
        QVERIFY(staff.signIn(served->url(), QStringLiteral("pgo1")));
        QVariantMap lead = staff.fresh(QStringLiteral("lead"));
        lead.insert(QStringLiteral("enterpriseName"), QStringLiteral("新乡华冠化工科技有限公司"));
        lead.insert(QStringLiteral("intention"), QStringLiteral("拟投资6亿元建设年产3万吨专用化学品项目"));
        lead.insert(QStringLiteral("expectedInvestment"), QVariantMap{{QStringLiteral("currency"), QStringLiteral("CNY")}, {QStringLiteral("amount"), QStringLiteral("600000000.00")}});
        const QString leadId = staff.save(lead);
        QVERIFY(staff.syncNow());

        {
            Tablet reviewer(reviewerDir.path());
            QVERIFY(reviewer.signIn(served->url(), QStringLiteral("isb1")));
            QSignalSpy listed(&reviewer.app.reviewInbox, &ReviewInbox::recordsChanged);
            reviewer.app.reviewInbox.refresh();
            QVERIFY(listed.wait(30000));
            QVERIFY(!reviewer.app.reviewInbox.record(leadId).isEmpty());

            // The server goes away; the reviewer decides.
            served.reset();
            QSignalSpy kept(&reviewer.app.reviewInbox, &ReviewInbox::decisionQueued);
            QSignalSpy answered(&reviewer.app.reviewInbox, &ReviewInbox::reviewFinished);
            QVERIFY(reviewer.app.reviewInbox.review(leadId, QStringLiteral("recognise"), QString()));
            QVERIFY(kept.count() > 0 || kept.wait(30000));
            QCOMPARE(answered.count(), 0);
            QCOMPARE(reviewer.app.reviewInbox.waitingCount(), 1);
            QVERIFY(reviewer.app.reviewInbox.decisionState().contains(QStringLiteral("保存在本机")));
            QCOMPARE(reviewer.app.reviewInbox.record(leadId).value(QStringLiteral("queuedDecision")).toMap().value(QStringLiteral("action")).toString(),
                     QStringLiteral("recognise"));
        } // the app is closed with the decision unsent

        // The app starts again, the server comes back on its address: the next sync sends it.
        served = std::make_unique<ServedSyncserver>(server.path(), port);
        Tablet reviewer(reviewerDir.path());
        QCOMPARE(reviewer.app.reviewInbox.waitingCount(), 1);
        QSignalSpy answered(&reviewer.app.reviewInbox, &ReviewInbox::reviewFinished);
        QVERIFY(reviewer.syncNow());
        QVERIFY(answered.count() > 0 || answered.wait(30000));
        QCOMPARE(answered.first().at(0).toString(), leadId);
        QVERIFY2(answered.first().at(1).toBool(), qPrintable(answered.first().at(2).toString()));
        QCOMPARE(reviewer.app.reviewInbox.waitingCount(), 0);
        QVERIFY(reviewer.app.reviewInbox.decisionState().isEmpty());

        QVERIFY(staff.syncNow());
        QCOMPARE(staff.record(leadId).value(QStringLiteral("review")).toMap().value(QStringLiteral("state")).toString(), QStringLiteral("recognised"));
    }
};

QTEST_GUILESS_MAIN(TestFieldDay)
#include "tst_fieldday.moc"
