// The ledger's entities: reference data (units, people, enterprises) and the records staff enter
// and reviewers recognise. Plain value types; rules about them live in recognition, scoring and
// checkin, their JSON in wire.
#pragma once

#include "ledger/amount.h"
#include "ledger/ids.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>
#include <variant>

namespace ledger {

// ---- enumerations (their wire names are in entities.cpp) -------------------------------------

enum class Role { Staff, UnitContact, Reviewer, Supervisor, Leader, Admin };

enum class ReviewState {
    Submitted,  // waiting for the bureau
    Recognised, // 认定: counts from now on, in the period of its own event date
    Returned,   // sent back to its author with a reason
    Revoked,    // revoked as false: counts for nothing, makes its unit and people ineligible
};

enum class RecordKind {
    Visit, Trip, Lead, Project, Milestone, Funds, Referral, Headquarters, Award, SigningEvent, MapCompletion,
};

enum class InstitutionCategory {
    NationalResearchInstitution, // 国家级科研机构
    IndustrialInvestmentInstitution, // 重点产业投资机构
    WellKnownEntrepreneur,       // 行业知名企业家
    NationalIndustryAssociation, // 国家级行业协会
};

enum class MilestoneStage { Signed, Landed, Started };

enum class FundsKind {
    OutsideProvinceRmb,       // 实际到位省（市）外资金, RMB
    ForeignCapitalUsd,        // 实际吸收外资资本金, USD
    ForeignCapitalIncreaseUsd, // 外资增资 (bonus), USD
};

enum class ReferralDirection { EnterpriseVisitedZone, ZoneVisitedEnterprise };

enum class HeadquartersType { ImportExport, Construction, Financial };

enum class AwardCategory { StrategicEmergingIndustry, ResearchInstitution, Fortune500, Other };

// A reviewer's decision on a duplicate claim (one project, one credit: duplicates.h).
enum class ClaimDecision {
    Undecided,  // counts for nobody until a reviewer decides
    KeepFirst,  // the first filing keeps the credit; the claim counts for nobody
    MoveCredit, // the credit moves to the claim; the first filing counts for nobody
    Joint,      // a joint credit: the claim holds `share`, the first filing the rest
};

enum class CheckInFlag {
    FarFromSite,       // farther from the registered site than the scheme allows
    MockLocation,      // the platform reported a simulated position
    RepeatedCoordinates, // exactly the same coordinates as an earlier check-in
    ImpossibleSpeed,   // moving faster than possible since the previous check-in
    InaccurateFix,     // accuracy worse than the threshold (accepted by hand)
    NoSiteLocation,    // the enterprise has no registered site to compare with
};

// ---- reference data ---------------------------------------------------------------------------

struct GeoPoint
{
    double latitude = 0;  // WGS-84 degrees
    double longitude = 0;
    friend bool operator==(const GeoPoint &, const GeoPoint &) = default;
};

struct Person
{
    PersonId id;
    QString name;
    UnitCode unit;
    QList<Role> roles;
    bool active = true;
    friend bool operator==(const Person &, const Person &) = default;
};

struct Enterprise
{
    EnterpriseId id;
    QString name;
    QString creditCode;      // 统一社会信用代码, 18 characters (GB 32100-2015); empty when not known yet
    QString industry;        // a leading-industry key from the scheme ("fine_chemicals"), or empty
    QString chainLink;       // the link of that industry's chain ("upstream: raw materials"), or empty
    std::optional<GeoPoint> site; // registered site, for check-ins
    QString address;
    bool foreignInvested = false;
    bool listed = false;
    bool fortune500 = false;
    bool industryLeader = false;
    friend bool operator==(const Enterprise &, const Enterprise &) = default;
};

// ---- what every record carries ----------------------------------------------------------------

struct Credit
{
    UnitCode unit;          // the unit the record is credited to
    QList<PersonId> people; // the people credited on it
    friend bool operator==(const Credit &, const Credit &) = default;
};

struct Review
{
    ReviewState state = ReviewState::Submitted;
    QString reason;        // why it was returned or revoked
    PersonId reviewer;
    QDateTime at;          // UTC
    // Set when a leader recognised the record without the standard evidence on the leading group's
    // decision (认定 route 4, 「区招商引资领导小组认定的其他项目」): the meeting's date; `reason` says why.
    std::optional<QDate> meetingDate;
    friend bool operator==(const Review &, const Review &) = default;
};

// A later filing of what another unit filed first (server order): set by the server when the
// record reaches the ledger, decided by a reviewer. Server-owned, like the review.
struct DuplicateClaim
{
    RecordId first;        // the filing that reached the ledger first and holds the credit
    ClaimDecision decision = ClaimDecision::Undecided;
    std::optional<Points> share; // Joint only: the claim's share of the credit, 0 < share < 1 (fixed point, 0.0001)
    QString reason;        // the reviewer's reason for the decision
    PersonId reviewer;
    QDateTime at;          // UTC, when decided
    friend bool operator==(const DuplicateClaim &, const DuplicateClaim &) = default;
};

struct RecordMeta
{
    RecordId id;
    Credit credit;
    Review review;
    PersonId author;
    std::optional<DuplicateClaim> claim; // set when the record is a duplicate claim
    friend bool operator==(const RecordMeta &, const RecordMeta &) = default;
};

struct Attachment
{
    AttachmentHash sha256;
    QString name;      // the file name shown to people; never used as a path
    QString mimeType;
    qint64 size = 0;
    friend bool operator==(const Attachment &, const Attachment &) = default;
};

// ---- records ----------------------------------------------------------------------------------

struct CheckIn
{
    GeoPoint position;
    double accuracyM = 0;            // horizontal accuracy, metres
    QDateTime fixTime;               // UTC, from the positioning source
    std::optional<double> distanceM; // to the enterprise's registered site, when it has one
    QList<CheckInFlag> flags;
    friend bool operator==(const CheckIn &, const CheckIn &) = default;
};

struct Visit
{
    RecordMeta meta;
    EnterpriseId enterprise;
    QDate date;
    QString purpose;
    QString outcome;
    QString notes;
    QList<Attachment> attachments;
    std::optional<CheckIn> checkIn;
    QString noCheckInReason;                        // required when there is no check-in
    QString farCheckInReason;                       // the person's reason for a check-in far from the site
    std::optional<RecordId> trip;                   // the outbound trip it was made on
    std::optional<InstitutionCategory> institution; // set when the visit counts as an institution visit
    friend bool operator==(const Visit &, const Visit &) = default;
};

struct InstitutionVisit
{
    QString name;
    InstitutionCategory category = InstitutionCategory::NationalResearchInstitution;
    QDate date;
    friend bool operator==(const InstitutionVisit &, const InstitutionVisit &) = default;
};

struct Trip
{
    RecordMeta meta;
    QString destination;
    QDate start;
    QDate end;
    QList<PersonId> members;
    QStringList industries; // leading-industry keys the trip was about
    QList<RecordId> visits;
    QList<InstitutionVisit> institutions;
    QString summary;
    QList<Attachment> attachments;
    friend bool operator==(const Trip &, const Trip &) = default;
};

struct Lead
{
    RecordMeta meta;
    std::optional<EnterpriseId> enterprise;
    QString enterpriseName;
    QString intention; // the stated investment intention; a lead is only "valuable" with one
    Money expectedInvestment{Currency::CNY, 0};
    QString industry;
    QDate filed;
    QString source; // how it was learned
    friend bool operator==(const Lead &, const Lead &) = default;
};

struct Project
{
    RecordMeta meta;
    EnterpriseId enterprise;
    QString name;
    Money investment{Currency::CNY, 0};
    QString industry;
    bool chemical = false;
    bool provincialLedger = false; // 列入省台账
    bool foreignFunded = false;
    bool upgradeTransfer = false;  // 转型升级/承接转移
    QDate talksSince;              // in talks (在谈) since
    QString notes;
    friend bool operator==(const Project &, const Project &) = default;
};

// A project's milestone is its own record, so that each is recognised on its own evidence.
struct Milestone
{
    RecordMeta meta;
    RecordId project;
    MilestoneStage stage = MilestoneStage::Signed;
    QDate date;                       // agreement signed / company registered / construction started
    QList<Attachment> evidence;       // the agreement, business licence, construction photos, …
    bool legalEntityRegistered = false; // landed: independently accounted legal entity in the zone
    bool taxRegistered = false;         // landed: tax registration done
    QString notes;
    friend bool operator==(const Milestone &, const Milestone &) = default;
};

struct FundsArrival
{
    RecordMeta meta;
    EnterpriseId enterprise;
    std::optional<RecordId> project;
    FundsKind kind = FundsKind::OutsideProvinceRmb;
    Money amount;
    QDate date;
    QString payer;
    QList<Attachment> proof; // the investor's written proof
    friend bool operator==(const FundsArrival &, const FundsArrival &) = default;
};

struct Referral
{
    RecordMeta meta;
    EnterpriseId enterprise;
    QDate date;
    ReferralDirection direction = ReferralDirection::EnterpriseVisitedZone;
    bool foreign = false;
    bool leadingIndustry = false;
    QString notes;
    QList<Attachment> evidence;
    friend bool operator==(const Referral &, const Referral &) = default;
};

struct HeadquartersClaim
{
    RecordMeta meta;
    EnterpriseId enterprise;
    HeadquartersType type = HeadquartersType::ImportExport;
    QDate date;                  // the day the claim was complete (its event date)
    QDate agreementDate;         // entry agreement signed
    bool businessRegistered = false;
    bool taxRegistered = false;
    Money importExport;          // customs-reported import/export value for the year
    Money annualOutput;
    Money localFiscal;           // locally retained fiscal contribution
    Money registeredCapital;
    Money paidInCapital;
    QList<Attachment> evidence;
    friend bool operator==(const HeadquartersClaim &, const HeadquartersClaim &) = default;
};

// Discretionary points set by the leading group, entered by a reviewer with a reason.
struct Award
{
    RecordMeta meta;
    AwardCategory category = AwardCategory::Other;
    Points points;
    QString reason;
    QDate date;
    std::optional<EnterpriseId> enterprise;
    friend bool operator==(const Award &, const Award &) = default;
};

struct SigningEvent
{
    RecordMeta meta;
    QString title;
    QDate date;
    QString venue;
    QList<RecordId> projects;
    QList<Attachment> evidence;
    friend bool operator==(const SigningEvent &, const SigningEvent &) = default;
};

struct MapCompletion
{
    RecordMeta meta;
    QDate date;
    QStringList industries;
    QString notes;
    QList<Attachment> evidence;
    friend bool operator==(const MapCompletion &, const MapCompletion &) = default;
};

using Record = std::variant<Visit, Trip, Lead, Project, Milestone, FundsArrival, Referral, HeadquartersClaim,
                            Award, SigningEvent, MapCompletion>;

[[nodiscard]] const RecordMeta &metaOf(const Record &r);
[[nodiscard]] RecordMeta &metaOf(Record &r);
[[nodiscard]] RecordKind kindOf(const Record &r);
// The date a record counts on: the visit made, the lead filed, the agreement signed, the funds arrived, …
// A trip counts on its first day.
[[nodiscard]] QDate eventDate(const Record &r);

// ---- wire names of the enumerations -----------------------------------------------------------
// Each enum has a stable lower_snake name used in JSON, in the scheme file and in the database.

template<class E> struct EnumNames; // specialised in entities.cpp for every enum above

[[nodiscard]] QString toString(Role v);
[[nodiscard]] QString toString(ReviewState v);
[[nodiscard]] QString toString(RecordKind v);
[[nodiscard]] QString toString(InstitutionCategory v);
[[nodiscard]] QString toString(MilestoneStage v);
[[nodiscard]] QString toString(FundsKind v);
[[nodiscard]] QString toString(ReferralDirection v);
[[nodiscard]] QString toString(HeadquartersType v);
[[nodiscard]] QString toString(AwardCategory v);
[[nodiscard]] QString toString(CheckInFlag v);
[[nodiscard]] QString toString(ClaimDecision v);

template<class E> [[nodiscard]] std::optional<E> enumFromString(QStringView name);
// All wire names of E, in declaration order (for error messages: "expected one of …").
template<class E> [[nodiscard]] QStringList enumNames();

// The currency a funds kind is counted in.
[[nodiscard]] Currency currencyOf(FundsKind k);

} // namespace ledger
