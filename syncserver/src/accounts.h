// Accounts and sessions: people with roles, devices, access and refresh tokens, and the
// slow-down of repeated failed logins. Passwords are hashed with libsodium's argon2id; tokens
// are random and only their SHA-256 is stored, so a stolen database holds no usable secret.
#pragma once

#include "store.h"

#include "ledger/entities.h"

#include <QHash>
#include <QMutex>

namespace syncserver {

struct User
{
    QString id;     // the person's id
    QString login;
    QString name;
    QString unit;
    QList<ledger::Role> roles;
    bool active = true;

    [[nodiscard]] bool has(ledger::Role role) const { return roles.contains(role); }
    [[nodiscard]] bool readsEveryUnit() const
    {
        return has(ledger::Role::Reviewer) || has(ledger::Role::Supervisor) || has(ledger::Role::Leader) || has(ledger::Role::Admin);
    }
    [[nodiscard]] QJsonObject toJson() const;
};

struct Session
{
    User user;
    QString deviceId;
};

struct TokenPair
{
    QString accessToken;
    QString refreshToken;
    qint64 accessExpiresIn = 0; // seconds
    qint64 refreshExpiresIn = 0;
};

struct AccountSettings
{
    qint64 accessTokenSeconds = 3600;           // an hour
    qint64 refreshTokenSeconds = 60 * 86400;    // long enough for weeks offline on a trip
    // argon2id cost; the defaults are libsodium's "interactive" limits, tests use the minimum.
    unsigned long long opsLimit = 2;
    std::size_t memLimit = 64 * 1024 * 1024;
    int freeFailures = 5;                       // failures before logins are slowed down
    qint64 maxDelaySeconds = 900;
};

class Accounts
{
public:
    Accounts(Store &store, AccountSettings settings);

    // Validates and creates a person with a login; throws HttpError naming the bad field.
    // `id` keeps a person's existing id (an import); empty makes a new one.
    User createUser(const QString &login, const QString &name, const QString &unit, const QList<ledger::Role> &roles,
                    const QString &password, const Actor &by, const QString &id = {});
    [[nodiscard]] QList<User> users();
    [[nodiscard]] std::optional<User> user(const QString &idOrLogin);
    void setActive(const QString &userId, bool active, const Actor &by);
    void setPassword(const QString &userId, const QString &password, const Actor &by);

    // Checks the password (slowing down repeated failures per account and per address) and
    // registers the device; throws HttpError 401/429 on failure.
    TokenPair login(const QString &login, const QString &password, const QString &deviceId, const QString &deviceName,
                    const QString &address);
    // A new pair for a still-valid refresh token of the same device; the old refresh token dies.
    TokenPair refresh(const QString &refreshToken, const QString &deviceId);
    void logout(const Session &session);
    // The session behind an access token, or nullopt (expired, revoked, unknown, user disabled).
    [[nodiscard]] std::optional<Session> authenticate(const QString &accessToken);
    void revokeDevice(const QString &deviceId, const Actor &by);
    [[nodiscard]] QJsonArray devices();

private:
    TokenPair issue(ledger::Database &db, const QString &userId, const QString &deviceId);
    [[nodiscard]] qint64 delayFor(const QString &key) const;
    void recordFailure(const QString &key);

    Store &m_store;
    AccountSettings m_settings;
    mutable QMutex m_failuresLock;
    struct Failures { int count = 0; qint64 lastAt = 0; };
    QHash<QString, Failures> m_failures; // "login:x" and "addr:y"
};

[[nodiscard]] QString hashPassword(const QString &password, unsigned long long opsLimit, std::size_t memLimit);
[[nodiscard]] bool verifyPassword(const QString &hash, const QString &password);
[[nodiscard]] QList<ledger::Role> parseRoles(const QString &commaSeparated, QString *error);

} // namespace syncserver
