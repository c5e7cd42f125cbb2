// Strict input at the server's door (issue 12, "Input"): JSON as RFC 8259 has it, unknown fields
// refused by name and never stored or served, one spelling of an id, bounded points with sums that
// never wrap, a gap answered with the number the server really expects, and chunked bodies over
// HTTPS refused at once. Every refusal names its field and changes nothing.
#include "serverfixture.h"

#include "../support/syncserverprocess.h"
#include "httpparser.h"

#include <QProcess>
#include <csignal>
#include <QTemporaryDir>

#include <httplib.h>

using namespace syncserver;
using namespace syncserver::test;

namespace {

const QString POST = QStringLiteral("POST");
const QString GET = QStringLiteral("GET");

// Everything a request could have changed: entities, devices' counters, answers kept, the audit.
QByteArray ledgerState(Fixture &f)
{
    return f.server->store().read([](ledger::Database &db) {
        QByteArray out;
        for (const char *sql : {"SELECT id, json, seq, deleted FROM entities ORDER BY id", "SELECT id, last_applied FROM devices ORDER BY id",
                                "SELECT device_id, n, result FROM mutations ORDER BY device_id, n", "SELECT COUNT(*) FROM audit"}) {
            ledger::Statement s = db.prepare(QString::fromLatin1(sql));
            while (s.step())
                for (int i = 0; i < s.columnCount(); ++i)
                    out += s.columnText(i).toUtf8() + '|';
        }
        return out;
    });
}

// A push whose body is the given text as sent, not JSON built by Qt (which would escape it).
Reply pushText(Fixture &f, const Client &c, const QByteArray &body)
{
    Request r;
    r.method = POST;
    r.path = QStringLiteral("/api/v1/sync/push");
    r.headers.insert("x-ledger-protocol", "1");
    r.headers.insert("x-ledger-schema", "1");
    r.headers.insert("authorization", "Bearer " + c.token.toLatin1());
    r.body = body;
    return f.raw(std::move(r));
}

QByteArray compact(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

QJsonObject upsert(qint64 n, const QJsonObject &entity)
{
    return {{QStringLiteral("n"), n}, {QStringLiteral("op"), QStringLiteral("upsert")}, {QStringLiteral("entity"), entity}};
}

QJsonObject detailOf(const Reply &r) { return r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("detail")).toObject(); }

QJsonObject awardJson(const QString &unit, const QString &points)
{
    ledger::Award a;
    a.meta.id = ledger::RecordId::create();
    a.meta.credit.unit = ledger::UnitCode(unit);
    a.category = ledger::AwardCategory::Other;
    a.points = *ledger::Points::parse(points);
    a.reason = QStringLiteral("领导小组研究给予加分");
    a.date = QDate(2023, 10, 9);
    QJsonObject json = ledger::wire::encode(ledger::Record(a));
    json.insert(QStringLiteral("points"), points); // as given, even past what Points holds
    return json;
}

// A unit's total in the year's report.
QString unitTotal(Fixture &f, const Client &who, const QString &unit)
{
    const Reply s = f.call(GET, QStringLiteral("/api/v1/scores"), &who);
    for (const QJsonValue &u : s.json.value(QStringLiteral("units")).toArray())
        if (u.toObject().value(QStringLiteral("unit")).toString() == unit)
            return u.toObject().value(QStringLiteral("total")).toString();
    return {};
}

} // namespace

class TestStrictInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // A TLS client writes its close notification to a connection the server has already
        // closed after refusing a chunked body: that is an EPIPE to ignore, not a signal to die of.
        std::signal(SIGPIPE, SIG_IGN);
    }

    // A raw control character inside a JSON string is not JSON (RFC 8259 §7); Qt's parser takes it.
    void rawControlCharactersAreRefusedNamingTheField_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("character");
        QTest::newRow("NUL") << QByteArray(1, '\0') << QStringLiteral("U+0000");
        QTest::newRow("U+0001") << QByteArray("\x01") << QStringLiteral("U+0001");
        QTest::newRow("escaped NUL") << QByteArray("\\u0000") << QStringLiteral("U+0000");
    }
    void rawControlCharactersAreRefusedNamingTheField()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, character);
        Fixture f;
        Client c = f.signIn("pgo1");
        const QByteArray before = ledgerState(f);
        const QJsonObject lead = leadJson(c, QStringLiteral("PGO"));
        QByteArray body = compact(QJsonObject{{QStringLiteral("device"), c.device}, {QStringLiteral("mutations"), QJsonArray{upsert(1, lead)}}});
        const QByteArray name = QStringLiteral("河南某精细化工有限公司").toUtf8();
        QVERIFY(body.contains(name));
        body.replace(name, "河南" + raw + "化工");
        const Reply r = pushText(f, c, body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("malformed_json"));
        QCOMPARE(r.errorField(), QStringLiteral("mutations[0].entity.enterpriseName"));
        QCOMPARE(detailOf(r).value(QStringLiteral("code")).toString(), QStringLiteral("control_character"));
        QCOMPARE(detailOf(r).value(QStringLiteral("args")).toArray().first().toString(), character);
        QCOMPARE(ledgerState(f), before);
        QVERIFY(!f.pullAll(c).contains(lead.value(QStringLiteral("id")).toString()));
    }

    // The same rule for every body: a review's reason with a NUL is refused before the route.
    void everyBodyIsReadStrictly()
    {
        Fixture f;
        Client c = f.signIn("pgo1"), reviewer = f.signIn("reviewer");
        const QJsonObject lead = leadJson(c, QStringLiteral("PGO"));
        QCOMPARE(f.push(c, {lead}).json.value(QStringLiteral("applied")).toInt(), 1);
        const QByteArray before = ledgerState(f);
        Request r;
        r.method = POST;
        r.path = QStringLiteral("/api/v1/records/%1/review").arg(lead.value(QStringLiteral("id")).toString());
        r.headers.insert("x-ledger-protocol", "1");
        r.headers.insert("x-ledger-schema", "1");
        r.headers.insert("authorization", "Bearer " + reviewer.token.toLatin1());
        r.body = QByteArray(R"({"action":"return","reason":"缺少)") + '\0' + QByteArray(R"(依据"})");
        const Reply reply = f.raw(std::move(r));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorField(), QStringLiteral("reason"));
        QCOMPARE(detailOf(reply).value(QStringLiteral("code")).toString(), QStringLiteral("control_character"));
        QCOMPARE(ledgerState(f), before);
    }

    // Nesting past the protocol's depth is refused at the door, before the parser recurses into it.
    void deepNestingIsRefusedAtTheDoor()
    {
        Fixture f;
        Client c = f.signIn("pgo1");
        const QByteArray before = ledgerState(f);
        QByteArray entity = compact(leadJson(c, QStringLiteral("PGO")));
        entity.chop(1);
        entity += ",\"extra\":" + QByteArray(900, '[') + QByteArray(900, ']') + '}';
        const QByteArray body = "{\"device\":\"" + c.device.toLatin1() + "\",\"mutations\":[{\"n\":1,\"op\":\"upsert\",\"entity\":" + entity + "}]}";
        const Reply r = pushText(f, c, body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("malformed_json"));
        QVERIFY2(r.errorField().startsWith(QStringLiteral("mutations[0].entity.extra[0]")), qPrintable(r.errorField()));
        QCOMPARE(detailOf(r).value(QStringLiteral("code")).toString(), QStringLiteral("too_deep"));
        QCOMPARE(ledgerState(f), before);
    }

    // A field the wire format does not have is refused by name: never stored, never served.
    void unknownFieldsAreRejectedAndNeverServed()
    {
        Fixture f;
        Client c = f.signIn("pgo1"), other = f.signIn("pgo2");
        QJsonObject blob = leadJson(c, QStringLiteral("PGO"));
        blob.insert(QStringLiteral("blob"), QString(1024 * 1024, u'x'));
        QJsonObject nested = leadJson(c, QStringLiteral("PGO"));
        QJsonObject review = nested.value(QStringLiteral("review")).toObject();
        review.insert(QStringLiteral("client"), QStringLiteral("tablet-7"));
        nested.insert(QStringLiteral("review"), review);
        const Reply r = f.push(c, {blob, nested});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("rejected")).toInt(), 2);
        const QJsonArray results = r.json.value(QStringLiteral("results")).toArray();
        const QJsonObject first = results[0].toObject().value(QStringLiteral("error")).toObject();
        QCOMPARE(first.value(QStringLiteral("code")).toString(), QStringLiteral("invalid"));
        QCOMPARE(first.value(QStringLiteral("field")).toString(), QStringLiteral("entity.blob"));
        QCOMPARE(first.value(QStringLiteral("detail")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("unknown_field"));
        QCOMPARE(results[1].toObject().value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
                 QStringLiteral("entity.review.client"));
        const QHash<QString, QJsonObject> served = f.pullAll(other);
        QVERIFY(!served.contains(blob.value(QStringLiteral("id")).toString()));
        QVERIFY(!served.contains(nested.value(QStringLiteral("id")).toString()));
        const QByteArray stored = f.server->store().read([](ledger::Database &db) {
            ledger::Statement s = db.prepare(QStringLiteral("SELECT group_concat(json, '') FROM entities"));
            return s.step() ? s.columnText(0).toUtf8() : QByteArray();
        });
        QVERIFY(!stored.contains("xxxxxxxx"));
        QVERIFY(!stored.contains("tablet-7"));
    }

    // A delete naming an existing record by its upper-cased id answered "applied" while the record
    // stayed; now the batch is refused naming the id, and the record is still there, unchanged.
    void anUpperCasedIdIsRefusedNotAnsweredApplied()
    {
        Fixture f;
        Client c = f.signIn("pgo1");
        const QJsonObject lead = leadJson(c, QStringLiteral("PGO"));
        const QString id = lead.value(QStringLiteral("id")).toString();
        QCOMPARE(f.push(c, {lead}).json.value(QStringLiteral("applied")).toInt(), 1);
        const QByteArray before = ledgerState(f);
        const Reply r = f.pushRaw(c, QJsonArray{QJsonObject{{QStringLiteral("n"), c.nextMutation}, {QStringLiteral("op"), QStringLiteral("delete")},
                                                            {QStringLiteral("id"), id.toUpper()}, {QStringLiteral("baseVersion"), 999}}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid"));
        QCOMPARE(r.errorField(), QStringLiteral("mutations[0].id"));
        QCOMPARE(detailOf(r).value(QStringLiteral("code")).toString(), QStringLiteral("not_an_id"));
        QCOMPARE(ledgerState(f), before);
        QVERIFY(f.pullAll(c).contains(id));
        // The canonical spelling deletes it.
        const Reply ok = f.pushRaw(c, QJsonArray{QJsonObject{{QStringLiteral("n"), c.nextMutation}, {QStringLiteral("op"), QStringLiteral("delete")},
                                                             {QStringLiteral("id"), id}, {QStringLiteral("baseVersion"), 999}}});
        QCOMPARE(ok.json.value(QStringLiteral("applied")).toInt(), 1);
        QVERIFY(!f.pullAll(c).contains(id));
        // And the review route: the upper-cased id is not an id, rather than "no such record".
        Client reviewer = f.signIn("reviewer");
        const Reply review = f.call(POST, QStringLiteral("/api/v1/records/%1/review").arg(id.toUpper()), &reviewer,
                                    QJsonObject{{QStringLiteral("action"), QStringLiteral("recognise")}});
        QCOMPARE(review.status, 400);
        QCOMPARE(review.errorField(), QStringLiteral("id"));
    }

    // 1, 3, 2 from a new device: nothing is kept, so the next number expected is 1, not 2.
    void aGapAnswersWhatTheServerReallyExpects()
    {
        Fixture f;
        Client c = f.signIn("pgo1");
        const QByteArray before = ledgerState(f);
        const QList<QJsonObject> leads{leadJson(c, QStringLiteral("PGO")), leadJson(c, QStringLiteral("PGO")), leadJson(c, QStringLiteral("PGO"))};
        const Reply r = f.pushRaw(c, QJsonArray{upsert(1, leads[0]), upsert(3, leads[2]), upsert(2, leads[1])});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("gap"));
        QCOMPARE(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("expected")).toInteger(), 1);
        QCOMPARE(r.errorField(), QStringLiteral("mutations[1].n"));
        QCOMPARE(ledgerState(f), before);
        // Following the answer works: send from 1.
        const Reply again = f.pushRaw(c, QJsonArray{upsert(1, leads[0]), upsert(2, leads[1]), upsert(3, leads[2])});
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value(QStringLiteral("applied")).toInt(), 3);
        // After 3 is kept, a batch 5, 4 is a gap expecting 4.
        const Reply later = f.pushRaw(c, QJsonArray{upsert(5, leadJson(c, QStringLiteral("PGO"))), upsert(4, leadJson(c, QStringLiteral("PGO")))});
        QCOMPARE(later.status, 409);
        QCOMPARE(later.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("expected")).toInteger(), 4);
    }

    // Two awards at the largest points accepted raise a unit's total; past the bound is refused.
    void pointsAreBoundedAndTotalsNeverWrap()
    {
        Fixture f;
        Client reviewer = f.signIn("reviewer");
        const QString before = unitTotal(f, reviewer, QStringLiteral("PGO"));
        QCOMPARE(before, QStringLiteral("0"));
        const QString max = ledger::MaxPoints.toString();
        QCOMPARE(f.push(reviewer, {awardJson(QStringLiteral("PGO"), max)}).json.value(QStringLiteral("applied")).toInt(), 1);
        QCOMPARE(unitTotal(f, reviewer, QStringLiteral("PGO")), max);
        QCOMPARE(f.push(reviewer, {awardJson(QStringLiteral("PGO"), max)}).json.value(QStringLiteral("applied")).toInt(), 1);
        QCOMPARE(unitTotal(f, reviewer, QStringLiteral("PGO")), (ledger::MaxPoints + ledger::MaxPoints).toString());
        // What wrapped the total round before: points near 2^63 / 10^4.
        const Reply huge = f.push(reviewer, {awardJson(QStringLiteral("PGO"), QStringLiteral("922337203685477"))});
        const QJsonObject error = huge.json.value(QStringLiteral("results")).toArray().first().toObject().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("field")).toString(), QStringLiteral("entity.points"));
        QCOMPARE(error.value(QStringLiteral("detail")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("too_large"));
        QCOMPARE(unitTotal(f, reviewer, QStringLiteral("PGO")), (ledger::MaxPoints + ledger::MaxPoints).toString());
    }

    // The plain front door decides from the head alone, before a byte of the body: a negative or
    // malformed length is 400, any transfer coding 411 (so the cap holds for chunked bodies too),
    // a length over the cap 413. (tst_frontdoor checks the same against the running binary.)
    void thePlainDoorRefusesBadLengthsFromTheHeadAlone_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::newRow("Content-Length: -1") << QByteArray("Content-Length: -1\r\n") << 400 << QStringLiteral("Content-Length");
        QTest::newRow("Content-Length: 1e3") << QByteArray("Content-Length: 1e3\r\n") << 400 << QStringLiteral("Content-Length");
        QTest::newRow("two lengths") << QByteArray("Content-Length: 5\r\nContent-Length: 6\r\n") << 400 << QStringLiteral("Content-Length");
        QTest::newRow("chunked") << QByteArray("Transfer-Encoding: chunked\r\n") << 411 << QStringLiteral("Transfer-Encoding");
        QTest::newRow("chunked with a length") << QByteArray("Transfer-Encoding: chunked\r\nContent-Length: 10\r\n") << 411 << QStringLiteral("Transfer-Encoding");
        QTest::newRow("over the cap") << QByteArray("Content-Length: 52428800\r\n") << 413 << QStringLiteral("Content-Length");
    }
    void thePlainDoorRefusesBadLengthsFromTheHeadAlone()
    {
        QFETCH(QByteArray, head);
        QFETCH(int, status);
        QFETCH(QString, field);
        const QByteArray request = "POST /api/v1/sync/push HTTP/1.1\r\nHost: ledger\r\n" + head + "\r\n";
        const ParsedRequest parsed = parseRequest(request, ParseLimits{});
        QCOMPARE(parsed.status, ParsedRequest::Status::Error);
        QCOMPARE(parsed.errorStatus, status);
        QCOMPARE(parsed.errorField, field);
    }

    // Over HTTPS (httplib's server) a chunked body is refused at once with 411, whatever its size,
    // so the body cap, which httplib applies only with a Content-Length, holds for every request.
    void chunkedBodiesAreRefusedOverHttps()
    {
        QTemporaryDir dir, tls;
        QCOMPARE(ledger::test::runSyncserver({QStringLiteral("init"), QStringLiteral("--data"), dir.path()}, QStringLiteral("password-123")), 0);
        const QString cert = tls.filePath(QStringLiteral("cert.pem")), key = tls.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                                  QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                                                  QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
        ledger::test::ServedSyncserver server(dir.path(), 0, {QStringLiteral("--cert"), cert, QStringLiteral("--key"), key});
        httplib::SSLClient client("127.0.0.1", server.port());
        client.enable_server_certificate_verification(false); // self-signed, made just now
        const httplib::Headers headers{{"X-Ledger-Protocol", "1"}, {"X-Ledger-Schema", "1"}};
        const auto chunked = client.Post("/api/v1/auth/login", headers,
                                         [](size_t offset, httplib::DataSink &sink) {
                                             if (offset == 0) {
                                                 const std::string part = R"({"login":"admin","password":"password-123"})";
                                                 sink.write(part.data(), part.size());
                                             } else {
                                                 sink.done();
                                             }
                                             return true;
                                         },
                                         "application/json");
        QVERIFY(chunked);
        QCOMPARE(chunked->status, 411);
        const QJsonObject error = QJsonDocument::fromJson(QByteArray::fromStdString(chunked->body)).object().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("length_required"));
        QCOMPARE(error.value(QStringLiteral("field")).toString(), QStringLiteral("Transfer-Encoding"));
        // The same request with a Content-Length is served.
        httplib::SSLClient plain("127.0.0.1", server.port());
        plain.enable_server_certificate_verification(false);
        const auto health = plain.Get("/api/v1/health");
        QVERIFY(health);
        QCOMPARE(health->status, 200);
    }
};

QTEST_GUILESS_MAIN(TestStrictInput)
#include "tst_strictinput.moc"
