// Push, pull, review and conflicts. Every rule about what a record is or whether it counts comes
// from shared/ (wire, recognition, checkin); this file decides who may change what, and when.
#include "sync.h"

#include "http.h"
#include "ledger/checkin.h"
#include "ledger/recognition.h"
#include "ledger/wire.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace syncserver {

using ledger::Role;

namespace {

// Fields the server owns: a device can neither set nor change them.
bool isServerField(const QString &key)
{
    return key == u"v" || key == u"kind" || key == u"id" || key == u"review" || key == u"author";
}

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

QJsonObject errorJson(const QString &code, const QString &message, const QString &field = {})
{
    QJsonObject e{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    e.insert(QStringLiteral("field"), field.isEmpty() ? QJsonValue() : QJsonValue(field));
    return e;
}

// A validation failure of one mutation: recorded as rejected, never blocking the queue.
struct Rejection
{
    QJsonObject error;
};

[[noreturn]] void reject(const QString &code, const QString &message, const QString &field = {})
{
    throw Rejection{errorJson(code, message, field)};
}

QJsonObject reviewJson(ledger::ReviewState state, const QString &reason, const QString &reviewer, const QDateTime &at)
{
    QJsonObject r{{QStringLiteral("state"), ledger::toString(state)}};
    if (!reason.isEmpty())
        r.insert(QStringLiteral("reason"), reason);
    if (!reviewer.isEmpty())
        r.insert(QStringLiteral("reviewer"), reviewer);
    if (at.isValid())
        r.insert(QStringLiteral("at"), ledger::wire::encodeInstant(at));
    return r;
}

ledger::ReviewState stateOf(const QJsonObject &json)
{
    return ledger::enumFromString<ledger::ReviewState>(json.value(QStringLiteral("review")).toObject().value(QStringLiteral("state")).toString())
        .value_or(ledger::ReviewState::Submitted);
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
    QString status = QStringLiteral("applied");
    QString id;
    qint64 version = 0;
    QStringList conflicts;
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

void SyncService::checkAttachments(ledger::Database &db, const QJsonObject &entity) const
{
    // Any top-level list of objects carrying a sha256 is a list of attachments.
    for (auto it = entity.begin(); it != entity.end(); ++it) {
        if (!it->isArray())
            continue;
        const QJsonArray list = it->toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString sha = list.at(i).toObject().value(QStringLiteral("sha256")).toString();
            if (sha.isEmpty())
                continue;
            ledger::CachedStatement s = db.cached(QStringLiteral("SELECT complete FROM attachments WHERE sha256 = ?"));
            s->bind(1, sha);
            if (!s->step() || s->columnInt64(0) == 0)
                reject(QStringLiteral("attachment_missing"),
                       QStringLiteral("attachment \"%1\" has not arrived; upload it before syncing the record")
                           .arg(list.at(i).toObject().value(QStringLiteral("name")).toString()),
                       QStringLiteral("%1[%2].sha256").arg(it.key()).arg(i));
        }
    }
}

SyncService::Outcome SyncService::applyUpsert(ledger::Database &db, const Session &session, const QJsonObject &incoming, qint64 baseVersion,
                                              const std::optional<QSet<QString>> &changed)
{
    const QString kind = incoming.value(QStringLiteral("kind")).toString();
    // Records carry a "kind"; people carry "roles"; anything else without a kind is an enterprise.
    const bool isEnterprise = kind.isEmpty() && !incoming.contains(QStringLiteral("roles"));
    if (incoming.contains(QStringLiteral("roles")) && kind.isEmpty())
        reject(QStringLiteral("forbidden"), QStringLiteral("people are managed by administrators, not synced from devices"), QStringLiteral("entity"));

    // Decode first: malformed input is rejected with the field named, before anything else.
    QString unit;
    std::shared_ptr<ledger::Record> record; // the decoded record, for the mirror
    if (isEnterprise) {
        const auto decoded = ledger::wire::decodeEnterprise(incoming);
        if (!decoded)
            reject(QStringLiteral("invalid"), decoded.error().message, QStringLiteral("entity.") + decoded.error().field);
    } else {
        const auto decoded = ledger::wire::decodeRecord(incoming);
        if (!decoded)
            reject(QStringLiteral("invalid"), decoded.error().message, QStringLiteral("entity.") + decoded.error().field);
        record = std::make_shared<ledger::Record>(decoded.value());
        unit = ledger::metaOf(*record).credit.unit.code();
        if (!m_scheme.unit(ledger::UnitCode(unit)))
            reject(QStringLiteral("invalid"), QStringLiteral("unit \"%1\" is not in the scheme").arg(unit), QStringLiteral("entity.credit.unit"));
        const bool award = kind == u"award";
        if (award && !session.user.has(Role::Reviewer))
            reject(QStringLiteral("forbidden"), QStringLiteral("discretionary points are entered by the bureau's reviewers"), QStringLiteral("entity.kind"));
        if (!award && unit != session.user.unit)
            reject(QStringLiteral("forbidden"), QStringLiteral("you may only write records of your own unit (%1)").arg(session.user.unit),
                   QStringLiteral("entity.credit.unit"));
    }
    checkAttachments(db, incoming);

    const QString id = incoming.value(QStringLiteral("id")).toString();
    const std::optional<StoredEntity> existing = m_store.entity(db, id);
    const qint64 seq = m_store.nextSeq(db);
    const Actor actor{session.user.id, session.deviceId};
    const QDateTime now = m_store.clock().now();

    if (!existing) {
        StoredEntity e;
        e.id = id;
        e.kind = isEnterprise ? QStringLiteral("enterprise") : kind;
        e.unit = unit;
        e.author = session.user.id;
        e.json = incoming;
        e.seq = seq;
        if (!isEnterprise) {
            // Review fields are the server's: a new record waits for the bureau, except
            // discretionary points, which a reviewer enters on the leading group's decision.
            const bool award = kind == u"award";
            e.json.insert(QStringLiteral("review"), award ? reviewJson(ledger::ReviewState::Recognised, {}, session.user.id, now)
                                                          : reviewJson(ledger::ReviewState::Submitted, {}, {}, {}));
            e.json.insert(QStringLiteral("author"), session.user.id);
            const auto author = ledger::PersonId::parse(session.user.id);
            if (!award && author) {
                // What the JSON now decodes to: the device's record, submitted, by this author.
                ledger::RecordMeta &meta = ledger::metaOf(*record);
                meta.review = ledger::Review{};
                meta.author = *author;
                e.decoded = std::move(record);
            }
        }
        // e.fieldSeq stays empty: every field is as old as the entity (see StoredEntity).
        // The audit detail holds the entity as stored, spliced in rather than encoded again:
        // {"entity":…,"kind":"…"}, the keys in the order QJsonDocument writes them.
        const QByteArray stored = m_store.putEntity(db, e);
        const QByteArray kindJson = QJsonDocument(QJsonObject{{QStringLiteral("kind"), e.kind}}).toJson(QJsonDocument::Compact);
        m_store.auditEncoded(db, actor, QStringLiteral("create"), id, "{\"entity\":" + stored + ',' + kindJson.mid(1));
        return Outcome{QStringLiteral("applied"), id, seq, {}};
    }

    StoredEntity e = *existing;
    if (e.kind != (isEnterprise ? QStringLiteral("enterprise") : kind))
        reject(QStringLiteral("invalid"), QStringLiteral("record %1 is a %2, not a %3").arg(id, e.kind, kind), QStringLiteral("entity.kind"));
    if (e.deleted)
        reject(QStringLiteral("deleted"), QStringLiteral("this record was deleted"), QStringLiteral("entity.id"));
    if (!isEnterprise) {
        const ledger::ReviewState state = stateOf(e.json);
        if (state == ledger::ReviewState::Revoked)
            reject(QStringLiteral("revoked"), QStringLiteral("a record revoked as false cannot be changed"), QStringLiteral("entity.id"));
        const bool ownUnit = e.unit == session.user.unit;
        const bool mayEdit = (e.kind == u"award" && session.user.has(Role::Reviewer))
                             || (ownUnit && (e.author == session.user.id || session.user.has(Role::UnitContact)));
        if (!mayEdit)
            reject(QStringLiteral("forbidden"), QStringLiteral("only its author or the unit's contact may change this record"), QStringLiteral("entity.id"));
    }

    // Field by field, in server order: a field someone else changed after the version this edit
    // was based on is kept as it is, and the edit is stored as a conflict for a person to settle.
    QJsonObject merged = e.json;
    QJsonObject changes;
    QStringList conflicted;
    QSet<QString> keys;
    for (auto it = incoming.begin(); it != incoming.end(); ++it)
        keys.insert(it.key());
    for (auto it = e.json.begin(); it != e.json.end(); ++it)
        keys.insert(it.key());
    QStringList sortedKeys(keys.begin(), keys.end());
    sortedKeys.sort();
    for (const QString &key : std::as_const(sortedKeys)) {
        // Only the fields this edit changed are merged; the rest of the device's copy may simply
        // be older than the server's and must not overwrite it.
        if (isServerField(key) || (changed && !changed->contains(key)))
            continue;
        const QJsonValue in = incoming.value(key), cur = e.json.value(key);
        if (in == cur)
            continue;
        if (qint64(e.fieldSeq.value(key).toInteger()) > baseVersion) {
            conflicted << key;
            ledger::CachedStatement c = db.cached(QStringLiteral(
                "INSERT INTO conflicts(entity_id, unit, field, server_value, device_value, device_id, user_id, at) VALUES(?,?,?,?,?,?,?,?)"));
            c->bind(1, id).bind(2, e.unit).bind(3, key).bind(4, compact(cur)).bind(5, compact(in)).bind(6, session.deviceId)
                .bind(7, session.user.id).bind(8, now.toString(Qt::ISODate));
            c->exec();
            continue;
        }
        changes.insert(key, QJsonObject{{QStringLiteral("from"), cur.isUndefined() ? QJsonValue() : cur}, {QStringLiteral("to"), in.isUndefined() ? QJsonValue() : in}});
        if (in.isUndefined())
            merged.remove(key);
        else
            merged.insert(key, in);
        e.fieldSeq.insert(key, seq);
    }
    if (!conflicted.isEmpty())
        m_store.audit(db, actor, QStringLiteral("conflict"), id, QJsonObject{{QStringLiteral("fields"), QJsonArray::fromStringList(conflicted)}});
    if (changes.isEmpty())
        return Outcome{QStringLiteral("applied"), id, e.seq, conflicted};

    if (isEnterprise) {
        if (auto d = ledger::wire::decodeEnterprise(merged); !d)
            reject(QStringLiteral("invalid"), QStringLiteral("the merged enterprise is not valid: ") + d.error().toString(), QStringLiteral("entity.") + d.error().field);
    } else {
        if (auto d = ledger::wire::decodeRecord(merged); !d)
            reject(QStringLiteral("invalid"), QStringLiteral("the merged record is not valid: ") + d.error().toString(), QStringLiteral("entity.") + d.error().field);
        // An edited record goes back to the bureau: returned → resubmitted, recognised → re-reviewed.
        const ledger::ReviewState state = stateOf(merged);
        if (e.kind != u"award" && state != ledger::ReviewState::Submitted) {
            merged.insert(QStringLiteral("review"), reviewJson(ledger::ReviewState::Submitted, {}, {}, {}));
            e.fieldSeq.insert(QStringLiteral("review"), seq);
            changes.insert(QStringLiteral("review"), QJsonObject{{QStringLiteral("from"), ledger::toString(state)}, {QStringLiteral("to"), QStringLiteral("submitted")}});
        }
        e.unit = merged.value(QStringLiteral("credit")).toObject().value(QStringLiteral("unit")).toString();
    }
    e.json = merged;
    e.seq = seq;
    m_store.putEntity(db, e);
    m_store.audit(db, actor, QStringLiteral("update"), id, changes);
    return Outcome{QStringLiteral("applied"), id, seq, conflicted};
}

SyncService::Outcome SyncService::applyDelete(ledger::Database &db, const Session &session, const QString &id, qint64 baseVersion)
{
    std::optional<StoredEntity> existing = m_store.entity(db, id);
    if (!existing || existing->deleted)
        return Outcome{QStringLiteral("applied"), id, existing ? existing->seq : 0, {}};
    StoredEntity e = *existing;
    if (e.kind == u"person")
        reject(QStringLiteral("forbidden"), QStringLiteral("people are managed by administrators"), QStringLiteral("id"));
    if (e.kind == u"enterprise") {
        if (!session.user.has(Role::Reviewer) && e.author != session.user.id)
            reject(QStringLiteral("forbidden"), QStringLiteral("only the bureau or the person who added it may delete an enterprise"), QStringLiteral("id"));
    } else {
        const ledger::ReviewState state = stateOf(e.json);
        if (state == ledger::ReviewState::Recognised || state == ledger::ReviewState::Revoked)
            reject(QStringLiteral("recognised"), QStringLiteral("a recognised record cannot be deleted; ask the bureau to revoke it"), QStringLiteral("id"));
        if (!(e.unit == session.user.unit && (e.author == session.user.id || session.user.has(Role::UnitContact))))
            reject(QStringLiteral("forbidden"), QStringLiteral("only its author or the unit's contact may delete this record"), QStringLiteral("id"));
    }
    if (e.seq > baseVersion)
        reject(QStringLiteral("conflict"), QStringLiteral("the record changed since this device last saw it; sync and decide again"), QStringLiteral("id"));
    e.deleted = true;
    e.seq = m_store.nextSeq(db);
    m_store.putEntity(db, e);
    m_store.audit(db, Actor{session.user.id, session.deviceId}, QStringLiteral("delete"), id, QJsonObject{{QStringLiteral("kind"), e.kind}});
    return Outcome{QStringLiteral("applied"), id, e.seq, {}};
}

QJsonObject SyncService::push(const Session &session, const QJsonObject &body)
{
    const QString device = body.value(QStringLiteral("device")).toString();
    if (device != session.deviceId)
        throw HttpError{403, QStringLiteral("wrong_device"), QStringLiteral("the batch names another device than the one signed in"), QStringLiteral("device")};
    const QJsonValue mv = body.value(QStringLiteral("mutations"));
    if (!mv.isArray())
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected an array of mutations"), QStringLiteral("mutations")};
    const QJsonArray mutations = mv.toArray();
    if (mutations.size() > MaxMutationsPerPush)
        throw HttpError{413, QStringLiteral("too_many"), QStringLiteral("at most %1 mutations in one push").arg(MaxMutationsPerPush), QStringLiteral("mutations")};
    // Check the shape of every mutation before touching anything.
    for (qsizetype i = 0; i < mutations.size(); ++i) {
        const QJsonObject m = mutations.at(i).toObject();
        const QString path = QStringLiteral("mutations[%1]").arg(i);
        const QJsonValue n = m.value(QStringLiteral("n"));
        if (!n.isDouble() || n.toDouble() < 1 || n.toDouble() != double(n.toInteger()))
            throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected the mutation's number, a whole number from 1"), path + QStringLiteral(".n")};
        const QString op = m.value(QStringLiteral("op")).toString();
        if (op != u"upsert" && op != u"delete")
            throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected \"upsert\" or \"delete\""), path + QStringLiteral(".op")};
        if (op == u"upsert" && !m.value(QStringLiteral("entity")).isObject())
            throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("an upsert needs the entity object"), path + QStringLiteral(".entity")};
        if (op == u"delete" && !ledger::RecordId::parse(m.value(QStringLiteral("id")).toString()))
            throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("a delete needs the entity's id"), path + QStringLiteral(".id")};
        const QJsonValue changedFields = m.value(QStringLiteral("changed"));
        if (!changedFields.isUndefined() && !changedFields.isArray())
            throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected the list of fields the edit changed"), path + QStringLiteral(".changed")};
        const QJsonValue base = m.value(QStringLiteral("baseVersion"));
        if (!base.isUndefined() && (!base.isDouble() || base.toDouble() < 0))
            throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected the version the edit was based on (0 for a new record)"), path + QStringLiteral(".baseVersion")};
    }

    return m_store.write([&](ledger::Database &db) {
        const QString now = m_store.clock().now().toString(Qt::ISODate);
        ledger::Statement last = db.prepare(QStringLiteral("SELECT last_applied FROM devices WHERE id = ?"));
        last.bind(1, session.deviceId);
        qint64 lastApplied = last.step() ? last.columnInt64(0) : 0;
        QJsonArray results;
        int applied = 0, skipped = 0, rejected = 0;
        for (const QJsonValue &mvalue : mutations) {
            const QJsonObject m = mvalue.toObject();
            const qint64 n = m.value(QStringLiteral("n")).toInteger();
            if (n <= lastApplied) {
                // Already applied: a retry. Answer what was answered the first time.
                ledger::CachedStatement prev = db.cached(QStringLiteral("SELECT result FROM mutations WHERE device_id = ? AND n = ?"));
                prev->bind(1, session.deviceId).bind(2, n);
                QJsonObject r = prev->step() ? QJsonDocument::fromJson(prev->columnText(0).toUtf8()).object() : QJsonObject{{QStringLiteral("n"), n}};
                r.insert(QStringLiteral("original"), r.value(QStringLiteral("status")));
                r.insert(QStringLiteral("status"), QStringLiteral("skipped"));
                results.append(r);
                ++skipped;
                continue;
            }
            if (n != lastApplied + 1) {
                throw HttpError{409, QStringLiteral("gap"),
                                QStringLiteral("mutation %1 arrived but %2 was expected next; send from %2").arg(n).arg(lastApplied + 1),
                                QStringLiteral("mutations"), QJsonObject{{QStringLiteral("expected"), lastApplied + 1}}};
            }
            QJsonObject r{{QStringLiteral("n"), n}};
            QString entityId;
            try {
                const qint64 base = m.value(QStringLiteral("baseVersion")).toInteger();
                std::optional<QSet<QString>> changed;
                if (m.value(QStringLiteral("changed")).isArray()) {
                    changed.emplace();
                    for (const QJsonValue &f : m.value(QStringLiteral("changed")).toArray())
                        changed->insert(f.toString());
                }
                const Outcome o = m.value(QStringLiteral("op")).toString() == u"delete"
                                      ? applyDelete(db, session, m.value(QStringLiteral("id")).toString(), base)
                                      : applyUpsert(db, session, m.value(QStringLiteral("entity")).toObject(), base, changed);
                entityId = o.id;
                r.insert(QStringLiteral("status"), o.status);
                r.insert(QStringLiteral("id"), o.id);
                r.insert(QStringLiteral("version"), o.version);
                if (!o.conflicts.isEmpty())
                    r.insert(QStringLiteral("conflicts"), QJsonArray::fromStringList(o.conflicts));
                ++applied;
            } catch (const Rejection &rej) {
                entityId = m.value(QStringLiteral("entity")).toObject().value(QStringLiteral("id")).toString();
                r.insert(QStringLiteral("status"), QStringLiteral("rejected"));
                if (!entityId.isEmpty())
                    r.insert(QStringLiteral("id"), entityId);
                r.insert(QStringLiteral("error"), rej.error);
                ++rejected;
                m_store.audit(db, Actor{session.user.id, session.deviceId}, QStringLiteral("reject"), entityId,
                              QJsonObject{{QStringLiteral("n"), n}, {QStringLiteral("error"), rej.error}});
            }
            // The device's counter advances in the same transaction as the effects: exactly once.
            ledger::CachedStatement rec = db.cached(QStringLiteral("INSERT INTO mutations(device_id, n, status, entity_id, result, at) VALUES(?,?,?,?,?,?)"));
            rec->bind(1, session.deviceId).bind(2, n).bind(3, r.value(QStringLiteral("status")).toString()).bind(4, entityId)
                .bind(5, QString::fromUtf8(QJsonDocument(r).toJson(QJsonDocument::Compact))).bind(6, now);
            rec->exec();
            lastApplied = n;
            results.append(r);
        }
        ledger::Statement upd = db.prepare(QStringLiteral("UPDATE devices SET last_applied = ?, last_seen = ? WHERE id = ?"));
        upd.bind(1, lastApplied).bind(2, m_store.clock().now().toString(Qt::ISODate)).bind(3, session.deviceId);
        upd.exec();
        return QJsonObject{{QStringLiteral("lastApplied"), lastApplied}, {QStringLiteral("applied"), applied},
                           {QStringLiteral("skipped"), skipped}, {QStringLiteral("rejected"), rejected},
                           {QStringLiteral("results"), results}};
    });
}

QByteArray SyncService::pull(const Session &session, qint64 cursor, int limit)
{
    limit = std::clamp(limit, 1, MaxPullPage);
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
        QByteArray out = "{\"changes\":[";
        qint64 last = cursor;
        bool more = false;
        int count = 0;
        while (s->step()) {
            if (count == limit) {
                more = true;
                break;
            }
            const qint64 seq = s->columnInt64(3);
            if (count++ > 0)
                out += ',';
            if (s->columnInt64(4) != 0) {
                out += QJsonDocument(QJsonObject{{QStringLiteral("seq"), seq}, {QStringLiteral("id"), s->columnText(0)},
                                                 {QStringLiteral("kind"), s->columnText(1)}, {QStringLiteral("deleted"), true}})
                           .toJson(QJsonDocument::Compact);
            } else {
                out += "{\"entity\":";
                out += s->columnBlob(2);
                out += ",\"seq\":";
                out += QByteArray::number(seq);
                out += '}';
            }
            last = seq;
        }
        out += "],\"cursor\":";
        out += QByteArray::number(last);
        out += more ? ",\"hasMore\":true}" : ",\"hasMore\":false}";
        return out;
    });
}

QJsonObject SyncService::review(const Session &session, const QString &recordId, const QString &action, const QString &reason)
{
    if (!session.user.has(Role::Reviewer))
        throw HttpError{403, QStringLiteral("forbidden"), QStringLiteral("only the bureau's reviewers recognise, return or revoke records"), {}};
    if (action != u"recognise" && action != u"return" && action != u"revoke")
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected \"recognise\", \"return\" or \"revoke\""), QStringLiteral("action")};
    if ((action == u"return" || action == u"revoke") && reason.trimmed().isEmpty())
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("a reason is needed to return or revoke a record"), QStringLiteral("reason")};
    if (reason.size() > ledger::wire::MaxTextLength)
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("is %1 characters; at most %2").arg(reason.size()).arg(ledger::wire::MaxTextLength), QStringLiteral("reason")};
    return m_store.write([&](ledger::Database &db) {
        std::optional<StoredEntity> found = m_store.entity(db, recordId);
        if (!found || found->deleted || !isRecordKind(found->kind))
            throw HttpError{404, QStringLiteral("not_found"), QStringLiteral("no such record"), QStringLiteral("id")};
        StoredEntity e = *found;
        const ledger::ReviewState state = stateOf(e.json);
        ledger::ReviewState next = ledger::ReviewState::Recognised;
        if (action == u"recognise") {
            if (state != ledger::ReviewState::Submitted)
                throw HttpError{409, QStringLiteral("wrong_state"), QStringLiteral("only a submitted record can be recognised; this one is %1").arg(ledger::toString(state)), QStringLiteral("action")};
            // Evidence is checked against the ledger as it stands (a milestone needs its project).
            const auto missing = m_store.withLedger([&](const ledger::Ledger &l) {
                const auto decoded = ledger::wire::decodeRecord(e.json);
                return decoded ? ledger::missingEvidence(decoded.value(), l, m_scheme) : QList<ledger::FieldError>{decoded.error()};
            });
            if (!missing.isEmpty()) {
                QStringList why;
                for (const auto &m : missing)
                    why << m.message;
                throw HttpError{422, QStringLiteral("evidence_missing"), why.join(QStringLiteral("；")), missing.first().field};
            }
        } else if (action == u"return") {
            if (state != ledger::ReviewState::Submitted && state != ledger::ReviewState::Recognised)
                throw HttpError{409, QStringLiteral("wrong_state"), QStringLiteral("a %1 record cannot be returned").arg(ledger::toString(state)), QStringLiteral("action")};
            next = ledger::ReviewState::Returned;
        } else {
            if (state == ledger::ReviewState::Revoked)
                throw HttpError{409, QStringLiteral("wrong_state"), QStringLiteral("the record is already revoked"), QStringLiteral("action")};
            next = ledger::ReviewState::Revoked;
        }
        const qint64 seq = m_store.nextSeq(db);
        const QJsonObject before = e.json.value(QStringLiteral("review")).toObject();
        e.json.insert(QStringLiteral("review"), reviewJson(next, reason.trimmed(), session.user.id, m_store.clock().now()));
        e.fieldSeq.insert(QStringLiteral("review"), seq);
        e.seq = seq;
        m_store.putEntity(db, e);
        m_store.audit(db, Actor{session.user.id, session.deviceId}, QStringLiteral("review.") + action, recordId,
                      QJsonObject{{QStringLiteral("from"), before}, {QStringLiteral("to"), e.json.value(QStringLiteral("review"))}});
        return QJsonObject{{QStringLiteral("id"), recordId}, {QStringLiteral("version"), seq}, {QStringLiteral("review"), e.json.value(QStringLiteral("review"))}};
    });
}

QJsonObject SyncService::explain(const Session &session, const QString &recordId)
{
    const std::optional<StoredEntity> e = m_store.read([&](ledger::Database &db) { return m_store.entity(db, recordId); });
    if (!e || e->deleted || !canRead(session, *e))
        throw HttpError{404, QStringLiteral("not_found"), QStringLiteral("no such record"), QStringLiteral("id")};
    QJsonObject out{{QStringLiteral("entity"), e->json}, {QStringLiteral("version"), e->seq}};
    if (!isRecordKind(e->kind))
        return out;
    const auto decoded = ledger::wire::decodeRecord(e->json);
    if (!decoded)
        return out;
    m_store.withLedger([&](const ledger::Ledger &l) {
        QJsonArray why, missing, flags;
        for (const auto &f : ledger::whyNotCounting(decoded.value(), l, m_scheme))
            why.append(QJsonObject{{QStringLiteral("field"), f.field}, {QStringLiteral("message"), f.message}});
        for (const auto &f : ledger::missingEvidence(decoded.value(), l, m_scheme))
            missing.append(QJsonObject{{QStringLiteral("field"), f.field}, {QStringLiteral("message"), f.message}});
        if (const auto *v = std::get_if<ledger::Visit>(&decoded.value()); v && v->checkIn)
            for (auto f : v->checkIn->flags)
                flags.append(QJsonObject{{QStringLiteral("flag"), ledger::toString(f)}, {QStringLiteral("message"), ledger::describe(f, m_scheme.checkIn)}});
        out.insert(QStringLiteral("whyNotCounting"), why);
        out.insert(QStringLiteral("missingEvidence"), missing);
        out.insert(QStringLiteral("checkInFlags"), flags);
        if (const auto *p = l.person(ledger::metaOf(decoded.value()).author))
            out.insert(QStringLiteral("authorName"), p->name);
        return 0;
    });
    return out;
}

QJsonArray SyncService::inbox(const Session &session, const QString &state, const QString &unit, int limit)
{
    if (!session.user.readsEveryUnit() && !session.user.has(Role::UnitContact))
        throw HttpError{403, QStringLiteral("forbidden"), QStringLiteral("the review inbox is for reviewers and unit contacts"), {}};
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
            throw HttpError{403, QStringLiteral("forbidden"), QStringLiteral("this conflict belongs to another person"), {}};
        if (!s.columnIsNull(5))
            throw HttpError{409, QStringLiteral("resolved"), QStringLiteral("this conflict was already settled"), {}};
        qint64 version = 0;
        if (keep == u"device") {
            std::optional<StoredEntity> e = m_store.entity(db, entityId);
            if (!e || e->deleted)
                throw HttpError{409, QStringLiteral("deleted"), QStringLiteral("the record was deleted meanwhile"), {}};
            const ledger::ReviewState state = stateOf(e->json);
            if (state == ledger::ReviewState::Revoked)
                throw HttpError{409, QStringLiteral("revoked"), QStringLiteral("a record revoked as false cannot be changed"), {}};
            QJsonObject merged = e->json;
            if (deviceValue.isUndefined())
                merged.remove(field);
            else
                merged.insert(field, deviceValue);
            const qint64 seq = m_store.nextSeq(db);
            if (e->kind != u"enterprise" && e->kind != u"award" && state != ledger::ReviewState::Submitted) {
                merged.insert(QStringLiteral("review"), reviewJson(ledger::ReviewState::Submitted, {}, {}, {}));
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
