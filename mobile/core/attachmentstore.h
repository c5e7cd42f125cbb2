// The device's attachments: files kept content-addressed under <data>/attachments/<sha256>, and
// the attachments table that remembers which of them the server has confirmed.
#pragma once

#include "ledger/database.h"
#include "ledger/entities.h"
#include "ledger/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace mobile {

// An attachment an outbox entry refers to that the server has not confirmed yet.
struct PendingAttachment
{
    QString sha256;
    QString name;
    QString mimeType;
    qint64 size = 0;
    QString path; // the local copy; empty when this device does not have the file
};

class AttachmentStore
{
public:
    static const QString Folder; // under the data folder

    AttachmentStore(const QString &dataDir, ledger::Database &db);

    // Copies a file (or bytes) into the folder under its hash, synced to disk, and returns the
    // Attachment to put in a record; `name` defaults to the file's name. The error names "file"
    // (or "content") and says why. The table learns of it through remember().
    ledger::Result<ledger::Attachment> copyIn(const QString &filePath, const QString &name, const QString &mimeType);
    ledger::Result<ledger::Attachment> copyIn(const QByteArray &content, const QString &name, const QString &mimeType);
    // Records a copied-in attachment as not uploaded (kept as it is when already known). Throws
    // ledger::DatabaseError.
    void remember(const ledger::Attachment &a);
    // Where the attachment's content is on this device; empty when it is not here.
    [[nodiscard]] QString path(const QString &sha256) const;
    // Attachments the outbox's upserts refer to and the server has not confirmed, oldest first.
    [[nodiscard]] QList<PendingAttachment> toUpload() const;
    // Also for a file this device never had (another device uploaded it). Throws
    // ledger::DatabaseError.
    void markUploaded(const QString &sha256);

private:
    QString m_folder;
    ledger::Database &m_db;
};

} // namespace mobile
