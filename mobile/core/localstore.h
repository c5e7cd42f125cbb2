// The tablet's own store: every entity the device knows (its own edits and what it pulled), the
// outbox of numbered mutations waiting for the server, the attachments it keeps under its data
// folder, and the session. One SQLite file through ledger::Database (WAL, synchronous=FULL).
//
// The promise the app makes to the person in the field: every edit is ONE transaction that writes
// the entity and its outbox entry, so the app may be killed at any moment and loses nothing it
// confirmed. The sync protocol (docs/sync-protocol.md) then delivers each entry exactly once.
//
// Nothing here throws at callers: bad input comes back as a ledger::FieldError naming the field
// (decoded by ledger::wire, never re-validated here), and a failing disk as a FieldError with an
// empty field.
//
// LocalStore owns the connection and the one write path (a transaction per change, the signals
// after it commits) and composes the parts that each do one job: LocalSchema (migrations),
// EntityTable (single rows), Outbox (numbered mutations), EntityQueries (lists, map, ledger),
// AttachmentStore (files and their upload state), SessionStore (session, device id) over
// MetaTable, and WalCheckpointer. Saving, deleting, push answers and pull pages are here, since
// each is one transaction across several parts.
#pragma once

#include "attachmentstore.h"
#include "entityqueries.h"
#include "entitytable.h"
#include "localschema.h"
#include "metatable.h"
#include "outbox.h"
#include "sessionstore.h"
#include "walcheckpointer.h"

#include "ledger/database.h"
#include "ledger/entities.h"
#include "ledger/ledger.h"
#include "ledger/result.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace mobile {

class LocalStore : public QObject
{
    Q_OBJECT

public:
    // The schema, one migration per version (LocalSchema). Public so that tests can append one of
    // their own and prove the data survives.
    [[nodiscard]] static std::vector<ledger::Migration> schemaMigrations() { return LocalSchema::migrations(); }
    static constexpr int SchemaVersion = LocalSchema::Version;
    // Confirmed mutations kept after the server answered, so that a server restored from a backup
    // can be sent them again (409 gap).
    static constexpr int SentMutationsKept = 2000;

    // Opens (creating) <dataDir>/local.sqlite and migrates it to the newest schema. Never throws:
    // check isOpen() / openError().
    explicit LocalStore(const QString &dataDir, QObject *parent = nullptr);
    LocalStore(const QString &dataDir, const std::vector<ledger::Migration> &migrations, QObject *parent = nullptr);
    ~LocalStore() override;

    [[nodiscard]] bool isOpen() const { return m_db.has_value(); }
    [[nodiscard]] QString openError() const { return m_openError; }
    [[nodiscard]] QString dataDir() const { return m_dataDir; }
    [[nodiscard]] static QString databaseFile(const QString &dataDir);
    // A second connection to the store's database, for a part that keeps its own table beside the
    // store's (drafts, queued decisions) and writes it apart from the store's transactions. Checks
    // that the schema has `table`; on failure (the store itself not open, too) says why in `error`.
    [[nodiscard]] std::optional<ledger::Database> openSideConnection(const QString &table, QString &error) const;
    [[nodiscard]] int schemaVersion() const;

    // ---- editing --------------------------------------------------------------------------------
    // Saves a record (it has "kind") or an enterprise. The JSON is decoded by ledger::wire; on the
    // first problem nothing is written and the error names the field. The server-owned fields
    // (review, author) of a stored copy are kept; a new record without "review" starts as
    // submitted. The top-level fields that differ from the stored copy are the edit's "changed"
    // list; the entity and ONE outbox entry are written in one transaction. An un-sent outbox
    // entry of the same entity absorbs the edit instead (its number and base version stay, the
    // changed fields are merged). Saving with nothing changed writes nothing.
    std::optional<ledger::FieldError> save(const QJsonObject &entity);
    // Deletes an entity: marks it deleted and queues a delete, in one transaction. An un-sent
    // upsert of it becomes the delete (the number stays).
    std::optional<ledger::FieldError> remove(const QString &id);
    // The person has seen why the server refused the entity; forget the reason.
    std::optional<ledger::FieldError> clearRejection(const QString &id);

    // ---- reading (deleted entities are left out; EntityQueries says what each answers) -----------
    [[nodiscard]] std::optional<LocalEntity> entity(const QString &id) const;
    [[nodiscard]] QList<LocalEntity> entities(const QString &kind) const { return m_queries ? m_queries->entities(kind) : QList<LocalEntity>(); }
    [[nodiscard]] QList<LocalEntity> records() const { return m_queries ? m_queries->records() : QList<LocalEntity>(); }
    [[nodiscard]] QList<LocalEntity> rejected() const { return m_queries ? m_queries->rejected() : QList<LocalEntity>(); }
    using ListFilter = EntityQueries::ListFilter;
    [[nodiscard]] QList<qint64> listKeys(const ListFilter &filter) const { return m_queries ? m_queries->listKeys(filter) : QList<qint64>(); }
    [[nodiscard]] QList<LocalEntity> entitiesByKeys(const QList<qint64> &keys) const
    {
        return m_queries ? m_queries->entitiesByKeys(keys) : QList<LocalEntity>(keys.size());
    }
    [[nodiscard]] QList<LocalEntity> visitsOfTrip(const QString &tripId) const { return m_queries ? m_queries->visitsOfTrip(tripId) : QList<LocalEntity>(); }
    [[nodiscard]] QList<LocalEntity> recordsBetween(const QString &kind, QDate from, QDate to) const
    {
        return m_queries ? m_queries->recordsBetween(kind, from, to) : QList<LocalEntity>();
    }
    using MapFacts = EntityQueries::MapFacts;
    [[nodiscard]] MapFacts mapFacts() const { return m_queries ? m_queries->mapFacts() : MapFacts(); }
    [[nodiscard]] QJsonArray checkInsOf(const QString &personId) const { return m_queries ? m_queries->checkInsOf(personId) : QJsonArray(); }
    [[nodiscard]] ledger::Ledger ledger() const { return m_queries ? m_queries->ledger() : ledger::Ledger(); }

    // ---- outbox ---------------------------------------------------------------------------------
    [[nodiscard]] int pendingCount() const { return m_outbox ? m_outbox->count() : 0; }
    // The oldest `max` entries, by number.
    [[nodiscard]] QList<OutboxEntry> outboxBatch(int max) const { return m_outbox ? m_outbox->batch(max) : QList<OutboxEntry>(); }
    // Counts a send of these entries before it goes out: a sent entry may have been applied even
    // if no answer comes back, so later edits no longer merge into it.
    std::optional<ledger::FieldError> markAttempted(const QList<qint64> &numbers);
    // Applies a push response: applied → the entity's server version; rejected → the reason is
    // stored on the entity so that it comes back to its author (a refused delete restores it);
    // skipped → as its "original" status. Answered entries leave the outbox.
    std::optional<ledger::FieldError> markPushed(const QJsonObject &pushResponse);
    // The server needs mutations from `expected` on (409 gap, e.g. it was restored from a backup):
    // puts the kept confirmed ones back in the outbox, or, when they are gone, renumbers the
    // outbox to start at `expected`. The pull cursor goes back to 0, since the server's sequence
    // went back too.
    std::optional<ledger::FieldError> requeueFrom(qint64 expected);
    // The number of the newest mutation made on this device (0 before the first).
    [[nodiscard]] qint64 lastMutationNumber() const { return m_outbox ? m_outbox->lastNumber() : 0; }

    // ---- pull -----------------------------------------------------------------------------------
    // Applies one page of GET /api/v1/sync/pull in one transaction: upserts by the server's
    // sequence, tombstones delete, the cursor advances. An entity with un-pushed edits keeps its
    // local values of the edited fields and takes the server's for the rest.
    std::optional<ledger::FieldError> applyPull(const QJsonObject &pullResponse);
    // What a page brought, for the sync's summary.
    struct PullApplied
    {
        qint64 cursor = 0;
        bool hasMore = false;
        int changes = 0; // entities and tombstones
        // The page's records a reviewer returned, counted by the unit they are credited to.
        QHash<QString, int> returnedByUnit;
    };
    // The same for a page as the server sent it (the response body): each entity is stored as its
    // text stands in the page, which is the server's canonical encoding (PullPageText says why),
    // with no decoding and encoding of it on the device. Edits waiting in the outbox are kept
    // exactly as applyPull keeps them; a page that does not decode changes nothing.
    ledger::Result<PullApplied> applyPullText(const QByteArray &pageText);
    [[nodiscard]] qint64 pullCursor() const { return m_meta ? m_meta->valueOrEmpty(metakey::PullCursor).toLongLong() : 0; }

    // ---- attachments ----------------------------------------------------------------------------
    // Copies a file (or bytes) into <data>/attachments/<sha256>, content-addressed, and returns the
    // Attachment to put in a record. `name` defaults to the file's name.
    ledger::Result<ledger::Attachment> storeAttachment(const QString &filePath, const QString &name = {},
                                                       const QString &mimeType = QStringLiteral("application/octet-stream"));
    // Note: a narrow string literal as first argument lands here, not in the file overload.
    ledger::Result<ledger::Attachment> storeAttachment(const QByteArray &content, const QString &name, const QString &mimeType);
    // Where the attachment's content is on this device; empty when it is not here.
    [[nodiscard]] QString attachmentPath(const QString &sha256) const { return m_attachments ? m_attachments->path(sha256) : QString(); }
    // Attachments the outbox's upserts refer to and the server has not confirmed, oldest first.
    [[nodiscard]] QList<PendingAttachment> attachmentsToUpload() const
    {
        return m_attachments ? m_attachments->toUpload() : QList<PendingAttachment>();
    }
    std::optional<ledger::FieldError> markAttachmentUploaded(const QString &sha256);

    // ---- session --------------------------------------------------------------------------------
    // This installation's device id: a UUID made when the store was first created.
    [[nodiscard]] QString deviceId() const { return m_deviceId; }
    [[nodiscard]] StoredSession session() const { return m_session ? m_session->session() : StoredSession(); }
    std::optional<ledger::FieldError> setSession(const StoredSession &session);
    std::optional<ledger::FieldError> setTokens(const QString &accessToken, const QString &refreshToken);
    std::optional<ledger::FieldError> setServerUrl(const QUrl &url);
    // Signs out: forgets the tokens, keeps the user (to prefill the sign-in), entities and outbox.
    std::optional<ledger::FieldError> clearTokens();
    [[nodiscard]] QDateTime lastSyncedAt() const { return m_session ? m_session->lastSyncedAt() : QDateTime(); }
    std::optional<ledger::FieldError> setLastSyncedAt(const QDateTime &at);

    // ---- tests ----------------------------------------------------------------------------------
    // Called at named points inside write transactions ("save:entity-written",
    // "remove:entity-written", "pull:applied"); a hook that throws or kills the process there
    // shows what an interrupted transaction leaves behind.
    using Failpoint = std::function<void(QStringView point)>;
    void setFailpointForTesting(Failpoint hook) { m_failpoint = std::move(hook); }

signals:
    // After every committed change of entities (saves, deletes, pulls, push answers).
    void changed();
    void entitiesChanged(const QStringList &kinds);
    // A save or delete of one entity on this device; emitted just before changed() and
    // entitiesChanged(), so lists can update that one row.
    void entityEdited(const QString &id, const QString &kind);
    void pendingCountChanged(int count);
    void sessionChanged();

private:
    void open(const std::vector<ledger::Migration> &migrations);
    // Runs f in one IMMEDIATE transaction; a DatabaseError (or anything thrown) comes back as an error.
    template<class F>
    std::optional<ledger::FieldError> write(F &&f);
    // A write of the session, then sessionChanged().
    template<class F>
    std::optional<ledger::FieldError> writeSession(F &&f);
    void announce(const QStringList &kinds, int pendingBefore);
    void hit(QStringView point) const;
    // Records a copied-in attachment in the table, in a write.
    ledger::Result<ledger::Attachment> remembered(ledger::Result<ledger::Attachment> copied);
    // Short names for the parts, used inside write transactions; they throw ledger::DatabaseError.
    [[nodiscard]] std::optional<LocalEntity> readEntity(const QString &id) const { return m_entities->read(id); } // deleted ones too
    void writeEntity(const LocalEntity &e) { m_entities->write(e); }
    void refreshLocalChanges(const QString &entityId) { m_entities->refreshLocalChanges(entityId); }
    [[nodiscard]] QStringList pendingChangedFields(const QString &entityId) const { return m_outbox->pendingChangedFields(entityId); }
    void setMeta(const QString &key, const QString &value) { m_meta->setValue(key, value); }
    // A pulled entity written (its canonical JSON text), its pending edits kept; and a pulled
    // tombstone. Both add the kind they touched to `kinds`.
    void pulledEntity(const QString &id, const QString &kind, QByteArrayView text, qint64 seq, QSet<QString> &kinds);
    void pulledTombstone(const QString &id, QSet<QString> &kinds);

    QString m_dataDir;
    QString m_openError;
    QString m_deviceId;
    mutable std::optional<ledger::Database> m_db;
    // The parts, made once the database is open and all of them then; each refers to m_db, so
    // they are declared after it and go before it.
    std::optional<MetaTable> m_meta;
    std::optional<EntityTable> m_entities;
    std::optional<Outbox> m_outbox;
    std::optional<EntityQueries> m_queries;
    std::optional<AttachmentStore> m_attachments;
    std::optional<SessionStore> m_session;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    Failpoint m_failpoint;
};

} // namespace mobile
