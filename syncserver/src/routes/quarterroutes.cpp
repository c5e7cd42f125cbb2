// The quarters of the year and their sign-off: where each stands (provisional, closed, signed),
// the bureau's reviewers closing or reopening a tally, a leader signing it off, the signed
// snapshot, the changes since it, and the notice as the office page shows it. The keeping is
// quartersignoffs.cpp's.
#include "routecontext.h"

#include "quartersignoffs.h"

#include <QJsonArray>

namespace syncserver {

namespace {

int quarterOf(const RouteContext &c, const Request &r)
{
    const QString text = r.params.value(QStringLiteral("quarter"));
    bool ok = false;
    const int q = text.toInt(&ok);
    if (!ok || q < 1 || q > 4)
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected a quarter from 1 to 4"), QStringLiteral("quarter")};
    // One year per server for now: the scheme's.
    (void)integerParam(r, QStringLiteral("year"), c.scheme.year, c.scheme.year, c.scheme.year);
    return q;
}

// The bureau tallies the quarter (「由招商服务局统计」): the reviewer role is the bureau's.
void requireBureauReviewer(const Session &s)
{
    requireAny(s, {ledger::Role::Reviewer}, QStringLiteral("the bureau's reviewers close a quarter's tally"));
}

void requireReader(const Session &s)
{
    if (!s.user.readsEveryUnit())
        throw forbidden(QStringLiteral("the quarter's snapshot and changes cover every unit: ask the bureau for them"));
}

} // namespace

void addQuarterRoutes(RouteContext &c)
{
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/quarters"), c.authed([&c](const Request &, const Session &) {
        QJsonArray out;
        for (const QuarterStatus &q : c.signOffs.list())
            out.append(q.toJson());
        return Response::json({{QStringLiteral("year"), c.scheme.year}, {QStringLiteral("quarters"), out}});
    }));
    c.router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/quarters/:quarter/close"), c.authed([&c](const Request &r, const Session &s) {
        const int q = quarterOf(c, r);
        requireBureauReviewer(s);
        c.signOffs.close(q, Actor{s.user.id, s.deviceId}, s.user.name);
        return Response::json(c.signOffs.status(q).toJson());
    }));
    c.router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/quarters/:quarter/reopen"), c.authed([&c](const Request &r, const Session &s) {
        const int q = quarterOf(c, r);
        if (!s.user.has(ledger::Role::Leader))
            requireBureauReviewer(s);
        c.signOffs.reopen(q, Actor{s.user.id, s.deviceId}, s.user.name);
        return Response::json(c.signOffs.status(q).toJson());
    }));
    // The leading group's recognition of the result (「提交区招商引资工作领导小组研究认定」).
    c.router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/quarters/:quarter/signoff"), c.authed([&c](const Request &r, const Session &s) {
        const int q = quarterOf(c, r);
        requireAny(s, {ledger::Role::Leader}, QStringLiteral("a leader of the leading group signs a quarter off"));
        const QJsonObject body = jsonBody(r);
        const QString number = stringField(body, QStringLiteral("number"));
        const QString dateText = stringField(body, QStringLiteral("date"));
        const QDate date = QDate::fromString(dateText, Qt::ISODate);
        if (!date.isValid())
            throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected a date YYYY-MM-DD"), QStringLiteral("date")};
        return Response::json(c.signOffs.signOff(q, number, date, c.poolShares.options(), Actor{s.user.id, s.deviceId}, s.user.name).toJson());
    }));
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/quarters/:quarter/snapshot"), c.authed([&c](const Request &r, const Session &s) {
        const int q = quarterOf(c, r);
        requireReader(s);
        const std::optional<QByteArray> text = c.signOffs.snapshot(q);
        if (!text)
            throw HttpError{404, QStringLiteral("not_found"), QStringLiteral("the quarter is not signed off"), QStringLiteral("quarter")};
        return Response::bytes(*text, "application/json; charset=utf-8");
    }));
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/quarters/:quarter/changes"), c.authed([&c](const Request &r, const Session &s) {
        const int q = quarterOf(c, r);
        requireReader(s);
        return Response::json(c.signOffs.changes(q, c.poolShares.options()).toJson());
    }));
    // The notice as the office page shows it: the signed one, or the provisional one as it stands.
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/quarters/:quarter/notice"), c.authed([&c](const Request &r, const Session &s) {
        const int q = quarterOf(c, r);
        requireReader(s);
        NoticeInfo info;
        info.date = c.store.clock().now().date();
        info.footer << AuditCheckpoints::noticeLine(c.checkpoints.head(), std::nullopt);
        return Response::json(noticeToJson(c.signOffs.notice(q, info, c.poolShares.options())));
    }));
}

} // namespace syncserver
