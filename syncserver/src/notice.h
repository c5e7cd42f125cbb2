// The quarter's notice (招商引资工作情况通报) as the office publishes it, built once from the score
// report and laid out twice: as a workbook (sheetwriter.h, one sheet per table) and as an A4 PDF
// (noticepdf.h). Its parts: the zone's targets, the units' scores and ranking, each group's tasks
// and how far each is met, the bonuses item by item, the awards, and 通报批评 naming the project,
// the unit and the people. What counts and how much is decided in shared/ (scoring); this file
// only says it.
#pragma once

#include "exports.h"
#include "sheet.h"

#include "ledger/ledger.h"
#include "ledger/scheme.h"
#include "ledger/scoring.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace syncserver {

// What the office gives the notice: its document number (文号, e.g. "开招商〔2023〕12号") and date,
// who issues it, and lines printed at the foot (the audit head the notice was made from).
struct NoticeInfo
{
    QString number;
    QDate date;
    QString issuer = QStringLiteral("区招商引资工作领导小组办公室");
    QStringList footer;
    // 已签认（…） or 暂定（…）: whether the leading group has signed the quarter off.
    QString mark;
    // What moved in the quarter signed off before this one since its sign-off, carried in this
    // notice as a section of its own; its title names that quarter.
    std::optional<Sheet> carried;
};

struct NoticeSection
{
    QString heading;            // "一、全区目标完成情况"
    QStringList paragraphs;     // before the table
    std::optional<Sheet> table; // its title names the sheet in the workbook
};

struct Notice
{
    QString title;    // 关于2023年第3季度（累计）招商引资工作情况的通报
    QString number;   // 文号, or 文号待定 while it has none
    QString dateText; // 2023年10月8日
    QString issuer;
    QString mark;     // 已签认（2023年10月8日，王明辉） or 暂定（未经领导小组签认）
    QString opening;
    QList<NoticeSection> sections;
    QStringList footer;
};

[[nodiscard]] Notice buildNotice(const ledger::Ledger &ledger, const ledger::Scheme &scheme, const ledger::ScoreReport &report,
                                 const NoticeInfo &info);

// The notice as a workbook: the ranking first (the sheet the office has always had), then the other
// tables; the title, number, date and the sections without a table go in the first sheet's notes.
[[nodiscard]] QList<Sheet> noticeSheets(const Notice &notice);

// The ranking table alone (排名, 单位, 任务得分, 加分, 总分, 总分值, 评先资格), one unit's row when
// `filter.unit` is set, with the awards and 通报批评 as footnotes: the score_notice table.
[[nodiscard]] Sheet rankingSheet(const ledger::Ledger &ledger, const ledger::Scheme &scheme, const ExportFilter &filter,
                                 const ledger::ScoreReport &report);

// 个人分值表: each person's share of their unit's pool, units in rank order, with a 合计 row.
[[nodiscard]] Sheet personalSharesSheet(const ledger::Scheme &scheme, const ExportFilter &filter, const ledger::ScoreReport &report);

// Each group's tasks with target, progress, completion, full and earned points, and the group's 小计
// (a Total row): the notice's third part, and the meeting page's view by task.
[[nodiscard]] Sheet taskProgressSheet(const ledger::Scheme &scheme, const ledger::ScoreReport &report);

// 通报批评: one sentence per record revoked as false in the period, naming it, its unit and people
// ("规划建设局报送的项目「…」（…），责任人 …，经认定为虚假信息（理由），不计分并取消评先资格。").
[[nodiscard]] QStringList criticisms(const ledger::Ledger &ledger, const ledger::Scheme &scheme, const ExportFilter &filter,
                                     const ledger::ScoreReport &report);

// A sheet and a notice as JSON and back, exactly (cell kinds and number formats kept): the form a
// signed notice is kept in, and the office pages read.
[[nodiscard]] QJsonObject sheetToJson(const Sheet &sheet);
[[nodiscard]] Sheet sheetFromJson(const QJsonObject &json);
[[nodiscard]] QJsonObject noticeToJson(const Notice &notice);
[[nodiscard]] Notice noticeFromJson(const QJsonObject &json);

// Leads counted for the task month by month, one row per unit (a joint group's units each their
// own), with each month's cap and a 合计 column: the office page's view of the leads.
[[nodiscard]] Sheet leadsByMonthSheet(const ledger::Scheme &scheme, const ledger::ScoreReport &report);

} // namespace syncserver
