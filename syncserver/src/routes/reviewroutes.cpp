// Records and review (认定): a record with what a reviewer needs to decide, the review actions,
// and the reviewer's inbox.
#include "routecontext.h"

namespace syncserver {

void addReviewRoutes(RouteContext &c)
{
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/records/:id"), c.authed([&c](const Request &r, const Session &s) {
        return Response::json(c.sync.explain(s, r.params.value(QStringLiteral("id"))));
    }));
    c.router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/records/:id/review"), c.authed([&c](const Request &r, const Session &s) {
        const QJsonObject body = jsonBody(r);
        return Response::json(c.sync.review(s, r.params.value(QStringLiteral("id")), stringField(body, QStringLiteral("action")),
                                            stringField(body, QStringLiteral("reason"), false)));
    }));
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/review/inbox"), c.authed([&c](const Request &r, const Session &s) {
        return Response::json({{QStringLiteral("records"), c.sync.inbox(s, r.query.value(QStringLiteral("state")), r.query.value(QStringLiteral("unit")),
                                                                        int(integerParam(r, QStringLiteral("limit"), 200, 1, 1000)))}});
    }));
}

} // namespace syncserver
