// Runs tst_reviewer.qml, tst_prooffield.qml and tst_kinds.qml: the reviewer's workspace
// (InboxPage, RecordDetailPage), the proof field of the forms and the forms of the kinds that had
// none (with the pool-share check), from the Ledger.App module, against the
// app's real singletons over a real LocalStore in a temporary folder. The person is a reviewer
// whose server cannot be reached (no tokens: nothing is ever sent); the inbox holds what the
// server last listed: 30 records, the first a visit checked in 4.2 km from its enterprise.
#include "appsingletons.h"
#include "localstore.h"
#include "networktransport.h"
#include "recordeditor.h"
#include "syncclient.h"

#include "ledger/ids.h"

#include <QBuffer>
#include <QImage>
#include <QJsonArray>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(Ledger_AppPlugin)
Q_IMPORT_QML_PLUGIN(Ledger_PositioningPlugin)

namespace {

QJsonObject pulled(const QJsonArray &entities)
{
    QJsonArray changes;
    for (qsizetype i = 0; i < entities.size(); ++i)
        changes.append(QJsonObject{{QStringLiteral("seq"), i + 1}, {QStringLiteral("entity"), entities[i]}});
    return {{QStringLiteral("cursor"), entities.size()}, {QStringLiteral("changes"), changes}};
}

} // namespace

class Setup : public QObject
{
    Q_OBJECT

public slots:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<mobile::LocalStore>(m_dir->path());
        if (!m_store->isOpen())
            qFatal("cannot open the local store: %s", qPrintable(m_store->openError()));

        mobile::StoredSession session;
        session.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        session.user = QJsonObject{{QStringLiteral("id"), ledger::PersonId::create().toString()},
                                   {QStringLiteral("login"), QStringLiteral("isb1")},
                                   {QStringLiteral("name"), QStringLiteral("吕岩")},
                                   {QStringLiteral("unit"), QStringLiteral("ISB")},
                                   {QStringLiteral("roles"), QJsonArray{QStringLiteral("staff"), QStringLiteral("reviewer")}}};
        if (const auto error = m_store->setSession(session))
            qFatal("cannot store the session: %s", qPrintable(error->toString()));
        m_transport = std::make_unique<mobile::NetworkTransport>(session.serverUrl);
        m_sync = std::make_unique<mobile::SyncClient>(*m_store, *m_transport);
        m_singletons = std::make_unique<mobile::AppSingletons>(*m_store, *m_sync, m_scheme, QDate(2023, 12, 15));
        m_singletons->install();

        // What the reviewer's tablet pulled: the enterprise (with its site), the person, and a
        // photo the visit carries (kept on this device).
        const QString enterpriseId = ledger::EnterpriseId::create().toString();
        const QString personId = ledger::PersonId::create().toString();
        const QJsonObject enterprise{{QStringLiteral("v"), 1}, {QStringLiteral("id"), enterpriseId}, {QStringLiteral("name"), QStringLiteral("新乡华冠化工科技有限公司")},
                                     {QStringLiteral("site"), QJsonObject{{QStringLiteral("latitude"), 35.2647}, {QStringLiteral("longitude"), 113.9268}}},
                                     {QStringLiteral("address"), QStringLiteral("新乡经济开发区纬七路18号")},
                                     {QStringLiteral("foreignInvested"), false}, {QStringLiteral("listed"), false},
                                     {QStringLiteral("fortune500"), false}, {QStringLiteral("industryLeader"), false}};
        const QJsonObject person{{QStringLiteral("v"), 1}, {QStringLiteral("id"), personId},
                                 {QStringLiteral("name"), QStringLiteral("孙丽")}, {QStringLiteral("unit"), QStringLiteral("PGO")},
                                 {QStringLiteral("roles"), QJsonArray{QStringLiteral("staff")}}, {QStringLiteral("active"), true}};
        if (const auto error = m_store->applyPull(pulled({enterprise, person})))
            qFatal("cannot store the pulled entities: %s", qPrintable(error->toString()));
        QImage site(640, 480, QImage::Format_RGB32);
        site.fill(qRgb(90, 140, 60));
        QByteArray jpeg;
        {
            QBuffer buffer(&jpeg);
            buffer.open(QIODevice::WriteOnly);
            site.save(&buffer, "JPEG", 85);
        }
        const auto photo = m_store->storeAttachment(jpeg, QStringLiteral("现场照片.jpg"), QStringLiteral("image/jpeg"));
        if (!photo)
            qFatal("cannot store the photo: %s", qPrintable(photo.error().toString()));

        // The inbox as the server answered it.
        QJsonArray records;
        const auto credit = QJsonObject{{QStringLiteral("unit"), QStringLiteral("PGO")}, {QStringLiteral("people"), QJsonArray{personId}}};
        const auto review = QJsonObject{{QStringLiteral("state"), QStringLiteral("submitted")}};
        QJsonObject farVisit{{QStringLiteral("v"), 1}, {QStringLiteral("kind"), QStringLiteral("visit")}, {QStringLiteral("id"), ledger::RecordId::create().toString()},
                             {QStringLiteral("credit"), credit}, {QStringLiteral("review"), review}, {QStringLiteral("author"), personId},
                             {QStringLiteral("enterprise"), enterpriseId}, {QStringLiteral("date"), QStringLiteral("2023-11-28")},
                             {QStringLiteral("purpose"), QStringLiteral("了解扩产计划")}, {QStringLiteral("outcome"), QStringLiteral("企业有意新建专用化学品生产线")},
                             {QStringLiteral("attachments"), QJsonArray{QJsonObject{{QStringLiteral("sha256"), photo.value().sha256.hex()},
                                                                                   {QStringLiteral("name"), QStringLiteral("现场照片.jpg")},
                                                                                   {QStringLiteral("mimeType"), QStringLiteral("image/jpeg")},
                                                                                   {QStringLiteral("size"), photo.value().size}}}},
                             {QStringLiteral("checkIn"), QJsonObject{{QStringLiteral("position"), QJsonObject{{QStringLiteral("latitude"), 35.3021}, {QStringLiteral("longitude"), 113.9268}}},
                                                                     {QStringLiteral("accuracyM"), 12.0}, {QStringLiteral("fixTime"), QStringLiteral("2023-11-28T02:15:00Z")},
                                                                     {QStringLiteral("distanceM"), 4177.0}, {QStringLiteral("flags"), QJsonArray{QStringLiteral("far_from_site")}}}},
                             {QStringLiteral("farCheckInReason"), QStringLiteral("企业在新厂区接待")}};
        records.append(QJsonObject{{QStringLiteral("entity"), farVisit}, {QStringLiteral("authorName"), QStringLiteral("孙丽")},
                                   {QStringLiteral("whyNotCounting"), QJsonArray{}}, {QStringLiteral("missingEvidence"), QJsonArray{}},
                                   {QStringLiteral("checkInFlags"), QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("other")},
                                                                                          {QStringLiteral("message"), QStringLiteral("距企业注册地址 4177 米")},
                                                                                          {QStringLiteral("flag"), QStringLiteral("far_from_site")}}}}});
        for (int i = 1; i < 30; ++i) {
            const QJsonObject lead{{QStringLiteral("v"), 1}, {QStringLiteral("kind"), QStringLiteral("lead")}, {QStringLiteral("id"), ledger::RecordId::create().toString()},
                                   {QStringLiteral("credit"), QJsonObject{{QStringLiteral("unit"), i % 2 ? QStringLiteral("EDS") : QStringLiteral("PGO")}, {QStringLiteral("people"), QJsonArray{personId}}}},
                                   {QStringLiteral("review"), review}, {QStringLiteral("author"), personId},
                                   {QStringLiteral("enterpriseName"), QStringLiteral("招商线索企业%1").arg(i)},
                                   {QStringLiteral("intention"), QStringLiteral("拟投资建设新项目")},
                                   {QStringLiteral("expectedInvestment"), QJsonObject{{QStringLiteral("currency"), QStringLiteral("CNY")}, {QStringLiteral("amount"), QStringLiteral("100000000.00")}}},
                                   {QStringLiteral("filed"), QStringLiteral("2023-%1-10").arg(1 + i % 12, 2, 10, QLatin1Char('0'))}};
            records.append(QJsonObject{{QStringLiteral("entity"), lead}, {QStringLiteral("authorName"), QStringLiteral("孙丽")},
                                       {QStringLiteral("whyNotCounting"), QJsonArray{}}, {QStringLiteral("missingEvidence"), QJsonArray{}},
                                       {QStringLiteral("checkInFlags"), QJsonArray{}}});
        }
        m_singletons->reviewInbox.receive(QJsonObject{{QStringLiteral("records"), records}});
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // A test image the proof field attaches, in a folder of the test's own.
        QImage big(3000, 2000, QImage::Format_RGB32);
        big.fill(qRgb(200, 120, 40));
        const QString path = m_dir->filePath(QStringLiteral("现场.png"));
        big.save(path);
        engine->rootContext()->setContextProperty(QStringLiteral("testImage"), QUrl::fromLocalFile(path));
    }

private:
    const ledger::Scheme m_scheme = ledger::scheme2023();
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<mobile::LocalStore> m_store;
    std::unique_ptr<mobile::NetworkTransport> m_transport;
    std::unique_ptr<mobile::SyncClient> m_sync;
    std::unique_ptr<mobile::AppSingletons> m_singletons;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_reviewer, Setup)

#include "tst_reviewer.moc"
