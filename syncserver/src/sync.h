// The server's side of the sync protocol (docs/sync-protocol.md; its messages, limits and codes are
// ledger::sync in shared/): push applies a device's numbered mutations exactly once in one
// transaction, merging concurrent edits field by field in server order and keeping stale edits as
// conflicts; pull returns every change after a cursor in the server's sequence. Review (认定)
// changes go through here too, since they are changes to records, by the table of ledger/reviewflow.h.
#pragma once

#include "accounts.h"
#include "store.h"

#include "ledger/reviewflow.h"
#include "ledger/syncprotocol.h"

#include <QJsonArray>

namespace syncserver {

class SyncService
{
public:
    SyncService(Store &store, const ledger::Scheme &scheme);

    // Throws HttpError for a malformed batch or a gap (409, with the number expected).
    [[nodiscard]] QJsonObject push(const Session &session, const QJsonObject &body);
    // The page as JSON text: {"changes":[…],"cursor":N,"hasMore":b}.
    [[nodiscard]] QByteArray pull(const Session &session, qint64 cursor, int limit);

    // 认定: "recognise", "return" (with a reason) or "revoke" (as false, with a reason); a leader's
    // "recognise_by_leading_group" of a project stage with a reason and the meeting's date.
    [[nodiscard]] QJsonObject review(const Session &session, const QString &recordId, const QString &action, const QString &reason,
                                     const std::optional<QDate> &meetingDate = std::nullopt);
    // A record with everything a reviewer needs to decide: why it does not count yet, what it lacks,
    // what its check-in flags mean.
    [[nodiscard]] QJsonObject explain(const Session &session, const QString &recordId);
    [[nodiscard]] QJsonArray inbox(const Session &session, const QString &state, const QString &unit, int limit);

    [[nodiscard]] QJsonArray conflicts(const Session &session, bool openOnly);
    [[nodiscard]] QJsonObject resolveConflict(const Session &session, qint64 conflictId, const QString &keep);
    // The mutations of this device that were rejected, with their reasons, for their author to fix.
    [[nodiscard]] QJsonArray rejected(const Session &session);

    // Whether the session may read an entity stored under this unit.
    [[nodiscard]] static bool canRead(const Session &session, const StoredEntity &entity);
    // Whether the session may read a live entity that cites this attachment (SHA-256, lower-case
    // hex): a proof file is read only by those who may read a record citing it.
    [[nodiscard]] bool mayReadAttachment(const Session &session, const QString &sha256);
    // The reviewers' decisions (recognise, return, revoke) on the records of `unit` (every unit
    // when empty), from the audit log, after audit entry `after`, oldest first: for the
    // supervisor, who watches how the bureau's own records are decided.
    [[nodiscard]] QJsonArray decisions(const QString &unit, qint64 after, int limit);

private:
    struct Outcome;
    struct Incoming;
    struct Merge;
    struct Prepared;
    struct AttachmentRef;

    // push: each upsert decoded, checked and encoded as it would be created, before the write lock
    // and on both cores (nothing here reads the database); one entry per mutation, in order.
    [[nodiscard]] std::vector<Prepared> prepare(const Session &session, const ledger::sync::PushRequest &request) const;
    [[nodiscard]] Prepared prepareOne(const Session &session, const ledger::sync::Mutation &mutation) const;
    // push: the batch in order, each mutation applied or rejected, its answer kept for retries.
    [[nodiscard]] ledger::sync::PushResult applyBatch(ledger::Database &db, const Session &session, const ledger::sync::PushRequest &request,
                                                      std::vector<Prepared> &prepared);
    [[nodiscard]] ledger::sync::MutationResult applyOne(ledger::Database &db, const Session &session, const ledger::sync::Mutation &mutation,
                                                        Prepared &prepared);
    [[nodiscard]] ledger::sync::MutationResult previousAnswer(ledger::Database &db, const Session &session, qint64 n);
    void keepAnswer(ledger::Database &db, const Session &session, const ledger::sync::MutationResult &result, const QString &at);

    // One upsert, prepared: create it or merge it into the stored entity.
    Outcome applyUpsert(ledger::Database &db, const Session &session, const ledger::sync::Mutation &mutation, Prepared &prepared);
    [[nodiscard]] Incoming decodeIncoming(const QJsonObject &json) const;
    // Whether the person enters anything at all: the units' staff and contacts, and reviewers.
    [[nodiscard]] static bool writesAtAll(const User &user);
    static void checkMayWrite(const Session &session, const Incoming &incoming);
    void checkMayEdit(ledger::Database &db, const Session &session, const StoredEntity &stored, const Incoming &incoming);
    // The unit of the person with this id, empty when there is no such person.
    [[nodiscard]] QString unitOfPerson(ledger::Database &db, const QString &personId);
    // The entity as a new one is stored: review fields set by the server, encoded and hashed.
    [[nodiscard]] StoredEntity asCreated(const Session &session, Incoming &incoming) const;
    Outcome create(ledger::Database &db, const Session &session, StoredEntity &created);
    [[nodiscard]] Merge mergeFields(ledger::Database &db, const Session &session, StoredEntity &stored, const ledger::sync::Mutation &mutation,
                                    qint64 seq);
    void recordConflict(ledger::Database &db, const Session &session, const StoredEntity &stored, const QString &field,
                        const QJsonValue &serverValue, const QJsonValue &deviceValue);
    static void settleMerged(StoredEntity &stored, const Incoming &incoming, Merge &merge, qint64 seq);
    Outcome applyDelete(ledger::Database &db, const Session &session, const QString &id, qint64 baseVersion);
    // The attachments an entity lists: any top-level list of objects carrying a sha256.
    [[nodiscard]] static QList<AttachmentRef> attachmentsOf(const QJsonObject &entity);
    static void checkAttachments(ledger::Database &db, const QList<AttachmentRef> &attachments);
    // Throws HttpError 422 evidence_missing when the move needs evidence the record lacks.
    void checkEvidence(ledger::ReviewAction action, const QJsonObject &record) const;

    Store &m_store;
    const ledger::Scheme &m_scheme;
};

} // namespace syncserver
