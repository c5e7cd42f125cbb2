// Wire names of the enumerations and the accessors common to every record.
#include "ledger/entities.h"

#include <array>
#include <utility>

namespace ledger {

namespace {
template<class E, std::size_t N>
using NameTable = std::array<std::pair<E, const char16_t *>, N>;

constexpr NameTable<Role, 6> roleNames{{{Role::Staff, u"staff"}, {Role::UnitContact, u"unit_contact"},
    {Role::Reviewer, u"reviewer"}, {Role::Supervisor, u"supervisor"}, {Role::Leader, u"leader"},
    {Role::Admin, u"admin"}}};
constexpr NameTable<ReviewState, 4> reviewNames{{{ReviewState::Submitted, u"submitted"},
    {ReviewState::Recognised, u"recognised"}, {ReviewState::Returned, u"returned"},
    {ReviewState::Revoked, u"revoked"}}};
constexpr NameTable<RecordKind, 11> kindNames{{{RecordKind::Visit, u"visit"}, {RecordKind::Trip, u"trip"},
    {RecordKind::Lead, u"lead"}, {RecordKind::Project, u"project"}, {RecordKind::Milestone, u"milestone"},
    {RecordKind::Funds, u"funds"}, {RecordKind::Referral, u"referral"},
    {RecordKind::Headquarters, u"headquarters"}, {RecordKind::Award, u"award"},
    {RecordKind::SigningEvent, u"signing_event"}, {RecordKind::MapCompletion, u"map_completion"}}};
constexpr NameTable<InstitutionCategory, 4> institutionNames{{
    {InstitutionCategory::NationalResearchInstitution, u"national_research_institution"},
    {InstitutionCategory::IndustrialInvestmentInstitution, u"industrial_investment_institution"},
    {InstitutionCategory::WellKnownEntrepreneur, u"well_known_entrepreneur"},
    {InstitutionCategory::NationalIndustryAssociation, u"national_industry_association"}}};
constexpr NameTable<MilestoneStage, 3> stageNames{{{MilestoneStage::Signed, u"signed"},
    {MilestoneStage::Landed, u"landed"}, {MilestoneStage::Started, u"started"}}};
constexpr NameTable<FundsKind, 3> fundsNames{{{FundsKind::OutsideProvinceRmb, u"outside_province_rmb"},
    {FundsKind::ForeignCapitalUsd, u"foreign_capital_usd"},
    {FundsKind::ForeignCapitalIncreaseUsd, u"foreign_capital_increase_usd"}}};
constexpr NameTable<ReferralDirection, 2> directionNames{{
    {ReferralDirection::EnterpriseVisitedZone, u"enterprise_visited_zone"},
    {ReferralDirection::ZoneVisitedEnterprise, u"zone_visited_enterprise"}}};
constexpr NameTable<HeadquartersType, 3> hqNames{{{HeadquartersType::ImportExport, u"import_export"},
    {HeadquartersType::Construction, u"construction"}, {HeadquartersType::Financial, u"financial"}}};
constexpr NameTable<AwardCategory, 4> awardNames{{
    {AwardCategory::StrategicEmergingIndustry, u"strategic_emerging_industry"},
    {AwardCategory::ResearchInstitution, u"research_institution"}, {AwardCategory::Fortune500, u"fortune500"},
    {AwardCategory::Other, u"other"}}};
constexpr NameTable<CheckInFlag, 6> flagNames{{{CheckInFlag::FarFromSite, u"far_from_site"},
    {CheckInFlag::MockLocation, u"mock_location"}, {CheckInFlag::RepeatedCoordinates, u"repeated_coordinates"},
    {CheckInFlag::ImpossibleSpeed, u"impossible_speed"}, {CheckInFlag::InaccurateFix, u"inaccurate_fix"},
    {CheckInFlag::NoSiteLocation, u"no_site_location"}}};
constexpr NameTable<ClaimDecision, 4> claimNames{{{ClaimDecision::Undecided, u"undecided"},
    {ClaimDecision::KeepFirst, u"keep_first"}, {ClaimDecision::MoveCredit, u"move_credit"}, {ClaimDecision::Joint, u"joint"}}};

template<class E> constexpr const auto &table();
template<> constexpr const auto &table<Role>() { return roleNames; }
template<> constexpr const auto &table<ReviewState>() { return reviewNames; }
template<> constexpr const auto &table<RecordKind>() { return kindNames; }
template<> constexpr const auto &table<InstitutionCategory>() { return institutionNames; }
template<> constexpr const auto &table<MilestoneStage>() { return stageNames; }
template<> constexpr const auto &table<FundsKind>() { return fundsNames; }
template<> constexpr const auto &table<ReferralDirection>() { return directionNames; }
template<> constexpr const auto &table<HeadquartersType>() { return hqNames; }
template<> constexpr const auto &table<AwardCategory>() { return awardNames; }
template<> constexpr const auto &table<CheckInFlag>() { return flagNames; }
template<> constexpr const auto &table<ClaimDecision>() { return claimNames; }

template<class E> QString nameOf(E v)
{
    for (const auto &[e, name] : table<E>()) {
        if (e == v)
            return QString::fromUtf16(name);
    }
    Q_UNREACHABLE();
}
} // namespace

template<class E> std::optional<E> enumFromString(QStringView name)
{
    for (const auto &[e, n] : table<E>()) {
        if (name == QStringView(n))
            return e;
    }
    return std::nullopt;
}

template<class E> QStringList enumNames()
{
    QStringList out;
    for (const auto &entry : table<E>())
        out << QString::fromUtf16(entry.second);
    return out;
}

#define LEDGER_ENUM(E)                                                                                   \
    QString toString(E v) { return nameOf(v); }                                                          \
    template std::optional<E> enumFromString<E>(QStringView);                                            \
    template QStringList enumNames<E>();

LEDGER_ENUM(Role)
LEDGER_ENUM(ReviewState)
LEDGER_ENUM(RecordKind)
LEDGER_ENUM(InstitutionCategory)
LEDGER_ENUM(MilestoneStage)
LEDGER_ENUM(FundsKind)
LEDGER_ENUM(ReferralDirection)
LEDGER_ENUM(HeadquartersType)
LEDGER_ENUM(AwardCategory)
LEDGER_ENUM(CheckInFlag)
LEDGER_ENUM(ClaimDecision)
#undef LEDGER_ENUM

const RecordMeta &metaOf(const Record &r)
{
    return std::visit([](const auto &x) -> const RecordMeta & { return x.meta; }, r);
}

RecordMeta &metaOf(Record &r)
{
    return std::visit([](auto &x) -> RecordMeta & { return x.meta; }, r);
}

RecordKind kindOf(const Record &r)
{
    // The variant's alternatives are declared in RecordKind's order.
    return static_cast<RecordKind>(r.index());
}

QDate eventDate(const Record &r)
{
    struct V {
        QDate operator()(const Visit &x) const { return x.date; }
        QDate operator()(const Trip &x) const { return x.start; }
        QDate operator()(const Lead &x) const { return x.filed; }
        QDate operator()(const Project &x) const { return x.talksSince; }
        QDate operator()(const Milestone &x) const { return x.date; }
        QDate operator()(const FundsArrival &x) const { return x.date; }
        QDate operator()(const Referral &x) const { return x.date; }
        QDate operator()(const HeadquartersClaim &x) const { return x.date; }
        QDate operator()(const Award &x) const { return x.date; }
        QDate operator()(const SigningEvent &x) const { return x.date; }
        QDate operator()(const MapCompletion &x) const { return x.date; }
    };
    return std::visit(V{}, r);
}

Currency currencyOf(FundsKind k)
{
    return k == FundsKind::OutsideProvinceRmb ? Currency::CNY : Currency::USD;
}

} // namespace ledger
