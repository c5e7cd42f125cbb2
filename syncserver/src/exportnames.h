// The office's words for the ledger's things, shared by the tables (exports.cpp) and the notice
// (notice.cpp): review states, kinds, yes/no, and units, industries and people by name.
#pragma once

#include "ledger/entities.h"
#include "ledger/ledger.h"
#include "ledger/scheme.h"

#include <QString>

namespace syncserver {

// The separator of a list inside one cell: 张三、李四.
inline const QString kListSep = QStringLiteral("、");

[[nodiscard]] QString reviewStateName(ledger::ReviewState s);   // 待认定, 已认定, 已退回, 已认定虚假
[[nodiscard]] QString institutionName(ledger::InstitutionCategory c);
[[nodiscard]] QString fundsKindName(ledger::FundsKind k);       // 省外资金, 外资资本金, 外资增资
[[nodiscard]] QString yesNo(bool b);                            // 是 / 否
// A unit not in the scheme shows its code, an unknown industry key shows as it is, a person not
// in the ledger shows their id: a gap stays visible rather than blank.
[[nodiscard]] QString unitName(const ledger::Scheme &scheme, const ledger::UnitCode &code);
[[nodiscard]] QString industryName(const ledger::Scheme &scheme, const QString &key);
[[nodiscard]] QString personName(const ledger::Ledger &ledger, const ledger::PersonId &id);
[[nodiscard]] QString personNames(const ledger::Ledger &ledger, const QList<ledger::PersonId> &ids);

} // namespace syncserver
