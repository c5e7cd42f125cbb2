// Status: the health check (no version, no sign-in: load balancers and the app's server check
// call it) and the meeting room's read-only status page (signed in unless made public).
#include "routecontext.h"

#include "statuspage.h"

#include "ledger/scoring.h"
#include "ledger/syncprotocol.h"
#include "ledger/wire.h"

namespace syncserver {

void addStatusRoutes(RouteContext &c)
{
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/health"), [&c](const Request &) {
        return Response::json({{QStringLiteral("status"), QStringLiteral("ok")}, {QStringLiteral("protocol"), ledger::sync::ProtocolVersion},
                               {QStringLiteral("schema"), ledger::wire::Version}, {QStringLiteral("scheme"), c.scheme.id},
                               {QStringLiteral("seq"), c.store.lastSeq()}});
    });

    c.router.add(QStringLiteral("GET"), QStringLiteral("/status"), [&c](const Request &r) {
        // Signed in by default; switched public (serve --public-status), it names nobody.
        if (!c.config.publicStatusPage)
            (void)c.authenticate(r);
        const QDate today = c.store.clock().now().date();
        const int quarter = today.year() == c.scheme.year ? (today.month() - 1) / 3 + 1 : 4;
        c.store.refresh();
        return c.store.withLedger([&](const ledger::Ledger &l) {
            const auto cumulative = ledger::score(c.scheme, l, ledger::Period{c.scheme.year, quarter, false});
            const auto alone = ledger::score(c.scheme, l, ledger::Period{c.scheme.year, quarter, true});
            return Response::bytes(statusPage(c.scheme, cumulative, alone, c.store.clock().now(), !c.config.publicStatusPage), "text/html; charset=utf-8");
        });
    });
}

} // namespace syncserver
