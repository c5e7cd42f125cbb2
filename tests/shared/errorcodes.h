// Lets QCOMPARE print an ErrorCode by its name ("too_long") when a comparison fails.
#pragma once

#include "ledger/errors.h"

#include <QtTest/qtestcase.h>
#include <cstring>

namespace ledger {
inline char *toString(ErrorCode code) { return qstrdup(codeName(code).toUtf8().constData()); }
} // namespace ledger
