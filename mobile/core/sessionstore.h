// Who is signed in on this device, where, with which tokens, when it last synced, and the
// device's own id: the session part of the local store's meta table.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace mobile {

class MetaTable;

// Who is signed in, where, with which tokens.
struct StoredSession
{
    QUrl serverUrl;
    QJsonObject user; // as /api/v1/auth/login returned it: id, login, name, unit, roles
    QString accessToken;
    QString refreshToken;

    [[nodiscard]] bool hasTokens() const { return !accessToken.isEmpty() || !refreshToken.isEmpty(); }
};

class SessionStore
{
public:
    explicit SessionStore(MetaTable &meta) : m_meta(meta) {}

    // Reads log a failure and answer empty values.
    [[nodiscard]] StoredSession session() const;
    [[nodiscard]] QDateTime lastSyncedAt() const;
    // The UUID the schema made when the store was first created; throws ledger::DatabaseError,
    // and answers "" only for a store that lost it.
    [[nodiscard]] QString deviceId() const;

    // Writes throw ledger::DatabaseError; LocalStore runs them in its write transaction.
    void setSession(const StoredSession &session);
    void setTokens(const QString &accessToken, const QString &refreshToken);
    void setServerUrl(const QUrl &url);
    void setLastSyncedAt(const QDateTime &at);

private:
    MetaTable &m_meta;
};

} // namespace mobile
