// libFuzzer target: the scheme loader (shared/ledger/scheme). Any bytes are loaded as a scheme:
// the loader must either give a scheme and no problem, or problems and no scheme.
#include "ledger/scheme.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const ledger::SchemeLoad load = ledger::loadScheme(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (load.scheme.has_value() == !load.problems.isEmpty())
        std::abort();
    return 0;
}
