// A full year for all six units (shared/demo/scenario-2023.json, written by make_scenario.py),
// scored quarter by quarter against values checked by hand. The arithmetic is in the comments.
#include "ledger/ledgerfile.h"
#include "ledger/recognition.h"
#include "ledger/reportjson.h"
#include "ledger/scoring.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using namespace ledger;

namespace {
const Scheme &scheme()
{
    static const Scheme s = scheme2023();
    return s;
}

const Ledger &scenario()
{
    static const Ledger l = [] {
        auto doc = readLedgerFile(QStringLiteral(LEDGER_SOURCE_DIR "/shared/demo/scenario-2023.json"));
        if (!doc)
            qFatal("scenario does not load: %s", qPrintable(doc.error().toString()));
        return std::move(doc).value().ledger;
    }();
    return l;
}

// The scenario's ids are UUIDv5 of readable names (make_scenario.py).
PersonId person(const char *unit, int i)
{
    const QUuid ns(QStringLiteral("6ba7b811-9dad-11d1-80b4-00c04fd430c8"));
    return PersonId(QUuid::createUuidV5(ns, QStringLiteral("person-%1-%2").arg(QString::fromLatin1(unit)).arg(i)));
}

UnitCode unit(const QString &code) { return UnitCode(code); }
} // namespace

class TestScenario : public QObject
{
    Q_OBJECT
private slots:
    void reportTextEqualsReportJson_data()
    {
        QTest::addColumn<int>("quarter");
        QTest::addColumn<bool>("contributions");
        QTest::addColumn<QString>("detailOf");
        QTest::newRow("Q4, everything") << 4 << true << QString();
        QTest::newRow("Q2, everything") << 2 << true << QString();
        QTest::newRow("Q4, totals only") << 4 << false << QString();
        QTest::newRow("Q4, PGO's detail") << 4 << true << QStringLiteral("PGO");
        QTest::newRow("Q3, ISB's detail") << 3 << true << QStringLiteral("ISB");
    }

    void reportTextEqualsReportJson()
    {
        // The server sends toJsonText(); it must say exactly what toJson() says.
        QFETCH(int, quarter);
        QFETCH(bool, contributions);
        QFETCH(QString, detailOf);
        ReportJsonOptions options{contributions};
        if (!detailOf.isEmpty())
            options.detailOf = unit(detailOf);
        const ScoreReport r = score(scheme(), scenario(), Period{2023, quarter, false});
        const QByteArray text = toJsonText(r, options);
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(text, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + QStringLiteral(" at %1").arg(error.offset)));
        const QJsonObject expected = toJson(r, options);
        QVERIFY(parsed.object() == expected);
        QCOMPARE(text.contains("list:"), false);
        if (contributions && detailOf.isEmpty())
            QVERIFY(text.contains("\"contributions\":[{"));
    }

    void reportTextEscapesNotes()
    {
        // Names and notes are free text: quotes, backslashes, control characters and Chinese
        // survive, and text shaped like the encoder's own placeholders stays text (it cannot know
        // the token each call makes).
        ScoreReport r = score(scheme(), scenario(), Period{2023, 4, false});
        bool planted = false;
        for (UnitScore &u : r.units)
            for (BonusScore &b : u.bonuses)
                if (!b.items.empty() && !planted) {
                    b.items.front().note = QStringLiteral("引号\"、反斜杠\\、换行\n、\x01list:0 和 \\u0001list:0");
                    planted = true;
                }
        QVERIFY(planted);
        QVERIFY(r.people.size() >= 3);
        r.people[0].name = QStringLiteral("\x01list:0");
        r.people[1].name = QStringLiteral("\x01list:999");
        r.people[2].name = QStringLiteral("\x01" "0:0"); // the shape of a placeholder, another token
        for (const ReportJsonOptions &options : {ReportJsonOptions{}, ReportJsonOptions{false}}) {
            const QJsonDocument parsed = QJsonDocument::fromJson(toJsonText(r, options));
            QVERIFY(!parsed.isNull());
            QVERIFY(parsed.object() == toJson(r, options));
            QCOMPARE(parsed.object().value(QStringLiteral("people")).toArray().at(1).toObject().value(QStringLiteral("name")).toString(),
                     QStringLiteral("\x01list:999"));
        }
    }

    void loads()
    {
        QCOMPARE(scenario().people().size(), 12);
        QCOMPARE(scenario().size(), 210);
        QVERIFY(score(scheme(), scenario(), Period{2023, 4, false}).problems.isEmpty());
    }

    void unitTotalsQuarterByQuarter_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<QStringList>("totals"); // cumulative Q1..Q4
        // G1 (PGO+PLC) leads 4 a month: 1.2/2.4/3.6/4.8. PLC funds 3亿 (Feb) then 5亿 (Jul) of 8亿 × 1.2:
        // 0.45, 0.75. PGO's 6亿 signing in May: 2.5. PLC's implemented 1 (Aug), 2 (Nov) of 3 × 1.5: 0.5, 1.
        // G1 = 1.65 / 5.35 / 7.35 / 9.05. PGO adds two 0.2 referrals (Feb, May); PLC a 5-point HQ (Dec).
        QTest::newRow("PGO") << QStringLiteral("PGO") << QStringList{QStringLiteral("1.85"), QStringLiteral("5.75"), QStringLiteral("7.75"), QStringLiteral("9.45")};
        QTest::newRow("PLC") << QStringLiteral("PLC") << QStringList{QStringLiteral("1.65"), QStringLiteral("5.35"), QStringLiteral("7.35"), QStringLiteral("14.05")};
        // G2 (EDS+FIN): 3 leads a month 0.9/1.8/2.7/3.6; FIN's 8亿 in Sep: 1.2; EDS's 5亿 signing in Nov: 2.5.
        // G2 = 0.9 / 1.8 / 3.9 / 7.3. EDS: foreign referral 0.5 (Apr). FIN: 250,000 USD increase = 0.2 (Jun).
        QTest::newRow("EDS") << QStringLiteral("EDS") << QStringList{QStringLiteral("0.9"), QStringLiteral("2.3"), QStringLiteral("4.4"), QStringLiteral("7.8")};
        QTest::newRow("FIN") << QStringLiteral("FIN") << QStringList{QStringLiteral("0.9"), QStringLiteral("2"), QStringLiteral("4.1"), QStringLiteral("7.5")};
        // ISB: see isbTasks for each task. Q4 adds the leading group's 1 point.
        QTest::newRow("ISB") << QStringLiteral("ISB") << QStringList{QStringLiteral("1.125"), QStringLiteral("7.2268"), QStringLiteral("8.8685"), QStringLiteral("12.3269")};
        // EEE: leads Jan–Jun 1.2/2.4; funds 4亿 (Mar 31) + 4亿 (Apr 1): 0.6/1.2; implemented Feb, May, Aug:
        // 0.5/1/1.5; foreign referrals monthly Jan–Aug at 0.5, capped at 3 from June: 1.5/3/3/3.
        QTest::newRow("EEE") << QStringLiteral("EEE") << QStringList{QStringLiteral("3.8"), QStringLiteral("7.6"), QStringLiteral("8.1"), QStringLiteral("8.1")};
    }
    void unitTotalsQuarterByQuarter()
    {
        QFETCH(QString, unit);
        QFETCH(QStringList, totals);
        Points previous;
        for (int q = 1; q <= 4; ++q) {
            const ScoreReport r = score(scheme(), scenario(), Period{2023, q, false});
            const Points total = r.unit(UnitCode(unit))->total;
            QCOMPARE(total.toString(), totals[q - 1]);
            // The quarter alone is the movement since the quarter before.
            const ScoreReport alone = score(scheme(), scenario(), Period{2023, q, true});
            QCOMPARE(alone.unit(UnitCode(unit))->total, total - previous);
            previous = total;
        }
    }

    void isbTasks_data()
    {
        QTest::addColumn<QString>("task");
        QTest::addColumn<QStringList>("points"); // cumulative Q1..Q4
        QTest::newRow("G3.1 600万 of 1011万 USD") << QStringLiteral("G3.1") << QStringList{QStringLiteral("0"), QStringLiteral("0.5935"), QStringLiteral("0.5935"), QStringLiteral("0.5935")};
        QTest::newRow("G3.2 1 of 2 foreign landed (Aug)") << QStringLiteral("G3.2") << QStringList{QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("0.5"), QStringLiteral("0.5")};
        QTest::newRow("G3.3 foreign provincial signed (Mar)") << QStringLiteral("G3.3") << QStringList{QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("1")};
        QTest::newRow("G3.4 16亿 then 32亿 of 32亿") << QStringLiteral("G3.4") << QStringList{QStringLiteral("0"), QStringLiteral("0.5"), QStringLiteral("0.5"), QStringLiteral("1")};
        QTest::newRow("G3.5 50亿 provincial (Jun)") << QStringLiteral("G3.5") << QStringList{QStringLiteral("0"), QStringLiteral("2"), QStringLiteral("2"), QStringLiteral("2")};
        // 1 of 2 with 1 of 1 provincial = ½ × 2; then 2 of 2.
        QTest::newRow("G3.6 chemical ≥10亿") << QStringLiteral("G3.6") << QStringList{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("2")};
        QTest::newRow("G3.7 1 of 3 chemical landed (Nov)") << QStringLiteral("G3.7") << QStringList{QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("0.6667")};
        // 2 of 2 signed but only 1 of the 2 provincial: the lower ratio, ½ × 1.5.
        QTest::newRow("G3.8 ≥5亿, 2 provincial") << QStringLiteral("G3.8") << QStringList{QStringLiteral("0"), QStringLiteral("0.75"), QStringLiteral("0.75"), QStringLiteral("0.75")};
        QTest::newRow("G3.10 signing event (Jun)") << QStringLiteral("G3.10") << QStringList{QStringLiteral("0"), QStringLiteral("0.5"), QStringLiteral("0.5"), QStringLiteral("0.5")};
        QTest::newRow("G3.11 trips Apr, Oct") << QStringLiteral("G3.11") << QStringList{QStringLiteral("0"), QStringLiteral("0.5"), QStringLiteral("0.5"), QStringLiteral("1")};
        // 8, 9, 19 of 30 institutions × 0.5.
        QTest::newRow("G3.12 institutions") << QStringLiteral("G3.12") << QStringList{QStringLiteral("0"), QStringLiteral("0.1333"), QStringLiteral("0.15"), QStringLiteral("0.3167")};
        QTest::newRow("G3.13 map (Dec)") << QStringLiteral("G3.13") << QStringList{QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("0.5")};
        QTest::newRow("G3.14 leads 12/24/36/48 of 48") << QStringLiteral("G3.14") << QStringList{QStringLiteral("0.125"), QStringLiteral("0.25"), QStringLiteral("0.375"), QStringLiteral("0.5")};
    }
    void isbTasks()
    {
        QFETCH(QString, task);
        QFETCH(QStringList, points);
        for (int q = 1; q <= 4; ++q)
            QCOMPARE(score(scheme(), scenario(), Period{2023, q, false}).task(task)->points.toString(), points[q - 1]);
    }

    void rankingAndAwards()
    {
        const ScoreReport q4 = score(scheme(), scenario(), Period{2023, 4, false});
        QStringList order;
        for (const auto &u : q4.units)
            order << u.unit.code();
        QCOMPARE(order, (QStringList{QStringLiteral("PLC"), QStringLiteral("ISB"), QStringLiteral("PGO"), QStringLiteral("EEE"), QStringLiteral("EDS"), QStringLiteral("FIN")}));
        QCOMPARE(q4.awards.collective, QList<UnitCode>{unit(QStringLiteral("PLC"))});
        // FIN's 2亿 "arrival" of October was revoked as forged: no points, no awards for FIN or its people.
        QVERIFY(!q4.unit(unit(QStringLiteral("FIN")))->eligible);
        QVERIFY(!q4.person(person("FIN", 0))->eligible);
        QCOMPARE(q4.task(u"G2.1")->progress.achieved, 80000000000);

        // Q3: ISB leads but is not eligible, so EEE is the Advanced Collective so far.
        const ScoreReport q3 = score(scheme(), scenario(), Period{2023, 3, false});
        QCOMPARE(q3.units.front().unit.code(), QStringLiteral("ISB"));
        QCOMPARE(q3.awards.collective, QList<UnitCode>{unit(QStringLiteral("EEE"))});
        QVERIFY(q3.unit(unit(QStringLiteral("FIN")))->eligible); // the revoked record is dated in Q4

        // Q1: EDS and FIN tie at 0.9 and share rank 5.
        const ScoreReport q1 = score(scheme(), scenario(), Period{2023, 1, false});
        QCOMPARE(q1.unit(unit(QStringLiteral("EDS")))->rank, 5);
        QCOMPARE(q1.unit(unit(QStringLiteral("FIN")))->rank, 5);
    }

    void poolsAndShares()
    {
        const ScoreReport r = score(scheme(), scenario(), Period{2023, 4, false});
        // Pool = total × headcount.
        QCOMPARE(r.unit(unit(QStringLiteral("PLC")))->pool.toString(), QStringLiteral("140.5"));  // 14.05 × 10
        QCOMPARE(r.unit(unit(QStringLiteral("ISB")))->pool.toString(), QStringLiteral("184.9035")); // 12.3269 × 15
        QCOMPARE(r.unit(unit(QStringLiteral("EEE")))->pool.toString(), QStringLiteral("48.6"));   // 8.1 × 6
        // EEE: 赵可 filed 24 leads and 2 funds (26 records), 冯雪 3 implemented projects and the 6
        // referrals under the cap (9). 48.6 × 26/35 = 36.10286 and × 9/35 = 12.49714: the last 0.0001
        // goes to the larger remainder, so the two add up to the pool exactly.
        QCOMPARE(r.person(person("EEE", 0))->share.toString(), QStringLiteral("36.1029"));
        QCOMPARE(r.person(person("EEE", 1))->share.toString(), QStringLiteral("12.4971"));
        QCOMPARE(r.person(person("EEE", 0))->records, 26);
        QCOMPARE(r.person(person("EEE", 1))->records, 9);
        // PGO: 孙丽 24 leads, 郭威 a signing and 2 referrals: 75.6 × 24/27 and × 3/27.
        QCOMPARE(r.person(person("PGO", 1))->share.toString(), QStringLiteral("67.2"));
        QCOMPARE(r.person(person("PGO", 0))->share.toString(), QStringLiteral("8.4"));
        // Top five eligible people (ISB's and FIN's are not eligible).
        const QList<PersonId> expected{person("PLC", 1), person("PGO", 1), person("EDS", 1), person("EEE", 0), person("PLC", 0)};
        QCOMPARE(r.awards.individuals, expected);
        QCOMPARE(r.person(person("PLC", 1))->share.toString(), QStringLiteral("116.2759"));
        QCOMPARE(r.person(person("EDS", 1))->share.toString(), QStringLiteral("51.7263"));
        QCOMPARE(r.person(person("PLC", 0))->share.toString(), QStringLiteral("24.2241"));
    }

    void zoneProgress()
    {
        const ScoreReport r = score(scheme(), scenario(), Period{2023, 4, false});
        // 6亿 + 5亿 + 3亿 + 50亿 + 12亿 signed = 76亿 of 120亿.
        QCOMPARE(r.zoneTarget(u"signed_investment")->progress.achieved, 760000000000);
        // 5亿 (PLC) + 8亿 (FIN; the forged 2亿 excluded) + 32亿 (ISB) + 8亿 (EEE) = 53亿 of 56亿.
        QCOMPARE(r.zoneTarget(u"funds_outside")->progress.achieved, 530000000000);
        QCOMPARE(r.zoneTarget(u"implemented_upgrade")->progress.achieved, 5);
        QCOMPARE(r.zoneTarget(u"signed_5yi")->progress.achieved, 4);
        QCOMPARE(r.zoneTarget(u"signed_5yi")->progress.ofWhichAchieved, 1);
        QCOMPARE(r.zoneTarget(u"institution_visits")->progress.achieved, 19);
        QCOMPARE(r.zoneTarget(u"foreign_capital")->progress.achieved, 600000000); // 600万 USD in cents
        // EEE's 7亿 signing is still waiting for recognition.
        QCOMPARE(r.task(u"G4.2")->points, Points());
    }

    void everyPointIsTraceable()
    {
        // Each task's points come from the records it lists; each listed record is recognised.
        const ScoreReport r = score(scheme(), scenario(), Period{2023, 4, false});
        for (const auto &g : r.groups) {
            for (const auto &t : g.tasks) {
                Quantity sum = 0;
                for (const auto &c : t.progress.contributions) {
                    const Record *rec = scenario().find(c.record);
                    QVERIFY(rec);
                    QVERIFY(countsForScore(*rec, scenario()));
                    QVERIFY(g.units.contains(metaOf(*rec).credit.unit));
                    if (c.counted)
                        sum += c.quantity;
                }
                QCOMPARE(sum, t.progress.achieved);
                QVERIFY(t.points.isZero() || !t.progress.contributions.empty());
            }
        }
        // The fifth March lead of group 1 is listed with the reason it was not counted.
        int notCounted = 0;
        for (const auto &c : r.task(u"G1.4")->progress.contributions)
            if (!c.counted) {
                ++notCounted;
                QCOMPARE(c.note(), QStringLiteral("2023年3月已计满4条"));
            }
        QCOMPARE(notCounted, 1);
    }
};

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
