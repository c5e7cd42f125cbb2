// The office's outputs as files: the three tables and two ledgers (三表格两台账), the outbound-trip
// statistics table and the quarterly score notice, built from the ledger as a Sheet (sheet.h) that
// sheetwriter.h writes as UTF-8 CSV (for importing) or .xlsx (for printing and handing round). What
// counts and how much is decided in shared/ (recognition, scoring); this file only lays it out.
#pragma once

#include "sheet.h"

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
    LandedProjects,  // 落地项目表
    StartedProjects, // 开工项目表
    Leads,           // 招商信息台账
    Funds,           // 到位资金台账
    Trips,           // 外出招商情况统计表
    ScoreNotice,     // 招商引资工作情况通报
    PersonalShares,  // 个人分值表: every person's share of their unit's pool, for the 党政办's appraisal
};

// Every table, in the order the office lists them.
[[nodiscard]] QList<ExportTable> allExportTables();
// Stable key for URLs and file names: "projects_in_talks", "signed_projects", "started_projects",
// "leads", "funds", "trips", "score_notice", "landed_projects", "personal_shares".
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

// Lays out one table. Rows are sorted by event date, then name; every record passing the filter is
// listed whatever its review state, so a record revoked as false stays, marked 已认定虚假.
// ScoreNotice and PersonalShares need `report` (the notice lists its units in rank order, its awards
// and its 通报批评 as footnotes); the other tables ignore it. Throws std::invalid_argument for either
// without a report. Record tables end their counted records with a 合计 row (Sheet::rowKinds).
[[nodiscard]] Sheet buildSheet(ExportTable table, const ledger::Ledger &ledger, const ledger::Scheme &scheme,
                               const ExportFilter &filter, const ledger::ScoreReport *report = nullptr);

} // namespace syncserver
