// The personal shares of each unit's pool as its contact set them (table pool_shares): read as
// scoring's options, and replaced a unit at a time with an audit entry. Whether shares may be set
// at all is the rule in shared/ (ledger/poolshares.h); this class only stores them.
#pragma once

#include "store.h"

#include "ledger/amount.h"
#include "ledger/ids.h"
#include "ledger/scoring.h"

#include <QByteArray>
#include <QHash>

namespace syncserver {

class PoolShareStore
{
public:
    explicit PoolShareStore(Store &store);

    // Every unit's shares as scoring takes them; `fingerprint`, when given, receives them as text
    // so that a cached report can tell whether they changed.
    [[nodiscard]] ledger::ScoreOptions options(QByteArray *fingerprint = nullptr);
    // Replaces the unit's shares in one transaction, audited as "pool.shares" with the new shares.
    void replace(const QString &unit, const QHash<ledger::PersonId, ledger::Points> &shares, const Actor &actor);

private:
    Store &m_store;
};

} // namespace syncserver
