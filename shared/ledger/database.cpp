// The sqlite3 calls behind Database, Statement and Transaction, and the one place where SQLite's
// result codes become DatabaseError.
#include "ledger/database.h"

#include <QFileInfo>

#include <sqlite3.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <unordered_map>

namespace ledger {

namespace {

// SQL as it appears in error messages: enough to recognise the statement, not a whole script.
QString shortened(const QString &sql)
{
    constexpr qsizetype limit = 240;
    QString s = sql.simplified();
    if (s.size() > limit) {
        s.truncate(limit);
        s += u'…';
    }
    return s;
}

QString codeText(int rc) { return QString::fromUtf8(sqlite3_errstr(rc)); }

// One shape for every message: what was being done, what SQLite said, and the code. A single
// multi-argument arg() so that a '%' in the SQL is never taken for a placeholder.
QString format(const QString &context, const QString &detail, int rc)
{
    const QString generic = codeText(rc);
    const QString code = detail == generic ? QString::number(rc) : QString::number(rc) + QStringLiteral(", ") + generic;
    return QStringLiteral("%1: %2 (SQLite code %3)").arg(context, detail, code);
}

[[noreturn]] void fail(int rc, const QString &context, sqlite3 *db)
{
    // The connection's message ("UNIQUE constraint failed: t.x") says more than the code's generic
    // text, but it is only about this failure when the connection's last code is this one.
    const bool own = db && (sqlite3_extended_errcode(db) & 0xff) == (rc & 0xff);
    throw DatabaseError(rc, format(context, own ? QString::fromUtf8(sqlite3_errmsg(db)) : codeText(rc), rc));
}

[[noreturn]] void misuse(const QString &message) { throw DatabaseError(SQLITE_MISUSE, message); }

void execRaw(sqlite3 *db, const QString &sql)
{
    char *error = nullptr;
    const int rc = sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        const QString detail = error ? QString::fromUtf8(error) : codeText(rc);
        sqlite3_free(error);
        throw DatabaseError(rc, format(shortened(sql), detail, rc));
    }
}

using StatementPtr = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

// The first column of the first row of a pragma or query that always returns one.
StatementPtr queryRow(sqlite3 *db, const QString &sql)
{
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt *raw = nullptr;
    const int rc = sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &raw, nullptr);
    StatementPtr stmt(raw, &sqlite3_finalize);
    if (rc != SQLITE_OK)
        fail(rc, sql, db);
    const int stepped = sqlite3_step(raw);
    if (stepped != SQLITE_ROW)
        fail(stepped == SQLITE_DONE ? SQLITE_ERROR : stepped, sql, db);
    return stmt;
}

std::int64_t queryInt(sqlite3 *db, const QString &sql) { return sqlite3_column_int64(queryRow(db, sql).get(), 0); }

QString queryText(sqlite3 *db, const QString &sql)
{
    const StatementPtr stmt = queryRow(db, sql);
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt.get(), 0)));
}

} // namespace

// ---- DatabaseError ---------------------------------------------------------------------------

DatabaseError::DatabaseError(int code, const QString &message)
    : std::runtime_error(message.toStdString()), m_code(code)
{
}

// ---- Statement -------------------------------------------------------------------------------

Statement::Statement(Statement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)), m_hasRow(std::exchange(other.m_hasRow, false))
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_hasRow = std::exchange(other.m_hasRow, false);
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(m_stmt); } // a no-op for nullptr

sqlite3_stmt *Statement::live() const
{
    if (!m_stmt)
        misuse(QStringLiteral("a Statement was used after it was moved from"));
    return m_stmt;
}

QString Statement::sql() const { return m_stmt ? QString::fromUtf8(sqlite3_sql(m_stmt)) : QString(); }

void Statement::checkBind(int rc, int index) const
{
    if (rc == SQLITE_OK)
        return;
    if (rc == SQLITE_RANGE) {
        throw DatabaseError(rc, QStringLiteral("%1: there is no parameter %2, the statement has %3")
                                    .arg(shortened(sql()), QString::number(index),
                                         QString::number(sqlite3_bind_parameter_count(m_stmt))));
    }
    fail(rc, QStringLiteral("binding parameter %1 of %2").arg(QString::number(index), shortened(sql())),
         sqlite3_db_handle(m_stmt));
}

Statement &Statement::bindInt64(int index, std::int64_t value)
{
    checkBind(sqlite3_bind_int64(live(), index, value), index);
    return *this;
}

Statement &Statement::bind(int index, bool value) { return bindInt64(index, value ? 1 : 0); }

Statement &Statement::bind(int index, double value)
{
    checkBind(sqlite3_bind_double(live(), index, value), index);
    return *this;
}

Statement &Statement::bind(int index, QStringView value) { return bindUtf8(index, value.toUtf8()); }

Statement &Statement::bindUtf8(int index, const QByteArray &utf8)
{
    // A null data pointer would bind NULL, so empty text gets a real (empty) string.
    const char *data = utf8.isEmpty() ? "" : utf8.constData();
    checkBind(sqlite3_bind_text64(live(), index, data, sqlite3_uint64(utf8.size()), SQLITE_TRANSIENT, SQLITE_UTF8),
              index);
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &value)
{
    // Same reason as for text: an empty blob must not become NULL.
    const int rc = value.isEmpty()
        ? sqlite3_bind_zeroblob(live(), index, 0)
        : sqlite3_bind_blob64(live(), index, value.constData(), sqlite3_uint64(value.size()), SQLITE_TRANSIENT);
    checkBind(rc, index);
    return *this;
}

Statement &Statement::bind(int index, std::nullopt_t)
{
    checkBind(sqlite3_bind_null(live(), index), index);
    return *this;
}

int Statement::parameterIndex(QStringView name) const
{
    const int index = sqlite3_bind_parameter_index(live(), name.toUtf8().constData());
    if (index == 0) {
        throw DatabaseError(SQLITE_RANGE, QStringLiteral("%1: there is no parameter named %2")
                                              .arg(shortened(sql()), name.toString()));
    }
    return index;
}

int Statement::parameterCount() const { return sqlite3_bind_parameter_count(live()); }

Statement &Statement::clearBindings()
{
    sqlite3_clear_bindings(live());
    return *this;
}

bool Statement::step()
{
    sqlite3_stmt *stmt = live();
    m_hasRow = false;
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        m_hasRow = true;
        return true;
    }
    if (rc == SQLITE_DONE)
        return false;
    // Take the message first: reset() leaves the statement ready to run again after the error.
    sqlite3 *db = sqlite3_db_handle(stmt);
    const QString message = format(shortened(sql()), QString::fromUtf8(sqlite3_errmsg(db)), rc);
    sqlite3_reset(stmt);
    throw DatabaseError(rc, message);
}

void Statement::reset()
{
    m_hasRow = false;
    // Its result repeats the error of the last step(), which was thrown then.
    sqlite3_reset(live());
}

void Statement::exec()
{
    while (step()) {
    }
    reset();
}

int Statement::columnCount() const { return sqlite3_column_count(live()); }

void Statement::checkColumn(int i) const
{
    static_cast<void>(live()); // throws when moved from
    if (!m_hasRow) {
        misuse(QStringLiteral("%1: column %2 read without a current row (step() did not just return true)")
                   .arg(shortened(sql()), QString::number(i)));
    }
    const int count = sqlite3_column_count(m_stmt);
    if (i < 0 || i >= count) {
        throw DatabaseError(SQLITE_RANGE, QStringLiteral("%1: there is no column %2, the result has %3")
                                              .arg(shortened(sql()), QString::number(i), QString::number(count)));
    }
}

bool Statement::columnIsNull(int i) const
{
    checkColumn(i);
    return sqlite3_column_type(m_stmt, i) == SQLITE_NULL;
}

std::int64_t Statement::columnInt64(int i) const
{
    checkColumn(i);
    return sqlite3_column_int64(m_stmt, i);
}

double Statement::columnDouble(int i) const
{
    checkColumn(i);
    return sqlite3_column_double(m_stmt, i);
}

QString Statement::columnText(int i) const
{
    checkColumn(i);
    // The type has to be read before the value: reading converts it.
    if (sqlite3_column_type(m_stmt, i) == SQLITE_NULL)
        return {};
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, i));
    const int size = sqlite3_column_bytes(m_stmt, i);
    if (!data)
        fail(SQLITE_NOMEM, QStringLiteral("reading column %1 of %2").arg(QString::number(i), shortened(sql())), nullptr);
    // fromUtf8 of a non-null pointer is never a null QString, so '' stays apart from NULL.
    return QString::fromUtf8(data, size);
}

QByteArray Statement::columnBlob(int i) const
{
    checkColumn(i);
    if (sqlite3_column_type(m_stmt, i) == SQLITE_NULL)
        return {};
    const void *data = sqlite3_column_blob(m_stmt, i);
    const int size = sqlite3_column_bytes(m_stmt, i);
    // SQLite hands out a null pointer for an empty blob; the caller still gets a non-null array.
    if (size == 0)
        return QByteArray("", 0);
    if (!data)
        fail(SQLITE_NOMEM, QStringLiteral("reading column %1 of %2").arg(QString::number(i), shortened(sql())), nullptr);
    return QByteArray(static_cast<const char *>(data), size);
}

// ---- Database --------------------------------------------------------------------------------

Database Database::open(const QString &path, OpenMode mode, std::chrono::milliseconds busyTimeout)
{
    const QString context = QStringLiteral("opening database %1").arg(path);
    int flags = 0;
    switch (mode) {
    case OpenMode::ReadWriteCreate: flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    case OpenMode::ReadWrite: flags = SQLITE_OPEN_READWRITE; break;
    case OpenMode::ReadOnly: flags = SQLITE_OPEN_READONLY; break;
    }
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw, flags, nullptr);
    // SQLite hands out a handle even when opening fails, to carry the message; db closes it.
    Database db(raw, busyTimeout);
    if (!raw)
        fail(SQLITE_NOMEM, context, nullptr);
    if (rc != SQLITE_OK)
        fail(rc, context, raw);
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, int(std::clamp<std::chrono::milliseconds::rep>(busyTimeout.count(), 0, INT_MAX)));
    try {
        // Opening is lazy: read the schema now so that a file that is not a database fails here,
        // with its name, rather than at some later query.
        execRaw(raw, QStringLiteral("SELECT count(*) FROM sqlite_master"));
        execRaw(raw, QStringLiteral("PRAGMA foreign_keys = ON"));
        if (mode != OpenMode::ReadOnly && !db.path().isEmpty()) {
            // WAL lets the server's readers, the app's screens and backups read while one
            // connection writes. The pragma answers with the mode actually in force.
            const QString journal = queryText(raw, QStringLiteral("PRAGMA journal_mode = WAL"));
            if (journal.compare(u"wal", Qt::CaseInsensitive) != 0) {
                throw DatabaseError(SQLITE_ERROR, QStringLiteral("cannot switch to write-ahead logging, the journal "
                                                                 "mode stayed \"%1\"").arg(journal));
            }
        }
        // FULL rather than WAL's usual NORMAL: a recognised record must survive a power cut of the tablet.
        execRaw(raw, QStringLiteral("PRAGMA synchronous = FULL"));
    } catch (const DatabaseError &e) {
        throw DatabaseError(e.code(), context + QStringLiteral(": ") + e.message());
    }
    return db;
}

// The statements compiled by cached(), by SQL text.
struct Database::StatementCache
{
    std::unordered_map<QString, std::shared_ptr<CachedStatement::Entry>> entries;
};

Database::Database(sqlite3 *db, std::chrono::milliseconds busyTimeout)
    : m_cache(std::make_unique<StatementCache>()), m_db(db), m_busyTimeout(busyTimeout)
{
}

Database::Database(Database &&other) noexcept
    : m_cache(std::move(other.m_cache)), m_db(std::exchange(other.m_db, nullptr)), m_busyTimeout(other.m_busyTimeout)
{
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        m_cache.reset();
        sqlite3_close_v2(m_db);
        m_cache = std::move(other.m_cache);
        m_db = std::exchange(other.m_db, nullptr);
        m_busyTimeout = other.m_busyTimeout;
    }
    return *this;
}

// close_v2 rather than close: a Statement that outlives its Database keeps the connection alive
// until it is finalized, instead of the close failing and the handle leaking.
Database::~Database()
{
    m_cache.reset();
    sqlite3_close_v2(m_db);
}

sqlite3 *Database::live() const
{
    if (!m_db)
        misuse(QStringLiteral("a Database was used after it was moved from"));
    return m_db;
}

void Database::exec(const QString &sql) { execRaw(live(), sql); }

Statement Database::prepare(const QString &sql) { return compile(sql, 0); }

CachedStatement Database::cached(const QString &sql)
{
    static_cast<void>(live()); // throws when moved from
    auto &entries = m_cache->entries;
    auto it = entries.find(sql);
    if (it == entries.end()) {
        // PERSISTENT: SQLite allocates it for a long life instead of from its short-lived lookaside.
        auto entry = std::make_shared<CachedStatement::Entry>(CachedStatement::Entry{compile(sql, SQLITE_PREPARE_PERSISTENT)});
        it = entries.emplace(sql, std::move(entry)).first;
    }
    if (it->second->inUse)
        return CachedStatement(compile(sql, 0));
    it->second->inUse = true;
    return CachedStatement(it->second);
}

CachedStatement::CachedStatement(std::shared_ptr<Entry> shared)
    : m_shared(std::move(shared))
    , m_statement(&m_shared->statement)
{
}

CachedStatement::CachedStatement(Statement &&own)
    : m_own(std::move(own))
    , m_statement(&*m_own)
{
}

CachedStatement::CachedStatement(CachedStatement &&other) noexcept
    : m_shared(std::move(other.m_shared))
    , m_own(std::move(other.m_own))
{
    m_statement = m_shared ? &m_shared->statement : (m_own ? &*m_own : nullptr);
    other.m_own.reset();
    other.m_statement = nullptr;
}

CachedStatement::~CachedStatement()
{
    if (!m_shared)
        return; // an own statement is finalized by m_own; a moved-from handle holds nothing
    m_statement->reset();
    m_statement->clearBindings();
    m_shared->inUse = false;
}

Statement Database::compile(const QString &sql, unsigned int flags)
{
    sqlite3 *db = live();
    const QByteArray utf8 = sql.toUtf8();
    if (utf8.size() >= INT_MAX)
        throw DatabaseError(SQLITE_TOOBIG, QStringLiteral("an SQL text of %1 bytes is too long").arg(utf8.size()));
    const char *end = utf8.constData() + utf8.size();
    const char *tail = nullptr;
    sqlite3_stmt *raw = nullptr;
    const int rc = sqlite3_prepare_v3(db, utf8.constData(), int(utf8.size()), flags, &raw, &tail);
    Statement statement(raw);
    if (rc != SQLITE_OK)
        fail(rc, shortened(sql), db);
    if (!raw)
        misuse(QStringLiteral("%1: there is no SQL statement in it").arg(shortened(sql)));
    // Whatever follows the first statement would be silently ignored, so it may only be blanks,
    // semicolons and comments, which compile to no statement at all.
    if (tail && tail < end) {
        sqlite3_stmt *next = nullptr;
        const int nextRc = sqlite3_prepare_v3(db, tail, int(end - tail), 0, &next, nullptr);
        sqlite3_finalize(next);
        if (nextRc != SQLITE_OK || next) {
            misuse(QStringLiteral("%1: holds more than one statement; prepare() compiles one, exec() runs several")
                       .arg(shortened(sql)));
        }
    }
    return statement;
}

std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(live()); }

std::int64_t Database::changes() const
{
#if SQLITE_VERSION_NUMBER >= 3037000
    return sqlite3_changes64(live());
#else
    return sqlite3_changes(live());
#endif
}

bool Database::inTransaction() const { return sqlite3_get_autocommit(live()) == 0; }

QString Database::path() const
{
    const char *name = sqlite3_db_filename(live(), "main");
    return name ? QString::fromUtf8(name) : QString();
}

int Database::userVersion() const { return int(queryInt(live(), QStringLiteral("PRAGMA user_version"))); }

void Database::migrate(const std::vector<Migration> &migrations)
{
    for (size_t i = 0; i < migrations.size(); ++i) {
        const int expected = int(i) + 1;
        if (migrations[i].version != expected) {
            misuse(QStringLiteral("migrations must be numbered 1, 2, 3, ... in order without gaps: entry %1 has "
                                  "version %2 where %3 belongs")
                       .arg(QString::number(expected), QString::number(migrations[i].version),
                            QString::number(expected)));
        }
    }
    const int newest = int(migrations.size());
    const auto refuseNewer = [&](int found) {
        throw DatabaseError(SQLITE_ERROR,
                            QStringLiteral("database %1 has schema version %2, but this program knows versions up to "
                                           "%3 only: a newer version of the program wrote it, so this one must not "
                                           "change it; update the program")
                                .arg(path().isEmpty() ? QStringLiteral("(in memory)") : path(),
                                     QString::number(found), QString::number(newest)));
    };
    const int before = userVersion();
    if (before > newest)
        refuseNewer(before);

    for (const Migration &migration : migrations) {
        if (migration.version <= before)
            continue;
        Transaction transaction(*this, Transaction::Mode::Immediate);
        // Another connection may have migrated while this one waited for the write lock.
        const int current = userVersion();
        if (current > newest)
            refuseNewer(current);
        if (current >= migration.version)
            continue; // the empty transaction is rolled back
        const QString label = QStringLiteral("migration %1").arg(migration.version);
        try {
            if (!migration.sql.isEmpty())
                exec(migration.sql);
            if (migration.step)
                migration.step(*this);
        } catch (const DatabaseError &e) {
            throw DatabaseError(e.code(), label + QStringLiteral(": ") + e.message());
        }
        if (!inTransaction())
            misuse(label + QStringLiteral(" ended the transaction it runs in: it must not COMMIT or ROLLBACK itself"));
        // PRAGMA takes no bound parameters; the number is our own validated int, not outside input.
        exec(QStringLiteral("PRAGMA user_version = %1").arg(migration.version));
        transaction.commit();
    }
}

void Database::backupTo(const QString &path) const
{
    sqlite3 *source = live();
    const QString context = QStringLiteral("backing up to %1").arg(path);
    // backup_step refuses (SQLITE_LOCKED) while its own source connection is writing, and a copy
    // made inside a read transaction would leave the caller's transaction in a state it did not ask for.
    if (sqlite3_get_autocommit(source) == 0)
        misuse(context + QStringLiteral(": not possible while this connection has a transaction open"));
    const QString sourcePath = this->path();
    if (!sourcePath.isEmpty()) {
        const QString target = QFileInfo(path).canonicalFilePath();
        if (!target.isEmpty() && target == QFileInfo(sourcePath).canonicalFilePath())
            misuse(context + QStringLiteral(": that is the database itself"));
    }

    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    const Database target(raw, m_busyTimeout);
    if (!raw)
        fail(SQLITE_NOMEM, context, nullptr);
    if (rc != SQLITE_OK)
        fail(rc, context, raw);
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, int(std::clamp<std::chrono::milliseconds::rep>(m_busyTimeout.count(), 0, INT_MAX)));
    try {
        // A rollback journal for the copy, so that when the backup commits every page is in the
        // file itself and the file can be carried away alone (no -wal beside it to forget).
        const QString journal = queryText(raw, QStringLiteral("PRAGMA journal_mode = DELETE"));
        if (journal.compare(u"delete", Qt::CaseInsensitive) != 0) {
            throw DatabaseError(SQLITE_BUSY, QStringLiteral("the file is in use (journal mode stayed \"%1\")")
                                                 .arg(journal));
        }
        execRaw(raw, QStringLiteral("PRAGMA synchronous = FULL"));
    } catch (const DatabaseError &e) {
        throw DatabaseError(e.code(), context + QStringLiteral(": ") + e.message());
    }

    sqlite3_backup *backup = sqlite3_backup_init(raw, "main", source, "main");
    if (!backup)
        fail(sqlite3_extended_errcode(raw), context, raw);
    // All pages in one step: the copy is read inside one read transaction, so it is a single
    // snapshot, and under WAL a writer on another connection neither blocks it nor makes it start
    // over. BUSY or LOCKED here means a lock was briefly unavailable; the destination's busy
    // handler does not cover the source, so wait for it here within the same timeout.
    const auto deadline = std::chrono::steady_clock::now() + m_busyTimeout;
    int stepped = SQLITE_OK;
    for (;;) {
        stepped = sqlite3_backup_step(backup, -1);
        const int primary = stepped & 0xff;
        if ((primary == SQLITE_BUSY || primary == SQLITE_LOCKED) && std::chrono::steady_clock::now() < deadline) {
            sqlite3_sleep(10);
            continue;
        }
        break;
    }
    const int finished = sqlite3_backup_finish(backup);
    if (stepped != SQLITE_DONE)
        fail(stepped, context, raw);
    if (finished != SQLITE_OK)
        fail(finished, context, raw);
}

// ---- Transaction -----------------------------------------------------------------------------

Transaction::Transaction(Database &db, Mode mode) : m_db(db.handle())
{
    if (!m_db)
        misuse(QStringLiteral("a transaction was begun on a Database that was moved from"));
    if (sqlite3_get_autocommit(m_db) == 0)
        misuse(QStringLiteral("a transaction is already open on this connection; transactions do not nest"));
    execRaw(m_db, mode == Mode::Immediate ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN DEFERRED"));
}

Transaction::~Transaction()
{
    // SQLite rolls back by itself after some errors (disk full, I/O); then there is nothing to do.
    if (m_committed || sqlite3_get_autocommit(m_db) != 0)
        return;
    // Nothing can be reported from a destructor. ROLLBACK fails only when no transaction is open,
    // and since 3.7.11 even unfinished reads do not stop it.
    sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    if (m_committed)
        misuse(QStringLiteral("commit() called twice on one transaction"));
    if (sqlite3_get_autocommit(m_db) != 0) {
        throw DatabaseError(SQLITE_ABORT, QStringLiteral("commit(): the transaction is no longer open; SQLite rolled "
                                                         "it back after an earlier error, or SQL ended it"));
    }
    execRaw(m_db, QStringLiteral("COMMIT"));
    m_committed = true;
}

} // namespace ledger
