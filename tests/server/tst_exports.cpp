// The office's tables as sheets, CSV and xlsx, and the meeting's status page, checked against a
// small hand-built ledger whose every figure is worked out in the comments.
#include "demo.h"
#include "exports.h"
#include "notice.h"
#include "noticepdf.h"
#include "sheetwriter.h"
#include "statuspage.h"

#include "ledger/scoring.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ledger;
using namespace syncserver;

namespace {

const Scheme &scheme()
{
    static const Scheme s = scheme2023();
    return s;
}

UnitCode unit(const char *code) { return UnitCode(QString::fromLatin1(code)); }

RecordMeta meta(const char *unitCode, QList<PersonId> people = {}, ReviewState state = ReviewState::Recognised)
{
    RecordMeta m;
    m.id = RecordId::create();
    m.credit.unit = unit(unitCode);
    m.credit.people = std::move(people);
    m.review.state = state;
    if (state != ReviewState::Submitted)
        m.review.at = QDateTime(QDate(2023, 11, 1), QTime(2, 0), Qt::UTC);
    return m;
}

Attachment attachment(const QString &name)
{
    Attachment a;
    a.sha256 = *AttachmentHash::parse(QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
    a.name = name;
    a.mimeType = QStringLiteral("application/pdf");
    a.size = 2048;
    return a;
}

Person person(const QString &name, const char *unitCode)
{
    Person p;
    p.id = PersonId::create();
    p.name = name;
    p.unit = unit(unitCode);
    p.roles = {Role::Staff};
    return p;
}

Project project(const char *unitCode, const QString &name, Money investment, const EnterpriseId &enterprise, QDate since,
                const char *industry, QList<PersonId> people = {})
{
    Project p;
    p.meta = meta(unitCode, std::move(people));
    p.enterprise = enterprise;
    p.name = name;
    p.investment = investment;
    p.industry = QString::fromLatin1(industry);
    p.talksSince = since;
    return p;
}

Milestone milestone(const Project &p, MilestoneStage stage, QDate date, QList<PersonId> people, int evidence)
{
    Milestone m;
    m.meta = meta(qPrintable(p.meta.credit.unit.code()), std::move(people));
    m.project = p.meta.id;
    m.stage = stage;
    m.date = date;
    for (int i = 0; i < evidence; ++i)
        m.evidence << attachment(QStringLiteral("协议第%1页.pdf").arg(i + 1));
    return m;
}

Lead lead(const char *unitCode, QDate filed, const QString &intention, QList<PersonId> people,
          ReviewState state = ReviewState::Recognised)
{
    Lead l;
    l.meta = meta(unitCode, std::move(people), state);
    l.enterpriseName = QStringLiteral("河南某新材料有限公司");
    l.intention = intention;
    l.expectedInvestment = Money::yuan(300000000);
    l.industry = QStringLiteral("new_materials");
    l.filed = filed;
    return l;
}

// The ledger of the tests. PGO and PLC share group G1 (汪新文), so they share its task score:
//   G1.1 funds 8亿 of 8亿 → 1.2; G1.2 one signed ≥5亿 project (A, 8亿) → 2.5;
//   G1.4 two valuable recognised leads (April, October) → 0.2. Task score 3.9 for PGO and PLC.
// PGO's pool is 3.9 × 8 = 31.2. PLC's project D was revoked as false: PLC keeps its points but
// loses award eligibility, so PGO alone is the Advanced Collective.
struct Fixture
{
    Ledger ledger;
    Person zhang = person(QStringLiteral("张三"), "PGO");
    Person li = person(QStringLiteral("李四<script>alert(\"x\")</script>"), "PGO");
    Person wang = person(QStringLiteral("王五"), "EDS");
    Person zhao = person(QStringLiteral("赵六"), "ISB");
    Enterprise chem;
    Enterprise maker;
    Project a, b, c, d;
    Milestone aSigned, aStarted, dSigned;
    Lead l1, l2, l3, l4;
    FundsArrival f1, f2;
    Trip trip;
    Visit onTrip; // listed on the trip

    Fixture()
    {
        chem.id = EnterpriseId::create();
        chem.name = QStringLiteral("新乡某精细化工有限公司");
        chem.creditCode = QStringLiteral("91410700MA9G5LXK3D");
        chem.industry = QStringLiteral("fine_chemicals");
        maker.id = EnterpriseId::create();
        maker.name = QStringLiteral("河南某智能装备股份有限公司");

        // A: 8亿 chemical project, signed in May, construction started in August.
        a = project("PGO", QStringLiteral("年产10万吨专用化学品项目"), Money::yuan(800000000), chem.id, QDate(2023, 2, 1),
                    "fine_chemicals", {zhang.id});
        a.chemical = true;
        aSigned = milestone(a, MilestoneStage::Signed, QDate(2023, 5, 10), {zhang.id, li.id}, 2);
        aStarted = milestone(a, MilestoneStage::Started, QDate(2023, 8, 1), {zhang.id}, 1);
        // B: 1.5万元 in talks, notes a CSV has to quote.
        b = project("EDS", QStringLiteral("智能装备产业园项目"), Money::yuan(15000), maker.id, QDate(2023, 3, 15),
                    "intelligent_manufacturing", {wang.id});
        b.provincialLedger = true;
        b.notes = QStringLiteral("对方称\"年底前\"决策,\n需再次拜访");
        // C: a name a spreadsheet would run as a formula.
        c = project("PGO", QStringLiteral("=SUM(A1:A2)"), Money::yuan(200000000), maker.id, QDate(2023, 9, 1),
                    "equipment_manufacturing");
        // D: signed, then found false.
        d = project("PLC", QStringLiteral("虚构的新能源项目"), Money::yuan(600000000), maker.id, QDate(2023, 1, 10), "new_energy");
        d.meta.review.state = ReviewState::Revoked;
        d.meta.review.reason = QStringLiteral("虚假签约，合同系伪造");
        d.meta.review.reviewer = zhao.id;
        dSigned = milestone(d, MilestoneStage::Signed, QDate(2023, 6, 1), {}, 1);

        l1 = lead("PGO", QDate(2023, 4, 3), QStringLiteral("拟投资建设新材料生产线"), {zhang.id});
        l2 = lead("EDS", QDate(2023, 5, 6), QString(), {wang.id}); // no stated intention: not valuable
        l3 = lead("PGO", QDate(2023, 6, 20), QStringLiteral("拟设立区域总部"), {zhang.id}, ReviewState::Submitted);
        l4 = lead("PGO", QDate(2023, 10, 12), QStringLiteral("拟扩产"), {li.id});

        f1.meta = meta("PGO", {zhang.id});
        f1.enterprise = chem.id;
        f1.project = a.meta.id;
        f1.kind = FundsKind::OutsideProvinceRmb;
        f1.amount = Money::yuan(800000000);
        f1.date = QDate(2023, 7, 1);
        f1.payer = QStringLiteral("上海某投资有限公司");
        f1.proof = {attachment(QStringLiteral("银行回单.pdf"))};
        f2.meta = meta("ISB", {zhao.id});
        f2.enterprise = maker.id;
        f2.kind = FundsKind::ForeignCapitalUsd;
        f2.amount = Money::usd(15000);
        f2.date = QDate(2023, 8, 15);
        f2.payer = QStringLiteral("Example Holdings Ltd.");

        trip.meta = meta("ISB", {zhao.id});
        trip.destination = QStringLiteral("上海");
        trip.start = QDate(2023, 4, 10);
        trip.end = QDate(2023, 4, 13);
        trip.members = {zhao.id};
        trip.industries = {QStringLiteral("fine_chemicals")};
        onTrip.meta = meta("ISB", {zhao.id});
        onTrip.enterprise = chem.id;
        onTrip.date = QDate(2023, 4, 11);
        onTrip.purpose = QStringLiteral("走访");
        trip.visits = {onTrip.meta.id};
        trip.institutions = {{QStringLiteral("中国石油和化学工业联合会"), InstitutionCategory::NationalIndustryAssociation, QDate(2023, 4, 11)},
                             {QStringLiteral("中国科学院过程工程研究所"), InstitutionCategory::NationalResearchInstitution, QDate(2023, 4, 12)}};

        for (const Person &p : {zhang, li, wang, zhao})
            ledger.upsert(p);
        ledger.upsert(chem);
        ledger.upsert(maker);
        for (Record r : std::initializer_list<Record>{a, b, c, d, aSigned, aStarted, dSigned, l1, l2, l3, l4, f1, f2, trip, onTrip})
            ledger.upsert(std::move(r));
    }
};

const Fixture &fx()
{
    static const Fixture f;
    return f;
}

Sheet sheetOf(ExportTable t, const ExportFilter &filter = {}) { return buildSheet(t, fx().ledger, scheme(), filter, nullptr); }

// A column's cells on the records' rows, in the table's order (合计 rows and block headings left out).
QStringList column(const Sheet &s, const QString &header)
{
    const qsizetype c = s.headers.indexOf(header);
    if (c < 0)
        qFatal("no column %s", qPrintable(header));
    QStringList out;
    for (qsizetype r = 0; r < s.rows.size(); ++r)
        if (s.kindOf(r) == RowKind::Record)
            out << s.rows[r].value(c).toString();
    return out;
}

// The records' rows only.
QList<QList<Cell>> recordRows(const Sheet &s)
{
    QList<QList<Cell>> out;
    for (qsizetype r = 0; r < s.rows.size(); ++r)
        if (s.kindOf(r) == RowKind::Record)
            out << s.rows[r];
    return out;
}

// The 合计 row (every record table has exactly one).
const QList<Cell> &totalRow(const Sheet &s)
{
    qsizetype found = -1;
    for (qsizetype r = 0; r < s.rows.size(); ++r)
        if (s.kindOf(r) == RowKind::Total) {
            if (found >= 0)
                qFatal("two total rows");
            found = r;
        }
    if (found < 0)
        qFatal("no total row");
    return s.rows[found];
}

// The text of every block heading, in order.
QStringList headings(const Sheet &s)
{
    QStringList out;
    for (qsizetype r = 0; r < s.rows.size(); ++r)
        if (s.kindOf(r) == RowKind::Heading)
            out << s.rows[r].value(0).toString();
    return out;
}

const QList<Cell> &rowNamed(const Sheet &s, const QString &header, const QString &value)
{
    const qsizetype c = s.headers.indexOf(header);
    for (const auto &row : s.rows)
        if (row.value(c).toString() == value)
            return row;
    qFatal("no row with %s = %s", qPrintable(header), qPrintable(value));
}

Cell at(const Sheet &s, const QList<Cell> &row, const char *header) { return row.value(s.headers.indexOf(QString::fromUtf8(header))); }

// RFC 4180 reader; fails on a bare LF outside quotes, which would break imports.
QList<QStringList> parseCsv(const QString &text, bool *ok)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    *ok = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (quoted) {
            if (ch == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += ch;
            }
        } else if (ch == u'"' && field.isEmpty()) {
            quoted = true;
        } else if (ch == u',') {
            row << field;
            field.clear();
        } else if (ch == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            ++i;
        } else if (ch == u'\n' || ch == u'"') {
            *ok = false;
            return rows;
        } else {
            field += ch;
        }
    }
    if (quoted || !field.isEmpty() || !row.isEmpty())
        *ok = false; // every record must end with CRLF
    return rows;
}

// One member of a zip archive, through unzip or Python; nullopt when neither tool is there.
std::optional<QByteArray> zipEntry(const QString &archive, const QString &entry)
{
    QProcess p;
    if (QFile::exists(QStringLiteral("/usr/bin/unzip"))) {
        p.start(QStringLiteral("/usr/bin/unzip"), {QStringLiteral("-p"), archive, entry});
    } else if (const QString py = QStandardPaths::findExecutable(QStringLiteral("python3")); !py.isEmpty()) {
        p.start(py, {QStringLiteral("-c"),
                     QStringLiteral("import sys,zipfile;sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))"),
                     archive, entry});
    } else {
        return std::nullopt;
    }
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QByteArray(); // an entry that is not there fails the caller's checks
    return p.readAllStandardOutput();
}

} // namespace

class TestExports : public QObject
{
    Q_OBJECT
private slots:
    void tableKeysAndTitles()
    {
        const QStringList keys = {QStringLiteral("projects_in_talks"), QStringLiteral("signed_projects"), QStringLiteral("landed_projects"),
                                  QStringLiteral("started_projects"),  QStringLiteral("leads"),           QStringLiteral("funds"),
                                  QStringLiteral("trips"),             QStringLiteral("score_notice"),    QStringLiteral("personal_shares")};
        const QStringList titles = {QStringLiteral("在谈项目表"),   QStringLiteral("签约项目表"), QStringLiteral("落地项目表"),
                                    QStringLiteral("开工项目表"),   QStringLiteral("招商信息台账"), QStringLiteral("到位资金台账"),
                                    QStringLiteral("外出招商情况统计表"), QStringLiteral("招商引资工作情况通报"), QStringLiteral("个人分值表")};
        const QList<ExportTable> all = allExportTables();
        QCOMPARE(all.size(), keys.size());
        for (qsizetype i = 0; i < all.size(); ++i) {
            QCOMPARE(exportTableKey(all[i]), keys[i]);
            QCOMPARE(exportTableTitle(all[i]), titles[i]);
            QCOMPARE(exportTableFromKey(keys[i]), std::optional<ExportTable>(all[i]));
        }
        QVERIFY(!exportTableFromKey(u"Leads"));
        QVERIFY(!exportTableFromKey(u""));
    }

    void cellsKeepMoneyExact()
    {
        QCOMPARE(Cell::ofWan(Money::yuan(800000000)).value, QStringLiteral("80000")); // 8亿 = 80000 万元
        QCOMPARE(Cell::ofWan(Money::yuan(15000)).value, QStringLiteral("1.5"));
        QCOMPARE(Cell::ofWan(Money{Currency::CNY, 1}).value, QStringLiteral("0.000001")); // one fen
        QCOMPARE(Cell::ofWan(Money{Currency::CNY, 12345678901}).value, QStringLiteral("12345.678901"));
        QCOMPARE(Cell::ofWan(Money::usd(10110000)).value, QStringLiteral("1011"));
        QCOMPARE(Cell::ofWan(Money{}).value, QStringLiteral("0"));
        QCOMPARE(Cell::ofWan(Money::yuan(1)).format, NumberFormat::WanYuan);
        QCOMPARE(Cell::ofPoints(*Points::parse(u"-0.5")).value, QStringLiteral("-0.5"));
        QCOMPARE(Cell::ofPoints(*Points::parse(u"0.6667")).format, NumberFormat::Points);
        QCOMPARE(Cell::ofDate(QDate(2023, 10, 8)).toString(), QStringLiteral("2023-10-08"));
        QCOMPARE(Cell::ofDate(QDate()).kind, CellKind::Empty);
        QCOMPARE(Cell::ofCount(12).kind, CellKind::Number);
    }

    void projectsInTalks()
    {
        const Sheet s = sheetOf(ExportTable::ProjectsInTalks);
        QCOMPARE(s.title, QStringLiteral("在谈项目表"));
        QCOMPARE(s.headers,
                 QStringList({QStringLiteral("序号"), QStringLiteral("项目名称"), QStringLiteral("投资企业"), QStringLiteral("统一社会信用代码"),
                              QStringLiteral("所属产业"), QStringLiteral("总投资（万元）"), QStringLiteral("化工项目"),
                              QStringLiteral("列入省台账"), QStringLiteral("外资项目"), QStringLiteral("转型升级/承接转移"),
                              QStringLiteral("洽谈开始日期"), QStringLiteral("责任单位"), QStringLiteral("责任人"), QStringLiteral("认定状态"),
                              QStringLiteral("备注")}));
        // A and D have signed milestones: they are on the signed table, not here. By date: B, C.
        QCOMPARE(column(s, QStringLiteral("项目名称")), QStringList({fx().b.name, fx().c.name}));
        QCOMPARE(column(s, QStringLiteral("序号")), QStringList({QStringLiteral("1"), QStringLiteral("2")}));
        const QList<Cell> &b = s.rows[0];
        QCOMPARE(b.size(), s.headers.size());
        QCOMPARE(at(s, b, "投资企业").value, QStringLiteral("河南某智能装备股份有限公司"));
        QCOMPARE(at(s, b, "所属产业").value, QStringLiteral("智能制造"));
        QCOMPARE(at(s, b, "总投资（万元）"), Cell::ofWan(Money::yuan(15000)));
        QCOMPARE(at(s, b, "总投资（万元）").value, QStringLiteral("1.5"));
        QCOMPARE(at(s, b, "化工项目").value, QStringLiteral("否"));
        QCOMPARE(at(s, b, "列入省台账").value, QStringLiteral("是"));
        QCOMPARE(at(s, b, "洽谈开始日期"), Cell::ofDate(QDate(2023, 3, 15)));
        QCOMPARE(at(s, b, "责任单位").value, QStringLiteral("经济发展统计局"));
        QCOMPARE(at(s, b, "责任人").value, QStringLiteral("王五"));
        QCOMPARE(at(s, b, "认定状态").value, QStringLiteral("已认定"));
        QCOMPARE(at(s, b, "备注").value, fx().b.notes);
        QVERIFY(s.subtitle.contains(QStringLiteral("全部单位")));
        QVERIFY(s.footnotes.first().contains(QStringLiteral("共 2 条")));
    }

    void talksAsOfTheEndOfThePeriod()
    {
        // On April 30, A (signed May 10) and D (signed June 1) were still in talks; C had not
        // started talks yet. D, revoked as false since, stays listed and marked.
        const Sheet s = sheetOf(ExportTable::ProjectsInTalks, {std::nullopt, QDate(2023, 1, 1), QDate(2023, 4, 30)});
        // The recognised ones first and summed; D apart, under its heading, not in the 合计.
        QCOMPARE(column(s, QStringLiteral("项目名称")), QStringList({fx().a.name, fx().b.name, fx().d.name}));
        const QList<QList<Cell>> rows = recordRows(s);
        QCOMPARE(at(s, rows[2], "认定状态").value, QStringLiteral("已认定虚假"));
        QVERIFY(at(s, rows[2], "备注").value.startsWith(QStringLiteral("认定虚假：虚假签约，合同系伪造（审核人 赵六，2023-11-01）")));
        QCOMPARE(at(s, rows[0], "总投资（万元）").value, QStringLiteral("80000"));
        QCOMPARE(at(s, rows[0], "统一社会信用代码").value, QStringLiteral("91410700MA9G5LXK3D"));
        QCOMPARE(at(s, rows[0], "化工项目").value, QStringLiteral("是"));
        // 8亿 + 1.5万元 = 80001.5万元.
        QCOMPARE(at(s, totalRow(s), "总投资（万元）").value, QStringLiteral("80001.5"));
        QCOMPARE(at(s, totalRow(s), "序号").value, QStringLiteral("合计（2条）"));
        QCOMPARE(headings(s), QStringList({QStringLiteral("以下经认定为虚假信息，不计分、不计入合计，保留备查")}));
        QCOMPARE(column(s, QStringLiteral("序号")), QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
        QVERIFY(s.subtitle.contains(QStringLiteral("2023-01-01 至 2023-04-30")));
    }

    void signedProjects()
    {
        const Sheet s = sheetOf(ExportTable::SignedProjects);
        QCOMPARE(s.title, QStringLiteral("签约项目表"));
        QVERIFY(s.headers.contains(QStringLiteral("签约日期")));
        QVERIFY(s.headers.contains(QStringLiteral("协议附件数")));
        QCOMPARE(s.headers.first(), QStringLiteral("序号"));
        QCOMPARE(s.headers.last(), QStringLiteral("备注"));
        QCOMPARE(s.headers.size(), 16);
        // The revoked project stays listed, marked, with who and why.
        QCOMPARE(column(s, QStringLiteral("项目名称")), QStringList({fx().a.name, fx().d.name}));
        const QList<QList<Cell>> rows = recordRows(s);
        const QList<Cell> &a = rows[0];
        // The 合计 counts A alone: summing the column with the revoked D in it gave the wrong figure.
        QCOMPARE(at(s, totalRow(s), "总投资（万元）").value, QStringLiteral("80000"));
        QCOMPARE(s.rows.indexOf(totalRow(s)), 1);
        QCOMPARE(at(s, a, "总投资（万元）").value, QStringLiteral("80000"));
        QCOMPARE(at(s, a, "总投资（万元）").kind, CellKind::Number);
        QCOMPARE(at(s, a, "签约日期"), Cell::ofDate(QDate(2023, 5, 10)));
        QCOMPARE(at(s, a, "协议附件数"), Cell::ofCount(2));
        QCOMPARE(at(s, a, "所属产业").value, QStringLiteral("精细化工"));
        QCOMPARE(at(s, a, "责任单位").value, QStringLiteral("党政办公室"));
        QCOMPARE(at(s, a, "责任人").value, QStringLiteral("张三、") + fx().li.name);
        QCOMPARE(at(s, a, "认定状态").value, QStringLiteral("已认定"));
        const QList<Cell> &d = rows[1];
        QCOMPARE(at(s, d, "认定状态").value, QStringLiteral("已认定虚假"));
        QVERIFY2(at(s, d, "备注").value.contains(QStringLiteral("虚假签约，合同系伪造")), qPrintable(at(s, d, "备注").value));
        QVERIFY(at(s, d, "备注").value.contains(QStringLiteral("审核人 赵六")));
        QCOMPARE(at(s, d, "责任单位").value, QStringLiteral("规划建设局"));
    }

    void startedProjects()
    {
        const Sheet s = sheetOf(ExportTable::StartedProjects);
        QCOMPARE(s.title, QStringLiteral("开工项目表"));
        QVERIFY(s.headers.contains(QStringLiteral("开工日期")));
        QVERIFY(!s.headers.contains(QStringLiteral("签约日期")));
        const QList<QList<Cell>> rows = recordRows(s);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(at(s, rows[0], "项目名称").value, fx().a.name);
        QCOMPARE(at(s, rows[0], "开工日期"), Cell::ofDate(QDate(2023, 8, 1)));
        QCOMPARE(at(s, rows[0], "责任人").value, QStringLiteral("张三"));
        QCOMPARE(at(s, totalRow(s), "总投资（万元）").value, QStringLiteral("80000"));
    }

    void unitAndDateFilters()
    {
        const Sheet eds = sheetOf(ExportTable::ProjectsInTalks, {unit("EDS"), {}, {}});
        QCOMPARE(column(eds, QStringLiteral("项目名称")), QStringList({fx().b.name}));
        QVERIFY(eds.subtitle.contains(QStringLiteral("经济发展统计局")));
        const Sheet pgo = sheetOf(ExportTable::SignedProjects, {unit("PGO"), {}, {}});
        QCOMPARE(column(pgo, QStringLiteral("项目名称")), QStringList({fx().a.name}));
        const Sheet june = sheetOf(ExportTable::SignedProjects, {std::nullopt, QDate(2023, 6, 1), QDate(2023, 6, 30)});
        QCOMPARE(column(june, QStringLiteral("项目名称")), QStringList({fx().d.name}));
        const Sheet both = sheetOf(ExportTable::Leads, {unit("PGO"), QDate(2023, 4, 1), QDate(2023, 6, 30)});
        QCOMPARE(column(both, QStringLiteral("报送月份")), QStringList({QStringLiteral("2023-04"), QStringLiteral("2023-06")}));
        const Sheet none = sheetOf(ExportTable::Funds, {unit("EEE"), {}, {}});
        QVERIFY(recordRows(none).isEmpty());
        QCOMPARE(at(none, totalRow(none), "序号").value, QStringLiteral("合计（0条）"));
        QCOMPARE(at(none, totalRow(none), "金额（万元）"), Cell());
        QCOMPARE(none.headers.size(), 10);
    }

    void leadsLedger()
    {
        const Sheet s = sheetOf(ExportTable::Leads);
        QCOMPARE(s.headers,
                 QStringList({QStringLiteral("序号"), QStringLiteral("报送月份"), QStringLiteral("企业名称"), QStringLiteral("投资意向"),
                              QStringLiteral("预计投资（万元）"), QStringLiteral("所属产业"), QStringLiteral("报送单位"),
                              QStringLiteral("报送人"), QStringLiteral("认定状态"), QStringLiteral("计入任务")}));
        // The recognised ones, then the one still waiting under its heading.
        QCOMPARE(column(s, QStringLiteral("报送月份")),
                 QStringList({QStringLiteral("2023-04"), QStringLiteral("2023-05"), QStringLiteral("2023-10"), QStringLiteral("2023-06")}));
        // Valuable and recognised counts; no intention or still waiting does not.
        QCOMPARE(column(s, QStringLiteral("计入任务")),
                 QStringList({QStringLiteral("是"), QStringLiteral("否"), QStringLiteral("是"), QStringLiteral("否")}));
        QCOMPARE(column(s, QStringLiteral("认定状态")),
                 QStringList({QStringLiteral("已认定"), QStringLiteral("已认定"), QStringLiteral("已认定"), QStringLiteral("待认定")}));
        QCOMPARE(column(s, QStringLiteral("报送单位")).at(1), QStringLiteral("经济发展统计局"));
        const QList<QList<Cell>> rows = recordRows(s);
        QCOMPARE(at(s, rows[0], "预计投资（万元）").value, QStringLiteral("30000"));
        QCOMPARE(at(s, rows[0], "所属产业").value, QStringLiteral("新材料"));
        QCOMPARE(at(s, rows[2], "报送人").value, fx().li.name);
        QCOMPARE(at(s, totalRow(s), "预计投资（万元）").value, QStringLiteral("90000"));
        QCOMPARE(at(s, totalRow(s), "计入任务").value, QStringLiteral("计入2条"));
        QCOMPARE(headings(s), QStringList({QStringLiteral("以下待认定或已退回，不计入合计")}));
    }

    // 「每月收集四条有明确投资意向的招商引资信息」: a group's leads count up to four a month. Six filed
    // by PGO in one March: the ledger's 计入任务 says 是 for the first four,
    // as the score counts them, and names the full month for the other two.
    void leadsLedgerFollowsTheMonthlyCap()
    {
        Ledger ledger;
        Person zhang = person(QStringLiteral("张三"), "PGO");
        ledger.upsert(zhang);
        for (int day = 1; day <= 6; ++day)
            ledger.upsert(Record(lead("PGO", QDate(2023, 3, day), QStringLiteral("拟投资建设新材料生产线"), {zhang.id})));
        const Sheet s = buildSheet(ExportTable::Leads, ledger, scheme(), {}, nullptr);
        const QString full = QStringLiteral("否（2023年3月已计满4条）");
        QCOMPARE(column(s, QStringLiteral("计入任务")),
                 QStringList({QStringLiteral("是"), QStringLiteral("是"), QStringLiteral("是"), QStringLiteral("是"), full, full}));
        const ScoreReport report = score(scheme(), ledger, Period{2023, 1, false});
        qsizetype counted = 0;
        for (const TaskScore &t : report.group(QStringLiteral("G1"))->tasks)
            for (const Contribution &c : t.progress.contributions)
                counted += c.kind == RecordKind::Lead && c.counted;
        QCOMPARE(counted, 4);
    }

    // What the office sums must be what the score counts: on the demo year, each table's 合计 equals
    // the score report's figure for the same thing.
    void everyTotalEqualsTheScoreReport()
    {
        const LedgerDocument demo = makeDemoLedger(scheme());
        const Ledger &l = demo.ledger;
        const ScoreReport report = score(scheme(), l, Period{2023, 4, false});
        const auto achieved = [&](const char *target) { return report.zoneTarget(QString::fromLatin1(target))->progress.achieved; };

        const Sheet signedTable = buildSheet(ExportTable::SignedProjects, l, scheme(), {}, &report);
        QCOMPARE(at(signedTable, totalRow(signedTable), "总投资（万元）"), Cell::ofWan(Money{Currency::CNY, achieved("signed_investment")}));
        QVERIFY(achieved("signed_investment") > 0);

        const Sheet funds = buildSheet(ExportTable::Funds, l, scheme(), {}, &report);
        QCOMPARE(at(funds, totalRow(funds), "金额（万元）"), Cell::ofWan(Money{Currency::CNY, achieved("funds_outside")}));
        Quantity usd = achieved("foreign_capital");
        QSet<RecordId> increases;
        for (const UnitScore &u : report.units)
            for (const BonusScore &b : u.bonuses)
                if (b.kind == BonusKind::CapitalIncrease)
                    for (const BonusItem &i : b.items)
                        if (!increases.contains(i.record)) {
                            increases.insert(i.record);
                            usd += i.amount;
                        }
        QCOMPARE(at(funds, totalRow(funds), "金额（万美元）"), Cell::ofWan(Money{Currency::USD, usd}));

        QSet<RecordId> leadsCounted;
        for (const GroupScore &g : report.groups)
            for (const TaskScore &t : g.tasks)
                for (const Contribution &c : t.progress.contributions)
                    if (c.kind == RecordKind::Lead && c.counted)
                        leadsCounted.insert(c.record);
        const Sheet leads = buildSheet(ExportTable::Leads, l, scheme(), {}, &report);
        QCOMPARE(at(leads, totalRow(leads), "计入任务").value, QStringLiteral("计入%1条").arg(leadsCounted.size()));
        QCOMPARE(column(leads, QStringLiteral("计入任务")).count(QStringLiteral("是")), leadsCounted.size());

        Points pools;
        for (const UnitScore &u : report.units)
            pools += u.pool;
        const Sheet shares = buildSheet(ExportTable::PersonalShares, l, scheme(), {}, &report);
        QCOMPARE(at(shares, totalRow(shares), "个人分值"), Cell::ofPoints(pools));
        QCOMPARE(recordRows(shares).size(), qsizetype(report.people.size()));
    }

    // 落地: registered as an independently accounted legal entity with tax registration; the table
    // lists the landed milestones with both facts.
    void landedProjects()
    {
        Ledger l = fx().ledger;
        Milestone landed = milestone(fx().a, MilestoneStage::Landed, QDate(2023, 9, 1), {fx().zhang.id}, 1);
        landed.legalEntityRegistered = true;
        landed.taxRegistered = true;
        l.upsert(Record(landed));
        const Sheet s = buildSheet(ExportTable::LandedProjects, l, scheme(), {}, nullptr);
        QCOMPARE(s.title, QStringLiteral("落地项目表"));
        const QList<QList<Cell>> rows = recordRows(s);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(at(s, rows[0], "项目名称").value, fx().a.name);
        QCOMPARE(at(s, rows[0], "落地日期"), Cell::ofDate(QDate(2023, 9, 1)));
        QCOMPARE(at(s, rows[0], "独立核算法人").value, QStringLiteral("是"));
        QCOMPARE(at(s, rows[0], "税务登记").value, QStringLiteral("是"));
        QCOMPARE(at(s, totalRow(s), "总投资（万元）").value, QStringLiteral("80000"));
    }

    // 通报批评 names the project, the unit and the people, never a record's id; so does the reason
    // a unit or person may not be chosen.
    void noticeCriticisesByName()
    {
        const ScoreReport report = score(scheme(), fx().ledger, Period{2023, 4, false});
        const Sheet notice = buildSheet(ExportTable::ScoreNotice, fx().ledger, scheme(), {}, &report);
        const QString d = fx().d.meta.id.toString();
        QString criticism;
        for (const QString &note : notice.footnotes)
            if (note.startsWith(QStringLiteral("通报批评：")))
                criticism = note;
        QCOMPARE(criticism, QStringLiteral("通报批评：规划建设局报送的项目「虚构的新能源项目」（%1），经认定为虚假信息"
                                           "（虚假签约，合同系伪造），不计分并取消评先资格。")
                                .arg(fx().maker.name));
        for (const QList<Cell> &row : notice.rows)
            for (const Cell &c : row)
                QVERIFY2(!c.value.contains(d), qPrintable(c.value));
        const UnitScore *plc = report.unit(unit("PLC"));
        QVERIFY(!plc->eligible);
        QVERIFY2(plc->ineligibleBecause.contains(QStringLiteral("项目「虚构的新能源项目」")), qPrintable(plc->ineligibleBecause));
        QVERIFY(!plc->ineligibleBecause.contains(d));
    }

    // The notice the office publishes, built once and written twice. Its parts answer the score
    // report: every unit's total and rank, every task's points, each unit's bonuses item by item
    // adding up to its bonus points, the awards and 通报批评 by name, the number and the date.
    void noticeHasEveryPart()
    {
        const LedgerDocument demo = makeDemoLedger(scheme());
        const ScoreReport report = score(scheme(), demo.ledger, Period{2023, 3, false});
        NoticeInfo info;
        info.number = QStringLiteral("开招商〔2023〕12号");
        info.date = QDate(2023, 10, 8);
        info.footer << QStringLiteral("审计链头：测试");
        const Notice n = buildNotice(demo.ledger, scheme(), report, info);
        QCOMPARE(n.title, QStringLiteral("关于2023年第3季度（累计）招商引资工作情况的通报"));
        QCOMPARE(n.number, info.number);
        QCOMPARE(n.dateText, QStringLiteral("2023年10月8日"));
        QStringList headings;
        for (const NoticeSection &s : n.sections)
            headings << s.heading;
        QCOMPARE(headings, QStringList({QStringLiteral("一、全区目标完成情况"), QStringLiteral("二、各单位得分及排名"),
                                        QStringLiteral("三、各任务组任务完成情况"), QStringLiteral("四、加分明细"),
                                        QStringLiteral("五、表彰"), QStringLiteral("六、通报批评")}));
        const Sheet &ranking = *n.sections[1].table;
        QCOMPARE(ranking.rows.size(), qsizetype(report.units.size()));
        for (qsizetype i = 0; i < ranking.rows.size(); ++i) {
            QCOMPARE(at(ranking, ranking.rows[i], "总分"), Cell::ofPoints(report.units[std::size_t(i)].total));
            QCOMPARE(at(ranking, ranking.rows[i], "排名"), Cell::ofCount(report.units[std::size_t(i)].rank));
        }
        // Each group's 小计 is its task score; each task row its points.
        const Sheet &tasks = *n.sections[2].table;
        qsizetype subtotals = 0;
        for (qsizetype r = 0; r < tasks.rows.size(); ++r)
            if (tasks.kindOf(r) == RowKind::Total)
                QCOMPARE(at(tasks, tasks.rows[r], "得分"), Cell::ofPoints(report.groups[std::size_t(subtotals++)].total));
        QCOMPARE(subtotals, qsizetype(report.groups.size()));
        // Each unit's bonus items add up to its bonus points, and its 小计 says so.
        const Sheet &bonuses = *n.sections[3].table;
        QHash<QString, Points> items;
        QHash<QString, Cell> subtotal;
        for (qsizetype r = 0; r < bonuses.rows.size(); ++r) {
            const QString unit = at(bonuses, bonuses.rows[r], "单位").value;
            const Cell points = at(bonuses, bonuses.rows[r], "计入分值");
            if (bonuses.kindOf(r) == RowKind::Total)
                subtotal.insert(unit, points);
            else if (points.kind == CellKind::Number) // a capital increase's own row has its amount, not points
                items[unit] += *Points::parse(points.value);
        }
        QVERIFY(!items.isEmpty());
        for (const UnitScore &u : report.units) {
            if (!items.contains(u.name)) {
                QCOMPARE(u.bonusPoints, Points());
                continue;
            }
            QCOMPARE(items.value(u.name), u.bonusPoints);
            QCOMPARE(subtotal.value(u.name), Cell::ofPoints(u.bonusPoints));
        }
        QVERIFY(n.sections[4].paragraphs.first().startsWith(QStringLiteral("招商引资先进集体：")));

        const QList<Sheet> sheets = noticeSheets(n);
        QCOMPARE(sheets.first().title, QStringLiteral("招商引资工作情况通报"));
        QVERIFY(sheets.first().subtitle.contains(info.number));
        QVERIFY(sheets.first().footnotes.contains(QStringLiteral("审计链头：测试")));
        QCOMPARE(sheets.size(), 4);
        const QByteArray workbook = toXlsx(sheets);
        QVERIFY(workbook.startsWith(QByteArrayLiteral("PK\x03\x04")));
        QVERIFY(workbook.contains("xl/worksheets/sheet4.xml"));
    }

    // The PDF read back as text (poppler's pdftotext) carries the notice's number, its title, every
    // unit with its total as the score report has it, and the Chinese comes back as Chinese: the
    // fonts are embedded with their character maps.
    void noticePdfReadsBack()
    {
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        QVERIFY2(!pdftotext.isEmpty(), "pdftotext is missing: scripts/setup.sh installs poppler-utils");
        const ScoreReport report = score(scheme(), fx().ledger, Period{2023, 4, false});
        NoticeInfo info;
        info.number = QStringLiteral("开招商〔2023〕15号");
        info.date = QDate(2024, 1, 10);
        const QByteArray pdf = toPdf(buildNotice(fx().ledger, scheme(), report, info));
        QVERIFY(pdf.startsWith("%PDF-"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notice.pdf"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(pdf);
        f.close();
        QProcess p;
        p.start(pdftotext, {QStringLiteral("-layout"), path, QStringLiteral("-")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        // pdftotext may break a long line between table rows: compare without spaces and line ends.
        QString flat = text;
        flat.remove(QRegularExpression(QStringLiteral("\\s")));
        QVERIFY2(flat.contains(QStringLiteral("开招商〔2023〕15号")), qPrintable(text.left(400)));
        QVERIFY(flat.contains(QStringLiteral("关于2023年第4季度（累计）招商引资工作情况的通报")));
        QVERIFY(flat.contains(QStringLiteral("2024年1月10日")));
        QVERIFY(flat.contains(QStringLiteral("六、通报批评")));
        QVERIFY(flat.contains(QStringLiteral("虚构的新能源项目")));
        // Each unit's row of the ranking: a long name wraps inside its cell, but the figures after it
        // stand on the row's first line, in order.
        for (const UnitScore &u : report.units) {
            const TaskGroup *g = scheme().groupOf(u.unit);
            const QString figures = (g ? g->leader : QString()) + u.taskPoints.toString() + u.bonusPoints.toString()
                                    + u.total.toString() + QString::number(u.headcount) + u.pool.toString();
            QVERIFY2(flat.contains(figures), qPrintable(u.name + u' ' + figures));
        }
    }

    void fundsLedger()
    {
        const Sheet s = sheetOf(ExportTable::Funds);
        QCOMPARE(s.headers,
                 QStringList({QStringLiteral("序号"), QStringLiteral("到位日期"), QStringLiteral("企业"), QStringLiteral("类别"),
                              QStringLiteral("金额（万元）"), QStringLiteral("金额（万美元）"), QStringLiteral("付款方"),
                              QStringLiteral("证明材料数"), QStringLiteral("责任单位"), QStringLiteral("认定状态")}));
        const QList<QList<Cell>> rows = recordRows(s);
        QCOMPARE(rows.size(), 2);
        const QList<Cell> &rmb = rows[0];
        QCOMPARE(at(s, rmb, "到位日期"), Cell::ofDate(QDate(2023, 7, 1)));
        QCOMPARE(at(s, rmb, "企业").value, QStringLiteral("新乡某精细化工有限公司"));
        QCOMPARE(at(s, rmb, "类别").value, QStringLiteral("省外资金"));
        QCOMPARE(at(s, rmb, "金额（万元）").value, QStringLiteral("80000"));
        QCOMPARE(at(s, rmb, "金额（万美元）"), Cell());
        QCOMPARE(at(s, rmb, "证明材料数"), Cell::ofCount(1));
        const QList<Cell> &usd = rows[1];
        QCOMPARE(at(s, usd, "类别").value, QStringLiteral("外资资本金"));
        QCOMPARE(at(s, usd, "金额（万美元）").value, QStringLiteral("1.5"));
        QCOMPARE(at(s, usd, "金额（万元）"), Cell());
        // Each currency sums in its own column: no 80001.5 of mixed money.
        QCOMPARE(at(s, totalRow(s), "金额（万元）").value, QStringLiteral("80000"));
        QCOMPARE(at(s, totalRow(s), "金额（万美元）").value, QStringLiteral("1.5"));
        QCOMPARE(at(s, usd, "证明材料数"), Cell::ofCount(0));
        QCOMPARE(at(s, usd, "责任单位").value, QStringLiteral("招商服务局（行政审批局）"));
    }

    void tripsTable()
    {
        const Sheet s = sheetOf(ExportTable::Trips);
        QCOMPARE(s.headers,
                 QStringList({QStringLiteral("序号"), QStringLiteral("目的地"), QStringLiteral("出发日期"), QStringLiteral("返回日期"),
                              QStringLiteral("天数"), QStringLiteral("人员"), QStringLiteral("围绕产业"), QStringLiteral("拜访企业数"),
                              QStringLiteral("拜访机构数"), QStringLiteral("机构明细"), QStringLiteral("认定状态")}));
        const QList<QList<Cell>> rows = recordRows(s);
        QCOMPARE(rows.size(), 1);
        const QList<Cell> &t = rows[0];
        QCOMPARE(at(s, totalRow(s), "天数"), Cell::ofCount(4));
        QCOMPARE(at(s, totalRow(s), "拜访机构数"), Cell::ofCount(2));
        QCOMPARE(at(s, t, "目的地").value, QStringLiteral("上海"));
        QCOMPARE(at(s, t, "出发日期"), Cell::ofDate(QDate(2023, 4, 10)));
        QCOMPARE(at(s, t, "返回日期"), Cell::ofDate(QDate(2023, 4, 13)));
        QCOMPARE(at(s, t, "天数"), Cell::ofCount(4));
        QCOMPARE(at(s, t, "人员").value, QStringLiteral("赵六"));
        QCOMPARE(at(s, t, "围绕产业").value, QStringLiteral("精细化工"));
        QCOMPARE(at(s, t, "拜访企业数"), Cell::ofCount(1));
        QCOMPARE(at(s, t, "拜访机构数"), Cell::ofCount(2));
        QCOMPARE(at(s, t, "机构明细").value,
                 QStringLiteral("中国石油和化学工业联合会（国家级行业协会）、中国科学院过程工程研究所（国家级科研机构）"));
        QCOMPARE(at(s, t, "认定状态").value, QStringLiteral("已认定"));
    }

    void tripsCountVisitsLinkedEitherWay()
    {
        // A visit may name its trip before the trip's own list has it (set on another tablet, or
        // not saved again since). Each visit counts once, on the trip it names, or else on the
        // trip that lists it; listed ids that are not visits in the ledger do not count.
        const Trip &trip = fx().trip;
        auto count = [&](const Ledger &l) {
            const Sheet s = buildSheet(ExportTable::Trips, l, scheme(), {}, nullptr);
            const QList<QList<Cell>> rows = recordRows(s);
            return rows.size() == 1 ? at(s, rows[0], "拜访企业数") : Cell();
        };
        Ledger l = fx().ledger;
        QCOMPARE(count(l), Cell::ofCount(1)); // the listed one
        Visit listedAndNaming = fx().onTrip;
        listedAndNaming.trip = trip.meta.id;
        Visit namingOnly = fx().onTrip;
        namingOnly.meta.id = RecordId::create();
        namingOnly.trip = trip.meta.id;
        Visit elsewhere = fx().onTrip; // another trip's visit
        elsewhere.meta.id = RecordId::create();
        elsewhere.trip = RecordId::create();
        for (Record r : std::initializer_list<Record>{listedAndNaming, namingOnly, elsewhere})
            l.upsert(std::move(r));
        QCOMPARE(count(l), Cell::ofCount(2));
        // The listed visit moved to another trip: it no longer counts here.
        Visit moved = listedAndNaming;
        moved.trip = elsewhere.trip;
        l.upsert(Record(moved));
        QCOMPARE(count(l), Cell::ofCount(1));
        // A listed id whose visit was deleted does not count either.
        Ledger deleted = fx().ledger;
        deleted.remove(fx().onTrip.meta.id);
        QCOMPARE(count(deleted), Cell::ofCount(0));
    }

    void scoreNotice()
    {
        const ScoreReport report = score(scheme(), fx().ledger, Period{2023, 4, false});
        QVERIFY(report.problems.isEmpty());
        const Sheet s = buildSheet(ExportTable::ScoreNotice, fx().ledger, scheme(), {}, &report);
        QCOMPARE(s.title, QStringLiteral("招商引资工作情况通报"));
        QCOMPARE(s.subtitle, QStringLiteral("2023年第4季度（累计）"));
        QCOMPARE(s.headers,
                 QStringList({QStringLiteral("排名"), QStringLiteral("单位"), QStringLiteral("分管领导"), QStringLiteral("任务得分"),
                              QStringLiteral("加分"), QStringLiteral("总分"), QStringLiteral("人数"), QStringLiteral("总分值"),
                              QStringLiteral("评先资格")}));
        QCOMPARE(s.rows.size(), qsizetype(report.units.size()));
        for (qsizetype i = 0; i < s.rows.size(); ++i) { // the report's order, figure for figure
            const UnitScore &u = report.units[std::size_t(i)];
            QCOMPARE(at(s, s.rows[i], "排名"), Cell::ofCount(u.rank));
            QCOMPARE(at(s, s.rows[i], "单位").value, u.name);
            QCOMPARE(at(s, s.rows[i], "总分"), Cell::ofPoints(u.total));
            QCOMPARE(at(s, s.rows[i], "总分值"), Cell::ofPoints(u.pool));
        }
        // PGO and PLC tie first on G1's 3.9 (see Fixture); the ranking puts them on top.
        QCOMPARE(column(s, QStringLiteral("排名")).mid(0, 2), QStringList({QStringLiteral("1"), QStringLiteral("1")}));
        const QList<Cell> &pgo = rowNamed(s, QStringLiteral("单位"), QStringLiteral("党政办公室"));
        QCOMPARE(at(s, pgo, "分管领导").value, QStringLiteral("汪新文"));
        QCOMPARE(at(s, pgo, "任务得分").value, QStringLiteral("3.9"));
        QCOMPARE(at(s, pgo, "加分").value, QStringLiteral("0"));
        QCOMPARE(at(s, pgo, "总分").value, QStringLiteral("3.9"));
        QCOMPARE(at(s, pgo, "人数"), Cell::ofCount(8));
        QCOMPARE(at(s, pgo, "总分值").value, QStringLiteral("31.2"));
        QCOMPARE(at(s, pgo, "评先资格").value, QStringLiteral("是"));
        const QList<Cell> &plc = rowNamed(s, QStringLiteral("单位"), QStringLiteral("规划建设局"));
        QCOMPARE(at(s, plc, "总分").value, QStringLiteral("3.9"));
        QVERIFY(at(s, plc, "评先资格").value.startsWith(QStringLiteral("提供虚假信息")));
        const QList<Cell> &isb = rowNamed(s, QStringLiteral("单位"), QStringLiteral("招商服务局（行政审批局）"));
        QCOMPARE(at(s, isb, "分管领导").value, QStringLiteral("李东胜"));
        QCOMPARE(at(s, isb, "评先资格").value, QStringLiteral("按方案规定不参与评选"));
        QCOMPARE(column(s, QStringLiteral("单位")).last(), report.units.back().name);

        QCOMPARE(s.footnotes.value(0), QStringLiteral("招商引资先进集体：党政办公室"));
        const QString individuals = s.footnotes.value(1);
        QVERIFY(individuals.startsWith(QStringLiteral("招商引资先进个人：")));
        QCOMPARE(report.awards.individuals.size(), 2);
        for (const PersonId &id : report.awards.individuals) {
            const PersonScore *p = report.person(id);
            QVERIFY(individuals.contains(p->name + QStringLiteral("（党政办公室，分值 ") + p->share.toString() + QStringLiteral("）")));
        }

        const Sheet one = buildSheet(ExportTable::ScoreNotice, fx().ledger, scheme(), {unit("EDS"), {}, {}}, &report);
        QCOMPARE(column(one, QStringLiteral("单位")), QStringList({QStringLiteral("经济发展统计局")}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 (void)buildSheet(ExportTable::ScoreNotice, fx().ledger, scheme(), {}, nullptr));
    }

    void csvIsUtf8WithBomAndRoundTrips()
    {
        const Sheet s = sheetOf(ExportTable::ProjectsInTalks);
        const QByteArray csv = toCsv(s);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        QVERIFY(!csv.mid(3).startsWith("\xEF\xBB\xBF"));
        const QString text = QString::fromUtf8(csv.mid(3));
        QVERIFY(text.startsWith(s.headers.join(u',') + QStringLiteral("\r\n"))); // header first, no title line
        QVERIFY(!text.contains(s.title));
        bool ok = false;
        const QList<QStringList> parsed = parseCsv(text, &ok);
        QVERIFY(ok);
        QCOMPARE(parsed.size(), s.rows.size() + 1);
        QCOMPARE(parsed[0], s.headers);
        for (qsizetype r = 0; r < s.rows.size(); ++r) {
            QCOMPARE(parsed[r + 1].size(), s.headers.size());
            for (qsizetype c = 0; c < s.headers.size(); ++c) {
                const Cell &cell = s.rows[r][c];
                QString expected = cell.toString();
                if (cell.kind == CellKind::Text && expected.startsWith(u'='))
                    expected.prepend(u'\'');
                QCOMPARE(parsed[r + 1][c], expected);
            }
        }
        // Quotes, comma and newline survive; Chinese text is intact; the formula is defused.
        QCOMPARE(parsed[1][s.headers.indexOf(QStringLiteral("备注"))], QStringLiteral("对方称\"年底前\"决策,\n需再次拜访"));
        QVERIFY(csv.contains("\"对方称\"\"年底前\"\"决策,\n需再次拜访\""));
        QCOMPARE(parsed[1][s.headers.indexOf(QStringLiteral("总投资（万元）"))], QStringLiteral("1.5"));
        QCOMPARE(parsed[2][1], QStringLiteral("'=SUM(A1:A2)"));
        QVERIFY(!csv.contains(",=SUM"));
        QVERIFY(csv.contains("2023-03-15"));

        const QByteArray signedCsv = toCsv(sheetOf(ExportTable::SignedProjects));
        QVERIFY(signedCsv.contains(",80000,"));
        QVERIFY(signedCsv.contains(",已认定虚假,"));
    }

    void csvGuardsFormulasButNotNumbers()
    {
        Sheet s;
        s.title = QStringLiteral("测试");
        s.headers = {QStringLiteral("名称,\"别名\""), QStringLiteral("b")};
        s.rows = {{Cell::ofText(QStringLiteral("=1+1")), Cell::ofText(QStringLiteral("+86 138")), Cell::ofText(QStringLiteral("-危险")),
                   Cell::ofText(QStringLiteral("@SUM(1)")), Cell::ofText(QStringLiteral("\tx")), Cell::ofText(QStringLiteral("正常 =1")),
                   Cell::ofPoints(*Points::parse(u"-0.5")), Cell::ofDate(QDate(2023, 10, 8)), Cell(),
                   Cell::ofText(QStringLiteral("=\"a,b\""))}};
        const QByteArray csv = toCsv(s);
        const QByteArray expected = "\xEF\xBB\xBF\"名称,\"\"别名\"\"\",b\r\n"
                                    "'=1+1,'+86 138,'-危险,'@SUM(1),'\tx,正常 =1,-0.5,2023-10-08,,\"'=\"\"a,b\"\"\"\r\n";
        QCOMPARE(csv, expected);
    }

    void xlsxIsARealWorkbook()
    {
        const Sheet s = sheetOf(ExportTable::SignedProjects);
        const QByteArray xlsx = toXlsx(s);
        QVERIFY(xlsx.size() > 1000);
        QVERIFY(xlsx.startsWith(QByteArrayLiteral("PK\x03\x04")));
        QVERIFY(xlsx.contains("xl/worksheets/sheet1.xml"));
        QVERIFY(xlsx.contains("xl/sharedStrings.xml"));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("signed.xlsx"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(xlsx), xlsx.size());
        f.close();
        const auto sheetXml = zipEntry(path, QStringLiteral("xl/worksheets/sheet1.xml"));
        if (!sheetXml)
            QSKIP("neither unzip nor python3 is available to look inside the workbook");
        const auto strings = zipEntry(path, QStringLiteral("xl/sharedStrings.xml"));
        QVERIFY(strings);
        const QString shared = QString::fromUtf8(*strings);
        for (const QString &text : {s.title, QStringLiteral("项目名称"), QStringLiteral("签约日期"), fx().a.name,
                                    QStringLiteral("已认定虚假")})
            QVERIFY2(shared.contains(text), qPrintable(text));
        QVERIFY(shared.contains(QStringLiteral("李四&lt;script&gt;")));
        // 16 columns: title merged A1:P1, filter on the header row (3) to the last row (7), frozen below it.
        // Row 4 is A, row 5 the 合计, row 6 the revoked block's heading across the table, row 7 D.
        QVERIFY2(sheetXml->contains("<mergeCell ref=\"A1:P1\"/>"), sheetXml->constData());
        QVERIFY(sheetXml->contains("<mergeCell ref=\"A6:P6\"/>"));
        QVERIFY(sheetXml->contains("<autoFilter ref=\"A3:P7\"/>"));
        QVERIFY(shared.contains(QStringLiteral("合计（1条）")));
        QVERIFY(sheetXml->contains("state=\"frozen\""));
        QVERIFY(sheetXml->contains("<v>80000</v>")); // 8亿 as the number 80000 (万元)
        QVERIFY(sheetXml->contains("<v>45056</v>")); // 2023-05-10 as an Excel date serial
        const auto styles = zipEntry(path, QStringLiteral("xl/styles.xml"));
        QVERIFY(styles && styles->contains("formatCode=\"yyyy-mm-dd\""));
        QVERIFY(styles->contains("formatCode=\"#,##0.00\""));

        const QByteArray small = toXlsx(sheetOf(ExportTable::ProjectsInTalks));
        QVERIFY(QFile(path).remove());
        QFile g(path);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write(small);
        g.close();
        QVERIFY(zipEntry(path, QStringLiteral("xl/worksheets/sheet1.xml"))->contains("<v>1.5</v>"));

        const ScoreReport report = score(scheme(), fx().ledger, Period{2023, 4, false});
        const QByteArray notice = toXlsx(buildSheet(ExportTable::ScoreNotice, fx().ledger, scheme(), {}, &report));
        QVERIFY(QFile(path).remove());
        QFile h(path);
        QVERIFY(h.open(QIODevice::WriteOnly));
        h.write(notice);
        h.close();
        QVERIFY(zipEntry(path, QStringLiteral("xl/sharedStrings.xml"))->contains("招商引资先进集体：党政办公室"));
        QVERIFY(zipEntry(path, QStringLiteral("xl/styles.xml"))->contains("formatCode=\"0.0000\""));
    }

    void xlsxFailureIsAnException()
    {
        // Excel cannot hold more than 32,767 characters in a cell; libxlsxwriter says so.
        Sheet s;
        s.title = QStringLiteral("过长");
        s.headers = {QStringLiteral("备注")};
        s.rows = {{Cell::ofText(QString(40000, u'字'))}};
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, (void)toXlsx(s));
        // A one-column sheet (nothing to merge) still writes.
        s.rows = {{Cell::ofText(QStringLiteral("短"))}};
        QVERIFY(toXlsx(s).startsWith("PK"));
    }

    void statusPageIsSelfContainedAndEscaped()
    {
        const ScoreReport cumulative = score(scheme(), fx().ledger, Period{2023, 4, false});
        const ScoreReport alone = score(scheme(), fx().ledger, Period{2023, 4, true});
        const QByteArray bytes = statusPage(scheme(), cumulative, alone, QDateTime(QDate(2023, 12, 20), QTime(1, 30), Qt::UTC));
        const QString page = QString::fromUtf8(bytes);
        QVERIFY(page.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(page.contains(QStringLiteral("<meta charset=\"utf-8\">")));
        QVERIFY(page.contains(QStringLiteral("<meta http-equiv=\"refresh\" content=\"300\">")));
        QVERIFY(page.contains(scheme().title));
        QVERIFY(page.contains(QStringLiteral("2023年第4季度（累计）")));
        QVERIFY(page.contains(QStringLiteral("2023-12-20 09:30"))); // local time (TZ=Asia/Shanghai)
        for (const SchemeUnit &u : scheme().units)
            QVERIFY2(page.contains(u.name.toHtmlEscaped()), qPrintable(u.name));
        // A person's name is text, never markup.
        QVERIFY(page.contains(QStringLiteral("李四&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")));
        QVERIFY(!page.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
        // Works offline: nothing fetched from anywhere.
        QVERIFY(!page.contains(QStringLiteral("http://")));
        QVERIFY(!page.contains(QStringLiteral("https://")));
        QVERIFY(!page.contains(QStringLiteral("<link"), Qt::CaseInsensitive));
        QVERIFY(!page.contains(QStringLiteral(" src="), Qt::CaseInsensitive));
        QVERIFY(!page.contains(QStringLiteral("url("), Qt::CaseInsensitive));
        // Each target's bar: signed investment 8亿 of 120亿 is 6.7% (6.666…, rounded half up, not cut
        // to 6.6%), funds 8亿 of 56亿 14.3% (14.28…), the map not done 0.0%.
        const auto target = [&page](const QString &name) {
            return page.section(QStringLiteral("<div class=\"name\">") + name + QStringLiteral("</div>"), 1, 1)
                .section(QStringLiteral("<div class=\"target"), 0, 0);
        };
        QVERIFY(target(QStringLiteral("签约项目总投资")).contains(QStringLiteral("style=\"width:6.7%\"")));
        QVERIFY(target(QStringLiteral("签约项目总投资")).contains(QStringLiteral("8亿元 / 120亿元")));
        QVERIFY(target(QStringLiteral("实际到位省（市）外资金")).contains(QStringLiteral("style=\"width:14.3%\"")));
        QVERIFY(target(QStringLiteral("实际吸收外资资本金")).contains(QStringLiteral("1.5万美元 / 1011万美元")));
        QVERIFY(target(QStringLiteral("完成绘制招商图谱")).contains(QStringLiteral("style=\"width:0.0%\"")));
        QVERIFY(target(QStringLiteral("签约5亿元以上项目（列入省台账2个）")).contains(QStringLiteral("其中 0 / 2")));
        // PGO's October lead is this quarter's movement: +0.1 on its own.
        const QString pgoRow = page.section(QStringLiteral("<td>党政办公室</td>"), 1, 1).section(QStringLiteral("</tr>"), 0, 0);
        QVERIFY2(pgoRow.contains(QStringLiteral("+0.1</span>")), qPrintable(pgoRow));
        QVERIFY(pgoRow.contains(QStringLiteral(">3.9<")));
        QVERIFY(pgoRow.contains(QStringLiteral(">是<")));
        QVERIFY(page.contains(QStringLiteral("<dd>党政办公室</dd>")));
        // By task: G1's 小计 is its task score, 3.9.
        const QString tasks = page.section(QStringLiteral("<h2>任务完成情况</h2>"), 1, 1).section(QStringLiteral("</section>"), 0, 0);
        QVERIFY2(tasks.contains(QStringLiteral("<td class=\"total\">G1 小计</td>")), qPrintable(tasks.left(600)));
        QVERIFY(tasks.section(QStringLiteral("G1 小计"), 1, 1).section(QStringLiteral("</tr>"), 0, 0).contains(QStringLiteral(">3.9<")));
        // Leads by month: G1 (PGO and PLC) has April's and October's lead counted, each month short of 4.
        const QString leads = page.section(QStringLiteral("<h2>有价值招商信息（按月）</h2>"), 1, 1).section(QStringLiteral("</table>"), 0, 0);
        const QString g1 = leads.section(QStringLiteral("<tr><td>G1</td>"), 1, 1).section(QStringLiteral("</tr>"), 0, 0);
        QStringList months;
        for (const QString &cell : g1.split(QStringLiteral("</td>"), Qt::SkipEmptyParts))
            if (cell.contains(QStringLiteral("class=\"num")))
                months << cell.section(u'>', -1);
        QCOMPARE(months.size(), 12);
        QCOMPARE(months.at(3), QStringLiteral("1/4"));
        QCOMPARE(months.at(9), QStringLiteral("1/4"));
        QCOMPARE(months.count(QStringLiteral("0/4")), 10);
        QVERIFY(g1.contains(QStringLiteral("<td class=\"num no\">1/4</td>")));
    }
};

QTEST_GUILESS_MAIN(TestExports)
#include "tst_exports.moc"
