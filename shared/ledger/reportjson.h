// A score report as JSON: what the server's scores API returns, what the command line prints and
// what the scenario's expected files hold. Points are decimal strings, amounts in minor units.
#pragma once

#include "ledger/scoring.h"

#include <QJsonObject>

#include <optional>

namespace ledger {

struct ReportJsonOptions
{
    bool contributions = true; // list the records behind every task and bonus
    // When set, the records are listed only where this unit may see them: its group's tasks, its
    // own bonuses, its own people and revocations. Zone targets, other groups and other units
    // keep their totals without the records behind them, and only this unit's people are listed.
    std::optional<UnitCode> detailOf = std::nullopt;
};

[[nodiscard]] QJsonObject toJson(const ScoreReport &report, const ReportJsonOptions &options = {});
// The same report as compact JSON text, written without building every record of it as a
// QJsonObject first: what the server sends. Parsed, it equals toJson(report, options).
[[nodiscard]] QByteArray toJsonText(const ScoreReport &report, const ReportJsonOptions &options = {});

// A plain-text summary for the terminal: zone progress, ranking, awards.
[[nodiscard]] QString toText(const ScoreReport &report, const Scheme &scheme);

} // namespace ledger
