// Single rows of the local store's entities table.
#include "entitytable.h"

#include "jsontext.h"

namespace mobile {

const QString EntityTable::Columns = QStringLiteral("id, kind, json, server_version, local_changes, deleted, rejected_reason");

LocalEntity EntityTable::fromRow(const ledger::Statement &s)
{
    LocalEntity e;
    e.id = s.columnText(0);
    e.kind = s.columnText(1);
    e.json = objectFrom(s.columnText(2));
    e.serverVersion = s.columnInt64(3);
    e.localChanges = s.columnInt64(4) != 0;
    e.deleted = s.columnInt64(5) != 0;
    e.rejectedReason = s.columnText(6);
    return e;
}

std::optional<LocalEntity> EntityTable::read(const QString &id) const
{
    // Compiled once per connection: with the generated columns, compiling a statement on entities
    // costs more than running it, and a pull reads and writes each of its 500 entities.
    ledger::CachedStatement s = m_db.cached(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM entities WHERE id = ?"));
    s->bind(1, id);
    if (!s->step())
        return std::nullopt;
    return fromRow(*s); // the handle resets on its way out: no read left open
}

void EntityTable::write(const LocalEntity &e)
{
    // An upsert rather than INSERT OR REPLACE, so the row keeps its place (lists stay in entry order).
    ledger::CachedStatement s = m_db.cached(QStringLiteral(
        "INSERT INTO entities(id, kind, json, server_version, local_changes, deleted, rejected_reason) VALUES(?,?,?,?,?,?,?) "
        "ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, json = excluded.json, server_version = excluded.server_version, "
        "local_changes = excluded.local_changes, deleted = excluded.deleted, rejected_reason = excluded.rejected_reason"));
    s->bind(1, e.id).bind(2, e.kind).bindUtf8(3, jsonText(e.json)).bind(4, e.serverVersion);
    s->bind(5, e.localChanges).bind(6, e.deleted);
    s->bind(7, e.rejectedReason.isEmpty() ? std::optional<QString>() : std::optional<QString>(e.rejectedReason));
    s->exec();
}

bool EntityTable::writePulled(const QString &id, const QString &kind, QByteArrayView json, qint64 serverVersion)
{
    // A stored copy without local changes is neither deleted nor rejected-and-edited: the server's
    // copy replaces it whole, in place. One statement, so that a page of new entities costs one
    // step each; with local changes it updates nothing and changes() says so.
    ledger::CachedStatement s = m_db.cached(QStringLiteral(
        "INSERT INTO entities(id, kind, json, server_version) VALUES(?,?,?,?) "
        "ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, json = excluded.json, server_version = excluded.server_version, "
        "deleted = 0 WHERE local_changes = 0"));
    // The view is wrapped, not copied, for the bind (SQLite takes its own copy).
    s->bind(1, id).bind(2, kind).bindUtf8(3, QByteArray::fromRawData(json.data(), json.size())).bind(4, serverVersion);
    s->exec();
    return m_db.changes() > 0;
}

void EntityTable::refreshLocalChanges(const QString &id)
{
    ledger::CachedStatement s = m_db.cached(QStringLiteral(
        "UPDATE entities SET local_changes = EXISTS(SELECT 1 FROM outbox WHERE entity_id = entities.id) WHERE id = ?"));
    s->bind(1, id);
    s->exec();
}

} // namespace mobile
