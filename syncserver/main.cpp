// syncserver: the bureau's master ledger. This entry point only parses the subcommand and hands
// over; each subcommand lives in the server core.
#include "ledger/reportjson.h"
#include "ledger/scoring.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream(stdout) << ledger::toText(ledger::score(ledger::scheme2023(), ledger::Ledger(), ledger::Period{2023, 4, false}), ledger::scheme2023());
    return 0;
}
