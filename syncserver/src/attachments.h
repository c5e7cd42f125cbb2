// Attachments (agreements, proof of funds, photos) addressed by their SHA-256: uploaded in
// chunks that may resume where the last one stopped, size-limited, type-checked by content,
// stored as files under <data>/attachments/ — never under a name a client chose.
#pragma once

#include "accounts.h"
#include "http.h"
#include "store.h"

#include <optional>

namespace syncserver {

class AttachmentStore
{
public:
    AttachmentStore(Store &store, qint64 maxSize);

    // Appends a chunk at `offset` of an attachment of `size` bytes. Throws HttpError for a bad
    // hash, a chunk that does not start where the last one ended (409 with "received"), an
    // oversize file (413), content that is not an allowed type (415), or a hash mismatch (422).
    [[nodiscard]] QJsonObject put(const Session &session, const QString &sha256, qint64 offset, qint64 size,
                                  const QByteArray &declaredType, const QByteArray &chunk);
    [[nodiscard]] QJsonObject status(const QString &sha256);
    // The content and its type, or HttpError 404.
    [[nodiscard]] std::pair<QByteArray, QByteArray> get(const QString &sha256);

    // The type of a file by its first bytes, or empty when it is not one we keep.
    [[nodiscard]] static QByteArray sniff(const QByteArray &head);

private:
    [[nodiscard]] QString finalPath(const QString &sha256) const;
    [[nodiscard]] QString partPath(const QString &sha256) const;
    // Where an upload continues: the committed offset, or less when the partial file is shorter.
    [[nodiscard]] qint64 resumePoint(const QString &sha256, qint64 committed) const;
    // Writes the chunk at `offset`, dropping whatever the partial file holds from there on.
    void writeChunk(const QString &sha256, qint64 offset, const QByteArray &chunk) const;
    [[nodiscard]] std::optional<HttpError> finish(ledger::Database &db, const Session &session, const QString &sha256, qint64 size);

    Store &m_store;
    qint64 m_maxSize;
};

} // namespace syncserver
