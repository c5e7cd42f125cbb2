// The home page's to-do list and reminders (ToDo): a draft is listed and, older than a day,
// reminded of; a record a reviewer returned is listed with its reason; a record of this quarter
// short of evidence is listed with what it lacks; the unit short of 4 valuable leads in the last
// week of a month is reminded, and not before that week or once it has them.
#include "appsingletons.h"
#include "localstore.h"
#include "networktransport.h"
#include "recordeditor.h"
#include "syncclient.h"

#include "../core/testentities.h"

#include <QJsonArray>
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

QStringList types(const QVariantList &list)
{
    QStringList out;
    for (const QVariant &v : list)
        out << v.toMap().value(QStringLiteral("type")).toString();
    return out;
}
} // namespace

class TestToDo : public QObject
{
    Q_OBJECT

    // One device signed in as a person of PGO, with today as given.
    struct Device
    {
        explicit Device(const QString &dir, QDate today)
            : store(dir)
        {
            StoredSession session;
            session.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
            session.user = QJsonObject{{QStringLiteral("id"), Person}, {QStringLiteral("name"), QStringLiteral("孙丽")},
                                       {QStringLiteral("unit"), Unit}, {QStringLiteral("roles"), QJsonArray{QStringLiteral("staff")}}};
            (void)store.setSession(session);
            transport = std::make_unique<NetworkTransport>(session.serverUrl);
            sync = std::make_unique<SyncClient>(store, *transport);
            app = std::make_unique<AppSingletons>(store, *sync, scheme, today);
        }
        ledger::Scheme scheme = ledger::scheme2023();
        LocalStore store;
        std::unique_ptr<NetworkTransport> transport;
        std::unique_ptr<SyncClient> sync;
        std::unique_ptr<AppSingletons> app;
    };

private slots:
    void draftsListedAndOldOnesReminded()
    {
        QTemporaryDir dir;
        Device d(dir.path(), QDate(2023, 6, 15));
        QDateTime now = QDateTime::currentDateTimeUtc();
        d.app->toDo.setClock([&now] { return now; });
        QCOMPARE(d.app->toDo.items(), QVariantList());

        RecordEditor form(d.app->session, d.app->trips, d.app->settings);
        form.setKind(QStringLiteral("visit"));
        form.setField(QStringLiteral("purpose"), QStringLiteral("了解扩产计划"));
        QVERIFY(form.dirty());
        QTRY_VERIFY(form.hasDraft()); // written a moment after the change
        QSignalSpy told(&d.app->toDo, &ToDo::itemsChanged);
        QVERIFY(told.wait(2000));
        const QVariantList items = d.app->toDo.items();
        QCOMPARE(types(items), QStringList{QStringLiteral("draft")});
        QCOMPARE(items.first().toMap().value(QStringLiteral("recordId")).toString(), form.record().value(QStringLiteral("id")).toString());
        QCOMPARE(items.first().toMap().value(QStringLiteral("page")).toString(), QStringLiteral("RecordForm.qml"));
        QVERIFY(!types(d.app->toDo.reminders()).contains(QStringLiteral("oldDraft")));

        now = now.addDays(2);
        d.app->toDo.setClock([&now] { return now; });
        QVERIFY(types(d.app->toDo.reminders()).contains(QStringLiteral("oldDraft")));
        QVERIFY(items.first().toMap().contains(QStringLiteral("old")));
        QVERIFY(d.app->toDo.items().first().toMap().value(QStringLiteral("old")).toBool());

        // Saved: the draft is gone from the list.
        form.setField(QStringLiteral("enterprise"), mobile::test::newId());
        form.setField(QStringLiteral("noCheckInReason"), QStringLiteral("室内无定位"));
        QVERIFY2(form.save(), qPrintable(form.errorMessage()));
        QVERIFY(!form.hasDraft());
        QVERIFY(!types(d.app->toDo.items()).contains(QStringLiteral("draft")));
    }

    void returnedAndMissingEvidenceListedWithWhy()
    {
        QTemporaryDir dir;
        Device d(dir.path(), QDate(2023, 6, 15));
        QJsonObject returned = mobile::test::lead(Unit, Person, QStringLiteral("丙公司"));
        returned.insert(QStringLiteral("review"), QJsonObject{{QStringLiteral("state"), QStringLiteral("returned")},
                                                              {QStringLiteral("reason"), QStringLiteral("缺少投资意向书")}});
        QJsonObject lacking = mobile::test::lead(Unit, Person, QStringLiteral("丁公司"));
        lacking.remove(QStringLiteral("intention")); // no stated intention: not valuable
        QJsonObject otherUnit = mobile::test::lead(QStringLiteral("ISB"), QString(), QStringLiteral("戊公司"));
        otherUnit.insert(QStringLiteral("review"), returned.value(QStringLiteral("review")));
        QVERIFY(!d.store.applyPull(pulled(3, {returned, lacking, otherUnit})));

        const QVariantList items = d.app->toDo.items();
        QCOMPARE(types(items), (QStringList{QStringLiteral("returned"), QStringLiteral("evidence")}));
        QCOMPARE(items.at(0).toMap().value(QStringLiteral("detail")).toString(), QStringLiteral("已退回：缺少投资意向书"));
        QVERIFY(items.at(0).toMap().value(QStringLiteral("title")).toString().contains(QStringLiteral("丙公司")));
        QVERIFY(items.at(1).toMap().value(QStringLiteral("detail")).toString().startsWith(QStringLiteral("缺少认定材料：")));
        QVERIFY(items.at(1).toMap().value(QStringLiteral("title")).toString().contains(QStringLiteral("丁公司")));
        const QStringList reminders = types(d.app->toDo.reminders());
        QVERIFY(reminders.contains(QStringLiteral("returned")));
        QVERIFY(reminders.contains(QStringLiteral("evidence")));
    }

    void leadsShortInTheMonthsLastWeek_data()
    {
        QTest::addColumn<QDate>("today");
        QTest::addColumn<int>("leads");
        QTest::addColumn<bool>("reminded");
        QTest::newRow("last week, 1 lead") << QDate(2023, 5, 26) << 1 << true;
        QTest::newRow("last day, 3 leads") << QDate(2023, 5, 31) << 3 << true;
        QTest::newRow("last week, 4 leads") << QDate(2023, 5, 26) << 4 << false;
        QTest::newRow("mid-month, none") << QDate(2023, 5, 16) << 0 << false;
    }
    void leadsShortInTheMonthsLastWeek()
    {
        QFETCH(QDate, today);
        QFETCH(int, leads);
        QFETCH(bool, reminded);
        QTemporaryDir dir;
        Device d(dir.path(), today);
        QJsonArray filed;
        for (int i = 0; i < leads; ++i)
            filed.append(mobile::test::lead(Unit, Person, QStringLiteral("公司%1").arg(i))); // filed 2023-05-16
        if (!filed.isEmpty())
            QVERIFY(!d.store.applyPull(pulled(filed.size(), filed)));
        QCOMPARE(types(d.app->toDo.reminders()).contains(QStringLiteral("leads")), reminded);
    }
};

QTEST_GUILESS_MAIN(TestToDo)
#include "tst_todo.moc"
