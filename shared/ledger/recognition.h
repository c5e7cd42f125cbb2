// Recognition (认定): the evidence each kind of record needs before a reviewer can recognise it,
// and why a record does not count yet, each as an error code with its values (errors.h), whose
// words the app and the server show in the person's language. The server refuses to recognise a record while missingEvidence() is not empty, and
// scoring counts a record only when countsForScore() is true, so both sides apply one rule.
#pragma once

#include "ledger/entities.h"
#include "ledger/ledger.h"
#include "ledger/result.h"
#include "ledger/scheme.h"

namespace ledger {

// What the record still lacks before it can be recognised; empty when it is complete.
[[nodiscard]] QList<FieldError> missingEvidence(const Record &record, const Ledger &ledger, const Scheme &scheme);

// Every reason the record does not count for the scheme now: its review state, its missing
// evidence, a project revoked as false, an event date outside the scheme's year. Empty: it counts.
[[nodiscard]] QList<FieldError> whyNotCounting(const Record &record, const Ledger &ledger, const Scheme &scheme);

// The fast check scoring uses: recognised, and (for a milestone) its project exists and is not revoked.
[[nodiscard]] bool countsForScore(const Record &record, const Ledger &ledger);

// Why a headquarters claim does not meet its type's thresholds (on the field "type", the amount
// claimed and the threshold as args), or nullopt when it does; and the same in Chinese words.
[[nodiscard]] std::optional<FieldError> headquartersShortfallError(const HeadquartersClaim &claim, const HeadquartersRule &rule);
[[nodiscard]] std::optional<QString> headquartersShortfall(const HeadquartersClaim &claim, const HeadquartersRule &rule);

// The points one referral is worth (foreign beats leading-industry); zero when it is neither.
[[nodiscard]] Points referralPoints(const Referral &referral, const ReferralRule &rule);

// A lead is "valuable" only with a stated investment intention.
[[nodiscard]] bool isValuableLead(const Lead &lead);

// Whether a project satisfies a filter, and a trip is about a leading industry.
[[nodiscard]] bool matches(const Project &project, const ProjectFilter &filter, const Scheme &scheme);
[[nodiscard]] bool isLeadingIndustryTrip(const Trip &trip, const Scheme &scheme);

} // namespace ledger
