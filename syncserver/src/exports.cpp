// Laying out the office's tables from the ledger: which records each lists, in which order, and
// with which columns.
#include "exports.h"

#include "exportnames.h"
#include "notice.h"

#include "ledger/caption.h"
#include "ledger/duplicates.h"
#include "ledger/recognition.h"

#include <QHash>

#include <algorithm>
#include <stdexcept>
#include <tuple>
#include <vector>

using namespace ledger;

namespace syncserver {

// ---- tables and their keys ---------------------------------------------------------------------

QList<ExportTable> allExportTables()
{
    return {ExportTable::ProjectsInTalks, ExportTable::SignedProjects, ExportTable::LandedProjects, ExportTable::StartedProjects,
            ExportTable::Leads,           ExportTable::Funds,          ExportTable::Trips,          ExportTable::ScoreNotice,
            ExportTable::PersonalShares};
}

QString exportTableKey(ExportTable table)
{
    switch (table) {
    case ExportTable::ProjectsInTalks: return QStringLiteral("projects_in_talks");
    case ExportTable::SignedProjects: return QStringLiteral("signed_projects");
    case ExportTable::LandedProjects: return QStringLiteral("landed_projects");
    case ExportTable::PersonalShares: return QStringLiteral("personal_shares");
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
    case ExportTable::LandedProjects: return QStringLiteral("落地项目表");
    case ExportTable::PersonalShares: return QStringLiteral("个人分值表");
    case ExportTable::StartedProjects: return QStringLiteral("开工项目表");
    case ExportTable::Leads: return QStringLiteral("招商信息台账");
    case ExportTable::Funds: return QStringLiteral("到位资金台账");
    case ExportTable::Trips: return QStringLiteral("外出招商情况统计表");
    case ExportTable::ScoreNotice: return QStringLiteral("招商引资工作情况通报");
    }
    return QString(); // not a valid enumerator
}

// ---- building the sheets -----------------------------------------------------------------------

namespace {

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

// Which block of a table a record's row goes in. Only the first is summed in the 合计 row, so a column
// summed in Excel over the first block gives the figure the score counts.
// A duplicate claim (one project, one credit), and a first filing whose credit moved to one, is
// listed apart: each project is summed once, by the filing that stands for it.
enum class Block { Counted, Waiting, Duplicate, Revoked };

Block blockOf(ReviewState shown, bool counts, bool duplicate = false)
{
    if (shown == ReviewState::Revoked)
        return Block::Revoked;
    if (duplicate)
        return Block::Duplicate;
    return counts ? Block::Counted : Block::Waiting;
}

QString headingOf(Block block)
{
    switch (block) {
    case Block::Waiting: return QStringLiteral("以下待认定或已退回，不计入合计");
    case Block::Duplicate: return QStringLiteral("以下为重复申报（一个项目一个功劳，按认定的归属计分），不计入合计");
    case Block::Revoked: return QStringLiteral("以下经认定为虚假信息，不计分、不计入合计，保留备查");
    case Block::Counted: break;
    }
    return QString();
}

// What the table says of a record that is part of a duplicate claim: the claim names the filing it
// claims and the decision; a first filing names the claims on it.
QString claimNote(const Ledger &ledger, const Scheme &scheme, const Claims &claims, const Record &record)
{
    const RecordMeta &meta = metaOf(record);
    const auto decision = [](const DuplicateClaim &c) {
        QString d = QString::fromUtf8(displayName(c.decision));
        if (c.share)
            d += QStringLiteral("（本条份额 %1）").arg(c.share->toString());
        if (!c.reason.isEmpty())
            d += QStringLiteral("：") + c.reason;
        return d;
    };
    if (meta.claim) {
        const Record *first = ledger.find(meta.claim->first);
        const QString by = first ? unitName(scheme, metaOf(*first).credit.unit) + recordCaption(ledger, *first) : meta.claim->first.toString();
        return QStringLiteral("重复申报（%1已先行备案）；").arg(by) + decision(*meta.claim);
    }
    QStringList notes;
    for (const RecordId &id : claims.claimsOn(meta.id))
        if (const Record *c = ledger.find(id))
            notes << unitName(scheme, metaOf(*c).credit.unit) + QStringLiteral("重复申报；") + decision(*metaOf(*c).claim);
    return notes.join(QStringLiteral("；"));
}

// 认定方式 when it was not the standard one: the leading group's recognition (route 4).
QString routeNote(const Review &review)
{
    if (review.state != ReviewState::Recognised || !review.meetingDate)
        return QString();
    QString note = QStringLiteral("认定方式：领导小组认定（%1会议）").arg(review.meetingDate->toString(QStringLiteral("yyyy-MM-dd")));
    if (!review.reason.isEmpty())
        note += QStringLiteral("：") + review.reason;
    return note;
}

// A row waiting for its place: by block, then event date, then name, then record id (so equal rows
// still come out in the same order every time), then numbered.
struct PendingRow
{
    QDate date;
    QString name;
    QString id;
    QList<Cell> cells;
    Block block = Block::Counted;
};

// Lays the rows out in their blocks: the counted records and their 合计 row (the columns named in
// `totals` summed exactly; `extraTotals` fills other columns of that row), then, each under its
// heading, the records still waiting or returned and those revoked as false, neither summed.
void appendSorted(Sheet &sheet, std::vector<PendingRow> rows, const QStringList &totals = {},
                  const QHash<QString, Cell> &extraTotals = {})
{
    std::sort(rows.begin(), rows.end(), [](const PendingRow &a, const PendingRow &b) {
        if (a.block != b.block)
            return a.block < b.block;
        if (a.date != b.date)
            return a.date < b.date;
        if (const int c = a.name.compare(b.name); c != 0)
            return c < 0;
        return a.id < b.id;
    });
    const qsizetype width = sheet.headers.size();
    qint64 n = 0;
    QList<const QList<Cell> *> counted;
    qsizetype countedFrom = sheet.rows.size();
    std::size_t i = 0;
    for (; i < rows.size() && rows[i].block == Block::Counted; ++i) {
        rows[i].cells.prepend(Cell::ofCount(++n));
        sheet.append(std::move(rows[i].cells));
    }
    for (qsizetype r = countedFrom; r < sheet.rows.size(); ++r)
        counted << &sheet.rows[r];
    QList<Cell> total(width);
    total[0] = Cell::ofText(QStringLiteral("合计（%1条）").arg(n));
    for (const QString &header : totals)
        if (const qsizetype c = sheet.headers.indexOf(header); c >= 0)
            total[c] = sumOf(counted, c);
    for (auto it = extraTotals.cbegin(); it != extraTotals.cend(); ++it)
        if (const qsizetype c = sheet.headers.indexOf(it.key()); c >= 0)
            total[c] = it.value();
    sheet.append(std::move(total), RowKind::Total);
    Block current = Block::Counted;
    for (; i < rows.size(); ++i) {
        if (rows[i].block != current) {
            current = rows[i].block;
            QList<Cell> heading(width);
            heading[0] = Cell::ofText(headingOf(current));
            sheet.append(std::move(heading), RowKind::Heading);
        }
        rows[i].cells.prepend(Cell::ofCount(++n));
        sheet.append(std::move(rows[i].cells));
    }
}

void recordFootnote(Sheet &sheet)
{
    qsizetype records = 0;
    for (qsizetype r = 0; r < sheet.rows.size(); ++r)
        records += sheet.kindOf(r) == RowKind::Record;
    sheet.footnotes << QStringLiteral("共 %1 条。认定状态为“已认定”的记录方计入考核，合计只含计入考核的记录；认定虚假的记录不计分，保留备查。")
                           .arg(records);
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

    const Claims claims(ledger);
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
              << Cell::ofText(joinNonEmpty({p->notes, reviewNote(ledger, p->meta.review), claimNote(ledger, scheme, claims, r)}));
        rows.push_back({p->talksSince, p->name, p->meta.id.toString(), std::move(cells),
                        blockOf(p->meta.review.state, p->meta.review.state == ReviewState::Recognised, !claims.countsForZone(r))});
    }
    appendSorted(sheet, std::move(rows), {QStringLiteral("总投资（万元）")});
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
    const bool landing = stage == MilestoneStage::Landed;
    Sheet sheet;
    sheet.headers << QStringLiteral("序号") << projectHeaders()
                  << (signing ? QStringLiteral("签约日期") : landing ? QStringLiteral("落地日期") : QStringLiteral("开工日期"))
                  << (signing ? QStringLiteral("协议附件数") : QStringLiteral("证明材料数"));
    // 落地: registered in the zone as an independently accounted legal entity, with tax registration.
    if (landing)
        sheet.headers << QStringLiteral("独立核算法人") << QStringLiteral("税务登记");
    sheet.headers << QStringLiteral("责任单位") << QStringLiteral("责任人") << QStringLiteral("认定状态") << QStringLiteral("备注");

    const Claims claims(ledger);
    QHash<RecordId, const Record *> records; // milestone → its record, for the claims' notes
    QHash<RecordId, const Milestone *> chosen; // project → its milestone on this table
    for (const Record &r : ledger.records()) {
        const auto *m = std::get_if<Milestone>(&r);
        if (!m || m->stage != stage || !admits(f, m->meta, eventDate(r)))
            continue;
        records.insert(m->meta.id, &r);
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
        const Record &record = *records.value(m->meta.id);
        QStringList notes = {m->notes.isEmpty() && p ? p->notes : m->notes, reviewNote(ledger, m->meta.review), routeNote(m->meta.review),
                             claimNote(ledger, scheme, claims, record)};
        if (projectRevoked)
            notes << reviewNote(ledger, p->meta.review, QStringLiteral("项目"));
        if (!p)
            notes << QStringLiteral("项目记录 ") + m->project.toString() + QStringLiteral(" 尚未同步到台账");
        QList<Cell> cells = projectCells(p, ledger, scheme);
        cells << Cell::ofDate(m->date) << Cell::ofCount(m->evidence.size());
        if (landing)
            cells << Cell::ofText(yesNo(m->legalEntityRegistered)) << Cell::ofText(yesNo(m->taxRegistered));
        cells << Cell::ofText(unitName(scheme, m->meta.credit.unit)) << Cell::ofText(personNames(ledger, m->meta.credit.people)) << Cell::ofText(reviewStateName(shown))
              << Cell::ofText(joinNonEmpty(notes));
        rows.push_back({m->date, p ? p->name : QString(), m->meta.id.toString(), std::move(cells),
                        blockOf(shown, p && shown == ReviewState::Recognised, !claims.countsForZone(record))});
    }
    appendSorted(sheet, std::move(rows), {QStringLiteral("总投资（万元）")});
    return sheet;
}

Sheet leadsLedger(const Ledger &ledger, const Scheme &scheme, const ExportFilter &f)
{
    Sheet sheet;
    sheet.headers = {QStringLiteral("序号"),     QStringLiteral("报送月份"), QStringLiteral("企业名称"), QStringLiteral("投资意向"),
                     QStringLiteral("预计投资（万元）"), QStringLiteral("所属产业"), QStringLiteral("报送单位"), QStringLiteral("报送人"),
                     QStringLiteral("认定状态"), QStringLiteral("计入任务")};
    // The whole year's tally, whatever the table's dates: a month's cap depends on every lead of that
    // month, and the report the caller holds may end before the table's last date.
    const ScoreReport year = score(scheme, ledger, Period{scheme.year, 4, false});
    QHash<RecordId, Contribution> leadTally;
    for (const GroupScore &g : year.groups)
        for (const TaskScore &t : g.tasks)
            for (const Contribution &c : t.progress.contributions)
                if (c.kind == RecordKind::Lead) {
                    auto it = leadTally.find(c.record);
                    if (it == leadTally.end())
                        leadTally.insert(c.record, c);
                    else if (c.counted)
                        *it = c; // counted for one of its group's lead tasks: that is what the column says
                }
    const Claims claims(ledger);
    std::vector<PendingRow> rows;
    qint64 countedForTask = 0;
    for (const Record &r : ledger.records()) {
        const auto *l = std::get_if<Lead>(&r);
        if (!l || !admits(f, l->meta, eventDate(r)))
            continue;
        QString enterprise = l->enterpriseName;
        if (enterprise.isEmpty() && l->enterprise)
            if (const Enterprise *e = ledger.enterprise(*l->enterprise))
                enterprise = e->name;
        // Counts toward the lead task as the score counts it: valuable, recognised and within its
        // group's monthly cap; a lead past the cap says which month was already full.
        const auto tallied = leadTally.constFind(l->meta.id);
        const QString counts = tallied == leadTally.cend() ? yesNo(false)
                               : tallied->counted         ? yesNo(true)
                                                          : yesNo(false) + QStringLiteral("（") + tallied->note() + QStringLiteral("）");
        QList<Cell> cells = {Cell::ofText(l->filed.isValid() ? l->filed.toString(QStringLiteral("yyyy-MM")) : QString()),
                             Cell::ofText(enterprise),
                             Cell::ofText(l->intention),
                             Cell::ofWan(l->expectedInvestment),
                             Cell::ofText(industryName(scheme, l->industry)),
                             Cell::ofText(unitName(scheme, l->meta.credit.unit)),
                             Cell::ofText(personNames(ledger, l->meta.credit.people)),
                             Cell::ofText(reviewStateName(l->meta.review.state)),
                             Cell::ofText(joinNonEmpty({counts, claimNote(ledger, scheme, claims, r)}))};
        countedForTask += tallied != leadTally.cend() && tallied->counted;
        rows.push_back({l->filed, enterprise, l->meta.id.toString(), std::move(cells),
                        blockOf(l->meta.review.state, l->meta.review.state == ReviewState::Recognised, !claims.countsForZone(r))});
    }
    appendSorted(sheet, std::move(rows), {QStringLiteral("预计投资（万元）")},
                 {{QStringLiteral("计入任务"), Cell::ofText(QStringLiteral("计入%1条").arg(countedForTask))}});
    return sheet;
}

Sheet fundsLedger(const Ledger &ledger, const Scheme &scheme, const ExportFilter &f)
{
    Sheet sheet;
    sheet.headers = {QStringLiteral("序号"), QStringLiteral("到位日期"),   QStringLiteral("企业"),     QStringLiteral("类别"),
                     QStringLiteral("金额（万元）"), QStringLiteral("金额（万美元）"), QStringLiteral("付款方"), QStringLiteral("证明材料数"),
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
                             // Each currency in its own column, so each column sums to one figure.
                             fa->amount.currency == Currency::CNY ? Cell::ofWan(fa->amount) : Cell(),
                             fa->amount.currency == Currency::USD ? Cell::ofWan(fa->amount) : Cell(),
                             Cell::ofText(fa->payer),
                             Cell::ofCount(fa->proof.size()),
                             Cell::ofText(unitName(scheme, fa->meta.credit.unit)),
                             Cell::ofText(reviewStateName(fa->meta.review.state))};
        rows.push_back({fa->date, enterprise, fa->meta.id.toString(), std::move(cells),
                        blockOf(fa->meta.review.state, fa->meta.review.state == ReviewState::Recognised)});
    }
    appendSorted(sheet, std::move(rows), {QStringLiteral("金额（万元）"), QStringLiteral("金额（万美元）")});
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
        rows.push_back({t->start, t->destination, t->meta.id.toString(), std::move(cells),
                        blockOf(t->meta.review.state, t->meta.review.state == ReviewState::Recognised)});
    }
    appendSorted(sheet, std::move(rows), {QStringLiteral("天数"), QStringLiteral("拜访企业数"), QStringLiteral("拜访机构数")});
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
    case ExportTable::LandedProjects: sheet = projectsAtStage(MilestoneStage::Landed, ledger, scheme, filter); break;
    case ExportTable::StartedProjects: sheet = projectsAtStage(MilestoneStage::Started, ledger, scheme, filter); break;
    case ExportTable::Leads: sheet = leadsLedger(ledger, scheme, filter); break;
    case ExportTable::Funds: sheet = fundsLedger(ledger, scheme, filter); break;
    case ExportTable::Trips: sheet = tripsTable(ledger, scheme, filter); break;
    case ExportTable::ScoreNotice:
        if (!report)
            throw std::invalid_argument("the score notice needs a score report");
        sheet = rankingSheet(ledger, scheme, filter, *report);
        break;
    case ExportTable::PersonalShares:
        if (!report)
            throw std::invalid_argument("the personal shares table needs a score report");
        sheet = personalSharesSheet(scheme, filter, *report);
        break;
    }
    sheet.title = exportTableTitle(table);
    if (table != ExportTable::ScoreNotice && table != ExportTable::PersonalShares) {
        sheet.subtitle = filterSubtitle(scheme, filter);
        recordFootnote(sheet);
    }
    return sheet;
}

} // namespace syncserver
