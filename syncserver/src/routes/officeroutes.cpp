// The office in a browser: the pages (syncserver/office/, compiled in as Qt resources) served
// under /office with a strict Content-Security-Policy, and the views they read that the other
// routes do not give as they are: the quarter by task, the leads by unit by month, the list of
// exports. The pages sign in like the app and call the API with the token as a Bearer header.
#include "routecontext.h"

#include "quartersignoffs.h"

#include "exports.h"
#include "notice.h"

#include "ledger/scoring.h"
#include "ledger/syncprotocol.h"
#include "ledger/wire.h"

#include <QFile>
#include <QJsonArray>

namespace syncserver {

namespace {

// Only the pages' own files: no inline script or style, no other origin, no framing.
const QByteArray kPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                           "form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

Response page(const QString &name)
{
    QByteArray type;
    if (name.endsWith(QStringLiteral(".html")))
        type = "text/html; charset=utf-8";
    else if (name.endsWith(QStringLiteral(".js")))
        type = "text/javascript; charset=utf-8";
    else if (name.endsWith(QStringLiteral(".css")))
        type = "text/css; charset=utf-8";
    QFile f(QStringLiteral(":/office/") + name);
    if (type.isEmpty() || name.contains(u'/') || !f.open(QIODevice::ReadOnly))
        throw HttpError{404, QStringLiteral("not_found"), QStringLiteral("no such page"), QStringLiteral("file")};
    QByteArray body = f.readAll();
    // The protocol and schema the API wants, as this server speaks them, for the pages' calls.
    if (name == u"index.html")
        body.replace("{{protocol}}", QByteArray::number(ledger::sync::ProtocolVersion)).replace("{{schema}}", QByteArray::number(ledger::wire::Version));
    Response r = Response::bytes(std::move(body), type);
    r.headers.insert("content-security-policy", kPolicy);
    r.headers.insert("x-content-type-options", "nosniff");
    r.headers.insert("referrer-policy", "no-referrer");
    r.headers.insert("cache-control", "no-cache");
    return r;
}

ledger::Period periodOf(const RouteContext &c, const Request &r)
{
    return ledger::Period{c.scheme.year, int(integerParam(r, QStringLiteral("quarter"), 4, 1, 4)), false};
}

} // namespace

void addOfficeRoutes(RouteContext &c)
{
    c.router.add(QStringLiteral("GET"), QStringLiteral("/office"), [](const Request &) { return page(QStringLiteral("index.html")); });
    c.router.add(QStringLiteral("GET"), QStringLiteral("/office/:file"), [](const Request &r) { return page(r.params.value(QStringLiteral("file"))); });

    // GET /api/v1/office/views/tasks|leads?quarter=3: a table as JSON (cells typed, as notice.h writes them).
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/office/views/:view"), c.authed([&c](const Request &r, const Session &) {
        const QString view = r.params.value(QStringLiteral("view"));
        if (view != u"tasks" && view != u"leads")
            throw HttpError{404, QStringLiteral("not_found"), QStringLiteral("no such view \"%1\" (tasks, leads)").arg(view), QStringLiteral("view")};
        const ledger::Period period = periodOf(c, r);
        const ledger::ScoreOptions options = c.poolShares.options();
        c.store.refresh();
        const Sheet sheet = c.store.withLedger([&](const ledger::Ledger &l) {
            const ledger::ScoreReport report = ledger::score(c.scheme, l, period, options);
            return view == u"tasks" ? taskProgressSheet(c.scheme, report) : leadsByMonthSheet(c.scheme, report);
        });
        QJsonObject out = sheetToJson(sheet);
        out.insert(QStringLiteral("quarter"), c.signOffs.status(period.quarter).toJson());
        return Response::json(out);
    }));
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/office/exports"), c.authed([](const Request &, const Session &) {
        QJsonArray tables;
        for (ExportTable t : allExportTables())
            tables.append(QJsonObject{{QStringLiteral("key"), exportTableKey(t)}, {QStringLiteral("title"), exportTableTitle(t)}});
        return Response::json({{QStringLiteral("tables"), tables}});
    }));
}

} // namespace syncserver
