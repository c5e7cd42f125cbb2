// Content-addressed, resumable attachment uploads.
#include "attachments.h"

#include "http.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <unistd.h>

namespace syncserver {

namespace {
void checkHash(const QString &sha256)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    if (!hex.match(sha256).hasMatch())
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("an attachment is named by the 64 lower-case hex digits of its SHA-256"), QStringLiteral("sha256")};
}
} // namespace

AttachmentStore::AttachmentStore(Store &store, qint64 maxSize)
    : m_store(store)
    , m_maxSize(maxSize)
{
    QDir(store.dataDir()).mkpath(QStringLiteral("attachments/partial"));
}

QString AttachmentStore::finalPath(const QString &sha256) const
{
    return QDir(m_store.dataDir()).filePath(QStringLiteral("attachments/") + sha256.left(2) + u'/' + sha256);
}

QString AttachmentStore::partPath(const QString &sha256) const
{
    return QDir(m_store.dataDir()).filePath(QStringLiteral("attachments/partial/") + sha256);
}

QByteArray AttachmentStore::sniff(const QByteArray &head)
{
    if (head.startsWith("%PDF-"))
        return "application/pdf";
    if (head.startsWith("\xFF\xD8\xFF"))
        return "image/jpeg";
    if (head.startsWith("\x89PNG\r\n\x1A\n"))
        return "image/png";
    if (head.size() >= 12 && head.mid(4, 4) == "ftyp" && (head.mid(8, 4) == "heic" || head.mid(8, 4) == "heix" || head.mid(8, 4) == "mif1"))
        return "image/heic";
    if (head.startsWith("PK\x03\x04")) // Office documents (docx, xlsx) are zip containers
        return "application/zip";
    return {};
}

qint64 AttachmentStore::resumePoint(const QString &sha256, qint64 committed) const
{
    // The committed offset is the truth, but only as far as the bytes reached the disk: a kill
    // after the rename into place and before the commit leaves the whole file at its final path
    // (moved back here), and a lost page cache could leave the partial file shorter.
    const QString part = partPath(sha256);
    if (committed > 0 && !QFile::exists(part) && QFile::exists(finalPath(sha256)))
        QFile::rename(finalPath(sha256), part);
    return std::min(committed, QFileInfo(part).size());
}

void AttachmentStore::writeChunk(const QString &sha256, qint64 offset, const QByteArray &chunk) const
{
    // The partial file is cut to the committed offset before the chunk goes in: a kill after
    // the last chunk was written and before its offset was committed leaves bytes past that
    // offset, which the client sends again. The data reaches the disk (fdatasync) before the
    // transaction that commits the new offset, so the offset never runs ahead of the file.
    QFile part(partPath(sha256));
    if (!part.open(QIODevice::ReadWrite))
        throw std::runtime_error("cannot open the partial attachment file");
    if (!part.resize(offset) || !part.seek(offset))
        throw std::runtime_error("cannot cut the partial attachment file to its committed offset");
    if (part.write(chunk) != chunk.size() || !part.flush() || ::fdatasync(part.handle()) != 0)
        throw std::runtime_error("cannot write the partial attachment file");
    part.close();
}

// The whole file is here: it is kept only if it has the hash it was sent under and a type we
// keep; otherwise it is discarded and the error returned (to be thrown after the commit).
std::optional<HttpError> AttachmentStore::finish(ledger::Database &db, const Session &session, const QString &sha256, qint64 size)
{
    QFile f(partPath(sha256));
    f.open(QIODevice::ReadOnly);
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    f.seek(0);
    const QByteArray type = sniff(f.read(16));
    f.close();
    auto discard = [&] {
        QFile::remove(partPath(sha256));
        ledger::Statement del = db.prepare(QStringLiteral("DELETE FROM attachments WHERE sha256 = ?"));
        del.bind(1, sha256);
        del.exec();
    };
    if (QString::fromLatin1(h.result().toHex()) != sha256) {
        discard();
        return HttpError{422, QStringLiteral("hash_mismatch"), QStringLiteral("the content does not have the SHA-256 it was sent under; upload it again"), QStringLiteral("sha256")};
    }
    if (type.isEmpty()) {
        discard();
        return HttpError{415, QStringLiteral("unsupported_type"), QStringLiteral("only PDF, JPEG, PNG, HEIC and Office documents are kept"), QStringLiteral("content")};
    }
    const QString dest = finalPath(sha256);
    QDir().mkpath(QFileInfo(dest).path());
    QFile::remove(dest);
    if (!QFile::rename(partPath(sha256), dest))
        throw std::runtime_error("cannot move the attachment into place");
    ledger::Statement done = db.prepare(QStringLiteral("UPDATE attachments SET received = ?, complete = 1, mime = ? WHERE sha256 = ?"));
    done.bind(1, size).bind(2, QString::fromLatin1(type)).bind(3, sha256);
    done.exec();
    m_store.audit(db, Actor{session.user.id, session.deviceId}, QStringLiteral("attachment"), sha256,
                  QJsonObject{{QStringLiteral("size"), size}, {QStringLiteral("type"), QString::fromLatin1(type)}});
    return std::nullopt;
}

QJsonObject AttachmentStore::put(const Session &session, const QString &sha256, qint64 offset, qint64 size,
                                 const QByteArray &declaredType, const QByteArray &chunk)
{
    checkHash(sha256);
    if (size <= 0)
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("the attachment's total size is needed"), QStringLiteral("size")};
    if (size > m_maxSize)
        throw HttpError{413, QStringLiteral("too_large"), QStringLiteral("attachments may be at most %1 MiB").arg(m_maxSize / (1024 * 1024)), QStringLiteral("size")};
    if (offset < 0 || offset + chunk.size() > size)
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("the chunk does not fit the declared size"), QStringLiteral("offset")};
    // A failed final check is committed (the partial upload is discarded) and reported after the commit.
    std::optional<HttpError> failure;
    QJsonObject result = m_store.write([&](ledger::Database &db) {
        ledger::Statement s = db.prepare(QStringLiteral("SELECT size, received, complete, mime FROM attachments WHERE sha256 = ?"));
        s.bind(1, sha256);
        qint64 received = 0;
        if (s.step()) {
            if (s.columnInt64(2) != 0) // already here: uploading again is harmless
                return QJsonObject{{QStringLiteral("sha256"), sha256}, {QStringLiteral("received"), qint64(s.columnInt64(0))},
                                   {QStringLiteral("size"), qint64(s.columnInt64(0))}, {QStringLiteral("complete"), true}};
            if (s.columnInt64(0) != size)
                throw HttpError{409, QStringLiteral("size_mismatch"), QStringLiteral("this attachment was started with another size"), QStringLiteral("size")};
            received = resumePoint(sha256, s.columnInt64(1));
        } else {
            ledger::Statement add = db.prepare(QStringLiteral(
                "INSERT INTO attachments(sha256, size, mime, received, complete, uploaded_by, created_at) VALUES(?,?,?,0,0,?,?)"));
            add.bind(1, sha256).bind(2, size).bind(3, QString::fromLatin1(declaredType.left(100))).bind(4, session.user.id)
                .bind(5, m_store.clock().now().toString(Qt::ISODate));
            add.exec();
        }
        if (offset != received)
            throw HttpError{409, QStringLiteral("wrong_offset"), QStringLiteral("the upload continues at byte %1").arg(received),
                            QStringLiteral("offset"), QJsonObject{{QStringLiteral("received"), received}}};
        writeChunk(sha256, offset, chunk);
        received += chunk.size();
        bool complete = false;
        if (received == size) {
            failure = finish(db, session, sha256, size);
            if (failure)
                return QJsonObject();
            complete = true;
        } else {
            ledger::Statement upd = db.prepare(QStringLiteral("UPDATE attachments SET received = ? WHERE sha256 = ?"));
            upd.bind(1, received).bind(2, sha256);
            upd.exec();
        }
        return QJsonObject{{QStringLiteral("sha256"), sha256}, {QStringLiteral("received"), received},
                           {QStringLiteral("size"), size}, {QStringLiteral("complete"), complete}};
    });
    if (failure)
        throw *failure;
    return result;
}

QJsonObject AttachmentStore::status(const QString &sha256)
{
    checkHash(sha256);
    return m_store.read([&](ledger::Database &db) {
        ledger::Statement s = db.prepare(QStringLiteral("SELECT size, received, complete FROM attachments WHERE sha256 = ?"));
        s.bind(1, sha256);
        if (!s.step())
            return QJsonObject{{QStringLiteral("sha256"), sha256}, {QStringLiteral("received"), 0}, {QStringLiteral("complete"), false}};
        return QJsonObject{{QStringLiteral("sha256"), sha256}, {QStringLiteral("size"), qint64(s.columnInt64(0))},
                           {QStringLiteral("received"), qint64(s.columnInt64(1))}, {QStringLiteral("complete"), s.columnInt64(2) != 0}};
    });
}

std::pair<QByteArray, QByteArray> AttachmentStore::get(const QString &sha256)
{
    checkHash(sha256);
    const QString mime = m_store.read([&](ledger::Database &db) {
        ledger::Statement s = db.prepare(QStringLiteral("SELECT mime FROM attachments WHERE sha256 = ? AND complete = 1"));
        s.bind(1, sha256);
        return s.step() ? s.columnText(0) : QString();
    });
    QFile f(finalPath(sha256));
    if (mime.isEmpty() || !f.open(QIODevice::ReadOnly))
        throw HttpError{404, QStringLiteral("not_found"), QStringLiteral("no such attachment"), QStringLiteral("sha256")};
    return {f.readAll(), mime.toLatin1()};
}

} // namespace syncserver
