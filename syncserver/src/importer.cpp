// Importing a ledger file: which table its header row is, each row read into records (or refused
// naming its column), then every record written in one transaction with its audit entry.
#include "importer.h"

#include "csvreader.h"
#include "exportnames.h"
#include "http.h"
#include "xlsxreader.h"

#include "ledger/creditcode.h"
#include "ledger/entities.h"
#include "ledger/wire.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace ledger;

namespace syncserver {

namespace {

// ---- the tables and their columns --------------------------------------------------------------

enum class Table { InTalks, Signed, Landed, Started, Leads, Funds };

struct TableSpec
{
    Table table;
    QString key;
    QString title;
    QString marker; // the column only this table has: the header row is the row holding it
    QStringList required;
    QStringList optional;
};

// Headers compared as the office may type them: half- or full-width brackets, stray spaces.
QString normalHeader(QString h)
{
    h.replace(u'（', u'(').replace(u'）', u')');
    h.remove(QRegularExpression(QStringLiteral("\\s")));
    return h;
}

const QList<TableSpec> &specs()
{
    static const QList<TableSpec> all = [] {
        const QStringList projectRequired = {QStringLiteral("项目名称"), QStringLiteral("投资企业"), QStringLiteral("总投资(万元)"),
                                             QStringLiteral("责任单位"), QStringLiteral("责任人")};
        const QStringList projectOptional = {QStringLiteral("序号"),     QStringLiteral("统一社会信用代码"), QStringLiteral("所属产业"),
                                             QStringLiteral("化工项目"), QStringLiteral("列入省台账"),       QStringLiteral("外资项目"),
                                             QStringLiteral("转型升级/承接转移"), QStringLiteral("认定状态"), QStringLiteral("备注")};
        // Columns our exports derive (counts of attachments, the lead's cap) are read past.
        const QStringList milestoneOptional = projectOptional + QStringList{QStringLiteral("协议附件数"), QStringLiteral("证明材料数")};
        QList<TableSpec> s;
        s.append({Table::InTalks, QStringLiteral("projects_in_talks"), QStringLiteral("在谈项目表"), QStringLiteral("洽谈开始日期"),
                  projectRequired, projectOptional});
        s.append({Table::Signed, QStringLiteral("signed_projects"), QStringLiteral("签约项目表"), QStringLiteral("签约日期"),
                  projectRequired, milestoneOptional});
        s.append({Table::Landed, QStringLiteral("landed_projects"), QStringLiteral("落地项目表"), QStringLiteral("落地日期"),
                  projectRequired, milestoneOptional + QStringList{QStringLiteral("独立核算法人"), QStringLiteral("税务登记")}});
        s.append({Table::Started, QStringLiteral("started_projects"), QStringLiteral("开工项目表"), QStringLiteral("开工日期"),
                  projectRequired, milestoneOptional});
        s.append({Table::Leads, QStringLiteral("leads"), QStringLiteral("招商信息台账"), QStringLiteral("报送月份"),
                  {QStringLiteral("企业名称"), QStringLiteral("报送单位"), QStringLiteral("报送人")},
                  {QStringLiteral("序号"), QStringLiteral("投资意向"), QStringLiteral("预计投资(万元)"), QStringLiteral("所属产业"),
                   QStringLiteral("认定状态"), QStringLiteral("计入任务")}});
        s.append({Table::Funds, QStringLiteral("funds"), QStringLiteral("到位资金台账"), QStringLiteral("到位日期"),
                  {QStringLiteral("企业"), QStringLiteral("类别"), QStringLiteral("责任单位")},
                  {QStringLiteral("序号"), QStringLiteral("金额(万元)"), QStringLiteral("金额(万美元)"), QStringLiteral("付款方"),
                   QStringLiteral("证明材料数"), QStringLiteral("认定状态")}});
        for (TableSpec &t : s) {
            t.required.prepend(t.marker);
            for (QString &h : t.required)
                h = normalHeader(h);
            for (QString &h : t.optional)
                h = normalHeader(h);
        }
        return s;
    }();
    return all;
}

// The trips table is exported, but it names neither the trips' visits nor their summaries, which
// a trip needs to be recognised: importing it would make records that can never count as they did.
const QString kTripsMarker = QStringLiteral("目的地");
const int kHeaderSearchRows = 30;

// ---- one row ------------------------------------------------------------------------------------

// Why a row is refused: the column it is about, a code and the words.
struct RowError
{
    QString field;
    QString code;
    QString message;
};

// Why a row is skipped rather than imported.
struct RowSkip
{
    QString why;
};

QString plain(QString s)
{
    // Names are one line: a line break typed in a cell becomes a space.
    s.replace(QRegularExpression(QStringLiteral("[\\x00-\\x1f]+")), QStringLiteral(" "));
    return s.trimmed();
}

// What the ledger already holds and what this import has planned so far, looked up by the keys
// the rows carry.
struct Index
{
    QHash<QString, EnterpriseId> byCode;
    QHash<QString, QList<EnterpriseId>> byName;
    QHash<QString, QList<std::pair<RecordId, UnitCode>>> projects; // enterprise + name → projects
    QSet<QString> milestones;                                      // project + stage
    QSet<QString> leads;
    QSet<QString> funds;
    QHash<QString, QList<PersonId>> people;                        // unit + name → people

    static QString projectKey(const EnterpriseId &e, const QString &name) { return e.toString() + u'\n' + name.simplified(); }
    static QString milestoneKey(const RecordId &project, MilestoneStage s) { return project.toString() + u'\n' + toString(s); }
    static QString leadKey(const Lead &l)
    {
        return QStringList{l.meta.credit.unit.code(), l.enterpriseName.simplified(), l.filed.toString(QStringLiteral("yyyy-MM")),
                           l.intention.simplified(), l.expectedInvestment.toDecimalString()}
            .join(u'\n');
    }
    static QString fundsKey(const FundsArrival &f)
    {
        return QStringList{f.meta.credit.unit.code(), f.enterprise.toString(), wire::encodeDate(f.date), toString(f.kind),
                           f.amount.toDecimalString()}
            .join(u'\n');
    }

    void addEnterprise(const Enterprise &e)
    {
        if (!e.creditCode.isEmpty())
            byCode.insert(e.creditCode, e.id);
        byName[e.name.simplified()].append(e.id);
    }
    void addRecord(const Record &r)
    {
        if (const auto *p = std::get_if<Project>(&r))
            projects[projectKey(p->enterprise, p->name)].append({p->meta.id, p->meta.credit.unit});
        else if (const auto *m = std::get_if<Milestone>(&r))
            milestones.insert(milestoneKey(m->project, m->stage));
        else if (const auto *l = std::get_if<Lead>(&r))
            leads.insert(leadKey(*l));
        else if (const auto *f = std::get_if<FundsArrival>(&r))
            funds.insert(fundsKey(*f));
    }

    explicit Index(const Ledger &ledger)
    {
        for (const Enterprise &e : ledger.enterprises())
            addEnterprise(e);
        for (const Record &r : ledger.records())
            addRecord(r);
        for (const Person &p : ledger.people())
            people[p.unit.code() + u'\n' + p.name.simplified()].append(p.id);
    }
};

// What the import writes: entities with the row they came from.
struct Planned
{
    QString id;
    QString kind;
    QString unit;
    QString author;
    QJsonObject json;
    QString sheet;
    int row = 0;
    QString table;
};

class RowReader
{
public:
    RowReader(const Scheme &scheme, const QHash<QString, int> &columns, const SourceRow &row)
        : m_scheme(scheme), m_columns(columns), m_row(row)
    {
    }

    [[nodiscard]] SourceCell cell(const QString &header) const
    {
        const int c = m_columns.value(normalHeader(header), -1);
        return c >= 0 && c < m_row.cells.size() ? m_row.cells[c] : SourceCell{};
    }
    [[nodiscard]] QString raw(const QString &header) const { return cell(header).text.trimmed(); }

    [[nodiscard]] QString text(const QString &header, bool required) const
    {
        const QString t = plain(cell(header).text);
        if (required && t.isEmpty())
            throw RowError{header, QStringLiteral("missing"), QStringLiteral("「%1」 is empty").arg(header)};
        return t;
    }

    // An amount in 万 of its currency, exact to the fen: "1,234.5" or an XLSX number.
    [[nodiscard]] std::optional<Money> wan(const QString &header, Currency currency, bool required) const
    {
        const SourceCell c = cell(header);
        QString t = c.text.trimmed();
        t.remove(u',').remove(u'，').remove(u' ');
        if (t.isEmpty()) {
            if (required)
                throw RowError{header, QStringLiteral("missing"), QStringLiteral("「%1」 is empty").arg(header)};
            return std::nullopt;
        }
        if (c.isNumber) {
            // A spreadsheet number is a double: what it stands for is its value to the fen.
            bool ok = false;
            const double d = t.toDouble(&ok);
            if (ok && std::isfinite(d) && d >= 0 && d < 1e12)
                t = QString::number(d, 'f', 6);
        }
        const std::optional<std::int64_t> minor = parseScaledDecimal(t, 6, false);
        if (!minor || *minor > Money::MaxMinor)
            throw RowError{header, QStringLiteral("bad_amount"),
                           QStringLiteral("「%1」 is not an amount in 万 (a number, not negative, at most 6 decimals, at most 1万亿元)")
                               .arg(c.text.trimmed())};
        return Money{currency, *minor};
    }

    [[nodiscard]] QDate date(const QString &header, bool required) const
    {
        const SourceCell c = cell(header);
        const QString t = c.text.trimmed();
        if (t.isEmpty()) {
            if (required)
                throw RowError{header, QStringLiteral("missing"), QStringLiteral("「%1」 is empty").arg(header)};
            return {};
        }
        if (c.isNumber) { // Excel's day number, counted from 1899-12-30
            bool ok = false;
            const double d = t.toDouble(&ok);
            if (ok && d >= 1 && d < 2958466)
                return QDate(1899, 12, 30).addDays(qint64(std::floor(d)));
        }
        static const QRegularExpression re(QStringLiteral("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?$"));
        if (const QRegularExpressionMatch m = re.match(t); m.hasMatch()) {
            const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
            if (d.isValid())
                return d;
        }
        throw RowError{header, QStringLiteral("bad_date"),
                       QStringLiteral("「%1」 is not a date (2023-03-15, 2023/3/15 or 2023年3月15日)").arg(t)};
    }

    // A month ("2023-03", "2023年3月"), taken as its first day; a whole date is kept as it is.
    [[nodiscard]] QDate month(const QString &header) const
    {
        const SourceCell c = cell(header);
        const QString t = c.text.trimmed();
        static const QRegularExpression re(QStringLiteral("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*月?$"));
        if (const QRegularExpressionMatch m = re.match(t); m.hasMatch()) {
            const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), 1);
            if (d.isValid())
                return d;
        }
        if (t.isEmpty())
            throw RowError{header, QStringLiteral("missing"), QStringLiteral("「%1」 is empty").arg(header)};
        try {
            return date(header, true);
        } catch (const RowError &) {
            throw RowError{header, QStringLiteral("bad_date"), QStringLiteral("「%1」 is not a month (2023-03 or 2023年3月)").arg(t)};
        }
    }

    [[nodiscard]] bool yes(const QString &header) const
    {
        const QString t = raw(header).toLower();
        if (t.isEmpty() || t == u"否" || t == u"n" || t == u"no" || t == u"0" || t == u"false")
            return false;
        if (t == u"是" || t == u"y" || t == u"yes" || t == u"1" || t == u"true" || t == u"√")
            return true;
        throw RowError{header, QStringLiteral("invalid"), QStringLiteral("「%1」 is neither 是 nor 否").arg(raw(header))};
    }

    [[nodiscard]] UnitCode unit(const QString &header) const
    {
        const QString t = text(header, true);
        for (const SchemeUnit &u : m_scheme.units)
            if (u.name == t || u.code.code().compare(t, Qt::CaseInsensitive) == 0)
                return u.code;
        throw RowError{header, QStringLiteral("unknown_unit"), QStringLiteral("「%1」 is not a unit of the scheme").arg(t)};
    }

    [[nodiscard]] QString industry(const QString &header) const
    {
        const QString t = text(header, false);
        if (t.isEmpty())
            return {};
        for (const Industry &i : m_scheme.industries)
            if (i.name == t || i.key == t)
                return i.key;
        throw RowError{header, QStringLiteral("unknown_industry"), QStringLiteral("「%1」 is not an industry of the scheme").arg(t)};
    }

    [[nodiscard]] QList<PersonId> people(const QString &header, const UnitCode &unit, const Index &index) const
    {
        static const QRegularExpression sep(QStringLiteral("[、,，;；/\\s]+"));
        const QStringList names = text(header, true).split(sep, Qt::SkipEmptyParts);
        QList<PersonId> out;
        for (const QString &name : names) {
            const QList<PersonId> found = index.people.value(unit.code() + u'\n' + name);
            if (found.isEmpty())
                throw RowError{header, QStringLiteral("unknown_person"),
                               QStringLiteral("nobody named 「%1」 in %2").arg(name, unitName(m_scheme, unit))};
            if (found.size() > 1)
                throw RowError{header, QStringLiteral("ambiguous_person"),
                               QStringLiteral("%1 people named 「%2」 in %3: credit them in the app").arg(found.size()).arg(name, unitName(m_scheme, unit))};
            if (!out.contains(found.first()))
                out.append(found.first());
        }
        return out;
    }

    // Empty when the column is empty; refused naming the character or check digit at fault.
    [[nodiscard]] QString creditCode(const QString &header) const
    {
        QString t = raw(header).toUpper();
        t.remove(u' ');
        if (t.isEmpty())
            return t;
        if (const std::optional<FieldError> e = creditCodeError(t))
            throw RowError{header, QStringLiteral("bad_credit_code"), QStringLiteral("「%1」: %2").arg(t, e->message)};
        return t;
    }

    // Whether the row is imported at all, by its 认定状态 (a file without the column: yes).
    void checkState() const
    {
        const QString s = raw(QStringLiteral("认定状态"));
        if (s.isEmpty() || s == reviewStateName(ReviewState::Recognised) || s == reviewStateName(ReviewState::Submitted))
            return;
        if (s == reviewStateName(ReviewState::Returned))
            throw RowSkip{QStringLiteral("已退回: a record sent back is not imported")};
        if (s == reviewStateName(ReviewState::Revoked))
            throw RowSkip{QStringLiteral("已认定虚假: a record revoked as false is not imported")};
        throw RowError{QStringLiteral("认定状态"), QStringLiteral("invalid"),
                       QStringLiteral("「%1」 is not a review state (已认定, 待认定, 已退回, 已认定虚假)").arg(s)};
    }

private:
    const Scheme &m_scheme;
    const QHash<QString, int> &m_columns;
    const SourceRow &m_row;
};

// The wire field a record's decoder names → the column it came from.
QString columnOfField(const TableSpec &spec, const QString &field)
{
    static const QHash<QString, QString> project = {
        {QStringLiteral("name"), QStringLiteral("项目名称")},       {QStringLiteral("investment"), QStringLiteral("总投资（万元）")},
        {QStringLiteral("notes"), QStringLiteral("备注")},         {QStringLiteral("credit"), QStringLiteral("责任人")},
        {QStringLiteral("talksSince"), QStringLiteral("洽谈开始日期")},
        {QStringLiteral("enterpriseName"), QStringLiteral("企业名称")}, {QStringLiteral("intention"), QStringLiteral("投资意向")},
        {QStringLiteral("expectedInvestment"), QStringLiteral("预计投资（万元）")}, {QStringLiteral("payer"), QStringLiteral("付款方")},
        {QStringLiteral("amount"), QStringLiteral("金额")},          {QStringLiteral("filed"), QStringLiteral("报送月份")}};
    const QString top = field.section(u'.', 0, 0).section(u'[', 0, 0);
    if (top == u"date")
        return spec.marker;
    return project.value(top, field);
}

struct RowOutcome
{
    QList<Enterprise> enterprises;
    QList<Record> records;
    QString what;
};

class Planner
{
public:
    Planner(const Scheme &scheme, const Ledger &ledger, const User &importer)
        : m_scheme(scheme), m_index(ledger), m_importer(importer)
    {
    }

    // Reads one sheet into the report and the plan.
    void sheet(const SourceTable &table, ImportReport &report, QList<Planned> &plan)
    {
        // The header row: the first (near the top) holding a table's own column.
        int headerAt = -1;
        const TableSpec *spec = nullptr;
        for (int r = 0; r < table.rows.size() && r < kHeaderSearchRows && !spec; ++r) {
            for (const SourceCell &c : table.rows[r].cells) {
                const QString h = normalHeader(c.text);
                if (h == kTripsMarker)
                    throw HttpError{422, QStringLiteral("unknown_table"),
                                    QStringLiteral("%1row %2 is the header of 外出招商情况统计表, which cannot be imported: it names neither "
                                                   "the trips' visits nor their summaries; enter trips in the app")
                                        .arg(sheetPrefix(table))
                                        .arg(table.rows[r].number),
                                    QStringLiteral("file")};
                for (const TableSpec &s : specs())
                    if (h == s.marker) {
                        spec = &s;
                        headerAt = r;
                    }
            }
        }
        if (!spec) {
            if (std::all_of(table.rows.cbegin(), table.rows.cend(), [](const SourceRow &r) { return isEmpty(r); }))
                return; // an empty sheet beside the table
            QStringList markers;
            for (const TableSpec &s : specs())
                markers << s.title + QStringLiteral("（") + s.marker + QStringLiteral("）");
            throw HttpError{422, QStringLiteral("unknown_header"),
                            QStringLiteral("%1no header row of a table that can be imported in the first %2 rows; a header row names the "
                                           "columns of one of: %3")
                                .arg(sheetPrefix(table))
                                .arg(kHeaderSearchRows)
                                .arg(markers.join(QStringLiteral("、"))),
                            QStringLiteral("file")};
        }
        const SourceRow &header = table.rows[headerAt];
        QHash<QString, int> columns;
        for (int c = 0; c < header.cells.size(); ++c) {
            const QString h = normalHeader(header.cells[c].text);
            if (h.isEmpty())
                continue;
            if (!spec->required.contains(h) && !spec->optional.contains(h))
                throw HttpError{422, QStringLiteral("unknown_column"),
                                QStringLiteral("%1row %2, column %3: 「%4」 is not a column of %5 (its columns: %6)")
                                    .arg(sheetPrefix(table))
                                    .arg(header.number)
                                    .arg(columnName(c), header.cells[c].text.trimmed(), spec->title,
                                         (spec->required + spec->optional).join(QStringLiteral("、"))),
                                header.cells[c].text.trimmed()};
            if (columns.contains(h))
                throw HttpError{422, QStringLiteral("duplicate_column"),
                                QStringLiteral("%1row %2: 「%3」 appears twice").arg(sheetPrefix(table)).arg(header.number).arg(h), h};
            columns.insert(h, c);
        }
        for (const QString &h : spec->required)
            if (!columns.contains(h))
                throw HttpError{422, QStringLiteral("missing_column"),
                                QStringLiteral("%1row %2: %3 needs the column 「%4」").arg(sheetPrefix(table)).arg(header.number).arg(spec->title, h),
                                h};

        bool pastTotal = false;
        for (int r = headerAt + 1; r < table.rows.size(); ++r) {
            const SourceRow &row = table.rows[r];
            if (isEmpty(row))
                continue;
            ImportRow out{table.sheet, row.number, ImportRowStatus::Accepted, spec->key, {}, {}, {}, {}};
            const QString first = firstText(row);
            if (!pastTotal && (first.startsWith(QStringLiteral("合计")) || first.startsWith(QStringLiteral("总计")))) {
                pastTotal = true;
                out.status = ImportRowStatus::Skipped;
                out.what = QStringLiteral("the 合计 row");
            } else if (pastTotal) {
                // Below our exports' 合计: records waiting, returned or revoked, and the notes.
                out.status = ImportRowStatus::Skipped;
                out.what = QStringLiteral("below the 合计 row (records not counted, notes)");
            } else {
                try {
                    const RowReader reader(m_scheme, columns, row);
                    reader.checkState();
                    RowOutcome o = readRow(*spec, reader);
                    out.what = o.what;
                    for (const Enterprise &e : std::as_const(o.enterprises)) {
                        m_index.addEnterprise(e);
                        plan.append({e.id.toString(), QStringLiteral("enterprise"), QString(), authorOf(o), wire::encode(e), table.sheet,
                                     row.number, spec->key});
                        ++report.enterprises;
                    }
                    for (const Record &rec : std::as_const(o.records)) {
                        m_index.addRecord(rec);
                        const RecordMeta &meta = metaOf(rec);
                        plan.append({meta.id.toString(), toString(kindOf(rec)), meta.credit.unit.code(), meta.author.toString(),
                                     wire::encode(rec), table.sheet, row.number, spec->key});
                        ++report.records;
                    }
                } catch (const RowSkip &skip) {
                    out.status = ImportRowStatus::Skipped;
                    out.what = skip.why;
                } catch (const RowError &e) {
                    out.status = ImportRowStatus::Refused;
                    out.code = e.code;
                    out.message = e.message;
                    out.field = e.field;
                }
            }
            switch (out.status) {
            case ImportRowStatus::Accepted: ++report.accepted; break;
            case ImportRowStatus::Refused: ++report.refused; break;
            case ImportRowStatus::Skipped: ++report.skipped; break;
            }
            report.rows.append(out);
        }
    }

private:
    static bool isEmpty(const SourceRow &r)
    {
        return std::all_of(r.cells.cbegin(), r.cells.cend(), [](const SourceCell &c) { return c.text.trimmed().isEmpty(); });
    }
    static QString firstText(const SourceRow &r)
    {
        for (const SourceCell &c : r.cells)
            if (!c.text.trimmed().isEmpty())
                return c.text.trimmed();
        return {};
    }
    static QString sheetPrefix(const SourceTable &t) { return t.sheet.isEmpty() ? QString() : QStringLiteral("sheet 「%1」, ").arg(t.sheet); }
    static QString columnName(int c)
    {
        QString s;
        for (++c; c > 0; c = (c - 1) / 26)
            s.prepend(QChar(u'A' + (c - 1) % 26));
        return s;
    }
    QString authorOf(const RowOutcome &o) const
    {
        return o.records.isEmpty() ? m_importer.id : metaOf(o.records.first()).author.toString();
    }

    RecordMeta meta(const UnitCode &unit, const QList<PersonId> &people) const
    {
        RecordMeta m;
        m.id = RecordId::create();
        m.credit = Credit{unit, people};
        // The first person credited wrote it, as far as the ledger can tell: the unit keeps it up.
        m.author = people.isEmpty() ? PersonId::parse(m_importer.id).value_or(PersonId()) : people.first();
        return m;
    }

    // The enterprise a row names: by credit code, else by its one enterprise of that name, else new.
    EnterpriseId enterprise(const QString &name, const QString &code, const QString &industry, const QString &nameHeader,
                            RowOutcome &o) const
    {
        if (!code.isEmpty())
            if (const auto it = m_index.byCode.constFind(code); it != m_index.byCode.cend())
                return *it;
        if (code.isEmpty()) {
            const QList<EnterpriseId> named = m_index.byName.value(name.simplified());
            if (named.size() == 1)
                return named.first();
            if (named.size() > 1)
                throw RowError{nameHeader, QStringLiteral("ambiguous_enterprise"),
                               QStringLiteral("%1 enterprises are named 「%2」: give its 统一社会信用代码").arg(named.size()).arg(name)};
        }
        Enterprise e;
        e.id = EnterpriseId::create();
        e.name = name;
        e.creditCode = code;
        if (const Industry *i = m_scheme.industry(industry); i && i->leading)
            e.industry = industry;
        if (const Result<Enterprise> back = wire::decodeEnterprise(wire::encode(e)); !back)
            throw RowError{back.error().field == u"creditCode" ? QStringLiteral("统一社会信用代码") : nameHeader, QStringLiteral("invalid"),
                           back.error().message};
        o.enterprises.append(e);
        return e.id;
    }

    // The record as the wire format takes it: a name too long, say, is refused here, naming its column.
    static void check(const TableSpec &spec, const Record &r)
    {
        const Result<Record> back = wire::decodeRecord(wire::encode(r));
        if (!back)
            throw RowError{columnOfField(spec, back.error().field), QStringLiteral("invalid"), back.error().message};
    }

    RowOutcome readRow(const TableSpec &spec, const RowReader &in)
    {
        RowOutcome o;
        const Table table = spec.table;
        switch (table) {
        case Table::InTalks:
        case Table::Signed:
        case Table::Landed:
        case Table::Started: projectRow(table, in, o); break;
        case Table::Leads: leadRow(in, o); break;
        case Table::Funds: fundsRow(in, o); break;
        }
        for (const Record &r : std::as_const(o.records))
            check(spec, r);
        return o;
    }

    void projectRow(Table table, const RowReader &in, RowOutcome &o)
    {
        const QString nameH = QStringLiteral("项目名称"), enterpriseH = QStringLiteral("投资企业");
        const UnitCode unit = in.unit(QStringLiteral("责任单位"));
        const QList<PersonId> people = in.people(QStringLiteral("责任人"), unit, m_index);
        const QString name = in.text(nameH, true);
        const QString enterpriseName = in.text(enterpriseH, true);
        const QString code = in.creditCode(QStringLiteral("统一社会信用代码"));
        const QString industry = in.industry(QStringLiteral("所属产业"));
        const std::optional<Money> investment = in.wan(QStringLiteral("总投资（万元）"), Currency::CNY, true);
        const bool chemical = in.yes(QStringLiteral("化工项目")), provincial = in.yes(QStringLiteral("列入省台账")),
                   foreign = in.yes(QStringLiteral("外资项目")), upgrade = in.yes(QStringLiteral("转型升级/承接转移"));
        const QString notes = in.raw(QStringLiteral("备注"));

        std::optional<MilestoneStage> stage;
        QString dateH;
        switch (table) {
        case Table::Signed: stage = MilestoneStage::Signed; dateH = QStringLiteral("签约日期"); break;
        case Table::Landed: stage = MilestoneStage::Landed; dateH = QStringLiteral("落地日期"); break;
        case Table::Started: stage = MilestoneStage::Started; dateH = QStringLiteral("开工日期"); break;
        default: dateH = QStringLiteral("洽谈开始日期"); break;
        }
        const QDate date = in.date(dateH, true);
        const bool legal = table == Table::Landed && in.yes(QStringLiteral("独立核算法人"));
        const bool tax = table == Table::Landed && in.yes(QStringLiteral("税务登记"));

        const EnterpriseId enterpriseId = enterprise(enterpriseName, code, industry, enterpriseH, o);
        // The project: one already in the ledger (or earlier in this import) with this enterprise
        // and name, the unit's own first; a table of projects in talks lists each project once.
        const QList<std::pair<RecordId, UnitCode>> known = m_index.projects.value(Index::projectKey(enterpriseId, name));
        std::optional<RecordId> projectId;
        for (const auto &[id, u] : known)
            if (!projectId || u == unit)
                projectId = id;
        if (!stage && projectId)
            throw RowError{nameH, QStringLiteral("duplicate"),
                           QStringLiteral("the project 「%1」 of 「%2」 is already in the ledger").arg(name, enterpriseName)};
        if (!projectId) {
            Project p;
            p.meta = meta(unit, people);
            p.enterprise = enterpriseId;
            p.name = name;
            p.investment = *investment;
            p.industry = industry;
            p.chemical = chemical;
            p.provincialLedger = provincial;
            p.foreignFunded = foreign;
            p.upgradeTransfer = upgrade;
            // A project first seen at a later stage was in talks by then at the latest.
            p.talksSince = date;
            if (!stage)
                p.notes = notes;
            projectId = p.meta.id;
            o.records.append(p);
        }
        if (!stage) {
            o.what = QStringLiteral("在谈项目「%1」（%2）").arg(name, enterpriseName);
            return;
        }
        if (m_index.milestones.contains(Index::milestoneKey(*projectId, *stage)))
            throw RowError{dateH, QStringLiteral("duplicate"),
                           QStringLiteral("the %1 of 「%2」 is already in the ledger").arg(dateH.left(2), name)};
        Milestone m;
        m.meta = meta(unit, people);
        m.project = *projectId;
        m.stage = *stage;
        m.date = date;
        m.legalEntityRegistered = legal;
        m.taxRegistered = tax;
        m.notes = notes;
        o.records.append(m);
        o.what = QStringLiteral("%1项目「%2」（%3）%4").arg(dateH.left(2), name, enterpriseName,
                                                         o.records.size() > 1 ? QStringLiteral("，新建项目") : QString());
    }

    void leadRow(const RowReader &in, RowOutcome &o)
    {
        Lead l;
        const UnitCode unit = in.unit(QStringLiteral("报送单位"));
        l.meta = meta(unit, in.people(QStringLiteral("报送人"), unit, m_index));
        l.filed = in.month(QStringLiteral("报送月份"));
        l.enterpriseName = in.text(QStringLiteral("企业名称"), true);
        l.intention = in.text(QStringLiteral("投资意向"), false);
        l.expectedInvestment = in.wan(QStringLiteral("预计投资（万元）"), Currency::CNY, false).value_or(Money{Currency::CNY, 0});
        l.industry = in.industry(QStringLiteral("所属产业"));
        if (m_index.leads.contains(Index::leadKey(l)))
            throw RowError{QStringLiteral("企业名称"), QStringLiteral("duplicate"),
                           QStringLiteral("this lead on 「%1」 of %2 is already in the ledger").arg(l.enterpriseName, l.filed.toString(QStringLiteral("yyyy-MM")))};
        o.what = QStringLiteral("招商信息「%1」").arg(l.enterpriseName);
        o.records.append(l);
    }

    void fundsRow(const RowReader &in, RowOutcome &o)
    {
        FundsArrival f;
        const UnitCode unit = in.unit(QStringLiteral("责任单位"));
        f.meta = meta(unit, {});
        f.date = in.date(QStringLiteral("到位日期"), true);
        const QString kindH = QStringLiteral("类别");
        const QString kind = in.text(kindH, true);
        std::optional<FundsKind> fk;
        for (FundsKind k : {FundsKind::OutsideProvinceRmb, FundsKind::ForeignCapitalUsd, FundsKind::ForeignCapitalIncreaseUsd})
            if (fundsKindName(k) == kind)
                fk = k;
        if (!fk)
            throw RowError{kindH, QStringLiteral("invalid"), QStringLiteral("「%1」 is not 省外资金, 外资资本金 or 外资增资").arg(kind)};
        f.kind = *fk;
        // Each currency has its own column: an amount in the other one is a mistake, not a conversion.
        const QString rmbH = QStringLiteral("金额（万元）"), usdH = QStringLiteral("金额（万美元）");
        const bool usd = currencyOf(f.kind) == Currency::USD;
        const std::optional<Money> rmb = in.wan(rmbH, Currency::CNY, false);
        const std::optional<Money> dollars = in.wan(usdH, Currency::USD, false);
        if (usd ? rmb.has_value() : dollars.has_value())
            throw RowError{usd ? rmbH : usdH, QStringLiteral("wrong_currency"),
                           QStringLiteral("%1 is counted in %2: its amount goes in 「%3」").arg(kind, usd ? QStringLiteral("万美元") : QStringLiteral("万元"),
                                                                                            usd ? usdH : rmbH)};
        const std::optional<Money> amount = usd ? dollars : rmb;
        if (!amount)
            throw RowError{usd ? usdH : rmbH, QStringLiteral("missing"), QStringLiteral("「%1」 is empty").arg(usd ? usdH : rmbH)};
        f.amount = *amount;
        f.payer = in.text(QStringLiteral("付款方"), false);
        const QString enterpriseName = in.text(QStringLiteral("企业"), true);
        f.enterprise = enterprise(enterpriseName, QString(), QString(), QStringLiteral("企业"), o);
        if (m_index.funds.contains(Index::fundsKey(f)))
            throw RowError{QStringLiteral("到位日期"), QStringLiteral("duplicate"),
                           QStringLiteral("these funds of 「%1」 are already in the ledger").arg(enterpriseName)};
        o.what = QStringLiteral("到位资金（%1，%2）").arg(enterpriseName, f.amount.toDisplayString());
        o.records.append(f);
    }

    const Scheme &m_scheme;
    Index m_index;
    const User &m_importer;
};

QString statusName(ImportRowStatus s)
{
    switch (s) {
    case ImportRowStatus::Accepted: return QStringLiteral("accepted");
    case ImportRowStatus::Refused: return QStringLiteral("refused");
    case ImportRowStatus::Skipped: return QStringLiteral("skipped");
    }
    return {};
}

} // namespace

QJsonObject ImportReport::toJson() const
{
    QJsonArray list;
    for (const ImportRow &r : rows) {
        QJsonObject o{{QStringLiteral("row"), r.row}, {QStringLiteral("status"), statusName(r.status)}, {QStringLiteral("table"), r.table}};
        if (!r.sheet.isEmpty())
            o.insert(QStringLiteral("sheet"), r.sheet);
        if (r.status == ImportRowStatus::Refused)
            o.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), r.code},
                                                          {QStringLiteral("message"), r.message},
                                                          {QStringLiteral("field"), r.field}});
        else
            o.insert(QStringLiteral("what"), r.what);
        list.append(o);
    }
    return {{QStringLiteral("file"), file},         {QStringLiteral("sha256"), sha256},     {QStringLiteral("encoding"), encoding},
            {QStringLiteral("dryRun"), dryRun},     {QStringLiteral("written"), written},   {QStringLiteral("accepted"), accepted},
            {QStringLiteral("refused"), refused},   {QStringLiteral("skipped"), skipped},   {QStringLiteral("records"), records},
            {QStringLiteral("enterprises"), enterprises}, {QStringLiteral("rows"), list}};
}

Importer::Importer(Store &store, const Scheme &scheme, ImportLimits limits)
    : m_store(store), m_scheme(scheme), m_limits(limits)
{
}

ImportReport Importer::run(const User &importer, const QString &deviceId, const QString &fileName, const QByteArray &bytes, bool dryRun)
{
    if (!importer.has(Role::Reviewer))
        throw HttpError{403, QStringLiteral("forbidden"), QStringLiteral("only a reviewer of the bureau imports ledgers"), {}};
    if (bytes.size() > m_limits.maxBytes)
        throw HttpError{413, QStringLiteral("too_large"), QStringLiteral("the file is larger than %1 bytes").arg(m_limits.maxBytes),
                        QStringLiteral("file")};
    if (bytes.isEmpty())
        throw HttpError{422, QStringLiteral("missing"), QStringLiteral("the file is empty"), QStringLiteral("file")};

    ImportReport report;
    report.file = fileName;
    report.dryRun = dryRun;
    report.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    QList<SourceTable> tables;
    if (bytes.startsWith("PK\x03\x04")) {
        tables = readXlsx(bytes);
        report.encoding = QStringLiteral("xlsx");
    } else if (bytes.startsWith("\xD0\xCF\x11\xE0")) {
        throw HttpError{422, QStringLiteral("bad_file"),
                        QStringLiteral("an Excel 97-2003 workbook (.xls): save it as .xlsx or as CSV"), QStringLiteral("file")};
    } else {
        CsvFile csv = readCsv(bytes);
        report.encoding = csv.encoding == CsvEncoding::Utf8 ? QStringLiteral("UTF-8") : QStringLiteral("GB18030");
        tables.append(std::move(csv.table));
    }
    qsizetype rows = 0;
    for (const SourceTable &t : std::as_const(tables))
        rows += t.rows.size();
    if (rows > m_limits.maxRows)
        throw HttpError{422, QStringLiteral("too_many_rows"),
                        QStringLiteral("the file has %1 rows; an import takes at most %2: split it").arg(rows).arg(m_limits.maxRows),
                        QStringLiteral("file")};

    const auto plan = [&](const Ledger &ledger) {
        ImportReport r = report;
        QList<Planned> planned;
        Planner planner(m_scheme, ledger, importer);
        for (const SourceTable &t : std::as_const(tables))
            planner.sheet(t, r, planned);
        return std::pair{r, planned};
    };
    if (dryRun) {
        m_store.refresh();
        return m_store.withLedger(plan).first;
    }
    // Planned again under the write lock, so what is checked is what is written.
    return m_store.write([&](Database &db) {
        auto [out, planned] = m_store.withLedger(plan);
        if (out.refused > 0 || planned.isEmpty())
            return out;
        const Actor actor{importer.id, deviceId};
        qint64 seq = m_store.nextSeq(db);
        for (const Planned &p : std::as_const(planned)) {
            m_store.putEntity(db, StoredEntity{p.id, p.kind, p.unit, p.author, p.json, {}, seq++, false});
            QJsonObject detail{{QStringLiteral("kind"), p.kind},   {QStringLiteral("file"), out.file}, {QStringLiteral("sha256"), out.sha256},
                               {QStringLiteral("row"), p.row},     {QStringLiteral("table"), p.table}};
            if (!p.sheet.isEmpty())
                detail.insert(QStringLiteral("sheet"), p.sheet);
            m_store.audit(db, actor, QStringLiteral("import"), p.id, detail);
        }
        m_store.audit(db, actor, QStringLiteral("import"), out.sha256,
                      QJsonObject{{QStringLiteral("file"), out.file}, {QStringLiteral("sha256"), out.sha256},
                                  {QStringLiteral("rows"), out.accepted}, {QStringLiteral("records"), out.records},
                                  {QStringLiteral("enterprises"), out.enterprises}});
        out.written = true;
        return out;
    });
}

} // namespace syncserver
