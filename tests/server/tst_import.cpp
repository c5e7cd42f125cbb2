// Importing the office's existing ledgers (importer.h): CSV in UTF-8 with a BOM and in GB18030 as
// Excel saves them, .xlsx as this project exports them; the dry run's report row by row; all or
// nothing; files and rows refused naming the column; and the round trip of the demo year through
// its own exports into an empty ledger, recognised there, giving the same figures.
#include "serverfixture.h"

#include "csvreader.h"
#include "demo.h"
#include "demoimport.h"
#include "exports.h"
#include "importer.h"
#include "sheetwriter.h"
#include "xlsxreader.h"

#include "ledger/caption.h"
#include "ledger/scoring.h"
#include "ledger/wire.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QtTest>

using namespace syncserver;
using namespace syncserver::test;
using namespace ledger;

namespace {

QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(LEDGER_TEST_DATA "/import/") + QString::fromLatin1(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return f.readAll();
}

Request importRequest(const Client &who, const QString &name, const QByteArray &body, bool dryRun)
{
    Request r;
    r.method = QStringLiteral("POST");
    r.path = QStringLiteral("/api/v1/import");
    r.query.insert(QStringLiteral("name"), name);
    if (dryRun)
        r.query.insert(QStringLiteral("dryRun"), QStringLiteral("1"));
    r.headers.insert("x-ledger-protocol", "1");
    r.headers.insert("x-ledger-schema", "1");
    r.headers.insert("authorization", "Bearer " + who.token.toLatin1());
    r.body = body;
    return r;
}

QJsonObject rowOf(const QJsonObject &report, int row)
{
    for (const QJsonValue &v : report.value(QStringLiteral("rows")).toArray())
        if (v.toObject().value(QStringLiteral("row")).toInt() == row)
            return v.toObject();
    return {};
}

int recordCount(Server &s)
{
    s.store().refresh();
    return s.store().withLedger([](const Ledger &l) { return int(l.size() + l.enterprises().size()); });
}

} // namespace

class TestImport : public QObject
{
    Q_OBJECT

private slots:
    void csvReaderQuotesAndEncodings()
    {
        const QByteArray text = "a,\"b, c\",\"d\"\"e\"\r\n\"line\r\nbreak\",'=1+1,\"'@x\"\n,\r\nlast";
        const CsvFile csv = readCsv("\xEF\xBB\xBF" + text);
        QCOMPARE(csv.encoding, CsvEncoding::Utf8);
        const QList<SourceRow> &rows = csv.table.rows;
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows[0].cells.size(), 3);
        QCOMPARE(rows[0].cells[1].text, QStringLiteral("b, c"));
        QCOMPARE(rows[0].cells[2].text, QStringLiteral("d\"e"));
        QCOMPARE(rows[1].number, 2);
        QCOMPARE(rows[1].cells[0].text, QStringLiteral("line\r\nbreak"));
        // Our exports guard formula-like text with an apostrophe; it is taken off again.
        QCOMPARE(rows[1].cells[1].text, QStringLiteral("=1+1"));
        QCOMPARE(rows[1].cells[2].text, QStringLiteral("@x"));
        QCOMPARE(rows[2].cells.size(), 2);
        QCOMPARE(rows[3].number, 4);
        QCOMPARE(rows[3].cells[0].text, QStringLiteral("last"));

        CsvEncoding e = CsvEncoding::Utf8;
        QCOMPARE(decodeCsvText(QStringLiteral("报送月份,𠮷").toUtf8(), &e), QStringLiteral("报送月份,𠮷"));
        QCOMPARE(e, CsvEncoding::Utf8);
        const QByteArray gb = fixture("leads-gb18030.csv");
        QVERIFY(!gb.startsWith("\xEF\xBB\xBF"));
        QVERIFY(decodeCsvText(gb, &e).contains(QStringLiteral("𠮷祥冷链物流有限公司"))); // four bytes in GB18030, not in GBK
        QCOMPARE(e, CsvEncoding::Gb18030);

        const auto refused = [](const QByteArray &bytes) -> HttpError {
            try {
                (void)readCsv(bytes);
            } catch (const HttpError &e) {
                return e;
            }
            return HttpError{0, {}, {}, {}};
        };
        HttpError err = refused(fixture("wrong-encoding.csv"));
        QCOMPARE(err.status, 422);
        QCOMPARE(err.code, QStringLiteral("bad_encoding"));
        QCOMPARE(err.field, QStringLiteral("file"));
        QVERIFY2(err.message.contains(QStringLiteral("line 2")), qPrintable(err.message));
        err = refused(QByteArray("\xFF\xFE", 2) + QByteArray("a\0,\0", 4));
        QVERIFY2(err.message.contains(QStringLiteral("UTF-16")), qPrintable(err.message));
        err = refused("\xEF\xBB\xBF" "ok\r\n\xC3\x28\r\n");
        QVERIFY2(err.message.contains(QStringLiteral("line 2")), qPrintable(err.message));
        err = refused("\xEF\xBB\xBF" "a,\"never closed\r\n");
        QCOMPARE(err.code, QStringLiteral("bad_csv"));
        QVERIFY2(err.message.contains(QStringLiteral("row 1")), qPrintable(err.message));
    }

    void dryRunReportsEveryRowAndWritesNothing()
    {
        Fixture f;
        const Client reviewer = f.signIn("reviewer");
        const int before = recordCount(*f.server);
        const Reply r = f.raw(importRequest(reviewer, QStringLiteral("签约项目表.csv"), fixture("signed-utf8bom.csv"), true));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("encoding")).toString(), QStringLiteral("UTF-8"));
        QCOMPARE(r.json.value(QStringLiteral("dryRun")).toBool(), true);
        QCOMPARE(r.json.value(QStringLiteral("written")).toBool(), false);
        QCOMPARE(r.json.value(QStringLiteral("accepted")).toInt(), 2);
        QCOMPARE(r.json.value(QStringLiteral("skipped")).toInt(), 3);
        QCOMPARE(r.json.value(QStringLiteral("refused")).toInt(), 0);
        QCOMPARE(r.json.value(QStringLiteral("records")).toInt(), 4); // two projects and their signings
        QCOMPARE(r.json.value(QStringLiteral("enterprises")).toInt(), 2);
        // Excel's row numbers: the quoted note spanning two lines is one row.
        QCOMPARE(rowOf(r.json, 2).value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
        QVERIFY(rowOf(r.json, 2).value(QStringLiteral("what")).toString().contains(QStringLiteral("年产5万吨精细化学品项目")));
        QCOMPARE(rowOf(r.json, 3).value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
        QCOMPARE(rowOf(r.json, 4).value(QStringLiteral("status")).toString(), QStringLiteral("skipped")); // 合计
        QCOMPARE(rowOf(r.json, 5).value(QStringLiteral("status")).toString(), QStringLiteral("skipped")); // the waiting heading
        QCOMPARE(rowOf(r.json, 6).value(QStringLiteral("status")).toString(), QStringLiteral("skipped")); // a waiting record
        QCOMPARE(recordCount(*f.server), before);
    }

    void importWritesWaitingRecordsWithTheirSource()
    {
        Fixture f;
        const Client reviewer = f.signIn("reviewer");
        const QByteArray bytes = fixture("leads-gb18030.csv");
        const Reply r = f.raw(importRequest(reviewer, QStringLiteral("招商信息台账.csv"), bytes, false));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("encoding")).toString(), QStringLiteral("GB18030"));
        QCOMPARE(r.json.value(QStringLiteral("written")).toBool(), true);
        QCOMPARE(r.json.value(QStringLiteral("accepted")).toInt(), 2);

        f.server->store().refresh();
        const PersonId sunLi = *PersonId::parse(f.server->accounts().user(QStringLiteral("pgo1"))->id);
        const QList<Lead> leads = f.server->store().withLedger([](const Ledger &l) {
            QList<Lead> out;
            for (const Record &rec : l.records())
                if (const auto *lead = std::get_if<Lead>(&rec))
                    out << *lead;
            return out;
        });
        QCOMPARE(leads.size(), 2);
        const Lead &first = leads[0].enterpriseName.startsWith(u'郑') ? leads[0] : leads[1];
        const Lead &second = leads[0].enterpriseName.startsWith(u'郑') ? leads[1] : leads[0];
        QVERIFY(first.meta.review.state == ReviewState::Submitted); // waiting, never recognised by an import
        QCOMPARE(first.meta.credit.unit, UnitCode(QStringLiteral("PGO")));
        QCOMPARE(first.meta.credit.people, QList<PersonId>{sunLi});
        QCOMPARE(first.intention, QStringLiteral("拟投资建设新材料生产线，计划年内签约, 规模待定"));
        QCOMPARE(first.filed, QDate(2023, 3, 1));
        QCOMPARE(first.industry, QStringLiteral("new_materials"));
        QCOMPARE(first.expectedInvestment, Money::yuan(50'000'000));
        QCOMPARE(second.enterpriseName, QStringLiteral("𠮷祥冷链物流有限公司"));
        QCOMPARE(second.meta.credit.unit, UnitCode(QStringLiteral("EEE")));

        // Who imported it and from which file and row: in each record's audit entry.
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        int found = 0;
        for (const AuditEntry &e : f.server->store().auditEntries(0, 1000)) {
            if (e.action != u"import" || e.entityId != first.meta.id.toString())
                continue;
            const QJsonObject d = QJsonDocument::fromJson(e.detail.toUtf8()).object();
            QCOMPARE(e.userId, reviewer.userId);
            QCOMPARE(d.value(QStringLiteral("file")).toString(), QStringLiteral("招商信息台账.csv"));
            QCOMPARE(d.value(QStringLiteral("sha256")).toString(), sha);
            QCOMPARE(d.value(QStringLiteral("row")).toInt(), 2);
            ++found;
        }
        QCOMPARE(found, 1);
        QVERIFY(f.server->store().verifyAudit().isEmpty());
        QVERIFY(f.server->store().replayAudit().isEmpty());

        // The same file again: every row is already there, so nothing is written twice.
        const Reply again = f.raw(importRequest(reviewer, QStringLiteral("招商信息台账.csv"), bytes, false));
        QCOMPARE(again.status, 422);
        QCOMPARE(again.errorCode(), QStringLiteral("import_refused"));
        const QJsonObject report = again.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("report")).toObject();
        QCOMPARE(rowOf(report, 2).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("duplicate"));
    }

    void oneBadRowAndNothingIsWritten()
    {
        Fixture f;
        const Client reviewer = f.signIn("reviewer");
        const int before = recordCount(*f.server);
        const QByteArray bytes = fixture("bad-rows.csv");
        const Reply dry = f.raw(importRequest(reviewer, QStringLiteral("bad-rows.csv"), bytes, true));
        QCOMPARE(dry.status, 200);
        QCOMPARE(dry.json.value(QStringLiteral("accepted")).toInt(), 1);
        QCOMPARE(dry.json.value(QStringLiteral("refused")).toInt(), 3);
        const auto errorAt = [&](int row) { return rowOf(dry.json, row).value(QStringLiteral("error")).toObject(); };
        QCOMPARE(rowOf(dry.json, 2).value(QStringLiteral("status")).toString(), QStringLiteral("accepted"));
        QCOMPARE(errorAt(3).value(QStringLiteral("code")).toString(), QStringLiteral("bad_amount"));
        QCOMPARE(errorAt(3).value(QStringLiteral("field")).toString(), QStringLiteral("总投资（万元）"));
        QVERIFY(errorAt(3).value(QStringLiteral("message")).toString().contains(QStringLiteral("八千")));
        QCOMPARE(errorAt(4).value(QStringLiteral("code")).toString(), QStringLiteral("bad_credit_code"));
        QCOMPARE(errorAt(4).value(QStringLiteral("field")).toString(), QStringLiteral("统一社会信用代码"));
        QCOMPARE(errorAt(5).value(QStringLiteral("code")).toString(), QStringLiteral("unknown_person"));
        QCOMPARE(errorAt(5).value(QStringLiteral("field")).toString(), QStringLiteral("责任人"));
        QVERIFY(errorAt(5).value(QStringLiteral("message")).toString().contains(QStringLiteral("张三")));

        const Reply real = f.raw(importRequest(reviewer, QStringLiteral("bad-rows.csv"), bytes, false));
        QCOMPARE(real.status, 422);
        QCOMPARE(real.errorCode(), QStringLiteral("import_refused"));
        QCOMPARE(real.errorField(), QStringLiteral("file"));
        QCOMPARE(recordCount(*f.server), before); // the good row is not written either
    }

    void filesRefusedWhole()
    {
        Fixture f;
        const Client reviewer = f.signIn("reviewer");
        Reply r = f.raw(importRequest(reviewer, QStringLiteral("x.csv"), fixture("unknown-header.csv"), true));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("unknown_column"));
        QCOMPARE(r.errorField(), QStringLiteral("联系电话"));
        QVERIFY2(r.errorMessage().contains(QStringLiteral("column Q")), qPrintable(r.errorMessage()));

        r = f.raw(importRequest(reviewer, QStringLiteral("x.csv"), fixture("wrong-encoding.csv"), true));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("bad_encoding"));

        r = f.raw(importRequest(reviewer, QStringLiteral("x.csv"), QStringLiteral("\uFEFF姓名,电话\r\n张三,1\r\n").toUtf8(), true));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("unknown_header"));

        r = f.raw(importRequest(reviewer, QStringLiteral("x.xlsx"), QByteArray("PK\x03\x04garbage", 11), true));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("bad_xlsx"));

        // The trips table is exported but cannot come back: it does not carry what a trip needs.
        Sheet trips;
        trips.headers = {QStringLiteral("序号"), QStringLiteral("目的地")};
        r = f.raw(importRequest(reviewer, QStringLiteral("trips.xlsx"), toXlsx(trips), true));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.errorCode(), QStringLiteral("unknown_table"));

        // Only a reviewer imports.
        const Client staff = f.signIn("pgo2");
        r = f.raw(importRequest(staff, QStringLiteral("x.csv"), fixture("signed-utf8bom.csv"), true));
        QCOMPARE(r.status, 403);
    }

    // The subcommand: the same report a row a line, exit 1 when a row is refused.
    void commandLine()
    {
        Fixture f;
        const auto run = [&](const QStringList &args) {
            QProcess p;
            p.start(QStringLiteral(SYNCSERVER_BINARY), QStringList{QStringLiteral("import"), QStringLiteral("-d"), f.dataDir(),
                                                                   QStringLiteral("--as"), QStringLiteral("reviewer")} + args);
            p.waitForFinished(60000);
            return std::pair{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError())};
        };
        const QString data = QStringLiteral(LEDGER_TEST_DATA "/import/");
        auto [code, text] = run({QStringLiteral("--file"), data + QStringLiteral("bad-rows.csv")});
        QCOMPARE(code, 1);
        QVERIFY2(text.contains(QStringLiteral("row 3: REFUSED 总投资（万元）")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("nothing written")), qPrintable(text));
        std::tie(code, text) = run({QStringLiteral("--file"), data + QStringLiteral("signed-utf8bom.csv")});
        QCOMPARE(code, 0);
        QVERIFY2(text.contains(QStringLiteral("4 records and 2 new enterprises written")), qPrintable(text));
        QCOMPARE(recordCount(*f.server), 4 + 2);
    }

    void xlsxReaderReadsOurExport()
    {
        Sheet s;
        s.title = QStringLiteral("标题");
        s.headers = {QStringLiteral("序号"), QStringLiteral("名称"), QStringLiteral("金额")};
        s.append({Cell::ofCount(1), Cell::ofText(QStringLiteral("甲, \"乙\"\n丙")), Cell::ofWan(Money{Currency::CNY, 1234567891})});
        s.append({Cell::ofCount(2), Cell::ofDate(QDate(2023, 3, 15)), Cell()});
        const QList<SourceTable> tables = readXlsx(toXlsx(s));
        QCOMPARE(tables.size(), 1);
        const SourceTable &t = tables[0];
        const auto row = [&](const QString &first) -> const SourceRow * {
            for (const SourceRow &r : t.rows)
                if (!r.cells.isEmpty() && r.cells[0].text == first)
                    return &r;
            return nullptr;
        };
        QVERIFY(row(QStringLiteral("序号")));
        const SourceRow *one = row(QStringLiteral("1"));
        QVERIFY(one);
        QCOMPARE(one->cells[1].text, QStringLiteral("甲, \"乙\"\n丙"));
        QVERIFY(one->cells[2].isNumber);
        QCOMPARE(QString::number(one->cells[2].text.toDouble(), 'f', 6), QStringLiteral("1234.567891"));
        const SourceRow *two = row(QStringLiteral("2"));
        QVERIFY(two && two->cells[1].isNumber);
        QCOMPARE(QDate(1899, 12, 30).addDays(two->cells[1].text.toInt()), QDate(2023, 3, 15));
    }

    // The test: the demo year's tables exported, imported into an empty ledger, recognised
    // there by a reviewer, give the same 合计 on every table and the same figures in the score.
    void roundTripOfTheDemoYear()
    {
        QTemporaryDir dir;
        FakeClock clock;
        ServerConfig config;
        config.dataDir = dir.path();
        config.accounts.opsLimit = 1;
        config.accounts.memLimit = 8192;
        Server server(config, clock);
        const Scheme &scheme = server.scheme();
        const LedgerDocument demo = makeDemoLedger(scheme);
        const Actor system{QStringLiteral("system"), QStringLiteral("test")};

        // The empty ledger knows the same people (new ids: they are matched by name in their unit).
        QHash<UnitCode, QString> contactOf;
        int n = 0;
        for (const Person &p : demo.ledger.people()) {
            const QString login = QStringLiteral("p%1").arg(++n);
            server.accounts().createUser(login, p.name, p.unit.code(), p.roles, QStringLiteral("password-123"), system);
            if (p.roles.contains(Role::UnitContact) && p.roles.contains(Role::Staff))
                contactOf.insert(p.unit, login);
        }
        server.accounts().createUser(QStringLiteral("importer"), QStringLiteral("导入员"), QStringLiteral("ISB"), {Role::Staff, Role::Reviewer},
                                     QStringLiteral("password-123"), system);
        server.accounts().createUser(QStringLiteral("checker"), QStringLiteral("核对员"), QStringLiteral("ISB"), {Role::Staff, Role::Reviewer},
                                     QStringLiteral("password-123"), system);
        const auto signIn = [&](const QString &login) {
            const QString device = RecordId::create().toString();
            Request r;
            r.method = QStringLiteral("POST");
            r.path = QStringLiteral("/api/v1/auth/login");
            r.remoteAddress = QStringLiteral("127.0.0.1");
            r.headers.insert("x-ledger-protocol", "1");
            r.headers.insert("x-ledger-schema", "1");
            r.body = QJsonDocument(QJsonObject{{QStringLiteral("login"), login}, {QStringLiteral("password"), QStringLiteral("password-123")},
                                               {QStringLiteral("device"), QJsonObject{{QStringLiteral("id"), device},
                                                                                      {QStringLiteral("name"), QStringLiteral("test")}}}})
                         .toJson(QJsonDocument::Compact);
            const Response out = server.handle(r);
            if (out.status != 200)
                qFatal("sign-in of %s failed: %s", qPrintable(login), out.body.constData());
            const QJsonObject o = QJsonDocument::fromJson(out.body).object();
            Client c;
            c.login = login;
            c.device = device;
            c.token = o.value(QStringLiteral("accessToken")).toString();
            c.userId = o.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
            return c;
        };
        const auto call = [&](Request r, const Client &who) {
            r.remoteAddress = QStringLiteral("127.0.0.1");
            r.headers.insert("x-ledger-protocol", "1");
            r.headers.insert("x-ledger-schema", "1");
            r.headers.insert("authorization", "Bearer " + who.token.toLatin1());
            const Response out = server.handle(std::move(r));
            return std::pair{out.status, QJsonDocument::fromJson(out.body).object()};
        };

        // Export: the project tables as .xlsx, the two ledgers as CSV, as the office downloads them.
        const ScoreReport sourceReport = score(scheme, demo.ledger, Period{scheme.year, 4, false});
        const QList<ExportTable> tables = {ExportTable::ProjectsInTalks, ExportTable::SignedProjects, ExportTable::LandedProjects,
                                           ExportTable::StartedProjects, ExportTable::Leads,          ExportTable::Funds};
        const Client importer = signIn(QStringLiteral("importer"));
        for (ExportTable t : tables) {
            const Sheet sheet = buildSheet(t, demo.ledger, scheme, ExportFilter{}, &sourceReport);
            const bool csv = t == ExportTable::Leads || t == ExportTable::Funds;
            const QString name = exportTableKey(t) + (csv ? QStringLiteral(".csv") : QStringLiteral(".xlsx"));
            const auto [status, report] = call(importRequest(importer, name, csv ? toCsv(sheet) : toXlsx(sheet), false), importer);
            QVERIFY2(status == 200, qPrintable(name + QStringLiteral(": ") + QString::fromUtf8(QJsonDocument(report).toJson())));
            QVERIFY(report.value(QStringLiteral("written")).toBool());
            QVERIFY(report.value(QStringLiteral("accepted")).toInt() > 0);
        }

        // The proof the tables cannot carry (agreements, licences, proof of funds) is attached by
        // each unit's contact, as the inbox asks; then a reviewer recognises every imported record.
        const QByteArray pdf = demoPdf(QStringLiteral("补充材料"));
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex());
        const QJsonObject attachment{{QStringLiteral("sha256"), sha}, {QStringLiteral("name"), QStringLiteral("补充材料.pdf")},
                                     {QStringLiteral("mimeType"), QStringLiteral("application/pdf")}, {QStringLiteral("size"), qint64(pdf.size())}};
        QHash<QString, Client> contacts;
        QHash<QString, qint64> nextMutation;
        server.store().refresh();
        const std::vector<Record> imported = server.store().withLedger([](const Ledger &l) { return l.records(); });
        for (const Record &rec : imported) {
            const QString field = std::holds_alternative<Milestone>(rec) ? QStringLiteral("evidence")
                                  : std::holds_alternative<FundsArrival>(rec) ? QStringLiteral("proof")
                                                                              : QString();
            if (field.isEmpty())
                continue;
            const RecordMeta &meta = metaOf(rec);
            const QString login = contactOf.value(meta.credit.unit);
            QVERIFY2(!login.isEmpty(), qPrintable(meta.credit.unit.code()));
            if (!contacts.contains(login)) {
                contacts.insert(login, signIn(login));
                Request up;
                up.method = QStringLiteral("PUT");
                up.path = QStringLiteral("/api/v1/attachments/") + sha;
                up.query = {{QStringLiteral("offset"), QStringLiteral("0")}, {QStringLiteral("size"), QString::number(pdf.size())}};
                up.headers.insert("content-type", "application/pdf");
                up.body = pdf;
                const auto [status, body] = call(up, contacts[login]);
                QVERIFY2(status == 200, QJsonDocument(body).toJson().constData());
            }
            QJsonObject json = wire::encode(rec);
            json.insert(field, QJsonArray{attachment});
            const qint64 version = server.store().read([&](Database &db) { return server.store().entity(db, meta.id.toString())->seq; });
            Request push;
            push.method = QStringLiteral("POST");
            push.path = QStringLiteral("/api/v1/sync/push");
            push.body = QJsonDocument(QJsonObject{{QStringLiteral("device"), contacts[login].device},
                                                  {QStringLiteral("mutations"),
                                                   QJsonArray{QJsonObject{{QStringLiteral("n"), ++nextMutation[login]},
                                                                          {QStringLiteral("op"), QStringLiteral("upsert")},
                                                                          {QStringLiteral("entity"), json},
                                                                          {QStringLiteral("baseVersion"), version},
                                                                          {QStringLiteral("changed"), QJsonArray{field}}}}}})
                            .toJson(QJsonDocument::Compact);
            const auto [status, body] = call(push, contacts[login]);
            QVERIFY2(status == 200 && body.value(QStringLiteral("rejected")).toInt() == 0 && body.value(QStringLiteral("applied")).toInt() == 1,
                     QJsonDocument(body).toJson().constData());
        }
        const Client checker = signIn(QStringLiteral("checker"));
        for (const Record &rec : imported) {
            Request review;
            review.method = QStringLiteral("POST");
            review.path = QStringLiteral("/api/v1/records/") + metaOf(rec).id.toString() + QStringLiteral("/review");
            review.body = QJsonDocument(QJsonObject{{QStringLiteral("action"), QStringLiteral("recognise")},
                                                    {QStringLiteral("reason"), QStringLiteral("原台账已认定，导入核对")}})
                              .toJson(QJsonDocument::Compact);
            const auto [status, body] = call(review, checker);
            QVERIFY2(status == 200, qPrintable(recordCaption(demo.ledger, rec) + QString::fromUtf8(QJsonDocument(body).toJson())));
        }

        // The same figures: every imported table's 合计, and every task and zone target the tables feed.
        server.store().refresh();
        server.store().withLedger([&](const Ledger &target) {
            const ScoreReport targetReport = score(scheme, target, Period{scheme.year, 4, false});
            for (ExportTable t : tables) {
                const Sheet a = buildSheet(t, demo.ledger, scheme, ExportFilter{}, &sourceReport);
                const Sheet b = buildSheet(t, target, scheme, ExportFilter{}, &targetReport);
                const auto totalOf = [](const Sheet &s) {
                    for (qsizetype r = 0; r < s.rows.size(); ++r)
                        if (s.kindOf(r) == RowKind::Total)
                            return s.rows[r];
                    return QList<Cell>();
                };
                QVERIFY(!totalOf(a).isEmpty());
                QCOMPARE(totalOf(b), totalOf(a));
            }
            const auto fedByTables = [](const Measure &m) {
                return m.of == MeasureOf::Milestones || m.of == MeasureOf::Investment || m.of == MeasureOf::Funds || m.of == MeasureOf::Leads;
            };
            int compared = 0;
            for (const GroupScore &g : sourceReport.groups)
                for (const TaskScore &task : g.tasks) {
                    const Task *def = nullptr;
                    for (const TaskGroup &tg : scheme.groups)
                        for (const Task &x : tg.tasks)
                            if (x.id == task.taskId && tg.id == g.groupId)
                                def = &x;
                    QVERIFY(def);
                    if (!fedByTables(def->measure))
                        continue;
                    const GroupScore *other = nullptr;
                    for (const GroupScore &og : targetReport.groups)
                        if (og.groupId == g.groupId)
                            other = &og;
                    QVERIFY(other);
                    const auto same = std::find_if(other->tasks.cbegin(), other->tasks.cend(), [&](const TaskScore &x) { return x.taskId == task.taskId; });
                    QVERIFY(same != other->tasks.cend());
                    QCOMPARE(same->progress.achieved, task.progress.achieved);
                    QCOMPARE(same->progress.ofWhichAchieved, task.progress.ofWhichAchieved);
                    QCOMPARE(same->points, task.points);
                    ++compared;
                }
            for (const ZoneTarget &z : scheme.zoneTargets) {
                if (!fedByTables(z.measure))
                    continue;
                QCOMPARE(targetReport.zoneTarget(z.id)->progress.achieved, sourceReport.zoneTarget(z.id)->progress.achieved);
                QCOMPARE(targetReport.zoneTarget(z.id)->progress.ofWhichAchieved, sourceReport.zoneTarget(z.id)->progress.ofWhichAchieved);
                ++compared;
            }
            QVERIFY(compared > 10);
        });
    }
};

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
