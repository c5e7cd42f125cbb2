// The server's demo ledger: a plausible year of all-staff investment promotion for the six units,
// generated from a seed, for demonstrations, screenshots and load tests. Nothing in it is real
// except the scheme, the heads of the units and the names of some well-known institutions.
#pragma once

#include "ledger/ledgerfile.h"
#include "ledger/scheme.h"

#include <QtGlobal>

namespace syncserver {

// A year under `scheme` (its units, industries, check-in rules and year): the units' people,
// 60-100 enterprises, and visits with check-ins, outbound trips, leads, projects and their
// milestones, funds, referrals, headquarters claims, an award, a signing event and the investment
// map, in review states a reviewer would find in December. The same seed gives the same document,
// ids included (UUIDv5 of readable names); every recognised record has its evidence.
[[nodiscard]] ledger::LedgerDocument makeDemoLedger(const ledger::Scheme &scheme, quint32 seed = 2023);

} // namespace syncserver
