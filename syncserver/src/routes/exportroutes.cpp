// The office's tables and ledgers as CSV or .xlsx files: which table, which format, which unit
// the caller may see, which dates; the laying out is exports.cpp's, the writing sheetwriter.cpp's.
#include "routecontext.h"

#include "exports.h"
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
    if (key.endsWith(QStringLiteral(".csv")) || key.endsWith(QStringLiteral(".xlsx"))) {
        format = key.section(u'.', -1);
        key = key.section(u'.', 0, -2);
    }
    const auto table = exportTableFromKey(key);
    if (!table)
        throw HttpError{404, QStringLiteral("not_found"), QStringLiteral("no such table \"%1\"").arg(key), QStringLiteral("table")};
    if (format != u"csv" && format != u"xlsx")
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected csv or xlsx"), QStringLiteral("format")};
    ExportFilter filter;
    filter.unit = exportUnit(c, r, s);
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
    Sheet sheet = c.store.withLedger([&](const ledger::Ledger &l) {
        const ledger::ScoreReport report = ledger::score(c.scheme, l, period, options);
        return buildSheet(*table, l, c.scheme, filter, &report);
    });
    // Every published table carries the audit chain's head, signed first when a key is set: a
    // printed copy then anchors the log outside the ledger file (the CSV, for importing, in headers).
    const std::optional<Checkpoint> signedHead = c.checkpoints.checkpoint(QStringLiteral("export ") + key);
    const AuditHead head = signedHead ? signedHead->head : c.checkpoints.head();
    sheet.footnotes << AuditCheckpoints::noticeLine(head, signedHead);
    Response out = format == u"csv" ? Response::bytes(toCsv(sheet), "text/csv; charset=utf-8")
                                    : Response::bytes(toXlsx(sheet), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
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
