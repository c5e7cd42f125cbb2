// An audit nobody can quietly rewrite: a ledger written through the routes with a signing key,
// then copies of it tampered with straight in the SQLite file (as someone holding the file
// would), and `syncserver verify` run on each: every tampering is named, the untouched copy is
// intact. Also the signed checkpoints themselves (bad key, edited line) and the head line every
// exported notice carries.
#include "serverfixture.h"

#include "auditcheckpoints.h"

#include "../support/syncserverprocess.h"

#include <QFile>
#include <QProcess>

using namespace syncserver;
using namespace syncserver::test;

namespace {

const QString POST = QStringLiteral("POST");

// Runs sqlite3 on a ledger file, as someone with the file alone would.
void sqlite(const QString &file, const QString &sql)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("sqlite3"), {file, sql});
    QVERIFY(p.waitForFinished(30000));
    QVERIFY2(p.exitCode() == 0, p.readAll().constData());
}

} // namespace

class TestAudit : public QObject
{
    Q_OBJECT

    QTemporaryDir m_keys;
    QTemporaryDir m_base; // the untampered ledger and its checkpoint log
    QString m_returnedId;  // a record the reviewer returned
    QString m_submittedId; // a record waiting for review
    qint64 m_checkpointedEntries = 0;
    QString m_noticeHead; // "N:hash", as the published notice printed it

    [[nodiscard]] QString keyPath() const { return m_keys.filePath(QStringLiteral("audit.key")); }
    [[nodiscard]] QString logName() const { return QStringLiteral("audit-checkpoints.jsonl"); }

    // A fresh copy of the untampered ledger, in `dir`; returns its database file.
    QString copyTo(const QTemporaryDir &dir) const
    {
        for (const QString &name : {QStringLiteral("ledger.sqlite"), logName()})
            if (!QFile::copy(m_base.filePath(name), dir.filePath(name)))
                qFatal("cannot copy %s", qPrintable(name));
        return dir.filePath(QStringLiteral("ledger.sqlite"));
    }

    // `syncserver verify` on a data folder with its checkpoints and the public key: exit code, output.
    std::pair<int, QString> verify(const QString &dir, const QString &publicKey = {}, const QStringList &extra = {}) const
    {
        QByteArray out;
        const int code = ledger::test::runSyncserver(QStringList{QStringLiteral("verify"), QStringLiteral("--data"), dir, QStringLiteral("--public-key"),
                                                                 publicKey.isEmpty() ? keyPath() + QStringLiteral(".pub") : publicKey}
                                                         + extra,
                                                     QString(), &out);
        return {code, QString::fromUtf8(out)};
    }

private slots:
    void initTestCase()
    {
        AuditCheckpoints::generateKey(keyPath());
        QCOMPARE(QFileInfo(keyPath()).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, AuditCheckpoints::generateKey(keyPath())); // never replaced

        Fixture f;
        // The same ledger served with a signing key.
        ServerConfig config;
        config.dataDir = f.dataDir();
        config.accounts.opsLimit = 1;
        config.accounts.memLimit = 8192;
        config.auditKeyFile = keyPath();
        f.server.reset();
        f.server = std::make_unique<Server>(config, f.clock);

        Client staff = f.signIn("pgo1");
        const Client reviewer = f.signIn("reviewer");
        const QJsonObject returned = leadJson(staff, QStringLiteral("PGO")), waiting = leadJson(staff, QStringLiteral("PGO"));
        m_returnedId = returned.value(QStringLiteral("id")).toString();
        m_submittedId = waiting.value(QStringLiteral("id")).toString();
        QCOMPARE(f.push(staff, {returned, waiting}).status, 200);
        const Reply r = f.call(POST, QStringLiteral("/api/v1/records/%1/review").arg(m_returnedId), &reviewer,
                               QJsonObject{{QStringLiteral("action"), QStringLiteral("return")}, {QStringLiteral("reason"), QStringLiteral("请补充投资额依据")}});
        QCOMPARE(r.status, 200);
        // The last entry writes no entity: only a checkpoint can tell that it was cut off.
        QCOMPARE(f.push(staff, {leadJson(staff, QStringLiteral("EEE"))}).status, 200); // refused: another unit's record

        // Publishing the notice signs the head first and prints it.
        const Client leader = f.signIn("leader");
        Request get;
        get.method = QStringLiteral("GET");
        get.path = QStringLiteral("/api/v1/exports/score_notice.csv");
        get.remoteAddress = QStringLiteral("127.0.0.1");
        get.headers.insert("x-ledger-protocol", "1");
        get.headers.insert("x-ledger-schema", "1");
        get.headers.insert("authorization", "Bearer " + leader.token.toLatin1());
        const Response notice = f.server->handle(get);
        QCOMPARE(notice.status, 200);
        const AuditHead head = f.server->checkpoints().head();
        QCOMPARE(notice.headers.value("x-ledger-audit-head"), QByteArray::number(head.entries) + ':' + head.hash.toLatin1());
        QCOMPARE(notice.headers.value("x-ledger-audit-checkpoint"), QByteArray("1"));
        // The printed notice (xlsx) carries the same as its last line.
        const std::optional<Checkpoint> last = f.server->checkpoints().checkpoint(QStringLiteral("test"));
        QVERIFY(last && last->number == 1 && last->head.entries == head.entries);
        QCOMPARE(AuditCheckpoints::noticeLine(head, last),
                 QStringLiteral("审计链：共 %1 条，链头 %2；签名检查点 #1（%3）").arg(head.entries).arg(head.hash, last->at));
        m_checkpointedEntries = head.entries;
        m_noticeHead = QString::number(head.entries) + u':' + head.hash;

        f.server->store().backupTo(m_base.filePath(QStringLiteral("ledger.sqlite")));
        QVERIFY(QFile::copy(f.dataDir() + u'/' + logName(), m_base.filePath(logName())));
    }

    void untouchedLedgerIsIntact()
    {
        QTemporaryDir dir;
        copyTo(dir);
        const auto [code, out] = verify(dir.path());
        QVERIFY2(code == 0, qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("ledger intact")) && out.contains(QStringLiteral("1 signed checkpoint,")), qPrintable(out));
    }

    void headOfAPublishedNoticeIsChecked()
    {
        // The file and the checkpoint log both cut back (the log's tail dropped with the entries):
        // only the head printed in the notice still tells.
        QTemporaryDir dir;
        const QString db = copyTo(dir);
        const auto [intact, before] = verify(dir.path(), {}, {QStringLiteral("--notice-head"), m_noticeHead});
        QVERIFY2(intact == 0, qPrintable(before));
        QVERIFY2(before.contains(QStringLiteral("last checkpoint: #")), qPrintable(before));
        sqlite(db, QStringLiteral("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = (SELECT MAX(id) FROM audit);"
                                  "UPDATE meta SET value = (SELECT id || ':' || hash FROM audit ORDER BY id DESC LIMIT 1) WHERE key = 'audit_head';"));
        QVERIFY(QFile::remove(dir.filePath(logName())));
        const auto [code, out] = verify(dir.path(), {}, {QStringLiteral("--notice-head"), m_noticeHead});
        QCOMPARE(code, 1);
        QVERIFY2(out.contains(QStringLiteral("the notice's head, audit entry %1").arg(m_checkpointedEntries)) && out.contains(QStringLiteral("the entry is gone")),
                 qPrintable(out));
    }

    void lastEntryDeletedAndHeadResetIsFound()
    {
        QTemporaryDir dir;
        const QString db = copyTo(dir);
        sqlite(db, QStringLiteral("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = (SELECT MAX(id) FROM audit);"
                                  "UPDATE meta SET value = (SELECT id || ':' || hash FROM audit ORDER BY id DESC LIMIT 1) WHERE key = 'audit_head';"));
        const auto [code, out] = verify(dir.path());
        QCOMPARE(code, 1);
        QVERIFY2(out.contains(QStringLiteral("signed audit entry %1, which is no longer in the log").arg(m_checkpointedEntries)), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("audit entry %1 was changed").arg(m_checkpointedEntries - 1)), qPrintable(out)); // the chain alone looks whole
    }

    void entryRewrittenWithLaterHashesRecomputedIsFound()
    {
        QTemporaryDir dir;
        const QString file = copyTo(dir);
        {
            // Someone with the file and this code: entry 3 changed, every later hash computed anew.
            ledger::Database db = ledger::Database::open(file);
            db.exec(QStringLiteral("DROP TRIGGER audit_no_update; UPDATE audit SET detail = '{\"name\":\"平板 (edited)\"}' WHERE id = 3"));
            ledger::Statement rows = db.prepare(QStringLiteral("SELECT id, at, user_id, device_id, action, entity_id, detail, state FROM audit ORDER BY id"));
            QString prev;
            QList<std::pair<qint64, std::pair<QString, QString>>> rehashed;
            while (rows.step()) {
                const QString hash = auditHash(prev, rows.columnInt64(0), rows.columnText(1), rows.columnText(2), rows.columnText(3), rows.columnText(4),
                                               rows.columnText(5), rows.columnText(6).toUtf8(), rows.columnText(7).toUtf8());
                rehashed.append({rows.columnInt64(0), {prev, hash}});
                prev = hash;
            }
            for (const auto &[id, hashes] : std::as_const(rehashed)) {
                ledger::Statement upd = db.prepare(QStringLiteral("UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?"));
                upd.bind(1, hashes.first).bind(2, hashes.second).bind(3, id);
                upd.exec();
            }
            ledger::Statement head = db.prepare(QStringLiteral("UPDATE meta SET value = ? WHERE key = 'audit_head'"));
            head.bind(1, QString::number(rehashed.last().first) + u':' + rehashed.last().second.second);
            head.exec();
        }
        const auto [code, out] = verify(dir.path());
        QCOMPARE(code, 1);
        QVERIFY2(out.contains(QStringLiteral("but the log now has")) && out.contains(QStringLiteral("the log was rewritten")), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("was changed after it was written")), qPrintable(out)); // the chain alone checks out
    }

    void reviewStateEditedWithoutEntryIsFound()
    {
        QTemporaryDir dir;
        const QString db = copyTo(dir);
        sqlite(db, QStringLiteral("UPDATE entities SET json = json_set(json, '$.review.state', 'recognised') WHERE id = '%1';").arg(m_submittedId));
        const auto [code, out] = verify(dir.path());
        QCOMPARE(code, 1);
        QVERIFY2(out.contains(QStringLiteral("record %1 has review state \"recognised\", but audit entry").arg(m_submittedId))
                     && out.contains(QStringLiteral("left it \"submitted\"")),
                 qPrintable(out));
    }

    void contentEditedWithoutEntryIsFound()
    {
        QTemporaryDir dir;
        const QString db = copyTo(dir);
        sqlite(db, QStringLiteral("UPDATE entities SET json = json_set(json, '$.intention', '无') WHERE id = '%1';").arg(m_returnedId));
        const auto [code, out] = verify(dir.path());
        QCOMPARE(code, 1);
        QVERIFY2(out.contains(QStringLiteral("entity %1's content differs from what audit entry").arg(m_returnedId)), qPrintable(out));
    }

    void recordDeletedWithoutEntryIsFound()
    {
        QTemporaryDir dir;
        const QString db = copyTo(dir);
        sqlite(db, QStringLiteral("DELETE FROM entities WHERE id = '%1';").arg(m_returnedId));
        const auto [code, out] = verify(dir.path());
        QCOMPARE(code, 1);
        QVERIFY2(out.contains(QStringLiteral("entity %1 is missing from the entities table, but audit entry").arg(m_returnedId)), qPrintable(out));
    }

    void recordMarkedDeletedWithoutEntryIsFound()
    {
        QTemporaryDir dir;
        const QString db = copyTo(dir);
        sqlite(db, QStringLiteral("UPDATE entities SET deleted = 1 WHERE id = '%1';").arg(m_submittedId));
        const auto [code, out] = verify(dir.path());
        QCOMPARE(code, 1);
        QVERIFY2(out.contains(QStringLiteral("entity %1 is deleted in the entities table, but audit entry").arg(m_submittedId)), qPrintable(out));
    }

    void recordAddedWithoutEntryIsFound()
    {
        QTemporaryDir dir;
        const QString db = copyTo(dir);
        sqlite(db, QStringLiteral("INSERT INTO entities(id, kind, unit, author, json, field_seq, seq, deleted) "
                                  "SELECT 'forged-1', kind, unit, author, json, '', (SELECT MAX(seq) + 1 FROM entities), 0 FROM entities WHERE id = '%1';")
                       .arg(m_submittedId));
        const auto [code, out] = verify(dir.path());
        QCOMPARE(code, 1);
        QVERIFY2(out.contains(QStringLiteral("entity forged-1 (lead) has no audit entry")), qPrintable(out));
    }

    void checkpointEditedInItsLogIsFound()
    {
        QTemporaryDir dir;
        copyTo(dir);
        // Moving the signed head back to an earlier entry (to cover a cut) breaks the signature.
        QFile log(dir.filePath(logName()));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QByteArray text = log.readAll();
        log.close();
        const QByteArray from = "\"entries\":" + QByteArray::number(m_checkpointedEntries);
        QVERIFY(text.contains(from));
        text.replace(from, "\"entries\":" + QByteArray::number(m_checkpointedEntries - 1));
        QVERIFY(log.open(QIODevice::WriteOnly | QIODevice::Truncate));
        log.write(text);
        log.close();
        const auto [code, out] = verify(dir.path());
        QCOMPARE(code, 1);
        QVERIFY2(out.contains(QStringLiteral("has a bad signature")), qPrintable(out));
    }

    void checkpointsCheckedWithAnotherKeyFail()
    {
        QTemporaryDir dir, other;
        copyTo(dir);
        AuditCheckpoints::generateKey(other.filePath(QStringLiteral("other.key")));
        const auto [code, out] = verify(dir.path(), other.filePath(QStringLiteral("other.key.pub")));
        QCOMPARE(code, 1);
        QVERIFY2(out.contains(QStringLiteral("checkpoint 1 has a bad signature")), qPrintable(out));
    }

    void checkpointsWithoutAKeyAreNotCalledIntact()
    {
        QTemporaryDir dir;
        copyTo(dir);
        QByteArray out;
        QCOMPARE(ledger::test::runSyncserver({QStringLiteral("verify"), QStringLiteral("--data"), dir.path()}, QString(), &out), 1);
        QVERIFY2(out.contains("give --public-key"), out.constData());
    }

    void aKeyOthersCanReadIsRefused()
    {
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("loose.key"));
        AuditCheckpoints::generateKey(key);
        QVERIFY(QFile::setPermissions(key, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
        Clock clock;
        Store store(dir.path(), clock);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, AuditCheckpoints(store, key, dir.filePath(logName())));
    }

    void serveSignsTheHeadWhenItStarts()
    {
        QTemporaryDir dir;
        QCOMPARE(ledger::test::runSyncserver({QStringLiteral("init"), QStringLiteral("--data"), dir.path()}, QStringLiteral("password-123")), 0);
        {
            ledger::test::ServedSyncserver server(dir.path(), 0, {QStringLiteral("--audit-key"), keyPath()});
        } // killed with SIGKILL: the checkpoint written on start is on disk already
        QStringList problems;
        const QList<Checkpoint> written = AuditCheckpoints::readLog(dir.filePath(logName()), &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QCOMPARE(written.size(), 1);
        QCOMPARE(written.first().reason, QStringLiteral("start"));
        QCOMPARE(written.first().head.entries, 1); // the administrator's account
        const auto [code, out] = verify(dir.path());
        QVERIFY2(code == 0 && out.contains(QStringLiteral("1 signed checkpoint,")), qPrintable(out));
    }

    void keygenCommandWritesAPrivateKey()
    {
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("k"));
        QByteArray out;
        QCOMPARE(ledger::test::runSyncserver({QStringLiteral("keygen"), QStringLiteral("--out"), key}, QString(), &out), 0);
        QCOMPARE(QFileInfo(key).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther), QFile::Permissions());
        QCOMPARE(AuditCheckpoints::readPublicKey(key), AuditCheckpoints::readPublicKey(key + QStringLiteral(".pub")));
        QCOMPARE(ledger::test::runSyncserver({QStringLiteral("keygen"), QStringLiteral("--out"), key}, QString(), &out), 1); // not replaced
    }
};

QTEST_GUILESS_MAIN(TestAudit)
#include "tst_audit.moc"
