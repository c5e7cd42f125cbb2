// What the local store's suites share: the server's side of sync in a few lines (pull pages,
// push answers, the server's copy of an entity), signal spies, and a look at the SQLite file
// behind the store's back that checks the one promise every edit keeps.
#pragma once

#include "localstore.h"
#include "testentities.h"

#include "ledger/database.h"

#include <QJsonArray>
#include <QSignalSpy>

namespace mobile::test {

inline const QString Person = QStringLiteral("5d3c1e2a-7b4f-4c8d-9e0f-1a2b3c4d5e6f");
inline const QString Pgo = QStringLiteral("PGO");

inline QJsonObject aLead(const QString &name = QStringLiteral("豫北新材料有限公司")) { return test::lead(Pgo, Person, name); }
inline QString idOf(const QJsonObject &json) { return json.value(u"id").toString(); }

inline QJsonObject page(const QJsonArray &changes, qint64 cursor, bool hasMore = false)
{
    return QJsonObject{{QStringLiteral("changes"), changes}, {QStringLiteral("cursor"), cursor}, {QStringLiteral("hasMore"), hasMore}};
}

inline QJsonObject change(qint64 seq, const QJsonObject &entity) { return QJsonObject{{QStringLiteral("seq"), seq}, {QStringLiteral("entity"), entity}}; }

inline QJsonObject tombstone(qint64 seq, const QString &id, const QString &kind)
{
    return QJsonObject{{QStringLiteral("seq"), seq}, {QStringLiteral("id"), id}, {QStringLiteral("kind"), kind}, {QStringLiteral("deleted"), true}};
}

// What the server stores: the device's JSON plus the review fields it owns.
inline QJsonObject asServer(QJsonObject json, const QString &state = QStringLiteral("submitted"), const QString &reason = {})
{
    QJsonObject review{{QStringLiteral("state"), state}};
    if (!reason.isEmpty())
        review.insert(QStringLiteral("reason"), reason);
    json.insert(QStringLiteral("review"), review);
    json.insert(QStringLiteral("author"), Person);
    return json;
}

inline QJsonObject pushAnswer(const QJsonArray &results) { return QJsonObject{{QStringLiteral("results"), results}}; }

inline QJsonObject applied(qint64 n, const QString &id, qint64 version)
{
    return QJsonObject{{QStringLiteral("n"), n}, {QStringLiteral("status"), QStringLiteral("applied")}, {QStringLiteral("id"), id}, {QStringLiteral("version"), version}};
}

inline QJsonObject rejected(qint64 n, const QString &id, const QString &code, const QString &message)
{
    return QJsonObject{{QStringLiteral("n"), n}, {QStringLiteral("status"), QStringLiteral("rejected")}, {QStringLiteral("id"), id},
                       {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}, {QStringLiteral("field"), QStringLiteral("entity.credit.unit")}}}};
}

inline QJsonArray mutations(const QList<OutboxEntry> &entries)
{
    QJsonArray out;
    for (const OutboxEntry &e : entries)
        out.append(e.toMutation());
    return out;
}

// Looks at the file behind the store's back: SQLite's own integrity check, and the promise that an
// entity and its outbox entry only ever exist together. Empty when all is well.
inline QString inconsistency(const QString &dir)
{
    ledger::Database db = ledger::Database::open(LocalStore::databaseFile(dir), ledger::Database::OpenMode::ReadWrite);
    auto scalar = [&](const QString &sql) {
        ledger::Statement s = db.prepare(sql);
        s.step();
        return s.columnInt64(0);
    };
    {
        ledger::Statement s = db.prepare(QStringLiteral("PRAGMA integrity_check"));
        s.step();
        if (s.columnText(0) != u"ok")
            return QStringLiteral("integrity: ") + s.columnText(0);
    }
    const qint64 count = scalar(QStringLiteral("SELECT count(*) FROM outbox"));
    if (count > 0 && scalar(QStringLiteral("SELECT max(n) - min(n) + 1 FROM outbox")) != count)
        return QStringLiteral("the outbox numbers have a gap");
    if (scalar(QStringLiteral("SELECT coalesce(max(n), 0) FROM outbox")) > scalar(QStringLiteral("SELECT coalesce((SELECT value FROM meta WHERE key = 'last_mutation'), 0)")))
        return QStringLiteral("an outbox number beyond the device's last mutation number");
    if (scalar(QStringLiteral("SELECT count(*) FROM outbox o LEFT JOIN entities e ON e.id = o.entity_id WHERE e.id IS NULL")) != 0)
        return QStringLiteral("an outbox entry without its entity");
    if (scalar(QStringLiteral("SELECT count(*) FROM entities e WHERE local_changes != EXISTS(SELECT 1 FROM outbox WHERE entity_id = e.id)")) != 0)
        return QStringLiteral("an entity whose local-changes flag disagrees with the outbox");
    // The fields an entry edits are the entity's current values (the rest may be newer server values).
    if (scalar(QStringLiteral("SELECT count(*) FROM entities e JOIN outbox o ON o.entity_id = e.id AND o.n = (SELECT max(n) FROM outbox WHERE entity_id = e.id) "
                              "JOIN json_each(o.changed_fields) f WHERE o.op = 'upsert' "
                              "AND json_extract(o.json, '$.' || f.value) IS NOT json_extract(e.json, '$.' || f.value)")) != 0)
        return QStringLiteral("an entity whose newest outbox entry holds other values of the fields it edits");
    return {};
}

struct Spies
{
    explicit Spies(LocalStore &store)
        : changed(&store, &LocalStore::changed)
        , pending(&store, &LocalStore::pendingCountChanged)
    {
    }
    QSignalSpy changed;
    QSignalSpy pending;
};

} // namespace mobile::test
