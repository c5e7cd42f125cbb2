// The 2023 scheme as data: it loads, its numbers are the notice's, and a broken copy gets one clear
// message per problem, each with its path.
#include "ledger/scheme.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ledger;

namespace {
QJsonObject schemeJson()
{
    QFile f(QStringLiteral(LEDGER_SOURCE_DIR "/shared/schemes/xxkfq-2023.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read the scheme file");
    return QJsonDocument::fromJson(f.readAll()).object();
}

QByteArray toJson(const QJsonObject &o) { return QJsonDocument(o).toJson(); }

// Sets a value at a path like {"groups", 0, "tasks", 1, "points"} inside a copy of the JSON.
QJsonValue setAt(QJsonValue v, QList<QVariant> path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QVariant head = path.takeFirst();
    if (head.typeId() == QMetaType::Int) {
        QJsonArray a = v.toArray();
        a[head.toInt()] = setAt(a.at(head.toInt()), path, value);
        return a;
    }
    QJsonObject o = v.toObject();
    o[head.toString()] = setAt(o.value(head.toString()), path, value);
    return o;
}

QStringList problemTexts(const SchemeLoad &load)
{
    QStringList out;
    for (const auto &p : load.problems)
        out << p.toString();
    return out;
}
} // namespace

class TestScheme : public QObject
{
    Q_OBJECT
private slots:
    void loads2023()
    {
        const SchemeLoad load = loadScheme(toJson(schemeJson()));
        QVERIFY2(load.problems.isEmpty(), qPrintable(problemTexts(load).join(u'\n')));
        QVERIFY(load.scheme);
        QCOMPARE(load.scheme->year, 2023);
        QCOMPARE(load.scheme->units.size(), 6);
        QCOMPARE(load.scheme->groups.size(), 4);
    }

    void builtInCopyIsTheFile()
    {
        const Scheme s = scheme2023();
        QCOMPARE(s.id, QStringLiteral("xxkfq-2023"));
        QCOMPARE(s.groups.size(), 4);
    }

    void groupPointsAreTheNotices()
    {
        const Scheme s = scheme2023();
        const QHash<QString, QString> totals{{QStringLiteral("G1"), QStringLiteral("10")}, {QStringLiteral("G2"), QStringLiteral("10")},
                                            {QStringLiteral("G3"), QStringLiteral("15")}, {QStringLiteral("G4"), QStringLiteral("10")}};
        for (const auto &g : s.groups) {
            Points sum;
            for (const auto &t : g.tasks)
                sum += t.points;
            QCOMPARE(sum, g.total);
            QCOMPARE(g.total.toString(), totals.value(g.id));
        }
        QCOMPARE(s.groupOf(UnitCode(QStringLiteral("PGO")))->id, QStringLiteral("G1"));
        QCOMPARE(s.groupOf(UnitCode(QStringLiteral("PLC")))->id, QStringLiteral("G1"));
        QCOMPARE(s.groupOf(UnitCode(QStringLiteral("EDS")))->id, QStringLiteral("G2"));
        QCOMPARE(s.groupOf(UnitCode(QStringLiteral("FIN")))->id, QStringLiteral("G2"));
        QCOMPARE(s.groupOf(UnitCode(QStringLiteral("ISB")))->id, QStringLiteral("G3"));
        QCOMPARE(s.groupOf(UnitCode(QStringLiteral("EEE")))->id, QStringLiteral("G4"));
    }

    void groupTargetsAddUpToZoneTargets_data()
    {
        QTest::addColumn<QString>("zoneTarget");
        QTest::addColumn<qint64>("sum");
        QTest::addColumn<qint64>("ofWhich");
        // 8 + 8 + 8 + 32 = 56亿, in fen.
        QTest::newRow("funds 56亿") << QStringLiteral("funds_outside") << qint64(560000000000) << qint64(0);
        // 1 + 1 + 1 + 2 = 5 projects of at least 5亿, 2 of them on the provincial ledger.
        QTest::newRow("projects ≥5亿") << QStringLiteral("signed_5yi") << qint64(5) << qint64(2);
        // 3 + 3 + 3 + 1 = 10 implemented.
        QTest::newRow("implemented") << QStringLiteral("implemented_upgrade") << qint64(10) << qint64(0);
        QTest::newRow("foreign capital 1011万美元") << QStringLiteral("foreign_capital") << qint64(1011000000) << qint64(0);
        QTest::newRow("chemical ≥10亿") << QStringLiteral("signed_chemical_10yi") << qint64(2) << qint64(1);
    }
    void groupTargetsAddUpToZoneTargets()
    {
        QFETCH(QString, zoneTarget);
        QFETCH(qint64, sum);
        QFETCH(qint64, ofWhich);
        const Scheme s = scheme2023();
        qint64 total = 0, ofWhichTotal = 0;
        for (const auto &g : s.groups)
            for (const auto &t : g.tasks)
                if (t.zoneTarget == zoneTarget) {
                    total += t.target;
                    ofWhichTotal += t.ofWhichTarget.value_or(0);
                }
        QCOMPARE(total, sum);
        QCOMPARE(ofWhichTotal, ofWhich);
        for (const auto &z : s.zoneTargets)
            if (z.id == zoneTarget)
                QCOMPARE(z.target, sum);
    }

    void readingsAreSettings()
    {
        const Scheme s = scheme2023();
        QCOMPARE(s.referral.leadingIndustry.toString(), QStringLiteral("0.2"));
        QCOMPARE(s.referral.foreign.toString(), QStringLiteral("0.5"));
        QCOMPARE(s.referral.cap.toString(), QStringLiteral("3"));
        QCOMPARE(s.capitalIncrease.per, Money::usd(100000));
        QCOMPARE(s.capitalIncrease.cap.toString(), QStringLiteral("5"));
        QCOMPARE(s.headquarters.minImportExport, Money::yuan(30000000));
        QCOMPARE(s.awards.excludedUnits, QList<UnitCode>{UnitCode(QStringLiteral("ISB"))});
        QCOMPARE(s.awards.individualTop, 5);
        QCOMPARE(s.checkIn.maxAccuracyM, 50.0);
        QCOMPARE(s.checkIn.farFromSiteM, 500.0);
        const Task *leads = nullptr;
        for (const auto &t : s.groups[0].tasks)
            if (t.measure.of == MeasureOf::Leads)
                leads = &t;
        QVERIFY(leads);
        QCOMPARE(leads->measure.perMonthCap, 4);
        QCOMPARE(leads->points.toString(), QStringLiteral("4.8"));
    }

    void brokenCopyGetsOneMessagePerProblem_data()
    {
        QTest::addColumn<QList<QVariant>>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        using L = QList<QVariant>;
        QTest::newRow("points don't add up") << L{QStringLiteral("groups"), 0, QStringLiteral("tasks"), 1, QStringLiteral("points")}
                                             << QJsonValue(QStringLiteral("2"))
                                             << QStringLiteral("groups[0].tasks: the tasks' points add up to 9.5, not the group's total of 10");
        QTest::newRow("targets don't add up") << L{QStringLiteral("groups"), 2, QStringLiteral("tasks"), 3, QStringLiteral("target")}
                                              << QJsonValue(QStringLiteral("3000000000"))
                                              << QStringLiteral("zoneTargets[8].target: the groups' targets for \"funds_outside\" add up to 54亿元, not the zone's 56亿元");
        QTest::newRow("unknown unit") << L{QStringLiteral("groups"), 3, QStringLiteral("units"), 0}
                                      << QJsonValue(QStringLiteral("XYZ"))
                                      << QStringLiteral("groups[3].units[0]: unknown unit \"XYZ\"");
        QTest::newRow("negative points") << L{QStringLiteral("bonuses"), QStringLiteral("referral"), QStringLiteral("cap")}
                                         << QJsonValue(QStringLiteral("-3"))
                                         << QStringLiteral("bonuses.referral.cap: must not be negative (got -3)");
        QTest::newRow("missing target") << L{QStringLiteral("groups"), 1, QStringLiteral("tasks"), 3, QStringLiteral("target")}
                                        << QJsonValue(QJsonValue::Null)
                                        << QStringLiteral("groups[1].tasks[3].target: missing");
        QTest::newRow("negative headcount") << L{QStringLiteral("units"), 2, QStringLiteral("headcount")}
                                            << QJsonValue(-4)
                                            << QStringLiteral("units[2].headcount: must not be negative (got -4)");
        QTest::newRow("points as a number") << L{QStringLiteral("groups"), 2, QStringLiteral("tasks"), 0, QStringLiteral("points")}
                                            << QJsonValue(1.0)
                                            << QStringLiteral("groups[2].tasks[0].points: expected points as a decimal string such as \"1.2\", got a number");
        QTest::newRow("unknown measure") << L{QStringLiteral("zoneTargets"), 10, QStringLiteral("measure"), QStringLiteral("of")}
                                         << QJsonValue(QStringLiteral("banquets"))
                                         << QStringLiteral("zoneTargets[10].measure.of: unknown measure \"banquets\"");
        QTest::newRow("unknown stage") << L{QStringLiteral("groups"), 0, QStringLiteral("tasks"), 1, QStringLiteral("measure"), QStringLiteral("stage")}
                                       << QJsonValue(QStringLiteral("agreed"))
                                       << QStringLiteral("groups[0].tasks[1].measure.stage: unknown value \"agreed\"; expected one of: signed, landed, started");
        QTest::newRow("unknown excluded unit") << L{QStringLiteral("awards"), QStringLiteral("excludedUnits"), 0}
                                               << QJsonValue(QStringLiteral("ZZZ"))
                                               << QStringLiteral("awards.excludedUnits[0]: unknown unit \"ZZZ\"");
    }
    void brokenCopyGetsOneMessagePerProblem()
    {
        QFETCH(QList<QVariant>, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        const QJsonObject broken = setAt(schemeJson(), path, value).toObject();
        const SchemeLoad load = loadScheme(toJson(broken));
        QVERIFY(!load.scheme);
        const QStringList texts = problemTexts(load);
        bool found = false;
        for (const auto &t : texts)
            found = found || t.startsWith(expected);
        QVERIFY2(found, qPrintable(QStringLiteral("expected \"") + expected + QStringLiteral("\" among:\n") + texts.join(u'\n')));
    }

    void everyProblemIsReported()
    {
        // Three independent faults: three messages, not just the first.
        QJsonValue v = schemeJson();
        v = setAt(v, {QStringLiteral("groups"), 0, QStringLiteral("tasks"), 0, QStringLiteral("points")}, QStringLiteral("1"));
        v = setAt(v, {QStringLiteral("groups"), 3, QStringLiteral("units"), 0}, QStringLiteral("XYZ"));
        v = setAt(v, {QStringLiteral("units"), 0, QStringLiteral("headcount")}, 0);
        const SchemeLoad load = loadScheme(toJson(v.toObject()));
        const QStringList texts = problemTexts(load);
        QVERIFY2(texts.filter(QStringLiteral("groups[0].tasks: the tasks' points add up to 9.8")).size() == 1, qPrintable(texts.join(u'\n')));
        QVERIFY2(texts.filter(QStringLiteral("groups[3].units[0]: unknown unit \"XYZ\"")).size() == 1, qPrintable(texts.join(u'\n')));
        QVERIFY2(texts.filter(QStringLiteral("units[0].headcount: must be at least 1")).size() == 1, qPrintable(texts.join(u'\n')));
        // EEE, whose group now names XYZ instead, belongs to no group any more.
        QVERIFY2(texts.filter(QStringLiteral("unit \"EEE\" is in no group")).size() == 1, qPrintable(texts.join(u'\n')));
        QCOMPARE(texts.size(), 4);
    }

    void notJson()
    {
        const SchemeLoad load = loadScheme("{ \"units\": [");
        QVERIFY(!load.scheme);
        QCOMPARE(load.problems.size(), 1);
        QVERIFY(load.problems[0].message.startsWith(QStringLiteral("not valid JSON")));
    }

    void unitInTwoGroups()
    {
        QJsonValue v = setAt(schemeJson(), {QStringLiteral("groups"), 3, QStringLiteral("units")}, QJsonArray{QStringLiteral("EEE"), QStringLiteral("ISB")});
        const QStringList texts = problemTexts(loadScheme(toJson(v.toObject())));
        QVERIFY2(texts.filter(QStringLiteral("groups[3].units[1]: unit \"ISB\" is already in groups[2]")).size() == 1, qPrintable(texts.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestScheme)
#include "tst_scheme.moc"
