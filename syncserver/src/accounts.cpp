// Accounts, tokens and login throttling.
#include "accounts.h"

#include "http.h"
#include "ledger/wire.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <sodium.h>

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

HttpError badField(const QString &field, const QString &message) { return HttpError{400, QStringLiteral("invalid"), message, field}; }

void checkPassword(const QString &password)
{
    if (password.size() < 8)
        throw badField(QStringLiteral("password"), QStringLiteral("must be at least 8 characters"));
    if (password.size() > 256)
        throw badField(QStringLiteral("password"), QStringLiteral("must be at most 256 characters"));
}

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

Accounts::Accounts(Store &store, AccountSettings settings)
    : m_store(store)
    , m_settings(settings)
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised");
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
    checkPassword(password);
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
    checkPassword(password);
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

qint64 Accounts::delayFor(const QString &key) const
{
    QMutexLocker lock(&m_failuresLock);
    const Failures f = m_failures.value(key);
    if (f.count < m_settings.freeFailures)
        return 0;
    const int over = std::min(f.count - m_settings.freeFailures, 20);
    const qint64 wait = std::min<qint64>(qint64(1) << over, m_settings.maxDelaySeconds);
    const qint64 now = m_store.clock().now().toSecsSinceEpoch();
    return std::max<qint64>(0, f.lastAt + wait - now);
}

void Accounts::recordFailure(const QString &key)
{
    QMutexLocker lock(&m_failuresLock);
    Failures &f = m_failures[key];
    ++f.count;
    f.lastAt = m_store.clock().now().toSecsSinceEpoch();
}

TokenPair Accounts::login(const QString &login, const QString &password, const QString &deviceId, const QString &deviceName,
                          const QString &address)
{
    if (!ledger::RecordId::parse(deviceId))
        throw badField(QStringLiteral("device.id"), QStringLiteral("must be the device's UUID"));
    const QString loginKey = QStringLiteral("login:") + login;
    const QString addrKey = QStringLiteral("addr:") + address;
    if (const qint64 wait = std::max(delayFor(loginKey), delayFor(addrKey)); wait > 0)
        throw HttpError{429, QStringLiteral("slow_down"),
                        QStringLiteral("too many failed sign-ins; try again in %1 seconds").arg(wait), {}};
    const auto found = m_store.read([&](ledger::Database &db) -> std::optional<std::pair<User, QString>> {
        ledger::Statement s = db.prepare(QStringLiteral("SELECT ") + userColumns + QStringLiteral(", password_hash FROM users WHERE login = ?"));
        s.bind(1, login);
        if (!s.step())
            return std::nullopt;
        return std::pair{readUser(s), s.columnText(6)};
    });
    // The same work whether or not the login exists, so timing does not tell which logins exist.
    static const QString dummy = hashPassword(QStringLiteral("not a password"), 1, crypto_pwhash_MEMLIMIT_MIN);
    const bool ok = verifyPassword(found ? found->second : dummy, password) && found && found->first.active;
    if (!ok) {
        recordFailure(loginKey);
        recordFailure(addrKey);
        throw HttpError{401, QStringLiteral("bad_credentials"), QStringLiteral("wrong login or password, or the account is disabled"), {}};
    }
    {
        QMutexLocker lock(&m_failuresLock);
        m_failures.remove(loginKey);
    }
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
    return m_store.read([&](ledger::Database &db) -> std::optional<Session> {
        ledger::Statement s = db.prepare(QStringLiteral(
            "SELECT u.id, u.login, u.name, u.unit, u.roles, u.active, t.device_id FROM tokens t JOIN users u ON u.id = t.user_id "
            "JOIN devices d ON d.id = t.device_id WHERE t.hash = ? AND t.kind = 'access' AND t.revoked = 0 AND t.expires_at > ? "
            "AND u.active = 1 AND d.revoked = 0"));
        s.bind(1, sha256Hex(accessToken)).bind(2, m_store.clock().now().toSecsSinceEpoch());
        if (!s.step())
            return std::nullopt;
        return Session{readUser(s), s.columnText(6)};
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
