// The office's tables and ledgers as CSV or .xlsx files, and the quarter's notice also as a PDF:
// which table, which format, which unit the caller may see, which dates, the notice's number and
// date; the laying out is exports.cpp's and notice.cpp's, the writing sheetwriter.cpp's and noticepdf.cpp's.
#include "routecontext.h"

#include "exports.h"
#include "notice.h"
#include "noticepdf.h"
#include "quartersignoffs.h"
#include "sheetwriter.h"

#include "ledger/scoring.h"

#include <QUrl>

namespace syncserver {

namespace {

// Staff export their own unit only; those who read every unit may pick one of the scheme's.
std::optional<ledger::UnitCode> exportUnit(const RouteContext &c, const Request &r, const Session &s)
{
    const QString unit = r.query.value(QStringLiteral("unit"));
    if (!s.user.readsEveryUnit()) {
        if (!unit.isEmpty() && unit != s.user.unit)
            throw forbidden(QStringLiteral("you may export your own unit's records only"));
        return ledger::UnitCode(s.user.unit);
    }
    if (unit.isEmpty())
        return std::nullopt;
    if (!c.scheme.unit(ledger::UnitCode(unit)))
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("unknown unit \"%1\"").arg(unit), QStringLiteral("unit")};
    return ledger::UnitCode(unit);
}

// GET /api/v1/exports/:table
Response exportTable(RouteContext &c, const Request &r, const Session &s)
{
    QString key = r.params.value(QStringLiteral("table"));
    QString format = r.query.value(QStringLiteral("format"), QStringLiteral("xlsx"));
    if (key.endsWith(QStringLiteral(".csv")) || key.endsWith(QStringLiteral(".xlsx")) || key.endsWith(QStringLiteral(".pdf"))) {
        format = key.section(u'.', -1);
        key = key.section(u'.', 0, -2);
    }
    const auto table = exportTableFromKey(key);
    if (!table)
        throw HttpError{404, QStringLiteral("not_found"), QStringLiteral("no such table \"%1\"").arg(key), QStringLiteral("table")};
    if (format != u"csv" && format != u"xlsx" && format != u"pdf")
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected csv, xlsx or pdf"), QStringLiteral("format")};
    if (format == u"pdf" && *table != ExportTable::ScoreNotice)
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("only the score notice is a PDF; the tables are csv or xlsx"),
                        QStringLiteral("format")};
    ExportFilter filter;
    filter.unit = exportUnit(c, r, s);
    // The whole notice (every unit, the bonuses, 通报批评) is for those who read every unit; a unit's
    // own export of it is its row of the ranking.
    const bool wholeNotice = *table == ExportTable::ScoreNotice && !filter.unit && format != u"csv";
    NoticeInfo info;
    info.number = r.query.value(QStringLiteral("number")).trimmed();
    if (info.number.size() > 40)
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("a document number has at most 40 characters"), QStringLiteral("number")};
    for (const QChar ch : std::as_const(info.number))
        if (ch.category() == QChar::Other_Control || ch.category() == QChar::Other_Format)
            throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("control characters are not allowed"), QStringLiteral("number")};
    info.date = dateParam(r, QStringLiteral("date"));
    if (!info.date.isValid())
        info.date = c.store.clock().now().date();
    if (format == u"pdf" && !wholeNotice)
        throw forbidden(QStringLiteral("the notice as a PDF covers every unit: ask the bureau for it"));

    const int quarter = int(integerParam(r, QStringLiteral("quarter"), 4, 1, 4));
    const bool alone = r.query.value(QStringLiteral("alone")) == u"1";
    const ledger::Period period{c.scheme.year, quarter, alone};
    filter.from = dateParam(r, QStringLiteral("from"));
    filter.to = dateParam(r, QStringLiteral("to"));
    if (!filter.from.isValid())
        filter.from = period.first();
    if (!filter.to.isValid())
        filter.to = period.last();
    if (filter.to < filter.from)
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("the end date is before the start date"), QStringLiteral("to")};
    const ledger::ScoreOptions options = c.poolShares.options();
    c.store.refresh();
    // Every published table carries the audit chain's head, signed first when a key is set: a
    // printed copy then anchors the log outside the ledger file (the CSV, for importing, in headers).
    const std::optional<Checkpoint> signedHead = c.checkpoints.checkpoint(QStringLiteral("export ") + key);
    const AuditHead head = signedHead ? signedHead->head : c.checkpoints.head();
    const QString headLine = AuditCheckpoints::noticeLine(head, signedHead);
    info.footer << headLine;
    Sheet sheet;
    std::optional<Notice> notice;
    // The quarter's own notice (the default dates, cumulative) is the signed one once the quarter
    // is signed off, else the provisional one; a notice of other dates is always provisional.
    const bool quarterNotice = wholeNotice && !alone && !r.query.contains(QStringLiteral("from")) && !r.query.contains(QStringLiteral("to"));
    if (quarterNotice) {
        if (const QuarterStatus st = c.signOffs.status(quarter); st.state == QuarterState::Signed) {
            if (!info.number.isEmpty() && info.number != st.number)
                throw HttpError{409, QStringLiteral("conflict"), QStringLiteral("the quarter is signed off as %1").arg(st.number), QStringLiteral("number")};
            if (r.query.contains(QStringLiteral("date")) && info.date != st.date)
                throw HttpError{409, QStringLiteral("conflict"), QStringLiteral("the quarter's notice is dated %1").arg(st.date.toString(Qt::ISODate)),
                                QStringLiteral("date")};
        }
        notice = c.signOffs.notice(quarter, info, options);
    } else if (wholeNotice) {
        info.mark = QStringLiteral("暂定（自选期间，未经领导小组签认）");
    }
    c.store.withLedger([&](const ledger::Ledger &l) {
        const ledger::ScoreReport report = ledger::score(c.scheme, l, period, options);
        sheet = buildSheet(*table, l, c.scheme, filter, &report);
        if (wholeNotice && !notice)
            notice = buildNotice(l, c.scheme, report, info);
    });
    sheet.footnotes << headLine;
    const char *const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    Response out = format == u"csv"   ? Response::bytes(toCsv(sheet), "text/csv; charset=utf-8")
                   : format == u"pdf" ? Response::bytes(toPdf(*notice), "application/pdf")
                   : notice           ? Response::bytes(toXlsx(noticeSheets(*notice)), xlsxType)
                                      : Response::bytes(toXlsx(sheet), xlsxType);
    const QString fileName = sheet.title + QStringLiteral(".") + format;
    out.headers.insert("content-disposition", "attachment; filename=\"" + key.toLatin1() + '.' + format.toLatin1()
                                                  + "\"; filename*=UTF-8''" + QUrl::toPercentEncoding(fileName));
    out.headers.insert("x-ledger-audit-head", QByteArray::number(head.entries) + ':' + head.hash.toLatin1());
    if (signedHead)
        out.headers.insert("x-ledger-audit-checkpoint", QByteArray::number(signedHead->number));
    return out;
}

} // namespace

void addExportRoutes(RouteContext &c)
{
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/exports/:table"), c.authed([&c](const Request &r, const Session &s) {
        return exportTable(c, r, s);
    }));
}

} // namespace syncserver
