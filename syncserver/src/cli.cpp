// Subcommands of the syncserver binary. Each parses its own options (with --help) and calls the
// server core; nothing here decides a rule.
#include "cli.h"

#include "api.h"
#include "demoimport.h"
#include "httpserver.h"
#include "importer.h"
#include "quartersignoffs.h"

#include "ledger/ledgerfile.h"
#include "ledger/reportjson.h"
#include "ledger/scoring.h"
#include "ledger/wire.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <thread>

namespace syncserver {

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

const Actor systemActor{QStringLiteral("system"), QStringLiteral("cli")};

QCommandLineOption dataOption()
{
    return {{QStringLiteral("d"), QStringLiteral("data")}, QStringLiteral("The data folder (ledger.sqlite, attachments)."), QStringLiteral("dir"),
            QStringLiteral("data")};
}

// A password from --password-file, the LEDGER_PASSWORD environment variable, or standard input.
QString readPassword(const QCommandLineParser &p)
{
    if (p.isSet(QStringLiteral("password-file"))) {
        QFile f(p.value(QStringLiteral("password-file")));
        if (!f.open(QIODevice::ReadOnly))
            throw std::runtime_error("cannot read the password file");
        return QString::fromUtf8(f.readAll()).trimmed();
    }
    if (qEnvironmentVariableIsSet("LEDGER_PASSWORD"))
        return qEnvironmentVariable("LEDGER_PASSWORD");
    err() << "password: " << Qt::flush;
    QTextStream in(stdin);
    return in.readLine().trimmed();
}

ServerConfig configFrom(const QCommandLineParser &p)
{
    ServerConfig c;
    c.dataDir = p.value(QStringLiteral("data"));
    if (p.optionNames().contains(QStringLiteral("scheme")))
        c.schemeFile = p.value(QStringLiteral("scheme"));
    return c;
}

void parseOrExit(QCommandLineParser &p, const QStringList &args, const QString &description)
{
    p.setApplicationDescription(description);
    p.addHelpOption();
    p.process(args);
}

int cmdInit(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(dataOption());
    p.addOption({QStringLiteral("scheme"), QStringLiteral("A scheme file instead of the built-in 2023 scheme."), QStringLiteral("file")});
    p.addOption({QStringLiteral("admin-login"), QStringLiteral("Login of the first administrator."), QStringLiteral("login"), QStringLiteral("admin")});
    p.addOption({QStringLiteral("admin-name"), QStringLiteral("Name of the first administrator."), QStringLiteral("name"), QStringLiteral("系统管理员")});
    p.addOption({QStringLiteral("admin-unit"), QStringLiteral("Unit of the first administrator."), QStringLiteral("unit"), QStringLiteral("ISB")});
    p.addOption({QStringLiteral("password-file"), QStringLiteral("Read the administrator's password from this file (else $LEDGER_PASSWORD, else standard input)."), QStringLiteral("file")});
    parseOrExit(p, args, QStringLiteral("Creates a ledger in the data folder and its first administrator."));
    Server server(configFrom(p));
    if (!server.accounts().users().isEmpty()) {
        err() << "the ledger in " << p.value(QStringLiteral("data")) << " already has accounts; nothing done\n";
        return 1;
    }
    const User u = server.accounts().createUser(p.value(QStringLiteral("admin-login")), p.value(QStringLiteral("admin-name")),
                                                p.value(QStringLiteral("admin-unit")), {ledger::Role::Admin}, readPassword(p), systemActor);
    out() << "created the ledger in " << QDir(p.value(QStringLiteral("data"))).absolutePath() << " with administrator " << u.login << "\n";
    return 0;
}

HttpServer *g_running = nullptr;

int cmdServe(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(dataOption());
    p.addOption({QStringLiteral("config"), QStringLiteral("A JSON file with any of: data, host, port, cert, key, threads, scheme, publicStatus, auditKey, checkpointLog, checkpointEvery."), QStringLiteral("file")});
    p.addOption({QStringLiteral("host"), QStringLiteral("Address to listen on."), QStringLiteral("host"), QStringLiteral("127.0.0.1")});
    p.addOption({QStringLiteral("port"), QStringLiteral("Port to listen on (0: any free port)."), QStringLiteral("port"), QStringLiteral("8080")});
    p.addOption({QStringLiteral("cert"), QStringLiteral("TLS certificate (PEM); with --key, serve HTTPS."), QStringLiteral("file")});
    p.addOption({QStringLiteral("key"), QStringLiteral("TLS private key (PEM)."), QStringLiteral("file")});
    p.addOption({QStringLiteral("threads"), QStringLiteral("Worker threads."), QStringLiteral("n"), QStringLiteral("16")});
    p.addOption({QStringLiteral("scheme"), QStringLiteral("A scheme file instead of the built-in 2023 scheme."), QStringLiteral("file")});
    p.addOption({QStringLiteral("public-status"), QStringLiteral("Show the /status page without sign-in, naming no one (it needs sign-in by default).")});
    p.addOption({QStringLiteral("fast-hash"), QStringLiteral("Use argon2id's minimum cost (tests and benchmarks only).")});
    p.addOption({QStringLiteral("header-timeout"), QStringLiteral("Seconds a client has to send a request's line and headers (default 10)."), QStringLiteral("s")});
    p.addOption({QStringLiteral("body-timeout"), QStringLiteral("Seconds a client has to send a request's body (default 120)."), QStringLiteral("s")});
    p.addOption({QStringLiteral("idle-timeout"), QStringLiteral("Seconds an idle kept-alive connection stays open (default 30)."), QStringLiteral("s")});
    p.addOption({QStringLiteral("max-connections-per-address"), QStringLiteral("Open connections allowed from one address (default 1000)."), QStringLiteral("n")});
    p.addOption({QStringLiteral("audit-key"), QStringLiteral("The secret key (from `syncserver keygen`) that signs checkpoints of the audit chain; kept outside the data folder."), QStringLiteral("file")});
    p.addOption({QStringLiteral("checkpoint-log"), QStringLiteral("Where signed checkpoints are appended (default <data>/audit-checkpoints.jsonl)."), QStringLiteral("file")});
    p.addOption({QStringLiteral("checkpoint-every"), QStringLiteral("Seconds between periodic checkpoints while the log grows (default 600)."), QStringLiteral("s")});
    parseOrExit(p, args, QStringLiteral("Serves the ledger over HTTP(S) until interrupted."));

    QJsonObject file;
    if (p.isSet(QStringLiteral("config"))) {
        QFile f(p.value(QStringLiteral("config")));
        if (!f.open(QIODevice::ReadOnly))
            throw std::runtime_error("cannot read the config file");
        QJsonParseError e{};
        file = QJsonDocument::fromJson(f.readAll(), &e).object();
        if (e.error != QJsonParseError::NoError)
            throw std::runtime_error((QStringLiteral("the config file is not valid JSON: ") + e.errorString()).toStdString());
    }
    // A flag given on the command line wins over the config file.
    auto value = [&](const QString &name, const QString &key) {
        return p.isSet(name) || !file.contains(key) ? p.value(name) : file.value(key).toVariant().toString();
    };
    ServerConfig config;
    config.dataDir = value(QStringLiteral("data"), QStringLiteral("data"));
    config.schemeFile = value(QStringLiteral("scheme"), QStringLiteral("scheme"));
    config.auditKeyFile = value(QStringLiteral("audit-key"), QStringLiteral("auditKey"));
    config.checkpointLog = value(QStringLiteral("checkpoint-log"), QStringLiteral("checkpointLog"));
    config.publicStatusPage = p.isSet(QStringLiteral("public-status")) || file.value(QStringLiteral("publicStatus")) == QJsonValue(true);
    if (p.isSet(QStringLiteral("fast-hash"))) {
        config.accounts.opsLimit = 1;
        config.accounts.memLimit = 8192;
    }
    ListenOptions listen;
    listen.host = value(QStringLiteral("host"), QStringLiteral("host"));
    listen.port = value(QStringLiteral("port"), QStringLiteral("port")).toInt();
    listen.certFile = value(QStringLiteral("cert"), QStringLiteral("cert"));
    listen.keyFile = value(QStringLiteral("key"), QStringLiteral("key"));
    listen.threads = value(QStringLiteral("threads"), QStringLiteral("threads")).toInt();
    // The front door's limits (config keys headerTimeout, bodyTimeout, idleTimeout, maxConnectionsPerAddress).
    const auto positive = [&](const QString &name, const QString &key, int &field) {
        if (const QString text = value(name, key); !text.isEmpty()) {
            bool ok = false;
            field = text.toInt(&ok);
            if (!ok || field <= 0)
                throw std::runtime_error(QStringLiteral("--%1 must be a positive whole number, not \"%2\"").arg(name, text).toStdString());
        }
    };
    positive(QStringLiteral("header-timeout"), QStringLiteral("headerTimeout"), listen.headerTimeoutSeconds);
    positive(QStringLiteral("body-timeout"), QStringLiteral("bodyTimeout"), listen.bodyTimeoutSeconds);
    positive(QStringLiteral("idle-timeout"), QStringLiteral("idleTimeout"), listen.idleTimeoutSeconds);
    positive(QStringLiteral("max-connections-per-address"), QStringLiteral("maxConnectionsPerAddress"), listen.maxConnectionsPerAddress);
    int checkpointEvery = 600;
    positive(QStringLiteral("checkpoint-every"), QStringLiteral("checkpointEvery"), checkpointEvery);

    Server server(config);
    HttpServer http(server, listen);
    const int port = http.bind();
    // The chain's head is signed on start, every few minutes while it grows, on every export
    // (exportroutes.cpp) and on stop.
    (void)server.checkpoints().checkpoint(QStringLiteral("start"));
    std::mutex stopLock;
    std::condition_variable stopped;
    bool stopping = false;
    std::thread periodic([&] {
        std::unique_lock lock(stopLock);
        while (!stopped.wait_for(lock, std::chrono::seconds(checkpointEvery), [&] { return stopping; })) {
            lock.unlock();
            try {
                (void)server.checkpoints().checkpoint(QStringLiteral("periodic"));
            } catch (const std::exception &e) {
                err() << "audit checkpoint failed: " << e.what() << "\n" << Qt::flush;
            }
            lock.lock();
        }
    });
    g_running = &http;
    std::signal(SIGINT, [](int) { if (g_running) g_running->stop(); });
    std::signal(SIGTERM, [](int) { if (g_running) g_running->stop(); });
    out() << "listening on " << (http.isTls() ? "https" : "http") << "://" << listen.host << ":" << port
          << "  (ledger " << QDir(config.dataDir).absolutePath() << ", scheme " << server.scheme().id << ")\n" << Qt::flush;
    http.serve();
    g_running = nullptr;
    {
        std::lock_guard lock(stopLock);
        stopping = true;
    }
    stopped.notify_all();
    periodic.join();
    (void)server.checkpoints().checkpoint(QStringLiteral("stop"));
    out() << "stopped\n";
    return 0;
}

int cmdUser(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(dataOption());
    p.addOption({QStringLiteral("login"), QStringLiteral("The account's login."), QStringLiteral("login")});
    p.addOption({QStringLiteral("name"), QStringLiteral("The person's name (add)."), QStringLiteral("name")});
    p.addOption({QStringLiteral("unit"), QStringLiteral("The person's unit code (add)."), QStringLiteral("unit")});
    p.addOption({QStringLiteral("roles"), QStringLiteral("Comma-separated roles (add): staff, unit_contact, reviewer, supervisor, leader, admin."), QStringLiteral("roles"), QStringLiteral("staff")});
    p.addOption({QStringLiteral("password-file"), QStringLiteral("Read the password from this file (else $LEDGER_PASSWORD, else standard input)."), QStringLiteral("file")});
    p.addPositionalArgument(QStringLiteral("action"), QStringLiteral("add | disable | enable | reset-password | list"));
    parseOrExit(p, args, QStringLiteral("Manages accounts."));
    const QStringList pos = p.positionalArguments();
    const QString action = pos.value(0);
    Server server(configFrom(p));
    Accounts &accounts = server.accounts();
    if (action == u"list") {
        for (const User &u : accounts.users()) {
            QStringList roles;
            for (auto r : u.roles)
                roles << ledger::toString(r);
            out() << u.login << "\t" << u.name << "\t" << u.unit << "\t" << roles.join(u',') << "\t" << (u.active ? "active" : "disabled") << "\n";
        }
        return 0;
    }
    const QString login = p.value(QStringLiteral("login"));
    if (login.isEmpty()) {
        err() << "--login is needed for " << action << "\n";
        return 2;
    }
    if (action == u"add") {
        QString error;
        const auto roles = parseRoles(p.value(QStringLiteral("roles")), &error);
        if (!error.isEmpty() || !server.scheme().unit(ledger::UnitCode(p.value(QStringLiteral("unit"))))) {
            err() << (error.isEmpty() ? QStringLiteral("--unit must be one of the scheme's units") : error) << "\n";
            return 2;
        }
        const User u = accounts.createUser(login, p.value(QStringLiteral("name")), p.value(QStringLiteral("unit")), roles, readPassword(p), systemActor);
        out() << "added " << u.login << " (" << u.id << ")\n";
        return 0;
    }
    const auto u = accounts.user(login);
    if (!u) {
        err() << "no account with login " << login << "\n";
        return 1;
    }
    if (action == u"disable" || action == u"enable") {
        accounts.setActive(u->id, action == u"enable", systemActor);
        out() << action << "d " << login << "\n";
        return 0;
    }
    if (action == u"reset-password") {
        accounts.setPassword(u->id, readPassword(p), systemActor);
        out() << "password of " << login << " reset; its sessions are signed out\n";
        return 0;
    }
    err() << "unknown action \"" << action << "\"; expected add, disable, enable, reset-password or list\n";
    return 2;
}

int cmdDemo(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(dataOption());
    p.addOption({QStringLiteral("seed"), QStringLiteral("Seed of the generated year."), QStringLiteral("n"), QStringLiteral("2023")});
    p.addOption({QStringLiteral("password"), QStringLiteral("Password of every demo account."), QStringLiteral("password"), QStringLiteral("demo-2023")});
    parseOrExit(p, args, QStringLiteral("Fills an empty ledger with a realistic year under the 2023 scheme, and accounts for its people."));
    ServerConfig config = configFrom(p);
    config.accounts.opsLimit = 1; // demo accounts: the cheapest argon2id, so filling is quick
    config.accounts.memLimit = 8192;
    Server server(config);
    const DemoImport result = importDemo(server, p.value(QStringLiteral("seed")).toUInt(), p.value(QStringLiteral("password")));
    out() << "demo ledger in " << QDir(config.dataDir).absolutePath() << ": " << result.records << " records, " << result.enterprises
          << " enterprises, " << result.people << " accounts, " << result.attachments << " attachments\n";
    out() << "sign in as any of: " << result.logins.join(QStringLiteral(", ")) << " (password " << p.value(QStringLiteral("password")) << ")\n";
    return 0;
}

// Prints the report a row a line; exits 1 when a row is refused (and then nothing was written).
int cmdImport(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(dataOption());
    p.addOption({QStringLiteral("as"), QStringLiteral("The login of the reviewer importing (recorded as the importer)."), QStringLiteral("login")});
    p.addOption({QStringLiteral("file"), QStringLiteral("The ledger: a CSV (UTF-8 or GB18030) or .xlsx file."), QStringLiteral("file")});
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("Report every row, write nothing.")});
    parseOrExit(p, args, QStringLiteral("Imports an existing ledger (三表格两台账) as records waiting for review; all rows or none."));
    if (!p.isSet(QStringLiteral("as")) || !p.isSet(QStringLiteral("file"))) {
        err() << "--as and --file are needed\n";
        return 2;
    }
    QFile f(p.value(QStringLiteral("file")));
    if (!f.open(QIODevice::ReadOnly)) {
        err() << "cannot read " << f.fileName() << "\n";
        return 1;
    }
    Server server(configFrom(p));
    const std::optional<User> who = server.accounts().user(p.value(QStringLiteral("as")));
    if (!who || !who->active) {
        err() << "no active account \"" << p.value(QStringLiteral("as")) << "\"\n";
        return 1;
    }
    Importer importer(server.store(), server.scheme());
    const ImportReport r = importer.run(*who, QStringLiteral("cli"), QFileInfo(f.fileName()).fileName(), f.readAll(), p.isSet(QStringLiteral("dry-run")));
    for (const ImportRow &row : r.rows) {
        out() << (row.sheet.isEmpty() ? QString() : row.sheet + u' ') << "row " << row.row << ": ";
        if (row.status == ImportRowStatus::Refused)
            out() << "REFUSED " << row.field << ": " << row.message << " (" << row.code << ")\n";
        else
            out() << (row.status == ImportRowStatus::Accepted ? "accepted " : "skipped ") << row.what << "\n";
    }
    out() << r.file << " (" << r.encoding << "): " << r.accepted << " accepted, " << r.refused << " refused, " << r.skipped << " skipped; "
          << (r.written ? QStringLiteral("%1 records and %2 new enterprises written, waiting for review").arg(r.records).arg(r.enterprises)
                        : QStringLiteral("nothing written")) << "\n";
    return r.refused > 0 ? 1 : 0;
}

int cmdBackup(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(dataOption());
    p.addOption({{QStringLiteral("o"), QStringLiteral("out")}, QStringLiteral("The backup file to write."), QStringLiteral("file")});
    parseOrExit(p, args, QStringLiteral("Copies the ledger database to a file; safe while the server is serving."));
    if (!p.isSet(QStringLiteral("out"))) {
        err() << "--out is needed\n";
        return 2;
    }
    ledger::Database db = ledger::Database::open(QDir(p.value(QStringLiteral("data"))).filePath(QStringLiteral("ledger.sqlite")),
                                                 ledger::Database::OpenMode::ReadWrite);
    db.backupTo(p.value(QStringLiteral("out")));
    out() << "backed up to " << p.value(QStringLiteral("out")) << "\n";
    return 0;
}

int cmdKeygen(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({{QStringLiteral("o"), QStringLiteral("out")}, QStringLiteral("The secret key file to create (mode 0600); the public key goes beside it as <file>.pub."), QStringLiteral("file")});
    parseOrExit(p, args, QStringLiteral("Creates the Ed25519 key pair that signs checkpoints of the audit chain. Keep the secret key outside the data folder."));
    if (!p.isSet(QStringLiteral("out"))) {
        err() << "--out is needed\n";
        return 2;
    }
    const QString path = p.value(QStringLiteral("out"));
    AuditCheckpoints::generateKey(path);
    out() << "secret key " << path << " (readable by its owner only), public key " << path << ".pub\n";
    return 0;
}

int cmdVerify(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(dataOption());
    p.addOption({QStringLiteral("checkpoint-log"), QStringLiteral("The signed checkpoints (default <data>/audit-checkpoints.jsonl)."), QStringLiteral("file")});
    p.addOption({QStringLiteral("public-key"), QStringLiteral("The key that checks the checkpoints: <key>.pub from `syncserver keygen` (or the secret key)."), QStringLiteral("file")});
    p.addOption({QStringLiteral("notice-head"), QStringLiteral("A head printed in a published notice (共 N 条，链头 H), given as N:H; the chain must still have it. May be repeated."),
                 QStringLiteral("N:hash")});
    parseOrExit(p, args, QStringLiteral("Checks the ledger's integrity, every stored entity, the audit chain, its signed checkpoints, and that the entities are what the log says."));
    ServerConfig config = configFrom(p);
    config.checkpointLog = p.value(QStringLiteral("checkpoint-log"));
    Server server(config);
    QStringList problems = server.store().verifyAudit();
    problems << server.store().replayAudit();
    problems << QuarterSignOffs::verify(server.store());
    const QString log = checkpointLogOf(config);
    QString checkpoints = QStringLiteral("no signed checkpoints");
    if (p.isSet(QStringLiteral("public-key"))) {
        problems << AuditCheckpoints::verify(server.store(), log, AuditCheckpoints::readPublicKey(p.value(QStringLiteral("public-key"))));
        QStringList ignored;
        const qsizetype n = AuditCheckpoints::readLog(log, &ignored).size();
        checkpoints = QStringLiteral("%1 signed checkpoint%2").arg(n).arg(n == 1 ? QString() : QStringLiteral("s"));
    } else if (QFile::exists(log)) {
        problems << QStringLiteral("%1 holds signed checkpoints; give --public-key to check them").arg(log);
    }
    for (const QString &given : p.values(QStringLiteral("notice-head"))) {
        bool ok = false;
        const qint64 entry = given.section(u':', 0, 0).toLongLong(&ok);
        const QString hash = given.section(u':', 1);
        if (!ok || entry <= 0 || hash.isEmpty()) {
            err() << "--notice-head: expected N:hash as a notice prints it (共 N 条，链头 hash), not \"" << given << "\"\n";
            return 2;
        }
        const QString now = server.store().read([&](ledger::Database &db) {
            ledger::Statement s = db.prepare(QStringLiteral("SELECT hash FROM audit WHERE id = ?"));
            s.bind(1, entry);
            return s.step() ? s.columnText(0) : QString();
        });
        if (now != hash)
            problems << QStringLiteral("the notice's head, audit entry %1 with hash %2, is not in the chain (%3)")
                            .arg(entry).arg(hash, now.isEmpty() ? QStringLiteral("the entry is gone") : QStringLiteral("the entry now has ") + now);
    }
    server.store().read([&](ledger::Database &db) {
        ledger::Statement ic = db.prepare(QStringLiteral("PRAGMA integrity_check"));
        while (ic.step())
            if (ic.columnText(0) != u"ok")
                problems << QStringLiteral("database: ") + ic.columnText(0);
        ledger::Statement s = db.prepare(QStringLiteral("SELECT id, kind, json FROM entities WHERE deleted = 0"));
        while (s.step()) {
            const QJsonObject json = QJsonDocument::fromJson(s.columnText(2).toUtf8()).object();
            const QString kind = s.columnText(1);
            const QString problem = kind == u"enterprise" ? (ledger::wire::decodeEnterprise(json) ? QString() : ledger::wire::decodeEnterprise(json).error().toString())
                                    : kind == u"person"   ? (ledger::wire::decodePerson(json) ? QString() : ledger::wire::decodePerson(json).error().toString())
                                                          : (ledger::wire::decodeRecord(json) ? QString() : ledger::wire::decodeRecord(json).error().toString());
            if (!problem.isEmpty())
                problems << QStringLiteral("entity %1: %2").arg(s.columnText(0), problem);
        }
        ledger::Statement a = db.prepare(QStringLiteral("SELECT sha256 FROM attachments WHERE complete = 1"));
        while (a.step()) {
            const QString sha = a.columnText(0);
            QFile f(QDir(server.store().dataDir()).filePath(QStringLiteral("attachments/") + sha.left(2) + u'/' + sha));
            QCryptographicHash h(QCryptographicHash::Sha256);
            if (!f.open(QIODevice::ReadOnly) || !h.addData(&f) || QString::fromLatin1(h.result().toHex()) != sha)
                problems << QStringLiteral("attachment %1 is missing or its content changed").arg(sha);
        }
        return 0;
    });
    const AuditHead head = server.checkpoints().head();
    out() << "audit chain: " << head.entries << " entries, head " << (head.hash.isEmpty() ? QStringLiteral("(none)") : head.hash) << "\n";
    if (p.isSet(QStringLiteral("public-key"))) {
        QStringList ignored;
        const QList<Checkpoint> all = AuditCheckpoints::readLog(log, &ignored);
        if (!all.isEmpty())
            out() << "last checkpoint: #" << all.last().number << " at " << all.last().at << ", " << all.last().head.entries << " entries, head "
                  << all.last().head.hash << "\n";
    }
    if (problems.isEmpty()) {
        out() << "ledger intact: audit chain, " << checkpoints << ", entities replayed from the log, database and attachments verified\n";
        return 0;
    }
    for (const QString &pr : std::as_const(problems))
        out() << "PROBLEM: " << pr << "\n";
    return 1;
}

int cmdScore(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption(dataOption());
    p.addOption({QStringLiteral("ledger"), QStringLiteral("Score a ledger document (JSON) instead of the data folder."), QStringLiteral("file")});
    p.addOption({QStringLiteral("scheme"), QStringLiteral("A scheme file instead of the built-in 2023 scheme."), QStringLiteral("file")});
    p.addOption({QStringLiteral("quarter"), QStringLiteral("Score to the end of this quarter."), QStringLiteral("q"), QStringLiteral("4")});
    p.addOption({QStringLiteral("alone"), QStringLiteral("The quarter alone instead of cumulative from January.")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print the full report as JSON.")});
    parseOrExit(p, args, QStringLiteral("Prints the scores: zone progress, unit ranking, awards."));
    const ledger::Scheme scheme = loadConfiguredScheme(p.value(QStringLiteral("scheme")));
    const ledger::Period period{scheme.year, p.value(QStringLiteral("quarter")).toInt(), p.isSet(QStringLiteral("alone"))};
    auto print = [&](const ledger::Ledger &l) {
        const ledger::ScoreReport r = ledger::score(scheme, l, period);
        if (p.isSet(QStringLiteral("json")))
            out() << QString::fromUtf8(QJsonDocument(ledger::toJson(r)).toJson());
        else
            out() << ledger::toText(r, scheme);
        return r.problems.isEmpty() ? 0 : 1;
    };
    if (p.isSet(QStringLiteral("ledger"))) {
        const auto doc = ledger::readLedgerFile(p.value(QStringLiteral("ledger")));
        if (!doc) {
            err() << doc.error().toString() << "\n";
            return 1;
        }
        return print(doc.value().ledger);
    }
    ServerConfig config = configFrom(p);
    Server server(config);
    return server.store().withLedger(print);
}

void usage()
{
    out() << "syncserver — the investment service bureau's master ledger (全员招商台账)\n\n"
             "usage: syncserver <command> [options]   (syncserver <command> --help for its options)\n\n"
             "  init     create a ledger and its first administrator\n"
             "  serve    serve the ledger over HTTP(S)\n"
             "  user     add, disable, enable, reset-password, list accounts\n"
             "  demo     fill a ledger with a realistic year under the 2023 scheme\n"
             "  import   bring an existing ledger (CSV or .xlsx) in as records for review\n"
             "  backup   online backup of the ledger to a file\n"
             "  keygen   create the key pair that signs the audit chain's checkpoints\n"
             "  verify   check the ledger's integrity, its audit chain and checkpoints\n"
             "  score    print the scores of a ledger\n";
}

} // namespace

int runCli(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("syncserver"));
    QStringList args = QCoreApplication::arguments();
    const QString command = args.value(1);
    if (command.isEmpty() || command == u"--help" || command == u"-h" || command == u"help") {
        usage();
        return command.isEmpty() ? 2 : 0;
    }
    args.removeAt(1); // the subcommand's parser sees "syncserver --its --options"
    args[0] = args[0] + u' ' + command;
    try {
        if (command == u"init") return cmdInit(args);
        if (command == u"serve") return cmdServe(args);
        if (command == u"user") return cmdUser(args);
        if (command == u"demo") return cmdDemo(args);
        if (command == u"import") return cmdImport(args);
        if (command == u"backup") return cmdBackup(args);
        if (command == u"verify") return cmdVerify(args);
        if (command == u"keygen") return cmdKeygen(args);
        if (command == u"score") return cmdScore(args);
    } catch (const HttpError &e) {
        err() << (e.field.isEmpty() ? QString() : e.field + QStringLiteral(": ")) << e.message << "\n";
        return 1;
    } catch (const std::exception &e) {
        err() << "error: " << e.what() << "\n";
        return 1;
    }
    err() << "unknown command \"" << command << "\"\n";
    usage();
    return 2;
}

} // namespace syncserver
