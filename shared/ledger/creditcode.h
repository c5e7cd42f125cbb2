// The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from
// "0123456789ABCDEFGHJKLMNPQRTUWXY", the last one a check character over the first 17.
#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace ledger {

// Why a code is not valid, in words a person at the tablet understands; nullopt when it is valid.
[[nodiscard]] std::optional<QString> creditCodeProblem(QStringView code);
[[nodiscard]] inline bool isValidCreditCode(QStringView code) { return !creditCodeProblem(code).has_value(); }
// The check character for the first 17 characters; nullopt if any of them is not allowed.
[[nodiscard]] std::optional<QChar> creditCodeCheckCharacter(QStringView first17);

} // namespace ledger
