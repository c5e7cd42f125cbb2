// Laying out the office's tables from the ledger, and writing them as CSV and .xlsx.
#include "exports.h"

#include "ledger/recognition.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QTemporaryFile>

#include <xlsxwriter.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <tuple>
#include <vector>

using namespace ledger;

namespace syncserver {

// ---- tables and their keys ---------------------------------------------------------------------

QList<ExportTable> allExportTables()
{
    return {ExportTable::ProjectsInTalks, ExportTable::SignedProjects, ExportTable::StartedProjects, ExportTable::Leads,
            ExportTable::Funds,           ExportTable::Trips,          ExportTable::ScoreNotice};
}

QString exportTableKey(ExportTable table)
{
    switch (table) {
    case ExportTable::ProjectsInTalks: return QStringLiteral("projects_in_talks");
    case ExportTable::SignedProjects: return QStringLiteral("signed_projects");
    case ExportTable::StartedProjects: return QStringLiteral("started_projects");
    case ExportTable::Leads: return QStringLiteral("leads");
    case ExportTable::Funds: return QStringLiteral("funds");
    case ExportTable::Trips: return QStringLiteral("trips");
    case ExportTable::ScoreNotice: return QStringLiteral("score_notice");
    }
    return QString(); // not a valid enumerator
}

std::optional<ExportTable> exportTableFromKey(QStringView key)
{
    for (ExportTable t : allExportTables())
        if (key == exportTableKey(t))
            return t;
    return std::nullopt;
}

QString exportTableTitle(ExportTable table)
{
    switch (table) {
    case ExportTable::ProjectsInTalks: return QStringLiteral("在谈项目表");
    case ExportTable::SignedProjects: return QStringLiteral("签约项目表");
    case ExportTable::StartedProjects: return QStringLiteral("开工项目表");
    case ExportTable::Leads: return QStringLiteral("招商信息台账");
    case ExportTable::Funds: return QStringLiteral("到位资金台账");
    case ExportTable::Trips: return QStringLiteral("外出招商情况统计表");
    case ExportTable::ScoreNotice: return QStringLiteral("招商引资工作情况通报");
    }
    return QString(); // not a valid enumerator
}

// ---- cells -------------------------------------------------------------------------------------

namespace {

// value / 10^decimals as exact decimal text, trailing zeros of the fraction dropped.
QString scaledDecimal(std::int64_t value, std::int64_t scale, int decimals)
{
    const bool negative = value < 0;
    const std::uint64_t mag = negative ? std::uint64_t(0) - std::uint64_t(value) : std::uint64_t(value);
    QString out = QString::number(mag / std::uint64_t(scale));
    QString frac = QString::number(mag % std::uint64_t(scale)).rightJustified(decimals, u'0');
    while (!frac.isEmpty() && frac.endsWith(u'0'))
        frac.chop(1);
    if (!frac.isEmpty())
        out += u'.' + frac;
    return negative ? u'-' + out : out;
}

} // namespace

Cell Cell::ofText(QString text)
{
    Cell c;
    c.kind = CellKind::Text;
    c.value = std::move(text);
    return c;
}

Cell Cell::ofCount(qint64 n)
{
    Cell c;
    c.kind = CellKind::Number;
    c.value = QString::number(n);
    c.format = NumberFormat::Count;
    return c;
}

Cell Cell::ofWan(const Money &amount)
{
    // 1万 is 10,000 major units = 1,000,000 minor units, so 6 decimals keep every fen (or cent).
    Cell c;
    c.kind = CellKind::Number;
    c.value = scaledDecimal(amount.minor, 1000000, 6);
    c.format = NumberFormat::WanYuan;
    return c;
}

Cell Cell::ofPoints(Points points)
{
    Cell c;
    c.kind = CellKind::Number;
    c.value = points.toString();
    c.format = NumberFormat::Points;
    return c;
}

Cell Cell::ofDate(QDate date)
{
    Cell c;
    if (!date.isValid())
        return c;
    c.kind = CellKind::Date;
    c.date = date;
    return c;
}

QString Cell::toString() const
{
    switch (kind) {
    case CellKind::Empty: return QString();
    case CellKind::Text:
    case CellKind::Number: return value;
    case CellKind::Date: return date.toString(QStringLiteral("yyyy-MM-dd"));
    }
    return QString(); // not a valid enumerator
}

// ---- building the sheets -----------------------------------------------------------------------

namespace {

const QString kListSep = QStringLiteral("、");

QString reviewStateName(ReviewState s)
{
    switch (s) {
    case ReviewState::Submitted: return QStringLiteral("待认定");
    case ReviewState::Recognised: return QStringLiteral("已认定");
    case ReviewState::Returned: return QStringLiteral("已退回");
    case ReviewState::Revoked: return QStringLiteral("已认定虚假");
    }
    return QString(); // not a valid enumerator
}

QString institutionName(InstitutionCategory c)
{
    switch (c) {
    case InstitutionCategory::NationalResearchInstitution: return QStringLiteral("国家级科研机构");
    case InstitutionCategory::IndustrialInvestmentInstitution: return QStringLiteral("重点产业投资机构");
    case InstitutionCategory::WellKnownEntrepreneur: return QStringLiteral("行业知名企业家");
    case InstitutionCategory::NationalIndustryAssociation: return QStringLiteral("国家级行业协会");
    }
    return QString(); // not a valid enumerator
}

QString fundsKindName(FundsKind k)
{
    switch (k) {
    case FundsKind::OutsideProvinceRmb: return QStringLiteral("省外资金");
    case FundsKind::ForeignCapitalUsd: return QStringLiteral("外资资本金");
    case FundsKind::ForeignCapitalIncreaseUsd: return QStringLiteral("外资增资");
    }
    return QString(); // not a valid enumerator
}

QString currencyName(Currency c) { return c == Currency::CNY ? QStringLiteral("人民币") : QStringLiteral("美元"); }

QString yesNo(bool b) { return b ? QStringLiteral("是") : QStringLiteral("否"); }

QString unitName(const Scheme &scheme, const UnitCode &code)
{
    if (const SchemeUnit *u = scheme.unit(code))
        return u->name;
    return code.code(); // not in the scheme: show the code rather than nothing
}

// An unknown key is shown as it is, so a typo is visible rather than blank.
QString industryName(const Scheme &scheme, const QString &key)
{
    if (const Industry *i = scheme.industry(key))
        return i->name;
    return key;
}

QString personName(const Ledger &ledger, const PersonId &id)
{
    if (const Person *p = ledger.person(id); p && !p->name.isEmpty())
        return p->name;
    return id.toString();
}

QString personNames(const Ledger &ledger, const QList<PersonId> &ids)
{
    QStringList names;
    for (const PersonId &id : ids)
        names << personName(ledger, id);
    return names.join(kListSep);
}

// Why a record was sent back or revoked, and by whom, so the table answers the question it raises.
QString reviewNote(const Ledger &ledger, const Review &review, const QString &what = QString())
{
    QString label;
    if (review.state == ReviewState::Returned)
        label = QStringLiteral("退回");
    else if (review.state == ReviewState::Revoked)
        label = QStringLiteral("认定虚假");
    else
        return QString();
    QString note = what + label;
    if (!review.reason.isEmpty())
        note += QStringLiteral("：") + review.reason;
    QStringList by;
    if (!review.reviewer.isNull())
        by << QStringLiteral("审核人 ") + personName(ledger, review.reviewer);
    if (review.at.isValid())
        by << review.at.toLocalTime().date().toString(QStringLiteral("yyyy-MM-dd"));
    if (!by.isEmpty())
        note += QStringLiteral("（") + by.join(QStringLiteral("，")) + QStringLiteral("）");
    return note;
}

QString joinNonEmpty(const QStringList &parts)
{
    QStringList kept;
    for (const QString &p : parts)
        if (!p.isEmpty())
            kept << p;
    return kept.join(QStringLiteral("；"));
}

bool inRange(const ExportFilter &f, QDate date)
{
    if (f.from.isValid() && (!date.isValid() || date < f.from))
        return false;
    if (f.to.isValid() && (!date.isValid() || date > f.to))
        return false;
    return true;
}

bool admits(const ExportFilter &f, const RecordMeta &meta, QDate date)
{
    if (f.unit && meta.credit.unit != *f.unit)
        return false;
    return inRange(f, date);
}

QString filterSubtitle(const Scheme &scheme, const ExportFilter &f)
{
    const auto day = [](QDate d) { return d.isValid() ? d.toString(QStringLiteral("yyyy-MM-dd")) : QStringLiteral("不限"); };
    QString s = QStringLiteral("统计期间：") + day(f.from) + QStringLiteral(" 至 ") + day(f.to) + QStringLiteral("　单位：");
    s += f.unit ? unitName(scheme, *f.unit) : QStringLiteral("全部单位");
    return s;
}

// A row waiting for its place: sorted by event date, then name, then record id (so equal rows
// still come out in the same order every time), then numbered.
struct PendingRow
{
    QDate date;
    QString name;
    QString id;
    QList<Cell> cells;
};

void appendSorted(Sheet &sheet, std::vector<PendingRow> rows)
{
    std::sort(rows.begin(), rows.end(), [](const PendingRow &a, const PendingRow &b) {
        if (a.date != b.date)
            return a.date < b.date;
        if (const int c = a.name.compare(b.name); c != 0)
            return c < 0;
        return a.id < b.id;
    });
    qint64 n = 0;
    for (PendingRow &r : rows) {
        r.cells.prepend(Cell::ofCount(++n));
        sheet.rows.append(std::move(r.cells));
    }
}

void recordFootnote(Sheet &sheet)
{
    sheet.footnotes << QStringLiteral("共 %1 条。认定状态为“已认定”的记录方计入考核；认定虚假的记录不计分，保留备查。").arg(sheet.rows.size());
}

const QStringList &projectHeaders()
{
    static const QStringList h = {QStringLiteral("项目名称"),  QStringLiteral("投资企业"),  QStringLiteral("统一社会信用代码"),
                                  QStringLiteral("所属产业"),  QStringLiteral("总投资（万元）"), QStringLiteral("化工项目"),
                                  QStringLiteral("列入省台账"), QStringLiteral("外资项目"),  QStringLiteral("转型升级/承接转移")};
    return h;
}

// The project's own columns, shared by the three project tables (project may be missing when a
// milestone arrived before its project in sync; the row stays, with the gap visible).
QList<Cell> projectCells(const Project *p, const Ledger &ledger, const Scheme &scheme)
{
    if (!p)
        return QList<Cell>(projectHeaders().size());
    const Enterprise *e = ledger.enterprise(p->enterprise);
    return {Cell::ofText(p->name),
            Cell::ofText(e ? e->name : QString()),
            Cell::ofText(e ? e->creditCode : QString()),
            Cell::ofText(industryName(scheme, p->industry)),
            Cell::ofWan(p->investment),
            Cell::ofText(yesNo(p->chemical)),
            Cell::ofText(yesNo(p->provincialLedger)),
            Cell::ofText(yesNo(p->foreignFunded)),
            Cell::ofText(yesNo(p->upgradeTransfer))};
}

Sheet projectsInTalks(const Ledger &ledger, const Scheme &scheme, const ExportFilter &f)
{
    Sheet sheet;
    sheet.headers << QStringLiteral("序号") << projectHeaders() << QStringLiteral("洽谈开始日期") << QStringLiteral("责任单位")
                  << QStringLiteral("责任人") << QStringLiteral("认定状态") << QStringLiteral("备注");

    // The earliest signing of each project, whatever its review state: a claimed signing puts the
    // project on the signed table (marked there), so each project is on exactly one of the two.
    QHash<RecordId, QDate> signedOn;
    for (const Record &r : ledger.records()) {
        const auto *m = std::get_if<Milestone>(&r);
        if (!m || m->stage != MilestoneStage::Signed)
            continue;
        auto it = signedOn.find(m->project);
        if (it == signedOn.end())
            signedOn.insert(m->project, m->date);
        else if (m->date.isValid() && (!it->isValid() || m->date < *it))
            *it = m->date;
    }

    std::vector<PendingRow> rows;
    for (const Record &r : ledger.records()) {
        const auto *p = std::get_if<Project>(&r);
        if (!p || !admits(f, p->meta, eventDate(r)))
            continue;
        // In talks as of the end of the period: a table for the second quarter printed in
        // December still shows what was in talks on June 30.
        if (const auto s = signedOn.constFind(p->meta.id); s != signedOn.constEnd()) {
            if (!f.to.isValid() || !s->isValid() || *s <= f.to)
                continue;
        }
        QList<Cell> cells = projectCells(p, ledger, scheme);
        cells << Cell::ofDate(p->talksSince) << Cell::ofText(unitName(scheme, p->meta.credit.unit))
              << Cell::ofText(personNames(ledger, p->meta.credit.people)) << Cell::ofText(reviewStateName(p->meta.review.state))
              << Cell::ofText(joinNonEmpty({p->notes, reviewNote(ledger, p->meta.review)}));
        rows.push_back({p->talksSince, p->name, p->meta.id.toString(), std::move(cells)});
    }
    appendSorted(sheet, std::move(rows));
    return sheet;
}

// Which of a project's milestones of one stage stands for it on the table: the one that counts
// before one waiting, before one returned, before one revoked; the earliest among equals.
int stateRank(ReviewState s)
{
    switch (s) {
    case ReviewState::Recognised: return 0;
    case ReviewState::Submitted: return 1;
    case ReviewState::Returned: return 2;
    case ReviewState::Revoked: return 3;
    }
    return 4;
}

Sheet projectsAtStage(MilestoneStage stage, const Ledger &ledger, const Scheme &scheme, const ExportFilter &f)
{
    const bool signing = stage == MilestoneStage::Signed;
    Sheet sheet;
    sheet.headers << QStringLiteral("序号") << projectHeaders()
                  << (signing ? QStringLiteral("签约日期") : QStringLiteral("开工日期"))
                  << (signing ? QStringLiteral("协议附件数") : QStringLiteral("证明材料数")) << QStringLiteral("责任单位")
                  << QStringLiteral("责任人") << QStringLiteral("认定状态") << QStringLiteral("备注");

    QHash<RecordId, const Milestone *> chosen; // project → its milestone on this table
    for (const Record &r : ledger.records()) {
        const auto *m = std::get_if<Milestone>(&r);
        if (!m || m->stage != stage || !admits(f, m->meta, eventDate(r)))
            continue;
        const Milestone *&slot = chosen[m->project];
        if (!slot) {
            slot = m;
            continue;
        }
        const auto key = [](const Milestone *x) { return std::tuple(stateRank(x->meta.review.state), x->date, x->meta.id); };
        if (key(m) < key(slot))
            slot = m;
    }

    std::vector<PendingRow> rows;
    for (auto it = chosen.cbegin(); it != chosen.cend(); ++it) {
        const Milestone *m = it.value();
        const Project *p = ledger.project(m->project);
        // The milestone is the record credited and recognised; a project revoked as false makes
        // its milestone count for nothing too (countsForScore), so the table says so.
        const bool projectRevoked = p && p->meta.review.state == ReviewState::Revoked;
        const ReviewState shown = projectRevoked ? ReviewState::Revoked : m->meta.review.state;
        QStringList notes = {m->notes.isEmpty() && p ? p->notes : m->notes, reviewNote(ledger, m->meta.review)};
        if (projectRevoked)
            notes << reviewNote(ledger, p->meta.review, QStringLiteral("项目"));
        if (!p)
            notes << QStringLiteral("项目记录 ") + m->project.toString() + QStringLiteral(" 尚未同步到台账");
        QList<Cell> cells = projectCells(p, ledger, scheme);
        cells << Cell::ofDate(m->date) << Cell::ofCount(m->evidence.size()) << Cell::ofText(unitName(scheme, m->meta.credit.unit))
              << Cell::ofText(personNames(ledger, m->meta.credit.people)) << Cell::ofText(reviewStateName(shown))
              << Cell::ofText(joinNonEmpty(notes));
        rows.push_back({m->date, p ? p->name : QString(), m->meta.id.toString(), std::move(cells)});
    }
    appendSorted(sheet, std::move(rows));
    return sheet;
}

Sheet leadsLedger(const Ledger &ledger, const Scheme &scheme, const ExportFilter &f)
{
    Sheet sheet;
    sheet.headers = {QStringLiteral("序号"),     QStringLiteral("报送月份"), QStringLiteral("企业名称"), QStringLiteral("投资意向"),
                     QStringLiteral("预计投资（万元）"), QStringLiteral("所属产业"), QStringLiteral("报送单位"), QStringLiteral("报送人"),
                     QStringLiteral("认定状态"), QStringLiteral("计入任务")};
    std::vector<PendingRow> rows;
    for (const Record &r : ledger.records()) {
        const auto *l = std::get_if<Lead>(&r);
        if (!l || !admits(f, l->meta, eventDate(r)))
            continue;
        QString enterprise = l->enterpriseName;
        if (enterprise.isEmpty() && l->enterprise)
            if (const Enterprise *e = ledger.enterprise(*l->enterprise))
                enterprise = e->name;
        // Counts toward the lead task: valuable and recognised (the monthly cap is the score's business).
        const bool counts = isValuableLead(*l) && countsForScore(r, ledger);
        QList<Cell> cells = {Cell::ofText(l->filed.isValid() ? l->filed.toString(QStringLiteral("yyyy-MM")) : QString()),
                             Cell::ofText(enterprise),
                             Cell::ofText(l->intention),
                             Cell::ofWan(l->expectedInvestment),
                             Cell::ofText(industryName(scheme, l->industry)),
                             Cell::ofText(unitName(scheme, l->meta.credit.unit)),
                             Cell::ofText(personNames(ledger, l->meta.credit.people)),
                             Cell::ofText(reviewStateName(l->meta.review.state)),
                             Cell::ofText(yesNo(counts))};
        rows.push_back({l->filed, enterprise, l->meta.id.toString(), std::move(cells)});
    }
    appendSorted(sheet, std::move(rows));
    return sheet;
}

Sheet fundsLedger(const Ledger &ledger, const Scheme &scheme, const ExportFilter &f)
{
    Sheet sheet;
    sheet.headers = {QStringLiteral("序号"), QStringLiteral("到位日期"),   QStringLiteral("企业"),     QStringLiteral("类别"),
                     QStringLiteral("金额（万元/万美元）"), QStringLiteral("币种"), QStringLiteral("付款方"), QStringLiteral("证明材料数"),
                     QStringLiteral("责任单位"), QStringLiteral("认定状态")};
    std::vector<PendingRow> rows;
    for (const Record &r : ledger.records()) {
        const auto *fa = std::get_if<FundsArrival>(&r);
        if (!fa || !admits(f, fa->meta, eventDate(r)))
            continue;
        const Enterprise *e = ledger.enterprise(fa->enterprise);
        const QString enterprise = e ? e->name : QString();
        QList<Cell> cells = {Cell::ofDate(fa->date),
                             Cell::ofText(enterprise),
                             Cell::ofText(fundsKindName(fa->kind)),
                             Cell::ofWan(fa->amount),
                             Cell::ofText(currencyName(fa->amount.currency)),
                             Cell::ofText(fa->payer),
                             Cell::ofCount(fa->proof.size()),
                             Cell::ofText(unitName(scheme, fa->meta.credit.unit)),
                             Cell::ofText(reviewStateName(fa->meta.review.state))};
        rows.push_back({fa->date, enterprise, fa->meta.id.toString(), std::move(cells)});
    }
    appendSorted(sheet, std::move(rows));
    return sheet;
}

Sheet tripsTable(const Ledger &ledger, const Scheme &scheme, const ExportFilter &f)
{
    Sheet sheet;
    sheet.headers = {QStringLiteral("序号"),     QStringLiteral("目的地"),     QStringLiteral("出发日期"),   QStringLiteral("返回日期"),
                     QStringLiteral("天数"),     QStringLiteral("人员"),       QStringLiteral("围绕产业"),   QStringLiteral("拜访企业数"),
                     QStringLiteral("拜访机构数"), QStringLiteral("机构明细"), QStringLiteral("认定状态")};
    std::vector<PendingRow> rows;
    const QHash<RecordId, QSet<RecordId>> visits = visitsByTrip(ledger);
    for (const Record &r : ledger.records()) {
        const auto *t = std::get_if<Trip>(&r);
        if (!t || !admits(f, t->meta, eventDate(r)))
            continue;
        QStringList industries;
        for (const QString &key : t->industries)
            industries << industryName(scheme, key);
        QStringList institutions;
        for (const InstitutionVisit &iv : t->institutions)
            institutions << iv.name + QStringLiteral("（") + institutionName(iv.category) + QStringLiteral("）");
        const bool dated = t->start.isValid() && t->end.isValid();
        QList<Cell> cells = {Cell::ofText(t->destination),
                             Cell::ofDate(t->start),
                             Cell::ofDate(t->end),
                             dated ? Cell::ofCount(t->start.daysTo(t->end) + 1) : Cell(),
                             Cell::ofText(personNames(ledger, t->members)),
                             Cell::ofText(industries.join(kListSep)),
                             Cell::ofCount(visits.value(t->meta.id).size()),
                             Cell::ofCount(t->institutions.size()),
                             Cell::ofText(institutions.join(kListSep)),
                             Cell::ofText(reviewStateName(t->meta.review.state))};
        rows.push_back({t->start, t->destination, t->meta.id.toString(), std::move(cells)});
    }
    appendSorted(sheet, std::move(rows));
    return sheet;
}

Sheet scoreNotice(const Scheme &scheme, const ExportFilter &f, const ScoreReport &report)
{
    Sheet sheet;
    sheet.subtitle = report.period.label();
    sheet.headers = {QStringLiteral("排名"), QStringLiteral("单位"), QStringLiteral("分管领导"), QStringLiteral("任务得分"),
                     QStringLiteral("加分"), QStringLiteral("总分"), QStringLiteral("人数"),     QStringLiteral("总分值"),
                     QStringLiteral("评先资格")};
    for (const UnitScore &u : report.units) { // already in rank order
        if (f.unit && u.unit != *f.unit)
            continue;
        const TaskGroup *g = scheme.groupOf(u.unit);
        sheet.rows.append({Cell::ofCount(u.rank), Cell::ofText(u.name.isEmpty() ? u.unit.code() : u.name),
                           Cell::ofText(g ? g->leader : QString()), Cell::ofPoints(u.taskPoints), Cell::ofPoints(u.bonusPoints),
                           Cell::ofPoints(u.total), Cell::ofCount(u.headcount), Cell::ofPoints(u.pool),
                           Cell::ofText(u.eligible ? QStringLiteral("是") : u.ineligibleBecause)});
    }

    const auto nameOfUnit = [&](const UnitCode &code) {
        const UnitScore *u = report.unit(code);
        return u && !u->name.isEmpty() ? u->name : unitName(scheme, code);
    };
    QStringList collective;
    for (const UnitCode &code : report.awards.collective)
        collective << nameOfUnit(code);
    QStringList individuals;
    for (const PersonId &id : report.awards.individuals) {
        const PersonScore *p = report.person(id);
        if (!p) {
            individuals << id.toString();
            continue;
        }
        individuals << (p->name.isEmpty() ? id.toString() : p->name) + QStringLiteral("（") + nameOfUnit(p->unit)
                           + QStringLiteral("，分值 ") + p->share.toString() + QStringLiteral("）");
    }
    const QString none = QStringLiteral("暂无");
    sheet.footnotes << QStringLiteral("招商引资先进集体：") + (collective.isEmpty() ? none : collective.join(kListSep))
                    << QStringLiteral("招商引资先进个人：") + (individuals.isEmpty() ? none : individuals.join(kListSep))
                    << QStringLiteral("总分 = 任务得分 + 加分；总分值 = 总分 × 人数，由单位按贡献分配到个人。");
    return sheet;
}

} // namespace

Sheet buildSheet(ExportTable table, const Ledger &ledger, const Scheme &scheme, const ExportFilter &filter,
                 const ScoreReport *report)
{
    Sheet sheet;
    switch (table) {
    case ExportTable::ProjectsInTalks: sheet = projectsInTalks(ledger, scheme, filter); break;
    case ExportTable::SignedProjects: sheet = projectsAtStage(MilestoneStage::Signed, ledger, scheme, filter); break;
    case ExportTable::StartedProjects: sheet = projectsAtStage(MilestoneStage::Started, ledger, scheme, filter); break;
    case ExportTable::Leads: sheet = leadsLedger(ledger, scheme, filter); break;
    case ExportTable::Funds: sheet = fundsLedger(ledger, scheme, filter); break;
    case ExportTable::Trips: sheet = tripsTable(ledger, scheme, filter); break;
    case ExportTable::ScoreNotice:
        if (!report)
            throw std::invalid_argument("the score notice needs a score report");
        sheet = scoreNotice(scheme, filter, *report);
        break;
    }
    sheet.title = exportTableTitle(table);
    if (table != ExportTable::ScoreNotice) {
        sheet.subtitle = filterSubtitle(scheme, filter);
        recordFootnote(sheet);
    }
    return sheet;
}

// ---- CSV ---------------------------------------------------------------------------------------

namespace {

// A spreadsheet opening the CSV would run a cell starting with these as a formula (tab and CR
// too, which some programs strip before looking).
bool looksLikeFormula(const QString &s)
{
    if (s.isEmpty())
        return false;
    const QChar c = s.front();
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

QString csvField(QString s)
{
    if (s.contains(u',') || s.contains(u'"') || s.contains(u'\n') || s.contains(u'\r')) {
        s.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return u'"' + s + u'"';
    }
    return s;
}

QString csvText(const QString &s) { return csvField(looksLikeFormula(s) ? u'\'' + s : s); }

} // namespace

QByteArray toCsv(const Sheet &sheet)
{
    QString out;
    QStringList fields;
    for (const QString &h : sheet.headers)
        fields << csvText(h);
    out += fields.join(u',') + QStringLiteral("\r\n");
    for (const QList<Cell> &row : sheet.rows) {
        fields.clear();
        for (const Cell &c : row)
            fields << (c.kind == CellKind::Text ? csvText(c.value) : csvField(c.toString()));
        out += fields.join(u',') + QStringLiteral("\r\n");
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + out.toUtf8();
}

// ---- xlsx --------------------------------------------------------------------------------------

namespace {

[[noreturn]] void fail(const char *what, lxw_error error)
{
    throw std::runtime_error(std::string("xlsx: ") + what + ": " + lxw_strerror(error));
}

void check(lxw_error error, const char *what)
{
    if (error != LXW_NO_ERROR)
        fail(what, error);
}

// East Asian wide characters take about two columns of Excel's width unit; a surrogate pair
// (CJK extension B) counts as two halves of one each.
bool isWide(char16_t u)
{
    return (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF) || (u >= 0xAC00 && u <= 0xD7A3)
           || (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60)
           || (u >= 0xFFE0 && u <= 0xFFE6);
}

int displayWidth(const QString &s)
{
    int widest = 0;
    int line = 0;
    for (const QChar c : s) {
        if (c == u'\n') {
            widest = std::max(widest, line);
            line = 0;
            continue;
        }
        line += isWide(c.unicode()) ? 2 : 1;
    }
    return std::max(widest, line);
}

// How wide a number looks once formatted ("#,##0.00" adds separators and two decimals).
int numberWidth(const Cell &c)
{
    QString whole = c.value.section(u'.', 0, 0);
    const bool negative = whole.startsWith(u'-');
    if (negative)
        whole.remove(0, 1);
    switch (c.format) {
    case NumberFormat::Count: return int(c.value.size());
    case NumberFormat::WanYuan: return int(whole.size() + (whole.size() - 1) / 3 + 3 + (negative ? 1 : 0));
    case NumberFormat::Points: return int(whole.size() + 5 + (negative ? 1 : 0));
    }
    return int(c.value.size());
}

struct WorkbookDeleter
{
    void operator()(lxw_workbook *wb) const { lxw_workbook_free(wb); }
};

// Excel's limit on a sheet name: 31 characters, none of []:*?/\ .
QByteArray sheetName(const QString &title)
{
    QString name;
    for (const QChar c : title)
        if (!QStringView(u"[]:*?/\\").contains(c))
            name += c;
    name = name.trimmed().left(31);
    while (name.startsWith(u'\''))
        name.remove(0, 1);
    while (name.endsWith(u'\''))
        name.chop(1);
    return (name.isEmpty() ? QStringLiteral("Sheet1") : name).toUtf8();
}

} // namespace

QByteArray toXlsx(const Sheet &sheet)
{
    QTemporaryFile file(QDir::tempPath() + QStringLiteral("/ledger-export-XXXXXX.xlsx"));
    if (!file.open())
        throw std::runtime_error("xlsx: cannot create a temporary file: " + file.errorString().toStdString());
    file.close(); // libxlsxwriter opens the path itself; the QTemporaryFile removes it afterwards
    const QByteArray path = QFile::encodeName(file.fileName());

    std::unique_ptr<lxw_workbook, WorkbookDeleter> wb(workbook_new(path.constData()));
    if (!wb)
        throw std::runtime_error("xlsx: cannot create the workbook");
    const QByteArray name = sheetName(sheet.title);
    lxw_worksheet *ws = workbook_add_worksheet(wb.get(), name.constData());
    if (!ws)
        throw std::runtime_error("xlsx: cannot add the worksheet \"" + name.toStdString() + "\"");

    lxw_format *titleFormat = workbook_add_format(wb.get());
    format_set_bold(titleFormat);
    format_set_font_size(titleFormat, 16);
    format_set_align(titleFormat, LXW_ALIGN_CENTER);
    format_set_align(titleFormat, LXW_ALIGN_VERTICAL_CENTER);
    lxw_format *subtitleFormat = workbook_add_format(wb.get());
    format_set_align(subtitleFormat, LXW_ALIGN_CENTER);
    format_set_align(subtitleFormat, LXW_ALIGN_VERTICAL_CENTER);
    lxw_format *headerFormat = workbook_add_format(wb.get());
    format_set_bold(headerFormat);
    format_set_border(headerFormat, LXW_BORDER_THIN);
    format_set_align(headerFormat, LXW_ALIGN_CENTER);
    format_set_align(headerFormat, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(headerFormat);
    format_set_pattern(headerFormat, LXW_PATTERN_SOLID);
    format_set_bg_color(headerFormat, 0xD9E1F2);
    const auto bodyFormat = [&](const char *numFormat) {
        lxw_format *f = workbook_add_format(wb.get());
        format_set_border(f, LXW_BORDER_THIN);
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        if (numFormat)
            format_set_num_format(f, numFormat);
        return f;
    };
    lxw_format *textFormat = bodyFormat(nullptr);
    format_set_text_wrap(textFormat);
    lxw_format *countFormat = bodyFormat("0");
    lxw_format *wanFormat = bodyFormat("#,##0.00");
    lxw_format *pointsFormat = bodyFormat("0.0000");
    lxw_format *dateFormat = bodyFormat("yyyy-mm-dd");
    format_set_align(dateFormat, LXW_ALIGN_CENTER);
    lxw_format *footFormat = workbook_add_format(wb.get());

    const lxw_col_t lastCol = lxw_col_t(std::max<qsizetype>(sheet.headers.size(), 1) - 1);
    const auto banner = [&](lxw_row_t row, const QString &text, lxw_format *format, const char *what) {
        const QByteArray utf8 = text.toUtf8();
        if (lastCol == 0) // libxlsxwriter refuses to merge a single cell
            check(worksheet_write_string(ws, row, 0, utf8.constData(), format), what);
        else
            check(worksheet_merge_range(ws, row, 0, row, lastCol, utf8.constData(), format), what);
    };
    constexpr lxw_row_t titleRow = 0, subtitleRow = 1, headerRow = 2, firstDataRow = 3;
    check(worksheet_set_row(ws, titleRow, 30, nullptr), "title row");
    banner(titleRow, sheet.title, titleFormat, "title");
    banner(subtitleRow, sheet.subtitle, subtitleFormat, "subtitle");

    std::vector<int> widths(std::size_t(lastCol) + 1, 0);
    for (qsizetype c = 0; c < sheet.headers.size(); ++c) {
        check(worksheet_write_string(ws, headerRow, lxw_col_t(c), sheet.headers[c].toUtf8().constData(), headerFormat), "header");
        widths[std::size_t(c)] = displayWidth(sheet.headers[c]);
    }

    lxw_row_t row = firstDataRow;
    for (const QList<Cell> &cells : sheet.rows) {
        for (qsizetype c = 0; c < cells.size(); ++c) {
            const Cell &cell = cells[c];
            const lxw_col_t col = lxw_col_t(c);
            int width = 0;
            switch (cell.kind) {
            case CellKind::Empty:
                check(worksheet_write_blank(ws, row, col, textFormat), "cell");
                break;
            case CellKind::Text: {
                // A string cell is never evaluated, so no formula guard is needed here.
                check(worksheet_write_string(ws, row, col, cell.value.toUtf8().constData(), textFormat), "cell");
                width = displayWidth(cell.value);
                break;
            }
            case CellKind::Number: {
                // The one place an exact decimal becomes a double: a spreadsheet number is one.
                bool ok = false;
                const double number = cell.value.toDouble(&ok);
                if (!ok)
                    throw std::runtime_error("xlsx: not a number: " + cell.value.toStdString());
                lxw_format *f = cell.format == NumberFormat::WanYuan ? wanFormat
                                : cell.format == NumberFormat::Points ? pointsFormat
                                                                      : countFormat;
                check(worksheet_write_number(ws, row, col, number, f), "cell");
                width = numberWidth(cell);
                break;
            }
            case CellKind::Date: {
                lxw_datetime dt{cell.date.year(), cell.date.month(), cell.date.day(), 0, 0, 0.0};
                check(worksheet_write_datetime(ws, row, col, &dt, dateFormat), "cell");
                width = 10;
                break;
            }
            }
            if (std::size_t(c) < widths.size())
                widths[std::size_t(c)] = std::max(widths[std::size_t(c)], width);
        }
        ++row;
    }
    const lxw_row_t lastDataRow = row - 1; // the header row when there is no data

    for (std::size_t c = 0; c < widths.size(); ++c)
        check(worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), std::clamp(widths[c] + 2, 6, 50), nullptr), "column width");
    check(worksheet_autofilter(ws, headerRow, 0, lastDataRow, lastCol), "autofilter");
    worksheet_freeze_panes(ws, firstDataRow, 0);

    row = lastDataRow + 2; // one blank row between the table and its notes
    for (const QString &note : sheet.footnotes)
        check(worksheet_write_string(ws, row++, 0, note.toUtf8().constData(), footFormat), "footnote");

    // Printed on A4 landscape, one page wide, the header row repeated on every page.
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    check(worksheet_repeat_rows(ws, headerRow, headerRow), "print titles");

    const lxw_error closed = workbook_close(wb.release()); // frees the workbook whatever happens
    if (closed != LXW_NO_ERROR)
        fail("cannot write the workbook", closed);

    QFile written(file.fileName());
    if (!written.open(QIODevice::ReadOnly))
        throw std::runtime_error("xlsx: cannot read back the workbook: " + written.errorString().toStdString());
    return written.readAll();
}

} // namespace syncserver
