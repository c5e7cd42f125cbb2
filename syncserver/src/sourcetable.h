// A spreadsheet as the importer reads it, whatever file it came from: rows of text cells, each row
// with the number the office sees in Excel, so a refusal can name the row it is about.
#pragma once

#include <QList>
#include <QString>

namespace syncserver {

struct SourceCell
{
    QString text;          // as written: trimmed by the importer, not here
    bool isNumber = false; // an XLSX number cell (dates are numbers there too); CSV cells are all text
};

struct SourceRow
{
    int number = 0; // 1-based, as Excel numbers it (a quoted field spanning lines is one row)
    QList<SourceCell> cells;
};

struct SourceTable
{
    QString sheet; // the worksheet's name; empty for a CSV file
    QList<SourceRow> rows;
};

} // namespace syncserver
