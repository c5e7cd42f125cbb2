// Schema, entity storage, the audit chain and the scoring mirror.
#include "store.h"

#include "ledger/wire.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>

#include <mutex>

#include <sodium.h>

namespace syncserver {

namespace {

const std::vector<ledger::Migration> &migrations()
{
    static const std::vector<ledger::Migration> list{
        {1, QStringLiteral(R"(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE users(
    id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE, name TEXT NOT NULL, unit TEXT NOT NULL,
    roles TEXT NOT NULL, password_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL);
CREATE TABLE devices(
    id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), name TEXT NOT NULL,
    last_applied INTEGER NOT NULL DEFAULT 0, registered_at TEXT NOT NULL, last_seen TEXT,
    revoked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE tokens(
    hash TEXT PRIMARY KEY, kind TEXT NOT NULL, user_id TEXT NOT NULL REFERENCES users(id),
    device_id TEXT NOT NULL REFERENCES devices(id), expires_at INTEGER NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE entities(
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, unit TEXT NOT NULL, author TEXT NOT NULL,
    json TEXT NOT NULL, field_seq TEXT NOT NULL, seq INTEGER NOT NULL UNIQUE,
    deleted INTEGER NOT NULL DEFAULT 0);
CREATE INDEX entities_unit_seq ON entities(unit, seq);
CREATE TABLE mutations(
    device_id TEXT NOT NULL, n INTEGER NOT NULL, status TEXT NOT NULL, entity_id TEXT,
    result TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY(device_id, n));
CREATE TABLE conflicts(
    id INTEGER PRIMARY KEY, entity_id TEXT NOT NULL, unit TEXT NOT NULL, field TEXT NOT NULL,
    server_value TEXT NOT NULL, device_value TEXT NOT NULL, device_id TEXT NOT NULL,
    user_id TEXT NOT NULL, at TEXT NOT NULL, resolved_by TEXT, resolved_at TEXT, resolution TEXT);
CREATE TABLE attachments(
    sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, mime TEXT NOT NULL, received INTEGER NOT NULL,
    complete INTEGER NOT NULL DEFAULT 0, uploaded_by TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE pool_shares(
    unit TEXT NOT NULL, person TEXT NOT NULL, share TEXT NOT NULL, set_by TEXT NOT NULL,
    at TEXT NOT NULL, PRIMARY KEY(unit, person));
CREATE TABLE audit(
    id INTEGER PRIMARY KEY, at TEXT NOT NULL, user_id TEXT NOT NULL, device_id TEXT NOT NULL,
    action TEXT NOT NULL, entity_id TEXT NOT NULL, detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
-- The audit log is append-only: the database itself refuses edits and deletions.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)")},
        // Each entry that wrote an entity records the state it left (version, deletion, kind,
        // review state, SHA-256 of the stored JSON), so that `verify` can replay the log
        // against the entities table. Part of the entry's hash when present.
        {2, QStringLiteral("ALTER TABLE audit ADD COLUMN state TEXT NOT NULL DEFAULT '';")},
    };
    return list;
}

QString compact(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }

QJsonObject parseObject(const QString &text) { return QJsonDocument::fromJson(text.toUtf8()).object(); }

QString reviewStateOf(const QJsonObject &json)
{
    return json.value(QStringLiteral("review")).toObject().value(QStringLiteral("state")).toString();
}

// The state an entity write leaves, as its audit entry records it: compact JSON with the keys in
// the order QJsonDocument writes them, written directly (once for every entity written).
QByteArray writtenState(const QString &kind, qint64 seq, bool deleted, const QString &review, const QByteArray &sha256)
{
    QByteArray state;
    state.reserve(160);
    state += deleted ? "{\"deleted\":true,\"kind\":" : "{\"deleted\":false,\"kind\":";
    appendJsonString(state, kind);
    if (!review.isEmpty()) {
        state += ",\"review\":";
        appendJsonString(state, review);
    }
    state += ",\"seq\":" + QByteArray::number(seq) + ",\"sha256\":\"" + sha256 + "\"}";
    return state;
}

} // namespace

void appendJsonString(QByteArray &out, const QString &text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            static const char *const named[] = {nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, "\\b", "\\t", "\\n",
                                                nullptr, "\\f", "\\r"};
            if (byte < std::size(named) && named[byte])
                out += named[byte];
            else
                out += "\\u00" + QByteArray::number(byte, 16).rightJustified(2, '0');
        } else {
            out += c;
        }
    }
    out += '"';
}

QByteArray encodeStored(const QJsonObject &json) { return QJsonDocument(json).toJson(QJsonDocument::Compact); }

QByteArray sha256Hex(QByteArrayView bytes)
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char *>(bytes.data()), quint64(bytes.size()));
    return QByteArray::fromRawData(reinterpret_cast<const char *>(digest), sizeof digest).toHex();
}

QString auditHash(const QString &previousHash, qint64 id, const QString &at, const QString &userId, const QString &deviceId,
                  const QString &action, const QString &entityId, const QByteArray &detail, const QByteArray &entityState)
{
    // SHA-256 through libsodium (one entry is hashed for every change written, and again by
    // `verify`). Length-prefixed fields, so no two different entries can serialise alike.
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    auto add = [&state](const QByteArray &b) {
        const QByteArray length = QByteArray::number(b.size()) + ':';
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char *>(length.constData()), quint64(length.size()));
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char *>(b.constData()), quint64(b.size()));
    };
    add(previousHash.toUtf8());
    add(QByteArray::number(id));
    add(at.toUtf8());
    add(userId.toUtf8());
    add(deviceId.toUtf8());
    add(action.toUtf8());
    add(entityId.toUtf8());
    add(detail);
    if (!entityState.isEmpty()) // entries without a state hash as they always did
        add(entityState);
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    return QString::fromLatin1(QByteArray::fromRawData(reinterpret_cast<const char *>(digest), sizeof digest).toHex());
}

Store::Store(const QString &dataDir, const Clock &clock)
    : m_dataDir(dataDir)
    , m_clock(clock)
    , m_db([&] {
        QDir().mkpath(dataDir);
        return ledger::Database::open(QDir(dataDir).filePath(QStringLiteral("ledger.sqlite")));
    }())
    , m_readers(QDir(dataDir).filePath(QStringLiteral("ledger.sqlite")))
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised");
    m_db.migrate(migrations());
    // The version first: another process committing while the rest is read is then seen as a
    // change at the next look, and read again (catching up is idempotent).
    m_dataVersion = dataVersion();
    catchUpMirror(); // from sequence 0: every entity
    readHeads();
}

qint64 Store::dataVersion()
{
    ledger::CachedStatement v = m_db.cached(QStringLiteral("PRAGMA data_version"));
    v->step();
    return v->columnInt64(0);
}

bool Store::catchUpIfChanged()
{
    // data_version changes when another connection (another process) committed since this one
    // last looked; then the heads kept in memory and the mirror are read again from the file.
    const qint64 version = dataVersion();
    if (version == m_dataVersion)
        return false;
    readHeads();
    catchUpMirror();
    m_dataVersion = version;
    return true;
}

void Store::refresh()
{
    // A writer holding the lock has caught up already (beginWrite), or is about to: waiting for
    // its whole transaction would make every score or export request wait for a push.
    const std::unique_lock lock(m_writeLock, std::try_to_lock);
    if (!lock.owns_lock())
        return;
    catchUpIfChanged();
}

qint64 Store::nextSeq(ledger::Database &) { return m_heads.seq + 1; }

std::optional<StoredEntity> Store::entity(ledger::Database &db, const QString &id)
{
    ledger::CachedStatement s = db.cached(QStringLiteral("SELECT kind, unit, author, json, field_seq, seq, deleted FROM entities WHERE id = ?"));
    s->bind(1, id);
    if (!s->step())
        return std::nullopt;
    StoredEntity e{id, s->columnText(0), s->columnText(1), s->columnText(2), parseObject(s->columnText(3)),
                   {}, s->columnInt64(5), s->columnInt64(6) != 0};
    const QString fieldSeq = s->columnText(4);
    if (fieldSeq.isEmpty()) {
        // Written as new and not changed since: every field is as old as the entity.
        for (auto it = e.json.begin(); it != e.json.end(); ++it)
            e.fieldSeq.insert(it.key(), e.seq);
    } else {
        e.fieldSeq = parseObject(fieldSeq);
    }
    return e;
}

QByteArray Store::putEntity(ledger::Database &db, const StoredEntity &e)
{
    // Written again before the entry of its creation: that entry carries the state the creation left.
    if (const auto same = m_unloggedAt.constFind(e.id); same != m_unloggedAt.constEnd() && !m_unlogged[*same].logged)
        flushCreated(db);
    ledger::CachedStatement s = db.cached(QStringLiteral(
        "INSERT INTO entities(id, kind, unit, author, json, field_seq, seq, deleted) VALUES(?,?,?,?,?,?,?,?) "
        "ON CONFLICT(id) DO UPDATE SET kind=excluded.kind, unit=excluded.unit, author=excluded.author, json=excluded.json, "
        "field_seq=excluded.field_seq, seq=excluded.seq, deleted=excluded.deleted"));
    const QByteArray json = e.encoded.isEmpty() ? encodeStored(e.json) : e.encoded;
    s->bind(1, e.id).bind(2, e.kind).bind(3, e.unit).bind(4, e.author).bindUtf8(5, json).bind(6, e.fieldSeq.isEmpty() ? QString() : compact(e.fieldSeq))
        .bind(7, e.seq).bind(8, e.deleted);
    s->exec();
    m_heads.seq = std::max(m_heads.seq, e.seq);
    m_pending.push_back(e);
    const QByteArray state = writtenState(e.kind, e.seq, e.deleted, reviewStateOf(e.json), e.sha256.isEmpty() ? sha256Hex(json) : e.sha256);
    if (const auto same = m_unloggedAt.constFind(e.id); same != m_unloggedAt.constEnd()) {
        m_unlogged[*same].state = state;
        m_unlogged[*same].logged = false;
    } else {
        m_unloggedAt.insert(e.id, m_unlogged.size());
        m_unlogged.push_back({e.id, e.kind, state});
    }
    return json;
}

void Store::audit(ledger::Database &db, const Actor &actor, const QString &action, const QString &entityId, const QJsonObject &detail)
{
    auditEncoded(db, actor, action, entityId, QJsonDocument(detail).toJson(QJsonDocument::Compact));
}

QByteArray Store::takeState(const QString &entityId)
{
    const auto at = m_unloggedAt.constFind(entityId);
    if (at == m_unloggedAt.constEnd() || m_unlogged[*at].logged)
        return {};
    m_unlogged[*at].logged = true;
    return m_unlogged[*at].state;
}

void Store::auditEncoded(ledger::Database &db, const Actor &actor, const QString &action, const QString &entityId, const QByteArray &detailJson)
{
    flushCreated(db); // creations logged before this entry come before it in the log
    // The entry names the entity this transaction wrote under that id: it carries the state left.
    appendEntry(db, actor, action, entityId, detailJson, takeState(entityId));
}

void Store::auditCreated(ledger::Database &db, const Actor &actor, const QString &entityId, const QString &kind)
{
    if (!m_created.empty() && (actor.userId != m_createdBy.userId || actor.deviceId != m_createdBy.deviceId))
        flushCreated(db);
    m_createdBy = actor;
    m_created.push_back({entityId, kind});
}

void Store::flushCreated(ledger::Database &db)
{
    if (m_created.empty())
        return;
    std::vector<Created> created;
    created.swap(m_created);
    if (created.size() == 1) {
        QByteArray detail = "{\"kind\":";
        appendJsonString(detail, created.front().kind);
        appendEntry(db, m_createdBy, QStringLiteral("create"), created.front().id, detail + '}', takeState(created.front().id));
        return;
    }
    // One entry for them all: the hash covers each one's state, and so the SHA-256 of its JSON.
    QByteArray detail = "{\"created\":[", state = "[";
    detail.reserve(qsizetype(created.size()) * 64 + 16);
    state.reserve(qsizetype(created.size()) * 200 + 2);
    for (std::size_t i = 0; i < created.size(); ++i) {
        const QByteArray one = takeState(created[i].id);
        if (one.isEmpty())
            throw std::logic_error("a creation was logged for an entity this transaction did not write");
        if (i > 0) {
            detail += ',';
            state += ',';
        }
        QByteArray id;
        appendJsonString(id, created[i].id);
        detail += "{\"id\":" + id + ",\"kind\":";
        appendJsonString(detail, created[i].kind);
        detail += '}';
        state += "{\"id\":" + id + ',';
        state += QByteArrayView(one).sliced(1);
    }
    appendEntry(db, m_createdBy, QStringLiteral("create"), QString(), detail + "]}", state + ']');
}

void Store::appendEntry(ledger::Database &db, const Actor &actor, const QString &action, const QString &entityId, const QByteArray &detailJson,
                        const QByteArray &state)
{
    const qint64 id = m_heads.auditId + 1;
    const QString &prev = m_heads.auditHash;
    const QDateTime now = m_clock.now();
    if (now != m_auditTime) {
        m_auditTime = now;
        m_auditTimeText = now.toString(Qt::ISODateWithMs);
    }
    const QString &at = m_auditTimeText;
    m_lastActor = actor;
    QString hash = auditHash(prev, id, at, actor.userId, actor.deviceId, action, entityId, detailJson, state);
    ledger::CachedStatement s = db.cached(QStringLiteral(
        "INSERT INTO audit(id, at, user_id, device_id, action, entity_id, detail, prev_hash, hash, state) VALUES(?,?,?,?,?,?,?,?,?,?)"));
    s->bind(1, id).bind(2, at).bind(3, actor.userId).bind(4, actor.deviceId).bind(5, action).bind(6, entityId)
        .bindUtf8(7, detailJson).bind(8, prev).bind(9, hash).bindUtf8(10, state);
    s->exec();
    m_heads.auditId = id;
    m_heads.auditHash = std::move(hash);
    m_heads.auditMoved = true;
}

void Store::forgetWritten()
{
    m_pending.clear();
    m_unlogged.clear();
    m_unloggedAt.clear();
    m_created.clear();
}

void Store::beginWrite()
{
    forgetWritten();
    m_lastActor = Actor{QStringLiteral("system"), QStringLiteral("store")};
    m_heads.auditMoved = false;
    catchUpIfChanged();
}

void Store::endWrite()
{
    flushCreated(m_db);
    // Every entity written is in the log: one written without an entry naming it (the demo
    // import's, which logs the import as a whole) gets an entry of its own, by the transaction's
    // last actor.
    for (std::size_t i = 0; i < m_unlogged.size(); ++i) {
        if (m_unlogged[i].logged)
            continue;
        const Unlogged u = m_unlogged[i];
        auditEncoded(m_db, m_lastActor, QStringLiteral("write"), u.id,
                     QJsonDocument(QJsonObject{{QStringLiteral("kind"), u.kind}}).toJson(QJsonDocument::Compact));
    }
    // The head of the chain, so that cutting entries off the end is detected too.
    if (m_heads.auditMoved)
        setMeta(m_db, QStringLiteral("audit_head"), QString::number(m_heads.auditId) + u':' + m_heads.auditHash);
}

void Store::readHeads()
{
    Heads heads;
    ledger::Statement seq = m_db.prepare(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM entities"));
    seq.step();
    heads.seq = seq.columnInt64(0);
    ledger::Statement last = m_db.prepare(QStringLiteral("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1"));
    if (last.step()) {
        heads.auditId = last.columnInt64(0);
        heads.auditHash = last.columnText(1);
    }
    m_heads = heads;
}

// Applies every entity changed after the mirror's last sequence number, in order (all of them
// when the store opens).
void Store::catchUpMirror()
{
    QWriteLocker lock(&m_mirrorLock);
    ledger::Statement s = m_db.prepare(QStringLiteral("SELECT id, kind, unit, author, json, seq, deleted FROM entities WHERE seq > ? ORDER BY seq"));
    s.bind(1, m_lastSeq.load());
    while (s.step()) {
        const StoredEntity e{s.columnText(0), s.columnText(1), s.columnText(2), s.columnText(3), parseObject(s.columnText(4)),
                             {}, s.columnInt64(5), s.columnInt64(6) != 0};
        applyToMirror(e);
        m_lastSeq = std::max(m_lastSeq.load(), e.seq);
    }
}

QString Store::meta(ledger::Database &db, const QString &key)
{
    ledger::CachedStatement s = db.cached(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    s->bind(1, key);
    return s->step() ? s->columnText(0) : QString();
}

void Store::setMeta(ledger::Database &db, const QString &key, const QString &value)
{
    ledger::CachedStatement s = db.cached(QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    s->bind(1, key).bind(2, value);
    s->exec();
}

qint64 Store::lastSeq() const { return m_lastSeq.load(); }

std::vector<AuditEntry> Store::auditEntries(qint64 after, int limit)
{
    return read([&](ledger::Database &db) {
        ledger::Statement q = db.prepare(QStringLiteral(
            "SELECT id, at, user_id, device_id, action, entity_id, detail, hash FROM audit WHERE id > ? ORDER BY id LIMIT ?"));
        q.bind(1, after).bind(2, limit);
        std::vector<AuditEntry> entries;
        while (q.step())
            entries.push_back({q.columnInt64(0), q.columnText(1), q.columnText(2), q.columnText(3), q.columnText(4), q.columnText(5),
                               q.columnText(6), q.columnText(7)});
        return entries;
    });
}

QStringList Store::verifyAudit()
{
    return read([](ledger::Database &db) {
        QStringList problems;
        ledger::Statement s = db.prepare(QStringLiteral(
            "SELECT id, at, user_id, device_id, action, entity_id, detail, prev_hash, hash, state FROM audit ORDER BY id"));
        QString prev;
        qint64 expectedId = 1, lastId = 0;
        QString lastHash;
        while (s.step()) {
            const qint64 id = s.columnInt64(0);
            if (id != expectedId)
                problems << QStringLiteral("audit entries %1 to %2 are missing").arg(expectedId).arg(id - 1);
            if (s.columnText(7) != prev)
                problems << QStringLiteral("audit entry %1 does not follow the entry before it (its previous hash differs)").arg(id);
            const QString hash = auditHash(s.columnText(7), id, s.columnText(1), s.columnText(2), s.columnText(3), s.columnText(4),
                                           s.columnText(5), s.columnText(6).toUtf8(), s.columnText(9).toUtf8());
            if (hash != s.columnText(8))
                problems << QStringLiteral("audit entry %1 was changed after it was written (its hash does not match)").arg(id);
            prev = s.columnText(8);
            expectedId = id + 1;
            lastId = id;
            lastHash = prev;
        }
        ledger::Statement head = db.prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'audit_head'"));
        const QString recorded = head.step() ? head.columnText(0) : QString();
        const QString actual = lastId == 0 ? QString() : QString::number(lastId) + u':' + lastHash;
        if (recorded != actual)
            problems << QStringLiteral("the audit log ends at %1, but the ledger recorded its end as %2")
                            .arg(actual.isEmpty() ? QStringLiteral("nothing") : actual, recorded.isEmpty() ? QStringLiteral("nothing") : recorded);
        return problems;
    });
}

QStringList Store::replayAudit()
{
    return read([](ledger::Database &db) {
        QStringList problems;
        // What the log says each entity is now: the state its last writing entry left.
        struct Logged
        {
            qint64 entry = 0;
            QJsonObject state;
        };
        QHash<QString, Logged> logged;
        ledger::Statement log = db.prepare(QStringLiteral("SELECT id, entity_id, state FROM audit WHERE state != '' ORDER BY id"));
        while (log.step()) {
            const QByteArray state = log.columnBlob(2);
            if (!state.startsWith('[')) {
                logged.insert(log.columnText(1), Logged{log.columnInt64(0), QJsonDocument::fromJson(state).object()});
                continue;
            }
            // An entry of many creations: each state names its entity.
            for (const QJsonValue &one : QJsonDocument::fromJson(state).array())
                logged.insert(one.toObject().value(QStringLiteral("id")).toString(), Logged{log.columnInt64(0), one.toObject()});
        }
        const auto live = [](bool deleted) { return deleted ? QStringLiteral("deleted") : QStringLiteral("live"); };
        ledger::Statement s = db.prepare(QStringLiteral("SELECT id, kind, json, seq, deleted FROM entities ORDER BY seq"));
        while (s.step()) {
            const QString id = s.columnText(0);
            const auto found = logged.constFind(id);
            if (found == logged.constEnd()) {
                problems << QStringLiteral("entity %1 (%2) has no audit entry: it was written behind the server's back").arg(id, s.columnText(1));
                continue;
            }
            const qint64 entry = found->entry;
            const QJsonObject &was = found->state;
            const QByteArray json = s.columnBlob(2);
            const bool deleted = s.columnInt64(4) != 0;
            const QString review = reviewStateOf(parseObject(QString::fromUtf8(json)));
            if (deleted != was.value(QStringLiteral("deleted")).toBool())
                problems << QStringLiteral("entity %1 is %2 in the entities table, but audit entry %3 left it %4")
                                .arg(id, live(deleted)).arg(entry).arg(live(!deleted));
            else if (review != was.value(QStringLiteral("review")).toString())
                problems << QStringLiteral("record %1 has review state \"%2\", but audit entry %3 left it \"%4\"")
                                .arg(id, review).arg(entry).arg(was.value(QStringLiteral("review")).toString());
            else if (QString::fromLatin1(sha256Hex(json)) != was.value(QStringLiteral("sha256")).toString())
                problems << QStringLiteral("entity %1's content differs from what audit entry %2 recorded").arg(id).arg(entry);
            else if (s.columnInt64(3) != was.value(QStringLiteral("seq")).toInteger() || s.columnText(1) != was.value(QStringLiteral("kind")).toString())
                problems << QStringLiteral("entity %1's version or kind differs from what audit entry %2 recorded").arg(id).arg(entry);
            logged.erase(found);
        }
        QStringList missing;
        for (auto it = logged.constBegin(); it != logged.constEnd(); ++it)
            missing << QStringLiteral("entity %1 is missing from the entities table, but audit entry %2 recorded it").arg(it.key()).arg(it->entry);
        missing.sort();
        return problems + missing;
    });
}

void Store::backupTo(const QString &path)
{
    // On a reader connection of its own, outside any transaction: the backup is its own snapshot.
    ReaderPool::Lease lease = m_readers.acquire();
    lease.db().backupTo(path);
}

void Store::publishPending()
{
    QWriteLocker lock(&m_mirrorLock);
    for (const auto &e : m_pending) {
        applyToMirror(e);
        m_lastSeq = std::max(m_lastSeq.load(), e.seq);
    }
    m_pending.clear();
}

void Store::applyToMirror(const StoredEntity &e)
{
    // Called with the mirror lock held. The stored JSON was validated when it was written.
    if (e.kind == u"enterprise") {
        if (e.deleted) {
            if (auto id = ledger::EnterpriseId::parse(e.id))
                m_mirror.remove(*id);
        } else if (auto x = ledger::wire::decodeEnterprise(e.json)) {
            m_mirror.upsert(std::move(x).value());
        }
        return;
    }
    if (e.kind == u"person") {
        if (auto x = ledger::wire::decodePerson(e.json))
            m_mirror.upsert(std::move(x).value());
        return;
    }
    if (e.deleted) {
        if (auto id = ledger::RecordId::parse(e.id))
            m_mirror.remove(*id);
        return;
    }
    if (e.decoded)
        m_mirror.upsert(ledger::Record(*e.decoded));
    else if (auto x = ledger::wire::decodeRecord(e.json))
        m_mirror.upsert(std::move(x).value());
    else
        qWarning().noquote() << "stored entity" << e.id << "no longer decodes:" << x.error().toString();
}

} // namespace syncserver
