// Completion percentages for the office's pages and notices.
#include "ledger/completion.h"

#include "ledger/amount.h"

namespace ledger {

int completionPerMille(Quantity achieved, Quantity target)
{
    if (target <= 0)
        return achieved > 0 ? 1000 : 0;
    if (achieved <= 0)
        return 0;
    if (achieved >= target)
        return 1000;
    // achieved × 2000 can pass 64 bits for amounts in fen: Int128 (amount.h)
    const Int128 pm = (Int128(achieved) * 2000 + Int128(target)) / (Int128(target) * 2);
    return pm > 999 ? 999 : int(pm);
}

QString formatPerMille(int perMille)
{
    return QString::number(perMille / 10) + u'.' + QString::number(perMille % 10) + u'%';
}

} // namespace ledger
