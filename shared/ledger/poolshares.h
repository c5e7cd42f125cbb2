// The rule for personal shares of a unit's pool (个人分配) set by the unit's contact: only the unit's
// own people, no negative share, and together never more than the pool. The server checks it when
// a contact sets shares; scoring checks it again before using stored shares, and falls back to the
// default split when they no longer hold (a person moved unit, the pool shrank).
#pragma once

#include "ledger/amount.h"
#include "ledger/ids.h"
#include "ledger/ledger.h"
#include "ledger/result.h"

#include <QHash>
#include <optional>

namespace ledger {

struct PoolShareProblem
{
    enum class Kind : std::uint8_t {
        NotOfUnit, // `person` is unknown or belongs to another unit
        Negative,  // `person`'s share is below zero
        OverPool,  // the shares add up to `sum`, more than `pool`
    };
    Kind kind = Kind::OverPool;
    PersonId person; // NotOfUnit, Negative
    Points sum;      // OverPool
    Points pool;     // OverPool

    // As an error for scoring's problem list, at `field` (share_not_of_unit, share_negative,
    // shares_over_pool), so each side shows it in the person's language.
    [[nodiscard]] FieldError toError(const QString &field, const UnitCode &unit) const;
};

// The first problem of `shares` for `unit` with `pool` to share, looking at the people in id order
// (so the same shares always give the same answer); nullopt when the shares may be used.
[[nodiscard]] std::optional<PoolShareProblem> checkPoolShares(const Ledger &ledger, const UnitCode &unit,
                                                              const QHash<PersonId, Points> &shares, Points pool);

} // namespace ledger
