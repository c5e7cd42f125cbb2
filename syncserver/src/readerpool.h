// Read-only connections to the ledger file, for everything that only reads: pull, the sign-in
// check, exports, audit checks, lists. Under WAL a reader sees the last committed state and
// neither waits for the one writer nor makes it wait. Connections are opened on demand (at most
// as many as readers run at once, which the front door's worker pool bounds) and kept, each with
// its own compiled statements (ledger::Database::cached), so a hot query is prepared once per
// connection, not once per request.
#pragma once

#include "ledger/database.h"

#include <QString>

#include <memory>
#include <mutex>
#include <vector>

namespace syncserver {

class ReaderPool
{
public:
    // `path`: the ledger file, which must already exist (the store's writer creates and migrates it).
    explicit ReaderPool(QString path);
    ReaderPool(const ReaderPool &) = delete;
    ReaderPool &operator=(const ReaderPool &) = delete;

    // One connection, the caller's alone until the lease goes; then it returns to the pool.
    class Lease
    {
    public:
        Lease(Lease &&other) noexcept;
        Lease &operator=(Lease &&) = delete;
        Lease(const Lease &) = delete;
        Lease &operator=(const Lease &) = delete;
        ~Lease();

        [[nodiscard]] ledger::Database &db() { return *m_db; }

    private:
        friend class ReaderPool;
        Lease(ReaderPool &pool, std::unique_ptr<ledger::Database> db);
        ReaderPool *m_pool;
        std::unique_ptr<ledger::Database> m_db;
    };

    [[nodiscard]] Lease acquire();
    // Connections opened so far (idle or leased).
    [[nodiscard]] int opened() const;

private:
    void giveBack(std::unique_ptr<ledger::Database> db);

    QString m_path;
    mutable std::mutex m_mutex;
    std::vector<std::unique_ptr<ledger::Database>> m_idle;
    int m_opened = 0;
};

// One consistent view of the ledger on a reader connection: every statement run between its
// beginning and its end sees the same committed state (a deferred read transaction), so that a
// check reading the audit log and then its recorded head cannot see a write land in between.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(ledger::Database &db);
    ReadSnapshot(const ReadSnapshot &) = delete;
    ReadSnapshot &operator=(const ReadSnapshot &) = delete;
    ~ReadSnapshot();

private:
    ledger::Database &m_db;
};

} // namespace syncserver
