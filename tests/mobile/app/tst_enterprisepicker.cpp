// Finding the enterprise and typing what people say, below the screens: the picker's model
// (EnterpriseListModel in QAbstractItemModelTester) searched by name and by credit code, ordered
// nearest first with the distance when there is a position and by the latest record otherwise;
// Format's amounts in 万元/亿元 kept exact to the fen, its dates and numbers in the UI's language;
// and the record editor marking every missing field at once and refusing a record without the
// proofs recognition requires.
#include "appsingletons.h"
#include "enterpriselistmodel.h"
#include "localstore.h"
#include "networktransport.h"
#include "recordeditor.h"
#include "syncclient.h"

#include "../core/testentities.h"

#include "ledger/checkin.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace mobile;

namespace {
const QString Unit = QStringLiteral("ISB");
const QString Person = QStringLiteral("6f1c2a52-8d0e-4b57-9a43-0d2f3c4b5a61");
// The zone's office, and points east of it.
constexpr ledger::GeoPoint Here{35.2647, 113.9268};

QJsonObject enterpriseAt(const QString &name, const QString &code, std::optional<double> metresEast)
{
    QJsonObject e = test::enterprise(name);
    if (!code.isEmpty())
        e.insert(QStringLiteral("creditCode"), code);
    if (metresEast) {
        const ledger::GeoPoint p = ledger::destinationPoint(Here, *metresEast, 90);
        e.insert(QStringLiteral("site"), QJsonObject{{QStringLiteral("latitude"), p.latitude}, {QStringLiteral("longitude"), p.longitude}});
    }
    return e;
}

QJsonObject pulled(qint64 cursor, const QList<QJsonObject> &entities)
{
    QJsonArray changes;
    qint64 seq = 0;
    for (const QJsonObject &e : entities)
        changes.append(QJsonObject{{QStringLiteral("seq"), ++seq}, {QStringLiteral("entity"), e}});
    return {{QStringLiteral("cursor"), cursor}, {QStringLiteral("changes"), changes}};
}

QStringList names(const EnterpriseListModel &m)
{
    QStringList out;
    for (int i = 0; i < m.rowCount(); ++i)
        out << m.data(m.index(i), EnterpriseListModel::NameRole).toString();
    return out;
}
} // namespace

class TestEnterprisePicker : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<LocalStore>(m_dir->path());
        QVERIFY(m_store->isOpen());
        StoredSession session;
        session.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        session.user = QJsonObject{{QStringLiteral("id"), Person}, {QStringLiteral("login"), QStringLiteral("zhang.wei")},
                                   {QStringLiteral("name"), QStringLiteral("张伟")}, {QStringLiteral("unit"), Unit},
                                   {QStringLiteral("roles"), QJsonArray{QStringLiteral("staff")}}};
        QVERIFY(!m_store->setSession(session));
        m_sync = std::make_unique<SyncClient>(*m_store, m_transport);
        m_app = std::make_unique<AppSingletons>(*m_store, *m_sync, m_scheme, QDate(2023, 12, 15));

        m_far = enterpriseAt(QStringLiteral("新乡远方化工有限公司"), QStringLiteral("91350100M000100Y43"), 4200);
        m_near = enterpriseAt(QStringLiteral("新乡近邻新材料有限公司"), {}, 150);
        m_noSite = enterpriseAt(QStringLiteral("安阳无址机械有限公司"), {}, std::nullopt);
        m_middle = enterpriseAt(QStringLiteral("新乡中途电池有限公司"), {}, 900);
        QVERIFY(!m_store->applyPull(pulled(4, {m_far, m_near, m_noSite, m_middle})));
    }

    void cleanup()
    {
        m_app.reset();
        m_sync.reset();
        m_store.reset();
        m_dir.reset();
    }

    // Search: by any part of the name or of the credit code.
    void searchesNameAndCreditCode()
    {
        EnterpriseListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setStore(m_store.get());
        QCOMPARE(model.rowCount(), 4);
        model.setSearch(QStringLiteral("近邻"));
        QCOMPARE(names(model), QStringList{QStringLiteral("新乡近邻新材料有限公司")});
        model.setSearch(QStringLiteral("m000100y"));
        QCOMPARE(names(model), QStringList{QStringLiteral("新乡远方化工有限公司")});
        model.setSearch(QStringLiteral("不存在"));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.nameOf(m_near.value(u"id").toString()), QStringLiteral("新乡近邻新材料有限公司"));
    }

    // With a position: nearest first, each with its distance; without a site, after them.
    void nearestFirstWithDistance()
    {
        EnterpriseListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setStore(m_store.get());
        model.setNear({{QStringLiteral("latitude"), Here.latitude}, {QStringLiteral("longitude"), Here.longitude}});
        QCOMPARE(names(model), (QStringList{QStringLiteral("新乡近邻新材料有限公司"), QStringLiteral("新乡中途电池有限公司"),
                                            QStringLiteral("新乡远方化工有限公司"), QStringLiteral("安阳无址机械有限公司")}));
        QVERIFY(qAbs(model.data(model.index(0), EnterpriseListModel::DistanceRole).toDouble() - 150) < 1);
        QVERIFY(qAbs(model.data(model.index(2), EnterpriseListModel::DistanceRole).toDouble() - 4200) < 1);
        QCOMPARE(model.data(model.index(3), EnterpriseListModel::DistanceRole).toDouble(), -1.0);
        // Forgetting the position: names again.
        model.setNear({});
        QCOMPARE(model.data(model.index(0), EnterpriseListModel::DistanceRole).toDouble(), -1.0);
    }

    // Without a position: the enterprises of the latest records first, and a new record moves its
    // enterprise up.
    void recentlyUsedFirst()
    {
        EnterpriseListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setStore(m_store.get());
        model.setRecentFirst(true);
        QVERIFY(!m_store->save(test::visit(Unit, Person, m_far.value(u"id").toString(), {})));
        QCOMPARE(names(model).first(), QStringLiteral("新乡远方化工有限公司"));
        QCOMPARE(model.data(model.index(0), EnterpriseListModel::LastUsedRole).toString(), QStringLiteral("2023-06-02"));
        QJsonObject later = test::visit(Unit, Person, m_noSite.value(u"id").toString(), {});
        later.insert(QStringLiteral("date"), QStringLiteral("2023-07-01"));
        QVERIFY(!m_store->save(later));
        QCOMPARE(names(model).mid(0, 2), (QStringList{QStringLiteral("安阳无址机械有限公司"), QStringLiteral("新乡远方化工有限公司")}));
    }

    // Amounts typed in 元, 万元 or 亿元 are stored exactly in 元; refused text names the problem.
    void amountsInChineseUnits_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QString>("stored");
        QTest::newRow("3亿") << "3" << "yi" << "300000000.00";
        QTest::newRow("2.35亿") << "2.35" << "yi" << "235000000.00";
        QTest::newRow("800万") << "800" << "wan" << "8000000.00";
        QTest::newRow("0.0001万 = 1元") << "0.0001" << "wan" << "1.00";
        QTest::newRow("万 to the fen") << "1.234567" << "wan" << "12345.67";
        QTest::newRow("亿 to the fen") << "1.0000000001" << "yi" << "100000000.01";
        QTest::newRow("grouped 元") << "1,011.5" << "yuan" << "1011.50";
        QTest::newRow("past the fen in 万") << "1.2345678" << "wan" << "";
        QTest::newRow("past the fen in 元") << "1.234" << "yuan" << "";
        QTest::newRow("negative") << "-5" << "wan" << "";
        QTest::newRow("not a number") << "三亿" << "yi" << "";
    }
    void amountsInChineseUnits()
    {
        QFETCH(QString, typed);
        QFETCH(QString, unit);
        QFETCH(QString, stored);
        const QVariantMap parsed = m_app->format.parseAmount(typed, unit);
        if (stored.isEmpty()) {
            QVERIFY(!parsed.contains(QStringLiteral("amount")));
            QVERIFY(!parsed.value(QStringLiteral("error")).toString().isEmpty());
            return;
        }
        QCOMPARE(parsed.value(QStringLiteral("amount")).toString(), stored);
        // And back: the same digits in the same unit, without trailing zeros.
        QString plain = typed;
        plain.remove(u',');
        QCOMPARE(m_app->format.amountIn(stored, unit), plain);
    }

    void amountUnitsAndWords()
    {
        const Format &f = m_app->format;
        QCOMPARE(f.bestAmountUnit(QStringLiteral("300000000.00")), QStringLiteral("yi"));
        QCOMPARE(f.bestAmountUnit(QStringLiteral("8000000.00")), QStringLiteral("wan"));
        QCOMPARE(f.bestAmountUnit(QStringLiteral("9999.99")), QStringLiteral("yuan"));
        QCOMPARE(f.amountUnitName(QStringLiteral("yi"), QStringLiteral("CNY")), QStringLiteral("亿元"));
        QCOMPARE(f.amountUnitName(QStringLiteral("wan"), QStringLiteral("USD")), QStringLiteral("万美元"));
        QCOMPARE(f.amountIn(QStringLiteral("235000000.00"), QStringLiteral("wan")), QStringLiteral("23500"));
        QCOMPARE(f.parseAmount(QStringLiteral("-5"), QStringLiteral("yuan")).value(QStringLiteral("error")).toString(), QStringLiteral("不能为负数"));
    }

    // Dates and numbers in the UI's language, not the machine's.
    void datesAndNumbersInTheUiLanguage()
    {
        Format &f = m_app->format;
        QCOMPARE(f.date(QStringLiteral("2026-11-30")), QStringLiteral("2026年11月30日"));
        QCOMPARE(f.monthTitle(2026, 11), QStringLiteral("2026年11月"));
        QCOMPARE(f.weekdayNames().size(), 7);
        QCOMPARE(f.weekdayNames().first(), QStringLiteral("一"));
        QCOMPARE(f.number(12345.5, 1), QStringLiteral("12,345.5"));
        QCOMPARE(f.date(QStringLiteral("not a date")), QStringLiteral("not a date"));
        m_app->settings.setLanguage(QStringLiteral("en"));
        QCOMPARE(f.date(QStringLiteral("2026-11-30")), QStringLiteral("30 Nov 2026"));
        QCOMPARE(f.monthTitle(2026, 11), QStringLiteral("November 2026"));
        QCOMPARE(f.weekdayNames().first(), QStringLiteral("M"));
        QCOMPARE(f.money({{QStringLiteral("currency"), QStringLiteral("CNY")}, {QStringLiteral("amount"), QStringLiteral("300000000.00")}}),
                 QStringLiteral("CNY 300,000,000.00"));
        m_app->settings.setLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(f.money({{QStringLiteral("currency"), QStringLiteral("CNY")}, {QStringLiteral("amount"), QStringLiteral("300000000.00")}}),
                 QStringLiteral("3亿元"));
    }

    // A save names every required field left empty at once, in the form's order.
    void everyMissingFieldAtOnce()
    {
        RecordEditor editor(m_app->session, m_app->trips, m_app->settings);
        editor.setKind(QStringLiteral("lead"));
        editor.setFields({QVariantMap{{QStringLiteral("key"), QStringLiteral("enterpriseName")}, {QStringLiteral("type"), QStringLiteral("text")}},
                          QVariantMap{{QStringLiteral("key"), QStringLiteral("intention")}, {QStringLiteral("type"), QStringLiteral("textarea")}},
                          QVariantMap{{QStringLiteral("key"), QStringLiteral("source")}, {QStringLiteral("type"), QStringLiteral("text")},
                                      {QStringLiteral("optional"), true}}});
        QVERIFY(!editor.save());
        QCOMPARE(editor.errorField(), QStringLiteral("enterpriseName"));
        QCOMPARE(editor.fieldErrors().keys(), (QStringList{QStringLiteral("enterpriseName"), QStringLiteral("intention")}));
        QCOMPARE(editor.fieldErrors().value(QStringLiteral("intention")).toString(), QStringLiteral("必填"));
        // Filling one clears its mark only.
        editor.setField(QStringLiteral("enterpriseName"), QStringLiteral("ACME"));
        QCOMPARE(editor.fieldErrors().keys(), QStringList{QStringLiteral("intention")});
        QCOMPARE(editor.errorField(), QStringLiteral("intention"));
        // An input that could not read its text keeps the save refused until it is set.
        editor.setField(QStringLiteral("intention"), QStringLiteral("拟投资建厂"));
        editor.markInvalid(QStringLiteral("expectedInvestment"), QStringLiteral("不能为负数"));
        QVERIFY(!editor.save());
        QCOMPARE(editor.fieldErrors().keys(), QStringList{QStringLiteral("expectedInvestment")});
        editor.setField(QStringLiteral("expectedInvestment"),
                        QVariantMap{{QStringLiteral("currency"), QStringLiteral("CNY")}, {QStringLiteral("amount"), QStringLiteral("5.00")}});
        QVERIFY2(editor.save(), qPrintable(editor.errorMessage()));
        QVERIFY(editor.fieldErrors().isEmpty());
    }

    // Proofs recognition requires are required before the record is submitted: funds without the
    // investor's written proof are refused on `proof`, with shared/'s words.
    void proofsRequiredBeforeSubmitting()
    {
        RecordEditor editor(m_app->session, m_app->trips, m_app->settings);
        editor.setKind(QStringLiteral("funds"));
        editor.setField(QStringLiteral("enterprise"), m_far.value(u"id").toString());
        editor.setField(QStringLiteral("amount"),
                        QVariantMap{{QStringLiteral("currency"), QStringLiteral("CNY")}, {QStringLiteral("amount"), QStringLiteral("5000000.00")}});
        const qsizetype before = m_store->entities(QStringLiteral("funds")).size();
        QVERIFY(!editor.save());
        QCOMPARE(editor.errorField(), QStringLiteral("proof"));
        QVERIFY(!editor.errorMessage().isEmpty());
        QCOMPARE(m_store->entities(QStringLiteral("funds")).size(), before);
    }

    // A trip only about an emerging industry is accepted but says at once that it will not count.
    void warnsWhatWillNotCount()
    {
        RecordEditor editor(m_app->session, m_app->trips, m_app->settings);
        editor.setKind(QStringLiteral("trip"));
        QVERIFY(!editor.warnings().contains(QStringLiteral("industries")));
        QString emerging;
        QString leading;
        for (const ledger::Industry &i : m_scheme.industries)
            (i.leading ? leading : emerging) = i.key;
        QVERIFY(!emerging.isEmpty() && !leading.isEmpty());
        editor.setField(QStringLiteral("industries"), QStringList{emerging});
        QVERIFY(editor.warnings().contains(QStringLiteral("industries")));
        editor.setField(QStringLiteral("industries"), QStringList{emerging, leading});
        QVERIFY(!editor.warnings().contains(QStringLiteral("industries")));
    }

private:
    const ledger::Scheme m_scheme = ledger::scheme2023();
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;
    NetworkTransport m_transport;
    std::unique_ptr<SyncClient> m_sync;
    std::unique_ptr<AppSingletons> m_app;
    QJsonObject m_far, m_near, m_noSite, m_middle;
};

QTEST_MAIN(TestEnterprisePicker)
#include "tst_enterprisepicker.moc"
