// A score report as JSON: what the server's scores API returns, what the command line prints and
// what the scenario's expected files hold. Points are decimal strings, amounts in minor units.
#pragma once

#include "ledger/scoring.h"

#include <QJsonObject>

namespace ledger {

struct ReportJsonOptions
{
    bool contributions = true; // list the records behind every task and bonus
};

[[nodiscard]] QJsonObject toJson(const ScoreReport &report, const ReportJsonOptions &options = {});

// A plain-text summary for the terminal: zone progress, ranking, awards.
[[nodiscard]] QString toText(const ScoreReport &report, const Scheme &scheme);

} // namespace ledger
