// Writing a Sheet as a file: UTF-8 CSV for importing, .xlsx (libxlsxwriter) for printing and
// handing round.
#pragma once

#include "sheet.h"

#include <QByteArray>
#include <QList>

namespace syncserver {

// UTF-8 with a BOM (so spreadsheet programs detect the encoding), CRLF line ends, RFC 4180 quoting.
// Header row first, then the data rows; title, subtitle and footnotes are left out so the file
// imports as a plain table. A text cell starting with = + - @ (or tab / CR) gets a leading
// apostrophe so a spreadsheet never runs it as a formula; number cells are written as they are.
[[nodiscard]] QByteArray toCsv(const Sheet &sheet);

// A one-sheet .xlsx: merged bold title, subtitle, bold bordered header row with an autofilter and
// frozen panes below it, numbers as numbers, dates as dates, footnotes below the table.
// Throws std::runtime_error with libxlsxwriter's message when the file cannot be written.
[[nodiscard]] QByteArray toXlsx(const Sheet &sheet);
// A workbook of several sheets, each laid out as above, in order; sheet names come from the titles
// (made unique). Throws std::invalid_argument for no sheets.
[[nodiscard]] QByteArray toXlsx(const QList<Sheet> &sheets);

} // namespace syncserver
