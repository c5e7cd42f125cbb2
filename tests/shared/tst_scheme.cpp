// The 2023 scheme as data: it loads, its numbers are the notice's, and a broken copy gets one clear
// message per problem, each with its path.
#include "errorcodes.h"
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
                                             << QStringLiteral("groups[0].tasks: points_sum(9.5, 10)");
        QTest::newRow("targets don't add up") << L{QStringLiteral("groups"), 2, QStringLiteral("tasks"), 3, QStringLiteral("target")}
                                              << QJsonValue(QStringLiteral("3000000000"))
                                              << QStringLiteral("zoneTargets[8].target: targets_sum(funds_outside, 54亿元, 56亿元)");
        QTest::newRow("unknown unit") << L{QStringLiteral("groups"), 3, QStringLiteral("units"), 0}
                                      << QJsonValue(QStringLiteral("XYZ"))
                                      << QStringLiteral("groups[3].units[0]: unknown_value(XYZ, ");
        QTest::newRow("negative points") << L{QStringLiteral("bonuses"), QStringLiteral("referral"), QStringLiteral("cap")}
                                         << QJsonValue(QStringLiteral("-3"))
                                         << QStringLiteral("bonuses.referral.cap: negative");
        QTest::newRow("missing target") << L{QStringLiteral("groups"), 1, QStringLiteral("tasks"), 3, QStringLiteral("target")}
                                        << QJsonValue(QJsonValue::Null)
                                        << QStringLiteral("groups[1].tasks[3].target: missing");
        QTest::newRow("negative headcount") << L{QStringLiteral("units"), 2, QStringLiteral("headcount")}
                                            << QJsonValue(-4)
                                            << QStringLiteral("units[2].headcount: negative");
        QTest::newRow("points as a number") << L{QStringLiteral("groups"), 2, QStringLiteral("tasks"), 0, QStringLiteral("points")}
                                            << QJsonValue(1.0)
                                            << QStringLiteral("groups[2].tasks[0].points: wrong_type(string, number)");
        QTest::newRow("unknown measure") << L{QStringLiteral("zoneTargets"), 10, QStringLiteral("measure"), QStringLiteral("of")}
                                         << QJsonValue(QStringLiteral("banquets"))
                                         << QStringLiteral("zoneTargets[10].measure.of: unknown_value(banquets, milestones, investment, funds, leads, trips, institution_visits, signing_events, map_completions)");
        QTest::newRow("unknown stage") << L{QStringLiteral("groups"), 0, QStringLiteral("tasks"), 1, QStringLiteral("measure"), QStringLiteral("stage")}
                                       << QJsonValue(QStringLiteral("agreed"))
                                       << QStringLiteral("groups[0].tasks[1].measure.stage: unknown_value(agreed, signed, landed, started)");
        QTest::newRow("unknown excluded unit") << L{QStringLiteral("awards"), QStringLiteral("excludedUnits"), 0}
                                               << QJsonValue(QStringLiteral("ZZZ"))
                                               << QStringLiteral("awards.excludedUnits[0]: unknown_value(ZZZ, ");
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
        QVERIFY2(texts.filter(QStringLiteral("groups[0].tasks: points_sum(9.8, 10)")).size() == 1, qPrintable(texts.join(u'\n')));
        QVERIFY2(texts.filter(QStringLiteral("groups[3].units[0]: unknown_value(XYZ, ")).size() == 1, qPrintable(texts.join(u'\n')));
        QVERIFY2(texts.filter(QStringLiteral("units[0].headcount: too_small(1)")).size() == 1, qPrintable(texts.join(u'\n')));
        // EEE, whose group now names XYZ instead, belongs to no group any more.
        QVERIFY2(texts.filter(QStringLiteral("groups: in_no_group(EEE)")).size() == 1, qPrintable(texts.join(u'\n')));
        QCOMPARE(texts.size(), 4);
        for (const FieldError &p : load.problems)
            QCOMPARE(p.message, message(p)); // the table's words, in the source language
    }

    // Every rule of the loader, each with its code, its values and the path of the field.
    void everyRuleHasItsCode_data()
    {
        QTest::addColumn<QList<QVariant>>("path");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected"); // the problem as FieldError::toString() logs it, or its start
        using L = QList<QVariant>;
        const QString u = QStringLiteral("units"), g = QStringLiteral("groups"), t = QStringLiteral("tasks"),
                      z = QStringLiteral("zoneTargets"), m = QStringLiteral("measure"), b = QStringLiteral("bonuses");
        const QJsonObject chemical{{QStringLiteral("chemical"), true}};
        QTest::newRow("version") << L{QStringLiteral("schemeVersion")} << QJsonValue(2) << QStringLiteral("schemeVersion: unsupported_version(2, 1)");
        QTest::newRow("year too early") << L{QStringLiteral("year")} << QJsonValue(1999) << QStringLiteral("year: too_small(2000)");
        QTest::newRow("year too late") << L{QStringLiteral("year")} << QJsonValue(2200) << QStringLiteral("year: implausible_year(2200)");
        QTest::newRow("blank title") << L{QStringLiteral("title")} << QJsonValue(QStringLiteral("  ")) << QStringLiteral("title: empty");
        QTest::newRow("title a number") << L{QStringLiteral("title")} << QJsonValue(5) << QStringLiteral("title: wrong_type(string, number)");
        QTest::newRow("units an object") << L{u} << QJsonValue(QJsonObject()) << QStringLiteral("units: wrong_type(array, object)");
        QTest::newRow("no units") << L{u} << QJsonValue(QJsonArray()) << QStringLiteral("units: empty_list");
        QTest::newRow("unit twice") << L{u, 1, QStringLiteral("code")} << QJsonValue(QStringLiteral("PGO")) << QStringLiteral("units[1].code: duplicate(PGO)");
        QTest::newRow("lower-case unit") << L{u, 0, QStringLiteral("code")} << QJsonValue(QStringLiteral("pgo")) << QStringLiteral("units[0].code: not_a_unit_code");
        QTest::newRow("headcount a fraction") << L{u, 0, QStringLiteral("headcount")} << QJsonValue(1.5) << QStringLiteral("units[0].headcount: not_whole");
        QTest::newRow("headcount a string") << L{u, 0, QStringLiteral("headcount")} << QJsonValue(QStringLiteral("8"))
                                            << QStringLiteral("units[0].headcount: wrong_type(number, string)");
        QTest::newRow("industry twice") << L{QStringLiteral("industries"), 1, QStringLiteral("key")} << QJsonValue(QStringLiteral("fine_chemicals"))
                                        << QStringLiteral("industries[1].key: duplicate(fine_chemicals)");
        QTest::newRow("leading not a boolean") << L{QStringLiteral("industries"), 0, QStringLiteral("leading")} << QJsonValue(QStringLiteral("yes"))
                                               << QStringLiteral("industries[0].leading: wrong_type(boolean, string)");
        QTest::newRow("blank chain link") << L{QStringLiteral("industries"), 0, QStringLiteral("chain"), 1} << QJsonValue(QString())
                                          << QStringLiteral("industries[0].chain[1]: empty");
        QTest::newRow("chain link a number") << L{QStringLiteral("industries"), 0, QStringLiteral("chain"), 1} << QJsonValue(3)
                                             << QStringLiteral("industries[0].chain[1]: wrong_type(string, number)");
        QTest::newRow("zone target twice") << L{z, 1, QStringLiteral("id")} << QJsonValue(QStringLiteral("signed_investment"))
                                           << QStringLiteral("zoneTargets[1].id: duplicate(signed_investment)");
        QTest::newRow("unknown condition") << L{z, 1, m, QStringLiteral("where"), QStringLiteral("colour")} << QJsonValue(QStringLiteral("red"))
                                           << QStringLiteral("zoneTargets[1].measure.where.colour: unknown_key(");
        QTest::newRow("of which on funds") << L{z, 8, m, QStringLiteral("ofWhich")} << QJsonValue(chemical)
                                           << QStringLiteral("zoneTargets[8].measure.ofWhich: of_which_not_allowed");
        QTest::newRow("trips by chemical") << L{z, 11, m, QStringLiteral("where")} << QJsonValue(chemical)
                                           << QStringLiteral("zoneTargets[11].measure.where: trips_leading_only");
        QTest::newRow("visits with a condition") << L{z, 12, m, QStringLiteral("where")} << QJsonValue(chemical)
                                                 << QStringLiteral("zoneTargets[12].measure.where: takes_no_conditions(institution_visits)");
        QTest::newRow("unknown funds kind") << L{z, 8, m, QStringLiteral("funds")} << QJsonValue(QStringLiteral("gold"))
                                            << QStringLiteral("zoneTargets[8].measure.funds: unknown_value(gold, ");
        QTest::newRow("of which without its target") << L{z, 2, QStringLiteral("ofWhichTarget")} << QJsonValue(QJsonValue::Null)
                                                     << QStringLiteral("zoneTargets[2].ofWhichTarget: of_which_pairing");
        QTest::newRow("of which over the target") << L{z, 2, QStringLiteral("ofWhichTarget")} << QJsonValue(3)
                                                  << QStringLiteral("zoneTargets[2].ofWhichTarget: of_which_over_target");
        QTest::newRow("amount target zero") << L{z, 0, QStringLiteral("target")} << QJsonValue(QStringLiteral("0"))
                                            << QStringLiteral("zoneTargets[0].target: not_positive");
        QTest::newRow("group twice") << L{g, 1, QStringLiteral("id")} << QJsonValue(QStringLiteral("G1")) << QStringLiteral("groups[1].id: duplicate(G1)");
        QTest::newRow("group without units") << L{g, 0, u} << QJsonValue(QJsonArray()) << QStringLiteral("groups[0].units: empty_list");
        QTest::newRow("task twice") << L{g, 0, t, 1, QStringLiteral("id")} << QJsonValue(QStringLiteral("G1.1"))
                                    << QStringLiteral("groups[0].tasks[1].id: duplicate(G1.1)");
        QTest::newRow("unknown credit mode") << L{g, 2, t, 12, QStringLiteral("credit")} << QJsonValue(QStringLiteral("some"))
                                             << QStringLiteral("groups[2].tasks[12].credit: unknown_value(some, proportional, all_or_nothing)");
        QTest::newRow("unknown zone target") << L{g, 0, t, 0, QStringLiteral("zoneTarget")} << QJsonValue(QStringLiteral("nowhere"))
                                             << QStringLiteral("groups[0].tasks[0].zoneTarget: unknown_zone_target(nowhere)");
        QTest::newRow("share of another measure") << L{g, 0, t, 0, QStringLiteral("zoneTarget")} << QJsonValue(QStringLiteral("signed_5yi"))
                                                  << QStringLiteral("groups[0].tasks[0].zoneTarget: zone_target_mismatch(signed_5yi)");
        QTest::newRow("of which targets don't add up") << L{g, 2, t, 7, QStringLiteral("ofWhichTarget")} << QJsonValue(1)
                                                       << QStringLiteral("zoneTargets[3].ofWhichTarget: of_which_targets_sum(signed_5yi, 1, 2)");
        QTest::newRow("capital increase in CNY") << L{b, QStringLiteral("capitalIncrease"), QStringLiteral("currency")} << QJsonValue(QStringLiteral("CNY"))
                                                 << QStringLiteral("bonuses.capitalIncrease.currency: wrong_currency(USD, CNY)");
        QTest::newRow("per zero") << L{b, QStringLiteral("capitalIncrease"), QStringLiteral("per")} << QJsonValue(QStringLiteral("0"))
                                  << QStringLiteral("bonuses.capitalIncrease.per: not_positive");
        QTest::newRow("points with five decimals") << L{b, QStringLiteral("referral"), QStringLiteral("foreign")} << QJsonValue(QStringLiteral("0.12345"))
                                                   << QStringLiteral("bonuses.referral.foreign: bad_points");
        QTest::newRow("amount with three decimals") << L{b, QStringLiteral("headquarters"), QStringLiteral("minImportExport")}
                                                    << QJsonValue(QStringLiteral("1.234")) << QStringLiteral("bonuses.headquarters.minImportExport: bad_amount");
        QTest::newRow("negative amount") << L{b, QStringLiteral("headquarters"), QStringLiteral("minAnnualOutput")} << QJsonValue(QStringLiteral("-5"))
                                         << QStringLiteral("bonuses.headquarters.minAnnualOutput: negative");
        QTest::newRow("amount a number") << L{b, QStringLiteral("headquarters"), QStringLiteral("minLocalFiscal")} << QJsonValue(5)
                                         << QStringLiteral("bonuses.headquarters.minLocalFiscal: wrong_type(string, number)");
        QTest::newRow("awards a number") << L{QStringLiteral("awards")} << QJsonValue(5) << QStringLiteral("awards: wrong_type(object, number)");
        QTest::newRow("no check-in settings") << L{QStringLiteral("checkIn")} << QJsonValue(QJsonValue::Null) << QStringLiteral("checkIn: missing");
        QTest::newRow("accuracy zero") << L{QStringLiteral("checkIn"), QStringLiteral("maxAccuracyM")} << QJsonValue(0)
                                       << QStringLiteral("checkIn.maxAccuracyM: not_positive");
        QTest::newRow("distance a string") << L{QStringLiteral("checkIn"), QStringLiteral("farFromSiteM")} << QJsonValue(QStringLiteral("500"))
                                           << QStringLiteral("checkIn.farFromSiteM: wrong_type(number, string)");
    }
    void everyRuleHasItsCode()
    {
        QFETCH(QList<QVariant>, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        const SchemeLoad load = loadScheme(toJson(setAt(schemeJson(), path, value).toObject()));
        QVERIFY(!load.scheme);
        const QStringList texts = problemTexts(load);
        const bool found = std::any_of(texts.begin(), texts.end(), [&](const QString &text) { return text.startsWith(expected); });
        QVERIFY2(found, qPrintable(QStringLiteral("expected \"") + expected + QStringLiteral("\" among:\n") + texts.join(u'\n')));
    }

    void topLevelMustBeAnObject()
    {
        const SchemeLoad load = loadScheme("[]");
        QCOMPARE(load.problems.size(), 1);
        QCOMPARE(load.problems[0].toString(), QStringLiteral("wrong_type(object, array)"));
    }

    void unreadableFile()
    {
        const SchemeLoad load = loadSchemeFile(QStringLiteral("/nonexistent/scheme.json"));
        QVERIFY(!load.scheme);
        QCOMPARE(load.problems.size(), 1);
        QCOMPARE(load.problems[0].code, ErrorCode::Unreadable);
        QCOMPARE(load.problems[0].field, QStringLiteral("/nonexistent/scheme.json"));
        QVERIFY(!load.problems[0].args.value(0).isEmpty());
    }


    void notJson()
    {
        const SchemeLoad load = loadScheme("{ \"units\": [");
        QVERIFY(!load.scheme);
        QCOMPARE(load.problems.size(), 1);
        QCOMPARE(load.problems[0].code, ErrorCode::NotJson);
        QVERIFY(load.problems[0].field.isEmpty());
        QCOMPARE(load.problems[0].args.size(), 2); // the offset where it stops, and what Qt's parser says
    }

    void unitInTwoGroups()
    {
        QJsonValue v = setAt(schemeJson(), {QStringLiteral("groups"), 3, QStringLiteral("units")}, QJsonArray{QStringLiteral("EEE"), QStringLiteral("ISB")});
        const QStringList texts = problemTexts(loadScheme(toJson(v.toObject())));
        QVERIFY2(texts.filter(QStringLiteral("groups[3].units[1]: already_in_group(ISB, groups[2])")).size() == 1, qPrintable(texts.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestScheme)
#include "tst_scheme.moc"
