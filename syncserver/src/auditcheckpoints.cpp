// Signed checkpoints of the audit chain's head: the key pair, the log and its check.
#include "auditcheckpoints.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

namespace syncserver {

namespace {

const QByteArray SignedPrefix = "zhaoshang-ledger audit checkpoint v1\n";

QString hex(const QByteArray &bytes) { return QString::fromLatin1(bytes.toHex()); }

// Writes `text` to a new file with the given mode; refuses to replace an existing one.
void writeNewFile(const QString &path, const QByteArray &text, mode_t mode)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0)
        throw std::runtime_error(QStringLiteral("cannot create %1 (%2)").arg(path, QString::fromLocal8Bit(strerror(errno))).toStdString());
    const bool ok = ::write(fd, text.constData(), size_t(text.size())) == text.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok)
        throw std::runtime_error(QStringLiteral("cannot write %1").arg(path).toStdString());
}

QByteArray readKeyFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error(QStringLiteral("cannot read the key file %1").arg(path).toStdString());
    return QByteArray::fromHex(f.readAll().trimmed());
}

} // namespace

QByteArray Checkpoint::signedText() const
{
    return SignedPrefix + QByteArray::number(number) + '\n' + QByteArray::number(head.entries) + '\n' + head.hash.toLatin1() + '\n'
           + at.toUtf8() + '\n' + reason.toUtf8() + '\n';
}

QJsonObject Checkpoint::toJson() const
{
    return QJsonObject{{QStringLiteral("checkpoint"), number}, {QStringLiteral("entries"), head.entries},
                       {QStringLiteral("head"), head.hash},    {QStringLiteral("at"), at},
                       {QStringLiteral("reason"), reason},     {QStringLiteral("signature"), signature}};
}

std::optional<Checkpoint> Checkpoint::fromJson(const QJsonObject &json)
{
    for (const char *key : {"checkpoint", "entries"})
        if (!json.value(QLatin1String(key)).isDouble())
            return std::nullopt;
    for (const char *key : {"head", "at", "reason", "signature"})
        if (!json.value(QLatin1String(key)).isString())
            return std::nullopt;
    return Checkpoint{json.value(QStringLiteral("checkpoint")).toInteger(),
                      AuditHead{json.value(QStringLiteral("entries")).toInteger(), json.value(QStringLiteral("head")).toString()},
                      json.value(QStringLiteral("at")).toString(), json.value(QStringLiteral("reason")).toString(),
                      json.value(QStringLiteral("signature")).toString()};
}

void AuditCheckpoints::generateKey(const QString &secretKeyPath)
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised");
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    const QByteArray secret = QByteArray(reinterpret_cast<const char *>(sk), sizeof sk).toHex() + '\n';
    sodium_memzero(sk, sizeof sk);
    if (QFile::exists(secretKeyPath + QStringLiteral(".pub")))
        throw std::runtime_error(QStringLiteral("%1.pub exists already; not replaced").arg(secretKeyPath).toStdString());
    writeNewFile(secretKeyPath, secret, 0600);
    writeNewFile(secretKeyPath + QStringLiteral(".pub"), QByteArray(reinterpret_cast<const char *>(pk), sizeof pk).toHex() + '\n', 0644);
}

QByteArray AuditCheckpoints::readPublicKey(const QString &path)
{
    const QByteArray key = readKeyFile(path);
    // libsodium's secret key holds the public key in its second half.
    if (key.size() == crypto_sign_SECRETKEYBYTES)
        return key.right(crypto_sign_PUBLICKEYBYTES);
    if (key.size() == crypto_sign_PUBLICKEYBYTES)
        return key;
    throw std::runtime_error(QStringLiteral("%1 is not a key written by `syncserver keygen` (expected %2 or %3 hex digits)")
                                 .arg(path).arg(2 * crypto_sign_PUBLICKEYBYTES).arg(2 * crypto_sign_SECRETKEYBYTES).toStdString());
}

AuditCheckpoints::AuditCheckpoints(Store &store, const QString &secretKeyPath, const QString &logPath)
    : m_store(store)
    , m_logPath(logPath)
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised");
    if (secretKeyPath.isEmpty())
        return;
    const QFileInfo info(secretKeyPath);
    if (info.exists() && (info.permissions() & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther)))
        throw std::runtime_error(QStringLiteral("the audit key %1 must be readable by its owner only (chmod 600)").arg(secretKeyPath).toStdString());
    m_secretKey = readKeyFile(secretKeyPath);
    if (m_secretKey.size() != crypto_sign_SECRETKEYBYTES)
        throw std::runtime_error(QStringLiteral("%1 is not a secret key written by `syncserver keygen`").arg(secretKeyPath).toStdString());
    QStringList problems;
    const QList<Checkpoint> written = readLog(m_logPath, &problems);
    if (!problems.isEmpty())
        throw std::runtime_error(QStringLiteral("the checkpoint log %1: %2").arg(m_logPath, problems.join(QStringLiteral("; "))).toStdString());
    if (!written.isEmpty())
        m_last = written.last();
}

AuditHead AuditCheckpoints::head()
{
    return m_store.read([](ledger::Database &db) {
        ledger::Statement s = db.prepare(QStringLiteral("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1"));
        return s.step() ? AuditHead{s.columnInt64(0), s.columnText(1)} : AuditHead{};
    });
}

std::optional<Checkpoint> AuditCheckpoints::checkpoint(const QString &reason)
{
    if (!signing())
        return std::nullopt;
    QMutexLocker lock(&m_lock);
    const AuditHead now = head();
    if (now.entries == 0)
        return std::nullopt;
    if (m_last && m_last->head.entries == now.entries && m_last->head.hash == now.hash)
        return m_last;
    Checkpoint c{m_last ? m_last->number + 1 : 1, now, m_store.clock().now().toString(Qt::ISODateWithMs), reason, {}};
    const QByteArray text = c.signedText();
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char *>(text.constData()), quint64(text.size()),
                         reinterpret_cast<const unsigned char *>(m_secretKey.constData()));
    c.signature = hex(QByteArray(reinterpret_cast<const char *>(sig), sizeof sig));
    // One line, appended and synced before it is cited anywhere.
    const QByteArray line = QJsonDocument(c.toJson()).toJson(QJsonDocument::Compact) + '\n';
    const int fd = ::open(QFile::encodeName(m_logPath).constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
        throw std::runtime_error(QStringLiteral("cannot open the checkpoint log %1").arg(m_logPath).toStdString());
    const bool ok = ::write(fd, line.constData(), size_t(line.size())) == line.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok)
        throw std::runtime_error(QStringLiteral("cannot write the checkpoint log %1").arg(m_logPath).toStdString());
    m_last = c;
    return c;
}

QString AuditCheckpoints::noticeLine(const AuditHead &h, const std::optional<Checkpoint> &c)
{
    QString line = QStringLiteral("审计链：共 %1 条，链头 %2").arg(h.entries).arg(h.hash.isEmpty() ? QStringLiteral("（空）") : h.hash);
    line += c ? QStringLiteral("；签名检查点 #%1（%2）").arg(c->number).arg(c->at) : QStringLiteral("；未签名（服务器未配置审计密钥）");
    return line;
}

QList<Checkpoint> AuditCheckpoints::readLog(const QString &logPath, QStringList *problems)
{
    QList<Checkpoint> out;
    QFile f(logPath);
    if (!f.exists())
        return out;
    if (!f.open(QIODevice::ReadOnly)) {
        *problems << QStringLiteral("cannot read the checkpoint log %1").arg(logPath);
        return out;
    }
    int lineNumber = 0;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        const auto c = Checkpoint::fromJson(QJsonDocument::fromJson(line).object());
        if (!c)
            *problems << QStringLiteral("line %1 of the checkpoint log is not a checkpoint").arg(lineNumber);
        else
            out << *c;
    }
    return out;
}

QStringList AuditCheckpoints::verify(Store &store, const QString &logPath, const QByteArray &publicKey)
{
    QStringList problems;
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised");
    const QList<Checkpoint> checkpoints = readLog(logPath, &problems);
    qint64 expected = 1, entries = 0;
    for (const Checkpoint &c : checkpoints) {
        const QByteArray text = c.signedText();
        const QByteArray sig = QByteArray::fromHex(c.signature.toLatin1());
        if (sig.size() != crypto_sign_BYTES
            || crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(sig.constData()), reinterpret_cast<const unsigned char *>(text.constData()),
                                           quint64(text.size()), reinterpret_cast<const unsigned char *>(publicKey.constData()))
                   != 0) {
            problems << QStringLiteral("checkpoint %1 has a bad signature: it was changed, or not signed with this key").arg(c.number);
            continue; // nothing it says can be trusted
        }
        if (c.number != expected)
            problems << QStringLiteral("checkpoint %1 follows checkpoint %2: checkpoints are missing from the log").arg(c.number).arg(expected - 1);
        if (c.head.entries < entries)
            problems << QStringLiteral("checkpoint %1 covers fewer audit entries (%2) than the one before it (%3)").arg(c.number).arg(c.head.entries).arg(entries);
        expected = c.number + 1;
        entries = c.head.entries;
        const std::optional<QString> hash = store.read([&](ledger::Database &db) -> std::optional<QString> {
            ledger::Statement s = db.prepare(QStringLiteral("SELECT hash FROM audit WHERE id = ?"));
            s.bind(1, c.head.entries);
            return s.step() ? std::optional<QString>(s.columnText(0)) : std::nullopt;
        });
        if (!hash)
            problems << QStringLiteral("checkpoint %1 signed audit entry %2, which is no longer in the log: entries were cut off")
                            .arg(c.number).arg(c.head.entries);
        else if (*hash != c.head.hash)
            problems << QStringLiteral("checkpoint %1 signed audit entry %2 with hash %3, but the log now has %4 there: the log was rewritten")
                            .arg(c.number).arg(c.head.entries).arg(c.head.hash, *hash);
    }
    return problems;
}

} // namespace syncserver
