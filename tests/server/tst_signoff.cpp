// The quarter's sign-off on the demo year: the bureau closes the third quarter, a leader signs it
// off, and the snapshot stays as signed after a later recognition and revocation; the changes
// since the sign-off are listed and carried in the fourth quarter's notice; the audit chain holds
// the snapshot's SHA-256 and `verify` finds a changed snapshot; roles and bad input are refused
// naming the field. Also: /status needs sign-in unless made public, and then names no one.
#include "api.h"
#include "demoimport.h"
#include "quartersignoffs.h"

#include "ledger/ledger.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace syncserver;

namespace {

class FakeClock : public Clock
{
public:
    QDateTime t = QDateTime(QDate(2023, 12, 1), QTime(9, 0), Qt::UTC);
    [[nodiscard]] QDateTime now() const override { return t; }
};

struct Reply
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    [[nodiscard]] QString field() const { return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(); }
};

// The demo year in a fresh ledger, its people signed in by login.
class Demo
{
public:
    explicit Demo(bool publicStatus = false)
    {
        ServerConfig config;
        config.dataDir = m_dir.path();
        config.accounts.opsLimit = 1;
        config.accounts.memLimit = 8192;
        config.publicStatusPage = publicStatus;
        server = std::make_unique<Server>(config, clock);
        (void)importDemo(*server, 1, QStringLiteral("password-123"));
    }

    Reply call(const QString &method, const QString &path, const QString &token = {}, const QJsonObject &body = {},
               const QHash<QString, QString> &query = {})
    {
        Request r;
        r.method = method;
        r.path = path;
        r.query = query;
        r.remoteAddress = QStringLiteral("127.0.0.1");
        r.headers.insert("x-ledger-protocol", "1");
        r.headers.insert("x-ledger-schema", "1");
        if (!token.isEmpty())
            r.headers.insert("authorization", "Bearer " + token.toLatin1());
        if (!body.isEmpty())
            r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        const Response out = server->handle(r);
        return Reply{out.status, out.body, QJsonDocument::fromJson(out.body).object()};
    }

    QString signIn(const QString &login)
    {
        const Reply r = call(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/login"), {},
                             {{QStringLiteral("login"), login},
                              {QStringLiteral("password"), QStringLiteral("password-123")},
                              {QStringLiteral("device"), QJsonObject{{QStringLiteral("id"), ledger::RecordId::create().toString()}}}});
        if (r.status != 200)
            qFatal("sign-in of %s failed: %s", qPrintable(login), r.body.constData());
        return r.json.value(QStringLiteral("accessToken")).toString();
    }

    QJsonObject signOff(const QString &token, int quarter, const QString &number, const QString &date)
    {
        return call(QStringLiteral("POST"), QStringLiteral("/api/v1/quarters/%1/signoff").arg(quarter), token,
                    {{QStringLiteral("number"), number}, {QStringLiteral("date"), date}})
            .json;
    }

    // Unit code → total, as the score report says now.
    QHash<QString, QString> totals(const QString &token, int quarter)
    {
        QHash<QString, QString> out;
        const Reply r = call(QStringLiteral("GET"), QStringLiteral("/api/v1/scores"), token, {}, {{QStringLiteral("quarter"), QString::number(quarter)}});
        for (const QJsonValue &u : r.json.value(QStringLiteral("units")).toArray())
            out.insert(u.toObject().value(QStringLiteral("unit")).toString(), u.toObject().value(QStringLiteral("total")).toString());
        return out;
    }

    // A record of another unit than the bureau's dated in the quarter, in the review state asked.
    QString recordIn(int quarter, ledger::ReviewState state, std::optional<ledger::RecordKind> kind = std::nullopt)
    {
        const ledger::Period p{2023, quarter, true};
        return server->store().withLedger([&](const ledger::Ledger &l) {
            for (const ledger::Record &r : l.records()) {
                const ledger::RecordMeta &m = ledger::metaOf(r);
                const QDate d = ledger::eventDate(r);
                if (m.review.state == state && (!kind || ledger::kindOf(r) == *kind) && m.credit.unit.code() != u"ISB" && d >= p.first()
                    && d <= p.last())
                    return m.id.toString();
            }
            return QString();
        });
    }

    FakeClock clock;
    std::unique_ptr<Server> server;

private:
    QTemporaryDir m_dir;
};

const QString GET = QStringLiteral("GET");
const QString POST = QStringLiteral("POST");

} // namespace

class TestSignOff : public QObject
{
    Q_OBJECT

private slots:
    // The reviewer closes, the leader signs; each refuses the other's step and bad input, naming
    // the field and changing nothing; a quarter still running is not closed, a signed one is not
    // signed again or reopened.
    void closeAndSignOff()
    {
        Demo d;
        const QString reviewer = d.signIn(QStringLiteral("isb1")), leader = d.signIn(QStringLiteral("pgo2")),
                      staff = d.signIn(QStringLiteral("pgo3"));
        QCOMPARE(d.call(GET, QStringLiteral("/api/v1/quarters"), staff).json.value(QStringLiteral("quarters")).toArray().size(), 4);
        const Reply running = d.call(POST, QStringLiteral("/api/v1/quarters/4/close"), reviewer);
        QCOMPARE(running.status, 409);
        QCOMPARE(running.field(), QStringLiteral("quarter"));
        QCOMPARE(d.call(POST, QStringLiteral("/api/v1/quarters/5/close"), reviewer).field(), QStringLiteral("quarter"));
        QCOMPARE(d.call(POST, QStringLiteral("/api/v1/quarters/3/close"), staff).status, 403);
        QCOMPARE(d.call(POST, QStringLiteral("/api/v1/quarters/3/close"), leader).status, 403);
        // Not closed yet: the leader has nothing to sign.
        QCOMPARE(d.call(POST, QStringLiteral("/api/v1/quarters/3/signoff"), leader,
                        {{QStringLiteral("number"), QStringLiteral("开招商〔2023〕12号")}, {QStringLiteral("date"), QStringLiteral("2023-10-08")}})
                     .field(),
                 QStringLiteral("quarter"));

        const Reply closed = d.call(POST, QStringLiteral("/api/v1/quarters/3/close"), reviewer);
        QCOMPARE(closed.status, 200);
        QCOMPARE(closed.json.value(QStringLiteral("state")).toString(), QStringLiteral("closed"));
        QCOMPARE(d.call(POST, QStringLiteral("/api/v1/quarters/3/close"), reviewer).status, 409);
        // Reopened before signing, and closed again.
        QCOMPARE(d.call(POST, QStringLiteral("/api/v1/quarters/3/reopen"), reviewer).json.value(QStringLiteral("state")).toString(),
                 QStringLiteral("provisional"));
        QCOMPARE(d.call(POST, QStringLiteral("/api/v1/quarters/3/reopen"), reviewer).field(), QStringLiteral("quarter"));
        QCOMPARE(d.call(POST, QStringLiteral("/api/v1/quarters/3/close"), reviewer).status, 200);

        const qint64 auditBefore = d.server->checkpoints().head().entries;
        const auto refused = [&](const QString &token, const QJsonObject &body, int status, const QString &field) {
            const Reply r = d.call(POST, QStringLiteral("/api/v1/quarters/3/signoff"), token, body);
            QCOMPARE(r.status, status);
            QCOMPARE(r.field(), field);
        };
        const QString number = QStringLiteral("开招商〔2023〕12号");
        refused(reviewer, {{QStringLiteral("number"), number}, {QStringLiteral("date"), QStringLiteral("2023-10-08")}}, 403, QString());
        refused(leader, {{QStringLiteral("date"), QStringLiteral("2023-10-08")}}, 400, QStringLiteral("number"));
        refused(leader, {{QStringLiteral("number"), QStringLiteral("  ")}, {QStringLiteral("date"), QStringLiteral("2023-10-08")}}, 400, QStringLiteral("number"));
        refused(leader, {{QStringLiteral("number"), QString(41, u'号')}, {QStringLiteral("date"), QStringLiteral("2023-10-08")}}, 400, QStringLiteral("number"));
        refused(leader, {{QStringLiteral("number"), number}, {QStringLiteral("date"), QStringLiteral("10/08/2023")}}, 400, QStringLiteral("date"));
        refused(leader, {{QStringLiteral("number"), number}, {QStringLiteral("date"), QStringLiteral("2023-09-30")}}, 400, QStringLiteral("date"));
        refused(leader, {{QStringLiteral("number"), number}, {QStringLiteral("date"), 20231008}}, 400, QStringLiteral("date"));
        QCOMPARE(d.server->checkpoints().head().entries, auditBefore);
        QVERIFY(d.server->signOffs().status(3).state == QuarterState::Closed);

        const QJsonObject signedOff = d.signOff(leader, 3, number, QStringLiteral("2023-10-08"));
        QCOMPARE(signedOff.value(QStringLiteral("state")).toString(), QStringLiteral("signed"));
        QCOMPARE(signedOff.value(QStringLiteral("signedBy")).toString(), QStringLiteral("王明辉"));
        QCOMPARE(signedOff.value(QStringLiteral("mark")).toString(), QStringLiteral("已签认（2023年10月8日，王明辉）"));
        const Reply again = d.call(POST, QStringLiteral("/api/v1/quarters/3/signoff"), leader,
                                   {{QStringLiteral("number"), QStringLiteral("开招商〔2023〕13号")}, {QStringLiteral("date"), QStringLiteral("2023-10-09")}});
        QCOMPARE(again.status, 409);
        QCOMPARE(again.field(), QStringLiteral("quarter"));
        QCOMPARE(d.call(POST, QStringLiteral("/api/v1/quarters/3/reopen"), leader).field(), QStringLiteral("quarter"));
        QCOMPARE(d.server->signOffs().status(3).number, number);

        // Staff read the states, not the snapshot.
        QCOMPARE(d.call(GET, QStringLiteral("/api/v1/quarters/3/snapshot"), staff).status, 403);
        QCOMPARE(d.call(GET, QStringLiteral("/api/v1/quarters/2/snapshot"), leader).status, 404);
        QCOMPARE(d.call(GET, QStringLiteral("/api/v1/quarters/2/changes"), leader).field(), QStringLiteral("quarter"));
    }

    // The snapshot holds the score report's figures, the records behind them with their stored
    // version and hash, and the audit head; the chain holds its SHA-256. A later revocation and
    // recognition change the ledger, not the snapshot; they are listed as changes since the
    // sign-off with the figures they moved, and carried in the next quarter's notice.
    void laterDecisionsShowAsChangesSinceTheSignOff()
    {
        Demo d;
        const QString reviewer = d.signIn(QStringLiteral("isb1")), leader = d.signIn(QStringLiteral("pgo2"));
        QCOMPARE(d.call(POST, QStringLiteral("/api/v1/quarters/3/close"), reviewer).status, 200);
        const QHash<QString, QString> signedTotals = d.totals(leader, 3);
        const QString sha = d.signOff(leader, 3, QStringLiteral("开招商〔2023〕12号"), QStringLiteral("2023-10-08")).value(QStringLiteral("sha256")).toString();
        const Reply snap = d.call(GET, QStringLiteral("/api/v1/quarters/3/snapshot"), leader);
        QCOMPARE(snap.status, 200);
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(snap.body, QCryptographicHash::Sha256).toHex()), sha);
        const QJsonObject snapshot = snap.json;
        QCOMPARE(snapshot.value(QStringLiteral("number")).toString(), QStringLiteral("开招商〔2023〕12号"));
        QCOMPARE(snapshot.value(QStringLiteral("date")).toString(), QStringLiteral("2023-10-08"));
        const QJsonObject figures = snapshot.value(QStringLiteral("figures")).toObject();
        QVERIFY(!signedTotals.isEmpty());
        for (auto it = signedTotals.begin(); it != signedTotals.end(); ++it)
            QCOMPARE(figures.value(QStringLiteral("unit/%1/total").arg(it.key())).toObject().value(QStringLiteral("value")).toString(), it.value());
        // The audit entry that signed it carries the snapshot's hash and the head it was made from.
        const std::vector<AuditEntry> log = d.server->store().auditEntries(0, 100000);
        const AuditEntry &last = log.back();
        QCOMPARE(last.action, QStringLiteral("quarter.signoff"));
        const QJsonObject detail = QJsonDocument::fromJson(last.detail.toUtf8()).object();
        QCOMPARE(detail.value(QStringLiteral("sha256")).toString(), sha);
        const QJsonObject head = snapshot.value(QStringLiteral("auditHead")).toObject();
        QCOMPARE(head.value(QStringLiteral("entries")).toInteger(), last.id - 1);
        QCOMPARE(head.value(QStringLiteral("hash")).toString(), log[log.size() - 2].hash);
        QVERIFY(d.server->store().verifyAudit().isEmpty());
        QVERIFY(QuarterSignOffs::verify(d.server->store()).isEmpty());
        QCOMPARE(d.call(GET, QStringLiteral("/api/v1/quarters/3/changes"), leader).json.value(QStringLiteral("records")).toArray().size(), 0);

        // The records behind it, each with the version it had.
        const QString revoked = d.recordIn(3, ledger::ReviewState::Recognised, ledger::RecordKind::Funds);
        const QString recognised = d.recordIn(3, ledger::ReviewState::Submitted);
        QVERIFY(!revoked.isEmpty());
        QVERIFY(!recognised.isEmpty());
        QJsonObject heldRevoked;
        for (const QJsonValue &v : snapshot.value(QStringLiteral("records")).toArray())
            if (v.toObject().value(QStringLiteral("id")).toString() == revoked)
                heldRevoked = v.toObject();
        QCOMPARE(heldRevoked.value(QStringLiteral("review")).toString(), QStringLiteral("recognised"));
        QCOMPARE(heldRevoked.value(QStringLiteral("seq")).toInteger(),
                 d.call(GET, QStringLiteral("/api/v1/records/") + revoked, reviewer).json.value(QStringLiteral("version")).toInteger());

        // Later: funds revoked as false, a waiting record recognised.
        QCOMPARE(d.call(POST, QStringLiteral("/api/v1/records/%1/review").arg(revoked), reviewer,
                        {{QStringLiteral("action"), QStringLiteral("revoke")}, {QStringLiteral("reason"), QStringLiteral("签约协议系伪造")}})
                     .status,
                 200);
        QCOMPARE(d.call(POST, QStringLiteral("/api/v1/records/%1/review").arg(recognised), reviewer, {{QStringLiteral("action"), QStringLiteral("recognise")}})
                     .status,
                 200);
        QCOMPARE(d.call(GET, QStringLiteral("/api/v1/quarters/3/snapshot"), leader).body, snap.body);
        QVERIFY(QuarterSignOffs::verify(d.server->store()).isEmpty());

        const QJsonObject changes = d.call(GET, QStringLiteral("/api/v1/quarters/3/changes"), leader).json;
        QHash<QString, QJsonObject> records;
        for (const QJsonValue &v : changes.value(QStringLiteral("records")).toArray())
            records.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.value(revoked).value(QStringLiteral("before")).toString(), QStringLiteral("已认定"));
        QCOMPARE(records.value(revoked).value(QStringLiteral("after")).toString(), QStringLiteral("虚假信息"));
        QCOMPARE(records.value(recognised).value(QStringLiteral("before")).toString(), QStringLiteral("待认定"));
        QCOMPARE(records.value(recognised).value(QStringLiteral("after")).toString(), QStringLiteral("已认定"));
        // Every unit total that moved (and none that did not) is listed, before and after as the score reports say, and
        // by how much.
        const QHash<QString, QString> nowTotals = d.totals(leader, 3);
        QHash<QString, QJsonObject> figureChanges;
        for (const QJsonValue &v : changes.value(QStringLiteral("figures")).toArray())
            figureChanges.insert(v.toObject().value(QStringLiteral("key")).toString(), v.toObject());
        for (auto it = nowTotals.begin(); it != nowTotals.end(); ++it) {
            const QJsonObject f = figureChanges.value(QStringLiteral("unit/%1/total").arg(it.key()));
            if (it.value() == signedTotals.value(it.key())) {
                QVERIFY(f.isEmpty());
                continue;
            }
            QCOMPARE(f.value(QStringLiteral("before")).toString(), signedTotals.value(it.key()));
            QCOMPARE(f.value(QStringLiteral("after")).toString(), it.value());
            const ledger::Points delta = *ledger::Points::parse(it.value()) - *ledger::Points::parse(signedTotals.value(it.key()));
            QCOMPARE(f.value(QStringLiteral("change")).toString(), delta < ledger::Points() ? delta.toString() : u'+' + delta.toString());
        }
        // The revoked funds leave the zone's funds smaller by their amount.
        const bool fundsFell = std::any_of(figureChanges.begin(), figureChanges.end(), [](const QJsonObject &f) {
            return f.value(QStringLiteral("key")).toString().startsWith(QStringLiteral("zone/")) && f.value(QStringLiteral("change")).toString().startsWith(u'-');
        });
        QVERIFY(fundsFell);

        // The signed notice stays the snapshot's; the next quarter's carries the changes.
        const QJsonObject signedNotice = d.call(GET, QStringLiteral("/api/v1/quarters/3/notice"), leader).json;
        QCOMPARE(signedNotice, snapshot.value(QStringLiteral("notice")).toObject());
        QCOMPARE(signedNotice.value(QStringLiteral("mark")).toString(), QStringLiteral("已签认（2023年10月8日，王明辉）"));
        const QJsonObject next = d.call(GET, QStringLiteral("/api/v1/quarters/4/notice"), leader).json;
        QVERIFY(next.value(QStringLiteral("mark")).toString().startsWith(QStringLiteral("暂定")));
        const QJsonArray sections = next.value(QStringLiteral("sections")).toArray();
        const QJsonObject carried = sections.last().toObject();
        QCOMPARE(carried.value(QStringLiteral("heading")).toString(), QStringLiteral("七、2023年第3季度签认后的变动"));
        const QByteArray carriedText = QJsonDocument(carried).toJson();
        QVERIFY(carriedText.contains(records.value(revoked).value(QStringLiteral("caption")).toString().toUtf8()));
        QVERIFY(carriedText.contains("虚假信息"));
        // The PDF and workbook of the signed quarter are the snapshot's, marked as signed; asking
        // for another number or date is refused naming it.
        const Reply pdf = d.call(GET, QStringLiteral("/api/v1/exports/score_notice.pdf"), leader, {}, {{QStringLiteral("quarter"), QStringLiteral("3")}});
        QCOMPARE(pdf.status, 200);
        QVERIFY(pdf.body.startsWith("%PDF-"));
        const Reply other = d.call(GET, QStringLiteral("/api/v1/exports/score_notice.pdf"), leader, {},
                                   {{QStringLiteral("quarter"), QStringLiteral("3")}, {QStringLiteral("number"), QStringLiteral("开招商〔2023〕99号")}});
        QCOMPARE(other.status, 409);
        QCOMPARE(other.field(), QStringLiteral("number"));
    }

    // The database keeps a signed row as it is; one changed behind the server's back (the
    // trigger dropped) no longer matches the hash the audit chain holds, and verify says so.
    void aChangedSnapshotIsFound()
    {
        Demo d;
        const QString reviewer = d.signIn(QStringLiteral("isb1")), leader = d.signIn(QStringLiteral("pgo2"));
        QCOMPARE(d.call(POST, QStringLiteral("/api/v1/quarters/2/close"), reviewer).status, 200);
        QCOMPARE(d.signOff(leader, 2, QStringLiteral("开招商〔2023〕8号"), QStringLiteral("2023-07-10")).value(QStringLiteral("state")).toString(),
                 QStringLiteral("signed"));
        Store &store = d.server->store();
        const auto exec = [&](const QString &sql) { store.write([&](ledger::Database &db) { db.exec(sql); }); };
        QVERIFY_THROWS_EXCEPTION(std::exception, exec(QStringLiteral("UPDATE quarter_signoffs SET number = 'x'")));
        QVERIFY_THROWS_EXCEPTION(std::exception, exec(QStringLiteral("DELETE FROM quarter_signoffs")));
        QVERIFY(QuarterSignOffs::verify(store).isEmpty());

        exec(QStringLiteral("DROP TRIGGER quarter_signed_no_update; UPDATE quarter_signoffs SET snapshot = replace(snapshot, '开招商〔2023〕8号', '开招商〔2023〕9号')"));
        const QStringList problems = QuarterSignOffs::verify(store);
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(QStringLiteral("2023-Q2's signed snapshot differs")), qPrintable(problems.first()));

        exec(QStringLiteral("DROP TRIGGER quarter_signed_no_delete; DELETE FROM quarter_signoffs"));
        QVERIFY2(QuarterSignOffs::verify(store).join(u'\n').contains(QStringLiteral("its snapshot is gone")), qPrintable(QuarterSignOffs::verify(store).join(u'\n')));
    }

    // /status needs sign-in by default; made public it opens without, naming no person.
    void theStatusPageNeedsSignInUnlessPublic()
    {
        Demo d;
        QCOMPARE(d.call(GET, QStringLiteral("/status")).status, 401);
        const Reply page = d.call(GET, QStringLiteral("/status"), d.signIn(QStringLiteral("pgo3")));
        QCOMPARE(page.status, 200);
        const QStringList people = d.server->store().withLedger([](const ledger::Ledger &l) {
            QStringList names;
            for (const ledger::Person &p : l.people())
                names << p.name;
            return names;
        });
        QVERIFY(std::any_of(people.begin(), people.end(), [&](const QString &n) { return page.body.contains(n.toUtf8()); }));

        Demo open(true);
        const Reply anyone = open.call(GET, QStringLiteral("/status"));
        QCOMPARE(anyone.status, 200);
        QVERIFY(anyone.body.contains("评先情况"));
        for (const QString &name : people)
            QVERIFY2(!anyone.body.contains(name.toUtf8()), qPrintable(name));
    }
};

QTEST_GUILESS_MAIN(TestSignOff)
#include "tst_signoff.moc"
