// Push, pull, review and conflicts. Every rule about what a record is or whether it counts comes
// from shared/ (wire, recognition, checkin, the review table), and the protocol's messages from
// ledger/syncprotocol.h; this file decides who may change what, and when.
#include "sync.h"

#include "duplicateclaims.h"

#include "http.h"
#include "ledger/checkin.h"
#include "ledger/recognition.h"
#include "ledger/wire.h"

#include <QJsonDocument>

#include <exception>
#include <thread>

namespace syncserver {

using ledger::Role;
using ledger::sync::Code;

namespace {

QString compact(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isUndefined())
        return QStringLiteral("(absent)");
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QJsonValue parseValue(const QString &text)
{
    if (text == u"(absent)")
        return QJsonValue(QJsonValue::Undefined);
    const QJsonDocument doc = QJsonDocument::fromJson((u'[' + text + u']').toUtf8());
    return doc.array().first();
}

// A validation failure of one mutation: recorded as rejected, never blocking the queue.
struct Rejection
{
    ledger::sync::Error error;
};

[[noreturn]] void reject(Code code, const QString &message, const QString &field = {})
{
    throw Rejection{ledger::sync::makeError(code, message, field)};
}

// A rejection by a shared rule: its code and values travel in the error's "detail", so the app words
// it in the person's language. `prefix` places the rule's field in the mutation ("entity").
[[noreturn]] void reject(Code code, const ledger::FieldError &cause, const QString &prefix)
{
    throw Rejection{ledger::sync::makeError(code, cause, prefix)};
}

// A refusal of the whole request, with the protocol's HTTP status for the code.
[[noreturn]] void refuse(const ledger::sync::Error &error)
{
    throw HttpError{ledger::sync::httpStatus(error), error.code, error.message, error.field, error.extra};
}

[[noreturn]] void refuse(Code code, const QString &message, const QString &field = {}, const QJsonObject &extra = {})
{
    refuse(ledger::sync::makeError(code, message, field, extra));
}

// A refusal by a shared rule, with its code and values in "detail" (see reject()).
[[noreturn]] void refuse(Code code, const ledger::FieldError &cause)
{
    refuse(ledger::sync::makeError(code, cause));
}

QJsonObject reviewJson(ledger::ReviewState state, const QString &reason, const QString &reviewer, const QDateTime &at,
                       const std::optional<QDate> &meetingDate = std::nullopt)
{
    QJsonObject r{{QStringLiteral("state"), ledger::toString(state)}};
    if (!reason.isEmpty())
        r.insert(QStringLiteral("reason"), reason);
    if (!reviewer.isEmpty())
        r.insert(QStringLiteral("reviewer"), reviewer);
    if (at.isValid())
        r.insert(QStringLiteral("at"), ledger::wire::encodeInstant(at));
    if (meetingDate)
        r.insert(QStringLiteral("meetingDate"), ledger::wire::encodeDate(*meetingDate));
    return r;
}

ledger::ReviewState stateOf(const QJsonObject &json)
{
    return ledger::enumFromString<ledger::ReviewState>(json.value(QStringLiteral("review")).toObject().value(QStringLiteral("state")).toString())
        .value_or(ledger::ReviewState::Submitted);
}

// Who has a stake in a stored record: its author (as the server recorded it) and the people credited on it.
ledger::RecordMeta stakeOf(const StoredEntity &e)
{
    ledger::RecordMeta meta;
    meta.author = ledger::PersonId::parse(e.author).value_or(ledger::PersonId());
    for (const QJsonValue &p : e.json.value(QStringLiteral("credit")).toObject().value(QStringLiteral("people")).toArray())
        if (const auto id = ledger::PersonId::parse(p.toString()))
            meta.credit.people << *id;
    return meta;
}

bool isRecordKind(const QString &kind) { return ledger::enumFromString<ledger::RecordKind>(kind).has_value(); }

StoredEntity readEntity(ledger::Statement &s)
{
    StoredEntity e;
    e.id = s.columnText(0);
    e.kind = s.columnText(1);
    e.unit = s.columnText(2);
    e.author = s.columnText(3);
    e.json = QJsonDocument::fromJson(s.columnText(4).toUtf8()).object();
    e.seq = s.columnInt64(5);
    e.deleted = s.columnInt64(6) != 0;
    return e;
}

} // namespace

struct SyncService::Outcome
{
    QString id;
    qint64 version = 0;
    QStringList conflicts;
};

// An upserted entity, decoded and checked before anything is read or written.
struct SyncService::Incoming
{
    QJsonObject json;
    QString id;
    QString kind;                                // a record kind's wire name, or "enterprise"
    std::optional<ledger::RecordKind> recordKind; // empty for an enterprise
    QString unit;                                // the credited unit of a record
    std::shared_ptr<ledger::Record> record;      // the decoded record, for the mirror

    [[nodiscard]] bool isEnterprise() const { return !recordKind; }
};

// One attachment an entity lists, by its hash, with the name and the field it is in.
struct SyncService::AttachmentRef
{
    QString sha256;
    QString name;
    QString field; // "evidence[2].sha256"
};

// An upsert made ready before the write lock: decoded and checked as far as nothing stored is
// needed, and the entity as it would be created, encoded and hashed.
struct SyncService::Prepared
{
    std::optional<ledger::sync::Error> refused; // decoding or checkMayWrite refused it
    std::optional<Incoming> incoming;
    QList<AttachmentRef> attachments;
    StoredEntity created; // its seq is set when it is stored
};

// What an edit does to the stored entity, field by field.
struct SyncService::Merge
{
    QJsonObject merged;    // the stored entity with the edit's applied fields
    QJsonObject changes;   // field → {"from", "to"}, for the audit log
    QStringList conflicts; // fields kept as they are, the edit stored as a conflict
};

SyncService::SyncService(Store &store, const ledger::Scheme &scheme)
    : m_store(store)
    , m_scheme(scheme)
{
}

bool SyncService::canRead(const Session &session, const StoredEntity &e)
{
    return session.user.readsEveryUnit() || e.unit.isEmpty() || e.unit == session.user.unit;
}

namespace {

// Whether the entity lists this attachment: any top-level list of objects carrying a sha256 is a
// list of attachments (the same reading as attachmentsOf).
bool cites(const QJsonObject &entity, const QString &sha)
{
    for (auto it = entity.begin(); it != entity.end(); ++it) {
        if (!it->isArray())
            continue;
        for (const QJsonValue &a : it->toArray())
            if (a.toObject().value(QStringLiteral("sha256")).toString() == sha)
                return true;
    }
    return false;
}

} // namespace

bool SyncService::mayReadAttachment(const Session &session, const QString &sha)
{
    return m_store.read([&](ledger::Database &db) {
        // The text search narrows the rows (to the person's own unit unless they read every
        // unit); the JSON decides, so a hash quoted in a note does not open the file.
        const bool all = session.user.readsEveryUnit();
        ledger::Statement s = db.prepare(all ? QStringLiteral("SELECT id, kind, unit, json FROM entities WHERE deleted = 0 AND instr(json, ?1) > 0")
                                             : QStringLiteral("SELECT id, kind, unit, json FROM entities WHERE deleted = 0 AND unit IN (?2, '') "
                                                              "AND instr(json, ?1) > 0"));
        s.bind(1, sha);
        if (!all)
            s.bind(2, session.user.unit);
        while (s.step()) {
            StoredEntity e;
            e.id = s.columnText(0);
            e.kind = s.columnText(1);
            e.unit = s.columnText(2);
            if (canRead(session, e) && cites(QJsonDocument::fromJson(s.columnText(3).toUtf8()).object(), sha))
                return true;
        }
        return false;
    });
}

QList<SyncService::AttachmentRef> SyncService::attachmentsOf(const QJsonObject &entity)
{
    QList<AttachmentRef> out;
    for (auto it = entity.begin(); it != entity.end(); ++it) {
        if (!it->isArray())
            continue;
        const QJsonArray list = it->toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject a = list.at(i).toObject();
            const QString sha = a.value(QStringLiteral("sha256")).toString();
            if (!sha.isEmpty())
                out.append({sha, a.value(QStringLiteral("name")).toString(), QStringLiteral("%1[%2].sha256").arg(it.key()).arg(i)});
        }
    }
    return out;
}

void SyncService::checkAttachments(ledger::Database &db, const QList<AttachmentRef> &attachments)
{
    for (const AttachmentRef &a : attachments) {
        ledger::CachedStatement s = db.cached(QStringLiteral("SELECT complete FROM attachments WHERE sha256 = ?"));
        s->bind(1, a.sha256);
        if (!s->step() || s->columnInt64(0) == 0)
            reject(Code::AttachmentMissing, QStringLiteral("attachment \"%1\" has not arrived; upload it before syncing the record").arg(a.name), a.field);
    }
}

// ---- upsert -------------------------------------------------------------------------------------

SyncService::Incoming SyncService::decodeIncoming(const QJsonObject &json) const
{
    Incoming in;
    in.json = json;
    in.id = json.value(QStringLiteral("id")).toString();
    in.kind = json.value(QStringLiteral("kind")).toString();
    // Records carry a "kind"; people carry "roles"; anything else without a kind is an enterprise.
    if (in.kind.isEmpty() && json.contains(QStringLiteral("roles")))
        reject(Code::Forbidden, QStringLiteral("people are managed by administrators, not synced from devices"), QStringLiteral("entity"));
    // Decode first: malformed input is rejected with the field named, before anything else.
    if (in.kind.isEmpty()) {
        in.kind = QStringLiteral("enterprise");
        if (const auto decoded = ledger::wire::decodeEnterprise(json); !decoded)
            reject(Code::Invalid, decoded.error(), QStringLiteral("entity"));
        return in;
    }
    const auto decoded = ledger::wire::decodeRecord(json);
    if (!decoded)
        reject(Code::Invalid, decoded.error(), QStringLiteral("entity"));
    in.record = std::make_shared<ledger::Record>(decoded.value());
    in.recordKind = ledger::kindOf(*in.record);
    in.unit = ledger::metaOf(*in.record).credit.unit.code();
    if (!m_scheme.unit(ledger::UnitCode(in.unit)))
        reject(Code::Invalid, QStringLiteral("unit \"%1\" is not in the scheme").arg(in.unit), QStringLiteral("entity.credit.unit"));
    return in;
}

bool SyncService::writesAtAll(const User &user) { return user.writesUnitRecords() || user.has(Role::Reviewer); }

void SyncService::checkMayWrite(const Session &session, const Incoming &in)
{
    using ledger::ErrorCode;
    // Leaders, the supervisor and administrators read and manage; they enter nothing.
    if (!writesAtAll(session.user))
        reject(Code::Forbidden, ledger::FieldError({}, ErrorCode::NotAWriter), QStringLiteral("entity"));
    if (in.isEnterprise())
        return;
    // Discretionary points are the reviewers' kind, for any unit; so is a headquarters claim, which
    // the bureau may also enter for a unit on the customs' and tax office's figures (the unit's staff
    // file their own too). Every other kind is the unit's own staff's, for their own unit only.
    if (in.recordKind == ledger::RecordKind::Award) {
        if (!session.user.has(Role::Reviewer))
            reject(Code::Forbidden, ledger::FieldError(QStringLiteral("kind"), ErrorCode::AwardByReviewer), QStringLiteral("entity"));
        return;
    }
    if (in.recordKind == ledger::RecordKind::Headquarters && session.user.has(Role::Reviewer))
        return;
    if (!session.user.writesUnitRecords())
        reject(Code::Forbidden, ledger::FieldError({}, ErrorCode::NotAWriter), QStringLiteral("entity"));
    if (in.unit != session.user.unit)
        reject(Code::Forbidden, ledger::FieldError(QStringLiteral("credit.unit"), ErrorCode::OtherUnitRecord, {session.user.unit}),
               QStringLiteral("entity"));
}

QString SyncService::unitOfPerson(ledger::Database &db, const QString &personId)
{
    const std::optional<StoredEntity> p = m_store.entity(db, personId);
    return p && p->kind == u"person" ? p->json.value(QStringLiteral("unit")).toString() : QString();
}

void SyncService::checkMayEdit(ledger::Database &db, const Session &session, const StoredEntity &e, const Incoming &in)
{
    if (e.kind != in.kind)
        reject(Code::Invalid, QStringLiteral("record %1 is a %2, not a %3").arg(in.id, e.kind, in.json.value(QStringLiteral("kind")).toString()),
               QStringLiteral("entity.kind"));
    if (e.deleted)
        reject(Code::Deleted, QStringLiteral("this record was deleted"), QStringLiteral("entity.id"));
    if (in.isEnterprise()) {
        // An enterprise is the register's: renamed or moved by the unit that added it or the bureau.
        if (!session.user.has(Role::Reviewer) && unitOfPerson(db, e.author) != session.user.unit)
            reject(Code::Forbidden, ledger::FieldError(QStringLiteral("id"), ledger::ErrorCode::EnterpriseNotEditor), QStringLiteral("entity"));
        return;
    }
    if (!ledger::isEditable(stateOf(e.json)))
        reject(Code::Revoked, QStringLiteral("a record revoked as false cannot be changed"), QStringLiteral("entity.id"));
    const bool ownUnit = e.unit == session.user.unit;
    // A reviewer edits the claims they entered, never a unit's own: editing one and then deciding
    // it would be deciding their own work under someone else's name.
    const bool mayEdit = (e.kind == u"award" && session.user.has(Role::Reviewer))
                         || (e.kind == u"headquarters" && session.user.has(Role::Reviewer) && e.author == session.user.id)
                         || (ownUnit && session.user.writesUnitRecords() && (e.author == session.user.id || session.user.has(Role::UnitContact)));
    if (!mayEdit)
        reject(Code::Forbidden, ledger::FieldError(QStringLiteral("id"), ledger::ErrorCode::ReviewNotEditor), QStringLiteral("entity"));
}

StoredEntity SyncService::asCreated(const Session &session, Incoming &in) const
{
    StoredEntity e;
    e.id = in.id;
    e.kind = in.kind;
    e.unit = in.unit;
    e.author = session.user.id;
    e.json = in.json;
    if (in.recordKind) {
        // Review fields are the server's: a new record starts where the review table says, waiting
        // for the bureau, or recognised on entry (discretionary points) by the reviewer entering it.
        const ledger::ReviewState initial = ledger::initialState(*in.recordKind);
        const bool decided = initial != ledger::ReviewState::Submitted;
        e.json.insert(QStringLiteral("review"), reviewJson(initial, {}, decided ? session.user.id : QString(),
                                                           decided ? m_store.clock().now() : QDateTime()));
        e.json.insert(QStringLiteral("author"), session.user.id);
        const auto author = ledger::PersonId::parse(session.user.id);
        if (!decided && author) {
            // What the JSON now decodes to: the device's record, submitted, by this author.
            ledger::RecordMeta &meta = ledger::metaOf(*in.record);
            meta.review = ledger::Review{};
            meta.author = *author;
            e.decoded = std::move(in.record);
        }
    }
    // e.fieldSeq stays empty: every field is as old as the entity (see StoredEntity).
    e.encoded = encodeStored(e.json);
    e.sha256 = sha256Hex(e.encoded);
    return e;
}

SyncService::Outcome SyncService::create(ledger::Database &db, const Session &session, StoredEntity &e)
{
    e.seq = m_store.nextSeq(db);
    // One project, one credit: a later filing is a claim. Which filing is first is the server's
    // order, so this is decided here, under the write lock, not where the record was prepared; the
    // stored bytes are encoded again only when it marked one (or dropped a claim a device sent).
    const bool hadClaim = e.json.contains(QStringLiteral("claim"));
    DuplicateClaims::markOnArrival(m_store, db, e);
    if (hadClaim || e.json.contains(QStringLiteral("claim"))) {
        e.encoded = encodeStored(e.json);
        e.sha256 = sha256Hex(e.encoded);
    }
    // The JSON is stored once, in the entities table; the entry logging its creation (one for a
    // batch's creations in a row, Store::auditCreated) carries the state it left, whose SHA-256 of
    // those bytes binds the content to the chain (docs/reliability.md).
    m_store.putEntity(db, e);
    m_store.auditCreated(db, Actor{session.user.id, session.deviceId}, e.id, e.kind);
    return Outcome{e.id, e.seq, {}};
}

void SyncService::recordConflict(ledger::Database &db, const Session &session, const StoredEntity &e, const QString &field,
                                 const QJsonValue &serverValue, const QJsonValue &deviceValue)
{
    ledger::CachedStatement c = db.cached(QStringLiteral(
        "INSERT INTO conflicts(entity_id, unit, field, server_value, device_value, device_id, user_id, at) VALUES(?,?,?,?,?,?,?,?)"));
    c->bind(1, e.id).bind(2, e.unit).bind(3, field).bind(4, compact(serverValue)).bind(5, compact(deviceValue)).bind(6, session.deviceId)
        .bind(7, session.user.id).bind(8, m_store.clock().now().toString(Qt::ISODate));
    c->exec();
}

SyncService::Merge SyncService::mergeFields(ledger::Database &db, const Session &session, StoredEntity &e, const ledger::sync::Mutation &m,
                                            qint64 seq)
{
    // Field by field, in server order: a field someone else changed after the version this edit
    // was based on is kept as it is, and the edit is stored as a conflict for a person to settle.
    Merge out{e.json, {}, {}};
    QSet<QString> keys;
    for (auto it = m.entity.begin(); it != m.entity.end(); ++it)
        keys.insert(it.key());
    for (auto it = e.json.begin(); it != e.json.end(); ++it)
        keys.insert(it.key());
    QStringList sortedKeys(keys.begin(), keys.end());
    sortedKeys.sort();
    for (const QString &key : std::as_const(sortedKeys)) {
        // Only the fields this edit changed are merged; the rest of the device's copy may simply
        // be older than the server's and must not overwrite it.
        if (ledger::sync::isServerOwned(key) || (m.changed && !m.changed->contains(key)))
            continue;
        const QJsonValue in = m.entity.value(key), cur = e.json.value(key);
        if (in == cur)
            continue;
        if (qint64(e.fieldSeq.value(key).toInteger()) > m.baseVersion) {
            out.conflicts << key;
            recordConflict(db, session, e, key, cur, in);
            continue;
        }
        out.changes.insert(key, QJsonObject{{QStringLiteral("from"), cur.isUndefined() ? QJsonValue() : cur},
                                            {QStringLiteral("to"), in.isUndefined() ? QJsonValue() : in}});
        if (in.isUndefined())
            out.merged.remove(key);
        else
            out.merged.insert(key, in);
        e.fieldSeq.insert(key, seq);
    }
    return out;
}

void SyncService::settleMerged(StoredEntity &e, const Incoming &in, Merge &m, qint64 seq)
{
    if (in.isEnterprise()) {
        if (auto d = ledger::wire::decodeEnterprise(m.merged); !d)
            reject(Code::Invalid, d.error(), QStringLiteral("entity")); // the merge of this edit with the stored one
        return;
    }
    if (auto d = ledger::wire::decodeRecord(m.merged); !d)
        reject(Code::Invalid, d.error(), QStringLiteral("entity")); // the merge of this edit with the stored one
    // An edited record goes back to the bureau: returned → resubmitted, recognised → re-reviewed.
    const ledger::ReviewState state = stateOf(m.merged);
    const ledger::ReviewState next = ledger::stateAfterEdit(*in.recordKind, state);
    if (next != state) {
        m.merged.insert(QStringLiteral("review"), reviewJson(next, {}, {}, {}));
        e.fieldSeq.insert(QStringLiteral("review"), seq);
        m.changes.insert(QStringLiteral("review"), QJsonObject{{QStringLiteral("from"), ledger::toString(state)}, {QStringLiteral("to"), ledger::toString(next)}});
    }
    e.unit = m.merged.value(QStringLiteral("credit")).toObject().value(QStringLiteral("unit")).toString();
}

SyncService::Outcome SyncService::applyUpsert(ledger::Database &db, const Session &session, const ledger::sync::Mutation &m, Prepared &p)
{
    // Decoding and the checks that need nothing stored ran in prepare(); their refusal is given here,
    // in the batch's order, as it would have been.
    if (p.refused)
        throw Rejection{*p.refused};
    const Incoming &in = *p.incoming;
    checkAttachments(db, p.attachments);
    const std::optional<StoredEntity> existing = m_store.entity(db, in.id);
    if (!existing)
        return create(db, session, p.created);

    StoredEntity e = *existing;
    checkMayEdit(db, session, e, in);
    const qint64 seq = m_store.nextSeq(db);
    Merge merge = mergeFields(db, session, e, m, seq);
    const Actor actor{session.user.id, session.deviceId};
    if (!merge.conflicts.isEmpty())
        m_store.audit(db, actor, QStringLiteral("conflict"), in.id, QJsonObject{{QStringLiteral("fields"), QJsonArray::fromStringList(merge.conflicts)}});
    if (merge.changes.isEmpty())
        return Outcome{in.id, e.seq, merge.conflicts};
    settleMerged(e, in, merge, seq);
    e.json = merge.merged;
    e.seq = seq;
    m_store.putEntity(db, e);
    m_store.audit(db, actor, QStringLiteral("update"), in.id, merge.changes);
    return Outcome{in.id, seq, merge.conflicts};
}

// ---- delete -------------------------------------------------------------------------------------

SyncService::Outcome SyncService::applyDelete(ledger::Database &db, const Session &session, const QString &id, qint64 baseVersion)
{
    std::optional<StoredEntity> existing = m_store.entity(db, id);
    if (!existing || existing->deleted)
        return Outcome{id, existing ? existing->seq : 0, {}};
    StoredEntity e = *existing;
    if (e.kind == u"person")
        reject(Code::Forbidden, QStringLiteral("people are managed by administrators"), QStringLiteral("id"));
    if (!writesAtAll(session.user))
        reject(Code::Forbidden, ledger::FieldError(QStringLiteral("id"), ledger::ErrorCode::NotAWriter), {});
    if (e.kind == u"enterprise") {
        if (!session.user.has(Role::Reviewer) && e.author != session.user.id)
            reject(Code::Forbidden, ledger::FieldError(QStringLiteral("id"), ledger::ErrorCode::EnterpriseNotEditor), {});
    } else {
        if (!ledger::isDeletable(stateOf(e.json)))
            reject(Code::Recognised, QStringLiteral("a recognised record cannot be deleted; ask the bureau to revoke it"), QStringLiteral("id"));
        if (!(e.unit == session.user.unit && session.user.writesUnitRecords() && (e.author == session.user.id || session.user.has(Role::UnitContact))))
            reject(Code::Forbidden, ledger::FieldError(QStringLiteral("id"), ledger::ErrorCode::ReviewNotEditor), {});
    }
    if (e.seq > baseVersion)
        reject(Code::Conflict, QStringLiteral("the record changed since this device last saw it; sync and decide again"), QStringLiteral("id"));
    e.deleted = true;
    e.seq = m_store.nextSeq(db);
    m_store.putEntity(db, e);
    m_store.audit(db, Actor{session.user.id, session.deviceId}, QStringLiteral("delete"), id, QJsonObject{{QStringLiteral("kind"), e.kind}});
    return Outcome{id, e.seq, {}};
}

// ---- push ---------------------------------------------------------------------------------------

QJsonObject SyncService::push(const Session &session, const QJsonObject &body)
{
    // The whole batch is checked before anything is touched.
    if (ledger::sync::exceedsPushLimit(body))
        refuse(Code::TooMany, ledger::FieldError(QStringLiteral("mutations"), ledger::ErrorCode::TooMany,
                                                 {QString::number(body.value(QStringLiteral("mutations")).toArray().size()),
                                                  QString::number(ledger::sync::MaxMutationsPerPush)}));
    const auto request = ledger::sync::decodePushRequest(body);
    if (!request)
        refuse(Code::Invalid, request.error());
    if (request.value().device != session.deviceId)
        refuse(Code::WrongDevice, QStringLiteral("the batch names another device than the one signed in"), QStringLiteral("device"));
    std::vector<Prepared> prepared = prepare(session, request.value());
    return ledger::sync::encode(m_store.write([&](ledger::Database &db) { return applyBatch(db, session, request.value(), prepared); }));
}

SyncService::Prepared SyncService::prepareOne(const Session &session, const ledger::sync::Mutation &m) const
{
    Prepared p;
    if (m.op != ledger::sync::Op::Upsert)
        return p;
    try {
        Incoming in = decodeIncoming(m.entity);
        checkMayWrite(session, in);
        p.attachments = attachmentsOf(in.json);
        p.created = asCreated(session, in);
        p.incoming = std::move(in);
    } catch (const Rejection &rej) {
        p.refused = rej.error;
    }
    return p;
}

std::vector<SyncService::Prepared> SyncService::prepare(const Session &session, const ledger::sync::PushRequest &request) const
{
    // Half of a big batch on a second thread: the write lock is then held only for the numbering,
    // the checks against what is stored and the rows, while decoding and encoding use both cores.
    const qsizetype count = request.mutations.size();
    std::vector<Prepared> out(std::size_t(count), Prepared{});
    const auto run = [&](qsizetype from, qsizetype to) {
        for (qsizetype i = from; i < to; ++i)
            out[std::size_t(i)] = prepareOne(session, request.mutations.at(i));
    };
    constexpr qsizetype Parallel = 64; // below this a thread costs more than it saves
    if (count < Parallel) {
        run(0, count);
        return out;
    }
    std::exception_ptr failed;
    std::thread helper([&] {
        try {
            run(count / 2, count);
        } catch (...) {
            failed = std::current_exception();
        }
    });
    try {
        run(0, count / 2);
    } catch (...) {
        helper.join();
        throw;
    }
    helper.join();
    if (failed)
        std::rethrow_exception(failed);
    return out;
}

ledger::sync::PushResult SyncService::applyBatch(ledger::Database &db, const Session &session, const ledger::sync::PushRequest &request,
                                                 std::vector<Prepared> &prepared)
{
    const QString now = m_store.clock().now().toString(Qt::ISODate);
    ledger::sync::PushResult out;
    ledger::Statement last = db.prepare(QStringLiteral("SELECT last_applied FROM devices WHERE id = ?"));
    last.bind(1, session.deviceId);
    out.lastApplied = last.step() ? last.columnInt64(0) : 0;
    // The numbering is checked before anything is applied: a gap refuses the whole batch, nothing
    // of it is kept, so the number the device is told to send next is the one after what was
    // kept before this batch (for 1, 3, 2 from a new device: 1, not the 2 that followed 1 here).
    qint64 next = out.lastApplied + 1;
    for (qsizetype i = 0; i < request.mutations.size(); ++i) {
        const qint64 n = request.mutations.at(i).n;
        if (n < next)
            continue;
        if (n != next)
            refuse(Code::Gap,
                   QStringLiteral("mutation %1 arrived but %2 was expected; nothing of this batch was applied, send from %3")
                       .arg(n).arg(next).arg(out.lastApplied + 1),
                   QStringLiteral("mutations[%1].n").arg(i), QJsonObject{{QStringLiteral("expected"), out.lastApplied + 1}});
        ++next;
    }
    for (qsizetype i = 0; i < request.mutations.size(); ++i) {
        const ledger::sync::Mutation &m = request.mutations.at(i);
        if (m.n <= out.lastApplied) {
            // Already applied: a retry. Answer what was answered the first time.
            out.results << previousAnswer(db, session, m.n);
            ++out.skipped;
            continue;
        }
        const ledger::sync::MutationResult r = applyOne(db, session, m, prepared[std::size_t(i)]);
        ++(r.status == ledger::sync::Status::Applied ? out.applied : out.rejected);
        // The device's counter advances in the same transaction as the effects: exactly once.
        keepAnswer(db, session, r, now);
        out.lastApplied = m.n;
        out.results << r;
    }
    ledger::Statement upd = db.prepare(QStringLiteral("UPDATE devices SET last_applied = ?, last_seen = ? WHERE id = ?"));
    upd.bind(1, out.lastApplied).bind(2, now).bind(3, session.deviceId);
    upd.exec();
    return out;
}

ledger::sync::MutationResult SyncService::applyOne(ledger::Database &db, const Session &session, const ledger::sync::Mutation &m,
                                                   Prepared &prepared)
{
    try {
        const Outcome o = m.op == ledger::sync::Op::Delete ? applyDelete(db, session, m.id, m.baseVersion) : applyUpsert(db, session, m, prepared);
        return ledger::sync::MutationResult{m.n, ledger::sync::Status::Applied, {}, o.id, o.version, o.conflicts, {}};
    } catch (const Rejection &rej) {
        const QString entityId = m.entityId();
        m_store.audit(db, Actor{session.user.id, session.deviceId}, QStringLiteral("reject"), entityId,
                      QJsonObject{{QStringLiteral("n"), m.n}, {QStringLiteral("error"), ledger::sync::encode(rej.error)}});
        return ledger::sync::MutationResult{m.n, ledger::sync::Status::Rejected, {}, entityId, {}, {}, rej.error};
    }
}

ledger::sync::MutationResult SyncService::previousAnswer(ledger::Database &db, const Session &session, qint64 n)
{
    ledger::CachedStatement prev = db.cached(QStringLiteral("SELECT result FROM mutations WHERE device_id = ? AND n = ?"));
    prev->bind(1, session.deviceId).bind(2, n);
    if (prev->step()) {
        if (auto first = ledger::sync::decodeMutationResult(QJsonDocument::fromJson(prev->columnText(0).toUtf8()).object()))
            return ledger::sync::asSkipped(std::move(first).value());
    }
    // No answer kept (a device counter set by hand): say it was skipped, without an original.
    return ledger::sync::MutationResult{n, ledger::sync::Status::Skipped, {}, {}, {}, {}, {}};
}

void SyncService::keepAnswer(ledger::Database &db, const Session &session, const ledger::sync::MutationResult &r, const QString &at)
{
    ledger::CachedStatement rec = db.cached(QStringLiteral("INSERT INTO mutations(device_id, n, status, entity_id, result, at) VALUES(?,?,?,?,?,?)"));
    QByteArray answer;
    if (r.status == ledger::sync::Status::Applied && !r.original && r.version && r.conflicts.isEmpty() && !r.error && !r.id.isEmpty()) {
        // The usual answer, written directly: the bytes QJsonDocument writes for encode(r).
        answer = "{\"id\":";
        appendJsonString(answer, r.id);
        answer += ",\"n\":" + QByteArray::number(r.n) + ",\"status\":\"applied\",\"version\":" + QByteArray::number(*r.version) + '}';
    } else {
        answer = QJsonDocument(ledger::sync::encode(r)).toJson(QJsonDocument::Compact);
    }
    rec->bind(1, session.deviceId).bind(2, r.n).bind(3, ledger::sync::toString(r.status)).bind(4, r.id).bindUtf8(5, answer).bind(6, at);
    rec->exec();
}

// ---- pull ---------------------------------------------------------------------------------------

QByteArray SyncService::pull(const Session &session, qint64 cursor, int limit)
{
    limit = std::clamp(limit, 1, ledger::sync::MaxPullPage);
    return m_store.read([&](ledger::Database &db) {
        const bool all = session.user.readsEveryUnit();
        ledger::CachedStatement s = db.cached(all ? QStringLiteral("SELECT id, kind, json, seq, deleted FROM entities WHERE seq > ? ORDER BY seq LIMIT ?")
                                                  : QStringLiteral("SELECT id, kind, json, seq, deleted FROM entities WHERE seq > ? "
                                                                   "AND (unit = ? OR unit = '') ORDER BY seq LIMIT ?"));
        int i = 1;
        s->bind(i++, cursor);
        if (!all)
            s->bind(i++, session.user.unit);
        s->bind(i, limit + 1);
        // The page is written out directly: each entity's JSON exactly as stored (it was encoded
        // when it was written), never parsed and encoded again.
        ledger::sync::PullPageWriter page(cursor);
        bool more = false;
        while (s->step()) {
            if (page.count() == limit) {
                more = true;
                break;
            }
            if (s->columnInt64(4) != 0)
                page.addTombstone(s->columnInt64(3), s->columnText(0), s->columnText(1));
            else
                page.addEntity(s->columnInt64(3), s->columnBlob(2));
        }
        return page.finish(more);
    });
}

// ---- review -------------------------------------------------------------------------------------

void SyncService::checkEvidence(ledger::ReviewAction action, const QJsonObject &json) const
{
    // Evidence is checked against the ledger as it stands (a milestone needs its project).
    const auto missing = m_store.withLedger([&](const ledger::Ledger &l) {
        const auto decoded = ledger::wire::decodeRecord(json);
        return decoded ? ledger::missingForMove(action, decoded.value(), l, m_scheme) : QList<ledger::FieldError>{decoded.error()};
    });
    if (missing.isEmpty())
        return;
    // The first item is the detail; the message and "missing" list them all.
    ledger::sync::Error error = ledger::sync::makeError(Code::EvidenceMissing, missing.first());
    QStringList why;
    QJsonArray all;
    for (const auto &m : missing) {
        why << m.message;
        all.append(ledger::toJson(m));
    }
    error.message = why.join(QStringLiteral("；"));
    error.extra.insert(QStringLiteral("missing"), all);
    refuse(error);
}

QJsonObject SyncService::review(const Session &session, const QString &recordId, const QString &actionName, const QString &reason,
                                const std::optional<QDate> &meetingDate)
{
    // Ids have one spelling (ledger::Id::parse): another would find nothing, and say so wrongly.
    if (!ledger::RecordId::parse(recordId))
        refuse(Code::Invalid, ledger::FieldError(QStringLiteral("id"), ledger::ErrorCode::NotAnId));
    if (!ledger::mayDecide(session.user.roles))
        refuse(Code::Forbidden, ledger::FieldError(QStringLiteral("action"), ledger::ErrorCode::ReviewNotReviewer));
    const auto action = ledger::reviewActionFromString(actionName);
    if (!action || !ledger::reviewMove(*action).byReviewer)
        refuse(Code::Invalid, QStringLiteral("expected \"recognise\", \"return\" or \"revoke\""), QStringLiteral("action"));
    if (auto refused = ledger::refuseByRole(*action, session.user.roles))
        refuse(Code::Forbidden, *refused);
    if (auto refused = ledger::refuseByReason(*action, reason))
        refuse(Code::Invalid, *refused);
    if (reason.size() > ledger::wire::MaxTextLength)
        refuse(Code::Invalid, QStringLiteral("is %1 characters; at most %2").arg(reason.size()).arg(ledger::wire::MaxTextLength), QStringLiteral("reason"));
    if (auto refused = ledger::refuseByMeetingDate(*action, meetingDate, m_store.clock().now().toLocalTime().date()))
        refuse(Code::Invalid, *refused);
    return m_store.write([&](ledger::Database &db) {
        std::optional<StoredEntity> found = m_store.entity(db, recordId);
        if (!found || found->deleted || !isRecordKind(found->kind))
            refuse(Code::NotFound, ledger::FieldError(QStringLiteral("id"), ledger::ErrorCode::NoSuchRecord));
        StoredEntity e = *found;
        if (auto refused = ledger::refuseByInterest(*action, ledger::PersonId::parse(session.user.id).value_or(ledger::PersonId()), stakeOf(e)))
            refuse(Code::Forbidden, *refused);
        if (auto refused = ledger::refuseByState(*action, stateOf(e.json)))
            refuse(Code::WrongState, *refused);
        if (auto refused = ledger::refuseByKind(*action, *ledger::enumFromString<ledger::RecordKind>(e.kind)))
            refuse(Code::Invalid, *refused);
        checkEvidence(*action, e.json);
        const qint64 seq = m_store.nextSeq(db);
        const QJsonObject before = e.json.value(QStringLiteral("review")).toObject();
        e.json.insert(QStringLiteral("review"),
                      reviewJson(ledger::reviewMove(*action).to, reason.trimmed(), session.user.id, m_store.clock().now(), meetingDate));
        e.fieldSeq.insert(QStringLiteral("review"), seq);
        e.seq = seq;
        m_store.putEntity(db, e);
        m_store.audit(db, Actor{session.user.id, session.deviceId}, QStringLiteral("review.") + actionName, recordId,
                      QJsonObject{{QStringLiteral("from"), before}, {QStringLiteral("to"), e.json.value(QStringLiteral("review"))}});
        return QJsonObject{{QStringLiteral("id"), recordId}, {QStringLiteral("version"), seq}, {QStringLiteral("review"), e.json.value(QStringLiteral("review"))}};
    });
}

QJsonObject SyncService::explain(const Session &session, const QString &recordId)
{
    if (!ledger::RecordId::parse(recordId))
        refuse(Code::Invalid, ledger::FieldError(QStringLiteral("id"), ledger::ErrorCode::NotAnId));
    const std::optional<StoredEntity> e = m_store.read([&](ledger::Database &db) { return m_store.entity(db, recordId); });
    if (!e || e->deleted || !canRead(session, *e))
        refuse(Code::NotFound, ledger::FieldError(QStringLiteral("id"), ledger::ErrorCode::NoSuchRecord));
    QJsonObject out{{QStringLiteral("entity"), e->json}, {QStringLiteral("version"), e->seq}};
    if (!isRecordKind(e->kind))
        return out;
    const auto decoded = ledger::wire::decodeRecord(e->json);
    if (!decoded)
        return out;
    m_store.withLedger([&](const ledger::Ledger &l) {
        QJsonArray why, missing, flags;
        // Coded (ledger::toJson: code, message in Chinese, field, args), for the app to word them.
        for (const auto &f : ledger::whyNotCounting(decoded.value(), l, m_scheme))
            why.append(ledger::toJson(f));
        for (const auto &f : ledger::missingEvidence(decoded.value(), l, m_scheme))
            missing.append(ledger::toJson(f));
        if (const auto *v = std::get_if<ledger::Visit>(&decoded.value()); v && v->checkIn) {
            for (auto f : v->checkIn->flags) {
                QJsonObject flag = ledger::toJson(ledger::flagNote(f, m_scheme.checkIn));
                flag.insert(QStringLiteral("flag"), ledger::toString(f));
                flags.append(flag);
            }
        }
        out.insert(QStringLiteral("whyNotCounting"), why);
        out.insert(QStringLiteral("missingEvidence"), missing);
        out.insert(QStringLiteral("checkInFlags"), flags);
        if (const auto *p = l.person(ledger::metaOf(decoded.value()).author))
            out.insert(QStringLiteral("authorName"), p->name);
        const QJsonObject claims = DuplicateClaims::describe(l, decoded.value(), m_scheme);
        for (auto it = claims.begin(); it != claims.end(); ++it)
            out.insert(it.key(), it.value());
        return 0;
    });
    return out;
}

QJsonArray SyncService::inbox(const Session &session, const QString &state, const QString &unit, int limit)
{
    if (!session.user.readsEveryUnit() && !session.user.has(Role::UnitContact))
        refuse(Code::Forbidden, ledger::FieldError({}, ledger::ErrorCode::RoleRequired,
                                                    {QStringLiteral("reviewer, supervisor, leader, admin, unit_contact")}));
    const auto wanted = ledger::enumFromString<ledger::ReviewState>(state.isEmpty() ? QStringLiteral("submitted") : state);
    if (!wanted)
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("unknown state \"%1\"").arg(state), QStringLiteral("state")};
    const QString scope = session.user.readsEveryUnit() ? unit : session.user.unit;
    const QList<StoredEntity> found = m_store.read([&](ledger::Database &db) {
        QList<StoredEntity> out;
        ledger::Statement s = db.prepare(QStringLiteral(
            "SELECT id, kind, unit, author, json, seq, deleted FROM entities WHERE deleted = 0 AND kind NOT IN ('enterprise', 'person') "
            "AND (? = '' OR unit = ?) AND json_extract(json, '$.review.state') = ? ORDER BY seq LIMIT ?"));
        s.bind(1, scope).bind(2, scope).bind(3, ledger::toString(*wanted)).bind(4, std::clamp(limit, 1, 1000));
        while (s.step())
            out << readEntity(s);
        return out;
    });
    QJsonArray out;
    for (const auto &e : found)
        out.append(explain(session, e.id));
    return out;
}

QJsonArray SyncService::decisions(const QString &unit, qint64 after, int limit)
{
    return m_store.read([&](ledger::Database &db) {
        ledger::Statement s = db.prepare(QStringLiteral(
            "SELECT a.id, a.at, a.user_id, json_extract(p.json, '$.name'), a.action, a.entity_id, e.kind, e.unit, a.detail "
            "FROM audit a JOIN entities e ON e.id = a.entity_id LEFT JOIN entities p ON p.id = a.user_id AND p.kind = 'person' "
            "WHERE a.action IN ('review.recognise', 'review.return', 'review.revoke') AND (?1 = '' OR e.unit = ?1) AND a.id > ?2 "
            "ORDER BY a.id LIMIT ?3"));
        s.bind(1, unit).bind(2, after).bind(3, std::clamp(limit, 1, 5000));
        QJsonArray out;
        while (s.step()) {
            const QJsonObject detail = QJsonDocument::fromJson(s.columnText(8).toUtf8()).object();
            const QJsonObject to = detail.value(QStringLiteral("to")).toObject();
            QJsonObject d{{QStringLiteral("audit"), qint64(s.columnInt64(0))}, {QStringLiteral("at"), s.columnText(1)},
                          {QStringLiteral("reviewer"), s.columnText(2)}, {QStringLiteral("reviewerName"), s.columnText(3)},
                          {QStringLiteral("action"), s.columnText(4).mid(int(qstrlen("review.")))}, {QStringLiteral("record"), s.columnText(5)},
                          {QStringLiteral("kind"), s.columnText(6)}, {QStringLiteral("unit"), s.columnText(7)},
                          {QStringLiteral("from"), detail.value(QStringLiteral("from")).toObject().value(QStringLiteral("state"))},
                          {QStringLiteral("to"), to.value(QStringLiteral("state"))}};
            if (to.contains(QStringLiteral("reason")))
                d.insert(QStringLiteral("reason"), to.value(QStringLiteral("reason")));
            out.append(d);
        }
        return out;
    });
}

QJsonArray SyncService::conflicts(const Session &session, bool openOnly)
{
    return m_store.read([&](ledger::Database &db) {
        const bool all = session.user.has(Role::Reviewer);
        const bool contact = session.user.has(Role::UnitContact);
        ledger::Statement s = db.prepare(QStringLiteral(
            "SELECT id, entity_id, unit, field, server_value, device_value, device_id, user_id, at, resolved_by, resolved_at, resolution "
            "FROM conflicts WHERE (? = 0 OR resolved_at IS NULL) AND (? = 1 OR (? = 1 AND unit = ?) OR user_id = ?) ORDER BY id"));
        s.bind(1, openOnly).bind(2, all).bind(3, contact).bind(4, session.user.unit).bind(5, session.user.id);
        QJsonArray out;
        while (s.step()) {
            QJsonObject c{{QStringLiteral("id"), qint64(s.columnInt64(0))}, {QStringLiteral("entity"), s.columnText(1)},
                          {QStringLiteral("unit"), s.columnText(2)}, {QStringLiteral("field"), s.columnText(3)},
                          {QStringLiteral("serverValue"), parseValue(s.columnText(4))}, {QStringLiteral("deviceValue"), parseValue(s.columnText(5))},
                          {QStringLiteral("device"), s.columnText(6)}, {QStringLiteral("user"), s.columnText(7)}, {QStringLiteral("at"), s.columnText(8)}};
            if (!s.columnIsNull(10)) {
                c.insert(QStringLiteral("resolvedBy"), s.columnText(9));
                c.insert(QStringLiteral("resolvedAt"), s.columnText(10));
                c.insert(QStringLiteral("resolution"), s.columnText(11));
            }
            out.append(c);
        }
        return out;
    });
}

QJsonObject SyncService::resolveConflict(const Session &session, qint64 conflictId, const QString &keep)
{
    if (keep != u"server" && keep != u"device")
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected \"server\" or \"device\""), QStringLiteral("keep")};
    return m_store.write([&](ledger::Database &db) {
        ledger::Statement s = db.prepare(QStringLiteral(
            "SELECT entity_id, unit, field, device_value, user_id, resolved_at FROM conflicts WHERE id = ?"));
        s.bind(1, conflictId);
        if (!s.step())
            throw HttpError{404, QStringLiteral("not_found"), QStringLiteral("no such conflict"), QStringLiteral("id")};
        const QString entityId = s.columnText(0), unit = s.columnText(1), field = s.columnText(2);
        const QJsonValue deviceValue = parseValue(s.columnText(3));
        const bool mayResolve = session.user.has(Role::Reviewer) || s.columnText(4) == session.user.id
                                || (session.user.has(Role::UnitContact) && unit == session.user.unit);
        if (!mayResolve)
            refuse(Code::Forbidden, ledger::FieldError(QStringLiteral("id"), ledger::ErrorCode::NotAllowed));
        if (!s.columnIsNull(5))
            throw HttpError{409, QStringLiteral("resolved"), QStringLiteral("this conflict was already settled"), {}};
        qint64 version = 0;
        if (keep == u"device") {
            std::optional<StoredEntity> e = m_store.entity(db, entityId);
            if (!e || e->deleted)
                throw HttpError{409, QStringLiteral("deleted"), QStringLiteral("the record was deleted meanwhile"), {}};
            const ledger::ReviewState state = stateOf(e->json);
            const auto recordKind = ledger::enumFromString<ledger::RecordKind>(e->kind);
            if (recordKind && !ledger::isEditable(state))
                refuse(Code::Revoked, QStringLiteral("a record revoked as false cannot be changed"));
            QJsonObject merged = e->json;
            if (deviceValue.isUndefined())
                merged.remove(field);
            else
                merged.insert(field, deviceValue);
            const qint64 seq = m_store.nextSeq(db);
            if (recordKind && ledger::stateAfterEdit(*recordKind, state) != state) {
                merged.insert(QStringLiteral("review"), reviewJson(ledger::stateAfterEdit(*recordKind, state), {}, {}, {}));
                e->fieldSeq.insert(QStringLiteral("review"), seq);
            }
            const bool valid = e->kind == u"enterprise" ? bool(ledger::wire::decodeEnterprise(merged)) : bool(ledger::wire::decodeRecord(merged));
            if (!valid)
                throw HttpError{422, QStringLiteral("invalid"), QStringLiteral("keeping the device's value would make the record invalid"), field};
            e->json = merged;
            e->fieldSeq.insert(field, seq);
            e->seq = seq;
            version = seq;
            m_store.putEntity(db, *e);
        }
        ledger::Statement done = db.prepare(QStringLiteral("UPDATE conflicts SET resolved_by = ?, resolved_at = ?, resolution = ? WHERE id = ?"));
        done.bind(1, session.user.id).bind(2, m_store.clock().now().toString(Qt::ISODate)).bind(3, keep).bind(4, conflictId);
        done.exec();
        m_store.audit(db, Actor{session.user.id, session.deviceId}, QStringLiteral("conflict.resolve"), entityId,
                      QJsonObject{{QStringLiteral("conflict"), conflictId}, {QStringLiteral("field"), field}, {QStringLiteral("keep"), keep}});
        return QJsonObject{{QStringLiteral("id"), conflictId}, {QStringLiteral("kept"), keep}, {QStringLiteral("version"), version}};
    });
}

QJsonArray SyncService::rejected(const Session &session)
{
    return m_store.read([&](ledger::Database &db) {
        ledger::Statement s = db.prepare(QStringLiteral("SELECT result FROM mutations WHERE device_id = ? AND status = 'rejected' ORDER BY n"));
        s.bind(1, session.deviceId);
        QJsonArray out;
        while (s.step())
            out.append(QJsonDocument::fromJson(s.columnText(0).toUtf8()).object());
        return out;
    });
}

} // namespace syncserver
