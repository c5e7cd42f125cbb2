// A record named as the office would name it in a notice or a table's note: the kind in Chinese and
// what it is about ("签约项目「年产5万吨精细化学品项目」（河南宏达化学有限公司）"), never its id.
#pragma once

#include "ledger/ledger.h"

namespace ledger {

// The kind of record as the office says it: 拜访, 外出招商, 招商信息, 项目, 签约, 落地, 开工, 到位资金, …
[[nodiscard]] QString kindCaption(const Record &record);

// The kind and what the record is about: the project and its enterprise, the enterprise visited, the
// trip's destination, the award's reason. Names not yet in the ledger (an enterprise still syncing)
// are left out rather than shown as ids.
[[nodiscard]] QString recordCaption(const Ledger &ledger, const Record &record);

} // namespace ledger
