// DraftStore: drafts are written, replaced, listed newest first and removed; they survive closing
// and reopening the store (an app restart); bad drafts are refused naming the field and change
// nothing; and a draft never reaches the entities or the outbox.
#include "draftstore.h"
#include "localstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mobile;

namespace {
Draft visitDraft(const QString &purpose, const QDateTime &at, QString id = QStringLiteral("3f1c3f6e-8b55-4a8e-9a43-7c1d2d4e5f60"))
{
    Draft d;
    d.id = id;
    d.kind = QStringLiteral("visit");
    d.json = QJsonObject{{QStringLiteral("v"), 1}, {QStringLiteral("kind"), QStringLiteral("visit")}, {QStringLiteral("id"), id},
                         {QStringLiteral("purpose"), purpose}};
    d.updatedAt = at;
    return d;
}
const QDateTime Morning(QDate(2023, 6, 15), QTime(1, 0), Qt::UTC);
} // namespace

class TestDraftStore : public QObject
{
    Q_OBJECT
private slots:
    void keptAcrossARestart()
    {
        QTemporaryDir dir;
        {
            LocalStore store(dir.path());
            DraftStore drafts(store);
            QVERIFY2(drafts.isOpen(), qPrintable(drafts.openError()));
            QSignalSpy changed(&drafts, &DraftStore::changed);
            QVERIFY(!drafts.put(visitDraft(QStringLiteral("了解扩"), Morning)));
            QVERIFY(!drafts.put(visitDraft(QStringLiteral("了解扩产计划"), Morning.addSecs(5))));
            QCOMPARE(changed.size(), 2);
            QCOMPARE(drafts.count(), 1);
            // Never an entity, never in the outbox.
            QCOMPARE(store.pendingCount(), 0);
            QVERIFY(!store.entity(visitDraft({}, Morning).id));
        }
        LocalStore store(dir.path());
        DraftStore drafts(store);
        const auto kept = drafts.draft(visitDraft({}, Morning).id);
        QVERIFY(kept);
        QCOMPARE(kept->kind, QStringLiteral("visit"));
        QCOMPARE(kept->json.value(QStringLiteral("purpose")).toString(), QStringLiteral("了解扩产计划"));
        QCOMPARE(kept->updatedAt, Morning.addSecs(5));
        QVERIFY(!kept->ofStoredRecord);
    }

    void listedNewestFirstAndRemoved()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        DraftStore drafts(store);
        const QString older = QStringLiteral("0b7e2a4c-1111-4c1e-8f00-000000000001");
        const QString newer = QStringLiteral("0b7e2a4c-2222-4c1e-8f00-000000000002");
        QVERIFY(!drafts.put(visitDraft(QStringLiteral("旧"), Morning.addDays(-2), older)));
        QVERIFY(!drafts.put(visitDraft(QStringLiteral("新"), Morning, newer)));
        const QList<Draft> all = drafts.drafts();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).id, newer);
        QCOMPARE(all.at(1).id, older);

        QSignalSpy changed(&drafts, &DraftStore::changed);
        QVERIFY(!drafts.remove(older));
        QCOMPARE(changed.size(), 1);
        QVERIFY(!drafts.remove(older)); // gone already: nothing to do, nothing announced
        QCOMPARE(changed.size(), 1);
        QCOMPARE(drafts.count(), 1);
        QVERIFY(!drafts.draft(older));
    }

    void badDraftsAreRefusedNamingTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("no id") << QStringLiteral("id");
        QTest::newRow("no kind") << QStringLiteral("kind");
        QTest::newRow("json of another record") << QStringLiteral("json.id");
        QTest::newRow("no time") << QStringLiteral("updatedAt");
    }
    void badDraftsAreRefusedNamingTheField()
    {
        QFETCH(QString, field);
        QTemporaryDir dir;
        LocalStore store(dir.path());
        DraftStore drafts(store);
        QVERIFY(!drafts.put(visitDraft(QStringLiteral("原样"), Morning)));
        Draft bad = visitDraft(QStringLiteral("改坏了"), Morning.addSecs(1));
        if (field == u"id")
            bad.id.clear();
        else if (field == u"kind")
            bad.kind.clear();
        else if (field == u"json.id")
            bad.json.insert(QStringLiteral("id"), QStringLiteral("another"));
        else
            bad.updatedAt = QDateTime();
        QSignalSpy changed(&drafts, &DraftStore::changed);
        const auto error = drafts.put(bad);
        QVERIFY(error);
        QCOMPARE(error->field, field);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(drafts.draft(visitDraft({}, Morning).id)->json.value(QStringLiteral("purpose")).toString(), QStringLiteral("原样"));
    }

    void aStoreThatDidNotOpenHasNoDrafts()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        LocalStore store(blocker.fileName()); // a file where the folder should be
        QVERIFY(!store.isOpen());
        DraftStore drafts(store);
        QVERIFY(!drafts.isOpen());
        QVERIFY(drafts.put(visitDraft(QStringLiteral("x"), Morning)));
        QCOMPARE(drafts.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDraftStore)
#include "tst_draftstore.moc"
