// The front door's request framing and response writing as pure functions: good requests, every
// refusal with its status and field, partial input, and the response bytes clients rely on.
#include "httpparser.h"
#include "httpresponse.h"

#include <QTest>

#include <zlib.h>

using namespace syncserver;

namespace {

ParsedRequest parse(const QByteArray &bytes, qint64 maxBody = 1000)
{
    return parseRequest(bytes, ParseLimits{.maxHeaderBytes = 1024, .maxBodyBytes = maxBody});
}

QByteArray gunzip(const QByteArray &data)
{
    z_stream z{};
    inflateInit2(&z, 15 + 16);
    QByteArray out(1 << 20, Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = inflate(&z, Z_FINISH);
    out.truncate(qsizetype(z.total_out));
    inflateEnd(&z);
    return rc == Z_STREAM_END ? out : QByteArray();
}

} // namespace

class TestHttpParser : public QObject
{
    Q_OBJECT

private slots:
    void getWithQueryAndHeaders()
    {
        const ParsedRequest r = parse("GET /api/v1/records/a%2Fb?unit=PGO&name=%E5%AD%99+%E4%B8%BD&flag&unit=ISB HTTP/1.1\r\n"
                                      "Host: x\r\nX-Ledger-Protocol:  1 \r\nAccept-Encoding: deflate, gzip;q=0.5\r\n\r\n");
        QCOMPARE(r.status, ParsedRequest::Status::Complete);
        QCOMPARE(r.request.method, QStringLiteral("GET"));
        QCOMPARE(r.request.path, QStringLiteral("/api/v1/records/a/b"));
        QCOMPARE(r.request.query.value(QStringLiteral("name")), QStringLiteral("孙 丽"));
        QCOMPARE(r.request.query.value(QStringLiteral("unit")), QStringLiteral("ISB")); // the last of a repeated name
        QVERIFY(r.request.query.contains(QStringLiteral("flag")));
        QCOMPARE(r.request.header("x-ledger-protocol"), QByteArray("1"));
        QVERIFY(r.keepAlive);
        QVERIFY(r.acceptsGzip);
        QVERIFY(r.request.body.isEmpty());
    }

    void postWithBodyAndPipelinedRest()
    {
        const QByteArray first = "POST /p HTTP/1.1\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello";
        const ParsedRequest r = parse(first + "GET /next HTTP/1.1\r\n\r\n");
        QCOMPARE(r.status, ParsedRequest::Status::Complete);
        QCOMPARE(r.request.body, QByteArray("hello"));
        QCOMPARE(r.consumed, first.size());
        QVERIFY(!r.keepAlive);
        QVERIFY(!r.acceptsGzip);
    }

    void partialInputWaits()
    {
        const QByteArray whole = "POST /p HTTP/1.1\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\nbody";
        for (qsizetype n = 0; n < whole.size(); ++n) {
            const ParsedRequest r = parse(whole.left(n));
            QCOMPARE(r.status, ParsedRequest::Status::Incomplete);
            QCOMPARE(r.headComplete, n >= whole.indexOf("body"));
            if (r.headComplete)
                QVERIFY(r.expectContinue);
        }
        QCOMPARE(parse(whole).status, ParsedRequest::Status::Complete);
    }

    void bareLineFeedsAndLeadingBlankLines()
    {
        const ParsedRequest r = parse("\r\n\nGET / HTTP/1.0\nConnection: keep-alive\n\n");
        QCOMPARE(r.status, ParsedRequest::Status::Complete);
        QCOMPARE(r.request.path, QStringLiteral("/"));
        QVERIFY(r.keepAlive);
        QVERIFY(!parse("GET / HTTP/1.0\r\n\r\n").keepAlive);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        const auto row = [](const char *name, const QByteArray &bytes, int status, const char *field) {
            QTest::newRow(name) << bytes << status << QString::fromLatin1(field);
        };
        row("negative length", "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400, "Content-Length");
        row("signed length", "POST / HTTP/1.1\r\nContent-Length: +5\r\n\r\n", 400, "Content-Length");
        row("empty length", "POST / HTTP/1.1\r\nContent-Length:\r\n\r\n", 400, "Content-Length");
        row("list length", "POST / HTTP/1.1\r\nContent-Length: 5, 5\r\n\r\n", 400, "Content-Length");
        row("two lengths", "POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", 400, "Content-Length");
        row("over the cap", "POST / HTTP/1.1\r\nContent-Length: 1001\r\n\r\n", 413, "Content-Length");
        row("2^64", "POST / HTTP/1.1\r\nContent-Length: 18446744073709551616\r\n\r\n", 413, "Content-Length");
        row("chunked", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 411, "Transfer-Encoding");
        row("chunked with length", "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 411, "Transfer-Encoding");
        row("no version", "GET /\r\n\r\n", 400, "request-line");
        row("double space", "GET  / HTTP/1.1\r\n\r\n", 400, "request-line");
        row("HTTP/2.0", "GET / HTTP/2.0\r\n\r\n", 505, "version");
        row("garbage version", "GET / FTP/1.1\r\n\r\n", 400, "version");
        row("absolute target", "GET http://x/ HTTP/1.1\r\n\r\n", 400, "target");
        row("bad method", "G(T / HTTP/1.1\r\n\r\n", 400, "method");
        row("space before colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400, "headers");
        row("folded header", "GET / HTTP/1.1\r\nX-A: 1\r\n  2\r\n\r\n", 400, "headers");
        row("NUL in value", QByteArray("GET / HTTP/1.1\r\nX-A: a\0b\r\n\r\n", 28), 400, "X-A");
        row("encoded NUL in path", "GET /a%00b HTTP/1.1\r\n\r\n", 400, "path");
        row("unknown expectation", "POST / HTTP/1.1\r\nExpect: 200-ok\r\nContent-Length: 1\r\n\r\n", 417, "Expect");
        row("headers too large", "GET / HTTP/1.1\r\nX-A: " + QByteArray(2000, 'a'), 431, "headers");
        row("headers too large, whole", "GET / HTTP/1.1\r\nX-A: " + QByteArray(2000, 'a') + "\r\n\r\n", 431, "headers");
    }

    void refusals()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QFETCH(QString, field);
        const ParsedRequest r = parse(bytes);
        QCOMPARE(r.status, ParsedRequest::Status::Error);
        QCOMPARE(r.errorStatus, status);
        QCOMPARE(r.errorField, field);
        QVERIFY(!r.errorMessage.isEmpty());
    }

    void overCapRefusedBeforeTheBody()
    {
        // The 413 comes from the headers alone: none of the body needs to have arrived.
        const ParsedRequest r = parse("PUT /a HTTP/1.1\r\nContent-Length: 50000000\r\n\r\n", 32 * 1024 * 1024);
        QCOMPARE(r.status, ParsedRequest::Status::Error);
        QCOMPARE(r.errorStatus, 413);
    }

    void percentDecoding()
    {
        QCOMPARE(percentDecode("a%41%zz%4+b%", false), QByteArray("aA%zz%4+b%"));
        QCOMPARE(percentDecode("a+b%2B", true), QByteArray("a b+"));
    }

    void responseAsHttplibWroteIt()
    {
        Response small = Response::error(404, QStringLiteral("not_found"), QStringLiteral("no such route"));
        small.headers.insert("content-disposition", "attachment; filename=\"a.csv\"");
        small.headers.insert("x-evil", "a\r\nSet-Cookie: b");
        const QByteArray bytes = serializeResponse(small, ResponseFraming{.keepAlive = true, .keepAliveSeconds = 30, .acceptsGzip = true});
        QVERIFY(bytes.startsWith("HTTP/1.1 404 Not Found\r\n"));
        QVERIFY(bytes.contains("\r\nContent-Type: application/json; charset=utf-8\r\n"));
        QVERIFY(bytes.contains("\r\nContent-Length: " + QByteArray::number(small.body.size()) + "\r\n\r\n"));
        QVERIFY(bytes.contains("\r\nConnection: Keep-Alive\r\nKeep-Alive: timeout=30\r\n"));
        QVERIFY(bytes.contains("\r\ncontent-disposition: attachment; filename=\"a.csv\"\r\n"));
        QVERIFY(!bytes.contains("Set-Cookie"));
        QVERIFY(!bytes.contains("Content-Encoding")); // too small to be worth it
        QVERIFY(bytes.endsWith(small.body));
        QVERIFY(serializeResponse(small, ResponseFraming{.keepAlive = false}).contains("\r\nConnection: close\r\n"));
    }

    void largeCompressibleBodiesAreGzipped()
    {
        QByteArray json = "[";
        for (int i = 0; i < 2000; ++i)
            json += "{\"id\":" + QByteArray::number(i) + ",\"name\":\"孙丽\"},";
        json += "{}]";
        const Response r = Response::bytes(json, "application/json; charset=utf-8");
        const QByteArray plain = serializeResponse(r, ResponseFraming{.acceptsGzip = false});
        QVERIFY(!plain.contains("Content-Encoding"));
        const QByteArray packed = serializeResponse(r, ResponseFraming{.acceptsGzip = true});
        QVERIFY(packed.contains("\r\nContent-Encoding: gzip\r\n"));
        const QByteArray body = packed.mid(packed.indexOf("\r\n\r\n") + 4);
        QVERIFY(packed.contains("\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n"));
        QVERIFY(body.size() < json.size() / 4);
        QCOMPARE(gunzip(body), json);
        // Binary content (an XLSX, a photo) is sent as it is.
        const QByteArray xlsx = serializeResponse(Response::bytes(json, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                                                  ResponseFraming{.acceptsGzip = true});
        QVERIFY(!xlsx.contains("Content-Encoding"));
        QVERIFY(isCompressibleType("text/html; charset=utf-8"));
        QVERIFY(!isCompressibleType("text/event-stream"));
        QVERIFY(!isCompressibleType("image/jpeg"));
    }
};

QTEST_GUILESS_MAIN(TestHttpParser)
#include "tst_httpparser.moc"
