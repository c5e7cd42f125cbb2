// Records and review (认定): a record with what a reviewer needs to decide, the review actions,
// the reviewer's inbox, and the supervisor's list of decisions.
#include "routecontext.h"

#include "duplicateclaims.h"

#include "ledger/wire.h"

#include <limits>

namespace syncserver {

void addReviewRoutes(RouteContext &c)
{
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/records/:id"), c.authed([&c](const Request &r, const Session &s) {
        return Response::json(c.sync.explain(s, r.params.value(QStringLiteral("id"))));
    }));
    c.router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/records/:id/review"), c.authed([&c](const Request &r, const Session &s) {
        const QJsonObject body = jsonBody(r);
        // The leading group's recognition names its meeting (认定 route 4); no other move takes a date.
        std::optional<QDate> meetingDate;
        if (body.contains(QStringLiteral("meetingDate"))) {
            meetingDate = QDate::fromString(stringField(body, QStringLiteral("meetingDate")), Qt::ISODate);
            if (!meetingDate->isValid())
                throw refusal(ledger::sync::Code::Invalid, ledger::FieldError(QStringLiteral("meetingDate"), ledger::ErrorCode::NotADate));
        }
        return Response::json(c.sync.review(s, r.params.value(QStringLiteral("id")), stringField(body, QStringLiteral("action")),
                                            stringField(body, QStringLiteral("reason"), false), meetingDate));
    }));
    // One project, one credit: a reviewer decides a duplicate claim (keep the first, move the
    // credit, or a joint credit with the claim's share).
    c.router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/records/:id/claim"), c.authed([&c](const Request &r, const Session &s) {
        const QJsonObject body = jsonBody(r);
        DuplicateClaims claims(c.store, c.scheme);
        return Response::json(claims.decide(s, r.params.value(QStringLiteral("id")), stringField(body, QStringLiteral("decision")),
                                            stringField(body, QStringLiteral("share"), false), stringField(body, QStringLiteral("reason"), false)));
    }));
    // The bureau's report of suspected duplicates: claims, enterprises entered twice, shared leads.
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/review/duplicates"), c.authed([&c](const Request &, const Session &s) {
        return Response::json(DuplicateClaims(c.store, c.scheme).report(s));
    }));
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/review/inbox"), c.authed([&c](const Request &r, const Session &s) {
        return Response::json({{QStringLiteral("records"), c.sync.inbox(s, r.query.value(QStringLiteral("state")), r.query.value(QStringLiteral("unit")),
                                                                        int(integerParam(r, QStringLiteral("limit"), 200, 1, 1000)))}});
    }));
    // Read-only: the supervisor (党政办 in the scheme) watches every decision, the bureau's own
    // records above all (?unit=ISB), since the bureau's reviewers decide them.
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/review/decisions"), c.authed([&c](const Request &r, const Session &s) {
        requireAny(s, {ledger::Role::Supervisor, ledger::Role::Admin}, QStringLiteral("the list of decisions is for the supervisor and administrators"));
        const QString unit = r.query.value(QStringLiteral("unit"));
        if (!unit.isEmpty() && !c.scheme.unit(ledger::UnitCode(unit))) {
            QStringList units;
            for (const auto &u : c.scheme.units)
                units << u.code.code();
            throw refusal(ledger::sync::Code::Invalid, ledger::FieldError(QStringLiteral("unit"), ledger::ErrorCode::UnknownValue, {unit, units.join(QStringLiteral(", "))}));
        }
        const qint64 after = integerParam(r, QStringLiteral("after"), 0, 0, std::numeric_limits<qint64>::max());
        return Response::json({{QStringLiteral("decisions"), c.sync.decisions(unit, after, int(integerParam(r, QStringLiteral("limit"), 200, 1, 5000)))}});
    }));
}

} // namespace syncserver
