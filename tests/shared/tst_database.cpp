// Tests of the SQLite wrapper: every column type both ways, binding, transactions, migrations,
// online backup under a concurrent writer, connection settings and the errors it throws.
#include "ledger/database.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <atomic>
#include <cstring>
#include <limits>
#include <thread>

using namespace ledger;

namespace {

std::int64_t scalarInt(Database &db, const QString &sql)
{
    Statement s = db.prepare(sql);
    if (!s.step())
        throw std::runtime_error("no row");
    return s.columnInt64(0);
}

QString scalarText(Database &db, const QString &sql)
{
    Statement s = db.prepare(sql);
    if (!s.step())
        throw std::runtime_error("no row");
    return s.columnText(0);
}

bool tableExists(Database &db, const QString &name)
{
    Statement s = db.prepare(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"));
    s.bind(1, name);
    s.step();
    return s.columnInt64(0) == 1;
}

// Runs `f`, which must throw DatabaseError; returns it so the test can look at code and message.
template<class F>
std::optional<DatabaseError> expectError(F &&f)
{
    try {
        f();
    } catch (const DatabaseError &e) {
        return e;
    }
    return std::nullopt;
}

// Variadic so that braces with commas inside (a list of migrations) pass through whole.
#define VERIFY_ERROR(var, ...)                                                                     \
    const std::optional<DatabaseError> var = expectError([&] { __VA_ARGS__; });                    \
    QVERIFY2(var.has_value(), "no DatabaseError thrown by: " #__VA_ARGS__)

QByteArray everyByte()
{
    QByteArray bytes;
    for (int round = 0; round < 2; ++round)
        for (int b = 0; b < 256; ++b)
            bytes.append(char(b));
    return bytes;
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void integers_data();
    void integers();
    void doubles_data();
    void doubles();
    void texts_data();
    void texts();
    void blobs_data();
    void blobs();
    void nullsAndOptionals();
    void booleans();
    void namedAndIndexedBinding();
    void statementReusedAfterReset();
    void statementsAreFinalized();
    void cachedStatementsAreReused();
    void cachedStatementNestedGetsItsOwn();
    void cachedStatementsFinalizedWithConnection();
    void metacharactersStoredVerbatim_data();
    void metacharactersStoredVerbatim();

    void rollbackWhenScopeThrows();
    void commitPersistsAcrossReopen();
    void uncommittedIsGoneAfterReopen();
    void nestedTransactionRefused();
    void immediateTransactionWaitsThenFails();
    void readerDoesNotBlockWriter();
    void transactionFollowsMovedDatabase();

    void migrationsApplyInOrder();
    void migrationsSkippedOnReopen();
    void failingMigrationChangesNothing();
    void failingMigrationStepChangesNothing();
    void newerDatabaseRefused();
    void badMigrationListRefused_data();
    void badMigrationListRefused();

    void backupWhileAnotherConnectionWrites();
    void backupReplacesEarlierBackup();
    void backupRefusals();

    void connectionSettings();
    void readOnlyRefusesWrites();
    void errorsCarrySqliteMessage();
    void lastInsertRowIdAndChanges();
    void movedFromObjectsRefuseUse();

private:
    QTemporaryDir m_dir;
    [[nodiscard]] QString file(const QString &name) const { return m_dir.filePath(name); }
};

// ---- column types ----------------------------------------------------------------------------

void TestDatabase::integers_data()
{
    QTest::addColumn<qint64>("value");
    QTest::newRow("zero") << qint64(0);
    QTest::newRow("minus one") << qint64(-1);
    QTest::newRow("beyond 32 bits") << qint64(8'000'000'000'00); // 8亿元 in fen
    QTest::newRow("max") << std::numeric_limits<qint64>::max();
    QTest::newRow("min") << std::numeric_limits<qint64>::min();
}

void TestDatabase::integers()
{
    QFETCH(qint64, value);
    Database db = Database::open(QStringLiteral(":memory:"));
    db.exec(QStringLiteral("CREATE TABLE t(v)"));
    db.prepare(QStringLiteral("INSERT INTO t(v) VALUES (?)")).bind(1, value).exec();
    Statement s = db.prepare(QStringLiteral("SELECT v, typeof(v) FROM t"));
    QVERIFY(s.step());
    QCOMPARE(s.columnInt64(0), value);
    QCOMPARE(s.columnText(1), QStringLiteral("integer"));
    QVERIFY(!s.step());
}

void TestDatabase::doubles_data()
{
    QTest::addColumn<double>("value");
    QTest::newRow("tenth") << 0.1;
    QTest::newRow("negative tiny") << -1e-300;
    QTest::newRow("huge") << 1.7976931348623157e308;
    QTest::newRow("latitude") << 26.074508;
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity();
}

void TestDatabase::doubles()
{
    QFETCH(double, value);
    Database db = Database::open(QStringLiteral(":memory:"));
    db.exec(QStringLiteral("CREATE TABLE t(v REAL)"));
    db.prepare(QStringLiteral("INSERT INTO t(v) VALUES (?)")).bind(1, value).exec();
    Statement s = db.prepare(QStringLiteral("SELECT v, typeof(v) FROM t"));
    QVERIFY(s.step());
    // Bit-exact, not fuzzy: a stored coordinate must come back as the same double.
    const double back = s.columnDouble(0);
    QCOMPARE(back, value);
    QCOMPARE(std::memcmp(&back, &value, sizeof value), 0);
    QCOMPARE(s.columnText(1), QStringLiteral("real"));
}

void TestDatabase::texts_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("utf8Hex"); // what SQLite must hold: UTF-8, not UTF-16

    QTest::newRow("ascii") << QStringLiteral("Fuzhou") << QByteArray("46757A686F75");
    // UTF-8 of 招商引资台账, spelled out so that the expectation does not come from Qt's encoder.
    QTest::newRow("chinese") << QStringLiteral("招商引资台账") << QByteArray("E68B9BE59586E5BC95E8B584E58FB0E8B4A6");
    QTest::newRow("mixed, punctuation") << QStringLiteral("厦门（集美）·有限公司, Ltd.")
                                        << QStringLiteral("厦门（集美）·有限公司, Ltd.").toUtf8().toHex().toUpper();
    QTest::newRow("outside the BMP") << QString::fromUtf16(u"𠀋😀") << QByteArray("F0A0808BF09F9880");
    QTest::newRow("empty") << QStringLiteral("") << QByteArray();
    QString withNul = QStringLiteral("a");
    withNul += QChar(0);
    withNul += QStringLiteral("b");
    QTest::newRow("embedded NUL") << withNul << QByteArray("610062");
    QTest::newRow("long") << QString(100000, QChar(u'账')) << QByteArray("E8B4A6").repeated(100000);
}

void TestDatabase::texts()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, utf8Hex);
    Database db = Database::open(file(QStringLiteral("texts.db")));
    db.exec(QStringLiteral("DROP TABLE IF EXISTS t; CREATE TABLE t(v TEXT)"));
    db.prepare(QStringLiteral("INSERT INTO t(v) VALUES (?)")).bind(1, value).exec();
    Statement s = db.prepare(QStringLiteral("SELECT v, typeof(v), hex(v), v IS NULL FROM t"));
    QVERIFY(s.step());
    QCOMPARE(s.columnText(0), value);
    QVERIFY(!s.columnText(0).isNull());
    QCOMPARE(s.columnText(1), QStringLiteral("text"));
    QCOMPARE(s.columnText(2).toLatin1(), utf8Hex);
    QCOMPARE(s.columnInt64(3), 0);
    QVERIFY(!s.columnIsNull(0));
}

void TestDatabase::blobs_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("embedded NULs") << QByteArray("\0a\0\0b\0", 6);
    QTest::newRow("only NUL") << QByteArray(1, '\0');
    QTest::newRow("every byte value") << everyByte();
    QTest::newRow("invalid UTF-8") << QByteArray("\xff\xfe\xc0\x80", 4);
    QTest::newRow("photo-sized") << everyByte().repeated(2048); // 1 MiB
    QTest::newRow("empty") << QByteArray("", 0);
}

void TestDatabase::blobs()
{
    QFETCH(QByteArray, value);
    Database db = Database::open(QStringLiteral(":memory:"));
    db.exec(QStringLiteral("CREATE TABLE t(v BLOB)"));
    db.prepare(QStringLiteral("INSERT INTO t(v) VALUES (:v)")).bind(u":v", value).exec();
    Statement s = db.prepare(QStringLiteral("SELECT v, typeof(v), length(v) FROM t"));
    QVERIFY(s.step());
    const QByteArray back = s.columnBlob(0);
    QCOMPARE(back.size(), value.size());
    QCOMPARE(back, value);
    QVERIFY(!back.isNull());
    QCOMPARE(s.columnText(1), QStringLiteral("blob"));
    QCOMPARE(s.columnInt64(2), value.size());
}

void TestDatabase::nullsAndOptionals()
{
    Database db = Database::open(QStringLiteral(":memory:"));
    db.exec(QStringLiteral("CREATE TABLE t(i INTEGER, d REAL, s TEXT, b BLOB, n TEXT)"));
    db.prepare(QStringLiteral("INSERT INTO t VALUES (?, ?, ?, ?, ?)"))
        .bind(1, std::optional<qint64>())
        .bind(2, std::optional<double>())
        .bind(3, std::optional<QString>())
        .bind(4, std::nullopt)
        .bind(5, QString()) // a null QString is text, not NULL: optionals say NULL
        .exec();
    db.prepare(QStringLiteral("INSERT INTO t VALUES (?, ?, ?, ?, ?)"))
        .bind(1, std::optional<qint64>(42))
        .bind(2, std::optional<double>(2.5))
        .bind(3, std::optional<QString>(QStringLiteral("有")))
        .bind(4, std::optional<QByteArray>(QByteArray("\0", 1)))
        .bind(5, std::optional<int>(7))
        .exec();

    Statement s = db.prepare(QStringLiteral("SELECT i, d, s, b, n, typeof(n) FROM t ORDER BY rowid"));
    QVERIFY(s.step());
    for (int c = 0; c < 4; ++c)
        QVERIFY2(s.columnIsNull(c), qPrintable(QString::number(c)));
    QVERIFY(s.columnText(2).isNull());
    QVERIFY(s.columnBlob(3).isNull());
    QCOMPARE(s.columnInt64(0), 0);
    QVERIFY(!s.columnIsNull(4));
    QCOMPARE(s.columnText(5), QStringLiteral("text"));
    QVERIFY(s.columnText(4).isEmpty());
    QVERIFY(!s.columnText(4).isNull());

    QVERIFY(s.step());
    QCOMPARE(s.columnInt64(0), 42);
    QCOMPARE(s.columnDouble(1), 2.5);
    QCOMPARE(s.columnText(2), QStringLiteral("有"));
    QCOMPARE(s.columnBlob(3), QByteArray("\0", 1));
    QCOMPARE(s.columnInt64(4), 7);
    QVERIFY(!s.step());
}

void TestDatabase::booleans()
{
    Database db = Database::open(QStringLiteral(":memory:"));
    Statement s = db.prepare(QStringLiteral("SELECT ?1, ?2, typeof(?1)"));
    s.bind(1, true).bind(2, false);
    QVERIFY(s.step());
    QCOMPARE(s.columnInt64(0), 1);
    QCOMPARE(s.columnInt64(1), 0);
    QCOMPARE(s.columnText(2), QStringLiteral("integer"));
}

// ---- binding ---------------------------------------------------------------------------------

void TestDatabase::namedAndIndexedBinding()
{
    Database db = Database::open(QStringLiteral(":memory:"));
    db.exec(QStringLiteral("CREATE TABLE enterprise(id INTEGER PRIMARY KEY, name TEXT, code TEXT, capital INTEGER)"));

    Statement insert = db.prepare(
        QStringLiteral("INSERT INTO enterprise(id, name, code, capital) VALUES (:id, :name, :code, :capital)"));
    QCOMPARE(insert.parameterCount(), 4);
    QCOMPARE(insert.parameterIndex(u":id"), 1);
    QCOMPARE(insert.parameterIndex(u":capital"), 4);
    // Bound in another order than written: names, not positions, decide.
    insert.bind(u":capital", qint64(80'000'000'000))
        .bind(u":code", QStringLiteral("91350100M000100Y43"))
        .bind(u":name", QStringLiteral("福州某某科技有限公司"))
        .bind(QStringLiteral(":id"), 7)
        .exec();
    // Indexed, mixing numbered and anonymous parameters.
    db.prepare(QStringLiteral("INSERT INTO enterprise(id, name, code, capital) VALUES (?1, ?2, ?3, ?4)"))
        .bind(4, 5)
        .bind(3, QStringLiteral("91440300708461136T"))
        .bind(2, QStringLiteral("深圳某某有限公司"))
        .bind(1, 8)
        .exec();

    // One name used twice binds both places; other prefixes work as written.
    Statement find = db.prepare(QStringLiteral("SELECT id, name FROM enterprise WHERE capital >= @min AND "
                                               "(code = $code OR name = $code) AND @min > 0 ORDER BY id"));
    find.bind(u"@min", 1).bind(u"$code", QStringLiteral("91350100M000100Y43"));
    QVERIFY(find.step());
    QCOMPARE(find.columnInt64(0), 7);
    QCOMPARE(find.columnText(1), QStringLiteral("福州某某科技有限公司"));
    QVERIFY(!find.step());

    Statement byId = db.prepare(QStringLiteral("SELECT capital FROM enterprise WHERE id = ?"));
    byId.bind(1, 8);
    QVERIFY(byId.step());
    QCOMPARE(byId.columnInt64(0), 5);

    VERIFY_ERROR(unknownName, static_cast<void>(insert.parameterIndex(u":nosuch")));
    QCOMPARE(unknownName->code(), SQLITE_RANGE);
    QVERIFY2(unknownName->message().contains(u":nosuch"), unknownName->what());
    VERIFY_ERROR(withoutPrefix, insert.bind(u"id", 1));
    QVERIFY2(withoutPrefix->message().contains(u"named id"), withoutPrefix->what());
    VERIFY_ERROR(badIndex, insert.bind(5, 1));
    QCOMPARE(badIndex->code(), SQLITE_RANGE);
    QVERIFY2(badIndex->message().contains(u"no parameter 5, the statement has 4"), badIndex->what());
    VERIFY_ERROR(zeroIndex, insert.bind(int(0), 1));
    QCOMPARE(zeroIndex->code(), SQLITE_RANGE);
}

void TestDatabase::statementReusedAfterReset()
{
    Database db = Database::open(QStringLiteral(":memory:"));
    db.exec(QStringLiteral("CREATE TABLE t(n INTEGER, s TEXT)"));
    Statement insert = db.prepare(QStringLiteral("INSERT INTO t VALUES (?, ?)"));
    for (int i = 0; i < 100; ++i)
        insert.bind(1, i).bind(2, QString::number(i * i)).exec(); // exec() resets for the next round
    QCOMPARE(scalarInt(db, QStringLiteral("SELECT count(*) FROM t")), 100);
    QCOMPARE(scalarInt(db, QStringLiteral("SELECT sum(n) FROM t")), 4950);

    Statement select = db.prepare(QStringLiteral("SELECT s FROM t WHERE n = ?"));
    select.bind(1, 9);
    QVERIFY(select.step());
    QCOMPARE(select.columnText(0), QStringLiteral("81"));
    select.reset();
    select.bind(1, 12);
    QVERIFY(select.step());
    QCOMPARE(select.columnText(0), QStringLiteral("144"));
    // Bindings survive reset(), clearBindings() drops them to NULL.
    select.reset();
    QVERIFY(select.step());
    QCOMPARE(select.columnText(0), QStringLiteral("144"));
    select.reset();
    select.clearBindings();
    QVERIFY(!select.step());
}

void TestDatabase::statementsAreFinalized()
{
    Database db = Database::open(QStringLiteral(":memory:"));
    {
        Statement a = db.prepare(QStringLiteral("SELECT 1"));
        Statement b = db.prepare(QStringLiteral("SELECT 2"));
        QVERIFY(sqlite3_next_stmt(db.handle(), nullptr) != nullptr);
        Statement moved = std::move(a);
        b = std::move(moved); // the statement b held is finalized here
        QVERIFY(b.step());
        QCOMPARE(b.columnInt64(0), 1);
    }
    QVERIFY(sqlite3_next_stmt(db.handle(), nullptr) == nullptr);
}

void TestDatabase::cachedStatementsAreReused()
{
    Database db = Database::open(QStringLiteral(":memory:"));
    db.exec(QStringLiteral("CREATE TABLE t(n INTEGER, s TEXT)"));
    const QString insertSql = QStringLiteral("INSERT INTO t VALUES (?, ?)");
    sqlite3_stmt *first = nullptr;
    for (int i = 0; i < 10; ++i) {
        CachedStatement insert = db.cached(insertSql);
        if (!first)
            first = insert->handle();
        QCOMPARE(insert->handle(), first); // compiled once, handed out again
        insert->bind(1, i).bind(2, QString::number(i)).exec();
    }
    QCOMPARE(scalarInt(db, QStringLiteral("SELECT count(*) FROM t")), 10);

    const QString selectSql = QStringLiteral("SELECT n FROM t WHERE n >= ? ORDER BY n");
    {
        // Left half-read: the next handle must start from the first row, with no bindings left.
        CachedStatement s = db.cached(selectSql);
        s->bind(1, 5);
        QVERIFY(s->step());
        QCOMPARE(s->columnInt64(0), 5);
    }
    CachedStatement again = db.cached(selectSql);
    VERIFY_ERROR(e, static_cast<void>(again->columnInt64(0))); // no row read yet on this handle
    // Bindings cleared to NULL, and n >= NULL holds for no row; kept bindings would give row 5.
    QVERIFY2(!again->step(), "a cached statement kept its bindings from the previous handle");
    again->reset();
    again->bind(1, 8);
    QVERIFY(again->step());
    QCOMPARE(again->columnInt64(0), 8);
}

void TestDatabase::cachedStatementNestedGetsItsOwn()
{
    Database db = Database::open(QStringLiteral(":memory:"));
    db.exec(QStringLiteral("CREATE TABLE t(n INTEGER); INSERT INTO t VALUES (1), (2), (3)"));
    const QString sql = QStringLiteral("SELECT n FROM t WHERE n >= ? ORDER BY n");
    CachedStatement outer = db.cached(sql);
    outer->bind(1, 2);
    QVERIFY(outer->step());
    QCOMPARE(outer->columnInt64(0), 2);
    {
        // The same SQL while the outer handle is reading: a separate statement, own cursor.
        CachedStatement inner = db.cached(sql);
        QVERIFY(inner->handle() != outer->handle());
        inner->bind(1, 1);
        QVERIFY(inner->step());
        QCOMPARE(inner->columnInt64(0), 1);
    }
    QVERIFY(outer->step());
    QCOMPARE(outer->columnInt64(0), 3);
    QVERIFY(!outer->step());
}

void TestDatabase::cachedStatementsFinalizedWithConnection()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cache.sqlite"));
    auto use = [&](bool keepHandle) -> std::optional<CachedStatement> {
        Database db = Database::open(path);
        db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS t(n INTEGER)"));
        db.cached(QStringLiteral("INSERT INTO t VALUES (1)"))->exec();
        Database moved = std::move(db); // the cache moves with the connection
        moved.cached(QStringLiteral("INSERT INTO t VALUES (1)"))->exec();
        CachedStatement count = moved.cached(QStringLiteral("SELECT count(*) FROM t"));
        if (!count->step())
            throw std::runtime_error("no count");
        if (keepHandle)
            return std::optional<CachedStatement>(std::move(count)); // outlives its Database
        return std::optional<CachedStatement>();
    };
    use(false); // the first open allocates SQLite's global state; measure from here
    const auto before = sqlite3_memory_used();
    use(false);
    // Every cached statement finalized and the connection closed: SQLite holds no more memory
    // than before (a leaked statement keeps its connection alive as a zombie, pages and all).
    QCOMPARE(sqlite3_memory_used(), before);
    {
        std::optional<CachedStatement> survivor = use(true);
        QVERIFY(survivor);
        QVERIFY(sqlite3_memory_used() > before); // the connection waits for the last statement
        (*survivor)->reset(); // still safe to use: the connection stays until it goes
    }
    QCOMPARE(sqlite3_memory_used(), before);
    Database db = Database::open(path);
    QCOMPARE(scalarInt(db, QStringLiteral("SELECT count(*) FROM t")), 6);
}

void TestDatabase::metacharactersStoredVerbatim_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("classic injection") << QStringLiteral("'); DROP TABLE x; --");
    QTest::newRow("quote in a name") << QStringLiteral("O'Brien & Sons \"Ltd\"");
    QTest::newRow("comment and semicolon") << QStringLiteral("/* x */ ; -- y");
    QTest::newRow("parameter lookalikes") << QStringLiteral("?1 :name @a $b ?");
    QTest::newRow("format lookalikes") << QStringLiteral("%1 %s %%");
    QTest::newRow("backslashes") << QStringLiteral("C:\\temp\\'x'\\n");
    QTest::newRow("chinese quotes") << QStringLiteral("「福州」；DROP TABLE x；");
}

void TestDatabase::metacharactersStoredVerbatim()
{
    QFETCH(QString, value);
    Database db = Database::open(QStringLiteral(":memory:"));
    db.exec(QStringLiteral("CREATE TABLE x(v TEXT)"));
    db.prepare(QStringLiteral("INSERT INTO x(v) VALUES (?)")).bind(1, value).exec();
    QVERIFY(tableExists(db, QStringLiteral("x")));
    QCOMPARE(scalarInt(db, QStringLiteral("SELECT count(*) FROM x")), 1);
    Statement find = db.prepare(QStringLiteral("SELECT v FROM x WHERE v = :v"));
    find.bind(u":v", value);
    QVERIFY(find.step());
    QCOMPARE(find.columnText(0), value);
}

// ---- transactions ----------------------------------------------------------------------------

void TestDatabase::rollbackWhenScopeThrows()
{
    const QString path = file(QStringLiteral("rollback.db"));
    Database db = Database::open(path);
    db.exec(QStringLiteral("CREATE TABLE t(n INTEGER)"));
    bool reachedThrow = false;
    try {
        Transaction tx(db);
        Statement insert = db.prepare(QStringLiteral("INSERT INTO t VALUES (?)"));
        for (int i = 0; i < 3; ++i)
            insert.bind(1, i).exec();
        QCOMPARE(scalarInt(db, QStringLiteral("SELECT count(*) FROM t")), 3); // visible inside
        reachedThrow = true;
        throw std::runtime_error("midway");
    } catch (const std::runtime_error &) {
    }
    QVERIFY(reachedThrow);
    QVERIFY(!db.inTransaction());
    QCOMPARE(scalarInt(db, QStringLiteral("SELECT count(*) FROM t")), 0);
    Database other = Database::open(path);
    QCOMPARE(scalarInt(other, QStringLiteral("SELECT count(*) FROM t")), 0);

    // A failing statement inside the transaction is the same story.
    const auto failed = expectError([&] {
        Transaction tx(db);
        db.exec(QStringLiteral("INSERT INTO t VALUES (1)"));
        db.exec(QStringLiteral("INSERT INTO nosuch VALUES (1)"));
        tx.commit();
    });
    QVERIFY(failed);
    QCOMPARE(scalarInt(db, QStringLiteral("SELECT count(*) FROM t")), 0);
}

void TestDatabase::commitPersistsAcrossReopen()
{
    const QString path = file(QStringLiteral("commit.db"));
    {
        Database db = Database::open(path);
        db.exec(QStringLiteral("CREATE TABLE t(n INTEGER, s TEXT)"));
        Transaction tx(db);
        Statement insert = db.prepare(QStringLiteral("INSERT INTO t VALUES (?, ?)"));
        for (int i = 1; i <= 10; ++i)
            insert.bind(1, i).bind(2, QStringLiteral("第%1条").arg(i)).exec();
        tx.commit();
        QVERIFY(tx.isCommitted());
        QVERIFY(!db.inTransaction());
        VERIFY_ERROR(twice, tx.commit());
        QCOMPARE(twice->code(), SQLITE_MISUSE);
    }
    Database db = Database::open(path);
    QCOMPARE(scalarInt(db, QStringLiteral("SELECT count(*) FROM t")), 10);
    QCOMPARE(scalarInt(db, QStringLiteral("SELECT sum(n) FROM t")), 55);
    QCOMPARE(scalarText(db, QStringLiteral("SELECT s FROM t WHERE n = 10")), QStringLiteral("第10条"));
}

void TestDatabase::uncommittedIsGoneAfterReopen()
{
    const QString path = file(QStringLiteral("uncommitted.db"));
    {
        Database db = Database::open(path);
        db.exec(QStringLiteral("CREATE TABLE t(n INTEGER)"));
        Transaction tx(db, Transaction::Mode::Deferred);
        db.exec(QStringLiteral("INSERT INTO t VALUES (1)"));
        // No commit: the transaction is destroyed first, then the connection.
    }
    Database db = Database::open(path);
    QCOMPARE(scalarInt(db, QStringLiteral("SELECT count(*) FROM t")), 0);
}

void TestDatabase::nestedTransactionRefused()
{
    Database db = Database::open(QStringLiteral(":memory:"));
    db.exec(QStringLiteral("CREATE TABLE t(n INTEGER)"));
    Transaction outer(db);
    db.exec(QStringLiteral("INSERT INTO t VALUES (1)"));
    VERIFY_ERROR(nested, Transaction inner(db));
    QCOMPARE(nested->code(), SQLITE_MISUSE);
    QVERIFY2(nested->message().contains(u"already open"), nested->what());
    // The refused inner one did not roll back the outer one.
    QVERIFY(db.inTransaction());
    outer.commit();
    QCOMPARE(scalarInt(db, QStringLiteral("SELECT count(*) FROM t")), 1);

    // A transaction begun by hand counts as open too.
    db.exec(QStringLiteral("BEGIN"));
    VERIFY_ERROR(byHand, Transaction tx(db, Transaction::Mode::Deferred));
    QCOMPARE(byHand->code(), SQLITE_MISUSE);
    db.exec(QStringLiteral("ROLLBACK"));
}

void TestDatabase::immediateTransactionWaitsThenFails()
{
    const QString path = file(QStringLiteral("busy.db"));
    Database writer = Database::open(path);
    writer.exec(QStringLiteral("CREATE TABLE t(n INTEGER)"));
    Database other = Database::open(path, Database::OpenMode::ReadWrite, std::chrono::milliseconds(150));
    QCOMPARE(other.busyTimeout(), std::chrono::milliseconds(150));

    Transaction tx(writer);
    writer.exec(QStringLiteral("INSERT INTO t VALUES (1)"));
    QElapsedTimer timer;
    timer.start();
    VERIFY_ERROR(busy, Transaction second(other));
    QCOMPARE(busy->primaryCode(), SQLITE_BUSY);
    QVERIFY2(busy->message().contains(u"database is locked"), busy->what());
    QVERIFY2(timer.elapsed() >= 100, qPrintable(QString::number(timer.elapsed()))); // it did wait
    // Readers are not blocked by the writer under WAL, and see only committed rows.
    QCOMPARE(scalarInt(other, QStringLiteral("SELECT count(*) FROM t")), 0);
    tx.commit();
    QCOMPARE(scalarInt(other, QStringLiteral("SELECT count(*) FROM t")), 1);
}

void TestDatabase::readerDoesNotBlockWriter()
{
    // What WAL buys the server and the app: a long read (a report, a sync download, a backup)
    // does not stop a write from committing. With a rollback journal this commit would wait for
    // the reader and fail with SQLITE_BUSY.
    const QString path = file(QStringLiteral("reader-writer.db"));
    Database reader = Database::open(path);
    reader.exec(QStringLiteral("CREATE TABLE t(n INTEGER); INSERT INTO t VALUES (1), (2), (3)"));
    Database writer = Database::open(path, Database::OpenMode::ReadWrite, std::chrono::milliseconds(100));

    Statement rows = reader.prepare(QStringLiteral("SELECT n FROM t ORDER BY n"));
    QVERIFY(rows.step()); // the read transaction is open from here until the statement is done
    {
        Transaction tx(writer);
        writer.exec(QStringLiteral("INSERT INTO t VALUES (4)"));
        tx.commit();
    }
    // The reader goes on in its snapshot: the row committed meanwhile is not in it.
    int seen = 1;
    while (rows.step())
        ++seen;
    QCOMPARE(seen, 3);
    QCOMPARE(scalarInt(reader, QStringLiteral("SELECT count(*) FROM t")), 4);
}

void TestDatabase::transactionFollowsMovedDatabase()
{
    Database db = Database::open(QStringLiteral(":memory:"));
    db.exec(QStringLiteral("CREATE TABLE t(n INTEGER)"));
    Database moved = std::move(db);
    {
        Transaction tx(moved);
        Database again = std::move(moved);
        again.exec(QStringLiteral("INSERT INTO t VALUES (1)"));
        QVERIFY(again.inTransaction());
        moved = std::move(again);
    }
    QVERIFY(!moved.inTransaction());
    QCOMPARE(scalarInt(moved, QStringLiteral("SELECT count(*) FROM t")), 0);
}

// ---- migrations ------------------------------------------------------------------------------

void TestDatabase::migrationsApplyInOrder()
{
    Database db = Database::open(file(QStringLiteral("migrate-order.db")));
    QCOMPARE(db.userVersion(), 0);
    QList<int> ran;
    const std::vector<Migration> migrations{
        {1, QStringLiteral("CREATE TABLE unit(id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
                           "CREATE TABLE person(id INTEGER PRIMARY KEY, unit INTEGER REFERENCES unit(id))"),
         [&](Database &) { ran << 1; }},
        // Needs 1 to have run: it alters what 1 created.
        {2, QStringLiteral("ALTER TABLE person ADD COLUMN name TEXT"), [&](Database &) { ran << 2; }},
        // C++ step after SQL, inside the same transaction.
        {3, QStringLiteral("CREATE INDEX person_unit ON person(unit)"),
         [&](Database &d) {
             ran << 3;
             QCOMPARE(d.userVersion(), 2); // its own number is written after it succeeds
             d.prepare(QStringLiteral("INSERT INTO unit(id, name) VALUES (?, ?)"))
                 .bind(1, 1)
                 .bind(2, QStringLiteral("招商局"))
                 .exec();
         }},
    };
    db.migrate(migrations);
    QCOMPARE(ran, (QList<int>{1, 2, 3}));
    QCOMPARE(db.userVersion(), 3);
    QVERIFY(!db.inTransaction());
    db.prepare(QStringLiteral("INSERT INTO person(id, unit, name) VALUES (1, 1, ?)"))
        .bind(1, QStringLiteral("张三"))
        .exec();
    QCOMPARE(scalarText(db, QStringLiteral("SELECT u.name FROM person p JOIN unit u ON u.id = p.unit")),
             QStringLiteral("招商局"));
    QCOMPARE(scalarInt(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'person_unit'")), 1);
}

void TestDatabase::migrationsSkippedOnReopen()
{
    const QString path = file(QStringLiteral("migrate-reopen.db"));
    int runs1 = 0, runs2 = 0, runs3 = 0;
    std::vector<Migration> migrations{
        {1, QStringLiteral("CREATE TABLE a(x)"), [&](Database &) { ++runs1; }},
        {2, QStringLiteral("CREATE TABLE b(x)"), [&](Database &) { ++runs2; }},
    };
    {
        Database db = Database::open(path);
        db.migrate(migrations);
    }
    QCOMPARE(runs1, 1);
    QCOMPARE(runs2, 1);
    {
        Database db = Database::open(path);
        QCOMPARE(db.userVersion(), 2);
        db.migrate(migrations); // "CREATE TABLE a" again would fail if it ran
        QCOMPARE(runs1, 1);
        QCOMPARE(runs2, 1);
        migrations.push_back({3, QStringLiteral("CREATE TABLE c(x)"), [&](Database &) { ++runs3; }});
        db.migrate(migrations);
    }
    QCOMPARE(runs1, 1);
    QCOMPARE(runs2, 1);
    QCOMPARE(runs3, 1);
    Database db = Database::open(path);
    QCOMPARE(db.userVersion(), 3);
    QVERIFY(tableExists(db, QStringLiteral("c")));
}

void TestDatabase::failingMigrationChangesNothing()
{
    const QString path = file(QStringLiteral("migrate-fail.db"));
    Database db = Database::open(path);
    db.migrate({{1, QStringLiteral("CREATE TABLE a(x); INSERT INTO a VALUES (1)")}});
    const std::vector<Migration> migrations{
        {1, QStringLiteral("CREATE TABLE a(x); INSERT INTO a VALUES (1)")},
        // The first two statements succeed before the third fails.
        {2, QStringLiteral("CREATE TABLE b(y); INSERT INTO a VALUES (2); INSERT INTO nosuch VALUES (3)")},
        {3, QStringLiteral("CREATE TABLE c(z)")},
    };
    VERIFY_ERROR(error, db.migrate(migrations));
    QVERIFY2(error->message().contains(u"migration 2"), error->what());
    QVERIFY2(error->message().contains(u"no such table: nosuch"), error->what());
    QCOMPARE(db.userVersion(), 1);
    QVERIFY(!db.inTransaction());
    QVERIFY(!tableExists(db, QStringLiteral("b")));
    QVERIFY(!tableExists(db, QStringLiteral("c"))); // nothing after the failure ran
    QCOMPARE(scalarInt(db, QStringLiteral("SELECT count(*) FROM a")), 1);
    // Seen from a fresh connection too, so it is not an artefact of this one's cache.
    Database other = Database::open(path);
    QCOMPARE(other.userVersion(), 1);
    QVERIFY(!tableExists(other, QStringLiteral("b")));
}

void TestDatabase::failingMigrationStepChangesNothing()
{
    Database db = Database::open(file(QStringLiteral("migrate-step-fail.db")));
    const std::vector<Migration> migrations{
        {1, QStringLiteral("CREATE TABLE a(x)")},
        {2, QStringLiteral("ALTER TABLE a ADD COLUMN y"),
         [](Database &d) {
             d.exec(QStringLiteral("INSERT INTO a VALUES (1, 2)"));
             throw std::logic_error("the data cannot be converted");
         }},
    };
    bool caught = false;
    try {
        db.migrate(migrations);
    } catch (const std::logic_error &e) {
        caught = true; // the step's own exception, not rewrapped
        QCOMPARE(QByteArray(e.what()), QByteArray("the data cannot be converted"));
    }
    QVERIFY(caught);
    QCOMPARE(db.userVersion(), 1);
    QCOMPARE(scalarInt(db, QStringLiteral("SELECT count(*) FROM pragma_table_info('a')")), 1);
    QCOMPARE(scalarInt(db, QStringLiteral("SELECT count(*) FROM a")), 0);
}

void TestDatabase::newerDatabaseRefused()
{
    const QString path = file(QStringLiteral("migrate-newer.db"));
    {
        Database db = Database::open(path);
        db.migrate({{1, QStringLiteral("CREATE TABLE a(x)")},
                    {2, QStringLiteral("CREATE TABLE b(x)")},
                    {3, QStringLiteral("CREATE TABLE c(x)")}});
    }
    Database db = Database::open(path);
    bool stepRan = false;
    VERIFY_ERROR(error, db.migrate({{1, QStringLiteral("CREATE TABLE a(x)"), [&](Database &) { stepRan = true; }},
                                    {2, QStringLiteral("CREATE TABLE b(x)")}}));
    QVERIFY2(error->message().contains(u"schema version 3"), error->what());
    QVERIFY2(error->message().contains(u"up to 2"), error->what());
    QVERIFY2(error->message().contains(u"newer version of the program"), error->what());
    QVERIFY(!stepRan);
    QCOMPARE(db.userVersion(), 3);
    QVERIFY(tableExists(db, QStringLiteral("c")));
    // An empty list knows version 0 only.
    VERIFY_ERROR(empty, db.migrate({}));
    QVERIFY2(empty->message().contains(u"up to 0"), empty->what());
}

void TestDatabase::badMigrationListRefused_data()
{
    QTest::addColumn<QList<int>>("versions");
    QTest::newRow("starts at 2") << QList<int>{2, 3};
    QTest::newRow("starts at 0") << QList<int>{0, 1};
    QTest::newRow("repeated") << QList<int>{1, 1, 2};
    QTest::newRow("gap") << QList<int>{1, 2, 4};
    QTest::newRow("descending") << QList<int>{1, 3, 2};
    QTest::newRow("negative") << QList<int>{-1};
}

void TestDatabase::badMigrationListRefused()
{
    QFETCH(QList<int>, versions);
    Database db = Database::open(QStringLiteral(":memory:"));
    std::vector<Migration> migrations;
    for (int v : versions)
        migrations.push_back({v, QStringLiteral("CREATE TABLE t%1(x)").arg(migrations.size())});
    VERIFY_ERROR(error, db.migrate(migrations));
    QCOMPARE(error->code(), SQLITE_MISUSE);
    QVERIFY2(error->message().contains(u"1, 2, 3"), error->what());
    // Refused before anything ran: not even a valid first entry was applied.
    QCOMPARE(db.userVersion(), 0);
    QCOMPARE(scalarInt(db, QStringLiteral("SELECT count(*) FROM sqlite_master")), 0);
}

// ---- backup ----------------------------------------------------------------------------------

void TestDatabase::backupWhileAnotherConnectionWrites()
{
    const QString path = file(QStringLiteral("backup-source.db"));
    const QString backupPath = file(QStringLiteral("backup-copy.db"));
    Database source = Database::open(path);
    source.exec(QStringLiteral("CREATE TABLE t(n INTEGER PRIMARY KEY, payload BLOB, label TEXT)"));
    {
        Transaction tx(source);
        Statement insert = source.prepare(QStringLiteral("INSERT INTO t(n, payload, label) VALUES (?, ?, ?)"));
        for (int i = 1; i <= 2000; ++i)
            insert.bind(1, i).bind(2, everyByte()).bind(3, QStringLiteral("第%1行").arg(i)).exec();
        tx.commit();
    }

    // A second connection has an uncommitted write open during the backup: the backup neither
    // waits for it nor includes it.
    Database writer = Database::open(path);
    {
        Transaction pending(writer);
        writer.exec(QStringLiteral("INSERT INTO t(n, label) VALUES (100000, 'uncommitted')"));
        source.backupTo(backupPath);
        pending.commit();
    }
    {
        Database copy = Database::open(backupPath);
        QCOMPARE(scalarInt(copy, QStringLiteral("SELECT count(*) FROM t")), 2000);
        QCOMPARE(scalarInt(copy, QStringLiteral("SELECT sum(n) FROM t")), 2001000);
        QCOMPARE(scalarText(copy, QStringLiteral("SELECT label FROM t WHERE n = 1234")), QStringLiteral("第1234行"));
        Statement blob = copy.prepare(QStringLiteral("SELECT payload FROM t WHERE n = 2000"));
        QVERIFY(blob.step());
        QCOMPARE(blob.columnBlob(0), everyByte());
        QCOMPARE(scalarText(copy, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    }
    // Everything is in the one file: copied away alone, it still holds every row.
    const QString backupWal = backupPath + QStringLiteral("-wal");
    QVERIFY(!QFile::exists(backupWal) || QFileInfo(backupWal).size() == 0);
    const QString carried = file(QStringLiteral("backup-carried.db"));
    QVERIFY(QFile::copy(backupPath, carried));
    {
        Database copy = Database::open(carried, Database::OpenMode::ReadOnly);
        QCOMPARE(scalarInt(copy, QStringLiteral("SELECT count(*) FROM t")), 2000);
    }

    // Now a writer thread commits rows one by one while backups are taken. Each backup is one
    // consistent snapshot: every row it has is whole, and its count lies between the counts
    // before and after it was taken.
    std::atomic<bool> stop = false;
    std::atomic<int> written = 0;
    std::atomic<bool> writerFailed = false;
    std::thread thread([&] {
        try {
            Database db = Database::open(path);
            Statement insert = db.prepare(QStringLiteral("INSERT INTO t(n, payload, label) VALUES (?, ?, 'late')"));
            for (int i = 0; i < 5000 && !stop; ++i) {
                insert.bind(1, 200000 + i).bind(2, everyByte()).exec();
                ++written;
            }
        } catch (...) {
            writerFailed = true;
        }
    });
    while (written < 20 && !writerFailed)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    for (int round = 0; round < 3; ++round) {
        const std::int64_t before = scalarInt(source, QStringLiteral("SELECT count(*) FROM t"));
        source.backupTo(backupPath);
        const std::int64_t after = scalarInt(source, QStringLiteral("SELECT count(*) FROM t"));
        Database copy = Database::open(backupPath);
        const std::int64_t copied = scalarInt(copy, QStringLiteral("SELECT count(*) FROM t"));
        QVERIFY2(copied >= before && copied <= after,
                 qPrintable(QStringLiteral("%1 <= %2 <= %3").arg(before).arg(copied).arg(after)));
        QCOMPARE(scalarInt(copy, QStringLiteral("SELECT count(*) FROM t WHERE length(payload) <> 512")), 0);
        QCOMPARE(scalarText(copy, QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    }
    const int writtenDuringBackups = written;
    stop = true;
    thread.join();
    QVERIFY(!writerFailed);
    QVERIFY(writtenDuringBackups >= 20);
    QCOMPARE(scalarInt(source, QStringLiteral("SELECT count(*) FROM t")), 2001 + written);
}

void TestDatabase::backupReplacesEarlierBackup()
{
    const QString backupPath = file(QStringLiteral("backup-replace-copy.db"));
    Database source = Database::open(file(QStringLiteral("backup-replace.db")));
    source.exec(QStringLiteral("CREATE TABLE t(n INTEGER)"));
    source.exec(QStringLiteral("INSERT INTO t VALUES (1)"));
    source.backupTo(backupPath);
    source.exec(QStringLiteral("INSERT INTO t VALUES (2); CREATE TABLE later(x)"));
    source.backupTo(backupPath);
    Database copy = Database::open(backupPath);
    QCOMPARE(scalarInt(copy, QStringLiteral("SELECT count(*) FROM t")), 2);
    QVERIFY(tableExists(copy, QStringLiteral("later")));

    // An in-memory database backs up to a file just the same.
    Database memory = Database::open(QStringLiteral(":memory:"));
    memory.exec(QStringLiteral("CREATE TABLE m(v TEXT); INSERT INTO m VALUES ('内存')"));
    memory.backupTo(file(QStringLiteral("backup-from-memory.db")));
    Database fromMemory = Database::open(file(QStringLiteral("backup-from-memory.db")));
    QCOMPARE(scalarText(fromMemory, QStringLiteral("SELECT v FROM m")), QStringLiteral("内存"));
}

void TestDatabase::backupRefusals()
{
    const QString path = file(QStringLiteral("backup-refuse.db"));
    Database source = Database::open(path);
    source.exec(QStringLiteral("CREATE TABLE t(n INTEGER); INSERT INTO t VALUES (1)"));

    VERIFY_ERROR(itself, source.backupTo(path));
    QCOMPARE(itself->code(), SQLITE_MISUSE);
    QVERIFY2(itself->message().contains(u"the database itself"), itself->what());

    {
        Transaction tx(source);
        VERIFY_ERROR(inTransaction, source.backupTo(file(QStringLiteral("backup-refuse-copy.db"))));
        QCOMPARE(inTransaction->code(), SQLITE_MISUSE);
    }

    // A file that is not a database is not overwritten.
    const QString notes = file(QStringLiteral("notes.txt"));
    {
        QFile f(notes);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("These are notes, not a database. ").repeated(100));
    }
    VERIFY_ERROR(notADatabase, source.backupTo(notes));
    QCOMPARE(notADatabase->primaryCode(), SQLITE_NOTADB);
    QVERIFY2(notADatabase->message().contains(notes), notADatabase->what());
    QFile f(notes);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("These are notes"));

    VERIFY_ERROR(noDirectory, source.backupTo(file(QStringLiteral("no/such/dir/copy.db"))));
    QCOMPARE(noDirectory->primaryCode(), SQLITE_CANTOPEN);
}

// ---- connection ------------------------------------------------------------------------------

void TestDatabase::connectionSettings()
{
    Database fileDb = Database::open(file(QStringLiteral("settings.db")));
    QCOMPARE(scalarText(fileDb, QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
    QCOMPARE(scalarInt(fileDb, QStringLiteral("PRAGMA synchronous")), 2); // FULL
    QCOMPARE(scalarInt(fileDb, QStringLiteral("PRAGMA foreign_keys")), 1);
    QCOMPARE(scalarInt(fileDb, QStringLiteral("PRAGMA busy_timeout")), 5000);
    QCOMPARE(fileDb.path(), QFileInfo(file(QStringLiteral("settings.db"))).absoluteFilePath());
    // The log file appears with the first write, and commits go to it rather than the database.
    fileDb.exec(QStringLiteral("CREATE TABLE t(n INTEGER)"));
    QVERIFY(QFile::exists(file(QStringLiteral("settings.db-wal"))));
    QVERIFY(QFileInfo(file(QStringLiteral("settings.db-wal"))).size() > 0);

    Database custom = Database::open(file(QStringLiteral("settings.db")), Database::OpenMode::ReadWrite,
                                     std::chrono::milliseconds(1234));
    QCOMPARE(scalarInt(custom, QStringLiteral("PRAGMA busy_timeout")), 1234);

    Database memory = Database::open(QStringLiteral(":memory:"));
    QCOMPARE(scalarText(memory, QStringLiteral("PRAGMA journal_mode")), QStringLiteral("memory"));
    QCOMPARE(scalarInt(memory, QStringLiteral("PRAGMA foreign_keys")), 1);
    QVERIFY(memory.path().isEmpty());

    // Foreign keys are enforced, not just declared.
    memory.exec(QStringLiteral("CREATE TABLE unit(id INTEGER PRIMARY KEY);"
                               "CREATE TABLE person(id INTEGER PRIMARY KEY, unit INTEGER NOT NULL REFERENCES unit(id))"));
    VERIFY_ERROR(orphan,
                 memory.prepare(QStringLiteral("INSERT INTO person(id, unit) VALUES (1, ?)")).bind(1, 99).exec());
    QCOMPARE(orphan->code(), SQLITE_CONSTRAINT_FOREIGNKEY);
    QVERIFY2(orphan->message().contains(u"FOREIGN KEY constraint failed"), orphan->what());

    VERIFY_ERROR(missing, static_cast<void>(Database::open(file(QStringLiteral("missing.db")),
                                                           Database::OpenMode::ReadWrite)));
    QCOMPARE(missing->primaryCode(), SQLITE_CANTOPEN);
    QVERIFY2(missing->message().contains(file(QStringLiteral("missing.db"))), missing->what());
    QVERIFY(!QFile::exists(file(QStringLiteral("missing.db"))));
}

void TestDatabase::readOnlyRefusesWrites()
{
    const QString path = file(QStringLiteral("readonly.db"));
    {
        Database db = Database::open(path);
        db.exec(QStringLiteral("CREATE TABLE t(n INTEGER); INSERT INTO t VALUES (1)"));
    }
    Database db = Database::open(path, Database::OpenMode::ReadOnly);
    QCOMPARE(scalarInt(db, QStringLiteral("SELECT n FROM t")), 1);
    VERIFY_ERROR(error, db.exec(QStringLiteral("INSERT INTO t VALUES (2)")));
    QCOMPARE(error->primaryCode(), SQLITE_READONLY);
}

void TestDatabase::errorsCarrySqliteMessage()
{
    Database db = Database::open(QStringLiteral(":memory:"));
    db.exec(QStringLiteral("CREATE TABLE t(x TEXT UNIQUE)"));

    VERIFY_ERROR(syntax, static_cast<void>(db.prepare(QStringLiteral("SELEC 1"))));
    QCOMPARE(syntax->primaryCode(), SQLITE_ERROR);
    QVERIFY2(syntax->message().contains(u"syntax error"), syntax->what());
    QVERIFY2(syntax->message().contains(u"SELEC 1"), syntax->what());

    VERIFY_ERROR(noTable, db.exec(QStringLiteral("DELETE FROM nope")));
    QVERIFY2(noTable->message().contains(u"no such table: nope"), noTable->what());
    QVERIFY2(noTable->message().contains(u"DELETE FROM nope"), noTable->what());

    Statement insert = db.prepare(QStringLiteral("INSERT INTO t(x) VALUES (?)"));
    insert.bind(1, QStringLiteral("同一个")).exec();
    VERIFY_ERROR(unique, insert.bind(1, QStringLiteral("同一个")).exec());
    QCOMPARE(unique->code(), SQLITE_CONSTRAINT_UNIQUE);
    QCOMPARE(unique->primaryCode(), SQLITE_CONSTRAINT);
    QVERIFY2(unique->message().contains(u"UNIQUE constraint failed: t.x"), unique->what());
    QVERIFY2(unique->message().contains(u"INSERT INTO t(x) VALUES (?)"), unique->what());
    // The value is not in the message: only the SQL is, and values are never part of it.
    QVERIFY2(!unique->message().contains(u"同一个"), unique->what());
    // After the error the statement is usable again.
    insert.bind(1, QStringLiteral("另一个")).exec();
    QCOMPARE(scalarInt(db, QStringLiteral("SELECT count(*) FROM t")), 2);

    VERIFY_ERROR(two, static_cast<void>(db.prepare(QStringLiteral("SELECT 1; SELECT 2"))));
    QCOMPARE(two->code(), SQLITE_MISUSE);
    QVERIFY2(two->message().contains(u"more than one statement"), two->what());
    // Trailing blanks, semicolons and comments are fine.
    Statement one = db.prepare(QStringLiteral("SELECT 1; -- the one\n ; /* done */ "));
    QVERIFY(one.step());

    VERIFY_ERROR(nothing, static_cast<void>(db.prepare(QStringLiteral("  -- only a comment"))));
    QCOMPARE(nothing->code(), SQLITE_MISUSE);

    Statement select = db.prepare(QStringLiteral("SELECT x FROM t ORDER BY x"));
    VERIFY_ERROR(noRow, static_cast<void>(select.columnText(0)));
    QCOMPARE(noRow->code(), SQLITE_MISUSE);
    QVERIFY2(noRow->message().contains(u"without a current row"), noRow->what());
    QVERIFY(select.step());
    VERIFY_ERROR(pastEnd, static_cast<void>(select.columnInt64(1)));
    QCOMPARE(pastEnd->code(), SQLITE_RANGE);
    QVERIFY2(pastEnd->message().contains(u"no column 1, the result has 1"), pastEnd->what());
    QVERIFY(select.step());
    QVERIFY(!select.step());
    VERIFY_ERROR(afterEnd, static_cast<void>(select.columnText(0)));
    QCOMPARE(afterEnd->code(), SQLITE_MISUSE);

    // A '%' in SQL is not taken for a placeholder of the message.
    VERIFY_ERROR(percent, db.exec(QStringLiteral("SELECT * FROM nope WHERE x LIKE '%1%2'")));
    QVERIFY2(percent->message().contains(u"'%1%2'"), percent->what());

    const QString notADatabase = file(QStringLiteral("garbage.db"));
    {
        QFile f(notADatabase);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
    }
    VERIFY_ERROR(garbage, static_cast<void>(Database::open(notADatabase)));
    QCOMPARE(garbage->primaryCode(), SQLITE_NOTADB);
    QVERIFY2(garbage->message().contains(u"file is not a database"), garbage->what());
    QVERIFY2(garbage->message().contains(notADatabase), garbage->what());
}

void TestDatabase::lastInsertRowIdAndChanges()
{
    Database db = Database::open(QStringLiteral(":memory:"));
    db.exec(QStringLiteral("CREATE TABLE t(id INTEGER PRIMARY KEY, n INTEGER)"));
    Statement insert = db.prepare(QStringLiteral("INSERT INTO t(n) VALUES (?)"));
    insert.bind(1, 10).exec();
    QCOMPARE(db.lastInsertRowId(), 1);
    insert.bind(1, 20).exec();
    insert.bind(1, 30).exec();
    QCOMPARE(db.lastInsertRowId(), 3);
    QCOMPARE(db.changes(), 1);
    db.prepare(QStringLiteral("UPDATE t SET n = n + 1 WHERE n >= ?")).bind(1, 20).exec();
    QCOMPARE(db.changes(), 2);
    db.exec(QStringLiteral("DELETE FROM t"));
    QCOMPARE(db.changes(), 3);
}

void TestDatabase::movedFromObjectsRefuseUse()
{
    Database db = Database::open(QStringLiteral(":memory:"));
    Database other = std::move(db);
    VERIFY_ERROR(usedDb, db.exec(QStringLiteral("SELECT 1"))); // NOLINT(bugprone-use-after-move): the point
    QCOMPARE(usedDb->code(), SQLITE_MISUSE);
    VERIFY_ERROR(txOnMoved, Transaction tx(db));
    QCOMPARE(txOnMoved->code(), SQLITE_MISUSE);
    QVERIFY(db.handle() == nullptr);

    Statement s = other.prepare(QStringLiteral("SELECT 1"));
    Statement t = std::move(s);
    VERIFY_ERROR(usedStmt, s.step()); // NOLINT(bugprone-use-after-move)
    QCOMPARE(usedStmt->code(), SQLITE_MISUSE);
    QVERIFY(t.step());
    QCOMPARE(t.columnInt64(0), 1);
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
