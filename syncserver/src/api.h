// The server as a whole: the ledger's store and services, and every route of the HTTP API
// (docs/sync-protocol.md, docs/api.md). handle() is what the httplib adapter calls and what the
// route tests call directly, without sockets.
#pragma once

#include "accounts.h"
#include "attachments.h"
#include "router.h"
#include "store.h"
#include "sync.h"

#include "ledger/scheme.h"
#include "ledger/scoring.h"

#include <memory>

namespace syncserver {

struct ServerConfig
{
    QString dataDir;
    QString schemeFile;            // empty: the 2023 scheme built into the library
    AccountSettings accounts;
    qint64 maxAttachmentBytes = 20 * 1024 * 1024;
    bool publicStatusPage = true;  // the meeting room's read-only page needs no sign-in
};

class Server
{
public:
    explicit Server(ServerConfig config, const Clock &clock = defaultClock());

    [[nodiscard]] Response handle(Request request) const { return m_router.handle(std::move(request)); }

    [[nodiscard]] Store &store() { return *m_store; }
    [[nodiscard]] Accounts &accounts() { return *m_accounts; }
    [[nodiscard]] SyncService &sync() { return *m_sync; }
    [[nodiscard]] const ledger::Scheme &scheme() const { return m_scheme; }

    static const Clock &defaultClock();

private:
    void addRoutes();
    [[nodiscard]] Session authenticate(const Request &request) const;
    [[nodiscard]] ledger::ScoreOptions poolOptions();

    ServerConfig m_config;
    ledger::Scheme m_scheme;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Accounts> m_accounts;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<AttachmentStore> m_attachments;
    Router m_router;
};

// Loads the scheme the config names (or the built-in one); throws std::runtime_error listing
// every problem of a broken file.
[[nodiscard]] ledger::Scheme loadConfiguredScheme(const QString &schemeFile);

} // namespace syncserver
