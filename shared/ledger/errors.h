// Errors as codes: what is wrong with a field, as a stable code plus its values, and the one table
// that turns a code into words. The words are Chinese, the office's first language; each is marked
// for translation in the context "ledger", so the app shows them in the person's language through
// QCoreApplication::translate("ledger", …) while the server sends the Chinese with the code.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <functional>
#include <optional>

namespace ledger {

// Every code the shared rules produce. The wire name of each (codeName()) is stable snake_case:
// apps and the server compare codes, never words. Its text and the values it takes are in errors.cpp.
enum class ErrorCode {
    Other, // described in words only (the device's store, the server's own checks): see FieldError::message

    // Reading JSON: the wire format, the scheme file, a ledger document.
    Missing,
    Empty,
    WrongType,
    TooLong,
    TooMany,
    Negative,
    TooSmall,
    OutOfRange,
    NotPositive,
    NotFinite,
    NotWhole,
    NotADate,
    NotAnInstant,
    NotAnId,
    NotAUnitCode,
    NotASha256,
    UnknownValue,
    UnknownKey,
    WrongCurrency,
    BadAmount,
    BadPoints,
    UnsupportedVersion,
    NoCheckInReason,
    EndBeforeStart,
    NotJson,
    Unreadable,
    // Strict input (RFC 8259 text, closed field lists, bounded quantities): docs/wire-format.md.
    ControlCharacter, // %1 the character ("U+0000"), %2 where (the byte offset in the text, or the character's position)
    TooDeep,          // %1 the deepest nesting allowed
    UnknownField,     // %1 the field's name
    TooLarge,         // %1 the largest value allowed
    SumOverflow,      // %1 what was being added up

    // The unified social credit code.
    CreditCodeLength,
    CreditCodeLowercase,
    CreditCodeLowercaseUnused,
    CreditCodeUnusedLetter,
    CreditCodeFullWidth,
    CreditCodeSpace,
    CreditCodeCharacter,
    CreditCodeCheck,

    // The scheme file's own rules.
    Duplicate,
    EmptyList,
    AlreadyInGroup,
    InNoGroup,
    ImplausibleYear,
    OfWhichNotAllowed,
    TripsLeadingOnly,
    TakesNoConditions,
    OfWhichPairing,
    OfWhichOverTarget,
    UnknownZoneTarget,
    ZoneTargetMismatch,
    PointsSum,
    TargetsSum,
    OfWhichTargetsSum,

    // Recognition: the evidence a record lacks.
    VisitNoEnterprise,
    VisitNoDate,
    VisitNoOutcome,
    VisitNoCheckIn,
    TripNoDestination,
    TripDates,
    TripNoMembers,
    TripNotLeading,
    TripNoSummary,
    LeadNoName,
    LeadNoIntention,
    LeadNoFiledDate,
    ProjectNoEnterprise,
    ProjectNoName,
    ProjectNoInvestment,
    MilestoneNoProject,
    ProjectRevoked,
    SignedNoDate,
    LandedNoDate,
    StartedNoDate,
    SignedNoAgreement,
    LandedNoLegalEntity,
    LandedNoTax,
    LandedNoEvidence,
    StartedNoEvidence,
    FundsNotPositive,
    FundsNoDate,
    FundsNoProof,
    ReferralNotEligible,
    ReferralNoEvidence,
    HqNoAgreement,
    HqNotBusinessRegistered,
    HqNotTaxRegistered,
    HqImportExportShort,
    HqOutputShort,
    HqFiscalShort,
    HqRegisteredCapitalShort,
    HqPaidInShort,
    HqNoEvidence,
    AwardNotPositive,
    AwardNoReason,
    EventNoTitle,
    EventNoEvidence,
    MapNoIndustries,
    MapNoEvidence,

    // Recognition: why a record does not count.
    AwaitingReview,
    Returned,
    Revoked,
    OutsideYear,
    ProjectNotScored,
    VisitNotScored,
    // One project, one credit (duplicates.h): %1 the unit holding the credit, %2 the filing, (%3 the reason).
    DuplicateClaimUndecided, // %1 the first filing's unit, %2 its caption
    DuplicateClaimKept,      // %1 the first filing's unit, %2 the reviewer's reason
    CreditMoved,             // %1 the unit the credit moved to, %2 the reviewer's reason

    // The check-in flags, for the reviewer.
    FarFromSite,
    MockLocation,
    RepeatedCoordinates,
    ImpossibleSpeed,
    InaccurateFix,
    NoSiteLocation,

    // Scoring.
    UnitNotInScheme,
    PeriodOutsideScheme,
    ReviewNotReviewer,  // reviewflow: the move is a reviewer's decision
    ReviewNotEditor,    // reviewflow: only the record's author or the unit's contact changes it
    ReviewReasonNeeded, // reviewflow: returning and revoking need a reason; %1 the move's name
    ReviewWrongState,   // reviewflow: %1 the record's state, %2 the move, %3 the states it may be made from
    ShareNegative,
    ShareNotOfUnit,
    SharesOverPool,

    // Roles and sign-in: who may write, read and decide what (the server's sync.cpp and routes/),
    // and signing in (accounts.cpp).
    RoleRequired,         // %1 the roles that may
    NotAllowed,           // not this person's to do (the route says why, in the message)
    NoSuchRecord,         // no such record, or none this person may read
    NotAWriter,           // only the units' staff (the bureau's reviewers: their own kinds) write records
    OtherUnitRecord,      // %1 the person's own unit
    AwardByReviewer,      // discretionary points are the bureau's reviewers' to enter
    EnterpriseNotEditor,  // the unit that added an enterprise, or the bureau, edits it
    ReviewOwnRecord,      // nobody decides on a record they wrote or are credited on
    // Deciding a duplicate claim and the leading group's recognition (duplicates.h, reviewflow.h).
    NotADuplicateClaim,   // the record is no duplicate claim
    ClaimDecisionNeeded,  // %1 the decisions a reviewer may make
    ClaimShareJointOnly,  // a share goes with a joint credit, and a joint credit with a share
    ClaimShareRange,      // %1 the share given
    ClaimSharesOver,      // %1 the claims' shares together
    ClaimCreditMoved,     // another claim on the same filing already holds the moved credit
    ClaimJointHeld,       // the credit is shared with other claims: it cannot move whole
    MeetingDateNeeded,    // the leading group's recognition names its meeting
    MeetingDateFuture,    // %1 the date given
    LeadingGroupStageOnly, // the leading group recognises project stages
    ReviewNotLeader,      // the leading group's recognition is a leader's
    NoSuchFile,           // no such proof file, or none this person may read
    SignInRefused,        // wrong login or password, or the account is disabled (one answer for all)
    SignInThrottled,      // %1 the seconds to wait
    CurrentPasswordWrong,
    PasswordLength,       // %1 the fewest characters, %2 the most

    // The sync protocol's messages (ledger/syncprotocol.h): what a push or pull lacks.
    UpsertWithoutEntity,
    DeleteWithoutId,
    SkippedWithoutOriginal,
    RejectedWithoutReason,
    AppliedWithoutId,
    CountOverResults,
};
inline constexpr int ErrorCodeCount = int(ErrorCode::CountOverResults) + 1;

struct FieldError
{
    QString field;           // a path into the input: "checkIn.accuracyM", "groups[0].tasks[2].points"
    ErrorCode code = ErrorCode::Other;
    QStringList args;        // the values the code's text names, in order (%1, %2, …)
    // The words in the source language (Chinese): the table's text with the args filled in, or,
    // for ErrorCode::Other, the caller's own description.
    QString message;

    FieldError() = default;
    // A problem with no code: the words are all there is (I/O and database failures, local checks).
    FieldError(QString field, QString detail);
    FieldError(QString field, ErrorCode code, QStringList args = {});

    // For logs, in no one's language: "name: missing", "name: too_long(201, 200)", or the words of Other.
    [[nodiscard]] QString toString() const;
    friend bool operator==(const FieldError &, const FieldError &) = default;
};

// Turns the Chinese source text into the person's language; empty: keep the source text.
// The app passes [](const char *s) { return QCoreApplication::translate("ledger", s); }.
using Translate = std::function<QString(const char *sourceText)>;

// The stable name of a code ("missing", "too_long"), and back.
[[nodiscard]] QString codeName(ErrorCode code);
[[nodiscard]] std::optional<ErrorCode> errorCodeFromName(QStringView name);
// The code's text as marked for translation ("ledger" context), with %1, %2, … for its args;
// nullptr for ErrorCode::Other, which has no text of its own.
[[nodiscard]] const char *sourceText(ErrorCode code);
// How many args the code's text takes.
[[nodiscard]] int argCount(ErrorCode code);

// The error in words: the code's text, translated, with the args filled in. Other gives its message.
[[nodiscard]] QString message(const FieldError &error, const Translate &translate = {});

// {"code": "too_long", "message": "<the Chinese words>", "field": "name", "args": ["201", "200"]};
// "field" and "args" are left out when empty. How the server sends an error, and the golden files.
[[nodiscard]] QJsonObject toJson(const FieldError &error);
// Reads toJson()'s form back; an unknown code becomes Other with the message it came with.
[[nodiscard]] FieldError fieldErrorFromJson(const QJsonObject &json);

} // namespace ledger
