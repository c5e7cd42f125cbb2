// Accounts, tokens and sign-in throttling.
#include "accounts.h"

#include "http.h"
#include "router.h"

#include "ledger/wire.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <sodium.h>
#include <tuple>

namespace syncserver {

namespace {

QString sha256Hex(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString randomToken()
{
    unsigned char buf[32];
    randombytes_buf(buf, sizeof buf);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(buf), sizeof buf)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString rolesText(const QList<ledger::Role> &roles)
{
    QStringList out;
    for (auto r : roles)
        out << ledger::toString(r);
    return out.join(u',');
}

using ledger::sync::Code;

HttpError badField(const QString &field, const QString &message) { return HttpError{400, QStringLiteral("invalid"), message, field}; }

constexpr int MinPassword = 8;
constexpr int MaxPassword = 256;

void checkNewPassword(const QString &password)
{
    if (password.size() < MinPassword || password.size() > MaxPassword)
        throw refusal(Code::Invalid, ledger::FieldError(QStringLiteral("password"), ledger::ErrorCode::PasswordLength,
                                                        {QString::number(MinPassword), QString::number(MaxPassword)}));
}

// Who signs in or changes a password: refused without saying whether the login exists.
HttpError signInRefused()
{
    return refusal(Code::BadCredentials, ledger::FieldError(QStringLiteral("password"), ledger::ErrorCode::SignInRefused));
}

// Counters of addresses and logins nobody tried for longer than the longest lockout are dropped
// once there are this many, so a flood of made-up logins cannot grow the table without bound.
constexpr qsizetype CounterPruneAt = 10000;

User readUser(ledger::Statement &s)
{
    User u;
    u.id = s.columnText(0);
    u.login = s.columnText(1);
    u.name = s.columnText(2);
    u.unit = s.columnText(3);
    u.roles = parseRoles(s.columnText(4), nullptr);
    u.active = s.columnInt64(5) != 0;
    return u;
}

const QString userColumns = QStringLiteral("id, login, name, unit, roles, active");

// People are also entities, so devices learn names and units through the ordinary pull.
void putPerson(Store &store, ledger::Database &db, const User &u)
{
    ledger::Person p;
    p.id = *ledger::PersonId::parse(u.id);
    p.name = u.name;
    p.unit = ledger::UnitCode(u.unit);
    p.roles = u.roles;
    p.active = u.active;
    StoredEntity e;
    e.id = u.id;
    e.kind = QStringLiteral("person");
    e.author = u.id;
    e.json = ledger::wire::encode(p);
    e.seq = store.nextSeq(db);
    store.putEntity(db, e);
}

} // namespace

QJsonObject User::toJson() const
{
    QJsonArray r;
    for (auto role : roles)
        r.append(ledger::toString(role));
    return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("login"), login}, {QStringLiteral("name"), name},
                       {QStringLiteral("unit"), unit}, {QStringLiteral("roles"), r}, {QStringLiteral("active"), active}};
}

QList<ledger::Role> parseRoles(const QString &commaSeparated, QString *error)
{
    QList<ledger::Role> out;
    for (const QString &name : commaSeparated.split(u',', Qt::SkipEmptyParts)) {
        const auto r = ledger::enumFromString<ledger::Role>(name.trimmed());
        if (!r) {
            if (error)
                *error = QStringLiteral("unknown role \"%1\"; expected some of: %2").arg(name, ledger::enumNames<ledger::Role>().join(u", "));
            return {};
        }
        if (!out.contains(*r))
            out << *r;
    }
    return out;
}

QString hashPassword(const QString &password, unsigned long long opsLimit, std::size_t memLimit)
{
    char out[crypto_pwhash_STRBYTES];
    const QByteArray pw = password.toUtf8();
    if (crypto_pwhash_str_alg(out, pw.constData(), std::size_t(pw.size()), opsLimit, memLimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("argon2id hashing ran out of memory");
    return QString::fromLatin1(out);
}

bool verifyPassword(const QString &hash, const QString &password)
{
    const QByteArray h = hash.toLatin1();
    const QByteArray pw = password.toUtf8();
    return crypto_pwhash_str_verify(h.constData(), pw.constData(), std::size_t(pw.size())) == 0;
}

QString clientAddress(const QString &peer, const QByteArray &realIpHeader, const QStringList &trustedProxies)
{
    // Only a trusted proxy's word is taken: anyone else could name any address to dodge the
    // per-address limit or to lock another address out.
    const QByteArray real = realIpHeader.trimmed();
    if (real.isEmpty() || real.size() > 64 || !trustedProxies.contains(peer))
        return peer;
    return QString::fromLatin1(real);
}

Accounts::Accounts(Store &store, AccountSettings settings)
    : m_store(store)
    , m_settings(std::move(settings))
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised");
    // Of the same cost as every account's hash, so checking an unknown login takes as long.
    m_dummyHash = hashPassword(QStringLiteral("no account has this password"), m_settings.opsLimit, m_settings.memLimit);
}

User Accounts::createUser(const QString &login, const QString &name, const QString &unit, const QList<ledger::Role> &roles,
                          const QString &password, const Actor &by, const QString &id)
{
    if (!id.isEmpty() && !ledger::PersonId::parse(id))
        throw badField(QStringLiteral("id"), QStringLiteral("must be a UUID"));
    static const QRegularExpression loginPattern(QStringLiteral("^[a-z0-9][a-z0-9._-]{1,31}$"));
    if (!loginPattern.match(login).hasMatch())
        throw badField(QStringLiteral("login"), QStringLiteral("must be 2 to 32 lower-case letters, digits, dots, dashes or underscores"));
    if (name.trimmed().isEmpty() || name.size() > 100)
        throw badField(QStringLiteral("name"), QStringLiteral("must be 1 to 100 characters"));
    static const QRegularExpression unitPattern(QStringLiteral("^[A-Z0-9]{2,8}$"));
    if (!unitPattern.match(unit).hasMatch())
        throw badField(QStringLiteral("unit"), QStringLiteral("must be a unit code such as PGO"));
    if (roles.isEmpty())
        throw badField(QStringLiteral("roles"), QStringLiteral("at least one role is needed"));
    checkNewPassword(password);
    const QString hash = hashPassword(password, m_settings.opsLimit, m_settings.memLimit);
    return m_store.write([&](ledger::Database &db) {
        ledger::Statement exists = db.prepare(QStringLiteral("SELECT 1 FROM users WHERE login = ?"));
        exists.bind(1, login);
        if (exists.step())
            throw HttpError{409, QStringLiteral("exists"), QStringLiteral("the login \"%1\" is taken").arg(login), QStringLiteral("login")};
        User u{id.isEmpty() ? ledger::PersonId::create().toString() : id, login, name.trimmed(), unit, roles, true};
        ledger::Statement s = db.prepare(QStringLiteral(
            "INSERT INTO users(id, login, name, unit, roles, password_hash, active, created_at) VALUES(?,?,?,?,?,?,1,?)"));
        s.bind(1, u.id).bind(2, login).bind(3, u.name).bind(4, unit).bind(5, rolesText(roles)).bind(6, hash)
            .bind(7, m_store.clock().now().toString(Qt::ISODate));
        s.exec();
        putPerson(m_store, db, u);
        m_store.audit(db, by, QStringLiteral("user.create"), u.id, u.toJson());
        return u;
    });
}

QList<User> Accounts::users()
{
    return m_store.read([](ledger::Database &db) {
        QList<User> out;
        ledger::Statement s = db.prepare(QStringLiteral("SELECT ") + userColumns + QStringLiteral(" FROM users ORDER BY unit, login"));
        while (s.step())
            out << readUser(s);
        return out;
    });
}

std::optional<User> Accounts::user(const QString &idOrLogin)
{
    return m_store.read([&](ledger::Database &db) -> std::optional<User> {
        ledger::Statement s = db.prepare(QStringLiteral("SELECT ") + userColumns + QStringLiteral(" FROM users WHERE id = ? OR login = ?"));
        s.bind(1, idOrLogin).bind(2, idOrLogin);
        if (!s.step())
            return std::nullopt;
        return readUser(s);
    });
}

void Accounts::setActive(const QString &userId, bool active, const Actor &by)
{
    m_store.write([&](ledger::Database &db) {
        ledger::Statement s = db.prepare(QStringLiteral("UPDATE users SET active = ? WHERE id = ?"));
        s.bind(1, active).bind(2, userId);
        s.exec();
        if (db.changes() == 0)
            throw HttpError{404, QStringLiteral("not_found"), QStringLiteral("no such user"), QStringLiteral("id")};
        if (!active) { // a disabled account's tokens die with it
            ledger::Statement t = db.prepare(QStringLiteral("UPDATE tokens SET revoked = 1 WHERE user_id = ?"));
            t.bind(1, userId);
            t.exec();
        }
        ledger::Statement u = db.prepare(QStringLiteral("SELECT ") + userColumns + QStringLiteral(" FROM users WHERE id = ?"));
        u.bind(1, userId);
        u.step();
        putPerson(m_store, db, readUser(u));
        m_store.audit(db, by, active ? QStringLiteral("user.enable") : QStringLiteral("user.disable"), userId, {});
    });
}

void Accounts::setPassword(const QString &userId, const QString &password, const Actor &by)
{
    checkNewPassword(password);
    const QString hash = hashPassword(password, m_settings.opsLimit, m_settings.memLimit);
    m_store.write([&](ledger::Database &db) {
        ledger::Statement s = db.prepare(QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"));
        s.bind(1, hash).bind(2, userId);
        s.exec();
        if (db.changes() == 0)
            throw HttpError{404, QStringLiteral("not_found"), QStringLiteral("no such user"), QStringLiteral("id")};
        ledger::Statement t = db.prepare(QStringLiteral("UPDATE tokens SET revoked = 1 WHERE user_id = ?"));
        t.bind(1, userId);
        t.exec();
        m_store.audit(db, by, QStringLiteral("user.password"), userId, {});
    });
}

void Accounts::changeOwnPassword(const Session &session, const QString &currentPassword, const QString &password, const QString &address)
{
    checkNewPassword(password);
    const Attempt attempt = beginAttempt(session.user.login, address);
    bool ok = false;
    try {
        const QString stored = m_store.read([&](ledger::Database &db) {
            ledger::Statement s = db.prepare(QStringLiteral("SELECT password_hash FROM users WHERE id = ?"));
            s.bind(1, session.user.id);
            return s.step() ? s.columnText(0) : QString();
        });
        ok = checkPassword(stored.isEmpty() ? std::nullopt : std::optional(stored), currentPassword);
    } catch (...) {
        endAttempt(attempt, false);
        throw;
    }
    endAttempt(attempt, ok);
    if (!ok)
        throw refusal(Code::Forbidden, ledger::FieldError(QStringLiteral("currentPassword"), ledger::ErrorCode::CurrentPasswordWrong));
    const QString hash = hashPassword(password, m_settings.opsLimit, m_settings.memLimit);
    m_store.write([&](ledger::Database &db) {
        ledger::Statement s = db.prepare(QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"));
        s.bind(1, hash).bind(2, session.user.id);
        s.exec();
        // Whoever else holds a session of this account (a lost tablet, a stolen token) is out;
        // the device that made the change stays signed in.
        ledger::Statement t = db.prepare(QStringLiteral("UPDATE tokens SET revoked = 1 WHERE user_id = ? AND device_id <> ?"));
        t.bind(1, session.user.id).bind(2, session.deviceId);
        t.exec();
        m_store.audit(db, Actor{session.user.id, session.deviceId}, QStringLiteral("user.password"), session.user.id,
                      QJsonObject{{QStringLiteral("own"), true}});
    });
}

Accounts::Attempt Accounts::beginAttempt(const QString &login, const QString &address)
{
    const Attempt attempt{QStringLiteral("login:") + login, QStringLiteral("addr:") + address};
    const qint64 now = m_store.clock().now().toSecsSinceEpoch();
    QMutexLocker lock(&m_throttleLock);
    if (m_counters.size() >= CounterPruneAt) {
        m_counters.removeIf([&](const auto &it) {
            return it.value().inFlight == 0 && it.value().lastAt + m_settings.maxDelaySeconds < now && it.value().lockedUntil <= now;
        });
    }
    qint64 wait = 0;
    QString field;
    for (const auto &[key, allowance, name] : {std::tuple{attempt.loginKey, m_settings.freeFailures, QStringLiteral("login")},
                                               std::tuple{attempt.addressKey, m_settings.freeFailuresPerAddress, QStringLiteral("address")}}) {
        const Counter c = m_counters.value(key);
        // While locked out nothing is checked; after a lockout one attempt at a time, so each
        // failure past the allowance doubles the next lockout.
        const qint64 w = c.lockedUntil > now ? c.lockedUntil - now
                         : c.inFlight >= std::max(allowance - c.failures, 1) ? 1
                                                                             : 0;
        if (w > wait) {
            wait = w;
            field = name;
        }
    }
    if (wait > 0) {
        HttpError e = refusal(Code::SlowDown, ledger::FieldError(field, ledger::ErrorCode::SignInThrottled, {QString::number(wait)}),
                              QJsonObject{{QStringLiteral("retryAfter"), wait}});
        e.message = QStringLiteral("too many failed sign-ins; try again in %1 seconds").arg(wait);
        throw e;
    }
    ++m_counters[attempt.loginKey].inFlight;
    ++m_counters[attempt.addressKey].inFlight;
    return attempt;
}

void Accounts::endAttempt(const Attempt &attempt, bool succeeded)
{
    const qint64 now = m_store.clock().now().toSecsSinceEpoch();
    QMutexLocker lock(&m_throttleLock);
    for (const auto &[key, allowance] : {std::pair{attempt.loginKey, m_settings.freeFailures},
                                         std::pair{attempt.addressKey, m_settings.freeFailuresPerAddress}}) {
        Counter &c = m_counters[key];
        --c.inFlight;
        c.lastAt = now;
        if (succeeded) {
            // The account's own counter starts again; the address's does not, or one account an
            // attacker holds would reset the limit on guessing everyone else's.
            if (key == attempt.loginKey) {
                c.failures = 0;
                c.lockedUntil = 0;
            }
            continue;
        }
        ++c.failures;
        if (c.failures >= allowance) {
            const int over = std::min(c.failures - allowance, 20);
            c.lockedUntil = now + std::min<qint64>(qint64(1) << over, m_settings.maxDelaySeconds);
        }
    }
}

bool Accounts::checkPassword(const std::optional<QString> &storedHash, const QString &password) const
{
    const QString &hash = storedHash ? *storedHash : m_dummyHash;
    if (m_settings.onPasswordCheck)
        m_settings.onPasswordCheck(hash);
    return verifyPassword(hash, password) && storedHash.has_value();
}

TokenPair Accounts::login(const QString &login, const QString &password, const QString &deviceId, const QString &deviceName,
                          const QString &address)
{
    if (!ledger::RecordId::parse(deviceId))
        throw badField(QStringLiteral("device.id"), QStringLiteral("must be the device's UUID"));
    const Attempt attempt = beginAttempt(login, address);
    std::optional<std::pair<User, QString>> found;
    bool ok = false;
    try {
        found = m_store.read([&](ledger::Database &db) -> std::optional<std::pair<User, QString>> {
            ledger::Statement s = db.prepare(QStringLiteral("SELECT ") + userColumns + QStringLiteral(", password_hash FROM users WHERE login = ?"));
            s.bind(1, login);
            if (!s.step())
                return std::nullopt;
            return std::pair{readUser(s), s.columnText(6)};
        });
        // The same work whether or not the login exists, so timing does not tell which logins exist.
        ok = checkPassword(found ? std::optional(found->second) : std::nullopt, password) && found->first.active;
    } catch (...) {
        endAttempt(attempt, false);
        throw;
    }
    endAttempt(attempt, ok);
    if (!ok)
        throw signInRefused();
    const User &u = found->first;
    return m_store.write([&](ledger::Database &db) {
        ledger::Statement dev = db.prepare(QStringLiteral("SELECT user_id, revoked FROM devices WHERE id = ?"));
        dev.bind(1, deviceId);
        if (dev.step()) {
            if (dev.columnText(0) != u.id)
                throw HttpError{409, QStringLiteral("device_taken"), QStringLiteral("this device is registered to another person"), QStringLiteral("device.id")};
            if (dev.columnInt64(1) != 0)
                throw HttpError{403, QStringLiteral("device_revoked"), QStringLiteral("this device was revoked by an administrator"), QStringLiteral("device.id")};
        } else {
            ledger::Statement add = db.prepare(QStringLiteral("INSERT INTO devices(id, user_id, name, registered_at) VALUES(?,?,?,?)"));
            add.bind(1, deviceId).bind(2, u.id).bind(3, deviceName.left(100)).bind(4, m_store.clock().now().toString(Qt::ISODate));
            add.exec();
            m_store.audit(db, Actor{u.id, deviceId}, QStringLiteral("device.register"), deviceId, QJsonObject{{QStringLiteral("name"), deviceName.left(100)}});
        }
        return issue(db, u.id, deviceId);
    });
}

TokenPair Accounts::issue(ledger::Database &db, const QString &userId, const QString &deviceId)
{
    TokenPair t{randomToken(), randomToken(), m_settings.accessTokenSeconds, m_settings.refreshTokenSeconds};
    const qint64 now = m_store.clock().now().toSecsSinceEpoch();
    ledger::Statement s = db.prepare(QStringLiteral("INSERT INTO tokens(hash, kind, user_id, device_id, expires_at) VALUES(?,?,?,?,?)"));
    s.bind(1, sha256Hex(t.accessToken)).bind(2, QStringLiteral("access")).bind(3, userId).bind(4, deviceId).bind(5, now + t.accessExpiresIn);
    s.exec();
    s.reset();
    s.bind(1, sha256Hex(t.refreshToken)).bind(2, QStringLiteral("refresh")).bind(3, userId).bind(4, deviceId).bind(5, now + t.refreshExpiresIn);
    s.exec();
    return t;
}

TokenPair Accounts::refresh(const QString &refreshToken, const QString &deviceId)
{
    return m_store.write([&](ledger::Database &db) {
        const qint64 now = m_store.clock().now().toSecsSinceEpoch();
        ledger::Statement s = db.prepare(QStringLiteral(
            "SELECT t.user_id, t.device_id FROM tokens t JOIN users u ON u.id = t.user_id JOIN devices d ON d.id = t.device_id "
            "WHERE t.hash = ? AND t.kind = 'refresh' AND t.revoked = 0 AND t.expires_at > ? AND u.active = 1 AND d.revoked = 0"));
        s.bind(1, sha256Hex(refreshToken)).bind(2, now);
        if (!s.step() || s.columnText(1) != deviceId)
            throw HttpError{401, QStringLiteral("session_expired"), QStringLiteral("the session has ended; sign in again"), {}};
        const QString userId = s.columnText(0);
        ledger::Statement kill = db.prepare(QStringLiteral("UPDATE tokens SET revoked = 1 WHERE hash = ?"));
        kill.bind(1, sha256Hex(refreshToken));
        kill.exec();
        return issue(db, userId, deviceId);
    });
}

void Accounts::logout(const Session &session)
{
    m_store.write([&](ledger::Database &db) {
        ledger::Statement s = db.prepare(QStringLiteral("UPDATE tokens SET revoked = 1 WHERE user_id = ? AND device_id = ?"));
        s.bind(1, session.user.id).bind(2, session.deviceId);
        s.exec();
    });
}

std::optional<Session> Accounts::authenticate(const QString &accessToken)
{
    if (accessToken.isEmpty() || accessToken.size() > 100)
        return std::nullopt;
    const QString hash = sha256Hex(accessToken);
    const qint64 now = m_store.clock().now().toSecsSinceEpoch();
    // Every signed-in request passes here: the join is compiled once per reader connection, and
    // asked afresh each time, so a revoked token, device or account is refused at its next request.
    return m_store.read([&](ledger::Database &db) -> std::optional<Session> {
        ledger::CachedStatement s = db.cached(QStringLiteral(
            "SELECT u.id, u.login, u.name, u.unit, u.roles, u.active, t.device_id FROM tokens t JOIN users u ON u.id = t.user_id "
            "JOIN devices d ON d.id = t.device_id WHERE t.hash = ? AND t.kind = 'access' AND t.revoked = 0 AND t.expires_at > ? "
            "AND u.active = 1 AND d.revoked = 0"));
        s->bind(1, hash).bind(2, now);
        if (!s->step())
            return std::nullopt;
        return Session{readUser(*s), s->columnText(6)};
    });
}

void Accounts::revokeDevice(const QString &deviceId, const Actor &by)
{
    m_store.write([&](ledger::Database &db) {
        ledger::Statement s = db.prepare(QStringLiteral("UPDATE devices SET revoked = 1 WHERE id = ?"));
        s.bind(1, deviceId);
        s.exec();
        if (db.changes() == 0)
            throw HttpError{404, QStringLiteral("not_found"), QStringLiteral("no such device"), QStringLiteral("id")};
        ledger::Statement t = db.prepare(QStringLiteral("UPDATE tokens SET revoked = 1 WHERE device_id = ?"));
        t.bind(1, deviceId);
        t.exec();
        m_store.audit(db, by, QStringLiteral("device.revoke"), deviceId, {});
    });
}

QJsonArray Accounts::devices()
{
    return m_store.read([](ledger::Database &db) {
        QJsonArray out;
        ledger::Statement s = db.prepare(QStringLiteral(
            "SELECT d.id, d.name, d.user_id, u.login, d.last_applied, d.registered_at, d.revoked FROM devices d JOIN users u ON u.id = d.user_id ORDER BY u.login"));
        while (s.step())
            out.append(QJsonObject{{QStringLiteral("id"), s.columnText(0)}, {QStringLiteral("name"), s.columnText(1)},
                                   {QStringLiteral("user"), s.columnText(2)}, {QStringLiteral("login"), s.columnText(3)},
                                   {QStringLiteral("lastApplied"), qint64(s.columnInt64(4))}, {QStringLiteral("registeredAt"), s.columnText(5)},
                                   {QStringLiteral("revoked"), s.columnInt64(6) != 0}});
        return out;
    });
}

} // namespace syncserver
