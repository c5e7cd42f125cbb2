// The quarter's notice: its parts built from the score report, and its workbook.
#include "notice.h"

#include "exportnames.h"

#include "ledger/caption.h"
#include "ledger/completion.h"

#include <QJsonArray>
#include <array>

using namespace ledger;

namespace syncserver {

namespace {

const Measure *taskMeasure(const Scheme &scheme, QStringView taskId)
{
    for (const TaskGroup &g : scheme.groups)
        for (const Task &t : g.tasks)
            if (t.id == taskId)
                return &t.measure;
    return nullptr;
}

const Measure &zoneMeasure(const Scheme &scheme, QStringView targetId)
{
    static const Measure plainCount; // a target the scheme no longer has: shown as a count
    for (const ZoneTarget &z : scheme.zoneTargets)
        if (z.id == targetId)
            return z.measure;
    return plainCount;
}

QString bonusName(BonusKind k)
{
    switch (k) {
    case BonusKind::Referral: return QStringLiteral("以商引商");
    case BonusKind::CapitalIncrease: return QStringLiteral("外资企业增资");
    case BonusKind::Headquarters: return QStringLiteral("总部企业");
    case BonusKind::Discretionary: return QStringLiteral("其他奖励");
    }
    return QString(); // not a valid enumerator
}

QString chineseDate(QDate d)
{
    return QStringLiteral("%1年%2月%3日").arg(d.year()).arg(d.month()).arg(d.day());
}

QString unitLabel(const Scheme &scheme, const ScoreReport &report, const UnitCode &code)
{
    const UnitScore *u = report.unit(code);
    return u && !u->name.isEmpty() ? u->name : unitName(scheme, code);
}

Sheet zoneSheet(const Scheme &scheme, const ScoreReport &report)
{
    Sheet sheet;
    sheet.title = QStringLiteral("全区目标完成情况");
    sheet.subtitle = report.period.label();
    sheet.headers = {QStringLiteral("序号"), QStringLiteral("目标"), QStringLiteral("全年目标"), QStringLiteral("完成"),
                     QStringLiteral("完成率"), QStringLiteral("其中：目标"), QStringLiteral("其中：完成")};
    qint64 n = 0;
    for (const ZoneProgress &z : report.zone) {
        const Measure &m = zoneMeasure(scheme, z.targetId);
        const bool ofWhich = z.ofWhichTarget.has_value();
        sheet.append({Cell::ofCount(++n), Cell::ofText(z.name), Cell::ofText(formatQuantity(m, z.target)),
                      Cell::ofText(formatQuantity(m, z.progress.achieved)),
                      Cell::ofText(formatPerMille(completionPerMille(z.progress.achieved, z.target))),
                      ofWhich ? Cell::ofText(formatQuantity(m, *z.ofWhichTarget)) : Cell(),
                      ofWhich ? Cell::ofText(formatQuantity(m, z.progress.ofWhichAchieved)) : Cell()});
    }
    return sheet;
}

// Each group's tasks, how far each is met and what it earned, with the group's 小计: the task score
// its units share.
Sheet tasksSheet(const Scheme &scheme, const ScoreReport &report)
{
    Sheet sheet;
    sheet.title = QStringLiteral("各任务组任务完成情况");
    sheet.subtitle = report.period.label();
    sheet.headers = {QStringLiteral("任务组"), QStringLiteral("单位"),   QStringLiteral("任务"), QStringLiteral("目标"),
                     QStringLiteral("完成"),   QStringLiteral("完成率"), QStringLiteral("满分"), QStringLiteral("得分")};
    for (const GroupScore &g : report.groups) {
        QStringList units;
        for (const UnitCode &u : g.units)
            units << unitLabel(scheme, report, u);
        const QString group = g.groupId;
        for (const TaskScore &t : g.tasks) {
            static const Measure plainCount;
            const Measure *m = taskMeasure(scheme, t.taskId);
            const Measure &measure = m ? *m : plainCount;
            QString achieved = formatQuantity(measure, t.progress.achieved);
            QString target = formatQuantity(measure, t.target);
            if (t.ofWhichTarget) {
                target += QStringLiteral("（其中 ") + formatQuantity(measure, *t.ofWhichTarget) + QStringLiteral("）");
                achieved += QStringLiteral("（其中 ") + formatQuantity(measure, t.progress.ofWhichAchieved) + QStringLiteral("）");
            }
            sheet.append({Cell::ofText(group), Cell::ofText(units.join(kListSep)), Cell::ofText(t.name), Cell::ofText(target),
                          Cell::ofText(achieved), Cell::ofText(formatPerMille(completionPerMille(t.progress.achieved, t.target))),
                          Cell::ofPoints(t.maxPoints), Cell::ofPoints(t.points)});
        }
        QList<Cell> subtotal(sheet.headers.size());
        subtotal[0] = Cell::ofText(group + QStringLiteral(" 小计"));
        subtotal[1] = Cell::ofText(units.join(kListSep));
        subtotal[6] = Cell::ofPoints(g.maxTotal);
        subtotal[7] = Cell::ofPoints(g.total);
        sheet.append(std::move(subtotal), RowKind::Total);
    }
    return sheet;
}

// Every bonus item of every unit, in rank order: the record that earned it, what it added after
// the caps, and why an item added nothing; each unit's 小计 is its bonus points.
Sheet bonusesSheet(const Ledger &ledger, const Scheme &scheme, const ScoreReport &report)
{
    Sheet sheet;
    sheet.title = QStringLiteral("加分明细");
    sheet.subtitle = report.period.label();
    sheet.headers = {QStringLiteral("序号"), QStringLiteral("单位"),     QStringLiteral("加分项目"),       QStringLiteral("记录"),
                     QStringLiteral("日期"), QStringLiteral("金额（万美元）"), QStringLiteral("计入分值"), QStringLiteral("说明")};
    qint64 n = 0;
    for (const UnitScore &u : report.units) {
        const QString unit = unitLabel(scheme, report, u.unit);
        bool any = false;
        for (const BonusScore &b : u.bonuses) {
            // A capital increase earns nothing by itself: the year's total does, per whole step.
            const bool byTotal = b.kind == BonusKind::CapitalIncrease;
            Quantity total = 0;
            for (const BonusItem &i : b.items) {
                any = true;
                const Record *r = ledger.find(i.record);
                QStringList notes;
                if (!i.counted && i.note.isEmpty())
                    notes << QStringLiteral("未计入");
                if (!i.note.isEmpty())
                    notes << i.note;
                total += i.amount;
                sheet.append({Cell::ofCount(++n), Cell::ofText(unit), Cell::ofText(bonusName(b.kind)),
                              Cell::ofText(r ? recordCaption(ledger, *r) : i.record.toString()), Cell::ofDate(i.date),
                              byTotal ? Cell::ofWan(Money{Currency::USD, i.amount}) : Cell(), byTotal ? Cell() : Cell::ofPoints(i.points),
                              Cell::ofText(notes.join(QStringLiteral("；")))});
            }
            if (byTotal && !b.items.empty()) {
                QString note = QStringLiteral("按累计金额计");
                if (b.cap && b.raw > b.points)
                    note += QStringLiteral("，封顶 ") + b.cap->toString() + QStringLiteral(" 分");
                sheet.append({Cell(), Cell::ofText(unit), Cell::ofText(bonusName(b.kind)), Cell::ofText(QStringLiteral("累计增资")), Cell(),
                              Cell::ofWan(Money{Currency::USD, total}), Cell::ofPoints(b.points), Cell::ofText(note)});
            }
        }
        if (!any)
            continue;
        QList<Cell> subtotal(sheet.headers.size());
        subtotal[0] = Cell::ofText(QStringLiteral("小计"));
        subtotal[1] = Cell::ofText(unit);
        subtotal[6] = Cell::ofPoints(u.bonusPoints);
        sheet.append(std::move(subtotal), RowKind::Total);
    }
    if (n == 0)
        sheet.footnotes << QStringLiteral("本期无加分。");
    return sheet;
}

QStringList awardLines(const Scheme &scheme, const ScoreReport &report)
{
    QStringList collective;
    for (const UnitCode &code : report.awards.collective)
        collective << unitLabel(scheme, report, code);
    QStringList individuals;
    for (const PersonId &id : report.awards.individuals) {
        const PersonScore *p = report.person(id);
        if (!p) {
            individuals << id.toString();
            continue;
        }
        individuals << (p->name.isEmpty() ? id.toString() : p->name) + QStringLiteral("（") + unitLabel(scheme, report, p->unit)
                           + QStringLiteral("，分值 ") + p->share.toString() + QStringLiteral("）");
    }
    const QString none = QStringLiteral("暂无");
    return {QStringLiteral("招商引资先进集体：") + (collective.isEmpty() ? none : collective.join(kListSep)),
            QStringLiteral("招商引资先进个人：") + (individuals.isEmpty() ? none : individuals.join(kListSep))};
}

} // namespace

QStringList criticisms(const Ledger &ledger, const Scheme &scheme, const ExportFilter &f, const ScoreReport &report)
{
    QStringList out;
    for (const UnitScore &u : report.units) {
        if (f.unit && u.unit != *f.unit)
            continue;
        for (const RecordId &id : u.revoked) {
            const Record *r = ledger.find(id);
            if (!r)
                continue;
            const RecordMeta &m = metaOf(*r);
            QString line = unitName(scheme, u.unit) + QStringLiteral("报送的") + recordCaption(ledger, *r);
            if (!m.credit.people.isEmpty())
                line += QStringLiteral("，责任人 ") + personNames(ledger, m.credit.people);
            line += QStringLiteral("，经认定为虚假信息");
            if (!m.review.reason.isEmpty())
                line += QStringLiteral("（") + m.review.reason + QStringLiteral("）");
            out << line + QStringLiteral("，不计分并取消评先资格。");
        }
    }
    return out;
}

Sheet personalSharesSheet(const Scheme &scheme, const ExportFilter &f, const ScoreReport &report)
{
    Sheet sheet;
    sheet.title = exportTableTitle(ExportTable::PersonalShares);
    sheet.subtitle = report.period.label();
    sheet.headers = {QStringLiteral("序号"), QStringLiteral("姓名"),     QStringLiteral("单位"), QStringLiteral("单位总分"),
                     QStringLiteral("单位总分值"), QStringLiteral("计分记录数"), QStringLiteral("个人分值"), QStringLiteral("个人排名"),
                     QStringLiteral("评先资格")};
    qint64 n = 0;
    QList<const QList<Cell> *> counted;
    for (const UnitScore &u : report.units) {
        if (f.unit && u.unit != *f.unit)
            continue;
        for (const PersonScore &p : u.people) {
            sheet.append({Cell::ofCount(++n), Cell::ofText(p.name.isEmpty() ? p.person.toString() : p.name),
                          Cell::ofText(u.name.isEmpty() ? unitName(scheme, u.unit) : u.name), Cell::ofPoints(u.total),
                          Cell::ofPoints(u.pool), Cell::ofCount(p.records), Cell::ofPoints(p.share), Cell::ofCount(p.rank),
                          Cell::ofText(p.eligible ? QStringLiteral("是") : p.ineligibleBecause)});
        }
    }
    for (const QList<Cell> &row : std::as_const(sheet.rows))
        counted << &row;
    QList<Cell> total(sheet.headers.size());
    total[0] = Cell::ofText(QStringLiteral("合计（%1人）").arg(n));
    total[6] = sumOf(counted, 6);
    sheet.append(std::move(total), RowKind::Total);
    sheet.footnotes << QStringLiteral("单位总分值 = 单位总分 × 人数，由单位联络人按贡献分配到个人（未分配时按计分记录数分配）；个人分值之和等于各单位总分值之和。");
    return sheet;
}

Sheet rankingSheet(const Ledger &ledger, const Scheme &scheme, const ExportFilter &f, const ScoreReport &report)
{
    Sheet sheet;
    sheet.title = exportTableTitle(ExportTable::ScoreNotice);
    sheet.subtitle = report.period.label();
    sheet.headers = {QStringLiteral("排名"), QStringLiteral("单位"), QStringLiteral("分管领导"), QStringLiteral("任务得分"),
                     QStringLiteral("加分"), QStringLiteral("总分"), QStringLiteral("人数"),     QStringLiteral("总分值"),
                     QStringLiteral("评先资格")};
    for (const UnitScore &u : report.units) { // already in rank order
        if (f.unit && u.unit != *f.unit)
            continue;
        const TaskGroup *g = scheme.groupOf(u.unit);
        sheet.append({Cell::ofCount(u.rank), Cell::ofText(u.name.isEmpty() ? u.unit.code() : u.name),
                           Cell::ofText(g ? g->leader : QString()), Cell::ofPoints(u.taskPoints), Cell::ofPoints(u.bonusPoints),
                           Cell::ofPoints(u.total), Cell::ofCount(u.headcount), Cell::ofPoints(u.pool),
                           Cell::ofText(u.eligible ? QStringLiteral("是") : u.ineligibleBecause)});
    }

    const auto nameOfUnit = [&](const UnitCode &code) {
        const UnitScore *u = report.unit(code);
        return u && !u->name.isEmpty() ? u->name : unitName(scheme, code);
    };
    QStringList collective;
    for (const UnitCode &code : report.awards.collective)
        collective << nameOfUnit(code);
    QStringList individuals;
    for (const PersonId &id : report.awards.individuals) {
        const PersonScore *p = report.person(id);
        if (!p) {
            individuals << id.toString();
            continue;
        }
        individuals << (p->name.isEmpty() ? id.toString() : p->name) + QStringLiteral("（") + nameOfUnit(p->unit)
                           + QStringLiteral("，分值 ") + p->share.toString() + QStringLiteral("）");
    }
    const QString none = QStringLiteral("暂无");
    sheet.footnotes << QStringLiteral("招商引资先进集体：") + (collective.isEmpty() ? none : collective.join(kListSep))
                    << QStringLiteral("招商引资先进个人：") + (individuals.isEmpty() ? none : individuals.join(kListSep))
                    << QStringLiteral("总分 = 任务得分 + 加分；总分值 = 总分 × 人数，由单位按贡献分配到个人。");
    for (const QString &line : criticisms(ledger, scheme, f, report))
        sheet.footnotes << QStringLiteral("通报批评：") + line;
    return sheet;
}

Sheet taskProgressSheet(const Scheme &scheme, const ScoreReport &report) { return tasksSheet(scheme, report); }

Notice buildNotice(const Ledger &ledger, const Scheme &scheme, const ScoreReport &report, const NoticeInfo &info)
{
    Notice n;
    n.title = QStringLiteral("关于") + report.period.label() + QStringLiteral("招商引资工作情况的通报");
    n.number = info.number.trimmed().isEmpty() ? QStringLiteral("文号待定") : info.number.trimmed();
    n.dateText = info.date.isValid() ? chineseDate(info.date) : QStringLiteral("日期待定");
    n.issuer = info.issuer;
    n.mark = info.mark;
    n.footer = info.footer;
    n.opening = QStringLiteral("各局（办）：\n　　根据《") + scheme.title + QStringLiteral("》，现将") + report.period.label()
                + QStringLiteral("全区招商引资工作完成情况、各单位得分及排名通报如下。得分均由招商引资台账中已认定的记录计算，每一分均可追溯到记录。");

    Sheet ranking = rankingSheet(ledger, scheme, {}, report);
    ranking.footnotes.clear(); // the awards and 通报批评 are sections of their own here
    ranking.footnotes << QStringLiteral("总分 = 任务得分 + 加分；总分值 = 总分 × 人数，由单位按贡献分配到个人。");

    n.sections.append({QStringLiteral("一、全区目标完成情况"), {}, zoneSheet(scheme, report)});
    n.sections.append({QStringLiteral("二、各单位得分及排名"), {}, ranking});
    n.sections.append({QStringLiteral("三、各任务组任务完成情况"), {}, tasksSheet(scheme, report)});
    n.sections.append({QStringLiteral("四、加分明细"), {}, bonusesSheet(ledger, scheme, report)});
    n.sections.append({QStringLiteral("五、表彰"), awardLines(scheme, report), std::nullopt});
    QStringList criticised = criticisms(ledger, scheme, {}, report);
    if (criticised.isEmpty())
        criticised << QStringLiteral("本期无。");
    n.sections.append({QStringLiteral("六、通报批评"), criticised, std::nullopt});
    if (info.carried)
        n.sections.append({QStringLiteral("七、") + info.carried->title,
                           {QStringLiteral("以下记录在上期通报签认后经认定、退回或认定为虚假信息，相应分值变动计入本期。")}, info.carried});
    return n;
}

QList<Sheet> noticeSheets(const Notice &notice)
{
    QList<Sheet> out;
    for (const NoticeSection &s : notice.sections)
        if (s.table)
            out << *s.table;
    // The ranking first, headed as the notice is: the sheet the office has always had.
    for (qsizetype i = 0; i < out.size(); ++i)
        if (out[i].title == exportTableTitle(ExportTable::ScoreNotice))
            out.move(i, 0);
    Sheet &first = out.first();
    first.subtitle = notice.title + QStringLiteral("　") + notice.number + QStringLiteral("　") + notice.dateText;
    if (!notice.mark.isEmpty())
        first.subtitle += QStringLiteral("　") + notice.mark;
    // Sections without a table become notes, each line labelled unless it says what it is already.
    for (const NoticeSection &s : notice.sections) {
        if (s.table)
            continue;
        const QString label = s.heading.section(u'、', 1);
        for (const QString &p : s.paragraphs) {
            const qsizetype colon = p.indexOf(u'：');
            first.footnotes << (colon > 0 && colon < 10 ? p : label + QStringLiteral("：") + p);
        }
    }
    first.footnotes << notice.issuer + QStringLiteral("　") + notice.dateText;
    first.footnotes << notice.footer;
    return out;
}

namespace {

QString formatName(NumberFormat f)
{
    switch (f) {
    case NumberFormat::Count: return QStringLiteral("count");
    case NumberFormat::WanYuan: return QStringLiteral("wan");
    case NumberFormat::Points: return QStringLiteral("points");
    }
    return QString(); // not a valid enumerator
}

QString kindName(RowKind k)
{
    switch (k) {
    case RowKind::Record: return QStringLiteral("record");
    case RowKind::Total: return QStringLiteral("total");
    case RowKind::Heading: return QStringLiteral("heading");
    }
    return QString(); // not a valid enumerator
}

QJsonObject cellToJson(const Cell &c)
{
    switch (c.kind) {
    case CellKind::Empty: return {};
    case CellKind::Text: return {{QStringLiteral("t"), c.value}};
    case CellKind::Number: return {{QStringLiteral("n"), c.value}, {QStringLiteral("f"), formatName(c.format)}};
    case CellKind::Date: return {{QStringLiteral("d"), c.date.toString(Qt::ISODate)}};
    }
    return {};
}

Cell cellFromJson(const QJsonObject &o)
{
    Cell c;
    if (o.contains(QStringLiteral("t"))) {
        c.kind = CellKind::Text;
        c.value = o.value(QStringLiteral("t")).toString();
    } else if (o.contains(QStringLiteral("n"))) {
        c.kind = CellKind::Number;
        c.value = o.value(QStringLiteral("n")).toString();
        const QString f = o.value(QStringLiteral("f")).toString();
        c.format = f == u"wan" ? NumberFormat::WanYuan : f == u"points" ? NumberFormat::Points : NumberFormat::Count;
    } else if (o.contains(QStringLiteral("d"))) {
        c.kind = CellKind::Date;
        c.date = QDate::fromString(o.value(QStringLiteral("d")).toString(), Qt::ISODate);
    }
    return c;
}

} // namespace

QJsonObject sheetToJson(const Sheet &sheet)
{
    QJsonArray rows;
    for (qsizetype r = 0; r < sheet.rows.size(); ++r) {
        QJsonArray cells;
        for (const Cell &c : sheet.rows[r])
            cells.append(cellToJson(c));
        rows.append(QJsonObject{{QStringLiteral("kind"), kindName(sheet.kindOf(r))}, {QStringLiteral("cells"), cells}});
    }
    return {{QStringLiteral("title"), sheet.title},
            {QStringLiteral("subtitle"), sheet.subtitle},
            {QStringLiteral("headers"), QJsonArray::fromStringList(sheet.headers)},
            {QStringLiteral("rows"), rows},
            {QStringLiteral("footnotes"), QJsonArray::fromStringList(sheet.footnotes)}};
}

Sheet sheetFromJson(const QJsonObject &json)
{
    const auto strings = [](const QJsonValue &v) {
        QStringList out;
        for (const QJsonValue &s : v.toArray())
            out << s.toString();
        return out;
    };
    Sheet sheet;
    sheet.title = json.value(QStringLiteral("title")).toString();
    sheet.subtitle = json.value(QStringLiteral("subtitle")).toString();
    sheet.headers = strings(json.value(QStringLiteral("headers")));
    sheet.footnotes = strings(json.value(QStringLiteral("footnotes")));
    for (const QJsonValue &row : json.value(QStringLiteral("rows")).toArray()) {
        const QJsonObject o = row.toObject();
        QList<Cell> cells;
        for (const QJsonValue &c : o.value(QStringLiteral("cells")).toArray())
            cells << cellFromJson(c.toObject());
        const QString kind = o.value(QStringLiteral("kind")).toString();
        sheet.append(std::move(cells), kind == u"total" ? RowKind::Total : kind == u"heading" ? RowKind::Heading : RowKind::Record);
    }
    return sheet;
}

QJsonObject noticeToJson(const Notice &notice)
{
    QJsonArray sections;
    for (const NoticeSection &s : notice.sections) {
        QJsonObject o{{QStringLiteral("heading"), s.heading}, {QStringLiteral("paragraphs"), QJsonArray::fromStringList(s.paragraphs)}};
        if (s.table)
            o.insert(QStringLiteral("table"), sheetToJson(*s.table));
        sections.append(o);
    }
    return {{QStringLiteral("title"), notice.title},   {QStringLiteral("number"), notice.number},
            {QStringLiteral("dateText"), notice.dateText}, {QStringLiteral("issuer"), notice.issuer},
            {QStringLiteral("mark"), notice.mark},     {QStringLiteral("opening"), notice.opening},
            {QStringLiteral("sections"), sections},    {QStringLiteral("footer"), QJsonArray::fromStringList(notice.footer)}};
}

Notice noticeFromJson(const QJsonObject &json)
{
    Notice n;
    n.title = json.value(QStringLiteral("title")).toString();
    n.number = json.value(QStringLiteral("number")).toString();
    n.dateText = json.value(QStringLiteral("dateText")).toString();
    n.issuer = json.value(QStringLiteral("issuer")).toString();
    n.mark = json.value(QStringLiteral("mark")).toString();
    n.opening = json.value(QStringLiteral("opening")).toString();
    for (const QJsonValue &f : json.value(QStringLiteral("footer")).toArray())
        n.footer << f.toString();
    for (const QJsonValue &v : json.value(QStringLiteral("sections")).toArray()) {
        const QJsonObject o = v.toObject();
        NoticeSection s;
        s.heading = o.value(QStringLiteral("heading")).toString();
        for (const QJsonValue &p : o.value(QStringLiteral("paragraphs")).toArray())
            s.paragraphs << p.toString();
        if (o.contains(QStringLiteral("table")))
            s.table = sheetFromJson(o.value(QStringLiteral("table")).toObject());
        n.sections.append(std::move(s));
    }
    return n;
}

Sheet leadsByMonthSheet(const Scheme &scheme, const ScoreReport &report)
{
    const int lastMonth = report.period.last().month();
    const int firstMonth = report.period.first().month();
    Sheet sheet;
    sheet.title = QStringLiteral("有价值招商信息按单位按月");
    sheet.subtitle = report.period.label();
    sheet.headers = {QStringLiteral("任务组"), QStringLiteral("单位")};
    for (int m = firstMonth; m <= lastMonth; ++m)
        sheet.headers << QString::number(m) + QStringLiteral("月");
    sheet.headers << QStringLiteral("合计") << QStringLiteral("每月上限");
    for (const GroupScore &g : report.groups) {
        int cap = 0;
        for (const TaskGroup &tg : scheme.groups)
            if (tg.id == g.groupId)
                for (const Task &t : tg.tasks)
                    if (t.measure.of == MeasureOf::Leads && t.measure.perMonthCap > 0)
                        cap = t.measure.perMonthCap;
        // The group's lead task: the leads counted there, each under the unit credited with it.
        QHash<UnitCode, std::array<qint64, 13>> counted;
        for (const TaskScore &t : g.tasks) {
            bool leads = false;
            for (const Contribution &c : t.progress.contributions) {
                if (c.kind != RecordKind::Lead)
                    continue;
                leads = true;
                if (c.counted && c.date.isValid())
                    ++counted[c.unit][std::size_t(c.date.month())];
            }
            if (leads)
                break; // one lead task per group
        }
        for (const UnitCode &u : g.units) {
            const std::array<qint64, 13> months = counted.value(u);
            QList<Cell> row{Cell::ofText(g.groupId), Cell::ofText(unitLabel(scheme, report, u))};
            qint64 total = 0;
            for (int m = firstMonth; m <= lastMonth; ++m) {
                row << Cell::ofCount(months[std::size_t(m)]);
                total += months[std::size_t(m)];
            }
            row << Cell::ofCount(total) << (cap > 0 ? Cell::ofCount(cap) : Cell());
            sheet.append(std::move(row));
        }
    }
    sheet.footnotes << QStringLiteral("每月计入任务的有价值招商信息条数（已认定、有明确投资意向）；联合任务组各单位的条数合计计入本组，每月至多计满上限。");
    return sheet;
}

} // namespace syncserver
