// The local store's SQLite schema: one ledger::Migration per version, applied in order when the
// store opens. A later build appends version 3, 4, … to migrations() and raises Version.
#pragma once

#include "ledger/database.h"

#include <vector>

namespace mobile {

class LocalSchema
{
public:
    static constexpr int Version = 4;
    // Version 1: entities, outbox, sent, attachments, meta (and the device id); version 2: the
    // generated, indexed columns that lists sort and filter by; version 3: drafts (forms as the
    // person left them, never pushed; DraftStore); version 4: the reviewer's queued decisions
    // (DecisionQueue).
    [[nodiscard]] static std::vector<ledger::Migration> migrations();
};

} // namespace mobile
