// The review (认定) of a record as one table: from which states each move may be made, the state it
// leads to, which role makes it, whether it needs a reason and whether it checks the evidence
// (recognition.h). The server enforces the table (push and /review); the app shows what it allows
// (allowedActions, the states' and actions' display names) from the same table.
//
//   submitted ──recognise──▶ recognised          reviewer; the evidence must be complete
//   submitted | recognised ──return──▶ returned  reviewer; with a reason
//   submitted | recognised | returned ──revoke──▶ revoked (as false; final)  reviewer; with a reason
//   returned | recognised ──resubmit──▶ submitted  the record's editor (its author or the unit's
//                                                   contact) saving a change of it
//   submitted | returned ──recognise_by_leading_group──▶ recognised   leader; a project stage lacking
//       the standard evidence, on the leading group's decision (认定 route 4, 「区招商引资领导小组认定
//       的其他项目」): with a reason and the meeting's date, evidence not checked; it then counts like
//       any recognised stage and is marked 领导小组认定 wherever listed (Review::meetingDate)
//
// A reviewer's decision is made by someone with no stake in the record: nobody recognises,
// returns or revokes a record they wrote or are credited on (refuseByInterest), so the bureau's
// own records are decided by a reviewer who is not credited on them.
#pragma once

#include "ledger/entities.h"
#include "ledger/ledger.h"
#include "ledger/result.h"
#include "ledger/scheme.h"

#include <QList>
#include <QString>

#include <optional>

namespace ledger {

enum class ReviewAction { Recognise, Return, Revoke, Resubmit, RecogniseByLeadingGroup };
[[nodiscard]] QString toString(ReviewAction action);
[[nodiscard]] std::optional<ReviewAction> reviewActionFromString(QStringView name);

struct ReviewMove
{
    ReviewAction action;
    QList<ReviewState> from;
    ReviewState to;
    QList<Role> roles;      // any of them may make the move
    bool needsReason;
    bool checksEvidence;    // refused while missingEvidence() is not empty
    bool byReviewer;        // a reviewer's decision (POST …/review), not the side effect of an edit
    bool disinterested;     // not made by the record's author nor by anyone credited on it
    bool needsMeetingDate = false; // the leading group's decision: the meeting's date is given
    QList<RecordKind> kinds = {}; // the kinds it applies to; empty: every kind
};

// The table, one row per action.
[[nodiscard]] const QList<ReviewMove> &reviewMoves();
[[nodiscard]] const ReviewMove &reviewMove(ReviewAction action);

// Whether any of these roles may make a reviewer's decision at all.
[[nodiscard]] bool mayDecide(const QList<Role> &roles);
// The actions the table allows from this state to a person with these roles, in table order.
[[nodiscard]] QList<ReviewAction> allowedActions(ReviewState state, const QList<Role> &roles);

// The same for this person on this record: also leaves out the moves refuseByInterest refuses.
[[nodiscard]] QList<ReviewAction> allowedActions(ReviewState state, const QList<Role> &roles, const PersonId &person, const RecordMeta &record);

// Why the move cannot be made as asked, naming the field ("action", "reason"; "author" or
// "credit.people" for a person deciding on their own record); nullopt when it can.
// Evidence is checked separately (missingForMove), since it needs the whole ledger.
[[nodiscard]] std::optional<FieldError> refuseByRole(ReviewAction action, const QList<Role> &roles);
[[nodiscard]] std::optional<FieldError> refuseByReason(ReviewAction action, const QString &reason);
[[nodiscard]] std::optional<FieldError> refuseByState(ReviewAction action, ReviewState state);
[[nodiscard]] std::optional<FieldError> refuseByInterest(ReviewAction action, const PersonId &person, const RecordMeta &record);
// The meeting's date a leading group's move needs ("meetingDate": missing, or after `today`), and
// refused on any other move; the kinds a move applies to ("kind").
[[nodiscard]] std::optional<FieldError> refuseByMeetingDate(ReviewAction action, const std::optional<QDate> &meetingDate, const QDate &today);
[[nodiscard]] std::optional<FieldError> refuseByKind(ReviewAction action, RecordKind kind);
// What the record lacks for this move: empty when the move checks no evidence or nothing is missing.
[[nodiscard]] QList<FieldError> missingForMove(ReviewAction action, const Record &record, const Ledger &ledger, const Scheme &scheme);

// The state a record of this kind starts in: submitted, except discretionary points (award),
// which a reviewer enters recognised on the leading group's decision.
[[nodiscard]] ReviewState initialState(RecordKind kind);
// Whether a record in this state may be changed, and deleted, by its editor.
[[nodiscard]] bool isEditable(ReviewState state);
[[nodiscard]] bool isDeletable(ReviewState state);
// The state after its editor saved a change: returned or recognised go back to submitted
// (resubmit); discretionary points stay as they are.
[[nodiscard]] ReviewState stateAfterEdit(RecordKind kind, ReviewState state);

// Display names, Chinese source text marked for translation in the context "ReviewFlow": show them
// with QCoreApplication::translate(ReviewFlowContext, displayName(…)).
inline constexpr char ReviewFlowContext[] = "ReviewFlow";
[[nodiscard]] const char *displayName(ReviewState state);
[[nodiscard]] const char *displayName(ReviewAction action);

} // namespace ledger
