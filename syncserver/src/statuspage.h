// The read-only status page for the monthly meeting (例会): zone targets against progress, the unit
// ranking with this quarter's movement, and the awards so far, as one self-contained HTML page
// that works offline, on a projector and on a tablet.
#pragma once

#include "ledger/scheme.h"
#include "ledger/scoring.h"

#include <QByteArray>
#include <QDateTime>

namespace syncserver {

// UTF-8 HTML with inline CSS only: no scripts, no external assets, refreshes itself every five
// minutes. `cumulative` is the year so far (the figures that count); `quarterAlone` is the same
// quarter scored alone, shown as each unit's movement this quarter. Every text is escaped.
// Without `names` (the page shown to anyone, `serve --public-status`) no person is named: the
// individual awards are given as a count.
[[nodiscard]] QByteArray statusPage(const ledger::Scheme &scheme, const ledger::ScoreReport &cumulative,
                                    const ledger::ScoreReport &quarterAlone, const QDateTime &generatedAt, bool names = true);

} // namespace syncserver
