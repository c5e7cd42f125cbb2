// Content-addressed attachments under the data folder, and which of them the server has.
#include "attachmentstore.h"

#include "jsontext.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryFile>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

namespace mobile {

using ledger::FieldError;

namespace {

// fsync, so that a record that refers to the file never survives a power cut the file did not.
bool syncToDisk(QFile &file)
{
    if (!file.flush())
        return false;
#if defined(Q_OS_UNIX)
    return ::fsync(file.handle()) == 0;
#else
    return true;
#endif
}

FieldError fileError(const char *text, const QString &what, const QString &why)
{
    return FieldError{QStringLiteral("file"), QCoreApplication::translate("LocalStore", text).arg(what, why)};
}

} // namespace

const QString AttachmentStore::Folder = QStringLiteral("attachments");

AttachmentStore::AttachmentStore(const QString &dataDir, ledger::Database &db)
    : m_folder(QDir(dataDir).filePath(Folder))
    , m_db(db)
{
}

QString AttachmentStore::path(const QString &sha256) const
{
    if (!ledger::AttachmentHash::parse(sha256))
        return {};
    const QString path = QDir(m_folder).filePath(sha256);
    return QFileInfo::exists(path) ? path : QString();
}

ledger::Result<ledger::Attachment> AttachmentStore::copyIn(const QString &filePath, const QString &name, const QString &mimeType)
{
    QFile in(filePath);
    if (!in.open(QIODevice::ReadOnly))
        return fileError(QT_TRANSLATE_NOOP("LocalStore", "无法读取文件 %1：%2"), filePath, in.errorString());
    QTemporaryFile out(m_folder + QStringLiteral("/incoming-XXXXXX"));
    if (!out.open())
        return fileError(QT_TRANSLATE_NOOP("LocalStore", "无法写入文件夹 %1：%2"), m_folder, out.errorString());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 size = 0;
    while (!in.atEnd()) {
        const QByteArray block = in.read(1 << 20);
        if (block.isEmpty() && in.error() != QFileDevice::NoError)
            return fileError(QT_TRANSLATE_NOOP("LocalStore", "无法读取文件 %1：%2"), filePath, in.errorString());
        hash.addData(block);
        if (out.write(block) != block.size())
            return fileError(QT_TRANSLATE_NOOP("LocalStore", "无法复制文件 %1：%2"), filePath, out.errorString());
        size += block.size();
    }
    if (!syncToDisk(out))
        return fileError(QT_TRANSLATE_NOOP("LocalStore", "无法复制文件 %1：%2"), filePath, out.errorString());
    const QString sha = QString::fromLatin1(hash.result().toHex());
    const QString target = QDir(m_folder).filePath(sha);
    if (!QFileInfo::exists(target)) {
        if (!out.rename(target))
            return fileError(QT_TRANSLATE_NOOP("LocalStore", "无法保存文件 %1：%2"), filePath, out.errorString());
        out.setAutoRemove(false);
    }
    ledger::Attachment a;
    a.sha256 = *ledger::AttachmentHash::parse(sha);
    a.name = name.isEmpty() ? QFileInfo(filePath).fileName() : name;
    a.mimeType = mimeType;
    a.size = size;
    return a;
}

ledger::Result<ledger::Attachment> AttachmentStore::copyIn(const QByteArray &content, const QString &name, const QString &mimeType)
{
    QTemporaryFile staged(m_folder + QStringLiteral("/staged-XXXXXX"));
    if (!staged.open() || staged.write(content) != content.size() || !staged.flush())
        return FieldError{QStringLiteral("content"), QCoreApplication::translate("LocalStore", "无法写入附件：%1").arg(staged.errorString())};
    staged.close();
    return copyIn(staged.fileName(), name, mimeType);
}

void AttachmentStore::remember(const ledger::Attachment &a)
{
    ledger::Statement s = m_db.prepare(QStringLiteral(
        "INSERT INTO attachments(sha256, name, mime_type, size, uploaded) VALUES(?,?,?,?,0) ON CONFLICT(sha256) DO NOTHING"));
    s.bind(1, a.sha256.hex()).bind(2, a.name).bind(3, a.mimeType).bind(4, a.size);
    s.exec();
}

QList<PendingAttachment> AttachmentStore::toUpload() const
{
    QList<PendingAttachment> out;
    try {
        QSet<QString> seen;
        ledger::Statement uploaded = m_db.prepare(QStringLiteral("SELECT uploaded FROM attachments WHERE sha256 = ?"));
        ledger::Statement s = m_db.prepare(QStringLiteral("SELECT json FROM outbox WHERE op = 'upsert' ORDER BY n"));
        while (s.step()) {
            const QJsonObject entity = objectFrom(s.columnText(0));
            // As the server checks it: any top-level list of objects with a sha256 is a list of attachments.
            for (auto it = entity.begin(); it != entity.end(); ++it) {
                if (!it->isArray())
                    continue;
                for (const QJsonValue &item : it->toArray()) {
                    const QJsonObject a = item.toObject();
                    const QString sha = a.value(u"sha256").toString();
                    if (sha.isEmpty() || seen.contains(sha))
                        continue;
                    seen.insert(sha);
                    uploaded.reset();
                    uploaded.bind(1, sha);
                    if (uploaded.step() && uploaded.columnInt64(0) != 0)
                        continue;
                    out << PendingAttachment{sha, a.value(u"name").toString(), a.value(u"mimeType").toString(),
                                             a.value(u"size").toInteger(), path(sha)};
                }
            }
        }
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "local store:" << e.message();
    }
    return out;
}

void AttachmentStore::markUploaded(const QString &sha256)
{
    ledger::Statement s = m_db.prepare(QStringLiteral(
        "INSERT INTO attachments(sha256, name, mime_type, size, uploaded) VALUES(?, '', '', 0, 1) "
        "ON CONFLICT(sha256) DO UPDATE SET uploaded = 1"));
    s.bind(1, sha256);
    s.exec();
}

} // namespace mobile
