// The scoring engine. One pass over the ledger collects each recognised record's contributions to
// the tasks of its unit's group, the zone targets and its unit's bonuses; then each measure is
// tallied (projects counted once, monthly caps), points computed exactly, and units ranked.
// A quarter alone is the cumulative figure to its end less the cumulative figure to the quarter
// before, so the four quarters add up to the year and the yearly caps hold.
#include "ledger/scoring.h"

#include "ledger/caption.h"
#include "ledger/duplicates.h"
#include "ledger/poolshares.h"
#include "ledger/recognition.h"

#include <QSet>
#include <array>
#include <limits>
#include <unordered_set>
#include <algorithm>

namespace ledger {

QDate Period::first() const
{
    return quarterAlone ? QDate(year, (quarter - 1) * 3 + 1, 1) : QDate(year, 1, 1);
}

QDate Period::last() const
{
    const QDate firstOfLastMonth(year, quarter * 3, 1);
    return QDate(year, quarter * 3, firstOfLastMonth.daysInMonth());
}

QString Period::label() const
{
    return QStringLiteral("%1年第%2季度（%3）").arg(year).arg(quarter).arg(quarterAlone ? QStringLiteral("当季") : QStringLiteral("累计"));
}

QString toString(BonusKind kind)
{
    switch (kind) {
    case BonusKind::Referral: return QStringLiteral("referral");
    case BonusKind::CapitalIncrease: return QStringLiteral("capital_increase");
    case BonusKind::Headquarters: return QStringLiteral("headquarters");
    case BonusKind::Discretionary: return QStringLiteral("discretionary");
    }
    return {};
}

const UnitScore *ScoreReport::unit(const UnitCode &code) const
{
    for (const auto &u : units)
        if (u.unit == code)
            return &u;
    return nullptr;
}

const GroupScore *ScoreReport::group(QStringView id) const
{
    for (const auto &g : groups)
        if (g.groupId == id)
            return &g;
    return nullptr;
}

const TaskScore *ScoreReport::task(QStringView id) const
{
    for (const auto &g : groups)
        for (const auto &t : g.tasks)
            if (t.taskId == id)
                return &t;
    return nullptr;
}

const ZoneProgress *ScoreReport::zoneTarget(QStringView id) const
{
    for (const auto &z : zone)
        if (z.targetId == id)
            return &z;
    return nullptr;
}

const PersonScore *ScoreReport::person(const PersonId &id) const
{
    for (const auto &p : people)
        if (p.person == id)
            return &p;
    return nullptr;
}

QString Contribution::note() const
{
    switch (why) {
    case NotCounted::No: return {};
    case NotCounted::ProjectCounted: return QStringLiteral("该项目已计入");
    case NotCounted::MonthlyCap: return QStringLiteral("%1年%2月已计满%3条").arg(date.year()).arg(date.month()).arg(monthlyCap);
    case NotCounted::DuplicateClaim: return QStringLiteral("重复申报，不计分（一个项目一个功劳）");
    }
    return {};
}

namespace {

// The points for progress counted in 1/scale units (scale 1: whole units; WholeShare: shares).
Points scaledTaskPoints(const Task &task, Int128 achieved, Int128 ofWhichAchieved, Int128 scale)
{
    // ratio = min(achieved, target) / target, and for an "of which" task the lower of the two ratios.
    Int128 num = std::min(achieved, Int128(task.target) * scale);
    Int128 den = Int128(task.target) * scale;
    if (task.ofWhichTarget && *task.ofWhichTarget > 0) {
        const Int128 n2 = std::min(ofWhichAchieved, Int128(*task.ofWhichTarget) * scale);
        const Int128 d2 = Int128(*task.ofWhichTarget) * scale;
        if (n2 * den < num * d2) {
            num = n2;
            den = d2;
        }
    }
    if (den <= 0)
        return {};
    if (task.credit == CreditMode::AllOrNothing)
        return num >= den ? task.points : Points();
    return Points::proportion(task.points, num, den);
}

} // namespace

Points taskPoints(const Task &task, Quantity achieved, Quantity ofWhichAchieved)
{
    return scaledTaskPoints(task, achieved, ofWhichAchieved, 1);
}

namespace {

// A record as the scoring pass sees it: what is looked up once per record, not once per measure.
struct RecordView
{
    const Record &record;
    const RecordMeta &meta;
    QDate date;
    RecordKind kind;
    const Project *project; // milestones: their project
    std::uint32_t index;
};

// Whether a measure can count a record of this kind at all (a cheap first filter).
bool measures(const Measure &m, RecordKind k)
{
    switch (m.of) {
    case MeasureOf::Milestones:
    case MeasureOf::Investment: return k == RecordKind::Milestone;
    case MeasureOf::Funds: return k == RecordKind::Funds;
    case MeasureOf::Leads: return k == RecordKind::Lead;
    case MeasureOf::Trips: return k == RecordKind::Trip;
    case MeasureOf::InstitutionVisits: return k == RecordKind::Trip || k == RecordKind::Visit;
    case MeasureOf::SigningEvents: return k == RecordKind::SigningEvent;
    case MeasureOf::MapCompletions: return k == RecordKind::MapCompletion;
    }
    return false;
}

// What one record adds to one measure, or nullopt when it adds nothing.
std::optional<Contribution> contributionTo(const Measure &m, const RecordView &v, const Scheme &scheme)
{
    if (!measures(m, v.kind))
        return std::nullopt;
    Contribution c;
    c.record = v.meta.id;
    c.kind = v.kind;
    c.date = v.date;
    c.unit = v.meta.credit.unit;
    c.index = v.index;
    switch (m.of) {
    case MeasureOf::Milestones:
    case MeasureOf::Investment: {
        const auto &ms = std::get<Milestone>(v.record);
        if (ms.stage != m.stage || !v.project || !matches(*v.project, m.where, scheme))
            return std::nullopt;
        c.project = ms.project;
        c.quantity = m.of == MeasureOf::Milestones ? 1 : v.project->investment.minor;
        c.ofWhich = m.ofWhich && matches(*v.project, *m.ofWhich, scheme);
        return c;
    }
    case MeasureOf::Funds: {
        const auto &f = std::get<FundsArrival>(v.record);
        if (f.kind != m.funds)
            return std::nullopt;
        c.quantity = f.amount.minor;
        return c;
    }
    case MeasureOf::Leads:
        if (!isValuableLead(std::get<Lead>(v.record)))
            return std::nullopt;
        c.quantity = 1;
        return c;
    case MeasureOf::Trips:
        if (m.where.leadingIndustry.value_or(false) && !isLeadingIndustryTrip(std::get<Trip>(v.record), scheme))
            return std::nullopt;
        c.quantity = 1;
        return c;
    case MeasureOf::InstitutionVisits:
        if (const auto *t = std::get_if<Trip>(&v.record); t && !t->institutions.isEmpty()) {
            c.quantity = t->institutions.size();
            return c;
        }
        if (const auto *vi = std::get_if<Visit>(&v.record); vi && vi->institution) {
            c.quantity = 1;
            return c;
        }
        return std::nullopt;
    case MeasureOf::SigningEvents:
    case MeasureOf::MapCompletions:
        c.quantity = 1;
        return c;
    }
    return std::nullopt;
}

// The running sums that grow with the number of records (a task's achieved amount, a unit's
// bonuses, its total and pool). Each record's figures are bounded (MaxPoints, Money::MaxMinor),
// but their count is not: a sum that would not fit in 64 bits stays at the largest value, so a
// total never wraps round and goes down, and the report says which sum it was.
class Sums
{
public:
    explicit Sums(QList<FieldError> &problems) : m_problems(problems) {}

    void add(std::int64_t &sum, std::int64_t value, const QString &what)
    {
        if (const auto s = checkedAdd(sum, value))
            sum = *s;
        else
            sum = saturated(value > 0, what);
    }
    void add(Points &sum, Points value, const QString &what)
    {
        if (const auto s = checkedAdd(sum, value))
            sum = *s;
        else
            sum = Points::fromUnits(saturated(value > Points(), what));
    }
    // sum += value × factor, the product exact before it is added.
    void addProduct(std::int64_t &sum, std::int64_t value, std::int64_t factor, const QString &what)
    {
        const Int128 product = Int128(value) * factor;
        if (product > std::numeric_limits<std::int64_t>::max() || product < std::numeric_limits<std::int64_t>::min())
            sum = saturated(product > 0, what);
        else
            add(sum, std::int64_t(product), what);
    }
    [[nodiscard]] Points multiply(Points p, std::int64_t n, const QString &what)
    {
        if (const auto product = checkedMultiply(p, n))
            return *product;
        return Points::fromUnits(saturated((p > Points()) == (n > 0), what));
    }

private:
    std::int64_t saturated(bool up, const QString &what)
    {
        if (!m_reported.contains(what)) {
            m_reported.insert(what);
            m_problems.append(FieldError(what, ErrorCode::SumOverflow, {what}));
        }
        return up ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::min();
    }

    QList<FieldError> &m_problems;
    QSet<QString> m_reported;
};

// Parts (0.0001s) as whole units, rounded half up: exact when no credit is shared.
Quantity wholeUnits(Quantity parts)
{
    const Quantity half = WholeShare / 2;
    return parts >= 0 ? (parts / WholeShare) + (parts % WholeShare >= half ? 1 : 0) : -wholeUnits(-parts);
}

bool byDateThenId(const Contribution &a, const Contribution &b)
{
    if (a.date != b.date)
        return a.date < b.date;
    return a.record < b.record;
}

// Orders the contributions, counts each project once and applies a monthly cap, and sums.
MeasureProgress tally(const Measure &m, std::vector<Contribution> contributions, Sums &sums, const QString &what)
{
    std::sort(contributions.begin(), contributions.end(), byDateThenId);
    MeasureProgress out;
    std::unordered_set<RecordId, RecordId::FastHash> projects;
    int monthKey = -1, inMonth = 0;
    for (auto &c : contributions) {
        // A record holding none of its credit is listed, and takes no project's place nor month's slot.
        if (c.share == 0) {
            c.counted = false;
            c.why = NotCounted::DuplicateClaim;
            continue;
        }
        if (m.of == MeasureOf::Milestones || m.of == MeasureOf::Investment) {
            if (!projects.insert(c.project).second) {
                c.counted = false;
                c.why = NotCounted::ProjectCounted;
            }
        }
        if (m.of == MeasureOf::Leads && m.perMonthCap > 0) {
            const int key = c.date.year() * 12 + c.date.month();
            if (key != monthKey) {
                monthKey = key;
                inMonth = 0;
            }
            if (inMonth >= m.perMonthCap) {
                c.counted = false;
                c.why = NotCounted::MonthlyCap;
                c.monthlyCap = std::uint8_t(std::min(m.perMonthCap, 255));
            } else {
                ++inMonth;
            }
        }
        if (c.counted) {
            sums.addProduct(out.achievedParts, c.quantity, c.share, what);
            if (c.ofWhich)
                sums.addProduct(out.ofWhichParts, c.quantity, c.share, what);
        }
    }
    out.achieved = wholeUnits(out.achievedParts);
    out.ofWhichAchieved = wholeUnits(out.ofWhichParts);
    out.contributions = std::move(contributions);
    return out;
}

// A record of one kind and its position in the ledger.
template<class T>
struct Indexed
{
    const T *r;
    std::uint32_t index;
};

struct UnitBonusInput
{
    std::vector<Indexed<Referral>> referrals;
    std::vector<Indexed<FundsArrival>> increases;
    std::vector<Indexed<HeadquartersClaim>> headquarters;
    std::vector<Indexed<Award>> awards;
};

std::vector<BonusScore> scoreBonuses(UnitBonusInput in, const Scheme &scheme, Sums &sums, const QString &unit)
{
    std::vector<BonusScore> out;
    const QString what = QStringLiteral("units[%1].bonuses").arg(unit);
    auto byDate = [](auto &v) {
        std::sort(v.begin(), v.end(), [](const auto &a, const auto &b) {
            return a.r->date != b.r->date ? a.r->date < b.r->date : a.r->meta.id < b.r->meta.id;
        });
    };
    byDate(in.referrals);
    byDate(in.increases);
    byDate(in.headquarters);
    byDate(in.awards);

    { // Referral visits: 0.2 or 0.5 each, at most the cap a year; the records past the cap show why.
        BonusScore b{BonusKind::Referral, {}, {}, scheme.referral.cap, {}};
        const QString capped = QStringLiteral("已达加分上限") + scheme.referral.cap.toString() + QStringLiteral("分");
        for (const auto &[r, index] : in.referrals) {
            const Points p = referralPoints(*r, scheme.referral);
            BonusItem item{r->meta.id, r->date, 0, {}, true, {}, index};
            sums.add(b.raw, p, what);
            const Points room = max(Points(), scheme.referral.cap - b.points);
            item.points = min(p, room);
            if (p.isZero()) {
                item.counted = false;
                item.note = QStringLiteral("非主导产业关联企业或外资企业");
            } else if (item.points < p) {
                item.counted = !item.points.isZero();
                item.note = capped;
            }
            sums.add(b.points, item.points, what);
            b.items.push_back(item);
        }
        out.push_back(std::move(b));
    }
    { // Foreign capital increase: per whole 100,000 USD of the year's total, at most the cap.
        BonusScore b{BonusKind::CapitalIncrease, {}, {}, scheme.capitalIncrease.cap, {}};
        Quantity total = 0;
        for (const auto &[f, index] : in.increases) {
            sums.add(total, f->amount.minor, what);
            b.items.push_back({f->meta.id, f->date, f->amount.minor, {}, true, {}, index});
        }
        const std::int64_t steps = scheme.capitalIncrease.per.minor > 0 ? total / scheme.capitalIncrease.per.minor : 0;
        b.raw = sums.multiply(scheme.capitalIncrease.points, steps, what);
        b.points = min(b.raw, scheme.capitalIncrease.cap);
        if (b.points < b.raw && !b.items.empty())
            b.items.back().note = QStringLiteral("已达加分上限") + scheme.capitalIncrease.cap.toString() + QStringLiteral("分");
        out.push_back(std::move(b));
    }
    { // Headquarters economy: fixed points each, when the type's thresholds are met.
        BonusScore b{BonusKind::Headquarters, {}, {}, std::nullopt, {}};
        for (const auto &[h, index] : in.headquarters) {
            BonusItem item{h->meta.id, h->date, 0, {}, true, {}, index};
            if (auto why = headquartersShortfall(*h, scheme.headquarters)) {
                item.counted = false;
                item.note = *why;
            } else {
                item.points = scheme.headquarters.points;
            }
            sums.add(b.raw, item.points, what);
            sums.add(b.points, item.points, what);
            b.items.push_back(item);
        }
        out.push_back(std::move(b));
    }
    { // Discretionary points of the leading group, each with its reason.
        BonusScore b{BonusKind::Discretionary, {}, {}, std::nullopt, {}};
        for (const auto &[a, index] : in.awards) {
            sums.add(b.raw, a->points, what);
            sums.add(b.points, a->points, what);
            b.items.push_back({a->meta.id, a->date, 0, a->points, true, a->reason, index});
        }
        out.push_back(std::move(b));
    }
    return out;
}

// Everything one pass over the ledger finds for the days [from, to].
struct Accumulation
{
    std::vector<std::vector<std::vector<Contribution>>> tasks; // [group][task]
    std::vector<std::vector<Contribution>> zone;               // [zone target]
    std::vector<UnitBonusInput> bonuses;                       // [unit, in the scheme's order]
    QHash<UnitCode, QList<RecordId>> revoked;
    QHash<UnitCode, QString> revokedCaption;  // unit → its first revoked record, named (caption.h)
    QHash<PersonId, QString> revokedPeople;   // person → a revoked record, named
    QList<FieldError> problems;
};

Accumulation accumulate(const Scheme &scheme, const Ledger &ledger, QDate from, QDate to)
{
    Accumulation acc;
    acc.tasks.resize(std::size_t(scheme.groups.size()));
    for (qsizetype g = 0; g < scheme.groups.size(); ++g)
        acc.tasks[std::size_t(g)].resize(std::size_t(scheme.groups[g].tasks.size()));
    acc.zone.resize(std::size_t(scheme.zoneTargets.size()));

    // A handful of units: a linear scan of short strings beats hashing each record's unit code.
    struct UnitSlot { QString code; std::size_t unit; qsizetype group; };
    std::vector<UnitSlot> unitSlots;
    for (qsizetype u = 0; u < scheme.units.size(); ++u)
        if (const TaskGroup *g = scheme.groupOf(scheme.units[u].code))
            unitSlots.push_back({scheme.units[u].code.code(), std::size_t(u), qsizetype(g - scheme.groups.data())});
    acc.bonuses.resize(std::size_t(scheme.units.size()));
    // Which tasks of each group, and which zone targets, can count each kind of record: most
    // records are visits and leads that concern one or two measures of the thirty.
    constexpr std::size_t kinds = std::size_t(RecordKind::MapCompletion) + 1;
    std::vector<std::array<std::vector<qsizetype>, kinds>> taskFor(std::size_t(scheme.groups.size()));
    std::array<std::vector<qsizetype>, kinds> zoneFor;
    for (std::size_t k = 0; k < kinds; ++k) {
        for (qsizetype g = 0; g < scheme.groups.size(); ++g)
            for (qsizetype t = 0; t < scheme.groups[g].tasks.size(); ++t)
                if (measures(scheme.groups[g].tasks[t].measure, RecordKind(k)))
                    taskFor[std::size_t(g)][k].push_back(t);
        for (qsizetype z = 0; z < scheme.zoneTargets.size(); ++z)
            if (measures(scheme.zoneTargets[z].measure, RecordKind(k)))
                zoneFor[k].push_back(z);
    }

    QSet<UnitCode> reportedUnknown;
    const Claims claims(ledger); // one project, one credit
    const std::vector<Record> &records = ledger.records();
    for (std::size_t i = 0; i < records.size(); ++i) {
        const Record &record = records[i];
        const RecordMeta &meta = metaOf(record);
        const QDate date = eventDate(record);
        if (!date.isValid() || date < from || date > to)
            continue;
        if (meta.review.state == ReviewState::Revoked) {
            // A record revoked as false counts for nothing and takes away award eligibility.
            acc.revoked[meta.credit.unit].append(meta.id);
            const QString caption = recordCaption(ledger, record);
            if (!acc.revokedCaption.contains(meta.credit.unit))
                acc.revokedCaption.insert(meta.credit.unit, caption);
            for (const auto &p : meta.credit.people)
                if (!acc.revokedPeople.contains(p))
                    acc.revokedPeople.insert(p, caption);
            continue;
        }
        if (meta.review.state != ReviewState::Recognised)
            continue;
        const RecordKind kind = kindOf(record);
        const Project *project = nullptr;
        if (kind == RecordKind::Milestone) {
            // Same rule as countsForScore(), with the project looked up once.
            project = ledger.project(std::get<Milestone>(record).project);
            if (!project || project->meta.review.state == ReviewState::Revoked)
                continue;
        }
        const UnitSlot *slot = nullptr;
        for (const UnitSlot &candidate : unitSlots)
            if (candidate.code == meta.credit.unit.code()) {
                slot = &candidate;
                break;
            }
        if (!slot) {
            if (!reportedUnknown.contains(meta.credit.unit)) {
                reportedUnknown.insert(meta.credit.unit);
                acc.problems.append(FieldError(QStringLiteral("records[") + meta.id.toString() + QStringLiteral("].credit.unit"),
                                               ErrorCode::UnitNotInScheme, {meta.credit.unit.code(), scheme.id}));
            }
            continue;
        }
        switch (kind) {
        case RecordKind::Referral:
            acc.bonuses[slot->unit].referrals.push_back({&std::get<Referral>(record), std::uint32_t(i)});
            continue;
        case RecordKind::Headquarters:
            acc.bonuses[slot->unit].headquarters.push_back({&std::get<HeadquartersClaim>(record), std::uint32_t(i)});
            continue;
        case RecordKind::Award:
            acc.bonuses[slot->unit].awards.push_back({&std::get<Award>(record), std::uint32_t(i)});
            continue;
        case RecordKind::Funds:
            if (std::get<FundsArrival>(record).kind == FundsKind::ForeignCapitalIncreaseUsd) {
                acc.bonuses[slot->unit].increases.push_back({&std::get<FundsArrival>(record), std::uint32_t(i)});
                continue;
            }
            break;
        default:
            break;
        }
        const RecordView view{record, meta, date, kind, project, std::uint32_t(i)};
        const TaskGroup &group = scheme.groups[slot->group];
        const bool filing = isFiling(kind);
        const auto share = filing ? std::uint16_t(claims.creditShare(record).units()) : WholeShare;
        for (qsizetype t : taskFor[std::size_t(slot->group)][std::size_t(kind)]) {
            if (auto c = contributionTo(group.tasks[t].measure, view, scheme)) {
                c->share = share;
                acc.tasks[std::size_t(slot->group)][std::size_t(t)].push_back(std::move(*c));
            }
        }
        // The zone counts each project (stage, lead) once, whatever the decision on its claims.
        if (filing && !claims.countsForZone(record))
            continue;
        for (qsizetype z : zoneFor[std::size_t(kind)]) {
            if (auto c = contributionTo(scheme.zoneTargets[z].measure, view, scheme))
                acc.zone[std::size_t(z)].push_back(std::move(*c));
        }
    }
    return acc;
}

// Everything scored for the days from January 1 to `to`, before people, ranks and awards.
struct Cumulative
{
    std::vector<GroupScore> groups;
    std::vector<ZoneProgress> zone;
    QHash<UnitCode, std::vector<BonusScore>> bonuses;
    Accumulation acc;
};

Cumulative cumulative(const Scheme &scheme, const Ledger &ledger, QDate to)
{
    Cumulative out;
    out.acc = accumulate(scheme, ledger, QDate(scheme.year, 1, 1), to);
    Sums sums(out.acc.problems);
    for (qsizetype g = 0; g < scheme.groups.size(); ++g) {
        const TaskGroup &group = scheme.groups[g];
        GroupScore gs{group.id, group.units, {}, {}, group.total};
        for (qsizetype t = 0; t < group.tasks.size(); ++t) {
            const Task &task = group.tasks[t];
            TaskScore ts{task.id, task.name, task.target, task.ofWhichTarget,
                         tally(task.measure, std::move(out.acc.tasks[std::size_t(g)][std::size_t(t)]), sums,
                               QStringLiteral("tasks[%1].achieved").arg(task.id)),
                         task.points, {}};
            ts.points = scaledTaskPoints(task, ts.progress.achievedParts, ts.progress.ofWhichParts, WholeShare);
            sums.add(gs.total, ts.points, QStringLiteral("groups[%1].total").arg(group.id));
            gs.tasks.push_back(std::move(ts));
        }
        out.groups.push_back(std::move(gs));
    }
    for (qsizetype z = 0; z < scheme.zoneTargets.size(); ++z) {
        const ZoneTarget &zt = scheme.zoneTargets[z];
        out.zone.push_back({zt.id, zt.name, zt.target, zt.ofWhichTarget,
                            tally(zt.measure, std::move(out.acc.zone[std::size_t(z)]), sums,
                                  QStringLiteral("zoneTargets[%1].achieved").arg(zt.id))});
    }
    for (qsizetype u = 0; u < scheme.units.size(); ++u)
        out.bonuses.insert(scheme.units[u].code,
                           scoreBonuses(std::move(out.acc.bonuses[std::size_t(u)]), scheme, sums, scheme.units[u].code.code()));
    return out;
}

// The quarter alone: the cumulative figures less those to the end of the previous quarter, and
// only the contributions dated in the quarter.
void subtractPrevious(Cumulative &cur, const Cumulative &prev, QDate quarterStart)
{
    auto keepQuarter = [&](std::vector<Contribution> &v) {
        std::erase_if(v, [&](const Contribution &c) { return c.date < quarterStart; });
    };
    for (std::size_t g = 0; g < cur.groups.size(); ++g) {
        GroupScore &gs = cur.groups[g];
        gs.total = {};
        for (std::size_t t = 0; t < gs.tasks.size(); ++t) {
            TaskScore &ts = gs.tasks[t];
            const TaskScore &before = prev.groups[g].tasks[t];
            ts.points = ts.points - before.points;
            ts.progress.achieved -= before.progress.achieved;
            ts.progress.ofWhichAchieved -= before.progress.ofWhichAchieved;
            ts.progress.achievedParts -= before.progress.achievedParts;
            ts.progress.ofWhichParts -= before.progress.ofWhichParts;
            keepQuarter(ts.progress.contributions);
            gs.total += ts.points;
        }
    }
    for (std::size_t z = 0; z < cur.zone.size(); ++z) {
        cur.zone[z].progress.achieved -= prev.zone[z].progress.achieved;
        cur.zone[z].progress.ofWhichAchieved -= prev.zone[z].progress.ofWhichAchieved;
        cur.zone[z].progress.achievedParts -= prev.zone[z].progress.achievedParts;
        cur.zone[z].progress.ofWhichParts -= prev.zone[z].progress.ofWhichParts;
        keepQuarter(cur.zone[z].progress.contributions);
    }
    for (auto it = cur.bonuses.begin(); it != cur.bonuses.end(); ++it) {
        const auto &before = prev.bonuses.value(it.key());
        for (std::size_t b = 0; b < it->size(); ++b) {
            BonusScore &bs = (*it)[b];
            bs.raw = bs.raw - before[b].raw;
            bs.points = bs.points - before[b].points;
            std::erase_if(bs.items, [&](const BonusItem &i) { return i.date < quarterStart; });
        }
    }
}

// Splits `pool` in proportion to the weights, exactly: floors, then the leftover 0.0001s to the
// largest remainders (ties by person id), so the shares add up to the pool.
QHash<PersonId, Points> splitPool(Points pool, const QHash<PersonId, int> &weights)
{
    QHash<PersonId, Points> out;
    std::int64_t totalWeight = 0;
    for (int w : weights)
        totalWeight += w;
    if (totalWeight == 0 || pool <= Points())
        return out;
    struct Part { PersonId id; std::int64_t floor; std::int64_t remainder; };
    std::vector<Part> parts;
    std::int64_t given = 0;
    for (auto it = weights.begin(); it != weights.end(); ++it) {
        const Int128 scaled = static_cast<Int128>(pool.units()) * it.value();
        parts.push_back({it.key(), std::int64_t(scaled / totalWeight), std::int64_t(scaled % totalWeight)});
        given += parts.back().floor;
    }
    std::sort(parts.begin(), parts.end(), [](const Part &a, const Part &b) {
        return a.remainder != b.remainder ? a.remainder > b.remainder : a.id < b.id;
    });
    std::int64_t left = pool.units() - given;
    for (auto &p : parts) {
        if (left == 0)
            break;
        ++p.floor;
        --left;
    }
    for (const auto &p : parts)
        out.insert(p.id, Points::fromUnits(p.floor));
    return out;
}

// Competition ranking (1, 1, 3) of items by a key, descending; ties broken for order only by `tie`.
template<class T, class Key, class Tie>
void rankBy(std::vector<T> &items, Key key, Tie tie, int T::*rank)
{
    std::sort(items.begin(), items.end(), [&](const T &a, const T &b) {
        return key(a) != key(b) ? key(a) > key(b) : tie(a) < tie(b);
    });
    for (std::size_t i = 0; i < items.size(); ++i)
        items[i].*rank = (i > 0 && key(items[i]) == key(items[i - 1])) ? items[i - 1].*rank : int(i) + 1;
}

// The scheme scores the four quarters of its own year; anything else is a mistake by the caller.
[[nodiscard]] std::optional<FieldError> periodProblem(const Scheme &scheme, const Period &period)
{
    if (period.year == scheme.year && period.quarter >= 1 && period.quarter <= 4)
        return std::nullopt;
    return FieldError(QStringLiteral("period"), ErrorCode::PeriodOutsideScheme,
                      {scheme.id, QString::number(scheme.year), QString::number(period.year), QString::number(period.quarter)});
}

// Why a unit cannot win the Advanced Collective award; empty when it can.
[[nodiscard]] QString unitIneligibility(const Scheme &scheme, const UnitScore &us, const QString &revokedCaption)
{
    if (scheme.isExcludedFromAwards(us.unit))
        return QStringLiteral("按方案规定不参与评选");
    if (!us.revoked.isEmpty())
        return QStringLiteral("提供虚假信息：") + revokedCaption + QStringLiteral("，取消评先资格");
    return {};
}

// Each unit, in the scheme's order: its group's task score plus its own bonuses, and its pool.
[[nodiscard]] std::vector<UnitScore> unitScores(const Scheme &scheme, const Cumulative &cur, QList<FieldError> &problems)
{
    Sums sums(problems);
    std::vector<UnitScore> out;
    for (const SchemeUnit &su : scheme.units) {
        UnitScore us;
        us.unit = su.code;
        us.name = su.name;
        us.headcount = su.headcount;
        for (const auto &g : cur.groups) {
            if (g.units.contains(su.code)) {
                us.groupId = g.groupId;
                us.taskPoints = g.total;
            }
        }
        us.bonuses = cur.bonuses.value(su.code);
        const QString unit = QStringLiteral("units[%1]").arg(su.code.code());
        for (const auto &b : us.bonuses)
            sums.add(us.bonusPoints, b.points, unit + QStringLiteral(".bonusPoints"));
        us.total = us.taskPoints;
        sums.add(us.total, us.bonusPoints, unit + QStringLiteral(".total"));
        us.pool = sums.multiply(us.total, su.headcount, unit + QStringLiteral(".pool"));
        us.revoked = cur.acc.revoked.value(su.code);
        us.ineligibleBecause = unitIneligibility(scheme, us, cur.acc.revokedCaption.value(su.code));
        us.eligible = us.ineligibleBecause.isEmpty();
        out.push_back(std::move(us));
    }
    return out;
}

// Who produced points, unit by unit: how many records that counted somewhere credit each person.
// By position in the ledger, so a record that fed several tasks still counts once.
[[nodiscard]] QHash<UnitCode, QHash<PersonId, int>> producers(const Ledger &ledger, const std::vector<GroupScore> &groups,
                                                              const std::vector<UnitScore> &units)
{
    const std::vector<Record> &records = ledger.records();
    std::vector<bool> producing(records.size(), false);
    for (const auto &g : groups)
        for (const auto &t : g.tasks)
            for (const auto &c : t.progress.contributions)
                if (c.counted && c.quantity > 0)
                    producing[c.index] = true;
    for (const auto &u : units)
        for (const auto &b : u.bonuses)
            for (const auto &i : b.items)
                if (i.counted)
                    producing[i.index] = true;
    QHash<UnitCode, QHash<PersonId, int>> weights;
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (!producing[i])
            continue;
        const Credit &credit = metaOf(records[i]).credit;
        for (const auto &p : credit.people)
            ++weights[credit.unit][p];
    }
    return weights;
}

// A unit's pool among its people: the contact's shares when they are valid (marking the unit as
// shared by hand), else by the records each person produced. A refused set of shares is a problem.
QHash<PersonId, Points> poolShares(UnitScore &us, const QHash<PersonId, int> &weights, const ScoreOptions &options,
                                   const Ledger &ledger, QList<FieldError> &problems)
{
    const auto manual = options.manualShares.constFind(us.unit);
    if (manual != options.manualShares.constEnd()) {
        if (const auto problem = checkPoolShares(ledger, us.unit, *manual, us.pool)) {
            problems.append(problem->toError(QStringLiteral("manualShares.") + us.unit.code(), us.unit));
        } else {
            us.manualShares = true;
            return *manual;
        }
    }
    return splitPool(us.pool, weights);
}

// Everyone of the unit who produced something, holds a share or is an active member, with their
// share and whether they may win the Advanced Individual award.
[[nodiscard]] std::vector<PersonScore> personScores(const UnitScore &us, const QHash<PersonId, int> &weights,
                                                    const QHash<PersonId, Points> &shares, const Scheme &scheme, const Ledger &ledger,
                                                    const QHash<PersonId, QString> &revokedPeople)
{
    QSet<PersonId> everyone(weights.keyBegin(), weights.keyEnd());
    for (auto it = shares.begin(); it != shares.end(); ++it)
        everyone.insert(it.key());
    for (const Person &p : ledger.people())
        if (p.unit == us.unit && p.active)
            everyone.insert(p.id);
    std::vector<PersonScore> out;
    for (const PersonId &id : std::as_const(everyone)) {
        PersonScore ps;
        ps.person = id;
        ps.unit = us.unit;
        if (const Person *p = ledger.person(id))
            ps.name = p->name;
        ps.records = weights.value(id);
        ps.share = shares.value(id);
        if (scheme.isExcludedFromAwards(us.unit)) {
            ps.eligible = false;
            ps.ineligibleBecause = QStringLiteral("按方案规定不参与评选");
        } else if (!us.eligible) {
            ps.eligible = false;
            ps.ineligibleBecause = us.ineligibleBecause;
        } else if (revokedPeople.contains(id)) {
            ps.eligible = false;
            ps.ineligibleBecause = QStringLiteral("提供虚假信息：") + revokedPeople.value(id) + QStringLiteral("，取消评先资格");
        }
        out.push_back(ps);
    }
    rankBy(out, [](const PersonScore &p) { return p.share; }, [](const PersonScore &p) { return p.person; }, &PersonScore::rank);
    return out;
}

// The winners of an award among ranked `items`: the eligible ones with more than nothing, the top
// `places` of them, and everyone tied with the last of those.
template<class T, class Id>
[[nodiscard]] QList<Id> winners(const std::vector<T> &items, int places, Points T::*points, Id T::*id)
{
    QList<Id> out;
    int place = 0;
    Points last = Points::fromUnits(-1);
    for (const T &item : items) {
        if (!item.eligible || item.*points <= Points())
            continue;
        ++place;
        if (place > places && item.*points != last)
            break;
        out.append(item.*id);
        last = item.*points;
    }
    return out;
}

} // namespace

ScoreReport score(const Scheme &scheme, const Ledger &ledger, const Period &period, const ScoreOptions &options)
{
    ScoreReport report;
    report.schemeId = scheme.id;
    report.period = period;
    if (auto problem = periodProblem(scheme, period)) {
        report.problems.append(*problem);
        return report;
    }

    Cumulative cur = cumulative(scheme, ledger, period.last());
    if (period.quarterAlone && period.quarter > 1)
        subtractPrevious(cur, cumulative(scheme, ledger, period.first().addDays(-1)), period.first());
    report.problems = cur.acc.problems;
    report.zone = std::move(cur.zone);
    report.units = unitScores(scheme, cur, report.problems);

    const QHash<UnitCode, QHash<PersonId, int>> weights = producers(ledger, cur.groups, report.units);
    for (UnitScore &us : report.units) {
        const QHash<PersonId, int> w = weights.value(us.unit);
        const QHash<PersonId, Points> shares = poolShares(us, w, options, ledger, report.problems);
        us.people = personScores(us, w, shares, scheme, ledger, cur.acc.revokedPeople);
        report.people.insert(report.people.end(), us.people.begin(), us.people.end());
    }
    rankBy(report.units, [](const UnitScore &u) { return u.total; }, [](const UnitScore &u) { return u.unit; }, &UnitScore::rank);
    rankBy(report.people, [](const PersonScore &p) { return p.share; }, [](const PersonScore &p) { return p.person; }, &PersonScore::rank);

    // Among the eligible only, everyone tied within the top N shares an award.
    report.awards.collective = winners(report.units, scheme.awards.collectiveTop, &UnitScore::total, &UnitScore::unit);
    report.awards.individuals = winners(report.people, scheme.awards.individualTop, &PersonScore::share, &PersonScore::person);
    report.groups = std::move(cur.groups);
    return report;
}

} // namespace ledger
