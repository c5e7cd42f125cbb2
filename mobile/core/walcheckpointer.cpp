// The local store's WAL checkpoints: after a pause in writing, or at once after a long burst.
#include "walcheckpointer.h"

#include <QDebug>

#include <sqlite3.h>

namespace mobile {

WalCheckpointer::WalCheckpointer(sqlite3 *db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(IdleMs);
    connect(&m_idle, &QTimer::timeout, this, &WalCheckpointer::checkpoint);
    sqlite3_wal_hook(m_db, &WalCheckpointer::walCommitted, this);
}

WalCheckpointer::~WalCheckpointer() { sqlite3_wal_hook(m_db, nullptr, nullptr); }

int WalCheckpointer::walCommitted(void *self, sqlite3 *db, const char *database, int pages)
{
    if (pages >= PagesLimit)
        sqlite3_wal_checkpoint_v2(db, database, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    else
        static_cast<WalCheckpointer *>(self)->m_idle.start(); // restarts: the checkpoint waits for a pause
    return SQLITE_OK;
}

void WalCheckpointer::checkpoint()
{
    const int rc = sqlite3_wal_checkpoint_v2(m_db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY)
        qWarning().noquote() << "local store: checkpoint failed:" << sqlite3_errstr(rc);
}

} // namespace mobile
