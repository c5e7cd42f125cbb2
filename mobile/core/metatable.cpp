// The local store's key/value table.
#include "metatable.h"

#include <QDebug>

namespace mobile {

QString MetaTable::value(const QString &key) const
{
    ledger::CachedStatement s = m_db.cached(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    s->bind(1, key);
    return s->step() ? s->columnText(0) : QString();
}

QString MetaTable::valueOrEmpty(const QString &key) const
{
    try {
        return value(key);
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "local store:" << e.message();
        return {};
    }
}

void MetaTable::setValue(const QString &key, const QString &value)
{
    ledger::CachedStatement s = m_db.cached(QStringLiteral(
        "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    s->bind(1, key).bind(2, value);
    s->exec();
}

} // namespace mobile
