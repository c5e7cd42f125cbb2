// Sync (docs/sync-protocol.md): push a device's mutations, pull changes after a cursor, the
// device's rejected mutations, and the conflicts a reviewer resolves.
#include "routecontext.h"

#include "ledger/syncprotocol.h"

#include <limits>

namespace syncserver {

void addSyncRoutes(RouteContext &c)
{
    c.router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/sync/push"), c.authed([&c](const Request &r, const Session &s) {
        return Response::json(c.sync.push(s, jsonBody(r)));
    }));
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/sync/pull"), c.authed([&c](const Request &r, const Session &s) {
        return Response::bytes(c.sync.pull(s, integerParam(r, QStringLiteral("cursor"), 0, 0, std::numeric_limits<qint64>::max()),
                                           int(integerParam(r, QStringLiteral("limit"), ledger::sync::DefaultPullPage, 1, ledger::sync::MaxPullPage))),
                               "application/json; charset=utf-8");
    }));
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/sync/rejected"), c.authed([&c](const Request &, const Session &s) {
        return Response::json({{QStringLiteral("rejected"), c.sync.rejected(s)}});
    }));
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/conflicts"), c.authed([&c](const Request &r, const Session &s) {
        return Response::json({{QStringLiteral("conflicts"), c.sync.conflicts(s, r.query.value(QStringLiteral("open"), QStringLiteral("1")) != u"0")}});
    }));
    c.router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/conflicts/:id/resolve"), c.authed([&c](const Request &r, const Session &s) {
        bool ok = false;
        const qint64 id = r.params.value(QStringLiteral("id")).toLongLong(&ok);
        if (!ok)
            throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected a conflict number"), QStringLiteral("id")};
        return Response::json(c.sync.resolveConflict(s, id, stringField(jsonBody(r), QStringLiteral("keep"))));
    }));
}

} // namespace syncserver
