// The personal-shares rule, one implementation for the server's check and for scoring.
#include "ledger/poolshares.h"

#include "ledger/errors.h"

#include <algorithm>
#include <vector>

namespace ledger {

FieldError PoolShareProblem::toError(const QString &field, const UnitCode &unit) const
{
    switch (kind) {
    case Kind::NotOfUnit:
        return FieldError(field, ErrorCode::ShareNotOfUnit, {person.toString(), unit.code()});
    case Kind::Negative:
        return FieldError(field, ErrorCode::ShareNegative, {person.toString()});
    case Kind::OverPool:
        break;
    }
    return FieldError(field, ErrorCode::SharesOverPool, {sum.toString(), pool.toString()});
}

std::optional<PoolShareProblem> checkPoolShares(const Ledger &ledger, const UnitCode &unit, const QHash<PersonId, Points> &shares,
                                                Points pool)
{
    // In the order of the ids as text, the order the contact's JSON object lists them in.
    std::vector<std::pair<QString, PersonId>> people;
    people.reserve(std::size_t(shares.size()));
    for (auto it = shares.begin(); it != shares.end(); ++it)
        people.emplace_back(it.key().toString(), it.key());
    std::sort(people.begin(), people.end(), [](const auto &a, const auto &b) { return a.first < b.first; });

    Points sum;
    for (const auto &[text, id] : people) {
        const Person *p = ledger.person(id);
        if (!p || p->unit != unit)
            return PoolShareProblem{PoolShareProblem::Kind::NotOfUnit, id, {}, {}};
        const Points share = shares.value(id);
        if (share < Points())
            return PoolShareProblem{PoolShareProblem::Kind::Negative, id, {}, {}};
        sum += share;
    }
    if (sum > pool)
        return PoolShareProblem{PoolShareProblem::Kind::OverPool, {}, sum, pool};
    return std::nullopt;
}

} // namespace ledger
