// The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from
// "0123456789ABCDEFGHJKLMNPQRTUWXY", the last one a check character over the first 17.
#pragma once

#include "ledger/errors.h"

#include <QString>
#include <QStringView>
#include <optional>

namespace ledger {

// Why a code is not valid, as one of the CreditCode* codes (the character and its position, or the
// check character expected and found); nullopt when it is valid. The error names no field: the
// caller knows which field held the code.
[[nodiscard]] std::optional<FieldError> creditCodeError(QStringView code);
// The same, in words (Chinese) a person at the tablet understands.
[[nodiscard]] std::optional<QString> creditCodeProblem(QStringView code);
[[nodiscard]] inline bool isValidCreditCode(QStringView code) { return !creditCodeError(code).has_value(); }
// The check character for the first 17 characters; nullopt if any of them is not allowed.
[[nodiscard]] std::optional<QChar> creditCodeCheckCharacter(QStringView first17);

} // namespace ledger
