// Reading an .xlsx workbook (this project's exports, or the office's own): the zip opened with
// libzip, each worksheet's cells through the shared strings, inline strings and numbers
// (QXmlStreamReader). Formats and formulas are not evaluated: a formula cell gives its cached value.
#pragma once

#include "sourcetable.h"

#include <QByteArray>
#include <QList>

namespace syncserver {

// The worksheets in workbook order. Throws HttpError 422 (code "bad_xlsx", field "file") for a file
// that is not a readable workbook, or one whose parts unpack to more than `maxPartBytes` each.
[[nodiscard]] QList<SourceTable> readXlsx(const QByteArray &bytes, qint64 maxPartBytes = 64 * 1024 * 1024);

} // namespace syncserver
