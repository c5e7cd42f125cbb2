// The outbox: the device's numbered mutations waiting for the server (docs/sync-protocol.md), and
// the confirmed ones kept a while in case the server is restored from a backup. It works inside
// the transaction LocalStore opens, so that an entity and its outbox entry are written together.
#pragma once

#include "ledger/database.h"
#include "ledger/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mobile {

class MetaTable;

// The two operations of an outbox entry, as the outbox table and the push body spell them.
inline const QString OpUpsert = QStringLiteral("upsert");
inline const QString OpDelete = QStringLiteral("delete");

// One numbered mutation waiting in the outbox.
struct OutboxEntry
{
    qint64 n = 0;            // the device's mutation number: 1, 2, 3, … without gaps
    QString op;              // "upsert" or "delete"
    QString entityId;
    QJsonObject entity;      // the whole entity (upserts only)
    qint64 baseVersion = 0;  // the server version the edit started from
    QStringList changed;     // the top-level fields the person edited
    int attempts = 0;        // times it was sent; once sent, the server may have applied it

    // The element of a push body's "mutations" (docs/sync-protocol.md).
    [[nodiscard]] QJsonObject toMutation() const;
};

class Outbox
{
public:
    Outbox(ledger::Database &db, MetaTable &meta) : m_db(db), m_meta(meta) {}

    // Queue one edit of an entity: an upsert of its whole canonical JSON with the top-level fields
    // the person changed, or its deletion; `baseVersion` is the server version the edit started
    // from. Both follow one rule: the newest entry of the entity absorbs the edit while that entry
    // is an upsert never sent (an upsert takes the new JSON and adds its changed fields, a delete
    // replaces it); the entry's number and base version stay, so the numbers have no gap.
    // Otherwise the edit gets the next number. Throw ledger::DatabaseError; call inside a
    // transaction, which the number then belongs to.
    void enqueueUpsert(const QString &entityId, const QJsonObject &entity, qint64 baseVersion, const QStringList &changed);
    void enqueueDelete(const QString &entityId, qint64 baseVersion);

    // Reads log a failure and answer as if the outbox were empty.
    [[nodiscard]] int count() const;
    // The oldest `max` entries, by number.
    [[nodiscard]] QList<OutboxEntry> batch(int max) const;
    // The number of the newest mutation made on this device (0 before the first).
    [[nodiscard]] qint64 lastNumber() const;

    // The rest throw ledger::DatabaseError and belong inside a transaction.
    void markAttempted(const QList<qint64> &numbers);
    // The fields the entity's pending upserts edit, sorted.
    [[nodiscard]] QStringList pendingChangedFields(const QString &entityId) const;
    // The server needs mutations from `expected` on (409 gap). Puts the kept confirmed ones back,
    // or, when they are gone, renumbers the outbox to start at `expected`. Returns the ids of the
    // entities whose entries came back, or an error naming "expected" when `expected` is no gap.
    [[nodiscard]] ledger::Result<QStringList> requeueFrom(qint64 expected);

    // The server answered mutation `n`. The entry as queued (nullopt when it was answered before,
    // by a retried push), and, once applied, its later entries of the same entity rebased.
    struct Answered
    {
        QString op;
        QString entityId;
        QStringList changed;
    };
    [[nodiscard]] std::optional<Answered> answered(qint64 n) const;
    // Later edits of the fields `n` changed (and a later delete) were made on top of it: base them
    // on `version`, the server version that holds it, or the server would call them conflicts with
    // themselves.
    void rebaseAfter(qint64 n, const Answered &entry, qint64 version);
    // Moves entry `n` to the kept confirmed mutations with the server's `status`, so a gap can put
    // it back.
    void confirm(qint64 n, const QString &status);
    // Keeps only the newest `kept` confirmed mutations.
    void pruneConfirmed(int kept);

private:
    // The one implementation behind both: `entity` is null for a delete.
    void enqueue(const QString &op, const QString &entityId, const QJsonObject *entity, qint64 baseVersion, const QStringList &changed);
    [[nodiscard]] qint64 takeNextNumber();

    ledger::Database &m_db;
    MetaTable &m_meta;
};

} // namespace mobile
