// Path matching and the catch-all that keeps one bad request from taking the server down.
#include "router.h"

#include "ledger/database.h"

#include <QDebug>

namespace syncserver {

HttpError refusal(ledger::sync::Code code, const ledger::FieldError &cause, const QJsonObject &extra)
{
    ledger::sync::Error e = ledger::sync::makeError(code, cause);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        e.extra.insert(it.key(), it.value());
    return HttpError{ledger::sync::httpStatus(e), e.code, e.message, e.field, e.extra};
}

void Router::add(const QString &method, const QString &pattern, Handler handler)
{
    m_routes.push_back({method, pattern.split(u'/', Qt::SkipEmptyParts), std::move(handler)});
}

QStringList Router::routes() const
{
    QStringList out;
    for (const Route &r : m_routes)
        out << r.method + QStringLiteral(" /") + r.segments.join(u'/');
    return out;
}

Response Router::handle(Request request) const
{
    const QStringList parts = request.path.split(u'/', Qt::SkipEmptyParts);
    bool pathMatched = false;
    for (const Route &route : m_routes) {
        if (route.segments.size() != parts.size())
            continue;
        QHash<QString, QString> params;
        bool ok = true;
        for (qsizetype i = 0; i < parts.size() && ok; ++i) {
            const QString &seg = route.segments[i];
            if (seg.startsWith(u':'))
                params.insert(seg.mid(1), parts[i]);
            else
                ok = seg == parts[i];
        }
        if (!ok)
            continue;
        pathMatched = true;
        if (route.method != request.method)
            continue;
        request.params = std::move(params);
        try {
            return route.handler(request);
        } catch (const HttpError &e) {
            Response out = Response::error(e.status, e.code, e.message, e.field, e.extra);
            if (const QJsonValue wait = e.extra.value(QStringLiteral("retryAfter")); wait.isDouble())
                out.headers.insert("retry-after", QByteArray::number(wait.toInteger()));
            return out;
        } catch (const ledger::DatabaseError &e) {
            qWarning().noquote() << "database error on" << request.method << request.path << ":" << e.message();
            if (e.primaryCode() == 5 /* SQLITE_BUSY */)
                return Response::error(503, QStringLiteral("busy"), QStringLiteral("the ledger is busy; try again"));
            return Response::error(500, QStringLiteral("internal"), QStringLiteral("the server could not complete the request"));
        } catch (const std::exception &e) {
            qWarning().noquote() << "error on" << request.method << request.path << ":" << e.what();
            return Response::error(500, QStringLiteral("internal"), QStringLiteral("the server could not complete the request"));
        } catch (...) {
            qWarning().noquote() << "unknown error on" << request.method << request.path;
            return Response::error(500, QStringLiteral("internal"), QStringLiteral("the server could not complete the request"));
        }
    }
    if (pathMatched)
        return Response::error(405, QStringLiteral("method_not_allowed"), request.method + QStringLiteral(" is not allowed on ") + request.path);
    return Response::error(404, QStringLiteral("not_found"), QStringLiteral("no such endpoint: ") + request.path);
}

} // namespace syncserver
