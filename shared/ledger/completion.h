// How far a target is met, as the office prints it: tenths of a percent, exact integer arithmetic
// like the scores, rounded half up (2 of 3 is 66.7%), capped at 100% and kept below it until the
// target is met (99.96% prints 99.9%, never a 100% that is not done).
#pragma once

#include "ledger/scheme.h"

#include <QString>

namespace ledger {

// 0..1000; a target of 0 is met by anything above 0.
[[nodiscard]] int completionPerMille(Quantity achieved, Quantity target);
// "66.7%".
[[nodiscard]] QString formatPerMille(int perMille);

} // namespace ledger
