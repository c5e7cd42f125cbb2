// A small RAII layer over the sqlite3 C API, shared by the tablet app and the sync server:
// a connection (Database), prepared statements (Statement), transactions (Transaction),
// numbered schema migrations and online backup. Values only ever travel as bound parameters.
// A Database and its Statements belong to one thread at a time; each thread opens its own.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <chrono>
#include <concepts>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace ledger {

// Everything that goes wrong in this file is thrown as one of these. code() is SQLite's extended
// result code (SQLITE_CONSTRAINT_UNIQUE, SQLITE_BUSY, ...); misuse of this API, such as a nested
// transaction, uses SQLITE_MISUSE. what() holds the SQL or operation and SQLite's own message.
class DatabaseError : public std::runtime_error
{
public:
    DatabaseError(int code, const QString &message);

    [[nodiscard]] int code() const noexcept { return m_code; }
    // The primary result code (SQLITE_CONSTRAINT for SQLITE_CONSTRAINT_UNIQUE, and so on).
    [[nodiscard]] int primaryCode() const noexcept { return m_code & 0xff; }
    [[nodiscard]] QString message() const { return QString::fromUtf8(what()); }

private:
    int m_code;
};

class Database;

// A compiled statement with parameters bound by 1-based index or by name (":name" as written in
// the SQL). Finalized when destroyed. Binders return *this so that calls chain.
class Statement
{
public:
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    // Every integer type up to 64 bits, signed or not, except bool (below). quint64 is refused at
    // compile time because SQLite stores signed 64-bit integers and large values would wrap.
    template<std::integral T>
        requires(!std::same_as<T, bool>)
    Statement &bind(int index, T value)
    {
        static_assert(std::is_signed_v<T> || sizeof(T) < sizeof(std::int64_t),
                      "SQLite integers are signed 64-bit: convert explicitly");
        return bindInt64(index, static_cast<std::int64_t>(value));
    }
    Statement &bind(int index, bool value); // stored as 0 or 1
    Statement &bind(int index, double value);
    // Text as UTF-8. A null QString binds as empty text: use std::optional<QString> for NULL.
    Statement &bind(int index, QStringView value);
    // Text already encoded as UTF-8 (a JSON document as written, say), bound without converting.
    Statement &bindUtf8(int index, const QByteArray &utf8);
    // A blob, byte for byte (embedded NULs included). An empty array binds an empty blob, not NULL.
    Statement &bind(int index, const QByteArray &value);
    Statement &bind(int index, std::nullopt_t);
    template<class T>
    Statement &bind(int index, const std::optional<T> &value)
    {
        return value ? bind(index, *value) : bind(index, std::nullopt);
    }
    // A narrow string literal would otherwise turn into a bool; say u"..." or QStringLiteral.
    Statement &bind(int index, const char *) = delete;

    // By name: the parameter exactly as written in the SQL, prefix included (":id", "@id", "$id").
    template<class T>
    Statement &bind(QStringView name, T &&value)
    {
        return bind(parameterIndex(name), std::forward<T>(value));
    }
    [[nodiscard]] int parameterIndex(QStringView name) const;
    [[nodiscard]] int parameterCount() const;
    Statement &clearBindings();

    // Runs to the next row: true when there is one to read, false when the statement is done.
    bool step();
    // Makes the statement ready to run again; the bindings stay.
    void reset();
    // Runs to completion, ignoring rows, then resets so that the statement can be bound again.
    void exec();

    // Columns of the current row, 0-based. Reading when step() has not just returned true, or past
    // the last column, throws. SQLite's own conversions apply (NULL reads as 0 or empty).
    [[nodiscard]] int columnCount() const;
    [[nodiscard]] bool columnIsNull(int i) const;
    [[nodiscard]] std::int64_t columnInt64(int i) const;
    [[nodiscard]] double columnDouble(int i) const;
    // NULL reads as a null QString; '' as an empty, non-null one.
    [[nodiscard]] QString columnText(int i) const;
    // NULL reads as a null QByteArray; an empty blob as an empty, non-null one.
    [[nodiscard]] QByteArray columnBlob(int i) const;

    [[nodiscard]] QString sql() const;
    [[nodiscard]] sqlite3_stmt *handle() const { return m_stmt; }

private:
    friend class Database;
    explicit Statement(sqlite3_stmt *stmt) : m_stmt(stmt) {}

    Statement &bindInt64(int index, std::int64_t value);
    [[nodiscard]] sqlite3_stmt *live() const;
    void checkBind(int rc, int index) const;
    void checkColumn(int i) const;

    sqlite3_stmt *m_stmt = nullptr;
    bool m_hasRow = false;
};

// A statement handed out by Database::cached(): compiled once per connection and reused. It is
// reset and its bindings cleared when this handle goes away, so a half-read result never keeps a
// read snapshot open. If the same SQL is already in use further up the stack (a nested loop), the
// handle holds a freshly compiled statement of its own instead, so the two never share a cursor.
// A handle may outlive its Database, like a Statement: the statement is finalized, and the
// connection closed, when the last of them goes.
class CachedStatement
{
public:
    CachedStatement(CachedStatement &&other) noexcept;
    CachedStatement &operator=(CachedStatement &&) = delete;
    CachedStatement(const CachedStatement &) = delete;
    CachedStatement &operator=(const CachedStatement &) = delete;
    ~CachedStatement();

    Statement *operator->() { return m_statement; }
    Statement &operator*() { return *m_statement; }

private:
    friend class Database;
    struct Entry
    {
        Statement statement;
        bool inUse = false;
    };
    explicit CachedStatement(std::shared_ptr<Entry> shared);
    explicit CachedStatement(Statement &&own);

    std::shared_ptr<Entry> m_shared; // the cache's entry, shared so the handle may outlive the cache
    std::optional<Statement> m_own;  // or a statement of its own
    Statement *m_statement = nullptr;
};

// One numbered step of the schema. `sql` runs first (it may hold several statements), then `step`
// if set, for what plain SQL cannot express. Neither may begin or end a transaction itself.
struct Migration
{
    int version = 0;
    QString sql;
    std::function<void(Database &)> step = {};
};

class Database
{
public:
    enum class OpenMode {
        ReadWriteCreate, // create the file when it is missing
        ReadWrite,       // the file must exist
        ReadOnly,
    };
    static constexpr std::chrono::milliseconds DefaultBusyTimeout{5000};

    // Opens a file, or ":memory:" for a private in-memory database. Files are switched to WAL so
    // that readers (and backups) never wait for the writer; every connection gets
    // synchronous=FULL, foreign_keys=ON and the busy timeout, which is how long a statement waits
    // for another connection's lock before failing with SQLITE_BUSY.
    [[nodiscard]] static Database open(const QString &path, OpenMode mode = OpenMode::ReadWriteCreate,
                                       std::chrono::milliseconds busyTimeout = DefaultBusyTimeout);

    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    // Runs fixed SQL without parameters, possibly several statements. Never build `sql` from
    // values: bind them through prepare().
    void exec(const QString &sql);
    // Compiles exactly one statement; trailing text that holds another statement is refused.
    [[nodiscard]] Statement prepare(const QString &sql);
    // Like prepare(), but compiled once and kept by this connection for the next call with the
    // same text: for statements run many times, such as those in a write path. Use the handle and
    // let it go; the statement stays compiled.
    [[nodiscard]] CachedStatement cached(const QString &sql);

    [[nodiscard]] std::int64_t lastInsertRowId() const;
    // Rows changed by the most recent INSERT, UPDATE or DELETE on this connection.
    [[nodiscard]] std::int64_t changes() const;
    [[nodiscard]] bool inTransaction() const;

    // PRAGMA user_version: the number of the last migration applied.
    [[nodiscard]] int userVersion() const;
    // Applies, in order and each in its own BEGIN IMMEDIATE transaction together with the new
    // user_version, every migration newer than the database. Throws, changing nothing, when the
    // versions are not exactly 1, 2, 3, ... or when the database is newer than the last migration
    // (a newer build of the program wrote it). A migration that fails is rolled back whole and
    // its error rethrown; the ones before it stay applied.
    void migrate(const std::vector<Migration> &migrations);

    // Copies the whole database into `path` (created or replaced) while this and other connections
    // go on working: the copy is one consistent snapshot, and the replacement of `path` is itself
    // a transaction, so a failed backup leaves the previous file as it was. Not inside a
    // transaction on this connection.
    void backupTo(const QString &path) const;

    // The file this connection has open; empty for an in-memory database.
    [[nodiscard]] QString path() const;
    [[nodiscard]] std::chrono::milliseconds busyTimeout() const { return m_busyTimeout; }
    // For the rare need this class does not cover. Do not close it.
    [[nodiscard]] sqlite3 *handle() const { return m_db; }

private:
    struct StatementCache;
    Database(sqlite3 *db, std::chrono::milliseconds busyTimeout);
    [[nodiscard]] sqlite3 *live() const;
    [[nodiscard]] Statement compile(const QString &sql, unsigned int flags);

    std::unique_ptr<StatementCache> m_cache; // released before the connection closes
    sqlite3 *m_db = nullptr;
    std::chrono::milliseconds m_busyTimeout = DefaultBusyTimeout;
};

// BEGIN on construction; ROLLBACK on destruction unless commit() succeeded. Constructing one while
// the connection already has a transaction open throws: SQLite has no nested BEGIN, and silently
// joining the outer transaction would make this one's commit() a lie. It must not outlive the
// connection it was begun on.
class Transaction
{
public:
    enum class Mode {
        Immediate, // takes the write lock now: no SQLITE_BUSY halfway through a write
        Deferred,  // takes locks as statements need them: for read-only snapshots
    };

    explicit Transaction(Database &db, Mode mode = Mode::Immediate);
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    void commit();
    [[nodiscard]] bool isCommitted() const { return m_committed; }

private:
    // The raw handle rather than the Database: the transaction belongs to the connection, which
    // stays the same when a Database object is moved.
    sqlite3 *m_db;
    bool m_committed = false;
};

} // namespace ledger
