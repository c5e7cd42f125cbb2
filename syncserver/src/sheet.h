// A table as the office's files show it: typed cells (text, exact numbers, dates) in rows under
// headers, with a title, a subtitle and footnotes. Built by exports.cpp, written by sheetwriter.cpp.
#pragma once

#include "ledger/amount.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace syncserver {

enum class CellKind { Empty, Text, Number, Date };

// How a number cell is shown in a spreadsheet; the value itself is always exact.
enum class NumberFormat {
    Count,   // "0"
    WanYuan, // "#,##0.00": an amount in 万 of its currency
    Points,  // "0.0000"
};

// One cell. Numbers are kept as exact decimal text (money from integer fen, points from fixed
// point) so the CSV shows exactly what scoring computed; only the xlsx writer turns them into a
// double, as the very last step, because that is what a spreadsheet number is.
struct Cell
{
    CellKind kind = CellKind::Empty;
    QString value;                              // Text: the text; Number: the exact decimal ("80000", "1.5", "-0.5")
    NumberFormat format = NumberFormat::Count;  // Number only
    QDate date;                                 // Date only

    [[nodiscard]] static Cell ofText(QString text);
    [[nodiscard]] static Cell ofCount(qint64 n);
    // An amount in 万 of its own currency (万元 or 万美元), exact: up to 6 decimals, trailing zeros dropped.
    [[nodiscard]] static Cell ofWan(const ledger::Money &amount);
    [[nodiscard]] static Cell ofPoints(ledger::Points points);
    // An invalid date gives an empty cell.
    [[nodiscard]] static Cell ofDate(QDate date);

    // The cell as text, as the CSV shows it (before formula guarding): text, decimal, "yyyy-MM-dd".
    [[nodiscard]] QString toString() const;

    friend bool operator==(const Cell &, const Cell &) = default;
};

// What a row is: a record, the 合计 row of the records above it, or a heading that starts a block
// the total leaves out (records waiting for recognition, records revoked as false).
enum class RowKind { Record, Total, Heading };

struct Sheet
{
    QString title;
    QString subtitle;
    QStringList headers;
    QList<QList<Cell>> rows;
    QList<RowKind> rowKinds; // one per row
    QStringList footnotes;

    void append(QList<Cell> cells, RowKind kind = RowKind::Record)
    {
        rows.append(std::move(cells));
        rowKinds.append(kind);
    }
    [[nodiscard]] RowKind kindOf(qsizetype row) const { return row < rowKinds.size() ? rowKinds[row] : RowKind::Record; }
};

// The exact sum of a column's number cells (text and empty cells ignored), in the format of the first
// number; an empty cell when there is none. Throws std::overflow_error rather than wrap.
[[nodiscard]] Cell sumOf(const QList<const QList<Cell> *> &rows, qsizetype column);

} // namespace syncserver
