// syncserver: the bureau's master ledger. Only hands over to the command line in the core.
#include "cli.h"

int main(int argc, char **argv)
{
    return syncserver::runCli(argc, argv);
}
