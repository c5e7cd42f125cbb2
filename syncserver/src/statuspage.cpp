// The meeting's status page as one HTML document, built from the score reports alone.
#include "statuspage.h"

#include "notice.h"

#include "ledger/completion.h"

#include <array>

using namespace ledger;

namespace syncserver {

namespace {

// Names and reasons come from users: everything that is not our own markup goes through here.
QString esc(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        switch (c.unicode()) {
        case u'&': out += QStringLiteral("&amp;"); break;
        case u'<': out += QStringLiteral("&lt;"); break;
        case u'>': out += QStringLiteral("&gt;"); break;
        case u'"': out += QStringLiteral("&quot;"); break;
        case u'\'': out += QStringLiteral("&#39;"); break;
        default: out += c;
        }
    }
    return out;
}

const Measure &measureOf(const Scheme &scheme, const QString &targetId)
{
    static const Measure plainCount; // a target the scheme no longer has: show it as a count
    for (const ZoneTarget &z : scheme.zoneTargets)
        if (z.id == targetId)
            return z.measure;
    return plainCount;
}

QString unitName(const Scheme &scheme, const ScoreReport &report, const UnitCode &code)
{
    if (const UnitScore *u = report.unit(code); u && !u->name.isEmpty())
        return u->name;
    if (const SchemeUnit *u = scheme.unit(code))
        return u->name;
    return code.code();
}

const char *const kStyle = R"css(
*{box-sizing:border-box}
body{margin:0;padding:1.5rem 2rem 2rem;background:#fff;color:#111;line-height:1.45;
 font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;
 font-size:clamp(16px,1.35vw,28px)}
h1{font-size:1.75em;margin:0 0 .15em}
h2{font-size:1.3em;margin:1.3em 0 .6em;padding-bottom:.2em;border-bottom:3px solid #1f4e9c;color:#1f4e9c}
.meta{margin:0;color:#444}
.targets{display:grid;grid-template-columns:repeat(auto-fill,minmax(20em,1fr));gap:.9em 2.2em}
.target .name{font-weight:600}
.bar{height:1.1em;margin:.25em 0;background:#e2e6ee;border-radius:.3em;overflow:hidden}
.bar span{display:block;height:100%;background:#1f4e9c}
.target.done .bar span{background:#1a7f37}
.figures{display:flex;justify-content:space-between;gap:1em;color:#333;font-variant-numeric:tabular-nums}
.ofwhich{color:#555;font-size:.9em}
.scroll{overflow-x:auto}
table{width:100%;border-collapse:collapse}
th,td{padding:.4em .6em;text-align:left;vertical-align:top;border-bottom:1px solid #c9cfdb}
th{background:#1f4e9c;color:#fff;font-weight:600;white-space:nowrap}
tbody tr:nth-child(even){background:#f2f4f8}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.total{font-weight:700}
.up{color:#1a7f37}
.no{color:#b42318}
.awards dt{font-weight:700;margin-top:.5em}
.awards dd{margin:.2em 0 0 1.5em}
footer{margin-top:2em;color:#555;font-size:.85em}
@media (max-width:720px){body{padding:1rem}.targets{grid-template-columns:1fr}}
)css";

// The zone targets against progress.
QString zoneSection(const Scheme &scheme, const ScoreReport &cumulative)
{
    QString h;
    h += QStringLiteral("<section>\n<h2>全区目标完成情况</h2>\n<div class=\"targets\">\n");
    for (const ZoneProgress &z : cumulative.zone) {
        const Measure &m = measureOf(scheme, z.targetId);
        const int pm = completionPerMille(z.progress.achieved, z.target);
        const bool done = z.progress.achieved >= z.target
                          && (!z.ofWhichTarget || z.progress.ofWhichAchieved >= *z.ofWhichTarget);
        h += QStringLiteral("<div class=\"target") + (done ? QStringLiteral(" done") : QString()) + QStringLiteral("\">\n<div class=\"name\">")
             + esc(z.name) + QStringLiteral("</div>\n<div class=\"bar\"><span style=\"width:") + formatPerMille(pm)
             + QStringLiteral("\"></span></div>\n<div class=\"figures\"><span>") + esc(formatQuantity(m, z.progress.achieved))
             + QStringLiteral(" / ") + esc(formatQuantity(m, z.target)) + QStringLiteral("</span><span>")
             + (done ? QStringLiteral("已完成") : formatPerMille(pm)) + QStringLiteral("</span></div>\n");
        if (z.ofWhichTarget)
            h += QStringLiteral("<div class=\"ofwhich\">其中 ") + esc(formatQuantity(m, z.progress.ofWhichAchieved)) + QStringLiteral(" / ")
                 + esc(formatQuantity(m, *z.ofWhichTarget)) + QStringLiteral("</div>\n");
        h += QStringLiteral("</div>\n");
    }
    h += QStringLiteral("</div>\n</section>\n");
    return h;
}

// The unit ranking, with what each unit gained in the quarter scored alone.
QString rankingSection(const Scheme &scheme, const ScoreReport &cumulative, const ScoreReport &quarterAlone)
{
    QString h;
    h += QStringLiteral("<section>\n<h2>单位排名</h2>\n<div class=\"scroll\">\n<table>\n<thead><tr><th>排名</th><th>单位</th>"
                        "<th>任务得分</th><th>加分</th><th>总分</th><th>本季度</th><th>评先资格</th></tr></thead>\n<tbody>\n");
    for (const UnitScore &u : cumulative.units) {
        QString movement = QStringLiteral("—");
        if (const UnitScore *q = quarterAlone.unit(u.unit)) {
            const QString gained = q->total > Points() ? u'+' + q->total.toString() : q->total.toString();
            movement = (q->total > Points() ? QStringLiteral("<span class=\"up\">") : QStringLiteral("<span>")) + esc(gained)
                       + QStringLiteral("</span>（第") + QString::number(q->rank) + QStringLiteral("）");
        }
        h += QStringLiteral("<tr><td class=\"num\">") + QString::number(u.rank) + QStringLiteral("</td><td>")
             + esc(unitName(scheme, cumulative, u.unit)) + QStringLiteral("</td><td class=\"num\">") + esc(u.taskPoints.toString())
             + QStringLiteral("</td><td class=\"num\">") + esc(u.bonusPoints.toString()) + QStringLiteral("</td><td class=\"num total\">")
             + esc(u.total.toString()) + QStringLiteral("</td><td class=\"num\">") + movement + QStringLiteral("</td><td")
             + (u.eligible ? QStringLiteral(">是") : QStringLiteral(" class=\"no\">") + esc(u.ineligibleBecause))
             + QStringLiteral("</td></tr>\n");
    }
    h += QStringLiteral("</tbody>\n</table>\n</div>\n<p class=\"meta\">本季度：") + esc(quarterAlone.period.label())
         + QStringLiteral("单独计分的得分及名次。</p>\n</section>\n");
    return h;
}

// A Sheet as an HTML table: numbers right-aligned, 小计/合计 rows in bold.
QString sheetTable(const Sheet &sheet)
{
    QString h = QStringLiteral("<div class=\"scroll\">\n<table>\n<thead><tr>");
    for (const QString &header : sheet.headers)
        h += QStringLiteral("<th>") + esc(header) + QStringLiteral("</th>");
    h += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (qsizetype r = 0; r < sheet.rows.size(); ++r) {
        const bool total = sheet.kindOf(r) != RowKind::Record;
        h += QStringLiteral("<tr>");
        for (const Cell &c : sheet.rows[r]) {
            QStringList classes;
            if (c.kind == CellKind::Number)
                classes << QStringLiteral("num");
            if (total)
                classes << QStringLiteral("total");
            h += (classes.isEmpty() ? QStringLiteral("<td>") : QStringLiteral("<td class=\"") + classes.join(u' ') + QStringLiteral("\">"))
                 + esc(c.toString()) + QStringLiteral("</td>");
        }
        h += QStringLiteral("</tr>\n");
    }
    return h + QStringLiteral("</tbody>\n</table>\n</div>\n");
}

// Every task of every group: how far it is met and what it earned.
QString tasksSection(const Scheme &scheme, const ScoreReport &cumulative)
{
    return QStringLiteral("<section>\n<h2>任务完成情况</h2>\n") + sheetTable(taskProgressSheet(scheme, cumulative))
           + QStringLiteral("</section>\n");
}

// Leads counted for each group month by month (at most the cap a month), red below the cap: the
// task the monthly meeting checks first.
QString leadsSection(const Scheme &scheme, const ScoreReport &cumulative)
{
    const int lastMonth = cumulative.period.last().month();
    QString h = QStringLiteral("<section>\n<h2>有价值招商信息（按月）</h2>\n<div class=\"scroll\">\n<table>\n<thead><tr><th>任务组</th><th>单位</th>");
    for (int m = 1; m <= lastMonth; ++m)
        h += QStringLiteral("<th>") + QString::number(m) + QStringLiteral("月</th>");
    h += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (const GroupScore &g : cumulative.groups) {
        int cap = 0;
        std::array<int, 13> counted{};
        for (const TaskScore &t : g.tasks) {
            bool leads = false;
            for (const Contribution &c : t.progress.contributions) {
                if (c.kind != RecordKind::Lead)
                    continue;
                leads = true;
                if (c.counted && c.date.isValid())
                    ++counted[std::size_t(c.date.month())];
            }
            if (leads)
                break; // one lead task per group
        }
        for (const TaskGroup &tg : scheme.groups)
            if (tg.id == g.groupId)
                for (const Task &t : tg.tasks)
                    if (t.measure.of == MeasureOf::Leads && t.measure.perMonthCap > 0)
                        cap = t.measure.perMonthCap;
        QStringList units;
        for (const UnitCode &u : g.units)
            units << esc(unitName(scheme, cumulative, u));
        h += QStringLiteral("<tr><td>") + esc(g.groupId) + QStringLiteral("</td><td>") + units.join(QStringLiteral("、")) + QStringLiteral("</td>");
        for (int m = 1; m <= lastMonth; ++m) {
            const int n = counted[std::size_t(m)];
            h += (cap > 0 && n < cap ? QStringLiteral("<td class=\"num no\">") : QStringLiteral("<td class=\"num\">")) + QString::number(n)
                 + (cap > 0 ? u'/' + QString::number(cap) : QString()) + QStringLiteral("</td>");
        }
        h += QStringLiteral("</tr>\n");
    }
    return h + QStringLiteral("</tbody>\n</table>\n</div>\n<p class=\"meta\">每月计入任务的有价值招商信息条数（已认定、有明确投资意向，每月至多计满上限）。</p>\n</section>\n");
}

// The awards as they stand, and who is not in the running.
QString awardsSection(const Scheme &scheme, const ScoreReport &cumulative, bool names)
{
    QString h;
    QStringList collective;
    for (const UnitCode &code : cumulative.awards.collective)
        collective << esc(unitName(scheme, cumulative, code));
    QStringList individuals;
    for (const PersonId &id : cumulative.awards.individuals) {
        const PersonScore *p = cumulative.person(id);
        const QString name = p && !p->name.isEmpty() ? p->name : id.toString();
        QString line = esc(name);
        if (p)
            line += QStringLiteral("（") + esc(unitName(scheme, cumulative, p->unit)) + QStringLiteral("，分值 ") + esc(p->share.toString())
                    + QStringLiteral("）");
        individuals << line;
    }
    if (!names && !individuals.isEmpty())
        individuals = {QStringLiteral("%1人（公开页面不显示姓名，登录后查看）").arg(individuals.size())};
    const QString none = QStringLiteral("暂无");
    h += QStringLiteral("<section>\n<h2>评先情况（截至本期）</h2>\n<dl class=\"awards\">\n<dt>招商引资先进集体</dt><dd>")
         + (collective.isEmpty() ? none : collective.join(QStringLiteral("、"))) + QStringLiteral("</dd>\n<dt>招商引资先进个人</dt><dd>")
         + (individuals.isEmpty() ? none : individuals.join(QStringLiteral("、"))) + QStringLiteral("</dd>\n</dl>\n");
    QStringList excluded;
    for (const UnitCode &code : scheme.awards.excludedUnits)
        excluded << esc(unitName(scheme, cumulative, code));
    if (!excluded.isEmpty())
        h += QStringLiteral("<p class=\"meta\">按方案规定，") + excluded.join(QStringLiteral("、"))
             + QStringLiteral("及其人员不参与评选；提供虚假信息的单位和个人取消当年评先资格。</p>\n");
    h += QStringLiteral("</section>\n");
    return h;
}

} // namespace

QByteArray statusPage(const Scheme &scheme, const ScoreReport &cumulative, const ScoreReport &quarterAlone,
                      const QDateTime &generatedAt, bool names)
{
    const QString title = scheme.title.isEmpty() ? QStringLiteral("全员招商工作情况") : scheme.title;
    const QString generated = generatedAt.isValid() ? generatedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();

    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta http-equiv=\"refresh\" content=\"300\">\n<title>");
    h += esc(title) + QStringLiteral(" · ") + esc(cumulative.period.label()) + QStringLiteral("</title>\n<style>");
    h += QString::fromUtf8(kStyle);
    h += QStringLiteral("</style>\n</head>\n<body>\n<header>\n<h1>") + esc(title) + QStringLiteral("</h1>\n<p class=\"meta\">")
         + esc(cumulative.period.label());
    if (!generated.isEmpty())
        h += QStringLiteral("　数据截至 ") + esc(generated);
    h += QStringLiteral("</p>\n</header>\n");

    h += zoneSection(scheme, cumulative);
    h += rankingSection(scheme, cumulative, quarterAlone);
    h += tasksSection(scheme, cumulative);
    h += leadsSection(scheme, cumulative);
    h += awardsSection(scheme, cumulative, names);

    h += QStringLiteral("<footer>积分按《") + esc(title) + QStringLiteral("》计算，以区招商引资工作领导小组认定为准。本页每 5 分钟自动刷新。</footer>\n"
                                                            "</body>\n</html>\n");
    return h.toUtf8();
}

} // namespace syncserver
