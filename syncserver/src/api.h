// The server as a whole: it builds the ledger's store and services, and registers each area's
// routes (routes/*.cpp, docs/sync-protocol.md). handle() is what the front door's workers (and,
// for HTTPS, the httplib adapter) call, and what the route tests call directly, without sockets.
#pragma once

#include "accounts.h"
#include "attachments.h"
#include "auditcheckpoints.h"
#include "poolsharestore.h"
#include "routes/routecontext.h"
#include "router.h"
#include "scorecache.h"
#include "serverconfig.h"
#include "store.h"
#include "sync.h"

#include "ledger/scheme.h"

#include <memory>

namespace syncserver {

class Server
{
public:
    explicit Server(ServerConfig config, const Clock &clock = defaultClock());
    ~Server(); // where QuarterSignOffs is complete

    [[nodiscard]] Response handle(Request request) const { return m_router.handle(std::move(request)); }
    [[nodiscard]] const Router &router() const { return m_router; }

    [[nodiscard]] Store &store() { return *m_store; }
    [[nodiscard]] Accounts &accounts() { return *m_accounts; }
    [[nodiscard]] SyncService &sync() { return *m_sync; }
    [[nodiscard]] AuditCheckpoints &checkpoints() { return *m_checkpoints; }
    [[nodiscard]] QuarterSignOffs &signOffs() { return *m_signOffs; }
    [[nodiscard]] const ledger::Scheme &scheme() const { return m_scheme; }

    static const Clock &defaultClock();

private:
    ServerConfig m_config;
    ledger::Scheme m_scheme;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Accounts> m_accounts;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<AttachmentStore> m_attachments;
    std::unique_ptr<PoolShareStore> m_poolShares;
    std::unique_ptr<AuditCheckpoints> m_checkpoints;
    std::unique_ptr<QuarterSignOffs> m_signOffs;
    ScoreCache m_scoreCache;
    Router m_router;
    // What the routes reach; they hold a reference to it, so the server is neither copied nor moved.
    RouteContext m_routes;
};

// The checkpoint log a config names, or the one in its data folder.
[[nodiscard]] QString checkpointLogOf(const ServerConfig &config);

// Loads the scheme the config names (or the built-in one); throws std::runtime_error listing
// every problem of a broken file.
[[nodiscard]] ledger::Scheme loadConfiguredScheme(const QString &schemeFile);

} // namespace syncserver
