// Accounts and sessions: people with roles, devices, access and refresh tokens, and the
// throttling of failed sign-ins per account and per address. Passwords are hashed with libsodium's
// argon2id; tokens are random and only their SHA-256 is stored, so a stolen database holds no
// usable secret.
#pragma once

#include "store.h"

#include "ledger/entities.h"

#include <QHash>
#include <QMutex>
#include <functional>

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
    // Whether the person writes their unit's records: its staff and its contact. Leaders, the
    // supervisor and administrators read and manage, they do not enter records.
    [[nodiscard]] bool writesUnitRecords() const { return has(ledger::Role::Staff) || has(ledger::Role::UnitContact); }
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
    // Failed sign-ins allowed before a lockout, per account and per address (an office's tablets may
    // share one address behind its router, so an address gets more). Each failure past them doubles
    // the lockout, up to maxDelaySeconds.
    int freeFailures = 5;
    int freeFailuresPerAddress = 20;
    qint64 maxDelaySeconds = 900;
    // Called with each stored hash a password is checked against (the dummy one for an unknown
    // login): tests count the work a sign-in does. Empty in service.
    std::function<void(const QString &hash)> onPasswordCheck = {};
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
    // An administrator's reset (or the `user` command's): every session of the account ends.
    void setPassword(const QString &userId, const QString &password, const Actor &by);
    // A person changing their own password: the current one is checked (and throttled like a
    // sign-in, so a stolen token cannot guess it); the sessions of the account's other devices end.
    void changeOwnPassword(const Session &session, const QString &currentPassword, const QString &password, const QString &address);

    // Checks the password and registers the device; throws HttpError 401 on failure, 429 (with
    // "retryAfter") while the account or the address is locked out. The attempt is counted before
    // the password is hashed, so a burst of attempts is cut off at the allowance however many
    // arrive at once, and an unknown login costs the same hashing as a known one.
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
    // One sign-in attempt's hold on the counters of its account and its address.
    struct Attempt
    {
        QString loginKey;
        QString addressKey;
    };
    // Counts the attempt in flight, or throws 429 when the account or the address is locked out
    // or its allowance is taken by attempts already in flight.
    [[nodiscard]] Attempt beginAttempt(const QString &login, const QString &address);
    void endAttempt(const Attempt &attempt, bool succeeded);
    // Checks `password` against the account's hash, or against a dummy hash of the same cost when
    // there is no such account, so both take the same work.
    [[nodiscard]] bool checkPassword(const std::optional<QString> &storedHash, const QString &password) const;
    TokenPair issue(ledger::Database &db, const QString &userId, const QString &deviceId);

    Store &m_store;
    AccountSettings m_settings;
    QString m_dummyHash; // of the configured cost, for logins that do not exist
    QMutex m_throttleLock;
    struct Counter
    {
        int failures = 0;
        int inFlight = 0;
        qint64 lockedUntil = 0; // seconds since the epoch
        qint64 lastAt = 0;
    };
    QHash<QString, Counter> m_counters; // "login:x" and "addr:y"
};

[[nodiscard]] QString hashPassword(const QString &password, unsigned long long opsLimit, std::size_t memLimit);
[[nodiscard]] bool verifyPassword(const QString &hash, const QString &password);
// The address a request comes from: the peer's, or the X-Real-IP the front proxy set when the peer
// is one of the trusted proxies (nginx on the same host, deploy/).
[[nodiscard]] QString clientAddress(const QString &peer, const QByteArray &realIpHeader, const QStringList &trustedProxies);
[[nodiscard]] QList<ledger::Role> parseRoles(const QString &commaSeparated, QString *error);

} // namespace syncserver
