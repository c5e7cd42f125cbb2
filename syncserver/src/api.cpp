// Building the server: the scheme, the store and the services, then each area's routes in turn.
#include "api.h"

#include "quartersignoffs.h"

#include <QDir>

namespace syncserver {

const Clock &Server::defaultClock()
{
    static const Clock clock;
    return clock;
}

ledger::Scheme loadConfiguredScheme(const QString &schemeFile)
{
    if (schemeFile.isEmpty())
        return ledger::scheme2023();
    const ledger::SchemeLoad load = ledger::loadSchemeFile(schemeFile);
    if (!load.scheme) {
        QStringList lines;
        for (const auto &p : load.problems)
            lines << p.toString();
        throw std::runtime_error(QStringLiteral("the scheme %1 does not load:\n  %2").arg(schemeFile, lines.join(QStringLiteral("\n  "))).toStdString());
    }
    return *load.scheme;
}

QString checkpointLogOf(const ServerConfig &config)
{
    return config.checkpointLog.isEmpty() ? QDir(config.dataDir).filePath(QStringLiteral("audit-checkpoints.jsonl")) : config.checkpointLog;
}

Server::Server(ServerConfig config, const Clock &clock)
    : m_config(std::move(config))
    , m_scheme(loadConfiguredScheme(m_config.schemeFile))
    , m_store(std::make_unique<Store>(m_config.dataDir, clock))
    , m_accounts(std::make_unique<Accounts>(*m_store, m_config.accounts))
    , m_sync(std::make_unique<SyncService>(*m_store, m_scheme))
    , m_attachments(std::make_unique<AttachmentStore>(*m_store, m_config.maxAttachmentBytes))
    , m_poolShares(std::make_unique<PoolShareStore>(*m_store))
    , m_checkpoints(std::make_unique<AuditCheckpoints>(*m_store, m_config.auditKeyFile, checkpointLogOf(m_config)))
    , m_signOffs(std::make_unique<QuarterSignOffs>(*m_store, m_scheme))
    , m_routes{m_router, m_config, m_scheme, *m_store, *m_accounts, *m_sync, *m_attachments, *m_poolShares, m_scoreCache, *m_checkpoints, *m_signOffs}
{
    // In this order: the router tries routes as they were added.
    addStatusRoutes(m_routes);
    addAuthRoutes(m_routes);
    addSyncRoutes(m_routes);
    addReviewRoutes(m_routes);
    addScoreRoutes(m_routes);
    addExportRoutes(m_routes);
    addAttachmentRoutes(m_routes);
    addAdminRoutes(m_routes);
    addImportRoutes(m_routes);
    addQuarterRoutes(m_routes);
    addOfficeRoutes(m_routes);
}

Server::~Server() = default;

} // namespace syncserver
