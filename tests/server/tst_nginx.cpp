// deploy/nginx/zhaoshang-ledger.conf run by real nginx in front of the real syncserver, as a zone
// runs them (TLS swapped for a plain test port): a normal request is answered within a second
// while a thousand slow clients hold connections, and nginx's body limits hold for chunked bodies.
#include "../support/rawhttp.h"
#include "../support/syncserverprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using ledger::test::RawResponse;
using ledger::test::RawSocket;

namespace {

const QByteArray health = "GET /api/v1/health HTTP/1.1\r\nHost: ledger\r\n\r\n";

int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    ::inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    socklen_t length = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &length);
    ::close(fd);
    return ntohs(a.sin_port);
}

// The deploy file as the test runs it: the TLS listeners become one plain listener on `port`, the
// certificate lines go, the upstream is the test's syncserver, and logs land in `dir`.
QByteArray siteForTest(const QByteArray &site, int port, int upstreamPort, const QString &dir)
{
    QByteArray out;
    for (const QByteArray &line : site.split('\n')) {
        const QByteArray t = line.trimmed();
        if (t.startsWith("ssl_") || t.startsWith("listen [::]"))
            continue;
        if (t.startsWith("listen 443"))
            out += "    listen 127.0.0.1:" + QByteArray::number(port) + ";\n";
        else if (t.startsWith("server 127.0.0.1:8080"))
            out += "    server 127.0.0.1:" + QByteArray::number(upstreamPort) + ";\n";
        else
            out += QByteArray(line).replace("/var/log/nginx/", (dir + u'/').toUtf8()) + '\n';
    }
    return out;
}

} // namespace

class TestNginx : public QObject
{
    Q_OBJECT

    QTemporaryDir m_data;
    QTemporaryDir m_nginxDir;
    std::unique_ptr<ledger::test::ServedSyncserver> m_server;
    QProcess m_nginx;
    QString m_nginxBinary;
    int m_port = 0;

    QByteArray errorLog() const
    {
        QFile f(m_nginxDir.filePath(QStringLiteral("error.log")));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        ledger::test::raiseOpenFileLimit();
        m_nginxBinary = QStandardPaths::findExecutable(QStringLiteral("nginx"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        QVERIFY2(!m_nginxBinary.isEmpty(), "nginx is not installed: run scripts/setup.sh");
        QCOMPARE(ledger::test::runSyncserver({QStringLiteral("init"), QStringLiteral("--data"), m_data.path()}, QStringLiteral("password-123")), 0);
        m_server = std::make_unique<ledger::test::ServedSyncserver>(m_data.path());

        QFile site(QStringLiteral(NGINX_SITE));
        QVERIFY(site.open(QIODevice::ReadOnly));
        const QString dir = m_nginxDir.path();
        // nginx's workers run as an unprivileged user when the master is root: they must reach the directory.
        QVERIFY(QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                                               | QFile::ReadOther | QFile::ExeOther));
        m_port = freePort();
        QFile siteOut(dir + QStringLiteral("/site.conf"));
        QVERIFY(siteOut.open(QIODevice::WriteOnly));
        siteOut.write(siteForTest(site.readAll(), m_port, m_server->port(), dir));
        siteOut.close();
        // The main context Debian's /etc/nginx/nginx.conf gives, with room for the test's connections.
        QFile main(dir + QStringLiteral("/nginx.conf"));
        QVERIFY(main.open(QIODevice::WriteOnly));
        main.write(QStringLiteral("worker_processes 1;\nworker_rlimit_nofile 16384;\nerror_log %1/error.log;\n"
                                  "events { worker_connections 8192; }\n"
                                  "http {\n  access_log %1/access.log;\n  client_body_temp_path %1/body;\n  proxy_temp_path %1/proxy;\n"
                                  "  fastcgi_temp_path %1/fastcgi;\n  uwsgi_temp_path %1/uwsgi;\n  scgi_temp_path %1/scgi;\n"
                                  "  include %1/site.conf;\n}\n")
                       .arg(dir)
                       .toUtf8());
        main.close();

        m_nginx.setProcessChannelMode(QProcess::MergedChannels);
        m_nginx.start(m_nginxBinary, {QStringLiteral("-p"), dir + u'/', QStringLiteral("-c"), dir + QStringLiteral("/nginx.conf"), QStringLiteral("-e"),
                              dir + QStringLiteral("/error.log"), QStringLiteral("-g"), QStringLiteral("daemon off; pid %1/nginx.pid;").arg(dir)});
        QVERIFY(m_nginx.waitForStarted());
        QElapsedTimer timer;
        timer.start();
        bool up = false;
        while (!up && timer.elapsed() < 10'000 && m_nginx.state() == QProcess::Running) {
            RawSocket probe(m_port);
            up = probe.isOpen();
            if (!up)
                QTest::qWait(50);
        }
        QVERIFY2(up, (m_nginx.readAll() + errorLog()).constData());
    }

    void cleanupTestCase()
    {
        if (m_nginx.state() != QProcess::NotRunning) {
            m_nginx.terminate(); // SIGTERM: nginx's fast shutdown, workers included
            if (!m_nginx.waitForFinished(10'000))
                m_nginx.kill();
        }
    }

    void deployFileIsValidWithItsTls()
    {
        // The file as installed, TLS included: a throwaway certificate at the placeholders' place.
        QTemporaryDir dir;
        QProcess openssl;
        openssl.setProcessChannelMode(QProcess::MergedChannels); // its progress dots stay out of the test log
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                                  QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=ledger"),
                                                  QStringLiteral("-keyout"), dir.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"),
                                                  dir.filePath(QStringLiteral("cert.pem"))});
        QVERIFY(openssl.waitForFinished(30'000));
        QVERIFY2(openssl.exitCode() == 0, openssl.readAll().constData());
        QFile site(QStringLiteral(NGINX_SITE));
        QVERIFY(site.open(QIODevice::ReadOnly));
        QByteArray text = site.readAll();
        QVERIFY(text.contains("/etc/ssl/zhaoshang-ledger/fullchain.pem") && text.contains("/etc/ssl/zhaoshang-ledger/privkey.pem"));
        text.replace("/etc/ssl/zhaoshang-ledger/fullchain.pem", dir.filePath(QStringLiteral("cert.pem")).toUtf8())
            .replace("/etc/ssl/zhaoshang-ledger/privkey.pem", dir.filePath(QStringLiteral("key.pem")).toUtf8())
            .replace("/var/log/nginx/", (dir.path() + u'/').toUtf8());
        QFile out(dir.filePath(QStringLiteral("site.conf")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text);
        out.close();
        QFile main(dir.filePath(QStringLiteral("nginx.conf")));
        QVERIFY(main.open(QIODevice::WriteOnly));
        main.write(QStringLiteral("events {}\nhttp { include %1/site.conf; include %2; }\n")
                       .arg(dir.path(), QFileInfo(QStringLiteral(NGINX_SITE)).dir().filePath(QStringLiteral("zhaoshang-ledger-redirect.conf")))
                       .toUtf8());
        main.close();
        QProcess test;
        test.setProcessChannelMode(QProcess::MergedChannels);
        test.start(m_nginxBinary, {QStringLiteral("-t"), QStringLiteral("-p"), dir.path() + u'/', QStringLiteral("-c"), main.fileName(), QStringLiteral("-e"),
                                   dir.filePath(QStringLiteral("error.log")), QStringLiteral("-g"), QStringLiteral("pid %1/nginx.pid;").arg(dir.path())});
        QVERIFY(test.waitForFinished(10'000));
        const QByteArray said = test.readAll();
        QVERIFY2(test.exitCode() == 0 && said.contains("test is successful"), said.constData());
    }

    void proxiesToSyncserver()
    {
        RawSocket s(m_port);
        QVERIFY(s.send(health));
        const RawResponse r = s.readResponse(2000);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("\"status\":\"ok\""));
        QVERIFY(r.headers.value("server").startsWith("nginx"));
    }

    void normalRequestAnsweredWhileAThousandSlowClientsHold()
    {
        // A thousand clients from ten addresses (the loopback network is a /8) each send part of
        // their headers and then dribble; none finishes within the test.
        std::vector<std::unique_ptr<RawSocket>> slow;
        for (int i = 0; i < 1000; ++i) {
            const QByteArray source = "127.0.0." + QByteArray::number(2 + i % 10);
            slow.push_back(std::make_unique<RawSocket>(m_port, source.constData()));
            QVERIFY(slow.back()->isOpen());
            QVERIFY(slow.back()->sendSome("GET /api/v1/health HTTP/1.1\r\nHost: ledger\r\n") > 0);
        }
        qint64 slowest = 0;
        for (int round = 0; round < 5; ++round) {
            for (auto &s : slow)
                s->sendSome("X");
            QElapsedTimer timer;
            timer.start();
            RawSocket s(m_port);
            QVERIFY(s.send(health));
            const RawResponse r = s.readResponse(5000);
            QCOMPARE(r.status, 200);
            QVERIFY(r.body.contains("\"status\":\"ok\""));
            slowest = std::max(slowest, timer.elapsed());
            QTest::qWait(200);
        }
        int stillHeld = 0;
        for (auto &s : slow)
            stillHeld += s->pollClosed() ? 0 : 1;
        qInfo("through nginx, 5 requests answered while %d of 1000 slow clients held connections; slowest %lld ms", stillHeld, slowest);
        QCOMPARE(stillHeld, 1000);
        QVERIFY2(slowest < 1000, qPrintable(QStringLiteral("slowest request through nginx took %1 ms").arg(slowest)));
    }

    void chunkedBodiesAreDechunkedAndCapped()
    {
        // A small chunked sign-in reaches syncserver as a whole body with a length (nginx buffers it).
        const QByteArray login = R"({"login":"admin","password":"password-123","device":{"id":"0b4a1f3e-9c2d-4e5f-8a6b-7c8d9e0f1a2b","name":"nginx"}})";
        {
            RawSocket s(m_port);
            QVERIFY(s.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: ledger\r\nContent-Type: application/json\r\nX-Ledger-Protocol: 1\r\n"
                           "X-Ledger-Schema: 1\r\nTransfer-Encoding: chunked\r\n\r\n"
                           + QByteArray::number(login.size(), 16) + "\r\n" + login + "\r\n0\r\n\r\n"));
            const RawResponse r = s.readResponse(5000);
            QCOMPARE(r.status, 200);
            QVERIFY(r.body.contains("accessToken"));
        }
        // 50 MB chunked: refused by nginx once it passes client_max_body_size.
        RawSocket s(m_port);
        QVERIFY(s.send("POST /api/v1/sync/push HTTP/1.1\r\nHost: ledger\r\nTransfer-Encoding: chunked\r\n\r\n"));
        const QByteArray chunk = QByteArray::number(1024 * 1024, 16) + "\r\n" + QByteArray(1024 * 1024, 'x') + "\r\n";
        RawResponse r;
        for (int i = 0; i < 50 && r.status < 0; ++i) {
            if (!s.send(chunk))
                break;
            r = s.readResponse(1);
        }
        if (r.status < 0)
            r = s.readResponse(5000);
        QCOMPARE(r.status, 413);
    }
};

QTEST_GUILESS_MAIN(TestNginx)
#include "tst_nginx.moc"
