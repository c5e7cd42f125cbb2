// The local store's key/value table ("meta"): the device id, the session, the mutation counter
// and the pull cursor live here, each under a key named below.
#pragma once

#include "ledger/database.h"

#include <QString>

namespace mobile {

// The keys, in one place so that no two parts of the store write the same one by accident.
namespace metakey {
inline const QString DeviceId = QStringLiteral("device_id");
inline const QString LastMutation = QStringLiteral("last_mutation");
inline const QString PullCursor = QStringLiteral("pull_cursor");
inline const QString ServerUrl = QStringLiteral("server_url");
inline const QString User = QStringLiteral("user");
inline const QString AccessToken = QStringLiteral("access_token");
inline const QString RefreshToken = QStringLiteral("refresh_token");
inline const QString LastSyncedAt = QStringLiteral("last_synced_at");
} // namespace metakey

class MetaTable
{
public:
    explicit MetaTable(ledger::Database &db) : m_db(db) {}

    // The value, "" when the key is not set; throws ledger::DatabaseError (inside a write, so that
    // the transaction rolls back rather than guessing).
    [[nodiscard]] QString value(const QString &key) const;
    // The same for readers outside a transaction: logs a failure and answers "".
    [[nodiscard]] QString valueOrEmpty(const QString &key) const;
    // Sets or replaces; throws ledger::DatabaseError.
    void setValue(const QString &key, const QString &value);

private:
    ledger::Database &m_db;
};

} // namespace mobile
