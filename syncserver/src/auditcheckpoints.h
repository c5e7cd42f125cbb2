// Signed checkpoints of the audit chain's head, so that the log cannot be quietly cut short or
// rewritten by someone holding the ledger file: Ed25519 (libsodium) with a key kept outside the
// ledger file, each checkpoint appended as one JSON line to a log that is outside it too, and
// the check `verify` runs over them (every signature, and every checkpointed head still in the
// chain at its position).
#pragma once

#include "store.h"

#include <QJsonObject>
#include <QMutex>
#include <QString>
#include <optional>

namespace syncserver {

// The chain's head: the number of entries (the last entry's id; ids run from 1 without gaps)
// and the last entry's hash (empty for an empty log).
struct AuditHead
{
    qint64 entries = 0;
    QString hash;
};

// One signed checkpoint, as one line of the checkpoint log.
struct Checkpoint
{
    qint64 number = 0; // 1, 2, … in the order written
    AuditHead head;
    QString at;        // UTC, ISO 8601
    QString reason;    // "start", "periodic", "export …", "stop"
    QString signature; // hex, Ed25519 over signedText()

    // What is signed: every field but the signature, in a fixed layout.
    [[nodiscard]] QByteArray signedText() const;
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<Checkpoint> fromJson(const QJsonObject &json);
};

class AuditCheckpoints
{
public:
    // Creates a key pair: the secret key at `secretKeyPath` (mode 0600, refused if the file
    // exists) and the public key beside it at `secretKeyPath + ".pub"`. Throws std::runtime_error.
    static void generateKey(const QString &secretKeyPath);
    // The public key from a public key file or a secret key file (hex, as generateKey writes
    // them). Throws std::runtime_error naming the file and the problem.
    [[nodiscard]] static QByteArray readPublicKey(const QString &path);

    // Signs with the secret key at `secretKeyPath` (which must be readable by its owner only)
    // into the log at `logPath`. With an empty key path nothing is signed: heads are still
    // reported, for the notices. Throws std::runtime_error for a key that cannot be used.
    AuditCheckpoints(Store &store, const QString &secretKeyPath, const QString &logPath);
    AuditCheckpoints(const AuditCheckpoints &) = delete;
    AuditCheckpoints &operator=(const AuditCheckpoints &) = delete;

    [[nodiscard]] bool signing() const { return !m_secretKey.isEmpty(); }
    [[nodiscard]] const QString &logPath() const { return m_logPath; }
    [[nodiscard]] AuditHead head();
    // Signs the current head unless the last checkpoint already covers it; returns the
    // checkpoint covering the head (none when not signing, or for an empty log).
    std::optional<Checkpoint> checkpoint(const QString &reason);
    // The line every published notice carries: the head, and the checkpoint that signs it.
    [[nodiscard]] static QString noticeLine(const AuditHead &head, const std::optional<Checkpoint> &signedBy);

    // Reads a checkpoint log; a line that is not a checkpoint is reported in `problems`.
    [[nodiscard]] static QList<Checkpoint> readLog(const QString &logPath, QStringList *problems);
    // Checks every checkpoint of the log with the public key, and that the chain in the store
    // still holds each checkpointed head at its position. Returns the problems found.
    [[nodiscard]] static QStringList verify(Store &store, const QString &logPath, const QByteArray &publicKey);

private:
    Store &m_store;
    QString m_logPath;
    QByteArray m_secretKey; // crypto_sign_SECRETKEYBYTES, or empty when not signing
    QMutex m_lock;
    std::optional<Checkpoint> m_last;
};

} // namespace syncserver
