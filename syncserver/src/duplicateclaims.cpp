// One project, one credit on the server: claims marked on arrival, decided by a reviewer, shown to
// the records' readers, and the bureau's report of suspected duplicates.
#include "duplicateclaims.h"

#include "router.h"

#include "ledger/caption.h"
#include "ledger/duplicates.h"
#include "ledger/reviewflow.h"
#include "ledger/syncprotocol.h"
#include "ledger/wire.h"

#include <QMap>
#include <QMutex>

#include <algorithm>
#include <deque>

namespace syncserver {

namespace {

using ledger::sync::Code;

QJsonObject claimJson(const ledger::Record &record)
{
    return ledger::wire::encode(record).value(QStringLiteral("claim")).toObject();
}

// Who has a stake in a record: its author and the people credited on it.
[[nodiscard]] std::optional<ledger::FieldError> stakeIn(const ledger::PersonId &person, const ledger::RecordMeta &meta)
{
    return ledger::refuseByInterest(ledger::ReviewAction::Recognise, person, meta);
}

QJsonObject summary(const ledger::Ledger &ledger, const ledger::Record &r, const ledger::Scheme &scheme)
{
    const ledger::RecordMeta &meta = ledger::metaOf(r);
    const ledger::SchemeUnit *unit = scheme.unit(meta.credit.unit);
    QJsonObject out{{QStringLiteral("id"), meta.id.toString()},
                    {QStringLiteral("kind"), ledger::toString(ledger::kindOf(r))},
                    {QStringLiteral("unit"), meta.credit.unit.code()},
                    {QStringLiteral("unitName"), unit ? unit->name : meta.credit.unit.code()},
                    {QStringLiteral("caption"), ledger::recordCaption(ledger, r)},
                    {QStringLiteral("date"), ledger::wire::encodeDate(ledger::eventDate(r))},
                    {QStringLiteral("state"), ledger::toString(meta.review.state)}};
    if (meta.claim)
        out.insert(QStringLiteral("claim"), claimJson(r));
    return out;
}

// The register of the ledger as committed, by store (its data folder) and the last sequence number
// it has seen: brought up to date with what was committed since, rather than built again for every
// record that arrives (a push of a thousand leads would otherwise read the whole ledger a thousand
// times). Used under the store's write lock; the mutex keeps it whole should two stores share it.
struct KeptRegister
{
    QString dataDir;
    qint64 seq = -1;
    ledger::FilingRegister filings;
};
QMutex keptLock;
KeptRegister kept;

// Brings `kept` to the mirror `l` (committed up to `now`), reading what changed since from `db`.
void catchUp(ledger::Database &db, const QString &dataDir, qint64 now, const ledger::Ledger &l)
{
    if (kept.dataDir != dataDir || kept.seq < 0 || now < kept.seq) {
        kept = KeptRegister{dataDir, now, ledger::FilingRegister(l)};
        return;
    }
    if (now == kept.seq)
        return;
    ledger::Statement s = db.prepare(QStringLiteral("SELECT id, kind FROM entities WHERE seq > ? AND seq <= ?"));
    s.bind(1, kept.seq).bind(2, now);
    QStringList changed;
    bool rebuild = false;
    while (s.step()) {
        const QString kind = s.columnText(1);
        // What a record files depends on its enterprise and (a stage) its project: read all again.
        rebuild = rebuild || kind == u"enterprise" || kind == u"project";
        if (kind == u"lead" || kind == u"milestone")
            changed << s.columnText(0);
    }
    if (rebuild) {
        kept.filings = ledger::FilingRegister(l);
    } else {
        for (const QString &id : std::as_const(changed)) {
            const auto recordId = ledger::RecordId::parse(id);
            if (!recordId)
                continue;
            if (const ledger::Record *r = l.find(*recordId))
                kept.filings.add(*r, l);
            else
                kept.filings.remove(*recordId);
        }
    }
    kept.seq = now;
}

} // namespace

DuplicateClaims::DuplicateClaims(Store &store, const ledger::Scheme &scheme)
    : m_store(store)
    , m_scheme(scheme)
{
}

void DuplicateClaims::markOnArrival(Store &store, ledger::Database &db, StoredEntity &e)
{
    if (!ledger::enumFromString<ledger::RecordKind>(e.kind) || !ledger::isFiling(*ledger::enumFromString<ledger::RecordKind>(e.kind)))
        return;
    // The claim is the server's to set: whatever a device sent under "claim" is dropped first.
    e.json.remove(QStringLiteral("claim"));
    ledger::Record record;
    if (e.decoded) {
        record = *e.decoded;
        ledger::metaOf(record).claim.reset();
    } else if (auto decoded = ledger::wire::decodeRecord(e.json)) {
        record = std::move(decoded).value();
    } else {
        return;
    }
    const std::optional<ledger::RecordId> first = store.withLedger([&](const ledger::Ledger &l) {
        QMutexLocker lock(&keptLock);
        catchUp(db, store.dataDir(), store.lastSeq(), l);
        // The record's enterprise and (a milestone) project may be in this transaction only: a
        // device pushes an enterprise, its project and the signing together.
        std::deque<ledger::Project> projects;
        std::deque<ledger::Enterprise> enterprises;
        const auto stored = [&](const QString &id, QStringView kind) -> std::optional<QJsonObject> {
            const std::optional<StoredEntity> found = store.entity(db, id);
            if (!found || found->deleted || found->kind != kind)
                return std::nullopt;
            return found->json;
        };
        ledger::FilingLookup lookup;
        lookup.project = [&](const ledger::RecordId &id) -> const ledger::Project * {
            const auto json = stored(id.toString(), u"project");
            if (!json)
                return nullptr;
            auto project = ledger::wire::decodeRecord(*json);
            if (!project || !std::holds_alternative<ledger::Project>(project.value()))
                return nullptr;
            projects.push_back(std::get<ledger::Project>(project.value()));
            return &projects.back();
        };
        lookup.enterprise = [&](const ledger::EnterpriseId &id) -> const ledger::Enterprise * {
            const auto json = stored(id.toString(), u"enterprise");
            if (!json)
                return nullptr;
            auto enterprise = ledger::wire::decodeEnterprise(*json);
            if (!enterprise)
                return nullptr;
            enterprises.push_back(enterprise.value());
            return &enterprises.back();
        };
        return kept.filings.firstFiling(record, l, lookup);
    });
    if (!first) {
        if (e.decoded)
            e.decoded = std::make_shared<const ledger::Record>(std::move(record));
        return;
    }
    ledger::metaOf(record).claim = ledger::DuplicateClaim{*first, ledger::ClaimDecision::Undecided, std::nullopt, {}, {}, {}};
    e.json.insert(QStringLiteral("claim"), claimJson(record));
    if (e.decoded)
        e.decoded = std::make_shared<const ledger::Record>(std::move(record));
}

QJsonObject DuplicateClaims::decide(const Session &session, const QString &recordId, const QString &decisionName, const QString &shareText,
                                    const QString &reason)
{
    if (!ledger::RecordId::parse(recordId))
        throw refusal(Code::Invalid, ledger::FieldError(QStringLiteral("id"), ledger::ErrorCode::NotAnId));
    // A reviewer's decision, by the review table's rules for who decides.
    if (auto refused = ledger::refuseByRole(ledger::ReviewAction::Recognise, session.user.roles))
        throw refusal(Code::Forbidden, *refused);
    const auto decision = ledger::enumFromString<ledger::ClaimDecision>(decisionName);
    if (!decision || *decision == ledger::ClaimDecision::Undecided)
        throw refusal(Code::Invalid, ledger::FieldError(QStringLiteral("decision"), ledger::ErrorCode::ClaimDecisionNeeded,
                                                        {ledger::claimDecisionNames().join(QStringLiteral(", "))}));
    std::optional<ledger::Points> share;
    if (!shareText.isEmpty()) {
        share = ledger::Points::parse(shareText);
        if (!share)
            throw refusal(Code::Invalid, ledger::FieldError(QStringLiteral("share"), ledger::ErrorCode::ClaimShareRange, {shareText}));
    }
    if (reason.trimmed().isEmpty())
        throw refusal(Code::Invalid, ledger::FieldError(QStringLiteral("reason"), ledger::ErrorCode::ReviewReasonNeeded,
                                                        {QString::fromUtf8(ledger::displayName(*decision))}));
    if (reason.size() > ledger::wire::MaxTextLength)
        throw refusal(Code::Invalid, ledger::FieldError(QStringLiteral("reason"), ledger::ErrorCode::TooLong,
                                                        {QString::number(reason.size()), QString::number(ledger::wire::MaxTextLength)}));
    const ledger::PersonId person = ledger::PersonId::parse(session.user.id).value_or(ledger::PersonId());
    return m_store.write([&](ledger::Database &db) {
        std::optional<StoredEntity> found = m_store.entity(db, recordId);
        if (!found || found->deleted || !ledger::enumFromString<ledger::RecordKind>(found->kind))
            throw refusal(Code::NotFound, ledger::FieldError(QStringLiteral("id"), ledger::ErrorCode::NoSuchRecord));
        StoredEntity e = *found;
        auto decoded = ledger::wire::decodeRecord(e.json);
        if (!decoded)
            throw refusal(Code::Invalid, decoded.error());
        ledger::Record record = std::move(decoded).value();
        ledger::RecordMeta &meta = ledger::metaOf(record);
        // The stake of the server's record: its author as the server recorded it.
        meta.author = ledger::PersonId::parse(e.author).value_or(meta.author);
        m_store.withLedger([&](const ledger::Ledger &l) {
            if (auto refused = ledger::refuseDecision(record, *decision, share, l))
                throw refusal(refused->field == u"id" ? Code::WrongState : Code::Invalid, *refused);
            if (auto refused = stakeIn(person, meta))
                throw refusal(Code::Forbidden, *refused);
            if (const ledger::Record *first = l.find(meta.claim->first))
                if (auto refused = stakeIn(person, ledger::metaOf(*first)))
                    throw refusal(Code::Forbidden, *refused);
            return 0;
        });
        const QJsonObject before = e.json.value(QStringLiteral("claim")).toObject();
        meta.claim->decision = *decision;
        meta.claim->share = share;
        meta.claim->reason = reason.trimmed();
        meta.claim->reviewer = person;
        meta.claim->at = m_store.clock().now();
        const qint64 seq = m_store.nextSeq(db);
        e.json.insert(QStringLiteral("claim"), claimJson(record));
        e.fieldSeq.insert(QStringLiteral("claim"), seq);
        e.seq = seq;
        e.decoded = nullptr;
        m_store.putEntity(db, e);
        m_store.audit(db, Actor{session.user.id, session.deviceId}, QStringLiteral("claim.") + decisionName, recordId,
                      QJsonObject{{QStringLiteral("from"), before}, {QStringLiteral("to"), e.json.value(QStringLiteral("claim"))}});
        return QJsonObject{{QStringLiteral("id"), recordId}, {QStringLiteral("version"), seq}, {QStringLiteral("claim"), e.json.value(QStringLiteral("claim"))}};
    });
}

QJsonObject DuplicateClaims::describe(const ledger::Ledger &ledger, const ledger::Record &record, const ledger::Scheme &scheme)
{
    QJsonObject out;
    const ledger::RecordMeta &meta = ledger::metaOf(record);
    if (meta.claim) {
        if (const ledger::Record *first = ledger.find(meta.claim->first))
            out.insert(QStringLiteral("duplicateClaim"), summary(ledger, *first, scheme));
        return out;
    }
    if (!ledger::isFiling(ledger::kindOf(record)))
        return out;
    QJsonArray on;
    for (const ledger::Record &r : ledger.records()) {
        const ledger::RecordMeta &other = ledger::metaOf(r);
        if (other.claim && other.claim->first == meta.id)
            on.append(summary(ledger, r, scheme));
    }
    if (!on.isEmpty())
        out.insert(QStringLiteral("claims"), on);
    return out;
}

QJsonObject DuplicateClaims::report(const Session &session) const
{
    if (!session.user.readsEveryUnit())
        throw refusal(Code::Forbidden, ledger::FieldError({}, ledger::ErrorCode::RoleRequired,
                                                          {QStringLiteral("reviewer, supervisor, leader, admin")}));
    return m_store.withLedger([&](const ledger::Ledger &l) {
        QJsonArray claims;
        for (const ledger::Record &r : l.records()) {
            const ledger::RecordMeta &meta = ledger::metaOf(r);
            if (!meta.claim)
                continue;
            QJsonObject row = summary(l, r, m_scheme);
            if (const ledger::Record *first = l.find(meta.claim->first))
                row.insert(QStringLiteral("first"), summary(l, *first, m_scheme));
            claims.append(row);
        }
        // Enterprise entries by credit code and by the core of their names; a group of two or more
        // is one enterprise entered twice, or two that the bureau should tell apart.
        QMap<QString, QList<const ledger::Enterprise *>> byCode, byName;
        for (const ledger::Enterprise &e : l.enterprises()) {
            const ledger::EnterpriseIdentity id = ledger::identityOf(e);
            if (!id.code.isEmpty())
                byCode[id.code].append(&e);
            byName[ledger::nameCore(e.name)].append(&e);
        }
        QJsonArray enterprises;
        const auto group = [&](const QString &why, const QString &key, QList<const ledger::Enterprise *> list) {
            if (list.size() < 2)
                return;
            std::sort(list.begin(), list.end(), [](const auto *a, const auto *b) { return a->id < b->id; });
            QJsonArray entries;
            for (const ledger::Enterprise *e : list)
                entries.append(QJsonObject{{QStringLiteral("id"), e->id.toString()}, {QStringLiteral("name"), e->name},
                                           {QStringLiteral("creditCode"), e->creditCode}});
            enterprises.append(QJsonObject{{QStringLiteral("match"), why}, {QStringLiteral("key"), key}, {QStringLiteral("entries"), entries}});
        };
        for (auto it = byCode.begin(); it != byCode.end(); ++it)
            group(QStringLiteral("credit_code"), it.key(), it.value());
        for (auto it = byName.begin(); it != byName.end(); ++it)
            group(QStringLiteral("similar_name"), it.key(), it.value());
        // Leads about one enterprise (by its identity) from more than one unit, in any month.
        struct Filed { QString name; QMap<QString, QStringList> months; };
        QMap<QString, Filed> leads;
        for (const ledger::Record &r : l.records()) {
            const auto *lead = std::get_if<ledger::Lead>(&r);
            if (!lead || lead->meta.review.state == ledger::ReviewState::Revoked)
                continue;
            const ledger::Enterprise *e = lead->enterprise ? l.enterprise(*lead->enterprise) : nullptr;
            const ledger::EnterpriseIdentity id = e ? ledger::identityOf(*e) : ledger::EnterpriseIdentity{{}, ledger::normaliseName(lead->enterpriseName)};
            const QString key = id.code.isEmpty() ? id.name : id.code;
            Filed &f = leads[key];
            f.name = e ? e->name : lead->enterpriseName;
            QStringList &months = f.months[lead->meta.credit.unit.code()];
            const QString month = lead->filed.toString(QStringLiteral("yyyy-MM"));
            if (!months.contains(month))
                months.append(month);
        }
        QJsonArray shared;
        for (auto it = leads.begin(); it != leads.end(); ++it) {
            if (it->months.size() < 2)
                continue;
            QJsonArray units;
            for (auto u = it->months.begin(); u != it->months.end(); ++u) {
                QStringList months = u.value();
                months.sort();
                units.append(QJsonObject{{QStringLiteral("unit"), u.key()}, {QStringLiteral("months"), QJsonArray::fromStringList(months)}});
            }
            shared.append(QJsonObject{{QStringLiteral("enterprise"), it->name}, {QStringLiteral("units"), units}});
        }
        return QJsonObject{{QStringLiteral("claims"), claims}, {QStringLiteral("enterprises"), enterprises}, {QStringLiteral("sharedLeads"), shared}};
    });
}

} // namespace syncserver
