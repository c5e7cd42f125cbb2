// The front door against the real syncserver binary: hundreds of idle and trickling clients do not
// delay anyone else and are cut at their deadlines; malformed lengths, chunked bodies and
// oversized ones are refused at once; keep-alive, pipelining, 100-continue and the per-address limit.
#include "../support/rawhttp.h"
#include "../support/syncserverprocess.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using ledger::test::RawResponse;
using ledger::test::RawSocket;

namespace {

const QByteArray health = "GET /api/v1/health HTTP/1.1\r\nHost: ledger\r\n\r\n";
constexpr int headerTimeoutSeconds = 3;
constexpr int bodyTimeoutSeconds = 2;
constexpr int idleTimeoutSeconds = 2;

QJsonObject errorOf(const RawResponse &r)
{
    return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("error")).toObject();
}

// One GET /api/v1/health on a fresh connection; the milliseconds it took, or -1 if it failed.
qint64 timedHealth(int port)
{
    QElapsedTimer timer;
    timer.start();
    RawSocket s(port);
    if (!s.send(health))
        return -1;
    const RawResponse r = s.readResponse(10'000);
    return r.status == 200 && r.body.contains("\"status\":\"ok\"") ? timer.elapsed() : -1;
}

} // namespace

class TestFrontDoor : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<ledger::test::ServedSyncserver> m_server;
    int m_port = 0;
    QByteArray m_token;

    QByteArray loginBody() const
    {
        return R"({"login":"admin","password":"password-123","device":{"id":"0b4a1f3e-9c2d-4e5f-8a6b-7c8d9e0f1a2b","name":"frontdoor"}})";
    }
    int seq()
    {
        RawSocket s(m_port);
        s.send(health);
        return QJsonDocument::fromJson(s.readResponse(5000).body).object().value(QStringLiteral("seq")).toInt(-1);
    }

private slots:
    void initTestCase()
    {
        ledger::test::raiseOpenFileLimit();
        QCOMPARE(ledger::test::runSyncserver({QStringLiteral("init"), QStringLiteral("--data"), m_dir.path()}, QStringLiteral("password-123")), 0);
        m_server = std::make_unique<ledger::test::ServedSyncserver>(
            m_dir.path(), 0, QStringList{QStringLiteral("--header-timeout"), QString::number(headerTimeoutSeconds), QStringLiteral("--body-timeout"),
                        QString::number(bodyTimeoutSeconds), QStringLiteral("--idle-timeout"), QString::number(idleTimeoutSeconds),
                        QStringLiteral("--threads"), QStringLiteral("4")});
        m_port = m_server->port();
    }

    void expectContinueThenSignIn()
    {
        RawSocket s(m_port);
        QVERIFY(s.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: ledger\r\nContent-Type: application/json\r\nX-Ledger-Protocol: 1\r\n"
                       "X-Ledger-Schema: 1\r\nExpect: 100-continue\r\nContent-Length: "
                       + QByteArray::number(loginBody().size()) + "\r\n\r\n"));
        QCOMPARE(s.readResponse(1000).status, 100);
        QVERIFY(s.send(loginBody()));
        const RawResponse r = s.readResponse(5000);
        QCOMPARE(r.status, 200);
        m_token = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("accessToken")).toString().toUtf8();
        QVERIFY(!m_token.isEmpty());
    }

    void healthAnsweredWhileHundredsOfSlowClientsHoldConnections()
    {
        std::vector<std::unique_ptr<RawSocket>> idle;
        std::vector<std::unique_ptr<RawSocket>> trickling;
        QElapsedTimer opened;
        opened.start();
        for (int i = 0; i < 200; ++i) {
            idle.push_back(std::make_unique<RawSocket>(m_port));
            trickling.push_back(std::make_unique<RawSocket>(m_port));
            QVERIFY(idle.back()->isOpen() && trickling.back()->isOpen());
        }
        // The trickling clients send their request line a byte at a time, every 100 ms, while
        // normal requests are timed on fresh connections.
        qint64 slowest = 0;
        int answered = 0;
        for (int round = 0; round < 20; ++round) {
            for (auto &s : trickling)
                s->sendSome(health.mid(round, 1));
            if (round % 4 == 0) {
                const qint64 ms = timedHealth(m_port);
                QVERIFY2(ms >= 0, "a normal request was not answered while slow clients held connections");
                slowest = std::max(slowest, ms);
                ++answered;
            }
            QTest::qWait(100);
        }
        qInfo("%d health requests answered while 400 slow clients held connections; slowest %lld ms", answered, slowest);
        QVERIFY2(slowest < 1000, qPrintable(QStringLiteral("slowest normal request took %1 ms").arg(slowest)));

        // The deadline for the request's headers runs from the connection's opening: everyone is cut.
        const int cutBy = headerTimeoutSeconds * 1000 + 2000 - int(opened.elapsed());
        for (auto &s : idle)
            QVERIFY2(s->closedWithin(std::max(cutBy, 1)), "an idle connection outlived the header deadline");
        for (auto &s : trickling) {
            const RawResponse r = s->readResponse(std::max(cutBy, 1));
            QCOMPARE(r.status, 408);
            QCOMPARE(errorOf(r).value(QStringLiteral("code")).toString(), QStringLiteral("request_timeout"));
            QVERIFY(s->closedWithin(3000));
        }
        QVERIFY(opened.elapsed() >= headerTimeoutSeconds * 1000 - 200);
        QVERIFY(timedHealth(m_port) >= 0);
    }

    void slowBodyCutAtItsDeadline()
    {
        RawSocket s(m_port);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(s.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: ledger\r\nContent-Length: 100\r\n\r\n{\"login\":"));
        const RawResponse r = s.readResponse(bodyTimeoutSeconds * 1000 + 2000);
        QCOMPARE(r.status, 408);
        QCOMPARE(errorOf(r).value(QStringLiteral("field")).toString(), QStringLiteral("body"));
        QVERIFY(timer.elapsed() >= bodyTimeoutSeconds * 1000 - 200);
        QVERIFY(s.closedWithin(3000));
    }

    void idleKeptAliveConnectionClosedAfterItsTimeout()
    {
        RawSocket s(m_port);
        QVERIFY(s.send(health));
        QCOMPARE(s.readResponse(2000).status, 200);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(s.closedWithin(idleTimeoutSeconds * 1000 + 2000));
        QVERIFY(timer.elapsed() >= idleTimeoutSeconds * 1000 - 200);
    }

    void negativeContentLengthRefusedAtOnce()
    {
        RawSocket s(m_port);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(s.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: ledger\r\nContent-Length: -1\r\n\r\n"));
        const RawResponse r = s.readResponse(1000);
        QCOMPARE(r.status, 400);
        QVERIFY(timer.elapsed() < 1000);
        QCOMPARE(errorOf(r).value(QStringLiteral("field")).toString(), QStringLiteral("Content-Length"));
        QVERIFY(s.closedWithin(3000));
    }

    void chunkedBodyRefusedAtOnceAndNothingStored()
    {
        const int before = seq();
        QVERIFY(before >= 0);
        RawSocket s(m_port);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(s.send("POST /api/v1/sync/push HTTP/1.1\r\nHost: ledger\r\nAuthorization: Bearer " + m_token
                       + "\r\nX-Ledger-Protocol: 1\r\nX-Ledger-Schema: 1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
        // 50 MB announced in one chunk; the client pushes what the socket takes while it waits.
        const QByteArray chunk(1024 * 1024, 'x');
        s.sendSome(QByteArray::number(50 * 1024 * 1024, 16) + "\r\n");
        RawResponse r;
        for (int i = 0; i < 50 && r.status < 0; ++i) {
            s.sendSome(chunk);
            r = s.readResponse(20);
        }
        if (r.status < 0)
            r = s.readResponse(1000);
        QCOMPARE(r.status, 411);
        QVERIFY(timer.elapsed() < 1000);
        QCOMPARE(errorOf(r).value(QStringLiteral("code")).toString(), QStringLiteral("length_required"));
        QCOMPARE(errorOf(r).value(QStringLiteral("field")).toString(), QStringLiteral("Transfer-Encoding"));
        QCOMPARE(seq(), before);
    }

    void oversizedBodyRefusedBeforeItIsSent()
    {
        RawSocket s(m_port);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(s.send("POST /api/v1/sync/push HTTP/1.1\r\nHost: ledger\r\nContent-Length: 50000000\r\n\r\n"));
        const RawResponse r = s.readResponse(1000);
        QCOMPARE(r.status, 413);
        QVERIFY(timer.elapsed() < 1000);
        QCOMPARE(errorOf(r).value(QStringLiteral("field")).toString(), QStringLiteral("Content-Length"));
    }

    void hundredRequestsOnOneConnection()
    {
        RawSocket s(m_port);
        for (int i = 0; i < 100; ++i) {
            QVERIFY(s.send(health));
            const RawResponse r = s.readResponse(2000);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.headers.value("connection"), QByteArray("Keep-Alive"));
        }
        QVERIFY(!s.pollClosed());
    }

    void pipelinedRequestsAnsweredInOrder()
    {
        RawSocket s(m_port);
        QVERIFY(s.send(health + "GET /api/v1/no-such-route HTTP/1.1\r\nHost: ledger\r\n\r\n" + health));
        const RawResponse first = s.readResponse(2000);
        const RawResponse second = s.readResponse(2000);
        const RawResponse third = s.readResponse(2000);
        QCOMPARE(first.status, 200);
        QCOMPARE(second.status, 404);
        QCOMPARE(third.status, 200);
        QVERIFY(first.body.contains("\"status\":\"ok\""));
    }

    void connectionCloseIsHonoured()
    {
        RawSocket s(m_port);
        QVERIFY(s.send("GET /api/v1/health HTTP/1.1\r\nHost: ledger\r\nConnection: close\r\n\r\n"));
        const RawResponse r = s.readResponse(2000);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("connection"), QByteArray("close"));
        QVERIFY(s.closedWithin(3000));
    }

    void queryStringsDecodedAsBefore()
    {
        // The score report takes its unit from the query: an encoded value must reach the handler decoded.
        RawSocket s(m_port);
        QVERIFY(s.send("GET /api/v1/health?x=%E5%AD%99+a HTTP/1.1\r\nHost: ledger\r\nAccept-Encoding: gzip\r\n\r\n"));
        QCOMPARE(s.readResponse(2000).status, 200);
    }

    void perAddressLimitRefusesTheNextConnection()
    {
        QTemporaryDir dir;
        QCOMPARE(ledger::test::runSyncserver({QStringLiteral("init"), QStringLiteral("--data"), dir.path()}, QStringLiteral("password-123")), 0);
        ledger::test::ServedSyncserver limited(dir.path(), 0, {QStringLiteral("--max-connections-per-address"), QStringLiteral("5")});
        std::vector<std::unique_ptr<RawSocket>> held;
        for (int i = 0; i < 5; ++i)
            held.push_back(std::make_unique<RawSocket>(limited.port()));
        // All five are served (and so counted) before the sixth arrives.
        for (auto &s : held) {
            QVERIFY(s->send(health));
            QCOMPARE(s->readResponse(2000).status, 200);
        }
        RawSocket sixth(limited.port());
        const RawResponse r = sixth.readResponse(2000);
        QCOMPARE(r.status, 503);
        QCOMPARE(errorOf(r).value(QStringLiteral("code")).toString(), QStringLiteral("too_many_connections"));
        // Another address is not held back by this one's connections.
        RawSocket elsewhere(limited.port(), "127.0.0.2");
        QVERIFY(elsewhere.send(health));
        QCOMPARE(elsewhere.readResponse(2000).status, 200);
        // Closing one makes room again.
        held.pop_back();
        QTest::qWait(200);
        RawSocket again(limited.port());
        QVERIFY(again.send(health));
        QCOMPARE(again.readResponse(2000).status, 200);
    }

    void sigtermStopsWhileConnectionsAreHeld()
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(ledger::test::syncserverBinary(), {QStringLiteral("serve"), QStringLiteral("--data"), m_dir.path(), QStringLiteral("--port"), QStringLiteral("0")});
        QByteArray out;
        static const QRegularExpression listening(QStringLiteral("listening on http://127.0.0.1:(\\d+)"));
        QRegularExpressionMatch m;
        while (!(m = listening.match(QString::fromUtf8(out))).hasMatch() && p.waitForReadyRead(10'000))
            out += p.readAll();
        QVERIFY2(m.hasMatch(), out.constData());
        RawSocket idle(m.captured(1).toInt());
        RawSocket halfway(m.captured(1).toInt());
        QVERIFY(halfway.send("GET /api/v1/health HTTP/1.1\r\n"));
        p.terminate();
        QVERIFY(p.waitForFinished(5000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAll().contains("stopped"));
        QVERIFY(idle.closedWithin(1000));
    }

    void badLimitFlagNamed()
    {
        QByteArray out;
        QCOMPARE(ledger::test::runSyncserver({QStringLiteral("serve"), QStringLiteral("--data"), m_dir.path(), QStringLiteral("--port"), QStringLiteral("0"),
                                              QStringLiteral("--header-timeout"), QStringLiteral("-3")},
                                             QString(), &out) == 0,
                 false);
        QVERIFY2(out.contains("--header-timeout must be a positive whole number"), out.constData());
    }
};

QTEST_GUILESS_MAIN(TestFrontDoor)
#include "tst_frontdoor.moc"
