// Chunked attachment uploads survive a crash at any byte: the partial file is cut back to the
// committed offset when the upload resumes (unit level, on the AttachmentStore), and the real
// server, killed with SIGKILL at random moments of an upload and started again, finishes every
// upload with the hash it was sent under when the client resumes from the offset it asks for.
#include "attachments.h"
#include "store.h"

#include "../support/syncserverprocess.h"

#include <httplib.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <chrono>
#include <thread>

using namespace syncserver;

namespace {

constexpr qint64 ChunkSize = 64 * 1024;

// A PDF-looking file of `size` bytes (the server keeps only types it recognises).
QByteArray pdfBytes(QRandomGenerator &random, qint64 size)
{
    QByteArray bytes("%PDF-1.7\n");
    bytes.reserve(size);
    while (bytes.size() < size)
        bytes.append(char(random.bounded(256)));
    bytes.truncate(size);
    return bytes;
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

Session someone()
{
    Session s;
    s.user.id = QStringLiteral("0b6f1c1e-5a8e-4f3c-9a77-000000000001");
    s.user.login = QStringLiteral("pgo1");
    s.user.unit = QStringLiteral("PGO");
    s.user.roles = {ledger::Role::Staff};
    s.deviceId = QStringLiteral("device-1");
    return s;
}

QString partPath(const QString &dataDir, const QString &sha) { return QDir(dataDir).filePath(QStringLiteral("attachments/partial/") + sha); }
QString finalPath(const QString &dataDir, const QString &sha)
{
    return QDir(dataDir).filePath(QStringLiteral("attachments/") + sha.left(2) + u'/' + sha);
}

void appendTo(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Append));
    QCOMPARE(f.write(bytes), bytes.size());
}

// A client of the real server: signs in once, then PUTs chunks the way the app's SyncClient does.
struct Uploader
{
    explicit Uploader(int port) : client("127.0.0.1", port)
    {
        client.set_connection_timeout(2, 0);
        client.set_read_timeout(20, 0);
    }
    httplib::Headers headers() const
    {
        return {{"X-Ledger-Protocol", "1"}, {"X-Ledger-Schema", "1"}, {"Authorization", "Bearer " + token}};
    }
    bool signIn()
    {
        const QJsonObject body{{QStringLiteral("login"), QStringLiteral("admin")},
                               {QStringLiteral("password"), QStringLiteral("password-123")},
                               {QStringLiteral("device"), QJsonObject{{QStringLiteral("id"), QStringLiteral("5d0c7e2a-3b1f-4c6d-9e8a-1f2b3c4d5e6f")}, {QStringLiteral("name"), QStringLiteral("resume")}}}};
        const auto r = client.Post("/api/v1/auth/login", {{"X-Ledger-Protocol", "1"}, {"X-Ledger-Schema", "1"}},
                                   QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(), "application/json");
        if (!r || r->status != 200)
            return false;
        token = QJsonDocument::fromJson(QByteArray::fromStdString(r->body)).object().value(QStringLiteral("accessToken")).toString().toStdString();
        return !token.empty();
    }
    // The server's committed offset, as the app asks for it before resuming.
    qint64 received(const QString &sha)
    {
        const auto r = client.Get("/api/v1/attachments/" + sha.toStdString() + "/status", headers());
        return r && r->status == 200 ? QJsonDocument::fromJson(QByteArray::fromStdString(r->body)).object().value(QStringLiteral("received")).toInteger() : -1;
    }
    // One chunk from `offset`; the answer's status and JSON (status -1 when the server is gone).
    std::pair<int, QJsonObject> put(const QString &sha, const QByteArray &file, qint64 offset)
    {
        const QByteArray chunk = file.mid(offset, ChunkSize);
        const std::string path = "/api/v1/attachments/" + sha.toStdString() + "?offset=" + std::to_string(offset) + "&size=" + std::to_string(file.size());
        const auto r = client.Put(path, headers(), chunk.constData(), size_t(chunk.size()), "application/pdf");
        if (!r)
            return {-1, {}};
        return {r->status, QJsonDocument::fromJson(QByteArray::fromStdString(r->body)).object()};
    }
    httplib::Client client;
    std::string token;
};

} // namespace

class TestUploadResume : public QObject
{
    Q_OBJECT

private slots:
    // ---- unit level: the AttachmentStore on a data folder, crashes simulated on its files -----

    void bytesPastTheCommittedOffsetAreCutOnResume()
    {
        QTemporaryDir dir;
        Clock clock;
        Store store(dir.path(), clock);
        AttachmentStore attachments(store, 1024 * 1024);
        QRandomGenerator random(7);
        const QByteArray file = pdfBytes(random, 3 * ChunkSize + 100);
        const QString sha = sha256Of(file);
        const Session s = someone();
        QCOMPARE(attachments.put(s, sha, 0, file.size(), "application/pdf", file.left(ChunkSize)).value(QStringLiteral("received")).toInteger(), ChunkSize);
        // Killed after the next chunk's bytes were written and before its offset was committed:
        // the partial file runs past the committed offset.
        appendTo(partPath(dir.path(), sha), file.mid(ChunkSize, ChunkSize / 2 + 13));
        QCOMPARE(attachments.status(sha).value(QStringLiteral("received")).toInteger(), ChunkSize);
        for (qint64 offset = ChunkSize; offset < file.size(); offset += ChunkSize)
            (void)attachments.put(s, sha, offset, file.size(), "application/pdf", file.mid(offset, ChunkSize));
        QCOMPARE(attachments.status(sha).value(QStringLiteral("complete")).toBool(), true);
        QCOMPARE(attachments.get(sha).first, file);
    }

    void aFileMovedIntoPlaceBeforeItsCommitIsTakenBack()
    {
        // Killed between moving the whole file into place and committing it as complete: the
        // ledger still waits for the last chunk, and the bytes are at the final path.
        QTemporaryDir dir;
        Clock clock;
        Store store(dir.path(), clock);
        AttachmentStore attachments(store, 1024 * 1024);
        QRandomGenerator random(8);
        const QByteArray file = pdfBytes(random, 2 * ChunkSize + 5);
        const QString sha = sha256Of(file);
        const Session s = someone();
        (void)attachments.put(s, sha, 0, file.size(), "application/pdf", file.left(ChunkSize));
        (void)attachments.put(s, sha, ChunkSize, file.size(), "application/pdf", file.mid(ChunkSize, ChunkSize));
        QDir().mkpath(QFileInfo(finalPath(dir.path(), sha)).path());
        QVERIFY(QFile::rename(partPath(dir.path(), sha), finalPath(dir.path(), sha)));
        appendTo(finalPath(dir.path(), sha), file.mid(2 * ChunkSize));
        const QJsonObject done = attachments.put(s, sha, 2 * ChunkSize, file.size(), "application/pdf", file.mid(2 * ChunkSize));
        QCOMPARE(done.value(QStringLiteral("complete")).toBool(), true);
        QCOMPARE(attachments.get(sha).first, file);
    }

    void aPartialFileShorterThanItsOffsetResumesWhereItsBytesEnd()
    {
        // The committed offset never runs ahead of the data (it is synced first), but if the
        // file is shorter anyway, the upload continues where its bytes end, not past a hole.
        QTemporaryDir dir;
        Clock clock;
        Store store(dir.path(), clock);
        AttachmentStore attachments(store, 1024 * 1024);
        QRandomGenerator random(9);
        const QByteArray file = pdfBytes(random, 2 * ChunkSize);
        const QString sha = sha256Of(file);
        const Session s = someone();
        (void)attachments.put(s, sha, 0, file.size(), "application/pdf", file.left(ChunkSize));
        QVERIFY(QFile::resize(partPath(dir.path(), sha), 1000));
        try {
            (void)attachments.put(s, sha, ChunkSize, file.size(), "application/pdf", file.mid(ChunkSize));
            QFAIL("a chunk past the bytes on disk was accepted");
        } catch (const HttpError &e) {
            QCOMPARE(e.code, QStringLiteral("wrong_offset"));
            QCOMPARE(e.extra.value(QStringLiteral("received")).toInteger(), 1000);
        }
        (void)attachments.put(s, sha, 1000, file.size(), "application/pdf", file.mid(1000, ChunkSize));
        const QJsonObject done = attachments.put(s, sha, 1000 + ChunkSize, file.size(), "application/pdf", file.mid(1000 + ChunkSize));
        QCOMPARE(done.value(QStringLiteral("complete")).toBool(), true);
        QCOMPARE(attachments.get(sha).first, file);
    }

    // ---- the real server, killed with SIGKILL mid-upload --------------------------------------

    void killedAtRandomBytesEveryUploadResumesToItsHash_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {11u, 12u, 13u, 14u, 15u, 16u})
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }
    void killedAtRandomBytesEveryUploadResumesToItsHash()
    {
        QFETCH(quint32, seed);
        QRandomGenerator random(seed);
        QTemporaryDir dir;
        QCOMPARE(ledger::test::runSyncserver({QStringLiteral("init"), QStringLiteral("--data"), dir.path()}, QStringLiteral("password-123")), 0);
        const QByteArray file = pdfBytes(random, 40 * ChunkSize + random.bounded(int(ChunkSize)));
        const QString sha = sha256Of(file);

        // Up to three kills per upload, each after a random time spent streaming chunks.
        for (int kill = 0; kill < 3; ++kill) {
            ledger::test::ServedSyncserver server(dir.path());
            Uploader up(server.port());
            QVERIFY(up.signIn());
            const qint64 from = up.received(sha);
            QVERIFY(from >= 0);
            std::atomic<bool> stop{false};
            std::thread streaming([&] {
                Uploader writer(server.port());
                writer.token = up.token;
                for (qint64 offset = from; offset < file.size() && !stop;) {
                    const auto [status, json] = writer.put(sha, file, offset);
                    if (status != 200)
                        return; // the server is gone, or the upload is done
                    offset = json.value(QStringLiteral("received")).toInteger();
                }
            });
            std::this_thread::sleep_for(std::chrono::milliseconds(random.bounded(5, 120)));
            server.kill();
            stop = true;
            streaming.join();
            // Half the kills also land between a chunk's write and its commit (the narrowest
            // window, which timing alone rarely hits): bytes past the committed offset remain.
            const QString part = partPath(dir.path(), sha);
            if (random.bounded(2) == 0 && QFile::exists(part)) {
                const qint64 have = QFileInfo(part).size();
                appendTo(part, file.mid(have, random.bounded(1, int(ChunkSize))));
            }
        }

        // Started again, the client asks for the offset and resumes from there.
        ledger::test::ServedSyncserver server(dir.path());
        Uploader up(server.port());
        QVERIFY(up.signIn());
        qint64 offset = up.received(sha);
        QVERIFY(offset >= 0);
        QJsonObject last;
        for (int step = 0; step < 200 && !last.value(QStringLiteral("complete")).toBool(); ++step) {
            const auto [status, json] = up.put(sha, file, offset);
            QVERIFY2(status == 200 || status == 409, QJsonDocument(json).toJson().constData());
            offset = status == 409 ? json.value(QStringLiteral("error")).toObject().value(QStringLiteral("received")).toInteger()
                                   : json.value(QStringLiteral("received")).toInteger();
            if (status == 200)
                last = json;
        }
        QVERIFY2(last.value(QStringLiteral("complete")).toBool(), QJsonDocument(last).toJson().constData());
        // The file kept is the one sent. (It is read from the data folder: over the API a proof file is
        // served only to someone who may read a record citing it, and none cites this one.)
        QFile kept(QDir(dir.path()).filePath(QStringLiteral("attachments/") + sha.left(2) + u'/' + sha));
        QVERIFY2(kept.open(QIODevice::ReadOnly), qPrintable(kept.fileName()));
        QCOMPARE(sha256Of(kept.readAll()), sha);
        QVERIFY(!QFile::exists(partPath(dir.path(), sha)));
    }
};

QTEST_GUILESS_MAIN(TestUploadResume)
#include "tst_uploadresume.moc"
