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

#include <QMutex>

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
    // The personal shares unit contacts set; `fingerprint`, when given, receives them as text so
    // that a cached report can tell whether they changed.
    [[nodiscard]] ledger::ScoreOptions poolOptions(QByteArray *fingerprint = nullptr);
    // GET /api/v1/scores, answered from the cache while the ledger and the shares are unchanged.
    [[nodiscard]] Response scores(const Request &r, const Session &s);

    ServerConfig m_config;
    ledger::Scheme m_scheme;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Accounts> m_accounts;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<AttachmentStore> m_attachments;
    Router m_router;

    // Score reports as sent, by what was asked (period, details, the unit whose detail is shown),
    // each with the ledger version (last sequence number) and the pool shares it was computed
    // from. Readers at the monthly meeting ask for the same report many times between changes.
    struct CachedReport
    {
        qint64 seq = -1;
        QByteArray shares;
        QByteArray body;
        quint64 lastUse = 0;
    };
    static constexpr qint64 ScoreCacheBytes = 256LL * 1024 * 1024;
    QMutex m_scoreCacheLock;
    QHash<QString, CachedReport> m_scoreCache;
    quint64 m_scoreCacheClock = 0;
};

// Loads the scheme the config names (or the built-in one); throws std::runtime_error listing
// every problem of a broken file.
[[nodiscard]] ledger::Scheme loadConfiguredScheme(const QString &schemeFile);

} // namespace syncserver
