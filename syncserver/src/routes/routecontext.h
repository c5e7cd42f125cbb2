// What every area's routes are given: the router they register on, the services they call, and
// the checks they share (the protocol version, sign-in, roles, request parameters). Route files
// parse the request, call a service or the store, and answer; they hold no SQL and no rules.
#pragma once

#include "accounts.h"
#include "attachments.h"
#include "auditcheckpoints.h"
#include "http.h"
#include "poolsharestore.h"
#include "router.h"
#include "scorecache.h"
#include "serverconfig.h"
#include "store.h"
#include "sync.h"

#include "ledger/scheme.h"

#include <QDate>
#include <initializer_list>

namespace syncserver {

class QuarterSignOffs; // quartersignoffs.h: kept out of here, its notice types would reach every route file

struct RouteContext
{
    Router &router;
    const ServerConfig &config;
    const ledger::Scheme &scheme;
    Store &store;
    Accounts &accounts;
    SyncService &sync;
    AttachmentStore &attachments;
    PoolShareStore &poolShares;
    ScoreCache &scoreCache;
    AuditCheckpoints &checkpoints;
    QuarterSignOffs &signOffs;

    // The signed-in session the request's bearer token stands for; throws HttpError 401.
    [[nodiscard]] Session authenticate(const Request &request) const;
    // Where the request came from: X-Real-IP when a trusted proxy (config.trustedProxies) sent it.
    [[nodiscard]] QString clientAddress(const Request &request) const;

    // A handler that first checks the protocol and schema the request speaks.
    template<class H>
    [[nodiscard]] Handler versioned(H handler) const
    {
        return [handler](const Request &r) -> Response {
            checkProtocol(r);
            return handler(r);
        };
    }
    // The same, and signed in: the handler is called with the request and its session.
    template<class H>
    [[nodiscard]] Handler authed(H handler) const
    {
        return versioned([this, handler](const Request &r) -> Response { return handler(r, authenticate(r)); });
    }

    // Every API call but the health check states the protocol and schema it speaks, so an app
    // too old for this server is told to update instead of failing in odd ways.
    static void checkProtocol(const Request &r);
};

// The areas, one file each under routes/, registered by Server in this order.
void addStatusRoutes(RouteContext &c);     // health, the meeting room's status page
void addAuthRoutes(RouteContext &c);       // sign in, refresh, sign out, who am I
void addSyncRoutes(RouteContext &c);       // push, pull, rejected mutations, conflicts
void addReviewRoutes(RouteContext &c);     // a record explained, review actions, the inbox
void addScoreRoutes(RouteContext &c);      // scores, personal shares of the pools
void addExportRoutes(RouteContext &c);     // the office's tables and ledgers
void addAttachmentRoutes(RouteContext &c); // resumable uploads, status, downloads
void addAdminRoutes(RouteContext &c);      // accounts, devices, the audit log, the scheme
void addImportRoutes(RouteContext &c);     // the office's existing ledgers brought in
void addQuarterRoutes(RouteContext &c);    // the quarters' close, sign-off, snapshot and changes
void addOfficeRoutes(RouteContext &c);     // the office's pages in the browser, and their views

// ---- shared by the route files ----

[[nodiscard]] HttpError forbidden(const QString &why);
// Throws 403 `what` unless the session has one of the roles (coded role_required, naming them).
void requireAny(const Session &s, std::initializer_list<ledger::Role> roles, const QString &what);
// A string member of a JSON body; throws 400 naming the field when missing (if required) or not a string.
[[nodiscard]] QString stringField(const QJsonObject &o, const QString &key, bool required = true);
// A whole-number query parameter in [min, max], `fallback` when absent; throws 400 otherwise.
[[nodiscard]] qint64 integerParam(const Request &r, const QString &name, qint64 fallback, qint64 min, qint64 max);
// A YYYY-MM-DD query parameter, a null date when absent; throws 400 otherwise.
[[nodiscard]] QDate dateParam(const Request &r, const QString &name);

} // namespace syncserver
