// The device's SQLite store: schema, the save/outbox transaction, push answers, pull pages,
// content-addressed attachments and the session.
#include "localstore.h"

#include "ledger/syncprotocol.h"
#include "ledger/wire.h"

#include <QCryptographicHash>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryFile>
#include <QUuid>

#include <sqlite3.h>

#include <algorithm>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

namespace mobile {

using ledger::FieldError;

namespace {

const QString DatabaseName = QStringLiteral("local.sqlite");
const QString AttachmentsFolder = QStringLiteral("attachments");

// Keys of the meta table.
const QString KeyDeviceId = QStringLiteral("device_id");
const QString KeyLastMutation = QStringLiteral("last_mutation");
const QString KeyPullCursor = QStringLiteral("pull_cursor");
const QString KeyServerUrl = QStringLiteral("server_url");
const QString KeyUser = QStringLiteral("user");
const QString KeyAccessToken = QStringLiteral("access_token");
const QString KeyRefreshToken = QStringLiteral("refresh_token");
const QString KeyLastSyncedAt = QStringLiteral("last_synced_at");

const QString OpUpsert = QStringLiteral("upsert");
const QString OpDelete = QStringLiteral("delete");
const QString KindEnterprise = QStringLiteral("enterprise");
const QString KindPerson = QStringLiteral("person");

// Fields the server owns (docs/sync-protocol.md): never part of a device's edit.
bool isServerField(QStringView key)
{
    return ledger::sync::isServerOwned(key);
}

QString toText(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
QString toText(const QStringList &list) { return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact)); }
QJsonObject objectFrom(const QString &text) { return QJsonDocument::fromJson(text.toUtf8()).object(); }

QStringList listFrom(const QString &text)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array())
        out << v.toString();
    return out;
}

QStringList userFields(const QJsonObject &json)
{
    QStringList out;
    for (auto it = json.begin(); it != json.end(); ++it)
        if (!isServerField(it.key()))
            out << it.key();
    return out; // QJsonObject iterates in key order, so this is sorted
}

// The top-level fields whose values differ, absent and present counting as different.
QStringList changedFields(const QJsonObject &before, const QJsonObject &after)
{
    QSet<QString> keys;
    for (auto it = before.begin(); it != before.end(); ++it)
        keys.insert(it.key());
    for (auto it = after.begin(); it != after.end(); ++it)
        keys.insert(it.key());
    QStringList out;
    for (const QString &key : std::as_const(keys))
        if (!isServerField(key) && before.value(key) != after.value(key))
            out << key;
    out.sort();
    return out;
}

QStringList merged(QStringList a, const QStringList &b)
{
    for (const QString &s : b)
        if (!a.contains(s))
            a << s;
    a.sort();
    return a;
}

struct Canonical
{
    QString kind;     // record kind, "enterprise" or "person"
    QJsonObject json; // encode(decode(input))
};

// Decodes with the shared wire format and encodes back: the store only ever holds canonical JSON,
// so comparing two copies field by field compares values, not spellings.
ledger::Result<Canonical> canonicalize(const QJsonObject &json)
{
    if (json.contains(u"kind")) {
        auto r = ledger::wire::decodeRecord(json);
        if (!r)
            return r.error();
        return Canonical{ledger::toString(ledger::kindOf(r.value())), ledger::wire::encode(r.value())};
    }
    if (json.contains(u"roles")) {
        auto p = ledger::wire::decodePerson(json);
        if (!p)
            return p.error();
        return Canonical{KindPerson, ledger::wire::encode(p.value())};
    }
    auto e = ledger::wire::decodeEnterprise(json);
    if (!e)
        return e.error();
    return Canonical{KindEnterprise, ledger::wire::encode(e.value())};
}

// The server's refusal in words for the author: what to do in Chinese, the server's own detail after.
QString rejectionText(const QJsonObject &error)
{
    const QString code = error.value(u"code").toString();
    const QString message = error.value(u"message").toString();
    const QString field = error.value(u"field").toString();
    QString what;
    if (code == u"forbidden")
        what = QStringLiteral("无权提交：");
    else if (code == u"invalid")
        what = field.isEmpty() ? QStringLiteral("内容有误：") : QStringLiteral("内容有误（%1）：").arg(field);
    else if (code == u"attachment_missing")
        what = QStringLiteral("附件尚未上传成功：");
    else if (code == u"deleted")
        what = QStringLiteral("该记录已在服务器上删除：");
    else if (code == u"revoked")
        what = QStringLiteral("该记录已被认定为虚假并撤销，不能再修改：");
    else if (code == u"recognised")
        what = QStringLiteral("已认定的记录不能删除，请联系招商服务局撤销：");
    else if (code == u"conflict")
        what = QStringLiteral("该记录已被他人修改，请同步后重新决定：");
    else
        what = QStringLiteral("服务器拒收：");
    return what + (message.isEmpty() ? code : message);
}

FieldError notOpen(const QString &why) { return FieldError{{}, QStringLiteral("the device's store is not open: ") + why}; }

} // namespace

// ---- OutboxEntry ---------------------------------------------------------------------------------

QJsonObject OutboxEntry::toMutation() const
{
    ledger::sync::Mutation m;
    m.n = n;
    m.baseVersion = baseVersion;
    m.changed = changed;
    if (op == OpDelete) {
        m.op = ledger::sync::Op::Delete;
        m.id = entityId;
    } else {
        m.entity = entity;
        // The server tells an enterprise from a record by its "creditCode" member, which the
        // canonical encoding leaves out while the code is unknown; "" decodes as unknown.
        if (!m.entity.contains(u"kind") && !m.entity.contains(u"roles") && !m.entity.contains(u"creditCode"))
            m.entity.insert(QStringLiteral("creditCode"), QString());
    }
    return ledger::sync::encode(m);
}

// ---- opening and the schema --------------------------------------------------------------------------

std::vector<ledger::Migration> LocalStore::schemaMigrations()
{
    std::vector<ledger::Migration> m;
    m.push_back(ledger::Migration{1, QStringLiteral(R"sql(
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            json TEXT NOT NULL,
            server_version INTEGER NOT NULL DEFAULT 0,
            local_changes INTEGER NOT NULL DEFAULT 0,
            deleted INTEGER NOT NULL DEFAULT 0,
            rejected_reason TEXT
        );
        CREATE INDEX entities_kind ON entities(kind);
        -- n is the device's mutation number: the server applies each number exactly once.
        CREATE TABLE outbox (
            n INTEGER PRIMARY KEY,
            op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
            entity_id TEXT NOT NULL,
            json TEXT,
            base_version INTEGER NOT NULL,
            changed_fields TEXT NOT NULL DEFAULT '[]',
            attempts INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX outbox_entity ON outbox(entity_id);
        -- Mutations the server confirmed, kept a while for a server restored from a backup.
        CREATE TABLE sent (
            n INTEGER PRIMARY KEY,
            op TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            json TEXT,
            base_version INTEGER NOT NULL,
            changed_fields TEXT NOT NULL,
            status TEXT NOT NULL
        );
        CREATE TABLE attachments (
            sha256 TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            mime_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            uploaded INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
    )sql"),
                                    [](ledger::Database &db) {
                                        // The device id is made once, with the schema, so it never changes
                                        // for the life of the installation.
                                        ledger::Statement s = db.prepare(QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?)"));
                                        s.bind(1, KeyDeviceId).bind(2, QUuid::createUuid().toString(QUuid::WithoutBraces));
                                        s.exec();
                                    }});
    // What lists sort and filter by, read from the canonical JSON by SQLite itself (virtual
    // generated columns, indexed), so that lists page through the store instead of holding every
    // record: the event date, the review state, and the trip and project a record refers to.
    m.push_back(ledger::Migration{2, QStringLiteral(R"sql(
        ALTER TABLE entities ADD COLUMN event_date TEXT GENERATED ALWAYS AS (
            CASE kind WHEN 'trip' THEN json_extract(json, '$.start')
                      WHEN 'lead' THEN json_extract(json, '$.filed')
                      WHEN 'project' THEN json_extract(json, '$.talksSince')
                      ELSE json_extract(json, '$.date') END) VIRTUAL;
        ALTER TABLE entities ADD COLUMN review_state TEXT GENERATED ALWAYS AS (json_extract(json, '$.review.state')) VIRTUAL;
        ALTER TABLE entities ADD COLUMN trip_id TEXT GENERATED ALWAYS AS (json_extract(json, '$.trip')) VIRTUAL;
        ALTER TABLE entities ADD COLUMN project_id TEXT GENERATED ALWAYS AS (json_extract(json, '$.project')) VIRTUAL;
        -- 1 when the record needs its author: refused by the server or returned by a reviewer.
        ALTER TABLE entities ADD COLUMN attention INTEGER GENERATED ALWAYS AS (
            rejected_reason IS NOT NULL OR json_extract(json, '$.review.state') IS 'returned') VIRTUAL;
        -- A list in its order is a walk of this index, nothing read from the rows.
        CREATE INDEX entities_list ON entities(kind, deleted, attention DESC, event_date DESC, id);
        CREATE INDEX entities_trip ON entities(trip_id) WHERE trip_id IS NOT NULL;
        CREATE INDEX entities_project ON entities(project_id) WHERE project_id IS NOT NULL;
    )sql")});
    return m;
}

QString LocalStore::databaseFile(const QString &dataDir) { return QDir(dataDir).filePath(DatabaseName); }

LocalStore::LocalStore(const QString &dataDir, QObject *parent)
    : LocalStore(dataDir, schemaMigrations(), parent)
{
}

LocalStore::LocalStore(const QString &dataDir, const std::vector<ledger::Migration> &migrations, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir)
{
    open(migrations);
}

LocalStore::~LocalStore()
{
    if (m_db)
        sqlite3_wal_hook(m_db->handle(), nullptr, nullptr);
}

int LocalStore::walCommitted(void *store, sqlite3 *db, const char *database, int pages)
{
    auto *self = static_cast<LocalStore *>(store);
    if (pages >= WalPagesLimit)
        sqlite3_wal_checkpoint_v2(db, database, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    else if (self->m_checkpointTimer)
        self->m_checkpointTimer->start(); // restarts: the checkpoint waits for a pause
    return SQLITE_OK;
}

void LocalStore::checkpoint()
{
    if (!m_db)
        return;
    // PASSIVE: copies what no reader needs, never waits; a failure only leaves the WAL longer.
    const int rc = sqlite3_wal_checkpoint_v2(m_db->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY)
        qWarning().noquote() << "local store: checkpoint failed:" << sqlite3_errstr(rc);
}

void LocalStore::open(const std::vector<ledger::Migration> &migrations)
{
    if (!QDir().mkpath(QDir(m_dataDir).filePath(AttachmentsFolder))) {
        m_openError = QStringLiteral("cannot create the folder %1").arg(m_dataDir);
        return;
    }
    try {
        ledger::Database db = ledger::Database::open(databaseFile(m_dataDir));
        db.migrate(migrations);
        // After a checkpoint the WAL file is cut back to 4 MB rather than keeping the size of the
        // largest burst it ever held.
        db.exec(QStringLiteral("PRAGMA journal_size_limit = 4194304"));
        m_db.emplace(std::move(db));
        m_checkpointTimer = new QTimer(this);
        m_checkpointTimer->setSingleShot(true);
        m_checkpointTimer->setInterval(CheckpointIdleMs);
        connect(m_checkpointTimer, &QTimer::timeout, this, &LocalStore::checkpoint);
        // Replaces SQLite's automatic checkpoint (see walCommitted).
        sqlite3_wal_hook(m_db->handle(), &LocalStore::walCommitted, this);
        m_deviceId = meta(KeyDeviceId);
        if (m_deviceId.isEmpty())
            throw ledger::DatabaseError(1, QStringLiteral("the store has no device id"));
    } catch (const ledger::DatabaseError &e) {
        m_db.reset();
        m_openError = e.message();
        qWarning().noquote() << "local store:" << m_openError;
    }
}

int LocalStore::schemaVersion() const { return m_db ? m_db->userVersion() : 0; }

// ---- small helpers ------------------------------------------------------------------------------------

template<class F>
std::optional<FieldError> LocalStore::write(F &&f)
{
    if (!m_db)
        return notOpen(m_openError);
    try {
        ledger::Transaction tx(*m_db);
        if (std::optional<FieldError> refused = f())
            return refused; // rolled back: nothing of it is written
        tx.commit();
        return std::nullopt;
    } catch (const ledger::DatabaseError &e) {
        return FieldError{{}, QStringLiteral("the device's store could not be written: ") + e.message()};
    } catch (const std::exception &e) {
        return FieldError{{}, QStringLiteral("the change was not saved: ") + QString::fromUtf8(e.what())};
    }
}

void LocalStore::hit(QStringView point) const
{
    if (m_failpoint)
        m_failpoint(point);
}

QString LocalStore::meta(const QString &key) const
{
    ledger::Statement s = m_db->prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    s.bind(1, key);
    return s.step() ? s.columnText(0) : QString();
}

QString LocalStore::safeMeta(const QString &key) const
{
    if (!m_db)
        return {};
    try {
        return meta(key);
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "local store:" << e.message();
        return {};
    }
}

void LocalStore::setMeta(const QString &key, const QString &value)
{
    ledger::Statement s = m_db->prepare(QStringLiteral(
        "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    s.bind(1, key).bind(2, value);
    s.exec();
}

namespace {
const QString EntityColumns = QStringLiteral("id, kind, json, server_version, local_changes, deleted, rejected_reason");

LocalEntity readRow(const ledger::Statement &s)
{
    LocalEntity e;
    e.id = s.columnText(0);
    e.kind = s.columnText(1);
    e.json = objectFrom(s.columnText(2));
    e.serverVersion = s.columnInt64(3);
    e.localChanges = s.columnInt64(4) != 0;
    e.deleted = s.columnInt64(5) != 0;
    e.rejectedReason = s.columnText(6);
    return e;
}
} // namespace

std::optional<LocalEntity> LocalStore::readEntity(const QString &id) const
{
    // Prepared once: with the generated columns, compiling a statement on entities costs more
    // than running it, and a pull reads and writes each of its 500 entities.
    if (!m_readEntity)
        m_readEntity.emplace(m_db->prepare(QStringLiteral("SELECT ") + EntityColumns + QStringLiteral(" FROM entities WHERE id = ?")));
    ledger::Statement &s = *m_readEntity;
    s.reset();
    s.bind(1, id);
    std::optional<LocalEntity> out;
    if (s.step())
        out = readRow(s);
    s.reset(); // no read left open
    return out;
}

void LocalStore::writeEntity(const LocalEntity &e)
{
    // An upsert rather than INSERT OR REPLACE, so the row keeps its place (lists stay in entry order).
    if (!m_writeEntity)
        m_writeEntity.emplace(m_db->prepare(QStringLiteral(
            "INSERT INTO entities(id, kind, json, server_version, local_changes, deleted, rejected_reason) VALUES(?,?,?,?,?,?,?) "
            "ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, json = excluded.json, server_version = excluded.server_version, "
            "local_changes = excluded.local_changes, deleted = excluded.deleted, rejected_reason = excluded.rejected_reason")));
    ledger::Statement &s = *m_writeEntity;
    s.reset();
    s.bind(1, e.id).bind(2, e.kind).bind(3, toText(e.json)).bind(4, e.serverVersion).bind(5, e.localChanges).bind(6, e.deleted);
    s.bind(7, e.rejectedReason.isEmpty() ? std::optional<QString>() : std::optional<QString>(e.rejectedReason));
    s.exec();
}

void LocalStore::refreshLocalChanges(const QString &entityId)
{
    ledger::Statement s = m_db->prepare(QStringLiteral(
        "UPDATE entities SET local_changes = EXISTS(SELECT 1 FROM outbox WHERE entity_id = entities.id) WHERE id = ?"));
    s.bind(1, entityId);
    s.exec();
}

QStringList LocalStore::pendingChangedFields(const QString &entityId) const
{
    ledger::Statement s = m_db->prepare(QStringLiteral("SELECT changed_fields FROM outbox WHERE entity_id = ? AND op = 'upsert'"));
    s.bind(1, entityId);
    QStringList out;
    while (s.step())
        out = merged(out, listFrom(s.columnText(0)));
    return out;
}

void LocalStore::announce(const QStringList &kinds, int pendingBefore)
{
    Q_EMIT changed();
    if (!kinds.isEmpty())
        Q_EMIT entitiesChanged(kinds);
    const int now = pendingCount();
    if (now != pendingBefore)
        Q_EMIT pendingCountChanged(now);
}

// ---- editing --------------------------------------------------------------------------------------

std::optional<FieldError> LocalStore::save(const QJsonObject &input)
{
    if (!input.contains(u"kind") && input.contains(u"roles"))
        return FieldError{QStringLiteral("roles"), QStringLiteral("people are managed by the bureau's administrators, not entered on a device")};
    QJsonObject json = input;
    // Review fields are the server's; a record made on the device starts as submitted.
    if (json.contains(u"kind") && !json.contains(u"review"))
        json.insert(QStringLiteral("review"), QJsonObject{{QStringLiteral("state"), QStringLiteral("submitted")}});
    auto decoded = canonicalize(json);
    if (!decoded)
        return decoded.error();
    const QString kind = decoded.value().kind;
    json = decoded.value().json;
    const QString id = json.value(u"id").toString();
    const int before = pendingCount();
    bool wrote = false;

    auto refused = write([&]() -> std::optional<FieldError> {
        std::optional<LocalEntity> stored = readEntity(id);
        if (stored && stored->kind != kind)
            return FieldError{QStringLiteral("kind"), QStringLiteral("%1 is a %2 on this device, not a %3").arg(id, stored->kind, kind)};
        if (stored && stored->deleted)
            return FieldError{QStringLiteral("id"), QStringLiteral("%1 was deleted on this device").arg(id)};
        if (stored) {
            for (const QString &key : {QStringLiteral("review"), QStringLiteral("author")}) {
                if (stored->json.contains(key))
                    json.insert(key, stored->json.value(key));
                else
                    json.remove(key);
            }
        }
        const QStringList changed = stored ? changedFields(stored->json, json) : userFields(json);
        if (changed.isEmpty())
            return std::nullopt;

        LocalEntity e = stored.value_or(LocalEntity{});
        e.id = id;
        e.kind = kind;
        e.json = json;
        e.localChanges = true;
        e.rejectedReason.clear(); // edited again: the person is dealing with it
        writeEntity(e);
        hit(u"save:entity-written");

        // The newest entry of this entity absorbs the edit while it has never been sent; once
        // sent, the server may have applied it, so the edit needs a number of its own.
        ledger::Statement last = m_db->prepare(QStringLiteral(
            "SELECT n, op, attempts, changed_fields FROM outbox WHERE entity_id = ? ORDER BY n DESC LIMIT 1"));
        last.bind(1, id);
        if (last.step() && last.columnText(1) == OpUpsert && last.columnInt64(2) == 0) {
            const qint64 n = last.columnInt64(0);
            const QStringList all = merged(listFrom(last.columnText(3)), changed);
            ledger::Statement upd = m_db->prepare(QStringLiteral("UPDATE outbox SET json = ?, changed_fields = ? WHERE n = ?"));
            upd.bind(1, toText(json)).bind(2, toText(all)).bind(3, n);
            upd.exec();
        } else {
            const qint64 n = meta(KeyLastMutation).toLongLong() + 1; // throws rather than guess inside the transaction
            ledger::Statement add = m_db->prepare(QStringLiteral(
                "INSERT INTO outbox(n, op, entity_id, json, base_version, changed_fields, attempts) VALUES(?, 'upsert', ?, ?, ?, ?, 0)"));
            add.bind(1, n).bind(2, id).bind(3, toText(json)).bind(4, e.serverVersion).bind(5, toText(changed));
            add.exec();
            setMeta(KeyLastMutation, QString::number(n));
        }
        wrote = true;
        return std::nullopt;
    });
    if (!refused && wrote) {
        Q_EMIT entityEdited(id, kind);
        announce({kind}, before);
    }
    return refused;
}

std::optional<FieldError> LocalStore::remove(const QString &id)
{
    const int before = pendingCount();
    QString kind;
    auto refused = write([&]() -> std::optional<FieldError> {
        std::optional<LocalEntity> stored = readEntity(id);
        if (!stored || stored->deleted)
            return FieldError{QStringLiteral("id"), QStringLiteral("there is no %1 on this device").arg(id)};
        if (stored->kind == KindPerson)
            return FieldError{QStringLiteral("id"), QStringLiteral("people are managed by the bureau's administrators")};
        kind = stored->kind;
        stored->deleted = true;
        stored->localChanges = true;
        stored->rejectedReason.clear();
        writeEntity(*stored);
        hit(u"remove:entity-written");

        ledger::Statement last = m_db->prepare(QStringLiteral(
            "SELECT n, op, attempts FROM outbox WHERE entity_id = ? ORDER BY n DESC LIMIT 1"));
        last.bind(1, id);
        if (last.step() && last.columnText(1) == OpUpsert && last.columnInt64(2) == 0) {
            // The unsent upsert becomes the delete; its number stays so the numbers have no gap.
            // (For a record the server never saw, deleting an unknown id is a harmless no-op.)
            ledger::Statement upd = m_db->prepare(QStringLiteral(
                "UPDATE outbox SET op = 'delete', json = NULL, changed_fields = '[]' WHERE n = ?"));
            upd.bind(1, last.columnInt64(0));
            upd.exec();
        } else {
            const qint64 n = meta(KeyLastMutation).toLongLong() + 1; // throws rather than guess inside the transaction
            ledger::Statement add = m_db->prepare(QStringLiteral(
                "INSERT INTO outbox(n, op, entity_id, json, base_version, changed_fields, attempts) VALUES(?, 'delete', ?, NULL, ?, '[]', 0)"));
            add.bind(1, n).bind(2, id).bind(3, stored->serverVersion);
            add.exec();
            setMeta(KeyLastMutation, QString::number(n));
        }
        return std::nullopt;
    });
    if (!refused) {
        Q_EMIT entityEdited(id, kind);
        announce({kind}, before);
    }
    return refused;
}

std::optional<FieldError> LocalStore::clearRejection(const QString &id)
{
    QString kind;
    auto refused = write([&]() -> std::optional<FieldError> {
        std::optional<LocalEntity> stored = readEntity(id);
        if (!stored)
            return FieldError{QStringLiteral("id"), QStringLiteral("there is no %1 on this device").arg(id)};
        kind = stored->kind;
        stored->rejectedReason.clear();
        writeEntity(*stored);
        return std::nullopt;
    });
    if (!refused)
        announce({kind}, pendingCount());
    return refused;
}

// ---- reading ----------------------------------------------------------------------------------------

QList<LocalEntity> LocalStore::query(const QString &where, const QString &bound) const
{
    QList<LocalEntity> out;
    if (!m_db)
        return out;
    try {
        ledger::Statement s = m_db->prepare(QStringLiteral("SELECT ") + EntityColumns + QStringLiteral(" FROM entities WHERE deleted = 0 AND ")
                                            + where + QStringLiteral(" ORDER BY rowid"));
        if (s.parameterCount() > 0)
            s.bind(1, bound);
        while (s.step())
            out << readRow(s);
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "local store:" << e.message();
    }
    return out;
}

std::optional<LocalEntity> LocalStore::entity(const QString &id) const
{
    if (!m_db)
        return std::nullopt;
    try {
        std::optional<LocalEntity> e = readEntity(id);
        if (e && e->deleted)
            return std::nullopt;
        return e;
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "local store:" << e.message();
        return std::nullopt;
    }
}

QList<LocalEntity> LocalStore::entities(const QString &kind) const { return query(QStringLiteral("kind = ?"), kind); }

QList<LocalEntity> LocalStore::records() const
{
    return query(QStringLiteral("kind NOT IN ('enterprise', 'person')"), {});
}

QList<LocalEntity> LocalStore::rejected() const
{
    return query(QStringLiteral("rejected_reason IS NOT NULL"), {});
}

namespace {
// The text a list row shows, for search: see ListFilter.
const QString SearchText = QStringLiteral(
    "lower(coalesce(json_extract(json, '$.enterpriseName'), '') || char(31) || coalesce(json_extract(json, '$.name'), '') || char(31) || "
    "coalesce(json_extract(json, '$.purpose'), '') || char(31) || coalesce(json_extract(json, '$.intention'), '') || char(31) || "
    "coalesce(json_extract(json, '$.destination'), '') || char(31) || coalesce(json_extract(json, '$.payer'), '') || char(31) || "
    "coalesce(json_extract(json, '$.title'), '') || char(31) || coalesce(json_extract(json, '$.reason'), '') || char(31) || "
    "coalesce(json_extract(json, '$.notes'), '') || char(31) || coalesce(json_extract(json, '$.creditCode'), '') || char(31) || "
    "coalesce(event_date, '') || char(31) || "
    "coalesce((SELECT json_extract(o.json, '$.name') FROM entities o WHERE o.id = json_extract(entities.json, '$.enterprise')), ''))");
} // namespace

QList<qint64> LocalStore::listKeys(const ListFilter &filter) const
{
    QList<qint64> out;
    if (!m_db)
        return out;
    QString sql = QStringLiteral("SELECT rowid FROM entities WHERE deleted = 0");
    QStringList binds;
    if (filter.onlyRejected)
        sql += QStringLiteral(" AND rejected_reason IS NOT NULL");
    if (!filter.kind.isEmpty()) {
        sql += QStringLiteral(" AND kind = ?");
        binds << filter.kind;
    }
    if (!filter.project.isEmpty()) {
        sql += QStringLiteral(" AND project_id = ?");
        binds << filter.project;
    }
    if (!filter.search.trimmed().isEmpty()) {
        sql += QStringLiteral(" AND instr(") + SearchText + QStringLiteral(", lower(?)) > 0");
        binds << filter.search.trimmed();
    }
    sql += QStringLiteral(" ORDER BY attention DESC, event_date DESC, id");
    try {
        ledger::Statement s = m_db->prepare(sql);
        for (qsizetype i = 0; i < binds.size(); ++i)
            s.bind(int(i) + 1, binds[i]);
        while (s.step())
            out << s.columnInt64(0);
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "local store:" << e.message();
    }
    return out;
}

QList<LocalEntity> LocalStore::entitiesByKeys(const QList<qint64> &keys) const
{
    QList<LocalEntity> out(keys.size());
    if (!m_db || keys.isEmpty())
        return out;
    try {
        ledger::Statement s = m_db->prepare(QStringLiteral("SELECT ") + EntityColumns + QStringLiteral(" FROM entities WHERE rowid = ? AND deleted = 0"));
        for (qsizetype i = 0; i < keys.size(); ++i) {
            s.reset();
            s.bind(1, keys[i]);
            if (s.step())
                out[i] = readRow(s);
        }
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "local store:" << e.message();
    }
    return out;
}

QList<LocalEntity> LocalStore::visitsOfTrip(const QString &tripId) const
{
    if (tripId.isEmpty())
        return {};
    return query(QStringLiteral("kind = 'visit' AND trip_id = ?"), tripId);
}

QList<LocalEntity> LocalStore::recordsBetween(const QString &kind, QDate from, QDate to) const
{
    QList<LocalEntity> out;
    if (!m_db || !from.isValid() || !to.isValid())
        return out;
    try {
        ledger::Statement s = m_db->prepare(QStringLiteral("SELECT ") + EntityColumns + QStringLiteral(
            " FROM entities WHERE deleted = 0 AND kind = ? AND event_date >= ? AND event_date <= ? ORDER BY event_date, id"));
        s.bind(1, kind).bind(2, from.toString(Qt::ISODate)).bind(3, to.toString(Qt::ISODate));
        while (s.step())
            out << readRow(s);
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "local store:" << e.message();
    }
    return out;
}

LocalStore::MapFacts LocalStore::mapFacts() const
{
    MapFacts facts;
    if (!m_db)
        return facts;
    try {
        ledger::Statement refs = m_db->prepare(QStringLiteral(
            "SELECT DISTINCT json_extract(json, '$.enterprise'), kind FROM entities "
            "WHERE deleted = 0 AND kind IN ('visit', 'referral', 'project') AND review_state IS NOT 'revoked' "
            "AND json_extract(json, '$.enterprise') IS NOT NULL"));
        while (refs.step())
            facts.kindsByEnterprise[refs.columnText(0)] << refs.columnText(1);
        ledger::Statement projects = m_db->prepare(QStringLiteral(
            "SELECT id, json_extract(json, '$.enterprise') FROM entities WHERE deleted = 0 AND kind = 'project' AND review_state IS NOT 'revoked'"));
        while (projects.step())
            facts.enterpriseOfProject.insert(projects.columnText(0), projects.columnText(1));
        ledger::Statement stages = m_db->prepare(QStringLiteral(
            "SELECT DISTINCT project_id, json_extract(json, '$.stage') FROM entities "
            "WHERE deleted = 0 AND kind = 'milestone' AND review_state = 'recognised' AND project_id IS NOT NULL"));
        while (stages.step())
            facts.recognisedStagesOfProject[stages.columnText(0)] << stages.columnText(1);
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "local store:" << e.message();
    }
    return facts;
}

QJsonArray LocalStore::checkInsOf(const QString &personId) const
{
    QJsonArray out;
    if (!m_db || personId.isEmpty())
        return out;
    try {
        ledger::Statement s = m_db->prepare(QStringLiteral(
            "SELECT json_extract(json, '$.checkIn') FROM entities WHERE deleted = 0 AND kind = 'visit' "
            "AND json_extract(json, '$.checkIn') IS NOT NULL AND (json_extract(json, '$.author') = ?1 "
            "OR EXISTS (SELECT 1 FROM json_each(entities.json, '$.credit.people') WHERE value = ?1)) ORDER BY event_date, rowid"));
        s.bind(1, personId);
        while (s.step())
            out.append(objectFrom(s.columnText(0)));
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "local store:" << e.message();
    }
    return out;
}

ledger::Ledger LocalStore::ledger() const
{
    ledger::Ledger out;
    const QList<LocalEntity> all = query(QStringLiteral("1"), {});
    out.reserve(all.size());
    for (const LocalEntity &e : all) {
        if (e.kind == KindEnterprise) {
            if (auto d = ledger::wire::decodeEnterprise(e.json))
                out.upsert(std::move(d).value());
            else
                qWarning().noquote() << "local store: enterprise" << e.id << "does not decode:" << d.error().toString();
        } else if (e.kind == KindPerson) {
            if (auto d = ledger::wire::decodePerson(e.json))
                out.upsert(std::move(d).value());
            else
                qWarning().noquote() << "local store: person" << e.id << "does not decode:" << d.error().toString();
        } else {
            if (auto d = ledger::wire::decodeRecord(e.json))
                out.upsert(std::move(d).value());
            else
                qWarning().noquote() << "local store: record" << e.id << "does not decode:" << d.error().toString();
        }
    }
    return out;
}

// ---- outbox ------------------------------------------------------------------------------------------

int LocalStore::pendingCount() const
{
    if (!m_db)
        return 0;
    try {
        ledger::Statement s = m_db->prepare(QStringLiteral("SELECT count(*) FROM outbox"));
        s.step();
        return int(s.columnInt64(0));
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "local store:" << e.message();
        return 0;
    }
}

qint64 LocalStore::lastMutationNumber() const { return safeMeta(KeyLastMutation).toLongLong(); }

QList<OutboxEntry> LocalStore::outboxBatch(int max) const
{
    QList<OutboxEntry> out;
    if (!m_db || max <= 0)
        return out;
    try {
        ledger::Statement s = m_db->prepare(QStringLiteral(
            "SELECT n, op, entity_id, json, base_version, changed_fields, attempts FROM outbox ORDER BY n LIMIT ?"));
        s.bind(1, max);
        while (s.step()) {
            OutboxEntry e;
            e.n = s.columnInt64(0);
            e.op = s.columnText(1);
            e.entityId = s.columnText(2);
            e.entity = objectFrom(s.columnText(3));
            e.baseVersion = s.columnInt64(4);
            e.changed = listFrom(s.columnText(5));
            e.attempts = int(s.columnInt64(6));
            out << e;
        }
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "local store:" << e.message();
    }
    return out;
}

std::optional<FieldError> LocalStore::markAttempted(const QList<qint64> &numbers)
{
    return write([&]() -> std::optional<FieldError> {
        ledger::Statement s = m_db->prepare(QStringLiteral("UPDATE outbox SET attempts = attempts + 1 WHERE n = ?"));
        for (qint64 n : numbers) {
            s.bind(1, n);
            s.exec();
        }
        return std::nullopt;
    });
}

std::optional<FieldError> LocalStore::markPushed(const QJsonObject &pushResponse)
{
    const auto decoded = ledger::sync::decodePushResult(pushResponse);
    if (!decoded)
        return decoded.error();
    const int before = pendingCount();
    QSet<QString> kinds;
    auto refused = write([&]() -> std::optional<FieldError> {
        QSet<QString> touched;
        for (const ledger::sync::MutationResult &r : decoded.value().results) {
            const qint64 n = r.n;
            ledger::Statement find = m_db->prepare(QStringLiteral(
                "SELECT op, entity_id, changed_fields FROM outbox WHERE n = ?"));
            find.bind(1, n);
            if (!find.step())
                continue; // answered before (a retried push); nothing left to do
            const QString op = find.columnText(0);
            const QString entityId = find.columnText(1);
            const QStringList entryChanged = listFrom(find.columnText(2));
            // A retry's "skipped": the first answer is the real one.
            const ledger::sync::Status status = r.outcome();

            std::optional<LocalEntity> e = readEntity(entityId);
            if (status == ledger::sync::Status::Applied && e) {
                const qint64 version = r.version.value_or(0);
                if (op == OpUpsert) {
                    e->serverVersion = std::max(e->serverVersion, version);
                    writeEntity(*e);
                }
                // Later edits of the same fields were made on top of this one: base them on the
                // version that holds it, or the server would call them conflicts with themselves.
                // A later delete likewise follows this edit.
                ledger::Statement later = m_db->prepare(QStringLiteral(
                    "SELECT n, op, base_version, changed_fields FROM outbox WHERE entity_id = ? AND n > ?"));
                later.bind(1, entityId).bind(2, n);
                while (later.step()) {
                    const bool overlaps = later.columnText(1) == OpDelete
                                          || std::any_of(entryChanged.begin(), entryChanged.end(), [&](const QString &f) {
                                                 return listFrom(later.columnText(3)).contains(f);
                                             });
                    if (overlaps && later.columnInt64(2) < version) {
                        ledger::Statement rebase = m_db->prepare(QStringLiteral("UPDATE outbox SET base_version = ? WHERE n = ?"));
                        rebase.bind(1, version).bind(2, later.columnInt64(0));
                        rebase.exec();
                    }
                }
            } else if (status == ledger::sync::Status::Rejected && e) {
                e->rejectedReason = rejectionText(ledger::sync::encode(*r.error));
                if (op == OpDelete)
                    e->deleted = false; // the server keeps it, so it comes back
                writeEntity(*e);
            }
            if (e)
                kinds.insert(e->kind);

            ledger::Statement keep = m_db->prepare(QStringLiteral(
                "INSERT OR REPLACE INTO sent(n, op, entity_id, json, base_version, changed_fields, status) "
                "SELECT n, op, entity_id, json, base_version, changed_fields, ? FROM outbox WHERE n = ?"));
            keep.bind(1, ledger::sync::toString(status)).bind(2, n);
            keep.exec();
            ledger::Statement drop = m_db->prepare(QStringLiteral("DELETE FROM outbox WHERE n = ?"));
            drop.bind(1, n);
            drop.exec();
            touched.insert(entityId);
        }
        for (const QString &id : std::as_const(touched)) {
            refreshLocalChanges(id);
            // A confirmed delete with nothing else pending: the entity is gone for good.
            ledger::Statement gone = m_db->prepare(QStringLiteral(
                "DELETE FROM entities WHERE id = ? AND deleted = 1 AND local_changes = 0"));
            gone.bind(1, id);
            gone.exec();
        }
        ledger::Statement prune = m_db->prepare(QStringLiteral("DELETE FROM sent WHERE n <= (SELECT max(n) FROM sent) - ?"));
        prune.bind(1, SentMutationsKept);
        prune.exec();
        return std::nullopt;
    });
    if (!refused)
        announce(QStringList(kinds.begin(), kinds.end()), before);
    return refused;
}

std::optional<FieldError> LocalStore::requeueFrom(qint64 expected)
{
    const int before = pendingCount();
    QSet<QString> kinds;
    auto refused = write([&]() -> std::optional<FieldError> {
        ledger::Statement firstQ = m_db->prepare(QStringLiteral("SELECT min(n) FROM outbox"));
        firstQ.step();
        const qint64 first = firstQ.columnIsNull(0) ? meta(KeyLastMutation).toLongLong() + 1 : firstQ.columnInt64(0);
        if (expected < 1 || expected >= first)
            return FieldError{QStringLiteral("expected"), QStringLiteral("the server expects mutation %1 next, but this device's "
                                                                         "oldest unconfirmed one is %2").arg(expected).arg(first)};
        ledger::Statement count = m_db->prepare(QStringLiteral("SELECT count(*) FROM sent WHERE n >= ? AND n < ?"));
        count.bind(1, expected).bind(2, first);
        count.step();
        if (count.columnInt64(0) == first - expected) {
            // The server lost what it had confirmed (restored from a backup): send it again, with
            // the same numbers, ahead of everything newer.
            ledger::Statement back = m_db->prepare(QStringLiteral(
                "INSERT INTO outbox(n, op, entity_id, json, base_version, changed_fields, attempts) "
                "SELECT n, op, entity_id, json, base_version, changed_fields, 1 FROM sent WHERE n >= ? AND n < ?"));
            back.bind(1, expected).bind(2, first);
            back.exec();
            ledger::Statement ids = m_db->prepare(QStringLiteral(
                "SELECT DISTINCT s.entity_id, e.kind FROM sent s JOIN entities e ON e.id = s.entity_id WHERE s.n >= ? AND s.n < ?"));
            ids.bind(1, expected).bind(2, first);
            QStringList touched;
            while (ids.step()) {
                touched << ids.columnText(0);
                kinds.insert(ids.columnText(1));
            }
            ledger::Statement drop = m_db->prepare(QStringLiteral("DELETE FROM sent WHERE n >= ? AND n < ?"));
            drop.bind(1, expected).bind(2, first);
            drop.exec();
            for (const QString &id : std::as_const(touched))
                refreshLocalChanges(id);
        } else {
            // Too old to resend: the server has never seen numbers from `expected` on, so the
            // outbox may take them without anything being applied twice.
            const qint64 delta = first - expected;
            ledger::Statement neg = m_db->prepare(QStringLiteral("UPDATE outbox SET n = -(n - ?)"));
            neg.bind(1, delta);
            neg.exec();
            m_db->exec(QStringLiteral("UPDATE outbox SET n = -n"));
            setMeta(KeyLastMutation, QString::number(meta(KeyLastMutation).toLongLong() - delta));
            qWarning().noquote() << "local store: the server expects mutation" << expected << "; renumbered the outbox from there";
        }
        // A server that lost confirmed mutations lost changes this device pulled too; its sequence
        // numbers start again below this device's cursor. Pulling everything again is harmless.
        setMeta(KeyPullCursor, QStringLiteral("0"));
        return std::nullopt;
    });
    if (!refused)
        announce(QStringList(kinds.begin(), kinds.end()), before);
    return refused;
}

// ---- pull ---------------------------------------------------------------------------------------------

qint64 LocalStore::pullCursor() const { return safeMeta(KeyPullCursor).toLongLong(); }

std::optional<FieldError> LocalStore::applyPull(const QJsonObject &pullResponse)
{
    const auto page = ledger::sync::decodePullPage(pullResponse);
    if (!page)
        return page.error();
    const int before = pendingCount();
    QSet<QString> kinds;
    auto refused = write([&]() -> std::optional<FieldError> {
        for (const ledger::sync::Change &c : page.value().changes) {
            const qint64 seq = c.seq;
            if (c.deleted) {
                const QString &id = c.id;
                std::optional<LocalEntity> e = readEntity(id);
                if (!e)
                    continue;
                kinds.insert(e->kind);
                // With edits still pending the local copy stays: pushing them is refused with
                // "deleted", and that reason reaches the person instead of the edit vanishing.
                if (!e->localChanges) {
                    ledger::Statement del = m_db->prepare(QStringLiteral("DELETE FROM entities WHERE id = ?"));
                    del.bind(1, id);
                    del.exec();
                }
                continue;
            }
            const QJsonObject &incoming = c.entity;
            LocalEntity e;
            if (auto canonical = canonicalize(incoming)) {
                e.kind = canonical.value().kind;
                e.json = canonical.value().json;
            } else {
                // A newer writer's entity this build cannot read: keep it as it came, it is the
                // server's; ledger() leaves it out.
                e.kind = incoming.value(u"kind").toString(incoming.contains(u"roles") ? KindPerson : KindEnterprise);
                e.json = incoming;
                qWarning().noquote() << "local store: pulled entity does not decode:" << canonical.error().toString();
            }
            e.id = e.json.value(u"id").toString(); // the decoder saw that it is there
            e.serverVersion = seq;
            if (std::optional<LocalEntity> local = readEntity(e.id)) {
                e.rejectedReason = local->rejectedReason;
                if (local->localChanges) {
                    // The server merges field by field when the edit arrives; until then the
                    // person sees their own values of what they edited, the server's for the rest.
                    for (const QString &field : pendingChangedFields(e.id)) {
                        if (local->json.contains(field))
                            e.json.insert(field, local->json.value(field));
                        else
                            e.json.remove(field);
                    }
                    e.localChanges = true;
                    e.deleted = local->deleted;
                }
            }
            writeEntity(e);
            kinds.insert(e.kind);
        }
        setMeta(KeyPullCursor, QString::number(page.value().cursor));
        hit(u"pull:applied");
        return std::nullopt;
    });
    if (!refused) {
        announce(QStringList(kinds.begin(), kinds.end()), before);
    }
    return refused;
}

// ---- attachments ----------------------------------------------------------------------------------------

namespace {

// fsync, so that a record that refers to the file never survives a power cut the file did not.
bool syncToDisk(QFile &file)
{
    if (!file.flush())
        return false;
#if defined(Q_OS_UNIX)
    return ::fsync(file.handle()) == 0;
#else
    return true;
#endif
}

} // namespace

QString LocalStore::attachmentPath(const QString &sha256) const
{
    if (!ledger::AttachmentHash::parse(sha256))
        return {};
    const QString path = QDir(m_dataDir).filePath(AttachmentsFolder + u'/' + sha256);
    return QFileInfo::exists(path) ? path : QString();
}

ledger::Result<ledger::Attachment> LocalStore::storeAttachment(const QString &filePath, const QString &name, const QString &mimeType)
{
    QFile in(filePath);
    if (!in.open(QIODevice::ReadOnly))
        return FieldError{QStringLiteral("file"), QStringLiteral("cannot read %1: %2").arg(filePath, in.errorString())};
    if (!m_db)
        return notOpen(m_openError);
    const QString folder = QDir(m_dataDir).filePath(AttachmentsFolder);
    QTemporaryFile out(folder + QStringLiteral("/incoming-XXXXXX"));
    if (!out.open())
        return FieldError{QStringLiteral("file"), QStringLiteral("cannot write into %1: %2").arg(folder, out.errorString())};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 size = 0;
    while (!in.atEnd()) {
        const QByteArray block = in.read(1 << 20);
        if (block.isEmpty() && in.error() != QFileDevice::NoError)
            return FieldError{QStringLiteral("file"), QStringLiteral("cannot read %1: %2").arg(filePath, in.errorString())};
        hash.addData(block);
        if (out.write(block) != block.size())
            return FieldError{QStringLiteral("file"), QStringLiteral("cannot copy %1: %2").arg(filePath, out.errorString())};
        size += block.size();
    }
    if (!syncToDisk(out))
        return FieldError{QStringLiteral("file"), QStringLiteral("cannot copy %1: %2").arg(filePath, out.errorString())};
    const QString sha = QString::fromLatin1(hash.result().toHex());
    const QString target = QDir(folder).filePath(sha);
    if (!QFileInfo::exists(target)) {
        if (!out.rename(target))
            return FieldError{QStringLiteral("file"), QStringLiteral("cannot store %1: %2").arg(filePath, out.errorString())};
        out.setAutoRemove(false);
    }
    ledger::Attachment a;
    a.sha256 = *ledger::AttachmentHash::parse(sha);
    a.name = name.isEmpty() ? QFileInfo(filePath).fileName() : name;
    a.mimeType = mimeType;
    a.size = size;
    auto refused = write([&]() -> std::optional<FieldError> {
        ledger::Statement s = m_db->prepare(QStringLiteral(
            "INSERT INTO attachments(sha256, name, mime_type, size, uploaded) VALUES(?,?,?,?,0) ON CONFLICT(sha256) DO NOTHING"));
        s.bind(1, sha).bind(2, a.name).bind(3, a.mimeType).bind(4, a.size);
        s.exec();
        return std::nullopt;
    });
    if (refused)
        return *refused;
    return a;
}

ledger::Result<ledger::Attachment> LocalStore::storeAttachment(const QByteArray &content, const QString &name, const QString &mimeType)
{
    if (!m_db)
        return notOpen(m_openError);
    QTemporaryFile staged(QDir(m_dataDir).filePath(AttachmentsFolder + QStringLiteral("/staged-XXXXXX")));
    if (!staged.open() || staged.write(content) != content.size() || !staged.flush())
        return FieldError{QStringLiteral("content"), QStringLiteral("cannot write the attachment: %1").arg(staged.errorString())};
    staged.close();
    return storeAttachment(staged.fileName(), name, mimeType);
}

QList<PendingAttachment> LocalStore::attachmentsToUpload() const
{
    QList<PendingAttachment> out;
    if (!m_db)
        return out;
    try {
        QSet<QString> seen;
        ledger::Statement uploaded = m_db->prepare(QStringLiteral("SELECT uploaded FROM attachments WHERE sha256 = ?"));
        ledger::Statement s = m_db->prepare(QStringLiteral("SELECT json FROM outbox WHERE op = 'upsert' ORDER BY n"));
        while (s.step()) {
            const QJsonObject entity = objectFrom(s.columnText(0));
            // As the server checks it: any top-level list of objects with a sha256 is a list of attachments.
            for (auto it = entity.begin(); it != entity.end(); ++it) {
                if (!it->isArray())
                    continue;
                for (const QJsonValue &item : it->toArray()) {
                    const QJsonObject a = item.toObject();
                    const QString sha = a.value(u"sha256").toString();
                    if (sha.isEmpty() || seen.contains(sha))
                        continue;
                    seen.insert(sha);
                    uploaded.reset();
                    uploaded.bind(1, sha);
                    if (uploaded.step() && uploaded.columnInt64(0) != 0)
                        continue;
                    out << PendingAttachment{sha, a.value(u"name").toString(), a.value(u"mimeType").toString(),
                                             a.value(u"size").toInteger(), attachmentPath(sha)};
                }
            }
        }
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "local store:" << e.message();
    }
    return out;
}

std::optional<FieldError> LocalStore::markAttachmentUploaded(const QString &sha256)
{
    return write([&]() -> std::optional<FieldError> {
        // Also for a file this device never had (another device uploaded it): remember the answer.
        ledger::Statement s = m_db->prepare(QStringLiteral(
            "INSERT INTO attachments(sha256, name, mime_type, size, uploaded) VALUES(?, '', '', 0, 1) "
            "ON CONFLICT(sha256) DO UPDATE SET uploaded = 1"));
        s.bind(1, sha256);
        s.exec();
        return std::nullopt;
    });
}

// ---- session ----------------------------------------------------------------------------------------------

StoredSession LocalStore::session() const
{
    StoredSession s;
    if (!m_db)
        return s;
    const QString url = safeMeta(KeyServerUrl);
    s.serverUrl = url.isEmpty() ? QUrl() : QUrl(url);
    s.user = objectFrom(safeMeta(KeyUser));
    s.accessToken = safeMeta(KeyAccessToken);
    s.refreshToken = safeMeta(KeyRefreshToken);
    return s;
}

std::optional<FieldError> LocalStore::setSession(const StoredSession &session)
{
    auto refused = write([&]() -> std::optional<FieldError> {
        setMeta(KeyServerUrl, session.serverUrl.toString());
        setMeta(KeyUser, toText(session.user));
        setMeta(KeyAccessToken, session.accessToken);
        setMeta(KeyRefreshToken, session.refreshToken);
        return std::nullopt;
    });
    if (!refused)
        Q_EMIT sessionChanged();
    return refused;
}

std::optional<FieldError> LocalStore::setTokens(const QString &accessToken, const QString &refreshToken)
{
    auto refused = write([&]() -> std::optional<FieldError> {
        setMeta(KeyAccessToken, accessToken);
        setMeta(KeyRefreshToken, refreshToken);
        return std::nullopt;
    });
    if (!refused)
        Q_EMIT sessionChanged();
    return refused;
}

std::optional<FieldError> LocalStore::setServerUrl(const QUrl &url)
{
    auto refused = write([&]() -> std::optional<FieldError> {
        setMeta(KeyServerUrl, url.toString());
        return std::nullopt;
    });
    if (!refused)
        Q_EMIT sessionChanged();
    return refused;
}

std::optional<FieldError> LocalStore::clearTokens() { return setTokens({}, {}); }

QDateTime LocalStore::lastSyncedAt() const
{
    const QString text = safeMeta(KeyLastSyncedAt);
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

std::optional<FieldError> LocalStore::setLastSyncedAt(const QDateTime &at)
{
    return write([&]() -> std::optional<FieldError> {
        setMeta(KeyLastSyncedAt, at.toUTC().toString(Qt::ISODateWithMs));
        return std::nullopt;
    });
}

} // namespace mobile
