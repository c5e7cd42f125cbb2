// One project, one credit on the real server: two units file the same project, the second filing is
// a claim both units see; a reviewer decides it each way and the scores and exports follow; bad
// decisions are refused by field and change nothing; who may decide; the bureau's report of
// suspected duplicates; and the leading group's recognition of a stage (认定 route 4).
#include "serverfixture.h"

#include "demoimport.h"

#include "ledger/duplicates.h"

#include <QCryptographicHash>

using namespace syncserver;
using namespace syncserver::test;

namespace {
const QString GET = QStringLiteral("GET");
const QString POST = QStringLiteral("POST");
const QString PUT = QStringLiteral("PUT");

// One unit's filing of a project: its enterprise as that unit entered it, the project, its signing.
struct Filing
{
    ledger::Enterprise enterprise;
    ledger::Project project;
    ledger::Milestone signing;
    [[nodiscard]] QString signingId() const { return signing.meta.id.toString(); }
    [[nodiscard]] QString projectId() const { return project.meta.id.toString(); }
};

// Uploads a proof as `c` and returns it as the record cites it.
ledger::Attachment upload(Fixture &f, const Client &c, const QByteArray &content)
{
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    Request r;
    r.method = PUT;
    r.path = QStringLiteral("/api/v1/attachments/") + sha;
    r.query = {{QStringLiteral("offset"), QStringLiteral("0")}, {QStringLiteral("size"), QString::number(content.size())}};
    r.headers = {{"x-ledger-protocol", "1"}, {"x-ledger-schema", "1"}, {"authorization", "Bearer " + c.token.toLatin1()},
                 {"content-type", "application/pdf"}};
    r.body = content;
    const Reply done = f.raw(r);
    if (!done.json.value(QStringLiteral("complete")).toBool())
        qFatal("upload failed: %s", done.body.constData());
    ledger::Attachment a;
    a.sha256 = *ledger::AttachmentHash::parse(sha);
    a.name = QStringLiteral("投资协议.pdf");
    a.mimeType = QStringLiteral("application/pdf");
    a.size = content.size();
    return a;
}

QString status(const Reply &r, int i = 0)
{
    return r.json.value(QStringLiteral("results")).toArray().at(i).toObject().value(QStringLiteral("status")).toString();
}

// `c` files a 6亿 project of the enterprise named `enterpriseName` under `projectName`, signed on `signedOn`.
Filing file(Fixture &f, Client &c, const QString &enterpriseName, const QString &projectName, QDate signedOn = QDate(2023, 6, 1),
            bool withAgreement = true, const std::optional<ledger::EnterpriseId> &registered = std::nullopt)
{
    Filing out;
    out.enterprise.id = registered.value_or(ledger::EnterpriseId::create());
    out.enterprise.name = enterpriseName;
    out.project.meta.id = ledger::RecordId::create();
    out.project.meta.credit = {ledger::UnitCode(c.unit), {*ledger::PersonId::parse(c.userId)}};
    out.project.enterprise = out.enterprise.id;
    out.project.name = projectName;
    out.project.investment = ledger::Money::yuan(600000000);
    out.project.industry = QStringLiteral("fine_chemicals");
    out.project.chemical = true;
    out.project.talksSince = QDate(2023, 3, 1);
    out.signing.meta.id = ledger::RecordId::create();
    out.signing.meta.credit = out.project.meta.credit;
    out.signing.project = out.project.meta.id;
    out.signing.date = signedOn;
    if (withAgreement)
        out.signing.evidence = {upload(f, c, "%PDF-1.4\n" + c.unit.toLatin1() + projectName.toUtf8() + "\n%%EOF\n")};
    QList<QJsonObject> entities{ledger::wire::encode(ledger::Record(out.project)), ledger::wire::encode(ledger::Record(out.signing))};
    if (!registered) // an enterprise already in the register is named by its id, not entered again
        entities.prepend(ledger::wire::encode(out.enterprise));
    const Reply r = f.push(c, entities);
    for (int i = 0; i < entities.size(); ++i)
        if (status(r, i) != u"applied")
            qFatal("filing refused: %s", r.body.constData());
    return out;
}

QString review(Fixture &f, const Client &who, const QString &id, const QString &action, const QString &reason = {},
               const QString &meetingDate = {})
{
    QJsonObject body{{QStringLiteral("action"), action}, {QStringLiteral("reason"), reason}};
    if (!meetingDate.isEmpty())
        body.insert(QStringLiteral("meetingDate"), meetingDate);
    const Reply r = f.call(POST, QStringLiteral("/api/v1/records/%1/review").arg(id), &who, body);
    return r.status == 200 ? r.json.value(QStringLiteral("review")).toObject().value(QStringLiteral("state")).toString()
                           : QString::number(r.status) + u' ' + r.errorField();
}

Reply decide(Fixture &f, const Client &who, const QString &id, const QString &decision, const QString &share = {},
             const QString &reason = QStringLiteral("两单位均有对接，经核实"))
{
    QJsonObject body{{QStringLiteral("decision"), decision}, {QStringLiteral("reason"), reason}};
    if (!share.isEmpty())
        body.insert(QStringLiteral("share"), share);
    return f.call(POST, QStringLiteral("/api/v1/records/%1/claim").arg(id), &who, body);
}

QString taskPoints(Fixture &f, const Client &who, const char *task)
{
    const Reply s = f.call(GET, QStringLiteral("/api/v1/scores"), &who);
    for (const QJsonValue &g : s.json.value(QStringLiteral("groups")).toArray())
        for (const QJsonValue &t : g.toObject().value(QStringLiteral("tasks")).toArray())
            if (t.toObject().value(QStringLiteral("id")).toString() == QLatin1StringView(task))
                return t.toObject().value(QStringLiteral("points")).toString();
    return QString();
}

QString zoneAchieved(Fixture &f, const Client &who, const char *target)
{
    const Reply s = f.call(GET, QStringLiteral("/api/v1/scores"), &who);
    for (const QJsonValue &z : s.json.value(QStringLiteral("zone")).toArray())
        if (z.toObject().value(QStringLiteral("id")).toString() == QLatin1StringView(target))
            return z.toObject().value(QStringLiteral("achieved")).toVariant().toString();
    return QString();
}

QString csv(Fixture &f, const Client &who, const char *table)
{
    const Reply r = f.call(GET, QStringLiteral("/api/v1/exports/") + QLatin1StringView(table), &who, {},
                           {{QStringLiteral("format"), QStringLiteral("csv")}});
    return QString::fromUtf8(r.body.mid(3));
}

// The CSV line that starts with `prefix`, or empty.
QString lineStarting(const QString &text, const QString &prefix)
{
    for (const QString &line : text.split(u'\n'))
        if (line.startsWith(prefix))
            return line;
    return QString();
}

// PGO files first, EEE second: the fixture's two units of different groups (G1 and G4).
struct TwoFilings
{
    Fixture f;
    Client pgo = f.signIn("pgo1");
    Client eee = f.signIn("eee1");
    Client reviewer = f.signIn("reviewer");
    Filing first = file(f, pgo, QStringLiteral("河南宏达化学有限公司"), QStringLiteral("医药中间体项目"), QDate(2023, 6, 1));
    // The same enterprise typed with full-width brackets and a space, and an earlier signing date.
    Filing second = file(f, eee, QStringLiteral("河南宏达化学 有限公司"), QStringLiteral("医药中间体项目"), QDate(2023, 5, 1));

    void recogniseAll()
    {
        for (const QString &id : {first.projectId(), first.signingId(), second.projectId(), second.signingId()})
            if (review(f, reviewer, id, QStringLiteral("recognise")) != u"recognised")
                qFatal("recognising %s failed", qPrintable(id));
    }
};
} // namespace

class TestDuplicateClaims : public QObject
{
    Q_OBJECT
private slots:
    void theSecondFilingIsAClaimBothUnitsSee()
    {
        TwoFilings t;
        // The later filing, by server order though its signing is dated earlier, is the claim.
        const QJsonObject claimed = t.f.pullAll(t.eee).value(t.second.signingId());
        QCOMPARE(claimed.value(QStringLiteral("claim")).toObject().value(QStringLiteral("first")).toString(), t.first.signingId());
        QCOMPARE(claimed.value(QStringLiteral("claim")).toObject().value(QStringLiteral("decision")).toString(), QStringLiteral("undecided"));
        QCOMPARE(t.f.pullAll(t.eee).value(t.second.projectId()).value(QStringLiteral("claim")).toObject().value(QStringLiteral("first")).toString(),
                 t.first.projectId());
        QVERIFY(!t.f.pullAll(t.pgo).value(t.first.signingId()).contains(QStringLiteral("claim")));

        // EEE reads why its record does not count, and which filing came first.
        const Reply mine = t.f.call(GET, QStringLiteral("/api/v1/records/") + t.second.signingId(), &t.eee);
        QCOMPARE(mine.json.value(QStringLiteral("duplicateClaim")).toObject().value(QStringLiteral("id")).toString(), t.first.signingId());
        QCOMPARE(mine.json.value(QStringLiteral("duplicateClaim")).toObject().value(QStringLiteral("unit")).toString(), QStringLiteral("PGO"));
        bool said = false;
        for (const QJsonValue &w : mine.json.value(QStringLiteral("whyNotCounting")).toArray())
            said = said || w.toObject().value(QStringLiteral("code")).toString() == u"duplicate_claim_undecided";
        QVERIFY(said);
        // PGO sees the claim on its own record.
        const Reply theirs = t.f.call(GET, QStringLiteral("/api/v1/records/") + t.first.signingId(), &t.pgo);
        const QJsonArray claims = theirs.json.value(QStringLiteral("claims")).toArray();
        QCOMPARE(claims.size(), 1);
        QCOMPARE(claims.first().toObject().value(QStringLiteral("id")).toString(), t.second.signingId());
        QCOMPARE(claims.first().toObject().value(QStringLiteral("unit")).toString(), QStringLiteral("EEE"));

        // Recognised, the claim still counts for nobody until decided; the zone counts the project once.
        t.recogniseAll();
        QCOMPARE(taskPoints(t.f, t.reviewer, "G1.2"), QStringLiteral("2.5"));
        QCOMPARE(taskPoints(t.f, t.reviewer, "G4.2"), QStringLiteral("0"));
        QCOMPARE(zoneAchieved(t.f, t.reviewer, "signed_investment"), QStringLiteral("60000000000"));
    }

    void aDeviceCannotSetTheClaim()
    {
        Fixture f;
        Client eee = f.signIn("eee1");
        QJsonObject lead = leadJson(eee, QStringLiteral("EEE"));
        lead.insert(QStringLiteral("claim"), QJsonObject{{QStringLiteral("first"), ledger::RecordId::create().toString()},
                                                         {QStringLiteral("decision"), QStringLiteral("move_credit")}});
        QCOMPARE(status(f.push(eee, {lead})), QStringLiteral("applied"));
        QVERIFY(!f.pullAll(eee).value(lead.value(QStringLiteral("id")).toString()).contains(QStringLiteral("claim")));
    }

    void theReviewerDecidesEachWay_data()
    {
        QTest::addColumn<QString>("decision");
        QTest::addColumn<QString>("share");
        QTest::addColumn<QString>("pgo");
        QTest::addColumn<QString>("eee");
        QTest::addColumn<QString>("counted"); // whose signing the signed table sums
        QTest::newRow("keep the first") << QStringLiteral("keep_first") << QString() << QStringLiteral("2.5") << QStringLiteral("0")
                                        << QStringLiteral("党政办公室");
        QTest::newRow("move the credit") << QStringLiteral("move_credit") << QString() << QStringLiteral("0") << QStringLiteral("2.5")
                                         << QStringLiteral("应急和生态环境管理局");
        QTest::newRow("joint") << QStringLiteral("joint") << QStringLiteral("0.4") << QStringLiteral("1.5") << QStringLiteral("1")
                               << QStringLiteral("党政办公室");
    }
    void theReviewerDecidesEachWay()
    {
        QFETCH(QString, decision);
        QFETCH(QString, share);
        QFETCH(QString, pgo);
        QFETCH(QString, eee);
        QFETCH(QString, counted);
        TwoFilings t;
        t.recogniseAll();
        const Reply r = decide(t.f, t.reviewer, t.second.signingId(), decision, share);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("claim")).toObject().value(QStringLiteral("decision")).toString(), decision);
        QCOMPARE(taskPoints(t.f, t.reviewer, "G1.2"), pgo);
        QCOMPARE(taskPoints(t.f, t.reviewer, "G4.2"), eee);
        QCOMPARE(zoneAchieved(t.f, t.reviewer, "signed_investment"), QStringLiteral("60000000000"));
        // Both units' devices receive the decision on the claim.
        QCOMPARE(t.f.pullAll(t.eee).value(t.second.signingId()).value(QStringLiteral("claim")).toObject().value(QStringLiteral("decision")).toString(),
                 decision);

        // The signed table sums the project once; the other filing is listed apart, marked by name.
        const QString table = csv(t.f, t.reviewer, "signed_projects");
        const QString total = lineStarting(table, QStringLiteral("合计"));
        QVERIFY2(total.startsWith(QStringLiteral("合计（1条）")), qPrintable(table));
        QVERIFY2(total.contains(QStringLiteral("60000")), qPrintable(total));
        QVERIFY2(table.contains(QStringLiteral("以下为重复申报")), qPrintable(table));
        QVERIFY2(table.contains(QStringLiteral("重复申报（党政办公室")), qPrintable(table));
        const QString firstRow = lineStarting(table, QStringLiteral("1,"));
        QVERIFY2(firstRow.contains(counted), qPrintable(firstRow));
    }

    void badDecisionsAreRefusedByFieldAndChangeNothing_data()
    {
        QTest::addColumn<QString>("decision");
        QTest::addColumn<QString>("share");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::newRow("no such decision") << QStringLiteral("approve") << QString() << QStringLiteral("理由") << 400 << QStringLiteral("decision");
        QTest::newRow("undecided") << QStringLiteral("undecided") << QString() << QStringLiteral("理由") << 400 << QStringLiteral("decision");
        QTest::newRow("joint without a share") << QStringLiteral("joint") << QString() << QStringLiteral("理由") << 400 << QStringLiteral("share");
        QTest::newRow("a share of the whole") << QStringLiteral("joint") << QStringLiteral("1") << QStringLiteral("理由") << 400 << QStringLiteral("share");
        QTest::newRow("a share in words") << QStringLiteral("joint") << QStringLiteral("四成") << QStringLiteral("理由") << 400 << QStringLiteral("share");
        QTest::newRow("a share to keep") << QStringLiteral("keep_first") << QStringLiteral("0.5") << QStringLiteral("理由") << 400 << QStringLiteral("share");
        QTest::newRow("no reason") << QStringLiteral("keep_first") << QString() << QStringLiteral("  ") << 400 << QStringLiteral("reason");
    }
    void badDecisionsAreRefusedByFieldAndChangeNothing()
    {
        QFETCH(QString, decision);
        QFETCH(QString, share);
        QFETCH(QString, reason);
        QFETCH(int, status);
        QFETCH(QString, field);
        TwoFilings t;
        const auto version = [&] { return t.f.call(GET, QStringLiteral("/api/v1/records/") + t.second.signingId(), &t.reviewer).json.value(QStringLiteral("version")).toInteger(); };
        const qint64 before = version();
        const Reply r = decide(t.f, t.reviewer, t.second.signingId(), decision, share, reason);
        QCOMPARE(r.status, status);
        QCOMPARE(r.errorField(), field);
        QVERIFY(!r.errorMessage().isEmpty());
        QCOMPARE(version(), before);
        QCOMPARE(t.f.pullAll(t.eee).value(t.second.signingId()).value(QStringLiteral("claim")).toObject().value(QStringLiteral("decision")).toString(),
                 QStringLiteral("undecided"));
    }

    void onlyAClaimIsDecided()
    {
        TwoFilings t;
        const Reply r = decide(t.f, t.reviewer, t.first.signingId(), QStringLiteral("keep_first"));
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorField(), QStringLiteral("id"));
        QCOMPARE(decide(t.f, t.reviewer, ledger::RecordId::create().toString(), QStringLiteral("keep_first")).status, 404);
        QCOMPARE(decide(t.f, t.reviewer, QStringLiteral("not-an-id"), QStringLiteral("keep_first")).errorField(), QStringLiteral("id"));
    }

    // A reviewer decides, and not on a claim or a first filing they wrote or are credited on.
    void whoDecides()
    {
        TwoFilings t;
        Client leader = t.f.signIn("leader"), contact = t.f.signIn("pgo2"), admin = t.f.signIn("admin");
        for (const Client *who : {&t.pgo, &t.eee, &leader, &contact, &admin})
            QCOMPARE(decide(t.f, *who, t.second.signingId(), QStringLiteral("move_credit")).status, 403);

        // The bureau's reviewer files first; EEE's claim on it is not the reviewer's to decide.
        const Filing bureaus = file(t.f, t.reviewer, QStringLiteral("新乡瑞丰精细化工有限公司"), QStringLiteral("溶剂回收项目"));
        const Filing claim = file(t.f, t.eee, QStringLiteral("新乡瑞丰精细化工有限公司"), QStringLiteral("溶剂回收项目"));
        const Reply own = decide(t.f, t.reviewer, claim.signingId(), QStringLiteral("keep_first"));
        QCOMPARE(own.status, 403);
        QCOMPARE(own.errorField(), QStringLiteral("author"));
        Q_UNUSED(bureaus);
    }

    void theBureausReportOfSuspectedDuplicates()
    {
        TwoFilings t;
        // A lead about PGO's enterprise from EEE in another month: no claim, but a shared lead.
        QJsonObject lead = leadJson(t.eee, QStringLiteral("EEE"), QDate(2023, 9, 3));
        lead.insert(QStringLiteral("enterpriseName"), QStringLiteral("河南宏达化学有限公司"));
        QCOMPARE(status(t.f.push(t.eee, {lead})), QStringLiteral("applied"));
        QJsonObject other = leadJson(t.pgo, QStringLiteral("PGO"), QDate(2023, 10, 3));
        other.insert(QStringLiteral("enterpriseName"), QStringLiteral("河南宏达化学有限公司"));
        QCOMPARE(status(t.f.push(t.pgo, {other})), QStringLiteral("applied"));

        const Reply r = t.f.call(GET, QStringLiteral("/api/v1/review/duplicates"), &t.reviewer);
        QCOMPARE(r.status, 200);
        QStringList claimIds;
        for (const QJsonValue &c : r.json.value(QStringLiteral("claims")).toArray()) {
            claimIds << c.toObject().value(QStringLiteral("id")).toString();
            QVERIFY(c.toObject().contains(QStringLiteral("first")));
        }
        claimIds.sort();
        QStringList expected{t.second.signingId(), t.second.projectId()};
        expected.sort();
        QCOMPARE(claimIds, expected);
        bool enterprises = false;
        for (const QJsonValue &g : r.json.value(QStringLiteral("enterprises")).toArray())
            enterprises = enterprises || (g.toObject().value(QStringLiteral("match")).toString() == u"similar_name"
                                          && g.toObject().value(QStringLiteral("entries")).toArray().size() == 2);
        QVERIFY2(enterprises, r.body.constData());
        const QJsonArray shared = r.json.value(QStringLiteral("sharedLeads")).toArray();
        QCOMPARE(shared.size(), 1);
        QCOMPARE(shared.first().toObject().value(QStringLiteral("units")).toArray().size(), 2);
        // For the bureau, the supervisor and the leaders; not for a unit's staff.
        QCOMPARE(t.f.call(GET, QStringLiteral("/api/v1/review/duplicates"), &t.pgo).status, 403);
        Client leader = t.f.signIn("leader");
        QCOMPARE(t.f.call(GET, QStringLiteral("/api/v1/review/duplicates"), &leader).status, 200);
    }

    // The figures: on the demo year the zone's signed total is 107.2亿; PLC filing its own
    // project for PGO's enterprise made it 113.2亿 before one project, one credit. Now it stays 107.2亿
    // whatever the reviewer decides.
    void theDemoYearCountsPgosProjectOnce()
    {
        // The demo year in a server of its own (its people have the fixture's logins: pgo1, …), with
        // a PLC filer and a reviewer of the test's own.
        QTemporaryDir demoDir;
        Fixture f;
        ServerConfig config;
        config.dataDir = demoDir.path();
        config.accounts.opsLimit = 1;
        config.accounts.memLimit = 8192;
        f.server = std::make_unique<Server>(config, f.clock);
        (void)importDemo(*f.server, 2023, QStringLiteral("password-123")); // the CLI's default seed
        const Actor system{QStringLiteral("system"), QStringLiteral("test")};
        f.server->accounts().createUser(QStringLiteral("dupe-plc"), QStringLiteral("测试填报人"), QStringLiteral("PLC"), {ledger::Role::Staff},
                                        QStringLiteral("password-123"), system);
        f.server->accounts().createUser(QStringLiteral("dupe-reviewer"), QStringLiteral("测试审核人"), QStringLiteral("ISB"),
                                        {ledger::Role::Staff, ledger::Role::Reviewer}, QStringLiteral("password-123"), system);
        Client plc = f.signIn("dupe-plc"), reviewer = f.signIn("dupe-reviewer");
        const QString signedTotal = QStringLiteral("1072000000000"); // 107.2亿 in fen
        QCOMPARE(zoneAchieved(f, reviewer, "signed_investment"), signedTotal);
        const auto [enterpriseId, enterpriseName] = f.server->store().withLedger([](const ledger::Ledger &l) {
            for (const ledger::Record &r : l.records())
                if (const auto *p = std::get_if<ledger::Project>(&r); p && p->name == u"医药中间体项目")
                    return std::pair(p->enterprise, l.enterprise(p->enterprise)->name);
            return std::pair(ledger::EnterpriseId(), QString());
        });
        QVERIFY(!enterpriseId.isNull());
        // The demo is imported as a whole, not filed record by record; read in its order, this many of
        // its filings would be claims (for the report: the bureau sees them under sharedLeads).
        const int wouldBeClaims = f.server->store().withLedger([](const ledger::Ledger &l) {
            ledger::Ledger seen;
            for (const ledger::Enterprise &e : l.enterprises())
                seen.upsert(e);
            ledger::FilingRegister filings;
            int n = 0;
            for (const ledger::Record &r : l.records()) {
                n += filings.firstFiling(r, seen).has_value();
                seen.upsert(r);
                filings.add(r, seen);
            }
            return n;
        });
        qInfo("the demo year read in order holds %d filings another unit filed first", wouldBeClaims);
        const Filing plcs = file(f, plc, enterpriseName, QStringLiteral("医药中间体项目"), QDate(2023, 5, 20), true, enterpriseId);
        QCOMPARE(review(f, reviewer, plcs.projectId(), QStringLiteral("recognise")), QStringLiteral("recognised"));
        QCOMPARE(review(f, reviewer, plcs.signingId(), QStringLiteral("recognise")), QStringLiteral("recognised"));
        QCOMPARE(zoneAchieved(f, reviewer, "signed_investment"), signedTotal);
        QCOMPARE(decide(f, reviewer, plcs.signingId(), QStringLiteral("joint"), QStringLiteral("0.5")).status, 200);
        QCOMPARE(zoneAchieved(f, reviewer, "signed_investment"), signedTotal);
        QCOMPARE(decide(f, reviewer, plcs.signingId(), QStringLiteral("move_credit")).status, 200);
        QCOMPARE(zoneAchieved(f, reviewer, "signed_investment"), signedTotal);
        // The signed table's 合计 is the zone's figure: 1,072,000 万元.
        const QString total = lineStarting(csv(f, reviewer, "signed_projects"), QStringLiteral("合计"));
        QVERIFY2(total.contains(QStringLiteral("1072000")), qPrintable(total));
    }

    // 认定 route 4: 「a leader may recognise a project stage that lacks the standard evidence, with a
    // reason and the meeting's date; it then counts like any recognised stage and is marked as such」.
    void theLeadingGroupRecognisesAStage()
    {
        Fixture f;
        Client pgo = f.signIn("pgo1"), leader = f.signIn("leader"), reviewer = f.signIn("reviewer");
        // A signing without the agreement: the standard route cannot recognise it.
        const Filing filing = file(f, pgo, QStringLiteral("河南宏达化学有限公司"), QStringLiteral("医药中间体项目"), QDate(2023, 10, 8), false);
        QCOMPARE(review(f, reviewer, filing.projectId(), QStringLiteral("recognise")), QStringLiteral("recognised"));
        const QString id = filing.signingId();
        QCOMPARE(review(f, reviewer, id, QStringLiteral("recognise")), QStringLiteral("422 evidence"));

        QCOMPARE(review(f, reviewer, id, QStringLiteral("recognise_by_leading_group"), QStringLiteral("研究认定"), QStringLiteral("2023-11-20")),
                 QStringLiteral("403 action"));
        QCOMPARE(review(f, leader, id, QStringLiteral("recognise_by_leading_group"), QStringLiteral("研究认定")), QStringLiteral("400 meetingDate"));
        QCOMPARE(review(f, leader, id, QStringLiteral("recognise_by_leading_group"), QStringLiteral("研究认定"), QStringLiteral("2023-13-01")),
                 QStringLiteral("400 meetingDate"));
        QCOMPARE(review(f, leader, id, QStringLiteral("recognise_by_leading_group"), QStringLiteral("研究认定"), QStringLiteral("2024-01-05")),
                 QStringLiteral("400 meetingDate")); // after today (the fixture's clock: 2023-12-01)
        QCOMPARE(review(f, leader, id, QStringLiteral("recognise_by_leading_group"), QString(), QStringLiteral("2023-11-20")),
                 QStringLiteral("400 reason"));
        QCOMPARE(review(f, reviewer, id, QStringLiteral("recognise"), QString(), QStringLiteral("2023-11-20")), QStringLiteral("400 meetingDate"));
        // Only a project stage: a lead is recognised on its own evidence.
        const QJsonObject lead = leadJson(pgo, QStringLiteral("PGO"));
        QCOMPARE(status(f.push(pgo, {lead})), QStringLiteral("applied"));
        QCOMPARE(review(f, leader, lead.value(QStringLiteral("id")).toString(), QStringLiteral("recognise_by_leading_group"),
                        QStringLiteral("研究认定"), QStringLiteral("2023-11-20")),
                 QStringLiteral("400 kind"));

        QCOMPARE(taskPoints(f, reviewer, "G1.2"), QStringLiteral("0"));
        QCOMPARE(review(f, leader, id, QStringLiteral("recognise_by_leading_group"), QStringLiteral("经11月领导小组会议研究，签约认定"),
                        QStringLiteral("2023-11-20")),
                 QStringLiteral("recognised"));
        const QJsonObject stored = f.pullAll(pgo).value(id).value(QStringLiteral("review")).toObject();
        QCOMPARE(stored.value(QStringLiteral("meetingDate")).toString(), QStringLiteral("2023-11-20"));
        QCOMPARE(stored.value(QStringLiteral("reason")).toString(), QStringLiteral("经11月领导小组会议研究，签约认定"));
        // It counts like any recognised stage.
        QCOMPARE(taskPoints(f, reviewer, "G1.2"), QStringLiteral("2.5"));
        QCOMPARE(zoneAchieved(f, reviewer, "signed_investment"), QStringLiteral("60000000000"));
        const Reply explained = f.call(GET, QStringLiteral("/api/v1/records/") + id, &pgo);
        QVERIFY2(explained.json.value(QStringLiteral("whyNotCounting")).toArray().isEmpty(), explained.body.constData());
        // Marked wherever listed: the signed table says 领导小组认定 with the meeting's date.
        const QString table = csv(f, reviewer, "signed_projects");
        QVERIFY2(table.contains(QStringLiteral("认定方式：领导小组认定（2023-11-20会议）")), qPrintable(table));
        QVERIFY2(lineStarting(table, QStringLiteral("合计")).startsWith(QStringLiteral("合计（1条）")), qPrintable(table));
    }
};

QTEST_GUILESS_MAIN(TestDuplicateClaims)
#include "tst_duplicateclaims.moc"
