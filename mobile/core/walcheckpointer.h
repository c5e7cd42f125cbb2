// When the local store's write-ahead log is copied into the database file.
//
// SQLite's automatic checkpoint runs inside the commit that crosses 1000 WAL pages, so every
// ~100th save paid for copying the WAL into the database. Instead the WAL is checkpointed when the
// store has been idle for IdleMs, or at once past PagesLimit pages (a long burst of writes, e.g. a
// pull), as SQLite itself would, so no idle checkpoint has more than about 4 MB to copy. Commits
// stay durable either way: WAL with synchronous=FULL syncs every commit.
#pragma once

#include <QObject>
#include <QTimer>

struct sqlite3;

namespace mobile {

class WalCheckpointer : public QObject
{
    Q_OBJECT

public:
    static constexpr int IdleMs = 500;
    static constexpr int PagesLimit = 1000;

    // Replaces SQLite's automatic checkpoint on this connection until destroyed; the connection
    // must outlive this object.
    explicit WalCheckpointer(sqlite3 *db, QObject *parent = nullptr);
    ~WalCheckpointer() override;
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Copies what no reader needs now (PASSIVE: never waits); a failure only leaves the WAL longer.
    void checkpoint();

private:
    static int walCommitted(void *self, sqlite3 *db, const char *database, int pages);

    sqlite3 *m_db;
    QTimer m_idle;
};

} // namespace mobile
