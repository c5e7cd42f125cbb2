// The office pages in a real browser: the syncserver binary serving the demo ledger, Debian's
// chromium headless driven over the DevTools protocol on a pipe (--remote-debugging-pipe: no
// port, nothing else can reach it). It signs in through the form, opens every page, reads back
// what each shows against the score report, downloads an export, closes the third quarter as
// the bureau and signs it off as a leader. Any script error or Content-Security-Policy
// violation on a page fails the test. With OFFICE_SCREENSHOTS=<folder> set it also saves each
// page at desk size (docs/office/office-*.png are made so).
#include "../support/syncserverprocess.h"

#include "ledger/scheme.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <httplib.h>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace {

const QString Password = QStringLiteral("demo-2023");

// chromium with the DevTools protocol on fds 3 (commands in) and 4 (replies and events out),
// each message JSON ending in a NUL byte; one page target, attached flat.
class Chromium
{
public:
    explicit Chromium(const QString &profile)
    {
        int in[2], out[2];
        if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0)
            qFatal("pipe2 failed");
        // Above any descriptor the child keeps, so dup2 onto 3 and 4 never overwrites its own source.
        m_childIn = ::fcntl(in[0], F_DUPFD_CLOEXEC, 100);
        m_childOut = ::fcntl(out[1], F_DUPFD_CLOEXEC, 100);
        ::close(in[0]);
        ::close(out[1]);
        m_toBrowser = in[1];
        m_fromBrowser = out[0];
        const int childIn = m_childIn, childOut = m_childOut;
        m_process.setChildProcessModifier([childIn, childOut] {
            ::dup2(childIn, 3); // dup2 clears close-on-exec on the copy
            ::dup2(childOut, 4);
        });
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.setStandardOutputFile(QProcess::nullDevice());
        const QString binary = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        if (binary.isEmpty())
            qFatal("chromium is not installed (scripts/setup.sh installs Debian's chromium)");
        // No sandbox: the suite may run as root in a container, where chromium's sandbox cannot start.
        m_process.start(binary, {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"), QStringLiteral("--disable-gpu"),
                                 QStringLiteral("--remote-debugging-pipe"), QStringLiteral("--user-data-dir=") + profile,
                                 QStringLiteral("--no-first-run"), QStringLiteral("--lang=zh-CN"), QStringLiteral("--hide-scrollbars"),
                                 QStringLiteral("about:blank")});
        if (!m_process.waitForStarted(20000))
            qFatal("chromium did not start");
        ::close(m_childIn);
        ::close(m_childOut);
        const QJsonObject target = call(QStringLiteral("Target.createTarget"), {{QStringLiteral("url"), QStringLiteral("about:blank")}});
        m_session = call(QStringLiteral("Target.attachToTarget"),
                         {{QStringLiteral("targetId"), target.value(QStringLiteral("targetId"))}, {QStringLiteral("flatten"), true}})
                        .value(QStringLiteral("sessionId"))
                        .toString();
        page(QStringLiteral("Runtime.enable"));
        page(QStringLiteral("Log.enable"));
        page(QStringLiteral("Page.enable"));
    }
    ~Chromium()
    {
        if (m_process.state() != QProcess::NotRunning) {
            send(QStringLiteral("Browser.close"), {}, {});
            if (!m_process.waitForFinished(10000)) {
                m_process.kill();
                m_process.waitForFinished(5000);
            }
        }
        ::close(m_toBrowser);
        ::close(m_fromBrowser);
    }
    Chromium(const Chromium &) = delete;
    Chromium &operator=(const Chromium &) = delete;

    // A browser-level command; its result, or a fatal failure with the browser's error.
    QJsonObject call(const QString &method, const QJsonObject &params = {}) { return wait(send(method, params, {})); }
    // The same on the page.
    QJsonObject page(const QString &method, const QJsonObject &params = {}) { return wait(send(method, params, m_session)); }

    // Evaluates JavaScript in the page (awaiting a promise) and returns its value.
    QJsonValue eval(const QString &expression)
    {
        const QJsonObject r = page(QStringLiteral("Runtime.evaluate"), {{QStringLiteral("expression"), expression},
                                                                        {QStringLiteral("returnByValue"), true},
                                                                        {QStringLiteral("awaitPromise"), true}});
        if (r.contains(QStringLiteral("exceptionDetails")))
            m_problems << QStringLiteral("evaluating %1: %2").arg(expression, QString::fromUtf8(QJsonDocument(r.value(QStringLiteral("exceptionDetails")).toObject()).toJson()));
        return r.value(QStringLiteral("result")).toObject().value(QStringLiteral("value"));
    }
    // Polls until the expression is true (up to 20 s); false if it never was.
    bool waitFor(const QString &expression)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 20000) {
            if (eval(expression).toBool())
                return true;
            QTest::qWait(50);
        }
        return false;
    }
    QByteArray screenshot()
    {
        return QByteArray::fromBase64(page(QStringLiteral("Page.captureScreenshot"), {{QStringLiteral("format"), QStringLiteral("png")}})
                                          .value(QStringLiteral("data"))
                                          .toString()
                                          .toLatin1());
    }

    // Script errors and refusals (CSP among them) the page reported so far.
    [[nodiscard]] const QStringList &problems() const { return m_problems; }

private:
    int send(const QString &method, const QJsonObject &params, const QString &session)
    {
        QJsonObject m{{QStringLiteral("id"), ++m_lastId}, {QStringLiteral("method"), method}, {QStringLiteral("params"), params}};
        if (!session.isEmpty())
            m.insert(QStringLiteral("sessionId"), session);
        const QByteArray bytes = QJsonDocument(m).toJson(QJsonDocument::Compact) + '\0';
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(m_toBrowser, bytes.constData() + done, size_t(bytes.size() - done));
            if (n <= 0)
                qFatal("chromium closed its DevTools pipe");
            done += n;
        }
        return m_lastId;
    }

    QJsonObject wait(int id)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 60000) {
            qsizetype end;
            while ((end = m_buffer.indexOf('\0')) >= 0) {
                const QJsonObject m = QJsonDocument::fromJson(m_buffer.left(end)).object();
                m_buffer.remove(0, end + 1);
                note(m);
                if (m.value(QStringLiteral("id")).toInt() == id) {
                    if (m.contains(QStringLiteral("error")))
                        qFatal("DevTools: %s", QJsonDocument(m.value(QStringLiteral("error")).toObject()).toJson().constData());
                    return m.value(QStringLiteral("result")).toObject();
                }
            }
            pollfd p{m_fromBrowser, POLLIN, 0};
            if (::poll(&p, 1, 1000) <= 0)
                continue;
            char chunk[65536];
            const ssize_t n = ::read(m_fromBrowser, chunk, sizeof chunk);
            if (n <= 0)
                qFatal("chromium closed its DevTools pipe");
            m_buffer.append(chunk, n);
        }
        qFatal("chromium did not answer within a minute");
    }

    void note(const QJsonObject &m)
    {
        const QString method = m.value(QStringLiteral("method")).toString();
        const QJsonObject params = m.value(QStringLiteral("params")).toObject();
        if (method == u"Runtime.exceptionThrown")
            m_problems << QStringLiteral("script error: ")
                              + params.value(QStringLiteral("exceptionDetails")).toObject().value(QStringLiteral("exception")).toObject().value(QStringLiteral("description")).toString();
        if (method == u"Log.entryAdded") {
            const QJsonObject entry = params.value(QStringLiteral("entry")).toObject();
            // Refused requests the test provokes are answered errors (source "network"); a CSP
            // refusal or a script problem is not.
            const QString source = entry.value(QStringLiteral("source")).toString();
            if (entry.value(QStringLiteral("level")).toString() == u"error" && source != u"network")
                m_problems << source + QStringLiteral(": ") + entry.value(QStringLiteral("text")).toString();
        }
    }

    QProcess m_process;
    int m_childIn = -1, m_childOut = -1, m_toBrowser = -1, m_fromBrowser = -1;
    int m_lastId = 0;
    QString m_session;
    QByteArray m_buffer;
    QStringList m_problems;
};

QString js(const QString &s) { return QString::fromUtf8(QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact)).mid(1).chopped(1); }

// The cells of a table's body rows as text.
QList<QStringList> rowsOf(Chromium &b, const QString &selector)
{
    QList<QStringList> out;
    const QJsonArray rows = b.eval(QStringLiteral("[...document.querySelectorAll(%1)].map(tr => [...tr.cells].map(td => td.textContent))")
                                       .arg(js(selector + QStringLiteral(" tbody tr"))))
                                .toArray();
    for (const QJsonValue &r : rows) {
        QStringList cells;
        for (const QJsonValue &c : r.toArray())
            cells << c.toString();
        out << cells;
    }
    return out;
}

} // namespace

class TestOfficePages : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ledger::test::ServedSyncserver> m_server;
    QString m_base;

    // The score report as the API gives it, read by the test itself.
    QJsonObject scores(int quarter)
    {
        httplib::Client c("127.0.0.1", m_server->port());
        const httplib::Headers h{{"X-Ledger-Protocol", "1"}, {"X-Ledger-Schema", "1"}};
        const std::string login = QJsonDocument(QJsonObject{{QStringLiteral("login"), QStringLiteral("isb2")}, {QStringLiteral("password"), Password},
                                                            {QStringLiteral("device"), QJsonObject{{QStringLiteral("id"), QStringLiteral("6f1c2b9e-3d4a-4b5c-9d8e-7f6a5b4c3d2e")}}}})
                                      .toJson(QJsonDocument::Compact)
                                      .toStdString();
        const auto signedIn = c.Post("/api/v1/auth/login", h, login, "application/json");
        if (!signedIn || signedIn->status != 200)
            qFatal("sign-in for the score report failed");
        httplib::Headers auth = h;
        auth.emplace("Authorization", "Bearer " + QJsonDocument::fromJson(QByteArray::fromStdString(signedIn->body)).object().value(QStringLiteral("accessToken")).toString().toStdString());
        const auto r = c.Get("/api/v1/scores?quarter=" + std::to_string(quarter), auth);
        return QJsonDocument::fromJson(QByteArray::fromStdString(r->body)).object();
    }

    // The first complete file with the suffix chromium saved in the folder (up to 20 s).
    static QByteArray downloaded(const QString &folder, const QString &suffix)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 20000) {
            for (const QString &name : QDir(folder).entryList(QDir::Files))
                if (name.endsWith(suffix)) {
                    QFile f(QDir(folder).filePath(name));
                    if (f.open(QIODevice::ReadOnly))
                        return f.readAll();
                }
            QTest::qWait(100);
        }
        return {};
    }

    void shoot(Chromium &b, const QString &name)
    {
        const QByteArray png = b.screenshot();
        QVERIFY(png.startsWith("\x89PNG"));
        const QString folder = qEnvironmentVariable("OFFICE_SCREENSHOTS");
        if (folder.isEmpty())
            return;
        QFile f(QDir(folder).filePath(name + QStringLiteral(".png")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(png);
    }

    void signIn(Chromium &b, const QString &login)
    {
        // On the page already: whoever is signed in signs out first, as a person at the desk would.
        if (b.eval(QStringLiteral("document.body.dataset.view")).toString() != u"signin") {
            b.eval(QStringLiteral("document.getElementById('signout').click(); true"));
            QVERIFY(b.waitFor(QStringLiteral("document.body.dataset.view === 'signin'")));
        }
        b.eval(QStringLiteral("document.getElementById('login').value = %1; document.getElementById('password').value = %2; "
                              "document.getElementById('signin-button').click(); true")
                   .arg(js(login), js(Password)));
        QVERIFY2(b.waitFor(QStringLiteral("document.body.dataset.view !== 'signin' && document.body.dataset.ready !== ''")),
                 qPrintable(b.eval(QStringLiteral("document.getElementById('signin-error').textContent")).toString()));
    }

    void open(Chromium &b, const QString &view, int quarter = 3)
    {
        b.eval(QStringLiteral("document.getElementById('quarter').value = '%1'; location.hash = '%2'; "
                              "if (document.body.dataset.view === '%2') document.getElementById('quarter').dispatchEvent(new Event('change')); true")
                   .arg(quarter)
                   .arg(view));
        QVERIFY2(b.waitFor(QStringLiteral("document.body.dataset.ready === '%1'").arg(view)),
                 qPrintable(b.eval(QStringLiteral("document.body.dataset.error || document.body.dataset.ready")).toString()));
    }

private slots:
    void initTestCase()
    {
        QProcess demo;
        demo.start(ledger::test::syncserverBinary(), {QStringLiteral("demo"), QStringLiteral("--data"), m_dir.filePath(QStringLiteral("data")),
                                                      QStringLiteral("--password"), Password});
        QVERIFY(demo.waitForFinished(120000));
        QCOMPARE(demo.exitCode(), 0);
        m_server = std::make_unique<ledger::test::ServedSyncserver>(m_dir.filePath(QStringLiteral("data")));
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(m_server->port());
    }

    // The pages are the server's own files under a strict policy, and /status is not open.
    void thePagesAreServedUnderAStrictPolicy()
    {
        httplib::Client c("127.0.0.1", m_server->port());
        const auto page = c.Get("/office");
        QVERIFY(page);
        QCOMPARE(page->status, 200);
        const std::string policy = page->get_header_value("Content-Security-Policy");
        QVERIFY(policy.find("default-src 'none'") != std::string::npos);
        QVERIFY(policy.find("script-src 'self'") != std::string::npos);
        QVERIFY(page->body.find("http://") == std::string::npos && page->body.find("https://") == std::string::npos);
        QVERIFY(page->body.find("<script>") == std::string::npos); // no inline script: the policy would refuse it
        QCOMPARE(c.Get("/office/office.js")->status, 200);
        QCOMPARE(c.Get("/office/nothing.js")->status, 404);
        QCOMPARE(c.Get("/status")->status, 401);
    }

    void theQuarterInTheBrowser()
    {
        QTemporaryDir profile, downloads;
        Chromium b(profile.path());
        b.page(QStringLiteral("Emulation.setDeviceMetricsOverride"),
               {{QStringLiteral("width"), 1366}, {QStringLiteral("height"), 900}, {QStringLiteral("deviceScaleFactor"), 1}, {QStringLiteral("mobile"), false}});
        b.call(QStringLiteral("Browser.setDownloadBehavior"), {{QStringLiteral("behavior"), QStringLiteral("allow")}, {QStringLiteral("downloadPath"), downloads.path()}});

        // A wrong password is refused on the page, nothing stored.
        QVERIFY(b.eval(QStringLiteral("location.href = %1; true").arg(js(m_base + QStringLiteral("/office")))).toBool());
        QVERIFY(b.waitFor(QStringLiteral("document.body && document.body.dataset.ready === 'signin'")));
        shoot(b, QStringLiteral("office-signin"));
        b.eval(QStringLiteral("document.getElementById('login').value = 'isb1'; document.getElementById('password').value = 'wrong-password'; "
                              "document.getElementById('signin-button').click(); true"));
        QVERIFY(b.waitFor(QStringLiteral("document.getElementById('signin-error').textContent !== ''")));
        QVERIFY(b.eval(QStringLiteral("sessionStorage.getItem('ledger.office.token') === null && localStorage.length === 0")).toBool());

        signIn(b, QStringLiteral("isb1"));
        // The token is kept for the tab only.
        QVERIFY(b.eval(QStringLiteral("sessionStorage.getItem('ledger.office.token') !== null && localStorage.length === 0")).toBool());

        const QJsonObject report = scores(3);
        // The quarter by task: every task's points and every group's 小计 as the score report has them.
        open(b, QStringLiteral("tasks"));
        QCOMPARE(b.eval(QStringLiteral("document.getElementById('quarter-mark').textContent")).toString(), QStringLiteral("暂定"));
        const QList<QStringList> tasks = rowsOf(b, QStringLiteral("#tasks-table"));
        qsizetype checked = 0;
        for (const QJsonValue &gv : report.value(QStringLiteral("groups")).toArray()) {
            const QJsonObject g = gv.toObject();
            const QString id = g.value(QStringLiteral("id")).toString();
            QStringList shown;
            for (const QStringList &row : tasks)
                if (row.value(0) == id)
                    shown << row.value(7);
            QStringList expected;
            for (const QJsonValue &t : g.value(QStringLiteral("tasks")).toArray())
                expected << t.toObject().value(QStringLiteral("points")).toString();
            QCOMPARE(shown, expected);
            const auto subtotal = std::find_if(tasks.begin(), tasks.end(), [&](const QStringList &r) { return r.value(0) == id + QStringLiteral(" 小计"); });
            QVERIFY(subtotal != tasks.end());
            QCOMPARE(subtotal->value(7), g.value(QStringLiteral("points")).toString());
            checked += expected.size();
        }
        QVERIFY(checked > 20);
        shoot(b, QStringLiteral("office-tasks"));

        // Leads by unit by month: a group's units add up to what its lead task counted.
        open(b, QStringLiteral("leads"));
        const QList<QStringList> leads = rowsOf(b, QStringLiteral("#leads-table"));
        const ledger::Scheme scheme = ledger::scheme2023();
        int groupsWithLeads = 0;
        for (const QJsonValue &gv : report.value(QStringLiteral("groups")).toArray()) {
            const QJsonObject g = gv.toObject();
            const ledger::TaskGroup *tg = nullptr;
            for (const ledger::TaskGroup &candidate : scheme.groups)
                if (candidate.id == g.value(QStringLiteral("id")).toString())
                    tg = &candidate;
            QVERIFY(tg);
            for (const QJsonValue &t : g.value(QStringLiteral("tasks")).toArray()) {
                const auto task = std::find_if(tg->tasks.begin(), tg->tasks.end(), [&](const ledger::Task &x) { return x.id == t.toObject().value(QStringLiteral("id")).toString(); });
                if (task == tg->tasks.end() || task->measure.of != ledger::MeasureOf::Leads)
                    continue;
                qint64 shown = 0;
                for (const QStringList &row : leads)
                    if (row.value(0) == tg->id)
                        shown += row.value(row.size() - 2).toLongLong();
                QCOMPARE(shown, t.toObject().value(QStringLiteral("achieved")).toVariant().toLongLong());
                ++groupsWithLeads;
                break;
            }
        }
        QVERIFY(groupsWithLeads > 0);
        QVERIFY(leads.size() >= scheme.units.size() - 1);
        shoot(b, QStringLiteral("office-leads"));

        // Exports: a button per table and format; one downloaded with the token, a real workbook.
        open(b, QStringLiteral("exports"));
        QCOMPARE(b.eval(QStringLiteral("document.querySelectorAll('#exports-list tr').length")).toInt(), 9);
        b.eval(QStringLiteral("document.querySelector('#exports-list button[data-table=\"signed_projects\"]').click(); true"));
        QVERIFY(downloaded(downloads.path(), QStringLiteral(".xlsx")).startsWith(QByteArray("PK\x03\x04", 4)));
        shoot(b, QStringLiteral("office-exports"));

        // The notice, provisional: every unit's total as the report has it.
        open(b, QStringLiteral("notice"));
        QVERIFY(b.eval(QStringLiteral("document.querySelector('#notice .mark').textContent")).toString().startsWith(QStringLiteral("暂定")));
        QCOMPARE(b.eval(QStringLiteral("document.querySelector('#notice .title').textContent")).toString(),
                 QStringLiteral("关于2023年第3季度（累计）招商引资工作情况的通报"));
        QHash<QString, QString> shownTotals;
        for (const QJsonValue &table : b.eval(QStringLiteral("[...document.querySelectorAll('#notice table')].filter(t => t.tHead.textContent.includes('总分值'))"
                                                             ".map(t => [...t.tBodies[0].rows].map(r => [r.cells[1].textContent, r.cells[5].textContent]))"))
                                           .toArray())
            for (const QJsonValue &row : table.toArray())
                shownTotals.insert(row.toArray().at(0).toString(), row.toArray().at(1).toString());
        const QJsonArray units = report.value(QStringLiteral("units")).toArray();
        QCOMPARE(shownTotals.size(), units.size());
        for (const QJsonValue &u : units)
            QCOMPARE(shownTotals.value(u.toObject().value(QStringLiteral("name")).toString()), u.toObject().value(QStringLiteral("total")).toString());
        shoot(b, QStringLiteral("office-notice"));
        b.eval(QStringLiteral("document.getElementById('notice-pdf').click(); true"));
        QVERIFY(downloaded(downloads.path(), QStringLiteral(".pdf")).startsWith("%PDF-"));

        // The bureau closes the quarter; the sign-off page offers it no signing.
        open(b, QStringLiteral("signoff"));
        QCOMPARE(b.eval(QStringLiteral("[...document.querySelectorAll('#quarters tr[data-quarter=\"3\"] button')].map(x => x.textContent).join()")).toString(),
                 QStringLiteral("结算"));
        b.eval(QStringLiteral("document.querySelector('#quarters tr[data-quarter=\"3\"] button').click(); true"));
        QVERIFY(b.waitFor(QStringLiteral("(document.querySelector('#quarters tr[data-quarter=\"3\"] .badge') || {}).textContent === '已结算（暂定）'")));

        // A leader signs it off with the number and the date; a date within the quarter is refused first.
        signIn(b, QStringLiteral("pgo2"));
        open(b, QStringLiteral("signoff"));
        b.eval(QStringLiteral("[...document.querySelectorAll('#quarters tr[data-quarter=\"3\"] button')].find(x => x.textContent === '签认').click(); true"));
        QVERIFY(b.waitFor(QStringLiteral("!document.getElementById('signoff-form').hidden")));
        b.eval(QStringLiteral("document.getElementById('signoff-number').value = '开招商〔2023〕12号'; document.getElementById('signoff-date').value = '2023-09-30'; "
                              "document.getElementById('signoff-button').click(); true"));
        QVERIFY(b.waitFor(QStringLiteral("document.getElementById('signoff-error').textContent.startsWith('date')")));
        shoot(b, QStringLiteral("office-signoff"));
        b.eval(QStringLiteral("document.getElementById('signoff-date').value = '2023-10-08'; document.getElementById('signoff-button').click(); true"));
        QVERIFY(b.waitFor(QStringLiteral("(document.querySelector('#quarters tr[data-quarter=\"3\"] .badge') || {}).textContent === '已签认'")));
        QVERIFY(b.eval(QStringLiteral("document.querySelector('#quarters tr[data-quarter=\"3\"]').cells[3].textContent")).toString().contains(QStringLiteral("开招商〔2023〕12号")));
        QVERIFY(b.waitFor(QStringLiteral("document.body.dataset.ready === 'signoff'")));
        shoot(b, QStringLiteral("office-signed"));

        // The notice is now the signed one, marked so with the date and who signed.
        open(b, QStringLiteral("notice"));
        QCOMPARE(b.eval(QStringLiteral("document.querySelector('#notice .mark').textContent")).toString(), QStringLiteral("已签认（2023年10月8日，王明辉）"));
        QCOMPARE(b.eval(QStringLiteral("document.querySelector('#notice .number').textContent")).toString(), QStringLiteral("开招商〔2023〕12号"));
        QVERIFY(b.eval(QStringLiteral("document.getElementById('quarter-mark').textContent")).toString().startsWith(QStringLiteral("已签认")));

        QVERIFY2(b.problems().isEmpty(), qPrintable(b.problems().join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestOfficePages)
#include "tst_officepages.moc"
