// The outbox: queueing an edit (one rule for upserts and deletes), batches, attempts and the
// requeue after a gap, and what an answered mutation leaves: later edits rebased, the entry kept
// among the confirmed ones. LocalStore::markPushed applies the push answers to the entities.
#include "outbox.h"

#include "ledger/syncprotocol.h"

#include "jsontext.h"
#include "metatable.h"

#include <QCoreApplication>
#include <QDebug>

#include <algorithm>

namespace mobile {

namespace {

QStringList merged(QStringList a, const QStringList &b)
{
    for (const QString &s : b)
        if (!a.contains(s))
            a << s;
    a.sort();
    return a;
}

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

// ---- queueing -------------------------------------------------------------------------------------

qint64 Outbox::takeNextNumber()
{
    const qint64 n = m_meta.value(metakey::LastMutation).toLongLong() + 1; // throws rather than guess inside the transaction
    m_meta.setValue(metakey::LastMutation, QString::number(n));
    return n;
}

void Outbox::enqueueUpsert(const QString &entityId, const QJsonObject &entity, qint64 baseVersion, const QStringList &changed)
{
    enqueue(OpUpsert, entityId, &entity, baseVersion, changed);
}

void Outbox::enqueueDelete(const QString &entityId, qint64 baseVersion) { enqueue(OpDelete, entityId, nullptr, baseVersion, {}); }

void Outbox::enqueue(const QString &op, const QString &entityId, const QJsonObject *entity, qint64 baseVersion, const QStringList &changed)
{
    const std::optional<QByteArray> json = entity ? std::optional<QByteArray>(jsonText(*entity)) : std::nullopt;
    // The newest entry of this entity absorbs the edit while it has never been sent; once sent,
    // the server may have applied it, so the edit needs a number of its own.
    ledger::CachedStatement last = m_db.cached(QStringLiteral(
        "SELECT n, op, attempts, changed_fields FROM outbox WHERE entity_id = ? ORDER BY n DESC LIMIT 1"));
    last->bind(1, entityId);
    if (last->step() && last->columnText(1) == OpUpsert && last->columnInt64(2) == 0) {
        // An upsert merges its fields in; a delete replaces the upsert. (For a record the server
        // never saw, deleting an unknown id is a harmless no-op.)
        const qint64 n = last->columnInt64(0);
        const QStringList all = entity ? merged(listFrom(last->columnText(3)), changed) : QStringList();
        ledger::CachedStatement absorb = m_db.cached(QStringLiteral("UPDATE outbox SET op = ?, json = ?, changed_fields = ? WHERE n = ?"));
        absorb->bind(1, op).bind(2, std::nullopt).bindUtf8(3, jsonText(all)).bind(4, n);
        if (json)
            absorb->bindUtf8(2, *json);
        absorb->exec();
        return;
    }
    ledger::CachedStatement add = m_db.cached(QStringLiteral(
        "INSERT INTO outbox(n, op, entity_id, json, base_version, changed_fields, attempts) VALUES(?, ?, ?, ?, ?, ?, 0)"));
    add->bind(1, takeNextNumber()).bind(2, op).bind(3, entityId).bind(4, std::nullopt).bind(5, baseVersion).bindUtf8(6, jsonText(changed));
    if (json)
        add->bindUtf8(4, *json);
    add->exec();
}

// ---- reading --------------------------------------------------------------------------------------

int Outbox::count() const
{
    try {
        ledger::CachedStatement s = m_db.cached(QStringLiteral("SELECT count(*) FROM outbox"));
        s->step();
        return int(s->columnInt64(0));
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "local store:" << e.message();
        return 0;
    }
}

qint64 Outbox::lastNumber() const { return m_meta.valueOrEmpty(metakey::LastMutation).toLongLong(); }

QList<OutboxEntry> Outbox::batch(int max) const
{
    QList<OutboxEntry> out;
    if (max <= 0)
        return out;
    try {
        ledger::Statement s = m_db.prepare(QStringLiteral(
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

QStringList Outbox::pendingChangedFields(const QString &entityId) const
{
    ledger::CachedStatement s = m_db.cached(QStringLiteral("SELECT changed_fields FROM outbox WHERE entity_id = ? AND op = 'upsert'"));
    s->bind(1, entityId);
    QStringList out;
    while (s->step())
        out = merged(out, listFrom(s->columnText(0)));
    return out;
}

// ---- sending --------------------------------------------------------------------------------------

void Outbox::markAttempted(const QList<qint64> &numbers)
{
    ledger::CachedStatement s = m_db.cached(QStringLiteral("UPDATE outbox SET attempts = attempts + 1 WHERE n = ?"));
    for (qint64 n : numbers) {
        s->bind(1, n);
        s->exec();
    }
}

ledger::Result<QStringList> Outbox::requeueFrom(qint64 expected)
{
    ledger::Statement firstQ = m_db.prepare(QStringLiteral("SELECT min(n) FROM outbox"));
    firstQ.step();
    const qint64 first = firstQ.columnIsNull(0) ? m_meta.value(metakey::LastMutation).toLongLong() + 1 : firstQ.columnInt64(0);
    if (expected < 1 || expected >= first)
        return ledger::FieldError{QStringLiteral("expected"),
                                  QCoreApplication::translate("LocalStore", "服务器要求下一条修改为第 %1 条，但本机最早未确认的是第 %2 条")
                                      .arg(expected)
                                      .arg(first)};
    ledger::Statement count = m_db.prepare(QStringLiteral("SELECT count(*) FROM sent WHERE n >= ? AND n < ?"));
    count.bind(1, expected).bind(2, first);
    count.step();
    QStringList touched;
    if (count.columnInt64(0) == first - expected) {
        // The server lost what it had confirmed (restored from a backup): send it again, with
        // the same numbers, ahead of everything newer.
        ledger::Statement back = m_db.prepare(QStringLiteral(
            "INSERT INTO outbox(n, op, entity_id, json, base_version, changed_fields, attempts) "
            "SELECT n, op, entity_id, json, base_version, changed_fields, 1 FROM sent WHERE n >= ? AND n < ?"));
        back.bind(1, expected).bind(2, first);
        back.exec();
        ledger::Statement ids = m_db.prepare(QStringLiteral("SELECT DISTINCT entity_id FROM sent WHERE n >= ? AND n < ?"));
        ids.bind(1, expected).bind(2, first);
        while (ids.step())
            touched << ids.columnText(0);
        ledger::Statement drop = m_db.prepare(QStringLiteral("DELETE FROM sent WHERE n >= ? AND n < ?"));
        drop.bind(1, expected).bind(2, first);
        drop.exec();
    } else {
        // Too old to resend: the server has never seen numbers from `expected` on, so the
        // outbox may take them without anything being applied twice.
        const qint64 delta = first - expected;
        ledger::Statement neg = m_db.prepare(QStringLiteral("UPDATE outbox SET n = -(n - ?)"));
        neg.bind(1, delta);
        neg.exec();
        m_db.exec(QStringLiteral("UPDATE outbox SET n = -n"));
        m_meta.setValue(metakey::LastMutation, QString::number(m_meta.value(metakey::LastMutation).toLongLong() - delta));
        qWarning().noquote() << "local store: the server expects mutation" << expected << "; renumbered the outbox from there";
    }
    return touched;
}

// ---- answers ----------------------------------------------------------------------------------------

std::optional<Outbox::Answered> Outbox::answered(qint64 n) const
{
    ledger::Statement find = m_db.prepare(QStringLiteral("SELECT op, entity_id, changed_fields FROM outbox WHERE n = ?"));
    find.bind(1, n);
    if (!find.step())
        return std::nullopt;
    return Answered{find.columnText(0), find.columnText(1), listFrom(find.columnText(2))};
}

void Outbox::rebaseAfter(qint64 n, const Answered &entry, qint64 version)
{
    ledger::Statement later = m_db.prepare(QStringLiteral(
        "SELECT n, op, base_version, changed_fields FROM outbox WHERE entity_id = ? AND n > ?"));
    later.bind(1, entry.entityId).bind(2, n);
    while (later.step()) {
        const QStringList fields = listFrom(later.columnText(3));
        const bool overlaps = later.columnText(1) == OpDelete
                              || std::any_of(entry.changed.begin(), entry.changed.end(), [&](const QString &f) { return fields.contains(f); });
        if (overlaps && later.columnInt64(2) < version) {
            ledger::Statement rebase = m_db.prepare(QStringLiteral("UPDATE outbox SET base_version = ? WHERE n = ?"));
            rebase.bind(1, version).bind(2, later.columnInt64(0));
            rebase.exec();
        }
    }
}

void Outbox::confirm(qint64 n, const QString &status)
{
    ledger::Statement keep = m_db.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO sent(n, op, entity_id, json, base_version, changed_fields, status) "
        "SELECT n, op, entity_id, json, base_version, changed_fields, ? FROM outbox WHERE n = ?"));
    keep.bind(1, status).bind(2, n);
    keep.exec();
    ledger::Statement drop = m_db.prepare(QStringLiteral("DELETE FROM outbox WHERE n = ?"));
    drop.bind(1, n);
    drop.exec();
}

void Outbox::pruneConfirmed(int kept)
{
    ledger::Statement prune = m_db.prepare(QStringLiteral("DELETE FROM sent WHERE n <= (SELECT max(n) FROM sent) - ?"));
    prune.bind(1, kept);
    prune.exec();
}

} // namespace mobile
