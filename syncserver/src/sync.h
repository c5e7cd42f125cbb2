// The sync protocol (docs/sync-protocol.md): push applies a device's numbered mutations exactly
// once in one transaction, merging concurrent edits field by field in server order and keeping
// stale edits as conflicts; pull returns every change after a cursor in the server's sequence.
// Review (认定) changes go through here too, since they are changes to records.
#pragma once

#include "accounts.h"
#include "store.h"

#include <QJsonArray>

namespace syncserver {

inline constexpr int ProtocolVersion = 1;
inline constexpr int MaxMutationsPerPush = 1000;
inline constexpr int MaxPullPage = 5000;

class SyncService
{
public:
    SyncService(Store &store, const ledger::Scheme &scheme);

    // Throws HttpError for a malformed batch or a gap (409, with the number expected).
    [[nodiscard]] QJsonObject push(const Session &session, const QJsonObject &body);
    // The page as JSON text: {"changes":[…],"cursor":N,"hasMore":b}.
    [[nodiscard]] QByteArray pull(const Session &session, qint64 cursor, int limit);

    // 认定: "recognise", "return" (with a reason) or "revoke" (as false, with a reason).
    [[nodiscard]] QJsonObject review(const Session &session, const QString &recordId, const QString &action, const QString &reason);
    // A record with everything a reviewer needs to decide: why it does not count yet, what it lacks,
    // what its check-in flags mean.
    [[nodiscard]] QJsonObject explain(const Session &session, const QString &recordId);
    [[nodiscard]] QJsonArray inbox(const Session &session, const QString &state, const QString &unit, int limit);

    [[nodiscard]] QJsonArray conflicts(const Session &session, bool openOnly);
    [[nodiscard]] QJsonObject resolveConflict(const Session &session, qint64 conflictId, const QString &keep);
    // The mutations of this device that were rejected, with their reasons, for their author to fix.
    [[nodiscard]] QJsonArray rejected(const Session &session);

    // Whether the session may read an entity stored under this unit.
    [[nodiscard]] static bool canRead(const Session &session, const StoredEntity &entity);

private:
    struct Outcome;
    Outcome applyUpsert(ledger::Database &db, const Session &session, const QJsonObject &incoming, qint64 baseVersion,
                        const std::optional<QSet<QString>> &changed);
    Outcome applyDelete(ledger::Database &db, const Session &session, const QString &id, qint64 baseVersion);
    void checkAttachments(ledger::Database &db, const QJsonObject &entity) const;

    Store &m_store;
    const ledger::Scheme &m_scheme;
};

} // namespace syncserver
