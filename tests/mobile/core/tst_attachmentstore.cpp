// Attachments: files kept by their content under the data folder (AttachmentStore), and the ones
// the outbox's records refer to that still wait for the server, through the LocalStore facade.
#include "localstore.h"
#include "testentities.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mobile;

namespace {

const QString Person = QStringLiteral("5d3c1e2a-7b4f-4c8d-9e0f-1a2b3c4d5e6f");
const QString Pgo = QStringLiteral("PGO");

QString idOf(const QJsonObject &json) { return json.value(u"id").toString(); }

} // namespace

class TestAttachmentStore : public QObject
{
    Q_OBJECT

private slots:
    void attachmentsAreStoredByTheirContent()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        const QByteArray content = QByteArray("%PDF-1.7\n") + QByteArray(300000, 'x');
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
        const auto a = store.storeAttachment(content, QStringLiteral("投资协议.pdf"), QStringLiteral("application/pdf"));
        QVERIFY(a);
        QCOMPARE(a.value().sha256.hex(), sha);
        QCOMPARE(a.value().size, qint64(content.size()));
        QCOMPARE(a.value().name, QStringLiteral("投资协议.pdf"));
        QFile stored(store.attachmentPath(sha));
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(stored.readAll(), content);
        QCOMPARE(QDir(dir.filePath(QStringLiteral("attachments"))).entryList(QDir::Files), QStringList{sha}); // no temporaries left

        // From a file: the same content is the same attachment; the name defaults to the file's.
        QTemporaryDir elsewhere;
        QFile photo(elsewhere.filePath(QStringLiteral("现场照片.pdf")));
        QVERIFY(photo.open(QIODevice::WriteOnly));
        photo.write(content);
        photo.close();
        const auto b = store.storeAttachment(photo.fileName());
        QVERIFY(b);
        QCOMPARE(b.value().sha256, a.value().sha256);
        QCOMPARE(b.value().name, QStringLiteral("现场照片.pdf"));
        const auto missing = store.storeAttachment(elsewhere.filePath(QStringLiteral("nope.pdf")));
        QVERIFY(!missing);
        QCOMPARE(missing.error().field, QStringLiteral("file"));

        // Only attachments that pending records refer to are to be uploaded, until confirmed.
        QVERIFY(store.attachmentsToUpload().isEmpty());
        const QJsonObject enterprise = test::enterprise(QStringLiteral("豫北新材料"));
        QVERIFY(!store.save(enterprise));
        QVERIFY(!store.save(test::visit(Pgo, Person, idOf(enterprise), {a.value(), a.value()})));
        const QList<PendingAttachment> pending = store.attachmentsToUpload();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().sha256, sha);
        QCOMPARE(pending.first().path, store.attachmentPath(sha));
        QCOMPARE(pending.first().size, qint64(content.size()));
        QVERIFY(!store.markAttachmentUploaded(sha));
        QVERIFY(store.attachmentsToUpload().isEmpty());
    }

    void copyInNamesTheFileAndChangesNothingOnFailure()
    {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath(AttachmentStore::Folder)));
        ledger::Database db = ledger::Database::open(QStringLiteral(":memory:"));
        db.migrate(LocalSchema::migrations());
        AttachmentStore store(dir.path(), db);
        const auto missing = store.copyIn(dir.filePath(QStringLiteral("nope.jpg")), {}, QStringLiteral("image/jpeg"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().field, QStringLiteral("file"));
        QVERIFY(missing.error().message.contains(u"nope.jpg"));
        QCOMPARE(QDir(dir.filePath(AttachmentStore::Folder)).entryList(QDir::Files), QStringList());

        // Only a well-formed hash is ever a path: no ".." or other names reach the file system.
        QCOMPARE(store.path(QStringLiteral("../local.sqlite")), QString());
        const QString unknown(64, u'a');
        QCOMPARE(store.path(unknown), QString());
        const auto a = store.copyIn(QByteArray("photo"), QStringLiteral("现场.jpg"), QStringLiteral("image/jpeg"));
        QVERIFY(a);
        QCOMPARE(store.path(a.value().sha256.hex()), dir.filePath(AttachmentStore::Folder + u'/' + a.value().sha256.hex()));

        // Confirmed by the server, also for a file this device never had.
        store.remember(a.value());
        store.markUploaded(unknown);
        auto uploaded = [&](const QString &sha) {
            ledger::Statement s = db.prepare(QStringLiteral("SELECT uploaded FROM attachments WHERE sha256 = ?"));
            s.bind(1, sha);
            return s.step() ? s.columnInt64(0) : -1;
        };
        QCOMPARE(uploaded(unknown), 1);
        QCOMPARE(uploaded(a.value().sha256.hex()), 0);
        store.remember(a.value()); // already known: stays as it is
        store.markUploaded(a.value().sha256.hex());
        store.remember(a.value());
        QCOMPARE(uploaded(a.value().sha256.hex()), 1);
    }
};

QTEST_GUILESS_MAIN(TestAttachmentStore)
#include "tst_attachmentstore.moc"
