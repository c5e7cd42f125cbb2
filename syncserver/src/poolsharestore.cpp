// Reading and replacing the pool_shares table.
#include "poolsharestore.h"

namespace syncserver {

PoolShareStore::PoolShareStore(Store &store)
    : m_store(store)
{
}

ledger::ScoreOptions PoolShareStore::options(QByteArray *fingerprint)
{
    return m_store.read([&](ledger::Database &db) {
        ledger::ScoreOptions o;
        ledger::Statement s = db.prepare(QStringLiteral("SELECT unit, person, share FROM pool_shares ORDER BY unit, person"));
        while (s.step()) {
            if (fingerprint)
                *fingerprint += s.columnBlob(0) + '\t' + s.columnBlob(1) + '\t' + s.columnBlob(2) + '\n';
            const auto person = ledger::PersonId::parse(s.columnText(1));
            const auto share = ledger::Points::parse(s.columnText(2));
            if (person && share)
                o.manualShares[ledger::UnitCode(s.columnText(0))].insert(*person, *share);
        }
        return o;
    });
}

void PoolShareStore::replace(const QString &unit, const QHash<ledger::PersonId, ledger::Points> &shares, const Actor &actor)
{
    m_store.write([&](ledger::Database &db) {
        ledger::Statement del = db.prepare(QStringLiteral("DELETE FROM pool_shares WHERE unit = ?"));
        del.bind(1, unit);
        del.exec();
        ledger::Statement ins = db.prepare(QStringLiteral("INSERT INTO pool_shares(unit, person, share, set_by, at) VALUES(?,?,?,?,?)"));
        QJsonObject detail;
        for (auto it = shares.begin(); it != shares.end(); ++it) {
            ins.reset();
            ins.bind(1, unit).bind(2, it.key().toString()).bind(3, it.value().toString()).bind(4, actor.userId)
                .bind(5, m_store.clock().now().toString(Qt::ISODate));
            ins.exec();
            detail.insert(it.key().toString(), it.value().toString());
        }
        m_store.audit(db, actor, QStringLiteral("pool.shares"), unit, detail);
    });
}

} // namespace syncserver
