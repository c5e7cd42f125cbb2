// Importing the office's existing ledgers: the file is the body, its name a parameter; a dry run
// reports every row and writes nothing. Reading and writing are importer.cpp's.
#include "routecontext.h"

#include "importer.h"

#include <QUrl>

namespace syncserver {

namespace {

// POST /api/v1/import?name=签约项目表.xlsx&dryRun=1 (or the name in X-File-Name, percent-encoded)
Response importFile(RouteContext &c, const Request &r, const Session &s)
{
    requireAny(s, {ledger::Role::Reviewer}, QStringLiteral("importing ledgers"));
    QString name = r.query.value(QStringLiteral("name"));
    if (name.isEmpty())
        name = QUrl::fromPercentEncoding(r.header("x-file-name"));
    name = name.trimmed();
    if (name.isEmpty())
        throw HttpError{400, QStringLiteral("missing"), QStringLiteral("name the file: ?name= or X-File-Name"), QStringLiteral("name")};
    if (name.size() > 200)
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("a file name has at most 200 characters"), QStringLiteral("name")};
    const QString dry = r.query.value(QStringLiteral("dryRun"), QStringLiteral("0"));
    if (dry != u"0" && dry != u"1")
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected 0 or 1"), QStringLiteral("dryRun")};
    Importer importer(c.store, c.scheme);
    const ImportReport report = importer.run(s.user, s.deviceId, name, r.body, dry == u"1");
    if (!report.dryRun && !report.written)
        return Response::error(422, QStringLiteral("import_refused"),
                               report.refused > 0 ? QStringLiteral("%1 rows refused: nothing was imported").arg(report.refused)
                                                  : QStringLiteral("the file holds no row to import"),
                               QStringLiteral("file"), QJsonObject{{QStringLiteral("report"), report.toJson()}});
    return Response::json(report.toJson());
}

} // namespace

void addImportRoutes(RouteContext &c)
{
    c.router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/import"), c.authed([&c](const Request &r, const Session &s) {
        return importFile(c, r, s);
    }));
}

} // namespace syncserver
