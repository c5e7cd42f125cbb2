// The review table and the questions asked of it.
#include "ledger/reviewflow.h"

#include "ledger/recognition.h"

#include <algorithm>

namespace ledger {

namespace {

using S = ReviewState;

struct ActionNames
{
    ReviewAction action;
    const char16_t *wire;
    const char *display;
};

constexpr ActionNames Names[] = {
    {ReviewAction::Recognise, u"recognise", QT_TRANSLATE_NOOP("ReviewFlow", "认定")},
    {ReviewAction::Return, u"return", QT_TRANSLATE_NOOP("ReviewFlow", "退回")},
    {ReviewAction::Revoke, u"revoke", QT_TRANSLATE_NOOP("ReviewFlow", "认定虚假")},
    {ReviewAction::Resubmit, u"resubmit", QT_TRANSLATE_NOOP("ReviewFlow", "重新提交")},
    {ReviewAction::RecogniseByLeadingGroup, u"recognise_by_leading_group", QT_TRANSLATE_NOOP("ReviewFlow", "领导小组认定")},
};

const ActionNames &namesOf(ReviewAction action)
{
    return *std::find_if(std::begin(Names), std::end(Names), [&](const ActionNames &n) { return n.action == action; });
}

bool anyOf(const QList<Role> &have, const QList<Role> &wanted)
{
    return std::any_of(wanted.begin(), wanted.end(), [&](Role r) { return have.contains(r); });
}

} // namespace

QString toString(ReviewAction action) { return QString::fromUtf16(namesOf(action).wire); }

std::optional<ReviewAction> reviewActionFromString(QStringView name)
{
    for (const ActionNames &n : Names)
        if (name == QStringView(n.wire))
            return n.action;
    return std::nullopt;
}

const QList<ReviewMove> &reviewMoves()
{
    static const QList<ReviewMove> table{
        {ReviewAction::Recognise, {S::Submitted}, S::Recognised, {Role::Reviewer}, false, true, true, true, false, {}},
        {ReviewAction::Return, {S::Submitted, S::Recognised}, S::Returned, {Role::Reviewer}, true, false, true, true, false, {}},
        {ReviewAction::Revoke, {S::Submitted, S::Recognised, S::Returned}, S::Revoked, {Role::Reviewer}, true, false, true, true, false, {}},
        {ReviewAction::Resubmit, {S::Returned, S::Recognised}, S::Submitted, {Role::Staff, Role::UnitContact}, false, false, false, false, false, {}},
        {ReviewAction::RecogniseByLeadingGroup, {S::Submitted, S::Returned}, S::Recognised, {Role::Leader}, true, false, true, true, true,
         {RecordKind::Milestone}},
    };
    return table;
}

const ReviewMove &reviewMove(ReviewAction action)
{
    const QList<ReviewMove> &table = reviewMoves();
    return *std::find_if(table.begin(), table.end(), [&](const ReviewMove &m) { return m.action == action; });
}

bool mayDecide(const QList<Role> &roles)
{
    const QList<ReviewMove> &table = reviewMoves();
    return std::any_of(table.begin(), table.end(), [&](const ReviewMove &m) { return m.byReviewer && anyOf(roles, m.roles); });
}

QList<ReviewAction> allowedActions(ReviewState state, const QList<Role> &roles)
{
    QList<ReviewAction> out;
    for (const ReviewMove &m : reviewMoves())
        if (m.from.contains(state) && anyOf(roles, m.roles))
            out << m.action;
    return out;
}

QList<ReviewAction> allowedActions(ReviewState state, const QList<Role> &roles, const PersonId &person, const RecordMeta &record)
{
    QList<ReviewAction> out = allowedActions(state, roles);
    out.removeIf([&](ReviewAction a) { return refuseByInterest(a, person, record).has_value(); });
    return out;
}

std::optional<FieldError> refuseByRole(ReviewAction action, const QList<Role> &roles)
{
    const ReviewMove &m = reviewMove(action);
    if (anyOf(roles, m.roles))
        return std::nullopt;
    if (!m.byReviewer)
        return FieldError(QStringLiteral("action"), ErrorCode::ReviewNotEditor);
    return FieldError(QStringLiteral("action"), m.roles.contains(Role::Leader) ? ErrorCode::ReviewNotLeader : ErrorCode::ReviewNotReviewer);
}

std::optional<FieldError> refuseByReason(ReviewAction action, const QString &reason)
{
    if (reviewMove(action).needsReason && reason.trimmed().isEmpty())
        return FieldError(QStringLiteral("reason"), ErrorCode::ReviewReasonNeeded, {QString::fromUtf8(displayName(action))});
    return std::nullopt;
}

std::optional<FieldError> refuseByState(ReviewAction action, ReviewState state)
{
    const ReviewMove &m = reviewMove(action);
    if (m.from.contains(state))
        return std::nullopt;
    // The values are the table's own names (Chinese, the source language), as the message reads.
    QStringList from;
    for (ReviewState s : m.from)
        from << QString::fromUtf8(displayName(s));
    return FieldError(QStringLiteral("action"), ErrorCode::ReviewWrongState,
                      {QString::fromUtf8(displayName(state)), QString::fromUtf8(displayName(action)), from.join(QStringLiteral("”或“"))});
}

std::optional<FieldError> refuseByInterest(ReviewAction action, const PersonId &person, const RecordMeta &record)
{
    if (!reviewMove(action).disinterested || person.isNull())
        return std::nullopt;
    if (record.author == person)
        return FieldError(QStringLiteral("author"), ErrorCode::ReviewOwnRecord);
    if (record.credit.people.contains(person))
        return FieldError(QStringLiteral("credit.people"), ErrorCode::ReviewOwnRecord);
    return std::nullopt;
}

std::optional<FieldError> refuseByMeetingDate(ReviewAction action, const std::optional<QDate> &meetingDate, const QDate &today)
{
    if (!reviewMove(action).needsMeetingDate) {
        if (meetingDate)
            return FieldError(QStringLiteral("meetingDate"), ErrorCode::UnknownField, {QStringLiteral("meetingDate")});
        return std::nullopt;
    }
    if (!meetingDate || !meetingDate->isValid())
        return FieldError(QStringLiteral("meetingDate"), ErrorCode::MeetingDateNeeded);
    if (*meetingDate > today)
        return FieldError(QStringLiteral("meetingDate"), ErrorCode::MeetingDateFuture, {meetingDate->toString(Qt::ISODate)});
    return std::nullopt;
}

std::optional<FieldError> refuseByKind(ReviewAction action, RecordKind kind)
{
    const ReviewMove &m = reviewMove(action);
    if (m.kinds.isEmpty() || m.kinds.contains(kind))
        return std::nullopt;
    return FieldError(QStringLiteral("kind"), ErrorCode::LeadingGroupStageOnly);
}

QList<FieldError> missingForMove(ReviewAction action, const Record &record, const Ledger &ledger, const Scheme &scheme)
{
    if (!reviewMove(action).checksEvidence)
        return {};
    return missingEvidence(record, ledger, scheme);
}

ReviewState initialState(RecordKind kind) { return kind == RecordKind::Award ? S::Recognised : S::Submitted; }

bool isEditable(ReviewState state) { return state != S::Revoked; }

bool isDeletable(ReviewState state) { return state != S::Recognised && state != S::Revoked; }

ReviewState stateAfterEdit(RecordKind kind, ReviewState state)
{
    if (kind == RecordKind::Award)
        return state;
    const ReviewMove &resubmit = reviewMove(ReviewAction::Resubmit);
    return resubmit.from.contains(state) ? resubmit.to : state;
}

const char *displayName(ReviewState state)
{
    switch (state) {
    case S::Submitted: return QT_TRANSLATE_NOOP("ReviewFlow", "待认定");
    case S::Recognised: return QT_TRANSLATE_NOOP("ReviewFlow", "已认定");
    case S::Returned: return QT_TRANSLATE_NOOP("ReviewFlow", "已退回");
    case S::Revoked: return QT_TRANSLATE_NOOP("ReviewFlow", "认定虚假");
    }
    Q_UNREACHABLE();
    return "";
}

const char *displayName(ReviewAction action) { return namesOf(action).display; }

} // namespace ledger
