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
#pragma once

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
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>
#include <vector>

namespace mobile {

// One entity as the device holds it.
struct LocalEntity
{
    QString id;
    QString kind;              // a record kind's wire name ("lead", "visit", …), "enterprise" or "person"
    QJsonObject json;          // canonical wire JSON with this device's un-pushed edits applied
    qint64 serverVersion = 0;  // the server's sequence number of the copy it is based on; 0: never on the server
    bool localChanges = false; // edits of it wait in the outbox
    bool deleted = false;      // deleted on this device; the deletion is not confirmed yet
    QString rejectedReason;    // why the server refused this device's last change of it; empty when it did not

    [[nodiscard]] bool isRecord() const { return kind != u"enterprise" && kind != u"person"; }
};

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

// An attachment an outbox entry refers to that the server has not confirmed yet.
struct PendingAttachment
{
    QString sha256;
    QString name;
    QString mimeType;
    qint64 size = 0;
    QString path; // the local copy; empty when this device does not have the file
};

// Who is signed in, where, with which tokens.
struct StoredSession
{
    QUrl serverUrl;
    QJsonObject user; // as /api/v1/auth/login returned it: id, login, name, unit, roles
    QString accessToken;
    QString refreshToken;

    [[nodiscard]] bool hasTokens() const { return !accessToken.isEmpty() || !refreshToken.isEmpty(); }
};

class LocalStore : public QObject
{
    Q_OBJECT

public:
    // The schema, one migration per version. A later build appends version 2, 3, … here; the
    // function is public so that tests can append one of their own and prove the data survives.
    [[nodiscard]] static std::vector<ledger::Migration> schemaMigrations();
    static constexpr int SchemaVersion = 2;
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

    // ---- reading (deleted entities are left out) --------------------------------------------------
    [[nodiscard]] std::optional<LocalEntity> entity(const QString &id) const;
    [[nodiscard]] QList<LocalEntity> entities(const QString &kind) const;
    [[nodiscard]] QList<LocalEntity> records() const;
    // Entities with a rejection reason, for the author to fix.
    [[nodiscard]] QList<LocalEntity> rejected() const;
    // Which records a list shows, worked out by SQLite over the stored JSON so that no list holds
    // the records in memory: the rowids of the matching entities, records that need their author
    // (refused by the server, or returned by a reviewer) first, then newest event date first, then
    // by id. `search` matches the text a list row shows: names, purposes, intentions,
    // destinations, payers, notes, the event date and the name of the enterprise referred to.
    struct ListFilter
    {
        QString kind;              // one kind; empty: every kind
        QString project;           // only records of this project ("project" field)
        QString search;
        bool onlyRejected = false; // only entities the server refused
    };
    [[nodiscard]] QList<qint64> listKeys(const ListFilter &filter) const;
    // The entities with these rowids, in the order given; a rowid no longer there (or deleted)
    // gives an entity with an empty id.
    [[nodiscard]] QList<LocalEntity> entitiesByKeys(const QList<qint64> &keys) const;
    // Visits whose "trip" is this trip.
    [[nodiscard]] QList<LocalEntity> visitsOfTrip(const QString &tripId) const;
    // Records of a kind whose event date (a visit's date, a trip's start, a lead's filing date,
    // a project's talks, otherwise "date") lies in [from, to].
    [[nodiscard]] QList<LocalEntity> recordsBetween(const QString &kind, QDate from, QDate to) const;
    // For the investment map: per enterprise, the kinds of records that refer to it ("visit",
    // "referral", "project"), leaving out revoked ones; and per project, its enterprise and the
    // stages of its recognised milestones.
    struct MapFacts
    {
        QHash<QString, QStringList> kindsByEnterprise;
        QHash<QString, QString> enterpriseOfProject;
        QHash<QString, QStringList> recognisedStagesOfProject;
    };
    [[nodiscard]] MapFacts mapFacts() const;
    // The check-ins of visits credited to or written by this person, oldest event first.
    [[nodiscard]] QJsonArray checkInsOf(const QString &personId) const;
    // Everything local, decoded, for recognition and scoring. An entity that does not decode (a
    // newer writer's version) is left out with a warning.
    [[nodiscard]] ledger::Ledger ledger() const;

    // ---- outbox ---------------------------------------------------------------------------------
    [[nodiscard]] int pendingCount() const;
    // The oldest `max` entries, by number.
    [[nodiscard]] QList<OutboxEntry> outboxBatch(int max) const;
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
    [[nodiscard]] qint64 lastMutationNumber() const;

    // ---- pull -----------------------------------------------------------------------------------
    // Applies one page of GET /api/v1/sync/pull in one transaction: upserts by the server's
    // sequence, tombstones delete, the cursor advances. An entity with un-pushed edits keeps its
    // local values of the edited fields and takes the server's for the rest.
    std::optional<ledger::FieldError> applyPull(const QJsonObject &pullResponse);
    [[nodiscard]] qint64 pullCursor() const;

    // ---- attachments ----------------------------------------------------------------------------
    // Copies a file (or bytes) into <data>/attachments/<sha256>, content-addressed, and returns the
    // Attachment to put in a record. `name` defaults to the file's name.
    ledger::Result<ledger::Attachment> storeAttachment(const QString &filePath, const QString &name = {},
                                                       const QString &mimeType = QStringLiteral("application/octet-stream"));
    // Note: a narrow string literal as first argument lands here, not in the file overload.
    ledger::Result<ledger::Attachment> storeAttachment(const QByteArray &content, const QString &name, const QString &mimeType);
    // Where the attachment's content is on this device; empty when it is not here.
    [[nodiscard]] QString attachmentPath(const QString &sha256) const;
    // Attachments the outbox's upserts refer to and the server has not confirmed, oldest first.
    [[nodiscard]] QList<PendingAttachment> attachmentsToUpload() const;
    std::optional<ledger::FieldError> markAttachmentUploaded(const QString &sha256);

    // ---- session --------------------------------------------------------------------------------
    // This installation's device id: a UUID made when the store was first created.
    [[nodiscard]] QString deviceId() const { return m_deviceId; }
    [[nodiscard]] StoredSession session() const;
    std::optional<ledger::FieldError> setSession(const StoredSession &session);
    std::optional<ledger::FieldError> setTokens(const QString &accessToken, const QString &refreshToken);
    std::optional<ledger::FieldError> setServerUrl(const QUrl &url);
    // Signs out: forgets the tokens, keeps the user (to prefill the sign-in), entities and outbox.
    std::optional<ledger::FieldError> clearTokens();
    [[nodiscard]] QDateTime lastSyncedAt() const;
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
    // Including entities deleted on this device.
    [[nodiscard]] std::optional<LocalEntity> readEntity(const QString &id) const;
    void writeEntity(const LocalEntity &e);
    [[nodiscard]] QList<LocalEntity> query(const QString &where, const QString &bound) const;
    [[nodiscard]] QString meta(const QString &key) const;     // throws DatabaseError
    [[nodiscard]] QString safeMeta(const QString &key) const; // logs and answers "" instead
    void setMeta(const QString &key, const QString &value);
    void refreshLocalChanges(const QString &entityId);
    [[nodiscard]] QStringList pendingChangedFields(const QString &entityId) const;
    void hit(QStringView point) const;
    // Runs f in one IMMEDIATE transaction; a DatabaseError (or anything thrown) comes back as an error.
    template<class F>
    std::optional<ledger::FieldError> write(F &&f);
    void announce(const QStringList &kinds, int pendingBefore);

    // Checkpoints: SQLite's automatic one runs inside the commit that crosses 1000 WAL pages, so
    // every ~100th save paid for copying the WAL into the database. Instead the WAL is
    // checkpointed when the store has been idle for CheckpointIdleMs, or at once past
    // WalPagesLimit pages (a long burst of writes, e.g. a pull), as SQLite itself would, so no
    // idle checkpoint has more than about 4 MB to copy. Commits stay durable either way: WAL with
    // synchronous=FULL syncs every commit.
    static constexpr int CheckpointIdleMs = 500;
    static constexpr int WalPagesLimit = 1000;
    static int walCommitted(void *store, sqlite3 *db, const char *database, int pages);
    void checkpoint();
    QTimer *m_checkpointTimer = nullptr;

    QString m_dataDir;
    QString m_openError;
    QString m_deviceId;
    mutable std::optional<ledger::Database> m_db;
    // Statements used for every entity, prepared once; destroyed before m_db.
    mutable std::optional<ledger::Statement> m_readEntity;
    mutable std::optional<ledger::Statement> m_writeEntity;
    Failpoint m_failpoint;
};

} // namespace mobile
