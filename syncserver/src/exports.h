// The office's outputs as files: the three tables and two ledgers (三表格两台账), the outbound-trip
// statistics table and the quarterly score notice, built from the ledger as a Sheet and written as
// UTF-8 CSV (for importing) or .xlsx (for printing and handing round). What counts and how much is
// decided in shared/ (recognition, scoring); this file only lays it out.
#pragma once

#include "ledger/amount.h"
#include "ledger/ids.h"
#include "ledger/ledger.h"
#include "ledger/scheme.h"
#include "ledger/scoring.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace syncserver {

enum class ExportTable {
    ProjectsInTalks, // 在谈项目表
    SignedProjects,  // 签约项目表
    StartedProjects, // 开工项目表
    Leads,           // 招商信息台账
    Funds,           // 到位资金台账
    Trips,           // 外出招商情况统计表
    ScoreNotice,     // 招商引资工作情况通报
};

// Every table, in the order the office lists them.
[[nodiscard]] QList<ExportTable> allExportTables();
// Stable key for URLs and file names: "projects_in_talks", "signed_projects", "started_projects",
// "leads", "funds", "trips", "score_notice".
[[nodiscard]] QString exportTableKey(ExportTable table);
[[nodiscard]] std::optional<ExportTable> exportTableFromKey(QStringView key);
// The table's Chinese title as the office writes it: "在谈项目表", …
[[nodiscard]] QString exportTableTitle(ExportTable table);

// Which records a table lists: those whose event date is in [from, to] and, when `unit` is set,
// credited to that unit. A null date leaves that end open. The score notice ignores the dates (its
// period is the report's) and uses `unit` only to pick that unit's row.
struct ExportFilter
{
    std::optional<ledger::UnitCode> unit;
    QDate from;
    QDate to;
};

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

struct Sheet
{
    QString title;
    QString subtitle;
    QStringList headers;
    QList<QList<Cell>> rows;
    QStringList footnotes;
};

// Lays out one table. Rows are sorted by event date, then name; every record passing the filter is
// listed whatever its review state, so a record revoked as false stays, marked 已认定虚假.
// ScoreNotice needs `report` (and lists its units in rank order, its awards as footnotes); the
// other tables ignore it. Throws std::invalid_argument for ScoreNotice without a report.
[[nodiscard]] Sheet buildSheet(ExportTable table, const ledger::Ledger &ledger, const ledger::Scheme &scheme,
                               const ExportFilter &filter, const ledger::ScoreReport *report = nullptr);

// UTF-8 with a BOM (so spreadsheet programs detect the encoding), CRLF line ends, RFC 4180 quoting.
// Header row first, then the data rows; title, subtitle and footnotes are left out so the file
// imports as a plain table. A text cell starting with = + - @ (or tab / CR) gets a leading
// apostrophe so a spreadsheet never runs it as a formula; number cells are written as they are.
[[nodiscard]] QByteArray toCsv(const Sheet &sheet);

// A one-sheet .xlsx: merged bold title, subtitle, bold bordered header row with an autofilter and
// frozen panes below it, numbers as numbers, dates as dates, footnotes below the table.
// Throws std::runtime_error with libxlsxwriter's message when the file cannot be written.
[[nodiscard]] QByteArray toXlsx(const Sheet &sheet);

} // namespace syncserver
