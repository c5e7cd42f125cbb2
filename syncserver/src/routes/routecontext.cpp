// The checks every route shares: protocol version, sign-in, roles and request parameters.
#include "routecontext.h"

#include "ledger/wire.h"

namespace syncserver {

void RouteContext::checkProtocol(const Request &r)
{
    const QByteArray protocol = r.header("x-ledger-protocol");
    const QByteArray schema = r.header("x-ledger-schema");
    bool ok1 = false, ok2 = false;
    const int p = protocol.toInt(&ok1), s = schema.toInt(&ok2);
    if (!ok1 || !ok2)
        throw HttpError{426, QStringLiteral("upgrade_required"),
                        QStringLiteral("the request must carry X-Ledger-Protocol and X-Ledger-Schema; update the app"), {}};
    if (p < ProtocolVersion || s < ledger::wire::Version)
        throw HttpError{426, QStringLiteral("upgrade_required"),
                        QStringLiteral("this app speaks protocol %1, schema %2; the server needs protocol %3, schema %4 — update the app")
                            .arg(p).arg(s).arg(ProtocolVersion).arg(ledger::wire::Version), {}};
    if (p > ProtocolVersion || s > ledger::wire::Version)
        throw HttpError{400, QStringLiteral("server_too_old"),
                        QStringLiteral("the app is newer than this server (protocol %1); ask the bureau to update the server").arg(p), {}};
}

Session RouteContext::authenticate(const Request &request) const
{
    const QByteArray auth = request.header("authorization");
    if (!auth.startsWith("Bearer "))
        throw HttpError{401, QStringLiteral("unauthorised"), QStringLiteral("sign in first (no access token)"), {}};
    const auto session = accounts.authenticate(QString::fromLatin1(auth.mid(7)));
    if (!session)
        throw HttpError{401, QStringLiteral("session_expired"), QStringLiteral("the access token is expired or revoked; refresh it or sign in again"), {}};
    return *session;
}

HttpError forbidden(const QString &why) { return HttpError{403, QStringLiteral("forbidden"), why, {}}; }

void requireAny(const Session &s, std::initializer_list<ledger::Role> roles, const QString &what)
{
    for (ledger::Role r : roles)
        if (s.user.has(r))
            return;
    throw forbidden(what);
}

QString stringField(const QJsonObject &o, const QString &key, bool required)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("missing"), key};
        return {};
    }
    if (!v.isString())
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected a string"), key};
    return v.toString();
}

qint64 integerParam(const Request &r, const QString &name, qint64 fallback, qint64 min, qint64 max)
{
    if (!r.query.contains(name))
        return fallback;
    bool ok = false;
    const qint64 v = r.query.value(name).toLongLong(&ok);
    if (!ok || v < min || v > max)
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected a whole number from %1 to %2").arg(min).arg(max), name};
    return v;
}

QDate dateParam(const Request &r, const QString &name)
{
    if (!r.query.contains(name))
        return {};
    const QDate d = QDate::fromString(r.query.value(name), Qt::ISODate);
    if (!d.isValid())
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected a date YYYY-MM-DD"), name};
    return d;
}

} // namespace syncserver
