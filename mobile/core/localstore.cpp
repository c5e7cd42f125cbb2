// The device's SQLite store as one object: opening it, the one write path, and the changes that
// span its parts in one transaction — saving and deleting (entity and outbox entry together),
// push answers and pull pages. The parts' own jobs live in their files (see localstore.h).
#include "localstore.h"

#include "jsontext.h"
#include "pullpagetext.h"

#include "ledger/syncprotocol.h"
#include "ledger/wire.h"

#include <QCoreApplication>
#include <QDebug>
#include <QDir>
#include <QSet>

#include <algorithm>

namespace mobile {

using ledger::FieldError;

namespace {

const QString DatabaseName = QStringLiteral("local.sqlite");
const QString &KeyPullCursor = metakey::PullCursor;

// Fields the server owns (docs/sync-protocol.md): never part of a device's edit.
bool isServerField(QStringView key)
{
    return ledger::sync::isServerOwned(key);
}

QStringList userFields(const QJsonObject &json)
{
    QStringList out;
    for (auto it = json.begin(); it != json.end(); ++it)
        if (!isServerField(it.key()))
            out << it.key();
    return out; // QJsonObject iterates in key order, so this is sorted
}

// The top-level fields whose values differ, absent and present counting as different.
QStringList changedFields(const QJsonObject &before, const QJsonObject &after)
{
    QSet<QString> keys;
    for (auto it = before.begin(); it != before.end(); ++it)
        keys.insert(it.key());
    for (auto it = after.begin(); it != after.end(); ++it)
        keys.insert(it.key());
    QStringList out;
    for (const QString &key : std::as_const(keys))
        if (!isServerField(key) && before.value(key) != after.value(key))
            out << key;
    out.sort();
    return out;
}

struct Canonical
{
    QString kind;     // record kind, "enterprise" or "person"
    QJsonObject json; // encode(decode(input))
};

// Decodes with the shared wire format and encodes back: the store only ever holds canonical JSON,
// so comparing two copies field by field compares values, not spellings.
ledger::Result<Canonical> canonicalize(const QJsonObject &json)
{
    if (json.contains(u"kind")) {
        auto r = ledger::wire::decodeRecord(json);
        if (!r)
            return r.error();
        return Canonical{ledger::toString(ledger::kindOf(r.value())), ledger::wire::encode(r.value())};
    }
    if (json.contains(u"roles")) {
        auto p = ledger::wire::decodePerson(json);
        if (!p)
            return p.error();
        return Canonical{KindPerson, ledger::wire::encode(p.value())};
    }
    auto e = ledger::wire::decodeEnterprise(json);
    if (!e)
        return e.error();
    return Canonical{KindEnterprise, ledger::wire::encode(e.value())};
}

// The server's refusal in words for the author: what to do, then why. When a shared rule refused it
// (the wire decoder, recognition, the review table) the why is that rule's code and values worded
// from the one table in the person's language; otherwise it is the server's own words.
QString rejectionText(const ledger::sync::Error &error)
{
    using ledger::sync::Code;
    QString what;
    if (error.is(Code::Forbidden))
        what = QCoreApplication::translate("LocalStore", "无权提交：");
    else if (error.is(Code::Invalid))
        what = error.field.isEmpty() ? QCoreApplication::translate("LocalStore", "内容有误：")
                                     : QCoreApplication::translate("LocalStore", "内容有误（%1）：").arg(error.field);
    else if (error.is(Code::AttachmentMissing))
        what = QCoreApplication::translate("LocalStore", "附件尚未上传成功：");
    else if (error.is(Code::Deleted))
        what = QCoreApplication::translate("LocalStore", "该记录已在服务器上删除：");
    else if (error.is(Code::Revoked))
        what = QCoreApplication::translate("LocalStore", "该记录已被认定为虚假并撤销，不能再修改：");
    else if (error.is(Code::Recognised))
        what = QCoreApplication::translate("LocalStore", "已认定的记录不能删除，请联系招商服务局撤销：");
    else if (error.is(Code::Conflict))
        what = QCoreApplication::translate("LocalStore", "该记录已被他人修改，请同步后重新决定：");
    else
        what = QCoreApplication::translate("LocalStore", "服务器拒收：");
    if (const auto cause = ledger::sync::detailOf(error))
        return what + ledger::message(*cause, [](const char *source) { return QCoreApplication::translate("ledger", source); });
    return what + (error.message.isEmpty() ? error.code : error.message);
}

FieldError notOpen(const QString &why) { return FieldError{{}, QCoreApplication::translate("LocalStore", "本机数据库未打开：") + why}; }

} // namespace

// ---- opening ---------------------------------------------------------------------------------------

QString LocalStore::databaseFile(const QString &dataDir) { return QDir(dataDir).filePath(DatabaseName); }

std::optional<ledger::Database> LocalStore::openSideConnection(const QString &table, QString &error) const
{
    if (!isOpen()) {
        error = openError();
        return std::nullopt;
    }
    try {
        ledger::Database db = ledger::Database::open(databaseFile(m_dataDir), ledger::Database::OpenMode::ReadWrite);
        (void)db.prepare(QStringLiteral("SELECT count(*) FROM ") + table); // the store's schema has the table
        return db;
    } catch (const ledger::DatabaseError &e) {
        error = e.message();
        qWarning().noquote() << table + u':' << e.message();
        return std::nullopt;
    }
}

LocalStore::LocalStore(const QString &dataDir, QObject *parent)
    : LocalStore(dataDir, schemaMigrations(), parent)
{
}

LocalStore::LocalStore(const QString &dataDir, const std::vector<ledger::Migration> &migrations, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir)
{
    open(migrations);
}

LocalStore::~LocalStore() = default;

void LocalStore::open(const std::vector<ledger::Migration> &migrations)
{
    if (!QDir().mkpath(QDir(m_dataDir).filePath(AttachmentStore::Folder))) {
        m_openError = QCoreApplication::translate("LocalStore", "无法创建文件夹 %1").arg(m_dataDir);
        return;
    }
    try {
        ledger::Database db = ledger::Database::open(databaseFile(m_dataDir));
        db.migrate(migrations);
        // After a checkpoint the WAL file is cut back to 4 MB rather than keeping the size of the
        // largest burst it ever held.
        db.exec(QStringLiteral("PRAGMA journal_size_limit = 4194304"));
        m_db.emplace(std::move(db));
        m_meta.emplace(*m_db);
        m_session.emplace(*m_meta);
        m_deviceId = m_session->deviceId();
        if (m_deviceId.isEmpty())
            throw ledger::DatabaseError(1, QCoreApplication::translate("LocalStore", "本机数据库缺少设备编号"));
    } catch (const ledger::DatabaseError &e) {
        m_session.reset();
        m_meta.reset();
        m_db.reset();
        m_openError = e.message();
        qWarning().noquote() << "local store:" << m_openError;
        return;
    }
    m_entities.emplace(*m_db);
    m_outbox.emplace(*m_db, *m_meta);
    m_queries.emplace(*m_db);
    m_attachments.emplace(m_dataDir, *m_db);
    m_checkpointer = std::make_unique<WalCheckpointer>(m_db->handle());
}

int LocalStore::schemaVersion() const { return m_db ? m_db->userVersion() : 0; }

// ---- the write path ------------------------------------------------------------------------------

template<class F>
std::optional<FieldError> LocalStore::write(F &&f)
{
    if (!m_db)
        return notOpen(m_openError);
    try {
        ledger::Transaction tx(*m_db);
        if (std::optional<FieldError> refused = f())
            return refused; // rolled back: nothing of it is written
        tx.commit();
        return std::nullopt;
    } catch (const ledger::DatabaseError &e) {
        return FieldError{{}, QCoreApplication::translate("LocalStore", "本机数据库无法写入：") + e.message()};
    } catch (const std::exception &e) {
        return FieldError{{}, QCoreApplication::translate("LocalStore", "修改未能保存：") + QString::fromUtf8(e.what())};
    }
}

void LocalStore::hit(QStringView point) const
{
    if (m_failpoint)
        m_failpoint(point);
}

void LocalStore::announce(const QStringList &kinds, int pendingBefore)
{
    Q_EMIT changed();
    if (!kinds.isEmpty())
        Q_EMIT entitiesChanged(kinds);
    const int now = pendingCount();
    if (now != pendingBefore)
        Q_EMIT pendingCountChanged(now);
}

// ---- editing --------------------------------------------------------------------------------------

std::optional<FieldError> LocalStore::save(const QJsonObject &input)
{
    if (!input.contains(u"kind") && input.contains(u"roles"))
        return FieldError{QStringLiteral("roles"), QCoreApplication::translate("LocalStore", "人员由招商服务局的管理员维护，不能在设备上录入")};
    QJsonObject json = input;
    // Review fields are the server's; a record made on the device starts as submitted.
    if (json.contains(u"kind") && !json.contains(u"review"))
        json.insert(QStringLiteral("review"), QJsonObject{{QStringLiteral("state"), QStringLiteral("submitted")}});
    auto decoded = canonicalize(json);
    if (!decoded)
        return decoded.error();
    const QString kind = decoded.value().kind;
    json = decoded.value().json;
    const QString id = json.value(u"id").toString();
    const int before = pendingCount();
    bool wrote = false;

    auto refused = write([&]() -> std::optional<FieldError> {
        std::optional<LocalEntity> stored = readEntity(id);
        if (stored && stored->kind != kind)
            return FieldError{QStringLiteral("kind"), QCoreApplication::translate("LocalStore", "%1 在本机是 %2，不是 %3").arg(id, stored->kind, kind)};
        if (stored && stored->deleted)
            return FieldError{QStringLiteral("id"), QCoreApplication::translate("LocalStore", "%1 已在本机删除").arg(id)};
        if (stored) {
            for (const QString &key : {QStringLiteral("review"), QStringLiteral("author")}) {
                if (stored->json.contains(key))
                    json.insert(key, stored->json.value(key));
                else
                    json.remove(key);
            }
        }
        const QStringList changed = stored ? changedFields(stored->json, json) : userFields(json);
        if (changed.isEmpty())
            return std::nullopt;

        LocalEntity e = stored.value_or(LocalEntity{});
        e.id = id;
        e.kind = kind;
        e.json = json;
        e.localChanges = true;
        e.rejectedReason.clear(); // edited again: the person is dealing with it
        writeEntity(e);
        hit(u"save:entity-written");
        m_outbox->enqueueUpsert(id, json, e.serverVersion, changed);
        wrote = true;
        return std::nullopt;
    });
    if (!refused && wrote) {
        Q_EMIT entityEdited(id, kind);
        announce({kind}, before);
    }
    return refused;
}

std::optional<FieldError> LocalStore::remove(const QString &id)
{
    const int before = pendingCount();
    QString kind;
    auto refused = write([&]() -> std::optional<FieldError> {
        std::optional<LocalEntity> stored = readEntity(id);
        if (!stored || stored->deleted)
            return FieldError{QStringLiteral("id"), QCoreApplication::translate("LocalStore", "本机没有 %1").arg(id)};
        if (stored->kind == KindPerson)
            return FieldError{QStringLiteral("id"), QCoreApplication::translate("LocalStore", "人员由招商服务局的管理员维护")};
        kind = stored->kind;
        stored->deleted = true;
        stored->localChanges = true;
        stored->rejectedReason.clear();
        writeEntity(*stored);
        hit(u"remove:entity-written");
        m_outbox->enqueueDelete(id, stored->serverVersion);
        return std::nullopt;
    });
    if (!refused) {
        Q_EMIT entityEdited(id, kind);
        announce({kind}, before);
    }
    return refused;
}

std::optional<FieldError> LocalStore::clearRejection(const QString &id)
{
    QString kind;
    auto refused = write([&]() -> std::optional<FieldError> {
        std::optional<LocalEntity> stored = readEntity(id);
        if (!stored)
            return FieldError{QStringLiteral("id"), QCoreApplication::translate("LocalStore", "本机没有 %1").arg(id)};
        kind = stored->kind;
        stored->rejectedReason.clear();
        writeEntity(*stored);
        return std::nullopt;
    });
    if (!refused)
        announce({kind}, pendingCount());
    return refused;
}

std::optional<LocalEntity> LocalStore::entity(const QString &id) const
{
    if (!m_db)
        return std::nullopt;
    try {
        std::optional<LocalEntity> e = readEntity(id);
        if (e && e->deleted)
            return std::nullopt;
        return e;
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "local store:" << e.message();
        return std::nullopt;
    }
}

// ---- the outbox and push answers ----------------------------------------------------------------

std::optional<FieldError> LocalStore::markAttempted(const QList<qint64> &numbers)
{
    return write([&]() -> std::optional<FieldError> {
        m_outbox->markAttempted(numbers);
        return std::nullopt;
    });
}

std::optional<FieldError> LocalStore::markPushed(const QJsonObject &pushResponse)
{
    const auto decoded = ledger::sync::decodePushResult(pushResponse);
    if (!decoded)
        return decoded.error();
    const int before = pendingCount();
    QSet<QString> kinds;
    auto refused = write([&]() -> std::optional<FieldError> {
        QSet<QString> touched;
        for (const ledger::sync::MutationResult &r : decoded.value().results) {
            const std::optional<Outbox::Answered> entry = m_outbox->answered(r.n);
            if (!entry)
                continue; // answered before (a retried push); nothing left to do
            // A retry's "skipped": the first answer is the real one.
            const ledger::sync::Status status = r.outcome();
            std::optional<LocalEntity> e = readEntity(entry->entityId);
            if (status == ledger::sync::Status::Applied && e) {
                const qint64 version = r.version.value_or(0);
                if (entry->op == OpUpsert) {
                    e->serverVersion = std::max(e->serverVersion, version);
                    writeEntity(*e);
                }
                m_outbox->rebaseAfter(r.n, *entry, version);
            } else if (status == ledger::sync::Status::Rejected && e) {
                e->rejectedReason = rejectionText(*r.error);
                if (entry->op == OpDelete)
                    e->deleted = false; // the server keeps it, so it comes back
                writeEntity(*e);
            }
            if (e)
                kinds.insert(e->kind);
            m_outbox->confirm(r.n, ledger::sync::toString(status));
            touched.insert(entry->entityId);
        }
        for (const QString &id : std::as_const(touched)) {
            refreshLocalChanges(id);
            // A confirmed delete with nothing else pending: the entity is gone for good.
            ledger::Statement gone = m_db->prepare(QStringLiteral(
                "DELETE FROM entities WHERE id = ? AND deleted = 1 AND local_changes = 0"));
            gone.bind(1, id);
            gone.exec();
        }
        m_outbox->pruneConfirmed(SentMutationsKept);
        return std::nullopt;
    });
    if (!refused)
        announce(QStringList(kinds.begin(), kinds.end()), before);
    return refused;
}

std::optional<FieldError> LocalStore::requeueFrom(qint64 expected)
{
    const int before = pendingCount();
    QSet<QString> kinds;
    auto refused = write([&]() -> std::optional<FieldError> {
        ledger::Result<QStringList> resent = m_outbox->requeueFrom(expected);
        if (!resent)
            return resent.error();
        for (const QString &id : resent.value()) {
            if (std::optional<LocalEntity> e = readEntity(id))
                kinds.insert(e->kind);
            refreshLocalChanges(id);
        }
        // A server that lost confirmed mutations lost changes this device pulled too; its sequence
        // numbers start again below this device's cursor. Pulling everything again is harmless.
        setMeta(KeyPullCursor, QStringLiteral("0"));
        return std::nullopt;
    });
    if (!refused)
        announce(QStringList(kinds.begin(), kinds.end()), before);
    return refused;
}

// ---- pull ---------------------------------------------------------------------------------------------

void LocalStore::pulledTombstone(const QString &id, QSet<QString> &kinds)
{
    std::optional<LocalEntity> e = readEntity(id);
    if (!e)
        return;
    kinds.insert(e->kind);
    // With edits still pending the local copy stays: pushing them is refused with "deleted", and
    // that reason reaches the person instead of the edit vanishing.
    if (!e->localChanges) {
        ledger::CachedStatement del = m_db->cached(QStringLiteral("DELETE FROM entities WHERE id = ?"));
        del->bind(1, id);
        del->exec();
    }
}

void LocalStore::pulledEntity(const QString &id, const QString &kind, QByteArrayView text, qint64 seq, QSet<QString> &kinds)
{
    kinds.insert(kind);
    if (m_entities->writePulled(id, kind, text, seq))
        return;
    // Edits of it wait in the outbox. The server merges field by field when they arrive; until
    // then the person sees their own values of what they edited, the server's for the rest.
    const std::optional<LocalEntity> local = readEntity(id);
    LocalEntity e;
    e.id = id;
    e.kind = kind;
    e.json = QJsonDocument::fromJson(QByteArray::fromRawData(text.data(), text.size())).object();
    e.serverVersion = seq;
    e.rejectedReason = local->rejectedReason;
    for (const QString &field : pendingChangedFields(id)) {
        if (local->json.contains(field))
            e.json.insert(field, local->json.value(field));
        else
            e.json.remove(field);
    }
    e.localChanges = true;
    e.deleted = local->deleted;
    writeEntity(e);
}

std::optional<FieldError> LocalStore::applyPull(const QJsonObject &pullResponse)
{
    const auto page = ledger::sync::decodePullPage(pullResponse);
    if (!page)
        return page.error();
    const int before = pendingCount();
    QSet<QString> kinds;
    auto refused = write([&]() -> std::optional<FieldError> {
        for (const ledger::sync::Change &c : page.value().changes) {
            if (c.deleted) {
                pulledTombstone(c.id, kinds);
                continue;
            }
            const QJsonObject &incoming = c.entity;
            Canonical e;
            if (auto canonical = canonicalize(incoming)) {
                e = std::move(canonical).value();
            } else {
                // A newer writer's entity this build cannot read: keep it as it came, it is the
                // server's; ledger() leaves it out.
                e.kind = incoming.value(u"kind").toString(incoming.contains(u"roles") ? KindPerson : KindEnterprise);
                e.json = incoming;
                qWarning().noquote() << "local store: pulled entity does not decode:" << canonical.error().toString();
            }
            // The decoder saw that the id is there.
            pulledEntity(e.json.value(u"id").toString(), e.kind, jsonText(e.json), c.seq, kinds);
        }
        setMeta(KeyPullCursor, QString::number(page.value().cursor));
        hit(u"pull:applied");
        return std::nullopt;
    });
    if (!refused)
        announce(QStringList(kinds.begin(), kinds.end()), before);
    return refused;
}

ledger::Result<LocalStore::PullApplied> LocalStore::applyPullText(const QByteArray &pageText)
{
    const auto decoded = PullPageText::decode(pageText);
    if (!decoded)
        return decoded.error();
    const PullPageText &page = decoded.value();
    PullApplied applied;
    applied.cursor = page.cursor();
    applied.hasMore = page.hasMore();
    applied.changes = int(page.changes().size());
    const int before = pendingCount();
    QSet<QString> kinds;
    auto refused = write([&]() -> std::optional<FieldError> {
        for (const PullPageText::Change &c : page.changes()) {
            if (c.deleted) {
                pulledTombstone(c.id, kinds);
                continue;
            }
            pulledEntity(c.id, c.kind, c.text, c.seq, kinds);
            if (c.returned)
                ++applied.returnedByUnit[c.creditUnit];
        }
        setMeta(KeyPullCursor, QString::number(page.cursor()));
        hit(u"pull:applied");
        return std::nullopt;
    });
    if (refused)
        return *refused;
    announce(QStringList(kinds.begin(), kinds.end()), before);
    return applied;
}

// ---- attachments ----------------------------------------------------------------------------------

ledger::Result<ledger::Attachment> LocalStore::storeAttachment(const QString &filePath, const QString &name, const QString &mimeType)
{
    if (!m_attachments)
        return notOpen(m_openError);
    return remembered(m_attachments->copyIn(filePath, name, mimeType));
}

ledger::Result<ledger::Attachment> LocalStore::storeAttachment(const QByteArray &content, const QString &name, const QString &mimeType)
{
    if (!m_attachments)
        return notOpen(m_openError);
    return remembered(m_attachments->copyIn(content, name, mimeType));
}

ledger::Result<ledger::Attachment> LocalStore::remembered(ledger::Result<ledger::Attachment> copied)
{
    if (!copied)
        return copied;
    if (auto refused = write([&]() -> std::optional<FieldError> {
            m_attachments->remember(copied.value());
            return std::nullopt;
        }))
        return *refused;
    return copied;
}

std::optional<FieldError> LocalStore::markAttachmentUploaded(const QString &sha256)
{
    return write([&]() -> std::optional<FieldError> {
        m_attachments->markUploaded(sha256);
        return std::nullopt;
    });
}

// ---- session ----------------------------------------------------------------------------------------------

template<class F>
std::optional<FieldError> LocalStore::writeSession(F &&f)
{
    auto refused = write([&]() -> std::optional<FieldError> {
        f(*m_session);
        return std::nullopt;
    });
    if (!refused)
        Q_EMIT sessionChanged();
    return refused;
}

std::optional<FieldError> LocalStore::setSession(const StoredSession &session)
{
    return writeSession([&](SessionStore &s) { s.setSession(session); });
}

std::optional<FieldError> LocalStore::setTokens(const QString &accessToken, const QString &refreshToken)
{
    return writeSession([&](SessionStore &s) { s.setTokens(accessToken, refreshToken); });
}

std::optional<FieldError> LocalStore::setServerUrl(const QUrl &url)
{
    return writeSession([&](SessionStore &s) { s.setServerUrl(url); });
}

std::optional<FieldError> LocalStore::clearTokens() { return setTokens({}, {}); }

std::optional<FieldError> LocalStore::setLastSyncedAt(const QDateTime &at)
{
    return write([&]() -> std::optional<FieldError> {
        m_session->setLastSyncedAt(at);
        return std::nullopt;
    });
}

} // namespace mobile
