// Administration: accounts (list, create, enable/disable, passwords), devices, the audit log and
// the scheme file the server scores by.
#include "routecontext.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <limits>

namespace syncserver {

using ledger::Role;

namespace {

void addUserRoutes(RouteContext &c)
{
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/users"), c.authed([&c](const Request &, const Session &s) {
        requireAny(s, {Role::Admin, Role::Supervisor}, QStringLiteral("only administrators and the supervisor list accounts"));
        QJsonArray out;
        for (const User &u : c.accounts.users())
            out.append(u.toJson());
        return Response::json({{QStringLiteral("users"), out}});
    }));
    c.router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/users"), c.authed([&c](const Request &r, const Session &s) {
        requireAny(s, {Role::Admin}, QStringLiteral("only administrators create accounts"));
        const QJsonObject body = jsonBody(r);
        QStringList roleNames;
        for (const QJsonValue &v : body.value(QStringLiteral("roles")).toArray())
            roleNames << v.toString();
        QString error;
        const auto roles = parseRoles(roleNames.join(u','), &error);
        if (!error.isEmpty())
            throw HttpError{400, QStringLiteral("invalid"), error, QStringLiteral("roles")};
        const QString unit = stringField(body, QStringLiteral("unit"));
        if (!c.scheme.unit(ledger::UnitCode(unit)))
            throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("unknown unit \"%1\"").arg(unit), QStringLiteral("unit")};
        const User u = c.accounts.createUser(stringField(body, QStringLiteral("login")), stringField(body, QStringLiteral("name")), unit,
                                             roles, stringField(body, QStringLiteral("password")), Actor{s.user.id, s.deviceId});
        return Response::json(u.toJson(), 201);
    }));
    for (const auto &[action, active] : {std::pair{QStringLiteral("disable"), false}, std::pair{QStringLiteral("enable"), true}}) {
        c.router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/users/:id/") + action, c.authed([&c, active](const Request &r, const Session &s) {
            requireAny(s, {Role::Admin}, QStringLiteral("only administrators enable or disable accounts"));
            c.accounts.setActive(r.params.value(QStringLiteral("id")), active, Actor{s.user.id, s.deviceId});
            return Response::json({{QStringLiteral("id"), r.params.value(QStringLiteral("id"))}, {QStringLiteral("active"), active}});
        }));
    }
    // One's own password needs the current one (and ends one's other sessions); an administrator
    // resetting another person's ends all of theirs.
    c.router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/users/:id/password"), c.authed([&c](const Request &r, const Session &s) {
        const QString id = r.params.value(QStringLiteral("id"));
        const QJsonObject body = jsonBody(r);
        if (id == s.user.id) {
            c.accounts.changeOwnPassword(s, stringField(body, QStringLiteral("currentPassword")), stringField(body, QStringLiteral("password")),
                                         c.clientAddress(r));
        } else {
            requireAny(s, {Role::Admin}, QStringLiteral("only administrators reset another person's password"));
            c.accounts.setPassword(id, stringField(body, QStringLiteral("password")), Actor{s.user.id, s.deviceId});
        }
        return Response::json({{QStringLiteral("id"), id}, {QStringLiteral("passwordChanged"), true}});
    }));
}

void addDeviceRoutes(RouteContext &c)
{
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/devices"), c.authed([&c](const Request &, const Session &s) {
        requireAny(s, {Role::Admin}, QStringLiteral("only administrators list devices"));
        return Response::json({{QStringLiteral("devices"), c.accounts.devices()}});
    }));
    c.router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/devices/:id/revoke"), c.authed([&c](const Request &r, const Session &s) {
        requireAny(s, {Role::Admin}, QStringLiteral("only administrators revoke devices"));
        c.accounts.revokeDevice(r.params.value(QStringLiteral("id")), Actor{s.user.id, s.deviceId});
        return Response::json({{QStringLiteral("id"), r.params.value(QStringLiteral("id"))}, {QStringLiteral("revoked"), true}});
    }));
}

QJsonObject auditEntryJson(const AuditEntry &e)
{
    return QJsonObject{{QStringLiteral("id"), e.id}, {QStringLiteral("at"), e.at},
                       {QStringLiteral("user"), e.userId}, {QStringLiteral("device"), e.deviceId},
                       {QStringLiteral("action"), e.action}, {QStringLiteral("entity"), e.entityId},
                       {QStringLiteral("detail"), QJsonDocument::fromJson(e.detail.toUtf8()).object()},
                       {QStringLiteral("hash"), e.hash}};
}

} // namespace

void addAdminRoutes(RouteContext &c)
{
    addUserRoutes(c);
    addDeviceRoutes(c);
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/audit"), c.authed([&c](const Request &r, const Session &s) {
        requireAny(s, {Role::Supervisor, Role::Admin}, QStringLiteral("the audit log is for the supervisor and administrators"));
        const qint64 after = integerParam(r, QStringLiteral("after"), 0, 0, std::numeric_limits<qint64>::max());
        const int limit = int(integerParam(r, QStringLiteral("limit"), 200, 1, 5000));
        QJsonArray entries;
        for (const AuditEntry &e : c.store.auditEntries(after, limit))
            entries.append(auditEntryJson(e));
        return Response::json(QJsonObject{{QStringLiteral("entries"), entries}});
    }));
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/scheme"), c.authed([&c](const Request &, const Session &) {
        QFile f(c.config.schemeFile.isEmpty() ? QStringLiteral(":/schemes/xxkfq-2023.json") : c.config.schemeFile);
        f.open(QIODevice::ReadOnly);
        return Response::bytes(f.readAll(), "application/json; charset=utf-8");
    }));
}

} // namespace syncserver
