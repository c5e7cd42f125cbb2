// The demo year, built in the order the office lives it: people and enterprises, the outbound
// trips, the visits with their check-ins, the monthly leads, the projects and their milestones,
// funds, bonuses and the year's single events. Fixed tables decide what happens (which project
// signs when, which funds arrive), so every seed scores the same shape; the seeded generator only
// fills in the everyday: who visits whom on which day, how good the GPS was, which leads wait.
#include "demo.h"

#include "demoyear.h"

namespace syncserver {

ledger::LedgerDocument makeDemoLedger(const ledger::Scheme &scheme, quint32 seed)
{
    return demo::DemoYear(scheme, seed).build();
}

} // namespace syncserver
