// One project, one credit on the server (the rule is shared/ledger/duplicates.h): a record marked as a
// duplicate claim when it reaches the ledger, a reviewer's decision on a claim, what a record's
// readers are told about the claims it is part of, and the bureau's report of suspected duplicates.
#pragma once

#include "accounts.h"
#include "store.h"

#include "ledger/scheme.h"

#include <QJsonArray>
#include <QJsonObject>

namespace syncserver {

class DuplicateClaims
{
public:
    DuplicateClaims(Store &store, const ledger::Scheme &scheme);

    // Inside the write that creates `entity`: marks it as a claim ("claim": {"first", "decision":
    // "undecided"}) when another unit's filing of the same project, stage or lead is already in the
    // ledger. Server order: everything committed reached the ledger first; the transaction's own
    // records are the same device's, so of the same unit.
    static void markOnArrival(Store &store, ledger::Database &db, StoredEntity &entity);

    // A reviewer's decision: "keep_first", "move_credit" or "joint" (with "share", 0 < share < 1),
    // with a reason; not by anyone with a stake in the claim or in the filing it claims.
    [[nodiscard]] QJsonObject decide(const Session &session, const QString &recordId, const QString &decision, const QString &share,
                                     const QString &reason);

    // For a record's reader: {"duplicateClaim": the first filing it claims} on a claim and
    // {"claims": [the claims on it]} on a first filing; empty otherwise.
    [[nodiscard]] static QJsonObject describe(const ledger::Ledger &ledger, const ledger::Record &record, const ledger::Scheme &scheme);

    // The bureau's report: every claim with its decision, enterprise entries that look like one
    // enterprise (the same credit code, or the same name once its form and brackets are set aside),
    // and enterprises filed as leads by more than one unit.
    [[nodiscard]] QJsonObject report(const Session &session) const;

private:
    Store &m_store;
    const ledger::Scheme &m_scheme;
};

} // namespace syncserver
