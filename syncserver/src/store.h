// The master ledger on disk: one SQLite database under the data folder, its schema, the
// append-only hash-chained audit log, and an in-memory mirror of every entity for scoring.
// All writes go through write(): one mutex, one IMMEDIATE transaction, the mirror updated only
// after the commit, so what is scored is exactly what is durable. Reads go through read(), on
// reader connections of their own (readerpool.h), and never take the write lock.
#pragma once

#include "readerpool.h"

#include "ledger/database.h"
#include "ledger/ledger.h"
#include "ledger/scheme.h"

#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QReadWriteLock>
#include <functional>
#include <memory>
#include <optional>

namespace syncserver {

// The time, injected so tests can move it.
class Clock
{
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual QDateTime now() const { return QDateTime::currentDateTimeUtc(); }
};

// One entity as stored: the wire JSON plus the server's bookkeeping.
struct StoredEntity
{
    QString id;
    QString kind;       // a RecordKind name, "enterprise" or "person"
    QString unit;       // credited unit for records; empty for enterprises and people
    QString author;     // person id
    QJsonObject json;   // the wire encoding, review fields as the server set them
    // Top-level field → seq of its last change. Left empty when every field carries the seq the
    // entity was written with (a new entity); it is then stored as '' and read back filled in.
    QJsonObject fieldSeq;
    qint64 seq = 0;     // the server sequence of its last change
    bool deleted = false;
    // The record `json` decodes to, when the writer already has it: the mirror then takes it
    // instead of decoding the JSON once more. Must be exactly what decoding `json` gives.
    std::shared_ptr<const ledger::Record> decoded = {};
    // `json` as stored (compact UTF-8) and the SHA-256 of those bytes (hex), when the writer made
    // them already, outside the write lock (a push prepares its new entities in parallel):
    // putEntity() then stores them as they are. Must be exactly encodeStored(json) and its hash.
    QByteArray encoded = {};
    QByteArray sha256 = {};
};

// An entity's JSON as the store keeps it: compact, keys in QJsonObject's order.
[[nodiscard]] QByteArray encodeStored(const QJsonObject &json);
// Appends the text as a JSON string the way QJsonDocument writes it: quotes, backslashes and
// control characters escaped, everything else as UTF-8 (for JSON written directly, in hot paths).
void appendJsonString(QByteArray &out, const QString &text);
// SHA-256 of the bytes, lower-case hex.
[[nodiscard]] QByteArray sha256Hex(QByteArrayView bytes);

// One entry of the audit log as stored.
struct AuditEntry
{
    qint64 id = 0;
    QString at;
    QString userId;
    QString deviceId;
    QString action;
    QString entityId;
    QString detail; // one JSON object, as written
    QString hash;
};

// Who did something, for the audit log.
struct Actor
{
    QString userId;
    QString deviceId;
};

class Store
{
public:
    // Opens (creating if needed) <dataDir>/ledger.sqlite and migrates it.
    explicit Store(const QString &dataDir, const Clock &clock);

    [[nodiscard]] const QString &dataDir() const { return m_dataDir; }
    [[nodiscard]] const Clock &clock() const { return m_clock; }

    // Runs f inside one IMMEDIATE transaction holding the write lock. Entities written through
    // putEntity() inside f reach the mirror only if the transaction commits. The next sequence
    // number and the head of the audit chain are kept in memory under this lock (read back from
    // the file when another process, such as the `user` command, wrote in between), and the
    // chain's head is stored once per transaction, just before the commit.
    template<class F>
    auto write(F &&f) -> decltype(f(std::declval<ledger::Database &>()))
    {
        using R = decltype(f(m_db));
        QMutexLocker lock(&m_writeLock);
        std::conditional_t<std::is_void_v<R>, bool, std::optional<R>> result{};
        {
            ledger::Transaction tx(m_db);
            beginWrite();
            const Heads before = m_heads;
            try {
                if constexpr (std::is_void_v<R>)
                    f(m_db);
                else
                    result.emplace(f(m_db));
                endWrite();
                tx.commit();
            } catch (...) {
                m_heads = before; // the transaction rolls back: nothing it numbered was kept
                forgetWritten();
                throw;
            }
        }
        publishPending();
        if constexpr (!std::is_void_v<R>)
            return std::move(*result);
    }
    // Runs f on a read-only connection of its own (WAL), inside one read snapshot: f sees
    // everything committed before its first statement, and nothing committed after, and neither
    // waits for the writer nor holds it up. Whatever a write() that returned had written is seen.
    // Not inside write(): the open transaction's own changes are not visible from here.
    template<class F>
    auto read(F &&f) -> decltype(f(std::declval<ledger::Database &>()))
    {
        ReaderPool::Lease lease = m_readers.acquire();
        const ReadSnapshot snapshot(lease.db());
        return f(lease.db());
    }
    // The reader connections (tests look at how many were opened).
    [[nodiscard]] const ReaderPool &readers() const { return m_readers; }

    // ---- inside write() ----
    // The sequence number the next putEntity() should carry (one more than the last one used).
    [[nodiscard]] qint64 nextSeq(ledger::Database &db);
    [[nodiscard]] std::optional<StoredEntity> entity(ledger::Database &db, const QString &id);
    // Stores the entity (insert or replace) and returns its JSON as stored, compact UTF-8.
    QByteArray putEntity(ledger::Database &db, const StoredEntity &entity);
    void audit(ledger::Database &db, const Actor &actor, const QString &action, const QString &entityId, const QJsonObject &detail);
    // The same with the detail already encoded as one compact JSON object.
    void auditEncoded(ledger::Database &db, const Actor &actor, const QString &action, const QString &entityId, const QByteArray &detailJson);
    // Logs the creation of an entity just written by putEntity(). Creations by one actor in a row
    // share one entry, written before the next entry or at the commit (a push of 1000 new records
    // is one entry): action "create", entity "", detail {"created":[{"id","kind"},…]} and as its
    // state the list of each one's state with its "id". A lone creation is an entry of its own,
    // detail {"kind"}, as any other.
    void auditCreated(ledger::Database &db, const Actor &actor, const QString &entityId, const QString &kind);
    [[nodiscard]] QString meta(ledger::Database &db, const QString &key);
    void setMeta(ledger::Database &db, const QString &key, const QString &value);

    // The mirror: every live entity decoded, for scoring and reports, read under a shared lock.
    template<class F>
    auto withLedger(F &&f) const
    {
        QReadLocker lock(&m_mirrorLock);
        return f(std::as_const(m_mirror));
    }
    [[nodiscard]] qint64 lastSeq() const;
    // Reads what another process (the `user` command, say) committed since this store last
    // looked, into the mirror; writes do this themselves. For readers of the mirror that must be
    // current, such as the scores. Not inside write() or read(). While a write is under way it
    // returns at once: that write catches up first thing, and the reader does not queue behind it.
    void refresh();

    // Up to `limit` audit entries after entry `after`, oldest first.
    [[nodiscard]] std::vector<AuditEntry> auditEntries(qint64 after, int limit);
    // Checks the audit chain end to end; returns the problems found (empty when intact).
    [[nodiscard]] QStringList verifyAudit();
    // Replays the audit log against the entities table: every entity must be as the last entry
    // that wrote it left it (live or deleted, review state, content, version), and every entity
    // the log recorded must still be there. Returns the problems found.
    [[nodiscard]] QStringList replayAudit();
    // Online backup to a file, safe while serving.
    void backupTo(const QString &path);

private:
    // The last sequence number used and the last audit entry, as committed (or as written so far
    // by the open transaction).
    struct Heads
    {
        qint64 seq = 0;
        qint64 auditId = 0;
        QString auditHash;
        bool auditMoved = false; // the transaction appended to the audit log
    };
    void beginWrite();
    [[nodiscard]] qint64 dataVersion();
    bool catchUpIfChanged();
    void endWrite();
    void forgetWritten();
    void flushCreated(ledger::Database &db);
    void appendEntry(ledger::Database &db, const Actor &actor, const QString &action, const QString &entityId, const QByteArray &detailJson,
                     const QByteArray &state);
    // The state of the entity as this transaction last wrote it, if no entry carried it yet; it is
    // then carried (marked logged).
    [[nodiscard]] QByteArray takeState(const QString &entityId);
    void readHeads();
    void catchUpMirror();
    void publishPending();
    void applyToMirror(const StoredEntity &e);
    // An entity written in the open transaction whose state no audit entry has carried yet.
    struct Unlogged
    {
        QString id;
        QString kind;
        QByteArray state;
        bool logged = false; // an entry carried this state already
    };
    // An entity created in the open transaction, waiting for its shared entry.
    struct Created
    {
        QString id;
        QString kind;
    };

    QString m_dataDir;
    const Clock &m_clock;
    ledger::Database m_db;
    ReaderPool m_readers; // after m_db: closed before the writer that created the file
    QMutex m_writeLock;
    mutable QReadWriteLock m_mirrorLock;
    ledger::Ledger m_mirror;
    std::vector<StoredEntity> m_pending;
    std::vector<Unlogged> m_unlogged;         // in the order written
    QHash<QString, std::size_t> m_unloggedAt; // id → index in m_unlogged
    std::vector<Created> m_created;
    Actor m_createdBy;
    Actor m_lastActor; // of the open transaction's last audit entry
    std::atomic<qint64> m_lastSeq{0};
    Heads m_heads;
    qint64 m_dataVersion = -1; // PRAGMA data_version when this connection last looked
    QDateTime m_auditTime;     // the last audit entry's time, and as written (formatting it is not free)
    QString m_auditTimeText;
};

// SHA-256 of an audit entry chained to the previous one.
[[nodiscard]] QString auditHash(const QString &previousHash, qint64 id, const QString &at, const QString &userId,
                                const QString &deviceId, const QString &action, const QString &entityId,
                                const QByteArray &detail, const QByteArray &entityState = {});

} // namespace syncserver
