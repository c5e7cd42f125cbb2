// The scheme as data: zone targets, task groups and their tasks, bonuses, awards and the settings
// the notice leaves open. The 2023 scheme is shared/schemes/xxkfq-2023.json; a 2024 scheme is a new
// file, not new code. loadScheme() validates everything and reports every problem with its path.
#pragma once

#include "ledger/amount.h"
#include "ledger/entities.h"
#include "ledger/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace ledger {

// What a task or zone target counts.
enum class MeasureOf {
    Milestones,        // projects reaching a stage (count), each project once
    Investment,        // total investment of projects reaching a stage (sum, CNY)
    Funds,             // funds arrived of one kind (sum)
    Leads,             // valuable leads filed (count), optionally capped per month
    Trips,             // outbound trips (count)
    InstitutionVisits, // visits to national institutions, investors, entrepreneurs, associations (count)
    SigningEvents,     // major signing events (count)
    MapCompletions,    // investment map completed (count)
};

// Conditions on a project; an unset condition matches anything.
struct ProjectFilter
{
    std::optional<Money> minInvestment;
    std::optional<bool> chemical;
    std::optional<bool> provincialLedger;
    std::optional<bool> foreignFunded;
    std::optional<bool> upgradeTransfer;
    std::optional<bool> leadingIndustry;
    [[nodiscard]] bool isEmpty() const
    {
        return !minInvestment && !chemical && !provincialLedger && !foreignFunded && !upgradeTransfer && !leadingIndustry;
    }
    friend bool operator==(const ProjectFilter &, const ProjectFilter &) = default;
};

struct Measure
{
    MeasureOf of = MeasureOf::Milestones;
    MilestoneStage stage = MilestoneStage::Signed; // Milestones, Investment
    FundsKind funds = FundsKind::OutsideProvinceRmb; // Funds
    ProjectFilter where;                           // Milestones, Investment; Trips use leadingIndustry
    std::optional<ProjectFilter> ofWhich;          // "2 projects, 1 of them on the provincial ledger"
    int perMonthCap = 0;                           // Leads: at most this many counted a month (0: no cap)

    [[nodiscard]] bool isAmount() const { return of == MeasureOf::Investment || of == MeasureOf::Funds; }
    [[nodiscard]] Currency currency() const { return of == MeasureOf::Funds ? currencyOf(funds) : Currency::CNY; }
    // Same thing counted (ignoring targets and caps): a task may only feed a zone target it measures.
    [[nodiscard]] bool countsSameAs(const Measure &o) const;
};

// A target or an amount achieved, in the measure's unit: a count, or minor units of its currency.
using Quantity = std::int64_t;

enum class CreditMode {
    Proportional, // points × min(achieved, target) / target
    AllOrNothing, // full points once the target is met, none before
};

struct SchemeUnit
{
    UnitCode code;
    QString name;
    QString nameEn;
    QString head;
    int headcount = 0; // formal on-duty staff; the personal pool is score × headcount
};

struct Industry
{
    QString key;
    QString name;
    QString nameEn;
    bool leading = false;  // a leading industry (主导产业); otherwise an emerging one
    QStringList chain;     // the links of its chain, upstream to downstream, for the investment map
};

struct ZoneTarget
{
    QString id;
    QString name;
    Measure measure;
    Quantity target = 0;
    std::optional<Quantity> ofWhichTarget;
};

struct Task
{
    QString id;
    QString name;
    Measure measure;
    Quantity target = 0;
    std::optional<Quantity> ofWhichTarget;
    Points points;
    CreditMode credit = CreditMode::Proportional;
    QString zoneTarget; // the zone target this task's target is a share of, or empty
};

struct TaskGroup
{
    QString id;
    QString leader;
    QList<UnitCode> units;
    Points total;
    QList<Task> tasks;
};

struct ReferralRule
{
    Points leadingIndustry;  // per referral of a leading-industry enterprise
    Points foreign;          // per referral of a foreign enterprise
    Points cap;              // per unit per year
};

struct CapitalIncreaseRule
{
    Money per;               // for each whole `per` arrived …
    Points points;           // … this many points
    Points cap;              // per unit per year
};

struct HeadquartersRule
{
    Points points;           // per qualifying headquarters
    Money minImportExport;   // import/export HQ
    Money minAnnualOutput;   // construction HQ
    Money minLocalFiscal;    // construction HQ
    Money minRegisteredCapital; // financial HQ
    Money minPaidInCapital;     // financial HQ
};

struct AwardRules
{
    int collectiveTop = 1;   // 先进集体
    int individualTop = 5;   // 先进个人
    QList<UnitCode> excludedUnits; // not eligible, nor their people
};

struct CheckInRules
{
    double maxAccuracyM = 50;   // a reading is accepted when at least this accurate
    double farFromSiteM = 500;  // farther than this from the registered site is flagged
    double maxSpeedKmh = 300;   // faster than this since the previous check-in is flagged
};

struct Scheme
{
    int schemeVersion = 1;
    QString id;
    int year = 0;
    QString title;
    QList<SchemeUnit> units;
    QList<Industry> industries;
    QList<ZoneTarget> zoneTargets;
    QList<TaskGroup> groups;
    ReferralRule referral;
    CapitalIncreaseRule capitalIncrease;
    HeadquartersRule headquarters;
    AwardRules awards;
    CheckInRules checkIn;

    [[nodiscard]] const SchemeUnit *unit(const UnitCode &code) const;
    [[nodiscard]] const TaskGroup *groupOf(const UnitCode &code) const;
    [[nodiscard]] const Industry *industry(QStringView key) const;
    [[nodiscard]] bool isLeadingIndustry(QStringView key) const;
    [[nodiscard]] bool isExcludedFromAwards(const UnitCode &code) const;
};

struct SchemeLoad
{
    std::optional<Scheme> scheme;  // set only when there are no problems
    QList<FieldError> problems;    // every problem, each with its path
};

[[nodiscard]] SchemeLoad loadScheme(const QByteArray &json);
[[nodiscard]] SchemeLoad loadSchemeFile(const QString &path);
// The scheme compiled into the library (":/schemes/xxkfq-2023.json").
[[nodiscard]] Scheme scheme2023();

// A quantity in the measure's unit, for people: "3", "8亿元", "1011万美元".
[[nodiscard]] QString formatQuantity(const Measure &measure, Quantity q);

} // namespace ledger
