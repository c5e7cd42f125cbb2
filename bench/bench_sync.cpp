// Benchmark: the sync server over real HTTP on loopback (127.0.0.1), in one process and one run.
//  1. push throughput (mutations committed per second) at batch sizes 1 and 100, and 10,000 and
//     100,000 mutations at batch 1000 into fresh ledgers, each next to raw SQLite inserts of the same
//     JSON rows (WAL, synchronous=FULL, 1000 rows per transaction) and, with --pouchdb, the same docs
//     sent to pouchdb-server's _bulk_docs;
//  2. pull of 100,000 records to a fresh device, paging /api/v1/sync/pull?limit=5000 from cursor 0;
//  3. 200 and 1,000 simulated devices, each on its own keep-alive connection (an epoll load
//     generator, loadclient.h), a mix of pull, push of 1-5 new leads and scores for 60 s, direct
//     and/or through the nginx site of deploy/: requests/s, p50/p95/p99 per request type, errors;
//  4. /api/v1/scores?quarter=4 with details=0 and details=1 on a 1,000,000-record ledger;
//  5. cheap signed-in GETs (a pull with nothing new) on 200 connections, against a bare httplib
//     handler with the same settings, a bare front door, and the health check.
// Next to each server figure the same load runs against a bare httplib handler that returns a small
// JSON, once with the server's own settings and once (request rate) with Debian httplib 0.11's
// defaults, so the dependency's ceiling is visible. The server (syncserver::Server + HttpServer)
// runs in this process on port 0 with fast argon2 settings; data folders are QTemporaryDirs.
// Every loop is bounded in count and in time. Prints progress on stderr and a table on stdout.
// Build: cmake --preset release -G Ninja && cmake --build --preset release --target bench_sync
// Run:   build/release/bench/bench_sync [--duration 60 | --quick] [--score-records 1000000] ...
//        (--help lists every flag; docs/benchmarks.md has the figures and how they were taken)
#include "api.h"
#include "frontdoor.h"
#include "httpserver.h"
#include "loadclient.h"

#include "ledger/entities.h"
#include "ledger/wire.h"
#include "realisticyear.h"

#include <httplib.h>
#include <sqlite3.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstring>
#include <atomic>
#include <chrono>
#include <latch>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

const QString Password = QStringLiteral("password-123");
const char *const Units[] = {"PGO", "EDS", "ISB", "FIN", "PLC", "EEE"};

// ---- small helpers --------------------------------------------------------------------------------

double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }
double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

long procStatusKiB(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLong();
    return -1;
}
long vmRssMiB() { return procStatusKiB("VmRSS") / 1024; }
long vmHwmMiB() { return procStatusKiB("VmHWM") / 1024; }

// CPU seconds the whole machine spent busy (/proc/stat) and this process used (getrusage): the
// difference is what other programs took during the run, which the figures cannot control.
double machineBusySeconds()
{
    QFile f(QStringLiteral("/proc/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> v = f.readLine().simplified().split(' '); // cpu user nice system idle iowait irq softirq steal
    double ticks = 0;
    for (int i : {1, 2, 3, 6, 7, 8})
        ticks += v.value(i).toDouble();
    return ticks / double(sysconf(_SC_CLK_TCK));
}
double ownCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}
QByteArray loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().simplified().split(' ').mid(0, 3).join(' ') : QByteArray("?");
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto i = std::size_t(p * double(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}
double median(const std::vector<double> &v) { return percentile(v, 0.5); }
double minimum(const std::vector<double> &v) { return v.empty() ? 0 : *std::min_element(v.begin(), v.end()); }

void progress(const char *format, auto... args)
{
    std::fprintf(stderr, format, args...);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

std::string fmt(const char *f, auto... args)
{
    char buf[256];
    std::snprintf(buf, sizeof buf, f, args...);
    return buf;
}

// The integer after the first `"key":` in a body (our JSON is compact, keys sorted); -1 if absent.
long long jsonInt(const std::string &body, const char *key, bool fromEnd = false)
{
    const std::string k = std::string("\"") + key + "\":";
    const std::size_t at = fromEnd ? body.rfind(k) : body.find(k);
    if (at == std::string::npos)
        return -1;
    return std::strtoll(body.c_str() + at + k.size(), nullptr, 10);
}
bool jsonTrue(const std::string &body, const char *key)
{
    const std::string k = std::string("\"") + key + "\":true";
    return body.rfind(k) != std::string::npos;
}

std::string newUuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString(); }

// ---- servers --------------------------------------------------------------------------------------

std::unique_ptr<httplib::Client> makeClient(int port)
{
    auto c = std::make_unique<httplib::Client>("127.0.0.1", port);
    c->set_keep_alive(true);
    c->set_tcp_nodelay(true); // the client never waits on Nagle; what is measured is the server side
    c->set_connection_timeout(10, 0);
    c->set_read_timeout(300, 0);
    c->set_write_timeout(60, 0);
    return c;
}

httplib::Headers apiHeaders(const std::string &token = {})
{
    httplib::Headers h{{"X-Ledger-Protocol", "1"}, {"X-Ledger-Schema", "1"}};
    if (!token.empty())
        h.emplace("Authorization", "Bearer " + token);
    return h;
}

// The real server: Server + HttpServer on 127.0.0.1, port 0, in a fresh data folder under /tmp.
class LiveServer
{
public:
    LiveServer()
    {
        if (!m_dir.isValid())
            throw std::runtime_error("cannot make a temporary data folder");
        syncserver::ServerConfig config;
        config.dataDir = m_dir.path();
        config.accounts.opsLimit = 1; // argon2id at its minimum cost: sign-in is not what is measured
        config.accounts.memLimit = 8192;
        server = std::make_unique<syncserver::Server>(config);
        syncserver::ListenOptions options;
        options.port = 0;
        m_http = std::make_unique<syncserver::HttpServer>(*server, options);
        port = m_http->bind();
        m_thread = std::thread([this] { m_http->serve(); });
        // A first answer means the accept loop runs (so stop() below cannot come too early).
        auto c = makeClient(port);
        const auto r = c->Get("/api/v1/health");
        if (!r || r->status != 200)
            throw std::runtime_error("the server does not answer its health check");
    }
    ~LiveServer()
    {
        m_http->stop();
        m_thread.join();
    }
    LiveServer(const LiveServer &) = delete;
    LiveServer &operator=(const LiveServer &) = delete;

    [[nodiscard]] QString dataDir() const { return m_dir.path(); }

    syncserver::User addUser(const QString &login, const QString &unit, const QList<ledger::Role> &roles)
    {
        return server->accounts().createUser(login, login, unit, roles, Password, syncserver::Actor{QStringLiteral("system"), QStringLiteral("bench")});
    }

private:
    QTemporaryDir m_dir; // declared first: removed only after the server below has closed its database

public:
    std::unique_ptr<syncserver::Server> server;
    int port = 0;

private:
    std::unique_ptr<syncserver::HttpServer> m_http;
    std::thread m_thread;
};

// A bare httplib server whose one handler returns {"status":"ok"} (or, with ?pad=N, a JSON string
// of N bytes, to compare a large response's transfer). `tuned`: HttpServer's own settings;
// otherwise Debian httplib 0.11's defaults (Nagle on, 5 requests per connection, 8 threads).
class BareServer
{
public:
    explicit BareServer(bool tuned)
    {
        if (tuned) {
            m_svr.set_tcp_nodelay(true);
            m_svr.set_keep_alive_max_count(1000);
            m_svr.set_keep_alive_timeout(30);
            const int threads = syncserver::ListenOptions{}.threads;
            m_svr.new_task_queue = [threads] { return new httplib::ThreadPool(std::size_t(threads)); };
        }
        auto handler = [](const httplib::Request &req, httplib::Response &res) {
            const long long pad = req.has_param("pad") ? std::atoll(req.get_param_value("pad").c_str()) : 0;
            if (pad > 16) {
                std::string body = "{\"pad\":\"";
                body.append(std::size_t(pad - 10), 'x');
                body += "\"}";
                res.set_content(body, "application/json");
            } else {
                res.set_content("{\"status\":\"ok\"}", "application/json");
            }
        };
        m_svr.Get(".*", handler);
        m_svr.Post(".*", handler);
        port = m_svr.bind_to_any_port("127.0.0.1");
        if (port < 0)
            throw std::runtime_error("cannot bind the bare httplib server");
        m_thread = std::thread([this] { m_svr.listen_after_bind(); });
        for (int i = 0; i < 500 && !m_svr.is_running(); ++i)
            std::this_thread::sleep_for(10ms);
    }
    ~BareServer()
    {
        m_svr.stop();
        m_thread.join();
    }
    BareServer(const BareServer &) = delete;
    BareServer &operator=(const BareServer &) = delete;
    int port = 0;

private:
    httplib::Server m_svr;
    std::thread m_thread;
};

// ---- devices --------------------------------------------------------------------------------------

struct Device
{
    std::string id;
    std::string token;
    QString userId;
    QString unit;
    qint64 next = 1;     // the next mutation number
    qint64 cursor = 0;   // pull cursor
    std::string leadTemplate; // a wire-encoded lead whose id is replaced for each new lead
    std::size_t idAt = 0;
    httplib::Headers headers;
};

std::string signIn(httplib::Client &c, const QString &login, const std::string &deviceId)
{
    const QJsonObject body{{QStringLiteral("login"), login}, {QStringLiteral("password"), Password},
                           {QStringLiteral("device"), QJsonObject{{QStringLiteral("id"), QString::fromStdString(deviceId)},
                                                                  {QStringLiteral("name"), QStringLiteral("bench")}}}};
    for (int attempt = 0; attempt < 3; ++attempt) {
        const auto r = c.Post("/api/v1/auth/login", apiHeaders(), QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(), "application/json");
        if (r && r->status == 200)
            return QJsonDocument::fromJson(QByteArray::fromStdString(r->body)).object().value(QStringLiteral("accessToken")).toString().toStdString();
        std::this_thread::sleep_for(100ms);
    }
    throw std::runtime_error("sign-in failed for " + login.toStdString());
}

// A lead as the app builds it (tests/server/serverfixture.h leadJson), as compact wire JSON.
std::string leadJson(const QString &personId, const QString &unit, QDate filed, const ledger::RecordId &id = ledger::RecordId::create())
{
    ledger::Lead l;
    l.meta.id = id;
    l.meta.credit.unit = ledger::UnitCode(unit);
    l.meta.credit.people = {*ledger::PersonId::parse(personId)};
    l.enterpriseName = QStringLiteral("河南某精细化工有限公司");
    l.intention = QStringLiteral("拟投资建设年产5万吨专用化学品项目");
    l.expectedInvestment = ledger::Money::yuan(300000000);
    l.industry = QStringLiteral("fine_chemicals");
    l.filed = filed;
    return QJsonDocument(ledger::wire::encode(ledger::Record(l))).toJson(QJsonDocument::Compact).toStdString();
}

Device makeDevice(httplib::Client &c, const syncserver::User &user)
{
    Device d;
    d.id = newUuid();
    d.token = signIn(c, user.login, d.id);
    d.userId = user.id;
    d.unit = user.unit;
    d.headers = apiHeaders(d.token);
    const ledger::RecordId id = ledger::RecordId::create();
    d.leadTemplate = leadJson(user.id, user.unit, QDate(2023, 11, 3), id);
    d.idAt = d.leadTemplate.find(id.toString().toStdString());
    if (d.idAt == std::string::npos)
        throw std::runtime_error("the lead template has no id");
    return d;
}

std::string mutation(qint64 n, const std::string &entity)
{
    return "{\"n\":" + std::to_string(n) + ",\"op\":\"upsert\",\"baseVersion\":0,\"entity\":" + entity + "}";
}

std::string pushBody(const std::string &device, const std::vector<std::string> &mutations)
{
    std::string s = "{\"device\":\"" + device + "\",\"mutations\":[";
    for (std::size_t i = 0; i < mutations.size(); ++i) {
        if (i)
            s += ',';
        s += mutations[i];
    }
    return s + "]}";
}

// k new leads as the device's next mutations (cheap: the encoded template with a new id).
std::string nextPush(Device &d, int k)
{
    std::vector<std::string> ms;
    for (int i = 0; i < k; ++i) {
        std::string lead = d.leadTemplate;
        lead.replace(d.idAt, 36, newUuid());
        ms.push_back(mutation(d.next++, lead));
    }
    return pushBody(d.id, ms);
}

// ---- filling a ledger directly through the store (like demoimport.cpp) ---------------------------

// Writes n records through Store::write/putEntity in transactions of `batch`; the mirror follows.
void fillLedger(syncserver::Store &store, const std::vector<syncserver::User> &people, qsizetype n, quint32 seed)
{
    constexpr qsizetype batch = 20000;
    QRandomGenerator rng(seed);
    std::vector<ledger::RecordId> projects;
    std::vector<ledger::Person> persons;
    for (const syncserver::User &u : people)
        persons.push_back(ledger::Person{*ledger::PersonId::parse(u.id), u.name, ledger::UnitCode(u.unit), u.roles, true});
    const auto t0 = Clock::now();
    for (qsizetype done = 0; done < n;) {
        const qsizetype count = std::min(batch, n - done);
        store.write([&](ledger::Database &db) {
            qint64 seq = store.nextSeq(db);
            for (qsizetype i = 0; i < count; ++i) {
                const ledger::Record r = bench::realisticRecord(rng, persons, projects);
                const ledger::RecordMeta &meta = ledger::metaOf(r);
                const QJsonObject json = ledger::wire::encode(r);
                // New entities: every field as old as the entity (StoredEntity::fieldSeq left empty).
                syncserver::StoredEntity e{meta.id.toString(), ledger::toString(ledger::kindOf(r)), meta.credit.unit.code(),
                                           meta.author.toString(), json, {}, seq, false};
                if (done + i < 2000) { // the generated mix must be valid wire JSON, or the mirror would drop it
                    if (const auto d = ledger::wire::decodeRecord(json); !d)
                        throw std::runtime_error("a generated " + e.kind.toStdString() + " does not decode: " + d.error().toString().toStdString());
                }
                store.putEntity(db, e);
                ++seq;
            }
        });
        done += count;
        if (done % 200000 == 0 || done == n)
            progress("  filled %lld / %lld records (%.1f s)", (long long)done, (long long)n, secondsSince(t0));
    }
    const qsizetype mirrored = store.withLedger([](const ledger::Ledger &l) { return l.size(); });
    if (mirrored != n)
        throw std::runtime_error("the scoring mirror holds " + std::to_string(mirrored) + " records, not " + std::to_string(n));
}

std::vector<syncserver::User> addStaff(LiveServer &s, int count, const char *prefix)
{
    std::vector<syncserver::User> out;
    for (int i = 0; i < count; ++i)
        out.push_back(s.addUser(QString::fromLatin1(prefix) + QString::number(i), QString::fromLatin1(Units[i % 6]), {ledger::Role::Staff}));
    return out;
}

// ---- the results table ----------------------------------------------------------------------------

struct Row
{
    std::string what, server, bareTuned, bareDebian, aim;
};
std::vector<Row> g_rows;
void row(std::string what, std::string server, std::string tuned = "", std::string debian = "", std::string aim = "")
{
    g_rows.push_back({std::move(what), std::move(server), std::move(tuned), std::move(debian), std::move(aim)});
}
void section(const std::string &title) { g_rows.push_back({"## " + title, {}, {}, {}, {}}); }

// ---- 1. push throughput ---------------------------------------------------------------------------

struct PushRun
{
    qint64 mutations = 0;
    qint64 requests = 0;
    qint64 errors = 0;
    double seconds = 0;
    double cpuSeconds = 0; // this process's CPU (server and client) during the run
    std::vector<double> ms;
    [[nodiscard]] double rate() const { return seconds > 0 ? double(mutations) / seconds : 0; }
    // CPU microseconds per mutation: what the push costs, whatever else the machine runs.
    [[nodiscard]] double cpuMicros() const { return mutations > 0 ? 1e6 * cpuSeconds / double(mutations) : 0; }
};

// Sends prebuilt bodies in order until all are sent or the time is up.
PushRun sendBodies(int port, const httplib::Headers &headers, const std::vector<std::string> &bodies, int batch, double maxSeconds, bool real)
{
    auto c = makeClient(port);
    PushRun run;
    const auto t0 = Clock::now();
    const double cpu0 = ownCpuSeconds();
    for (const std::string &b : bodies) {
        if (secondsSince(t0) > maxSeconds)
            break;
        const auto t = Clock::now();
        const auto r = c->Post("/api/v1/sync/push", headers, b, "application/json");
        run.ms.push_back(msSince(t));
        ++run.requests;
        if (!r || r->status != 200 || (real && (jsonInt(r->body, "applied") != batch || jsonInt(r->body, "rejected") != 0))) {
            ++run.errors;
            if (r && run.errors < 3)
                progress("  push answered %d: %.200s", r->status, r->body.c_str());
            continue;
        }
        run.mutations += batch;
    }
    run.cpuSeconds = ownCpuSeconds() - cpu0;
    run.seconds = secondsSince(t0);
    return run;
}

struct PushPlan
{
    int batch;
    int requests;
    double seconds;
};

// A bare sqlite3 connection for the raw baselines: WAL and synchronous=FULL, as the server's.
sqlite3 *openRaw(const QString &file)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(file.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
        throw std::runtime_error("cannot open the raw SQLite file");
    return db;
}

void execRaw(sqlite3 *db, const char *sql)
{
    char *err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        const std::string m = err ? err : "?";
        sqlite3_free(err);
        throw std::runtime_error("raw SQLite: " + m);
    }
}

double rawSqliteRate(const std::vector<std::string> &rows, const QString &unit, const QString &author, qint64 *rowsDone)
{
    QTemporaryDir dir;
    sqlite3 *db = openRaw(QDir(dir.path()).filePath(QStringLiteral("raw.sqlite")));
    auto exec = [db](const char *sql) { execRaw(db, sql); };
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = FULL");
    // The same shape as the server's entities table (syncserver/src/store.cpp).
    exec("CREATE TABLE entities(id TEXT PRIMARY KEY, kind TEXT NOT NULL, unit TEXT NOT NULL, author TEXT NOT NULL, "
         "json TEXT NOT NULL, field_seq TEXT NOT NULL, seq INTEGER NOT NULL UNIQUE, deleted INTEGER NOT NULL DEFAULT 0)");
    exec("CREATE INDEX entities_unit_seq ON entities(unit, seq)");
    // The ids and field_seq texts are prepared outside the timed part, like the JSON itself.
    std::vector<std::string> ids, fieldSeqs;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(rows[i])).object();
        ids.push_back(o.value(QStringLiteral("id")).toString().toStdString());
        QJsonObject fs;
        for (auto it = o.begin(); it != o.end(); ++it)
            fs.insert(it.key(), qint64(i + 1));
        fieldSeqs.push_back(QJsonDocument(fs).toJson(QJsonDocument::Compact).toStdString());
    }
    const std::string unitText = unit.toStdString(), authorText = author.toStdString();
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO entities(id, kind, unit, author, json, field_seq, seq, deleted) VALUES(?,?,?,?,?,?,?,0)", -1, &st, nullptr);
    const auto t0 = Clock::now();
    qint64 done = 0;
    for (std::size_t i = 0; i < rows.size() && secondsSince(t0) < 120;) {
        exec("BEGIN IMMEDIATE");
        for (std::size_t j = 0; j < 1000 && i < rows.size(); ++j, ++i) {
            sqlite3_bind_text(st, 1, ids[i].data(), int(ids[i].size()), SQLITE_STATIC);
            sqlite3_bind_text(st, 2, "lead", 4, SQLITE_STATIC);
            sqlite3_bind_text(st, 3, unitText.data(), int(unitText.size()), SQLITE_STATIC);
            sqlite3_bind_text(st, 4, authorText.data(), int(authorText.size()), SQLITE_STATIC);
            sqlite3_bind_text(st, 5, rows[i].data(), int(rows[i].size()), SQLITE_STATIC);
            sqlite3_bind_text(st, 6, fieldSeqs[i].data(), int(fieldSeqs[i].size()), SQLITE_STATIC);
            sqlite3_bind_int64(st, 7, sqlite3_int64(i + 1));
            if (sqlite3_step(st) != SQLITE_DONE)
                throw std::runtime_error(std::string("raw SQLite insert: ") + sqlite3_errmsg(db));
            sqlite3_reset(st);
            ++done;
        }
        exec("COMMIT");
    }
    const double seconds = secondsSince(t0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    *rowsDone = done;
    return double(done) / seconds;
}

// Raw SQLite writing what the server kept for each applied mutation before issue 10, into the
// server's own schema (made by syncserver::Store): the entity row, its audit entry (the entity
// again, chained by hash) and the device's mutation record, plus the audit head and device counter
// once per transaction. (Now the JSON is stored once and a batch of creations is one entry.) Hashes, timestamps and texts are computed outside the timed part; what is left is
// the storage cost of the push, without HTTP, JSON, validation or hashing.
double rawSameRowsRate(const std::vector<std::string> &rows, const QString &unit, const QString &author, qint64 *rowsDone)
{
    QTemporaryDir dir;
    {
        syncserver::Clock clock;
        syncserver::Store schema(dir.path(), clock);
    }
    sqlite3 *db = openRaw(QDir(dir.path()).filePath(QStringLiteral("ledger.sqlite")));
    auto exec = [db](const char *sql) { execRaw(db, sql); };
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = FULL");
    std::vector<std::string> ids, details, results, hashes;
    const std::string device = ledger::RecordId::create().toString().toStdString();
    const std::string at = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(rows[i])).object();
        const std::string id = o.value(QStringLiteral("id")).toString().toStdString();
        ids.push_back(id);
        details.push_back("{\"entity\":" + rows[i] + ",\"kind\":\"lead\"}");
        results.push_back("{\"id\":\"" + id + "\",\"n\":" + std::to_string(i + 1) + ",\"status\":\"applied\",\"version\":" + std::to_string(i + 1) + "}");
        hashes.push_back(QCryptographicHash::hash(QByteArray::number(qint64(i)), QCryptographicHash::Sha256).toHex().toStdString());
    }
    const std::string unitText = unit.toStdString(), authorText = author.toStdString();
    auto prepare = [db](const char *sql) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string("raw SQLite prepare: ") + sqlite3_errmsg(db));
        return st;
    };
    sqlite3_stmt *entity = prepare("INSERT INTO entities(id, kind, unit, author, json, field_seq, seq, deleted) VALUES(?,'lead',?,?,?,'',?,0)");
    sqlite3_stmt *audit = prepare("INSERT INTO audit(id, at, user_id, device_id, action, entity_id, detail, prev_hash, hash) VALUES(?,?,?,?,'create',?,?,?,?)");
    sqlite3_stmt *mutation = prepare("INSERT INTO mutations(device_id, n, status, entity_id, result, at) VALUES(?,?,'applied',?,?,?)");
    sqlite3_stmt *head = prepare("INSERT INTO meta(key, value) VALUES('audit_head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    auto text = [](sqlite3_stmt *st, int i, const std::string &v) { sqlite3_bind_text(st, i, v.data(), int(v.size()), SQLITE_STATIC); };
    auto run = [db](sqlite3_stmt *st) {
        if (sqlite3_step(st) != SQLITE_DONE)
            throw std::runtime_error(std::string("raw SQLite insert: ") + sqlite3_errmsg(db));
        sqlite3_reset(st);
    };
    const auto t0 = Clock::now();
    qint64 done = 0;
    for (std::size_t i = 0; i < rows.size() && secondsSince(t0) < 120;) {
        exec("BEGIN IMMEDIATE");
        for (std::size_t j = 0; j < 1000 && i < rows.size(); ++j, ++i) {
            const auto n = sqlite3_int64(i + 1);
            text(entity, 1, ids[i]); text(entity, 2, unitText); text(entity, 3, authorText); text(entity, 4, rows[i]);
            sqlite3_bind_int64(entity, 5, n);
            run(entity);
            sqlite3_bind_int64(audit, 1, n); text(audit, 2, at); text(audit, 3, authorText); text(audit, 4, device); text(audit, 5, ids[i]);
            text(audit, 6, details[i]); text(audit, 7, i ? hashes[i - 1] : std::string()); text(audit, 8, hashes[i]);
            run(audit);
            text(mutation, 1, device); sqlite3_bind_int64(mutation, 2, n); text(mutation, 3, ids[i]); text(mutation, 4, results[i]); text(mutation, 5, at);
            run(mutation);
            ++done;
        }
        text(head, 1, hashes[i - 1]);
        run(head);
        exec("COMMIT");
    }
    const double seconds = secondsSince(t0);
    for (sqlite3_stmt *st : {entity, audit, mutation, head})
        sqlite3_finalize(st);
    sqlite3_close(db);
    *rowsDone = done;
    return double(done) / seconds;
}

// What the push section runs (the flags --push-sizes, --push-large-only and --pouchdb).
struct PushOptions
{
    std::vector<int> sizes{10000, 100000}; // mutations pushed at batch 1000, each into a fresh ledger
    bool largeOnly = false;                // skip batch 1 and 100 and the four devices
    std::string pouchdb;                   // "host:port" of a pouchdb-server to push the same docs to
};

// pouchdb-server (CouchDB's HTTP API on PouchDB, https://github.com/pouchdb/pouchdb-server) taking the
// same records, 1000 a request through _bulk_docs, into a fresh database: the "beside it" figure.
// Each record is the same wire JSON with its id as "_id". Returns docs/s, 0 when it cannot be reached.
double pouchRate(const std::string &hostPort, const std::vector<std::string> &rows, qint64 *docsDone)
{
    const std::size_t colon = hostPort.rfind(':');
    httplib::Client c(hostPort.substr(0, colon), std::atoi(hostPort.c_str() + colon + 1));
    c.set_keep_alive(true);
    c.set_read_timeout(300, 0);
    const std::string db = "/bench-push-" + newUuid();
    if (const auto r = c.Put(db.c_str(), "", "application/json"); !r || r->status / 100 != 2) {
        progress("  pouchdb-server at %s does not answer (%d)", hostPort.c_str(), r ? r->status : -1);
        return 0;
    }
    std::vector<std::string> bodies;
    for (std::size_t i = 0; i < rows.size(); i += 1000) {
        std::string body = "{\"docs\":[";
        for (std::size_t j = i; j < std::min(rows.size(), i + 1000); ++j) {
            const std::size_t idAt = rows[j].find("\"id\":\"") + 6;
            body += (j > i ? ",{\"_id\":\"" : "{\"_id\":\"") + rows[j].substr(idAt, 36) + "\"," + rows[j].substr(1);
        }
        bodies.push_back(body + "]}");
    }
    const auto t0 = Clock::now();
    qint64 done = 0;
    for (std::size_t k = 0; k < bodies.size() && secondsSince(t0) < 60; ++k) {
        const auto r = c.Post((db + "/_bulk_docs").c_str(), bodies[k], "application/json");
        if (!r || r->status != 201 || r->body.find("\"error\"") != std::string::npos)
            throw std::runtime_error("pouchdb-server refused a _bulk_docs: " + (r ? r->body.substr(0, 200) : std::string("no answer")));
        done += qint64(std::min<std::size_t>(1000, rows.size() - k * 1000));
    }
    const double seconds = secondsSince(t0);
    c.Delete(db.c_str());
    *docsDone = done;
    return double(done) / seconds;
}

void benchPush(BareServer &bare, const PushOptions &options)
{
    progress("[1] push throughput");
    if (!options.largeOnly) {
        LiveServer live;
        const syncserver::User pusher = live.addUser(QStringLiteral("pusher"), QStringLiteral("PGO"), {ledger::Role::Staff});
        auto signer = makeClient(live.port);
        const PushPlan plans[] = {{1, 3000, 15}, {100, 300, 15}};
        for (const PushPlan &plan : plans) {
            Device d = makeDevice(*signer, pusher);
            std::vector<std::string> bodies;
            for (int r = 0; r < plan.requests; ++r) {
                std::vector<std::string> ms;
                for (int i = 0; i < plan.batch; ++i)
                    ms.push_back(mutation(d.next++, leadJson(pusher.id, pusher.unit, QDate(2023, 1, 1).addDays((r * plan.batch + i) % 365))));
                bodies.push_back(pushBody(d.id, ms));
            }
            const PushRun run = sendBodies(live.port, d.headers, bodies, plan.batch, plan.seconds, true);
            const PushRun bareRun = sendBodies(bare.port, d.headers, bodies, plan.batch, plan.seconds, false);
            progress("  batch %4d: %lld mutations in %.2f s = %.0f/s (p50 %.1f ms, %lld errors); bare httplib %.0f/s", plan.batch,
                     (long long)run.mutations, run.seconds, run.rate(), median(run.ms), (long long)run.errors, bareRun.rate());
            row(fmt("push, batch %d: mutations/s (p50 per request)", plan.batch),
                fmt("%.0f (%.1f ms)%s", run.rate(), median(run.ms), run.errors ? fmt(", %lld errors", (long long)run.errors).c_str() : ""),
                fmt("%.0f (%.2f ms)", bareRun.rate(), median(bareRun.ms)));
            row("  committed / requests / seconds", fmt("%lld / %lld / %.1f", (long long)run.mutations, (long long)run.requests, run.seconds));
        }
    }

    // N mutations at batch 1000 into a fresh ledger, then the same records into a fresh raw SQLite
    // file (one row each, the same durability) and, when given, into pouchdb-server.
    for (const int size : options.sizes) {
        LiveServer live;
        const syncserver::User pusher = live.addUser(QStringLiteral("pusher"), QStringLiteral("PGO"), {ledger::Role::Staff});
        auto signer = makeClient(live.port);
        Device d = makeDevice(*signer, pusher);
        std::vector<std::string> rows, bodies;
        for (int r = 0; r * 1000 < size; ++r) {
            std::vector<std::string> ms;
            for (int i = 0; i < 1000 && r * 1000 + i < size; ++i) {
                rows.push_back(leadJson(pusher.id, pusher.unit, QDate(2023, 1, 1).addDays((r * 1000 + i) % 365)));
                ms.push_back(mutation(d.next++, rows.back()));
            }
            bodies.push_back(pushBody(d.id, ms));
        }
        const PushRun run = sendBodies(live.port, d.headers, bodies, 1000, 300, true);
        const PushRun bareRun = sendBodies(bare.port, d.headers, bodies, 1000, 300, false);
        progress("  push %d at batch 1000: %lld mutations in %.2f s = %.0f/s (p50 %.1f ms, %lld errors, %.1f CPU us each); bare httplib %.0f/s",
                 size, (long long)run.mutations, run.seconds, run.rate(), median(run.ms), (long long)run.errors, run.cpuMicros(), bareRun.rate());
        row(fmt("push %d, batch 1000: mutations/s (p50 per request; CPU per mutation)", size),
            fmt("%.0f (%.0f ms; %.1f us)%s", run.rate(), median(run.ms), run.cpuMicros(),
                run.errors ? fmt(", %lld errors", (long long)run.errors).c_str() : ""),
            fmt("%.0f (%.1f ms)", bareRun.rate(), median(bareRun.ms)));
        qint64 rawRows = 0;
        const double raw = rawSqliteRate(rows, pusher.unit, pusher.id, &rawRows);
        progress("  raw SQLite: %lld rows at %.0f rows/s", (long long)rawRows, raw);
        row(fmt("raw SQLite insert, the same %lld JSON rows, 1000/tx: rows/s", (long long)rawRows), fmt("%.0f", raw));
        const double ratio = raw > 0 ? run.rate() / raw : 0;
        row(fmt("push %d / raw SQLite", size), fmt("%.2f", ratio), "", "", fmt(">= 0.50: %s", ratio >= 0.5 ? "met" : "NOT met"));
        qint64 sameRows = 0;
        const double same = rawSameRowsRate(rows, pusher.unit, pusher.id, &sameRows);
        progress("  raw SQLite, the 3 rows the ledger kept before: %lld mutations at %.0f/s", (long long)sameRows, same);
        row(fmt("raw SQLite, the 3 rows the ledger kept per mutation before issue 10, %lld, 1000/tx: mutations/s", (long long)sameRows), fmt("%.0f", same));
        row(fmt("push %d / raw SQLite of those 3 rows", size), fmt("%.2f", same > 0 ? run.rate() / same : 0));
        if (!options.pouchdb.empty()) {
            qint64 docs = 0;
            const double pouch = pouchRate(options.pouchdb, rows, &docs);
            progress("  pouchdb-server: %lld docs at %.0f docs/s", (long long)docs, pouch);
            row(fmt("pouchdb-server _bulk_docs, the same %lld docs, 1000/request: docs/s", (long long)docs), fmt("%.0f", pouch));
            const double times = pouch > 0 ? run.rate() / pouch : 0;
            row(fmt("push %d / pouchdb-server", size), fmt("%.1f", times), "", "", fmt(">= 20: %s", times >= 20 ? "met" : "NOT met"));
        }
    }

    // Four devices pushing batches of 1000 at once: commits serialise, parsing and HTTP overlap.
    if (!options.largeOnly) {
        LiveServer live;
        const syncserver::User pusher = live.addUser(QStringLiteral("pusher"), QStringLiteral("PGO"), {ledger::Role::Staff});
        auto signer = makeClient(live.port);
        constexpr int devices = 4, perDevice = 15;
        std::vector<Device> ds;
        std::vector<std::vector<std::string>> bodies(devices);
        for (int k = 0; k < devices; ++k) {
            ds.push_back(makeDevice(*signer, pusher));
            for (int r = 0; r < perDevice; ++r) {
                std::vector<std::string> ms;
                for (int i = 0; i < 1000; ++i)
                    ms.push_back(mutation(ds[k].next++, leadJson(pusher.id, pusher.unit, QDate(2023, 1, 1).addDays(i % 365))));
                bodies[k].push_back(pushBody(ds[k].id, ms));
            }
        }
        auto parallel = [&](int port, bool real) {
            std::vector<PushRun> runs(devices);
            std::vector<std::thread> threads;
            const auto t0 = Clock::now();
            for (int k = 0; k < devices; ++k)
                threads.emplace_back([&, k] { runs[k] = sendBodies(port, ds[k].headers, bodies[k], 1000, 20, real); });
            for (auto &t : threads)
                t.join();
            PushRun all;
            all.seconds = secondsSince(t0);
            for (const auto &r : runs) {
                all.mutations += r.mutations;
                all.errors += r.errors;
                all.requests += r.requests;
                all.ms.insert(all.ms.end(), r.ms.begin(), r.ms.end());
            }
            return all;
        };
        const PushRun run = parallel(live.port, true);
        const PushRun bareRun = parallel(bare.port, false);
        progress("  batch 1000 x 4 devices at once: %.0f/s; bare httplib %.0f/s", run.rate(), bareRun.rate());
        row("push, batch 1000, 4 devices at once: mutations/s",
            fmt("%.0f (%.0f ms)%s", run.rate(), median(run.ms), run.errors ? fmt(", %lld errors", (long long)run.errors).c_str() : ""),
            fmt("%.0f (%.1f ms)", bareRun.rate(), median(bareRun.ms)));
    }
}

// ---- 2. pull to a fresh device --------------------------------------------------------------------

void benchPull(BareServer &bare, qsizetype records)
{
    progress("[2] pull of %lld records to a fresh device", (long long)records);
    LiveServer live;
    const auto staff = addStaff(live, 60, "staff");
    const syncserver::User leader = live.addUser(QStringLiteral("leader"), QStringLiteral("ISB"), {ledger::Role::Leader});
    const auto tf = Clock::now();
    fillLedger(live.server->store(), staff, records, 7);
    const double fillSeconds = secondsSince(tf);
    auto c = makeClient(live.port);
    const int maxPages = int(records / 5000) + 20;

    struct PullRun
    {
        double seconds = 0, parseSeconds = 0;
        int pages = 0;
        qint64 changes = 0, bytes = 0;
        bool complete = false;
    };
    auto pullAll = [&](httplib::Client &client, const httplib::Headers &headers) {
        PullRun run;
        std::vector<std::string> bodies;
        qint64 cursor = 0;
        const auto t0 = Clock::now();
        for (int page = 0; page < maxPages && secondsSince(t0) < 300; ++page) {
            auto r = client.Get("/api/v1/sync/pull?cursor=" + std::to_string(cursor) + "&limit=5000", headers);
            if (!r || r->status != 200)
                break;
            ++run.pages;
            run.bytes += qint64(r->body.size());
            cursor = jsonInt(r->body, "cursor", true);
            const bool more = jsonTrue(r->body, "hasMore");
            bodies.push_back(std::move(r->body));
            if (!more) {
                run.complete = true;
                break;
            }
        }
        run.seconds = secondsSince(t0);
        // What a device does with the pages afterwards (on its own CPU): parse every one.
        const auto tp = Clock::now();
        for (const std::string &b : bodies)
            run.changes += QJsonDocument::fromJson(QByteArray::fromStdString(b)).object().value(QStringLiteral("changes")).toArray().size();
        run.parseSeconds = secondsSince(tp);
        return run;
    };
    std::vector<double> times;
    PullRun first;
    for (int i = 0; i < 3; ++i) {
        Device d = makeDevice(*c, leader); // a fresh device each time: cursor 0
        const PullRun run = pullAll(*c, d.headers);
        if (i == 0)
            first = run;
        times.push_back(run.seconds);
        progress("  run %d: %lld changes in %d pages, %.1f MB, %.3f s (+ %.3f s client parse)%s", i + 1, (long long)run.changes, run.pages,
                 double(run.bytes) / 1e6, run.seconds, run.parseSeconds, run.complete ? "" : " INCOMPLETE");
    }
    // The same number of requests against the bare handler, each answering as many bytes.
    auto bc = makeClient(bare.port);
    std::vector<double> bareTimes;
    const qint64 pageBytes = first.pages ? first.bytes / first.pages : 0;
    for (int i = 0; i < 3; ++i) {
        const auto t0 = Clock::now();
        for (int p = 0; p < first.pages; ++p)
            (void)bc->Get("/api/v1/sync/pull?cursor=0&limit=5000&pad=" + std::to_string(pageBytes), apiHeaders("x"));
        bareTimes.push_back(secondsSince(t0));
    }
    const double med = median(times);
    row(fmt("ledger filled through Store::write (%lld records)", (long long)records), fmt("%.1f s", fillSeconds));
    row(fmt("pull %lld changes, %d pages of 5000, %.1f MB: s (1st / median of 3)", (long long)first.changes, first.pages, double(first.bytes) / 1e6),
        fmt("%.3f / %.3f", first.seconds, med), fmt("%.3f / %.3f", bareTimes[0], median(bareTimes)), "",
        fmt("< 1 s: %s", med < 1.0 ? "met" : "NOT met"));
    row("  of which pages fetched per second / changes per second", fmt("%.1f / %.0f", first.pages / med, double(first.changes) / med));
    row("  client-side JSON parse of all pages (not in the above)", fmt("%.3f s", first.parseSeconds));
}

// ---- 3. many devices, each on its own connection --------------------------------------------------

// deploy/nginx/zhaoshang-ledger.conf run by the real nginx in front of a port, as tests/server/
// tst_nginx.cpp runs it: the TLS listeners become one plain listener, the upstream is `upstream`.
class NginxFront
{
public:
    explicit NginxFront(int upstream)
    {
        if (!m_dir.isValid())
            throw std::runtime_error("cannot make a folder for nginx");
        const QString binary = QStandardPaths::findExecutable(QStringLiteral("nginx"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        if (binary.isEmpty())
            throw std::runtime_error("nginx is not installed (scripts/setup.sh installs it)");
        QFile site(QStringLiteral(NGINX_SITE));
        if (!site.open(QIODevice::ReadOnly))
            throw std::runtime_error("cannot read " NGINX_SITE);
        const QString dir = m_dir.path();
        // nginx's workers run as an unprivileged user when the master is root: they must reach the folder.
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                                       | QFile::ReadOther | QFile::ExeOther);
        {
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in a{};
            a.sin_family = AF_INET;
            ::inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
            ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
            socklen_t length = sizeof a;
            ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &length);
            ::close(fd);
            port = ntohs(a.sin_port);
        }
        QByteArray conf;
        for (const QByteArray &line : site.readAll().split('\n')) {
            const QByteArray t = line.trimmed();
            if (t.startsWith("ssl_") || t.startsWith("listen [::]"))
                continue;
            if (t.startsWith("listen 443"))
                conf += "    listen 127.0.0.1:" + QByteArray::number(port) + ";\n";
            else if (t.startsWith("server 127.0.0.1:8080"))
                conf += "    server 127.0.0.1:" + QByteArray::number(upstream) + ";\n";
            else
                conf += QByteArray(line).replace("/var/log/nginx/", (dir + u'/').toUtf8()) + '\n';
        }
        QFile out(dir + QStringLiteral("/site.conf"));
        out.open(QIODevice::WriteOnly);
        out.write(conf);
        out.close();
        // Debian's main context with room for the connections (deploy/README.md, step 6), one
        // worker: the machine's two cores are shared with the server and the load generator.
        QFile main(dir + QStringLiteral("/nginx.conf"));
        main.open(QIODevice::WriteOnly);
        main.write(QStringLiteral("worker_processes 1;\nworker_rlimit_nofile 16384;\nerror_log %1/error.log;\n"
                                  "events { worker_connections 8192; }\n"
                                  "http {\n  access_log off;\n  client_body_temp_path %1/body;\n  proxy_temp_path %1/proxy;\n"
                                  "  fastcgi_temp_path %1/fastcgi;\n  uwsgi_temp_path %1/uwsgi;\n  scgi_temp_path %1/scgi;\n"
                                  "  include %1/site.conf;\n}\n")
                       .arg(dir)
                       .toUtf8());
        main.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(binary, {QStringLiteral("-p"), dir + u'/', QStringLiteral("-c"), dir + QStringLiteral("/nginx.conf"), QStringLiteral("-e"),
                                 dir + QStringLiteral("/error.log"), QStringLiteral("-g"), QStringLiteral("daemon off; pid %1/nginx.pid;").arg(dir)});
        if (!m_process.waitForStarted())
            throw std::runtime_error("nginx did not start");
        for (int i = 0; i < 200; ++i) {
            auto c = makeClient(port);
            c->set_connection_timeout(0, 200'000);
            if (const auto r = c->Get("/api/v1/health"); r && r->status == 200)
                return;
            std::this_thread::sleep_for(50ms);
        }
        throw std::runtime_error("nginx does not answer: " + m_process.readAll().toStdString());
    }
    ~NginxFront()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(10'000))
            m_process.kill();
        m_process.waitForFinished(5'000);
    }
    NginxFront(const NginxFront &) = delete;
    NginxFront &operator=(const NginxFront &) = delete;
    int port = 0;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
};

// A request as raw bytes for the load generator.
std::string rawRequest(const char *method, const std::string &target, const std::string &token, const std::string &body = {})
{
    std::string r = std::string(method) + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Ledger-Protocol: 1\r\nX-Ledger-Schema: 1\r\n";
    if (!token.empty())
        r += "Authorization: Bearer " + token + "\r\n";
    if (!body.empty() || std::strcmp(method, "POST") == 0)
        r += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    return r + "\r\n" + body;
}

struct DeviceMix
{
    int pull = 70, push = 20, scores = 10; // weights
};

enum DeviceKind { KindPull, KindPush, KindScores };

// Each device on its own keep-alive connection: its next request drawn from the mix (a push of
// 1-5 new leads; a pull from its cursor; the scores a staff member's page shows), after a pause
// of `thinkMs` on average. `real`: answers are checked as the server gives them (applied counts,
// the cursor); otherwise (a bare handler) any 200 will do.
bench::LoadResult runDeviceLoad(int port, std::vector<Device> &devices, const DeviceMix &mix, double seconds, double thinkMs, int threads,
                                int sourceAddresses, bool real)
{
    std::vector<int> pending(devices.size(), 0); // leads in the device's push in flight
    bench::LoadOptions o;
    o.port = port;
    o.connections = int(devices.size());
    o.threads = threads;
    o.seconds = seconds;
    o.thinkMs = thinkMs;
    o.sourceAddresses = sourceAddresses;
    o.kinds = {"pull", "push", "scores"};
    const int total = std::max(1, mix.pull + mix.push + mix.scores);
    o.next = [&](int i, std::mt19937 &rng) {
        Device &d = devices[std::size_t(i)];
        const int roll = int(rng() % unsigned(total));
        if (roll < mix.push) {
            const int k = 1 + int(rng() % 5);
            pending[std::size_t(i)] = k;
            return bench::LoadRequest{KindPush, rawRequest("POST", "/api/v1/sync/push", d.token, nextPush(d, k))};
        }
        if (roll < mix.push + mix.scores)
            return bench::LoadRequest{KindScores, rawRequest("GET", "/api/v1/scores", d.token)};
        return bench::LoadRequest{KindPull, rawRequest("GET", "/api/v1/sync/pull?cursor=" + std::to_string(d.cursor) + "&limit=500", d.token)};
    };
    o.check = [&](int i, int kind, int status, std::string_view body) {
        Device &d = devices[std::size_t(i)];
        if (kind == KindPush) {
            const int k = std::exchange(pending[std::size_t(i)], 0);
            const std::string b(body);
            if (status != 200 || (real && (jsonInt(b, "applied") != k || jsonInt(b, "rejected") != 0))) {
                d.next -= k; // not applied: the device sends these numbers again
                return false;
            }
            return true;
        }
        if (status != 200)
            return false;
        if (kind == KindPull && real)
            d.cursor = jsonInt(std::string(body), "cursor", true);
        return true;
    };
    return bench::runLoad(o);
}

std::string latencyText(std::vector<double> ms)
{
    if (ms.empty())
        return "-";
    return fmt("%.1f / %.1f / %.1f", median(ms), percentile(ms, 0.95), percentile(ms, 0.99));
}

void reportLoad(const std::string &label, const bench::LoadResult &r)
{
    progress("  %s: %lld requests in %.1f s = %.0f/s, p50/p95/p99 %s ms, %lld errors%s", label.c_str(), (long long)r.requests, r.seconds,
             r.rate(), latencyText(r.allMs()).c_str(), (long long)r.errors, r.reconnects ? fmt(", %lld reconnects", (long long)r.reconnects).c_str() : "");
    for (const std::string &e : r.firstErrors)
        progress("    error: %s", e.c_str());
}

// n fresh connections at once, one request each: how many fail, and the slowest answer. httplib
// 0.11 listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, fixed when Debian built the library).
std::pair<int, double> connectStorm(int port, int n)
{
    std::atomic<int> failed{0};
    std::vector<double> ms(std::size_t(n), 0.0);
    std::latch start(n);
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i)
        threads.emplace_back([&, i] {
            auto c = makeClient(port);
            start.arrive_and_wait();
            const auto t = Clock::now();
            const auto r = c->Get("/api/v1/health");
            ms[std::size_t(i)] = msSince(t);
            if (!r || r->status != 200)
                ++failed;
            c.reset(); // closes, so the server's worker is free again
        });
    for (auto &t : threads)
        t.join();
    return {failed.load(), *std::max_element(ms.begin(), ms.end())};
}

struct DeviceSettings
{
    std::vector<int> counts{200, 1000};
    int perUser = 4;
    double seconds = 60;
    double bareSeconds = 20;
    double thinkMs = 1000;
    int threads = 2;
    DeviceMix mix;
    qsizetype seedRecords = 5000;
    bool direct = true;
    bool nginx = false;
};

void benchDevices(BareServer &tuned, const DeviceSettings &s)
{
    for (const int deviceCount : s.counts) {
        progress("[3] %d devices, each on its own connection, %.0f s, think %.0f ms, mix pull/push/scores %d/%d/%d", deviceCount, s.seconds,
                 s.thinkMs, s.mix.pull, s.mix.push, s.mix.scores);
        LiveServer live;
        const int users = (deviceCount + s.perUser - 1) / s.perUser;
        const auto staff = addStaff(live, users, "device");
        // A zone's year already on the server, so that pulls and scores have something to do.
        fillLedger(live.server->store(), staff, s.seedRecords, 11);
        auto c = makeClient(live.port);
        std::vector<Device> devices;
        for (int i = 0; i < deviceCount; ++i) {
            devices.push_back(makeDevice(*c, staff[std::size_t(i % users)]));
            devices.back().cursor = live.server->store().lastSeq(); // synced before the run
        }
        c.reset();
        const auto storm = connectStorm(live.port, 64);
        std::this_thread::sleep_for(200ms);
        // Devices go on from where a previous run left them (their mutation numbers were used).
        const std::vector<Device> initial = devices;
        auto run = [&](const char *through, int port, int addresses) {
            const long rssStart = vmRssMiB();
            const qint64 seqStart = live.server->store().lastSeq();
            const bench::LoadResult r = runDeviceLoad(port, devices, s.mix, s.seconds, s.thinkMs, s.threads, addresses, true);
            const qint64 committed = live.server->store().lastSeq() - seqStart;
            reportLoad(fmt("server %s, %d devices", through, deviceCount), r);
            const std::string head = fmt("%d devices %s (%d users, %d source address%s), %.0f s", deviceCount, through, users, addresses,
                                         addresses == 1 ? "" : "es", r.seconds);
            row(head + ": requests/s; errors", fmt("%.0f; %lld", r.rate(), (long long)r.errors), "", "",
                fmt("0 errors: %s", r.errors == 0 ? "met" : "NOT met"));
            const double aim = deviceCount <= 200 ? 50 : 200;
            const double p99 = percentile(r.allMs(), 0.99);
            row("  all requests p50 / p95 / p99 (ms)", latencyText(r.allMs()), "", "", fmt("p99 < %.0f ms: %s", aim, p99 < aim ? "met" : "NOT met"));
            for (std::size_t k = 0; k < r.kinds.size(); ++k)
                row(fmt("  %s: count; p50 / p95 / p99 (ms)", k == KindPull ? "pull" : k == KindPush ? "push" : "scores"),
                    fmt("%lld; %s", (long long)r.kinds[k].requests, latencyText(r.kinds[k].ms).c_str()));
            row("  entities committed (/s); VmRSS start -> end (MiB, clients in process too)",
                fmt("%lld (%.0f/s); %ld -> %ld", (long long)committed, double(committed) / r.seconds, rssStart, vmRssMiB()));
        };
        if (s.direct)
            run("direct", live.port, 1);
        if (s.nginx) {
            NginxFront nginx(live.port);
            // One address per tablet: the site's per-address limits (400 connections, 50 requests/s)
            // are for one office behind one NAT, not for the whole zone.
            run("through nginx", nginx.port, deviceCount);
        }
        // The same load against the bare handler (same settings), for the generator's ceiling.
        if (s.direct && s.bareSeconds > 0) {
            std::vector<Device> fake = initial;
            const bench::LoadResult bare = runDeviceLoad(tuned.port, fake, s.mix, s.bareSeconds, s.thinkMs, s.threads, 1, false);
            reportLoad(fmt("bare httplib, %d devices", deviceCount), bare);
            row("  the same load, bare httplib with the server's settings: requests/s; p50 / p95 / p99 (ms); errors", "",
                fmt("%.0f; %s; %lld", bare.rate(), latencyText(bare.allMs()).c_str(), (long long)bare.errors));
        }
        row("  64 new connections at once, 1 request each: failed; slowest ms", fmt("%d; %.0f", storm.first, storm.second));
    }
}

// ---- 5. cheap signed-in GETs ----------------------------------------------------------------------

// A front door (frontdoor.h) whose one handler answers {"status":"ok"}: the server's own HTTP
// layer without sign-in or store, to tell the two apart.
class BareFrontDoor
{
public:
    BareFrontDoor()
        : m_door([](const syncserver::Request &) { return syncserver::Response::json({{QStringLiteral("status"), QStringLiteral("ok")}}); },
                 syncserver::FrontDoorOptions{})
    {
        port = m_door.bind("127.0.0.1", 0);
        m_thread = std::thread([this] { m_door.serve(); });
    }
    ~BareFrontDoor()
    {
        m_door.stop();
        m_thread.join();
    }
    BareFrontDoor(const BareFrontDoor &) = delete;
    BareFrontDoor &operator=(const BareFrontDoor &) = delete;
    int port = 0;

private:
    syncserver::FrontDoor m_door;
    std::thread m_thread;
};

bench::LoadResult runGets(int port, const std::vector<std::string> &requests, double seconds, int threads)
{
    bench::LoadOptions o;
    o.port = port;
    o.connections = int(requests.size());
    o.threads = threads;
    o.seconds = seconds;
    o.kinds = {"get"};
    // A bare httplib server holds a thread per connection: the connections beyond its 16 threads
    // wait until a served one is closed, and are counted as errors after this long.
    o.requestTimeoutSeconds = 15;
    o.next = [&](int i, std::mt19937 &) { return bench::LoadRequest{0, requests[std::size_t(i)]}; };
    o.check = [](int, int, int status, std::string_view) { return status == 200; };
    return bench::runLoad(o);
}

void benchCheapGets(BareServer &tuned, int connections, double seconds, int threads)
{
    progress("[5] cheap signed-in GETs: %d connections, %.0f s each", connections, seconds);
    LiveServer live;
    const auto staff = addStaff(live, std::max(1, connections / 4), "reader");
    fillLedger(live.server->store(), staff, 5000, 5);
    auto c = makeClient(live.port);
    // One device per connection, each asking for what is new since its cursor: nothing.
    std::vector<std::string> pulls, health;
    const std::string cursor = std::to_string(live.server->store().lastSeq());
    for (int i = 0; i < connections; ++i) {
        const Device d = makeDevice(*c, staff[std::size_t(i) % staff.size()]);
        pulls.push_back(rawRequest("GET", "/api/v1/sync/pull?cursor=" + cursor + "&limit=500", d.token));
        health.push_back(rawRequest("GET", "/api/v1/health", {}));
    }
    c.reset();
    BareFrontDoor door;
    std::vector<double> serverRates, bareRates;
    bench::LoadResult server, bare, doorRun, healthRun;
    // Interleaved, three rounds: the machine's other load falls on all alike.
    for (int round = 0; round < 3; ++round) {
        server = runGets(live.port, pulls, seconds, threads);
        reportLoad(fmt("round %d, server pull (nothing new)", round + 1), server);
        bare = runGets(tuned.port, pulls, seconds, threads);
        reportLoad(fmt("round %d, bare httplib, same settings", round + 1), bare);
        serverRates.push_back(server.rate());
        bareRates.push_back(bare.rate());
    }
    doorRun = runGets(door.port, pulls, seconds, threads);
    reportLoad("bare front door", doorRun);
    healthRun = runGets(live.port, health, seconds, threads);
    reportLoad("server /api/v1/health", healthRun);
    const double ratio = median(serverRates) / std::max(1.0, median(bareRates));
    row(fmt("signed-in pull with nothing new, %d connections: requests/s (median of 3)", connections), fmt("%.0f", median(serverRates)),
        fmt("%.0f", median(bareRates)), "", fmt(">= 0.5x bare: %.2fx %s", ratio, ratio >= 0.5 ? "met" : "NOT met"));
    row("  the last round: p50 / p95 / p99 (ms); errors", fmt("%s; %lld", latencyText(server.allMs()).c_str(), (long long)server.errors),
        fmt("%s; %lld", latencyText(bare.allMs()).c_str(), (long long)bare.errors));
    row("  bare front door (frontdoor.h, handler answers {\"status\":\"ok\"}): requests/s; p99 ms",
        fmt("%.0f; %.1f", doorRun.rate(), percentile(doorRun.allMs(), 0.99)));
    row("  server GET /api/v1/health (no sign-in): requests/s; p99 ms", fmt("%.0f; %.1f", healthRun.rate(), percentile(healthRun.allMs(), 0.99)));
}

// ---- 4. scores on a large ledger ------------------------------------------------------------------

void benchScores(BareServer &bare, qsizetype records)
{
    progress("[4] scores for %lld records", (long long)records);
    LiveServer live;
    const auto staff = addStaff(live, 60, "staff");
    const syncserver::User leader = live.addUser(QStringLiteral("leader"), QStringLiteral("ISB"), {ledger::Role::Leader});
    const long rssBefore = vmRssMiB();
    const auto tf = Clock::now();
    fillLedger(live.server->store(), staff, records, 2023);
    const double fillSeconds = secondsSince(tf);
    const long rssAfter = vmRssMiB();
    auto c = makeClient(live.port);
    Device d = makeDevice(*c, leader);
    auto bc = makeClient(bare.port);
    // Reports are cached per ledger version: "cold" is the first request after a change (one lead
    // pushed and nothing else), "cached" a repeat with nothing changed in between.
    Device writer = makeDevice(*c, staff.front());
    auto change = [&] {
        const auto r = c->Post("/api/v1/sync/push", writer.headers,
                               pushBody(writer.id, {mutation(writer.next++, leadJson(writer.userId, writer.unit, QDate(2023, 12, 1)))}), "application/json");
        if (!r || r->status != 200)
            throw std::runtime_error("push before a cold scores request failed");
    };
    for (const int details : {0, 1}) {
        std::vector<double> cold, cached, bareMs;
        std::size_t bytes = 0;
        auto get = [&](std::vector<double> &into) {
            const auto t0 = Clock::now();
            const auto r = c->Get("/api/v1/scores?quarter=4&details=" + std::to_string(details), d.headers);
            into.push_back(msSince(t0));
            if (!r || r->status != 200)
                throw std::runtime_error("scores request failed");
            bytes = r->body.size();
        };
        for (int i = 0; i < 3; ++i) {
            change();
            get(cold);
            get(cached);
            get(cached);
        }
        for (int i = 0; i < 3; ++i) {
            const auto t0 = Clock::now();
            (void)bc->Get("/api/v1/scores?quarter=4&pad=" + std::to_string(bytes), apiHeaders("x"));
            bareMs.push_back(msSince(t0));
        }
        progress("  details=%d: cold min %.0f / median %.0f ms, cached median %.1f ms, %zu bytes; bare %.1f ms", details, minimum(cold),
                 median(cold), median(cached), bytes, median(bareMs));
        row(fmt("GET /api/v1/scores?quarter=4&details=%d after a change (cold): ms min / median of 3", details),
            fmt("%.0f / %.0f", minimum(cold), median(cold)), fmt("%.1f / %.1f", minimum(bareMs), median(bareMs)), "",
            fmt("well under 1 s: %s", median(cold) < 500 ? "met" : (median(cold) < 1000 ? "under 1 s" : "NOT met")));
        row("  the same, nothing changed since (cached): ms min / median of 6", fmt("%.1f / %.1f", minimum(cached), median(cached)), "", "",
            fmt("%s", median(cached) < 500 ? "met" : "NOT met"));
        row("  body bytes", fmt("%zu (%.1f MB)", bytes, double(bytes) / 1e6));
    }
    row(fmt("ledger filled through Store::write (%lld records)", (long long)records), fmt("%.1f s", fillSeconds));
    row("process VmRSS before -> after fill (MiB)", fmt("%ld -> %ld", rssBefore, rssAfter));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sync server figures over HTTP on 127.0.0.1 (docs/benchmarks.md)."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("duration"), QStringLiteral("Seconds of the many-devices run (default 60)."), QStringLiteral("s"), QStringLiteral("60")});
    parser.addOption({QStringLiteral("quick"), QStringLiteral("A 10 s many-devices run (and 5 s bare runs).")});
    parser.addOption({QStringLiteral("bare-duration"), QStringLiteral("Seconds of each bare-httplib many-devices run (default 20)."), QStringLiteral("s"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("devices"), QStringLiteral("Simulated devices, each on its own connection; runs one after another (default 200,1000)."),
                      QStringLiteral("list"), QStringLiteral("200,1000")});
    parser.addOption({QStringLiteral("devices-per-user"), QStringLiteral("Devices signed in per user (default 4)."), QStringLiteral("n"), QStringLiteral("4")});
    parser.addOption({QStringLiteral("client-threads"), QStringLiteral("Threads of the epoll load generator (default 2)."), QStringLiteral("n"), QStringLiteral("2")});
    parser.addOption({QStringLiteral("think-ms"), QStringLiteral("Mean pause of a device between an answer and its next request (default 1000; 0: none)."),
                      QStringLiteral("ms"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("mix"), QStringLiteral("Weights of pull, push and scores in the device run (default 70,20,10)."), QStringLiteral("p,p,s"),
                      QStringLiteral("70,20,10")});
    parser.addOption({QStringLiteral("seed-records"), QStringLiteral("Records on the server before the device run (default 5000)."), QStringLiteral("n"),
                      QStringLiteral("5000")});
    parser.addOption({QStringLiteral("through"), QStringLiteral("Device runs direct, through nginx (deploy/nginx, one source address per device), or both "
                                                                "(default direct)."),
                      QStringLiteral("direct|nginx|both"), QStringLiteral("direct")});
    parser.addOption({QStringLiteral("get-connections"), QStringLiteral("Connections of the cheap-GET run (default 200)."), QStringLiteral("n"), QStringLiteral("200")});
    parser.addOption({QStringLiteral("get-duration"), QStringLiteral("Seconds of each cheap-GET run (default 10)."), QStringLiteral("s"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("pull-records"), QStringLiteral("Records in the pull benchmark (default 100000)."), QStringLiteral("n"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("score-records"), QStringLiteral("Records in the scores benchmark (default 1000000)."), QStringLiteral("n"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("push-sizes"), QStringLiteral("Mutations pushed at batch 1000, each into a fresh ledger (default 10000,100000)."),
                      QStringLiteral("list"), QStringLiteral("10000,100000")});
    parser.addOption({QStringLiteral("push-large-only"), QStringLiteral("Push only the --push-sizes runs (no batch 1 or 100, no four devices).")});
    parser.addOption({QStringLiteral("pouchdb"), QStringLiteral("host:port of a pouchdb-server (--in-memory) to push the same docs to."), QStringLiteral("host:port")});
    parser.addOption({QStringLiteral("only"), QStringLiteral("Run only these benchmarks, e.g. 1,3 (default all)."), QStringLiteral("list"), QStringLiteral("1,2,3,4,5")});
    parser.process(app);
    const bool quick = parser.isSet(QStringLiteral("quick"));
    const double duration = quick ? 10.0 : std::clamp(parser.value(QStringLiteral("duration")).toDouble(), 1.0, 3600.0);
    const double bareDuration = quick ? 5.0 : std::clamp(parser.value(QStringLiteral("bare-duration")).toDouble(), 1.0, 3600.0);
    DeviceSettings deviceSettings;
    deviceSettings.counts.clear();
    for (const QString &n : parser.value(QStringLiteral("devices")).split(u','))
        deviceSettings.counts.push_back(std::clamp(n.toInt(), 1, 5000));
    deviceSettings.perUser = std::clamp(parser.value(QStringLiteral("devices-per-user")).toInt(), 1, 100);
    deviceSettings.seconds = duration;
    deviceSettings.bareSeconds = bareDuration;
    deviceSettings.thinkMs = std::clamp(parser.value(QStringLiteral("think-ms")).toDouble(), 0.0, 600'000.0);
    deviceSettings.threads = std::clamp(parser.value(QStringLiteral("client-threads")).toInt(), 1, 16);
    deviceSettings.seedRecords = std::clamp(parser.value(QStringLiteral("seed-records")).toLongLong(), 0LL, 1'000'000LL);
    if (const QStringList mix = parser.value(QStringLiteral("mix")).split(u','); mix.size() == 3)
        deviceSettings.mix = DeviceMix{std::max(0, mix[0].toInt()), std::max(0, mix[1].toInt()), std::max(0, mix[2].toInt())};
    const QString through = parser.value(QStringLiteral("through"));
    deviceSettings.direct = through != u"nginx";
    deviceSettings.nginx = through == u"nginx" || through == u"both";
    const int getConnections = std::clamp(parser.value(QStringLiteral("get-connections")).toInt(), 1, 5000);
    const double getDuration = quick ? 3.0 : std::clamp(parser.value(QStringLiteral("get-duration")).toDouble(), 1.0, 600.0);
    const qsizetype pullRecords = std::clamp(parser.value(QStringLiteral("pull-records")).toLongLong(), 1LL, 10'000'000LL);
    const qsizetype scoreRecords = std::clamp(parser.value(QStringLiteral("score-records")).toLongLong(), 1LL, 10'000'000LL);
    const QStringList only = parser.value(QStringLiteral("only")).split(u',');

    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    QString cpu;
    if (cpuinfo.open(QIODevice::ReadOnly))
        for (const QByteArray &line : cpuinfo.readAll().split('\n'))
            if (line.startsWith("model name")) {
                cpu = QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
                break;
            }
    std::printf("bench_sync: %u cores (%s), Qt %s, SQLite %s, cpp-httplib %s, server threads %d\n", std::thread::hardware_concurrency(),
                cpu.toUtf8().constData(), qVersion(), sqlite3_libversion(), CPPHTTPLIB_VERSION, syncserver::ListenOptions{}.threads);
    std::fflush(stdout);

    const QByteArray loadStart = loadAverage();
    const double busyStart = machineBusySeconds(), ownStart = ownCpuSeconds();
    const auto t0 = Clock::now();
    try {
        BareServer tuned(true);
        if (only.contains(QStringLiteral("1"))) {
            section("1. push throughput (one device, sequential requests, keep-alive)");
            PushOptions push;
            push.sizes.clear();
            for (const QString &n : parser.value(QStringLiteral("push-sizes")).split(u',', Qt::SkipEmptyParts))
                push.sizes.push_back(std::clamp(n.toInt(), 1, 1'000'000));
            push.largeOnly = parser.isSet(QStringLiteral("push-large-only"));
            push.pouchdb = parser.value(QStringLiteral("pouchdb")).toStdString();
            benchPush(tuned, push);
        }
        if (only.contains(QStringLiteral("2"))) {
            section(fmt("2. pull of %lld records to a fresh device (reads everything)", (long long)pullRecords));
            benchPull(tuned, pullRecords);
        }
        if (only.contains(QStringLiteral("3"))) {
            section(fmt("3. devices, each on its own keep-alive connection: pull / push 1-5 leads / scores, %d/%d/%d, think %.0f ms",
                        deviceSettings.mix.pull, deviceSettings.mix.push, deviceSettings.mix.scores, deviceSettings.thinkMs));
            benchDevices(tuned, deviceSettings);
        }
        if (only.contains(QStringLiteral("4"))) {
            section(fmt("4. scores through the API on a %lld-record ledger", (long long)scoreRecords));
            benchScores(tuned, scoreRecords);
        }
        if (only.contains(QStringLiteral("5"))) {
            section(fmt("5. cheap signed-in GETs: %d keep-alive connections, each pulling with nothing new", getConnections));
            benchCheapGets(tuned, getConnections, getDuration, deviceSettings.threads);
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_sync: %s\n", e.what());
        return 1;
    }

    // The table: the sync server, the bare handler with the server's settings, with Debian's defaults.
    std::size_t w0 = 10, w1 = 11, w2 = 19, w3 = 21;
    for (const Row &r : g_rows) {
        if (r.what.rfind("## ", 0) == 0)
            continue;
        w0 = std::max(w0, r.what.size());
        w1 = std::max(w1, r.server.size());
        w2 = std::max(w2, r.bareTuned.size());
        w3 = std::max(w3, r.bareDebian.size());
    }
    std::printf("\n| %-*s | %-*s | %-*s | %-*s | %s\n", int(w0), "figure", int(w1), "sync server", int(w2), "bare, same settings",
                int(w3), "bare, Debian defaults", "aim");
    std::printf("|%s|%s|%s|%s|------\n", std::string(w0 + 2, '-').c_str(), std::string(w1 + 2, '-').c_str(), std::string(w2 + 2, '-').c_str(),
                std::string(w3 + 2, '-').c_str());
    for (const Row &r : g_rows) {
        if (r.what.rfind("## ", 0) == 0) {
            std::printf("| **%s**\n", r.what.substr(3).c_str());
            continue;
        }
        std::printf("| %-*s | %-*s | %-*s | %-*s | %s\n", int(w0), r.what.c_str(), int(w1), r.server.c_str(), int(w2), r.bareTuned.c_str(),
                    int(w3), r.bareDebian.c_str(), r.aim.c_str());
    }
    std::printf("\nbare = the same requests to a bare httplib handler returning {\"status\":\"ok\"} (for pull and scores: as many bytes as\n"
                "the server answered); same settings = HttpServer's (tcp_nodelay, 1000 requests per connection, %d threads); Debian\n"
                "defaults = httplib 0.11 as Debian builds it (Nagle on, 5 requests per connection, 8 threads). Push rows count\n"
                "mutations/s, so the bare column is requests/s x batch. Total %.0f s, peak VmHWM %ld MiB.\n",
                syncserver::ListenOptions{}.threads, secondsSince(t0), vmHwmMiB());
    const double wall = secondsSince(t0), cores = double(std::max(1u, std::thread::hardware_concurrency()));
    const double others = std::max(0.0, (machineBusySeconds() - busyStart) - (ownCpuSeconds() - ownStart));
    std::printf("Machine: load average %s at start, %s at end; this process used %.0f CPU-s, other programs %.0f CPU-s\n"
                "(%.0f%% of the machine's %.0f core-seconds) during the run.\n",
                loadStart.constData(), loadAverage().constData(), ownCpuSeconds() - ownStart, others, 100.0 * others / (wall * cores), wall * cores);
    return 0;
}
