// Sessions: sign in with login and password for a device, refresh the token pair, sign out, and
// who the signed-in person is.
#include "routecontext.h"

namespace syncserver {

void addAuthRoutes(RouteContext &c)
{
    c.router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/login"), c.versioned([&c](const Request &r) {
        const QJsonObject body = jsonBody(r);
        const QJsonObject device = body.value(QStringLiteral("device")).toObject();
        const TokenPair t = c.accounts.login(stringField(body, QStringLiteral("login")), stringField(body, QStringLiteral("password")),
                                             device.value(QStringLiteral("id")).toString(), device.value(QStringLiteral("name")).toString(),
                                             c.clientAddress(r));
        const auto user = c.accounts.user(stringField(body, QStringLiteral("login")));
        return Response::json({{QStringLiteral("accessToken"), t.accessToken}, {QStringLiteral("refreshToken"), t.refreshToken},
                               {QStringLiteral("expiresIn"), t.accessExpiresIn}, {QStringLiteral("refreshExpiresIn"), t.refreshExpiresIn},
                               {QStringLiteral("user"), user->toJson()}});
    }));
    c.router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/refresh"), c.versioned([&c](const Request &r) {
        const QJsonObject body = jsonBody(r);
        const TokenPair t = c.accounts.refresh(stringField(body, QStringLiteral("refreshToken")), stringField(body, QStringLiteral("device")));
        return Response::json({{QStringLiteral("accessToken"), t.accessToken}, {QStringLiteral("refreshToken"), t.refreshToken},
                               {QStringLiteral("expiresIn"), t.accessExpiresIn}, {QStringLiteral("refreshExpiresIn"), t.refreshExpiresIn}});
    }));
    c.router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/logout"), c.authed([&c](const Request &, const Session &s) {
        c.accounts.logout(s);
        return Response::json({{QStringLiteral("signedOut"), true}});
    }));
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/me"), c.authed([](const Request &, const Session &s) {
        QJsonObject me = s.user.toJson();
        me.insert(QStringLiteral("device"), s.deviceId);
        return Response::json(me);
    }));
}

} // namespace syncserver
