// bench_app: the tablet app's figures (bench/app/README-figures.md). Prints figures, asserts nothing.
//   1. start: the real ledgerapp (offscreen, a new data folder) from launch to its first rendered
//      frame, seen through Qt's scene-graph timing log; and Main.qml from the Ledger.App module
//      (mobile_app, as the app links it) to its first frameSwapped in this process.
//   2. saving a visit with its check-in through a form's RecordEditor: tap to durable commit (WAL,
//      synchronous=FULL), median and p99 over 1000 saves, first with the store alone, then with
//      Main.qml showing the list of visits (the list follows every save, as in the app).
//   3. initial sync of 100,000 records: 200 pages of 500 leads (the pages the server sends, written
//      by its PullPageWriter from canonical entity texts) saved as files, then applied to a fresh
//      store in a child process of this binary, one page read at a time as if it had just arrived:
//      LocalStore::applyPullText over each page's text (what SyncClient does with a response
//      body), and beside it a raw insert of the same rows (id, kind, JSON text, version), 500 a
//      transaction, on a store opened the same way (schema, WAL, synchronous=FULL, checkpoints),
//      the rows taken out of each page before its clock starts. Each child's peak resident memory
//      (VmHWM) is the whole process's. No server: the figure is the device's side.
//   4. the records list over those 100,000 records: building RecordListModel (kind "lead") and
//      reading a page of 50 rows through data() for every role.
//   5. memory with 100,000 local records: the real ledgerapp started on that store with
//      --self-test (it shows every page, the lists over the 100,000 records included, and opens
//      the four forms), its VmRSS sampled every 100 ms from /proc; and, in this process, what the
//      three list models add.
// Options: --records N (default 100000), --saves N (default 1000), --data DIR (default: a new
// folder under the current directory, so that saves hit the filesystem being measured),
// --ledgerapp PATH (another build of the app for step 5, to compare), --keep (leave the stores),
// --sync-only (step 3 alone). A child of step 3 is `bench_app --apply-pages DIR --store DIR --how
// text|object|raw` ("object": the page parsed into a QJsonObject and LocalStore::applyPull, the
// path SyncClient took before issue 10).
#include "appsingletons.h"
#include "enterpriselistmodel.h"
#include "investmentmapmodel.h"
#include "localstore.h"
#include "networktransport.h"
#include "recordeditor.h"
#include "recordlistmodel.h"
#include "syncclient.h"

#include "ledger/ids.h"
#include "ledger/syncprotocol.h"
#include "ledger/wire.h"
#include "walcheckpointer.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>

#include <algorithm>
#include <memory>
#include <cstdio>
#include <ctime>
#include <vector>

Q_IMPORT_QML_PLUGIN(Ledger_AppPlugin)
Q_IMPORT_QML_PLUGIN(Ledger_PositioningPlugin)

namespace {

double ms(qint64 ns) { return double(ns) / 1e6; }

// Resident memory of this process, MB.
double rssMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

// VmRSS and VmHWM (peak) of another process, MB; -1 once it is gone.
std::pair<double, double> rssOf(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    double rss = -1, hwm = -1;
    if (!f.open(QIODevice::ReadOnly))
        return {rss, hwm};
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            rss = line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
        else if (line.startsWith("VmHWM:"))
            hwm = line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return {rss, hwm};
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
    return v[i];
}

// The real executable to its first rendered frame: Qt's scene-graph timing log prints one line per
// frame, so the first such line on stderr marks it. Median of `runs`, each with a new data folder.
void benchExecutableStart(int runs)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QTemporaryDir data;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("qt.scenegraph.time.renderloop.debug=true"));
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        QElapsedTimer t;
        t.start();
        p.start(QStringLiteral(LEDGERAPP_BINARY), {QStringLiteral("--data"), data.path(), QStringLiteral("--today"), QStringLiteral("2023-12-15")});
        QByteArray seen;
        qint64 at = -1;
        while (at < 0 && t.elapsed() < 60000 && (p.state() != QProcess::NotRunning || p.bytesAvailable() > 0)) {
            p.waitForReadyRead(100);
            seen += p.readAll();
            if (seen.contains("Frame rendered"))
                at = t.nsecsElapsed();
        }
        p.kill();
        p.waitForFinished(10000);
        if (at < 0) {
            printf("  ledgerapp: no frame line seen; output:\n%s\n", seen.left(2000).constData());
            return;
        }
        if (i == 0)
            printf("  (first frame line: %s)\n", seen.mid(std::max<qsizetype>(0, seen.indexOf("Frame rendered") - 40), 160).simplified().constData());
        times.push_back(ms(at));
    }
    printf("ledgerapp launch -> first rendered frame (offscreen, new data folder): median %.0f ms, min %.0f ms, max %.0f ms over %d runs\n",
           percentile(times, 0.5), *std::min_element(times.begin(), times.end()), *std::max_element(times.begin(), times.end()), runs);
}

// Main.qml from the Ledger.App module (compiled by qmlcachegen, as in the app) to its first frame.
// The window stays open for the saves that follow.
QObject *benchMainQml(QQmlApplicationEngine &engine)
{
    QElapsedTimer t;
    t.start();
    qint64 firstFrame = -1;
    QEventLoop loop;
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreated, &loop, [&](QObject *object, const QUrl &) {
        auto *window = qobject_cast<QQuickWindow *>(object);
        if (!window) {
            loop.quit();
            return;
        }
        QObject::connect(window, &QQuickWindow::frameSwapped, &loop, [&] {
            if (firstFrame < 0)
                firstFrame = t.nsecsElapsed();
            loop.quit();
        });
    });
    engine.load(QUrl(QStringLiteral("qrc:/qt-project.org/imports/Ledger/App/Main.qml")));
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    if (!engine.rootObjects().isEmpty() && firstFrame < 0)
        loop.exec();
    if (firstFrame < 0) {
        printf("Main.qml: no frame within 60 s\n");
        return nullptr;
    }
    printf("Main.qml (Ledger.App module, in process) -> first frameSwapped (offscreen): %.0f ms; VmRSS then %.1f MB\n", ms(firstFrame), rssMb());
    return engine.rootObjects().constFirst();
}

// Lets the window render what changed.
void settle(int msecs)
{
    QEventLoop wait;
    QTimer::singleShot(msecs, &wait, &QEventLoop::quit);
    wait.exec();
}

// The real ledgerapp over a store, through its self-test (every page, every list, four forms), its
// resident memory sampled until it exits.
void benchAppMemory(const QString &binary, const QString &dataDir, int records)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(binary, {QStringLiteral("--data"), dataDir, QStringLiteral("--today"), QStringLiteral("2023-12-15"), QStringLiteral("--self-test")});
    if (!p.waitForStarted(30000)) {
        printf("memory: %s did not start\n", qPrintable(binary));
        return;
    }
    double peak = 0, hwm = 0, last = 0;
    QElapsedTimer t;
    t.start();
    while (p.state() != QProcess::NotRunning && t.elapsed() < 600000) {
        const auto [rss, high] = rssOf(p.processId());
        if (rss > 0) {
            peak = std::max(peak, rss);
            hwm = std::max(hwm, high);
            last = rss;
        }
        p.waitForFinished(100);
    }
    const QByteArray out = p.readAll();
    const qsizetype summary = out.lastIndexOf("self-test:");
    printf("memory, ledgerapp --self-test over %d local records (%s): VmRSS peak %.1f MB sampled, VmHWM %.1f MB, %.1f MB at the last sample; exit %d (%s)\n",
           records, qPrintable(binary), peak, hwm, last, p.exitCode(),
           summary >= 0 ? out.mid(summary, out.indexOf('\n', summary) - summary).constData() : "no self-test line");
}

// A visit as the form saves it: an enterprise, today's date, a purpose and an accepted check-in.
QVariantMap visitWithCheckIn(mobile::RecordEditor &form, const QString &enterpriseId, int i)
{
    form.setKind(QStringLiteral("visit"));
    form.setRecordId({});
    form.load();
    QVariantMap v = form.record();
    v.insert(QStringLiteral("enterprise"), enterpriseId);
    v.insert(QStringLiteral("purpose"), QStringLiteral("了解扩产计划 %1").arg(i));
    v.insert(QStringLiteral("attachments"), QVariantList{});
    v.insert(QStringLiteral("outcome"), QStringLiteral("企业计划明年新增一条生产线，需要协调用地。"));
    v.insert(QStringLiteral("checkIn"), QVariantMap{{QStringLiteral("position"), QVariantMap{{QStringLiteral("latitude"), 35.2647 + i * 1e-7},
                                                                                          {QStringLiteral("longitude"), 113.9268}}},
                                                   {QStringLiteral("accuracyM"), 12.5},
                                                   {QStringLiteral("fixTime"), QStringLiteral("2023-12-15T01:30:03Z")},
                                                   {QStringLiteral("distanceM"), 35.0},
                                                   {QStringLiteral("flags"), QVariantList{}}});
    return v;
}

QJsonObject leadJson(mobile::RecordEditor &form, int i)
{
    form.setKind(QStringLiteral("lead"));
    form.setRecordId({}); // a new record, not the one saved last
    form.load();
    QJsonObject lead = QJsonObject::fromVariantMap(form.record());
    lead.insert(QStringLiteral("enterpriseName"), QStringLiteral("示范新材料有限公司 %1").arg(i));
    lead.insert(QStringLiteral("intention"), QStringLiteral("拟在开发区投资建设年产 %1 万吨新材料项目").arg(i % 50 + 1));
    lead.insert(QStringLiteral("expectedInvestment"), QJsonObject{{QStringLiteral("currency"), QStringLiteral("CNY")},
                                                                  {QStringLiteral("amount"), QStringLiteral("%1.00").arg(100000000 + i)}});
    lead.insert(QStringLiteral("filed"), QDate(2023, 1, 1).addDays(i % 340).toString(Qt::ISODate));
    lead.insert(QStringLiteral("source"), QStringLiteral("商会推介"));
    return lead;
}

// CPU time of the calling thread, ns.
qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// The page files step 3 writes, in order.
QStringList pageFiles(const QString &dir)
{
    QStringList out;
    for (const QString &name : QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        out << QDir(dir).filePath(name);
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

// VmHWM (peak resident memory) of this process, MB.
double peakMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

// The child of step 3: applies the pages in `pagesDir` to a new store in `storeDir`, one page
// read at a time (reading the file is outside the clock, as the network's share is), and prints
// one line: the time and this process's peak resident memory.
int applyPages(const QString &pagesDir, const QString &storeDir, const QString &how)
{
    const QStringList files = pageFiles(pagesDir);
    qint64 took = 0;
    qint64 cpu = 0; // this thread's CPU time inside the clock: the figure the machine's load disturbs least
    qint64 rows = 0;
    const double rssAtStart = rssMb();
    if (how == u"raw") {
        // The store's schema and settings: made by LocalStore, then written through a plain
        // connection with the same pragmas and checkpoints.
        { mobile::LocalStore schema(storeDir); }
        ledger::Database db = ledger::Database::open(mobile::LocalStore::databaseFile(storeDir));
        db.exec(QStringLiteral("PRAGMA journal_size_limit = 4194304"));
        mobile::WalCheckpointer checkpoints(db.handle());
        for (const QString &file : files) {
            struct Row
            {
                QString id, kind;
                QByteArray json;
                qint64 seq;
            };
            std::vector<Row> page;
            for (const QJsonValue &c : QJsonDocument::fromJson(readAll(file)).object().value(u"changes").toArray()) {
                const QJsonObject entity = c.toObject().value(u"entity").toObject();
                page.push_back({entity.value(u"id").toString(), entity.value(u"kind").toString(),
                                QJsonDocument(entity).toJson(QJsonDocument::Compact), c.toObject().value(u"seq").toInteger()});
            }
            QElapsedTimer t;
            t.start();
            const qint64 cpuAtStart = threadCpuNs();
            ledger::Transaction tx(db);
            for (const Row &r : page) {
                ledger::CachedStatement s = db.cached(QStringLiteral("INSERT INTO entities(id, kind, json, server_version) VALUES(?,?,?,?)"));
                s->bind(1, r.id).bind(2, r.kind).bindUtf8(3, r.json).bind(4, r.seq);
                s->exec();
            }
            tx.commit();
            took += t.nsecsElapsed();
            cpu += threadCpuNs() - cpuAtStart;
            rows += qint64(page.size());
        }
    } else {
        mobile::LocalStore store(storeDir);
        for (const QString &file : files) {
            const QByteArray body = readAll(file);
            QElapsedTimer t;
            t.start();
            const qint64 cpuAtStart = threadCpuNs();
            if (how == u"object") {
                if (const auto error = store.applyPull(QJsonDocument::fromJson(body).object()))
                    qFatal("pull refused: %s", qPrintable(error->toString()));
            } else {
                const auto applied = store.applyPullText(body);
                if (!applied)
                    qFatal("pull refused: %s", qPrintable(applied.error().toString()));
            }
            took += t.nsecsElapsed();
            cpu += threadCpuNs() - cpuAtStart;
        }
        rows = store.pullCursor();
    }
    printf("  %-6s %lld pages, %lld rows: %.2f s (%.2f ms a page), CPU %.2f s; VmRSS %.1f MB at start, peak (VmHWM) %.1f MB\n", qPrintable(how),
           qlonglong(files.size()), qlonglong(rows), ms(took) / 1000, ms(took) / double(std::max<qsizetype>(1, files.size())), ms(cpu) / 1000,
           rssAtStart, peakMb());
    return 0;
}

// Runs applyPages in a child process of this binary and passes its line on; returns the seconds.
double runChild(const QString &pagesDir, const QString &storeDir, const QString &how)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(QCoreApplication::applicationFilePath(),
            {QStringLiteral("--apply-pages"), pagesDir, QStringLiteral("--store"), storeDir, QStringLiteral("--how"), how});
    if (!p.waitForFinished(-1) || p.exitCode() != 0)
        qFatal("step 3 child (%s) failed", qPrintable(how));
    const QByteArray line = p.readAllStandardOutput();
    printf("%s", line.constData());
    const qsizetype colon = line.indexOf(": ");
    return colon < 0 ? -1 : line.mid(colon + 2).split(' ').value(0).toDouble();
}

} // namespace

int main(int argc, char **argv)
{
    // Step 3's child: no window system, only the store.
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--apply-pages") == 0) {
            QCoreApplication core(argc, argv);
            QCommandLineParser child;
            child.addOption({QStringLiteral("apply-pages"), {}, QStringLiteral("dir")});
            child.addOption({QStringLiteral("store"), {}, QStringLiteral("dir")});
            child.addOption({QStringLiteral("how"), {}, QStringLiteral("text|object|raw"), QStringLiteral("text")});
            child.process(core);
            QDir().mkpath(child.value(QStringLiteral("store")));
            setvbuf(stdout, nullptr, _IOLBF, 0);
            return applyPages(child.value(QStringLiteral("apply-pages")), child.value(QStringLiteral("store")), child.value(QStringLiteral("how")));
        }
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    setvbuf(stdout, nullptr, _IOLBF, 0);
    QQuickStyle::setStyle(QStringLiteral("Material"));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("records"), QStringLiteral("Records pulled and listed."), QStringLiteral("n"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("saves"), QStringLiteral("Visits saved."), QStringLiteral("n"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("starts"), QStringLiteral("Launches of ledgerapp."), QStringLiteral("n"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("data"), QStringLiteral("Where the stores go."), QStringLiteral("dir"), QDir::currentPath()});
    parser.addOption({QStringLiteral("keep"), QStringLiteral("Leave the stores in place (to rerun the app on them).")});
    parser.addOption({QStringLiteral("sync-only"), QStringLiteral("Only the initial sync (step 3).")});
    parser.addOption({QStringLiteral("ledgerapp"), QStringLiteral("The app binary for the memory figure."), QStringLiteral("path"),
                      QStringLiteral(LEDGERAPP_BINARY)});
    parser.process(app);
    const int records = parser.value(QStringLiteral("records")).toInt();
    const int saves = parser.value(QStringLiteral("saves")).toInt();

    QTemporaryDir root(QDir(parser.value(QStringLiteral("data"))).filePath(QStringLiteral("bench_app-XXXXXX")));
    if (!root.isValid())
        qFatal("no data folder: %s", qPrintable(root.errorString()));
    root.setAutoRemove(!parser.isSet(QStringLiteral("keep")));
    printf("bench_app: data under %s; VmRSS at start %.1f MB\n", qPrintable(root.path()), rssMb());

    // The app's objects as main.cpp makes them, over an empty store; a person who signed in once.
    const ledger::Scheme scheme = ledger::scheme2023();
    mobile::StoredSession session;
    session.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    session.user = QJsonObject{{QStringLiteral("id"), ledger::PersonId::create().toString()}, {QStringLiteral("name"), QStringLiteral("张伟")},
                               {QStringLiteral("unit"), QStringLiteral("ISB")}, {QStringLiteral("roles"), QJsonArray{QStringLiteral("staff")}}};
    const QString appDir = root.filePath(QStringLiteral("app"));
    QDir().mkpath(appDir);
    mobile::LocalStore store(appDir);
    (void)store.setSession(session);
    mobile::NetworkTransport transport(session.serverUrl);
    mobile::SyncClient sync(store, transport);
    mobile::AppSingletons singletons(store, sync, scheme, QDate(2023, 12, 15));
    singletons.install();
    // The editor of the form a person fills in (one for every record below).
    mobile::RecordEditor form(singletons.session, singletons.trips, singletons.settings);

    const bool syncOnly = parser.isSet(QStringLiteral("sync-only"));
    // ---- 1. start ---------------------------------------------------------------------------------
    if (!syncOnly)
        benchExecutableStart(parser.value(QStringLiteral("starts")).toInt());
    auto engine = std::make_unique<QQmlApplicationEngine>();
    QObject *window = syncOnly ? nullptr : benchMainQml(*engine);

    // ---- 2. saving a visit with its check-in ------------------------------------------------------
    if (!syncOnly) {
        form.setKind(QStringLiteral("enterprise"));
        QJsonObject enterprise = QJsonObject::fromVariantMap(form.record());
        enterprise.insert(QStringLiteral("name"), QStringLiteral("新乡市示范精细化工有限公司"));
        if (const auto error = store.save(enterprise))
            qFatal("enterprise: %s", qPrintable(error->toString()));
        const QString enterpriseId = enterprise.value(QStringLiteral("id")).toString();
        auto saveVisits = [&](const char *how, int first) {
            std::vector<double> times;
            times.reserve(size_t(saves));
            for (int i = first; i < first + saves; ++i) {
                const QVariantMap visit = visitWithCheckIn(form, enterpriseId, i);
                QElapsedTimer t;
                t.start();
                form.setRecord(visit); // what the form holds when 保存 is tapped
                const bool saved = form.save();
                times.push_back(ms(t.nsecsElapsed()));
                if (!saved)
                    qFatal("visit refused: %s %s", qPrintable(form.errorField()), qPrintable(form.errorMessage()));
                if (window && i % 50 == 0)
                    settle(5); // the window renders now and then, as it would between taps
            }
            printf("save a visit with check-in (RecordEditor::save -> committed, synchronous=FULL), %s: median %.2f ms, p99 %.2f ms, max %.2f ms over %d saves; outbox %d\n",
                   how, percentile(times, 0.5), percentile(times, 0.99), percentile(times, 1.0), saves, store.pendingCount());
        };
        if (window)
            QMetaObject::invokeMethod(window, "go", Q_ARG(QVariant, QStringLiteral("home")));
        settle(300);
        saveVisits("home page showing", 0);
        if (window) {
            QMetaObject::invokeMethod(window, "go", Q_ARG(QVariant, QStringLiteral("visits")));
            settle(500);
            saveVisits("the list of visits showing", saves);
        }
    }
    engine.reset(); // the window and its lists go; the stores stay
    window = nullptr;

    // ---- 3. initial sync: 200 pages of 500 into a fresh store ----------------------------------------
    const QString pulledDir = root.filePath(QStringLiteral("pulled"));
    {
        const QString pagesDir = root.filePath(QStringLiteral("pages"));
        QDir().mkpath(pagesDir);
        const int page = mobile::SyncClient::PullPageSize;
        for (int first = 0; first < records; first += page) {
            ledger::sync::PullPageWriter writer(first);
            for (int i = first; i < std::min(records, first + page); ++i) {
                QJsonObject lead = leadJson(form, i);
                lead.insert(QStringLiteral("review"), QJsonObject{{QStringLiteral("state"), QStringLiteral("submitted")}});
                const auto decoded = ledger::wire::decodeRecord(lead);
                if (!decoded)
                    qFatal("lead refused: %s", qPrintable(decoded.error().toString()));
                // What the server stores and sends: the encoder's output as compact text.
                writer.addEntity(i + 1, QJsonDocument(ledger::wire::encode(decoded.value())).toJson(QJsonDocument::Compact));
            }
            QFile f(QDir(pagesDir).filePath(QStringLiteral("%1.json").arg(first / page, 5, 10, QLatin1Char('0'))));
            if (!f.open(QIODevice::WriteOnly) || f.write(writer.finish(first + page < records)) < 0)
                qFatal("cannot write %s", qPrintable(f.fileName()));
        }
        printf("initial sync, device side: %d records in pages of %d, each applied in a child process:\n", records, page);
        const double raw = runChild(pagesDir, root.filePath(QStringLiteral("raw")), QStringLiteral("raw"));
        const double applied = runChild(pagesDir, pulledDir, QStringLiteral("text"));
        const double object = runChild(pagesDir, root.filePath(QStringLiteral("object")), QStringLiteral("object"));
        printf("  applyPullText is %.2fx the raw insert's rate (object path %.2fx)\n", raw / applied, raw / object);
    }
    if (syncOnly)
        return 0;
    mobile::LocalStore pulled(pulledDir);
    const double rssBeforeModels = rssMb();

    // ---- 4. the records list ----------------------------------------------------------------------------
    mobile::RecordListModel leads;
    {
        leads.setKind(QStringLiteral("lead"));
        QElapsedTimer t;
        t.start();
        leads.setStore(&pulled);
        const qint64 built = t.nsecsElapsed();
        const QList<int> roles = leads.roleNames().keys();
        const int rows = leads.rowCount();
        const int pageRows = 50;
        std::vector<double> pageTimes;
        qsizetype checksum = 0;
        for (int first = 0; first + pageRows <= rows; first += std::max(pageRows, rows / 200)) {
            QElapsedTimer pt;
            pt.start();
            for (int r = first; r < first + pageRows; ++r)
                for (int role : roles)
                    checksum += leads.data(leads.index(r), role).toString().size();
            pageTimes.push_back(ms(pt.nsecsElapsed()));
        }
        printf("RecordListModel(kind lead) over %d records: built in %.0f ms; a page of 50 rows x %lld roles through data(): median %.3f ms, p99 %.3f ms (%zu pages sampled, %lld chars)\n",
               rows, ms(built), qlonglong(roles.size()), percentile(pageTimes, 0.5), percentile(pageTimes, 0.99), pageTimes.size(), qlonglong(checksum));
    }

    // ---- 5. memory --------------------------------------------------------------------------------------
    mobile::EnterpriseListModel enterprises;
    enterprises.setStore(&pulled);
    mobile::InvestmentMapModel map;
    map.setStore(&pulled);
    printf("VmRSS of this process: %.1f MB after the pull, %.1f MB with the three models over the %d records\n",
           rssBeforeModels, rssMb(), leads.rowCount());
    (void)pulled.setSession(session); // the app opens on the home page of this person
    benchAppMemory(parser.value(QStringLiteral("ledgerapp")), pulledDir, records);
    return 0;
}
