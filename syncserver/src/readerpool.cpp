// The pool of read-only connections and the read snapshot.
#include "readerpool.h"


namespace syncserver {

ReaderPool::ReaderPool(QString path)
    : m_path(std::move(path))
{
}

ReaderPool::Lease ReaderPool::acquire()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_idle.empty()) {
            std::unique_ptr<ledger::Database> db = std::move(m_idle.back());
            m_idle.pop_back();
            return Lease(*this, std::move(db));
        }
        ++m_opened;
    }
    // Opened outside the lock: opening reads the schema, and other readers need not wait for it.
    try {
        return Lease(*this, std::make_unique<ledger::Database>(ledger::Database::open(m_path, ledger::Database::OpenMode::ReadOnly)));
    } catch (...) {
        std::lock_guard lock(m_mutex);
        --m_opened;
        throw;
    }
}

int ReaderPool::opened() const
{
    std::lock_guard lock(m_mutex);
    return m_opened;
}

void ReaderPool::giveBack(std::unique_ptr<ledger::Database> db)
{
    std::lock_guard lock(m_mutex);
    m_idle.push_back(std::move(db));
}

ReaderPool::Lease::Lease(ReaderPool &pool, std::unique_ptr<ledger::Database> db)
    : m_pool(&pool)
    , m_db(std::move(db))
{
}

ReaderPool::Lease::Lease(Lease &&other) noexcept
    : m_pool(other.m_pool)
    , m_db(std::move(other.m_db))
{
}

ReaderPool::Lease::~Lease()
{
    if (!m_db)
        return;
    // A connection left inside a transaction (a reader that began one and threw) would hold its
    // old snapshot into the next lease: end it, or drop the connection if even that fails.
    if (m_db->inTransaction()) {
        try {
            m_db->exec(QStringLiteral("ROLLBACK"));
        } catch (const ledger::DatabaseError &) {
            std::lock_guard lock(m_pool->m_mutex);
            --m_pool->m_opened;
            return;
        }
    }
    m_pool->giveBack(std::move(m_db));
}

ReadSnapshot::ReadSnapshot(ledger::Database &db)
    : m_db(db)
{
    // Compiled once per connection, like the queries themselves.
    m_db.cached(QStringLiteral("BEGIN DEFERRED"))->exec();
}

ReadSnapshot::~ReadSnapshot()
{
    // Nothing was written, so COMMIT ends the read as ROLLBACK would. Should it fail, the lease
    // rolls back before the connection is reused.
    if (!m_db.inTransaction())
        return;
    try {
        m_db.cached(QStringLiteral("COMMIT"))->exec();
    } catch (const ledger::DatabaseError &) {
    }
}

} // namespace syncserver
