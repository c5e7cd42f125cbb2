// Scores and pools: the score report (answered from the ScoreCache while neither the ledger nor
// the personal shares changed), and a unit contact setting the personal shares of the unit's pool.
#include "routecontext.h"

#include "ledger/poolshares.h"
#include "ledger/reportjson.h"
#include "ledger/scoring.h"

namespace syncserver {

namespace {

// GET /api/v1/scores
Response scores(RouteContext &c, const Request &r, const Session &s)
{
    const ledger::Period period{int(integerParam(r, QStringLiteral("year"), c.scheme.year, c.scheme.year, c.scheme.year)),
                                int(integerParam(r, QStringLiteral("quarter"), 4, 1, 4)),
                                r.query.value(QStringLiteral("alone")) == u"1" || r.query.value(QStringLiteral("alone")) == u"true"};
    const bool details = r.query.value(QStringLiteral("details"), QStringLiteral("1")) != u"0";
    const QString detailOf = s.user.readsEveryUnit() ? QStringLiteral("*") : s.user.unit;
    const QString key = ScoreCache::key(period, details, detailOf);
    c.store.refresh(); // what another process (the `user` command) wrote counts too
    QByteArray shares;
    const ledger::ScoreOptions options = c.poolShares.options(&shares);
    if (const auto cached = c.scoreCache.find(key, c.store.lastSeq(), shares))
        return Response::bytes(*cached, "application/json; charset=utf-8");
    // Scored and encoded under the mirror's read lock, so the version is the one scored.
    // Staff see the records behind the points of their own unit only (ReportJsonOptions).
    ledger::ReportJsonOptions json{details};
    if (detailOf != u"*")
        json.detailOf = ledger::UnitCode(detailOf);
    qint64 seq = 0;
    const ledger::ScoreReport report = c.store.withLedger([&](const ledger::Ledger &l) {
        seq = c.store.lastSeq();
        return ledger::score(c.scheme, l, period, options);
    });
    QByteArray body = ledger::toJsonText(report, json);
    c.scoreCache.insert(key, seq, shares, body);
    return Response::bytes(std::move(body), "application/json; charset=utf-8");
}

// The body's {"shares": {person id: "12.5", …}} as numbers, or 400 naming the entry that is not a
// person id or not a share. Whether they may be set is checked after (checkPoolShares).
QHash<ledger::PersonId, ledger::Points> parseShares(const Request &r, const QString &unit)
{
    const QJsonValue sharesValue = jsonBody(r).value(QStringLiteral("shares"));
    if (!sharesValue.isObject())
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected an object of person id → share"), QStringLiteral("shares")};
    const QJsonObject shares = sharesValue.toObject();
    QHash<ledger::PersonId, ledger::Points> parsed;
    for (auto it = shares.begin(); it != shares.end(); ++it) {
        const QString field = QStringLiteral("shares.") + it.key();
        const auto person = ledger::PersonId::parse(it.key());
        if (!person)
            throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("not a person of unit %1").arg(unit), field};
        const auto share = it->isString() ? ledger::Points::parse(it->toString()) : std::nullopt;
        if (!share)
            throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected a non-negative share such as \"12.5\""), field};
        parsed.insert(*person, *share);
    }
    return parsed;
}

// The pool-share rule's answer as the API's error.
HttpError shareError(const ledger::PoolShareProblem &problem, const QString &unit)
{
    using Kind = ledger::PoolShareProblem::Kind;
    const QString field = QStringLiteral("shares.") + problem.person.toString();
    switch (problem.kind) {
    case Kind::NotOfUnit:
        return HttpError{400, QStringLiteral("invalid"), QStringLiteral("not a person of unit %1").arg(unit), field};
    case Kind::Negative:
        return HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected a non-negative share such as \"12.5\""), field};
    case Kind::OverPool:
        break;
    }
    return HttpError{422, QStringLiteral("over_pool"),
                     QStringLiteral("the shares add up to %1, more than the unit's pool of %2").arg(problem.sum.toString(), problem.pool.toString()),
                     QStringLiteral("shares")};
}

// PUT /api/v1/pools/:unit/shares
Response setShares(RouteContext &c, const Request &r, const Session &s)
{
    const QString unit = r.params.value(QStringLiteral("unit"));
    if (!(s.user.has(ledger::Role::UnitContact) && s.user.unit == unit))
        throw forbidden(QStringLiteral("only the unit's contact sets its personal shares"));
    const QHash<ledger::PersonId, ledger::Points> shares = parseShares(r, unit);
    // Checked against the pool of the year so far, the one the shares are paid from.
    const ledger::Points sum = c.store.withLedger([&](const ledger::Ledger &l) {
        const auto report = ledger::score(c.scheme, l, ledger::Period{c.scheme.year, 4, false});
        const ledger::UnitScore *u = report.unit(ledger::UnitCode(unit));
        if (!u)
            throw HttpError{404, QStringLiteral("not_found"), QStringLiteral("no such unit"), QStringLiteral("unit")};
        if (const auto problem = ledger::checkPoolShares(l, u->unit, shares, u->pool))
            throw shareError(*problem, unit);
        ledger::Points total;
        for (const ledger::Points &share : shares)
            total += share;
        return total;
    });
    c.poolShares.replace(unit, shares, Actor{s.user.id, s.deviceId});
    return Response::json({{QStringLiteral("unit"), unit}, {QStringLiteral("total"), sum.toString()}});
}

} // namespace

void addScoreRoutes(RouteContext &c)
{
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/scores"), c.authed([&c](const Request &r, const Session &s) {
        return scores(c, r, s);
    }));
    c.router.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/pools/:unit/shares"), c.authed([&c](const Request &r, const Session &s) {
        return setShares(c, r, s);
    }));
}

} // namespace syncserver
