// Scoring a year under a scheme: each task's progress and points, each group's task score, each
// unit's bonuses within their caps, totals, ranking, personal pools and shares, awards, and the
// zone's progress on every target. Every point is traceable: each task and bonus lists the records
// that produced it. Exact arithmetic throughout (amount.h); no floating point.
#pragma once

#include "ledger/ledger.h"
#include "ledger/result.h"
#include "ledger/scheme.h"

#include <vector>

namespace ledger {

struct Period
{
    int year = 0;
    int quarter = 4;          // 1..4
    bool quarterAlone = false; // false: cumulative from January 1 (the default view)

    [[nodiscard]] QDate first() const; // first day counted
    [[nodiscard]] QDate last() const;  // last day counted
    [[nodiscard]] QString label() const; // "2023年第3季度（累计）"
};

// Why a contribution was listed but not counted.
enum class NotCounted : std::uint8_t {
    No,                 // it counted
    ProjectCounted,     // the project already counted for this measure (each project once)
    MonthlyCap,         // the month's leads were already counted up to the cap
    DuplicateClaim,     // one project, one credit: the record holds none of it (duplicates.h)
};

// A whole credit in the fixed point of shares (0.0001): a joint credit splits it (duplicates.h).
inline constexpr std::uint16_t WholeShare = std::uint16_t(Points::Scale);

// One record's part in a task or a zone target. Kept small: a year can hold a million of them.
struct Contribution
{
    RecordId record;
    RecordId project;        // milestones: the project, counted once per measure
    QDate date;
    UnitCode unit;
    Quantity quantity = 0;   // 1 for a count, minor units for an amount
    std::uint32_t index = 0; // the record's position in Ledger::records() while scoring
    RecordKind kind = RecordKind::Visit;
    bool ofWhich = false;    // it also meets the measure's "of which" condition
    bool counted = true;
    NotCounted why = NotCounted::No;
    std::uint8_t monthlyCap = 0;
    std::uint16_t share = WholeShare; // the part of the credit the record holds, in 0.0001s

    // Why it was not counted, in words for the office ("2023年3月已计满4条"); empty when it counted.
    [[nodiscard]] QString note() const;
};

struct MeasureProgress
{
    Quantity achieved = 0;        // rounded half up to a whole unit when a credit is shared
    Quantity ofWhichAchieved = 0;
    // Exactly, in 0.0001s of a unit (each contribution's quantity × its share): the points come from these.
    Quantity achievedParts = 0;
    Quantity ofWhichParts = 0;
    std::vector<Contribution> contributions; // by date, then record id
};

struct TaskScore
{
    QString taskId;
    QString name;
    Quantity target = 0;
    std::optional<Quantity> ofWhichTarget;
    MeasureProgress progress;
    Points maxPoints;
    Points points;
};

struct GroupScore
{
    QString groupId;
    QList<UnitCode> units;
    std::vector<TaskScore> tasks;
    Points total;   // the group's task score, shared by its units
    Points maxTotal;
};

enum class BonusKind { Referral, CapitalIncrease, Headquarters, Discretionary };
[[nodiscard]] QString toString(BonusKind kind);

struct BonusItem
{
    RecordId record;
    QDate date;
    Quantity amount = 0;  // capital increase: USD cents
    Points points;        // what this record added (after the cap)
    bool counted = true;
    QString note;
    std::uint32_t index = 0; // the record's position in Ledger::records() while scoring
};

struct BonusScore
{
    BonusKind kind = BonusKind::Referral;
    Points raw;                // before the cap
    Points points;             // after the cap
    std::optional<Points> cap;
    std::vector<BonusItem> items;
};

struct PersonScore
{
    PersonId person;
    QString name;
    UnitCode unit;
    int records = 0;       // records credited to the person that produced points
    Points share;          // of the unit's pool
    bool eligible = true;  // for the Advanced Individual award
    QString ineligibleBecause;
    int rank = 0;          // among everyone, by share
};

struct UnitScore
{
    UnitCode unit;
    QString name;
    QString groupId;
    Points taskPoints;
    std::vector<BonusScore> bonuses; // Referral, CapitalIncrease, Headquarters, Discretionary
    Points bonusPoints;
    Points total;
    int rank = 0;           // competition ranking: 1, 1, 3, …
    int headcount = 0;
    Points pool;            // total × headcount, shared among the unit's people
    bool manualShares = false;
    bool eligible = true;   // for the Advanced Collective award
    QString ineligibleBecause;
    QList<RecordId> revoked; // records of the unit revoked as false in the year so far
    std::vector<PersonScore> people; // by share, descending
};

struct ZoneProgress
{
    QString targetId;
    QString name;
    Quantity target = 0;
    std::optional<Quantity> ofWhichTarget;
    MeasureProgress progress;
};

struct Awards
{
    QList<UnitCode> collective;      // 招商引资先进集体 (more than one only on a tie)
    QList<PersonId> individuals;     // 招商引资先进个人 (more than five only on a tie)
};

struct ScoreReport
{
    QString schemeId;
    Period period;
    std::vector<ZoneProgress> zone;
    std::vector<GroupScore> groups;
    std::vector<UnitScore> units;     // ranked
    std::vector<PersonScore> people;  // ranked by share
    Awards awards;
    QList<FieldError> problems;       // records credited to unknown units, rejected manual shares, …

    [[nodiscard]] const UnitScore *unit(const UnitCode &code) const;
    [[nodiscard]] const GroupScore *group(QStringView id) const;
    [[nodiscard]] const TaskScore *task(QStringView id) const;
    [[nodiscard]] const ZoneProgress *zoneTarget(QStringView id) const;
    [[nodiscard]] const PersonScore *person(const PersonId &id) const;
};

struct ScoreOptions
{
    // Shares of a unit's pool set by its contact; used when they are valid (never more than the pool,
    // never negative, only the unit's own people), else the default and a problem is reported.
    QHash<UnitCode, QHash<PersonId, Points>> manualShares;
};

// The points a task earns for a progress (proportional or all-or-nothing, "of which" at the lower
// ratio, rounded half up to 0.0001).
[[nodiscard]] Points taskPoints(const Task &task, Quantity achieved, Quantity ofWhichAchieved);

[[nodiscard]] ScoreReport score(const Scheme &scheme, const Ledger &ledger, const Period &period,
                                const ScoreOptions &options = {});

} // namespace ledger
