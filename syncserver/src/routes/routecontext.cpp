// The checks every route shares: protocol version, sign-in, roles and request parameters.
#include "routecontext.h"

#include "ledger/syncprotocol.h"
#include "ledger/wire.h"

namespace syncserver {

void RouteContext::checkProtocol(const Request &r)
{
    static const QByteArray protocolHeader = QByteArray(ledger::sync::ProtocolHeader).toLower();
    static const QByteArray schemaHeader = QByteArray(ledger::sync::SchemaHeader).toLower();
    if (const auto refused = ledger::sync::checkVersions(r.header(protocolHeader), r.header(schemaHeader)))
        throw HttpError{ledger::sync::httpStatus(*refused), refused->code, refused->message, {}};
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

QString RouteContext::clientAddress(const Request &request) const
{
    return syncserver::clientAddress(request.remoteAddress, request.header("x-real-ip"), config.trustedProxies);
}

HttpError forbidden(const QString &why)
{
    HttpError e = refusal(ledger::sync::Code::Forbidden, ledger::FieldError({}, ledger::ErrorCode::NotAllowed));
    e.message = why;
    return e;
}

void requireAny(const Session &s, std::initializer_list<ledger::Role> roles, const QString &what)
{
    QStringList names;
    for (ledger::Role r : roles) {
        if (s.user.has(r))
            return;
        names << ledger::toString(r);
    }
    // The route's own words stay the message; the code and the roles travel in "detail".
    HttpError e = refusal(ledger::sync::Code::Forbidden, ledger::FieldError({}, ledger::ErrorCode::RoleRequired, {names.join(QStringLiteral(", "))}));
    e.message = what;
    throw e;
}

QString stringField(const QJsonObject &o, const QString &key, bool required)
{
    const QJsonValue v = o.value(key);
    // Coded (missing, wrong_type) for the app to word; the message stays the server's English.
    auto invalid = [&](ledger::FieldError cause, const QString &message) {
        HttpError e = refusal(ledger::sync::Code::Invalid, cause);
        e.message = message;
        return e;
    };
    if (v.isUndefined() || v.isNull()) {
        if (required)
            throw invalid(ledger::FieldError(key, ledger::ErrorCode::Missing), QStringLiteral("missing"));
        return {};
    }
    if (!v.isString())
        throw invalid(ledger::FieldError(key, ledger::ErrorCode::WrongType, {QStringLiteral("string"), ledger::wire::jsonType(v)}),
                      QStringLiteral("expected a string"));
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
