// Roles, tight: only the units' staff write their unit's records (reviewers their own kind, the
// discretionary points); a proof file is read only by those who may read a record citing it; an
// enterprise is edited by the unit that added it or the bureau; nobody decides on a record they
// wrote or are credited on; the supervisor lists every decision on the bureau's records. And the
// role × endpoint matrix over every route the router has.
#include "serverfixture.h"

#include <QCryptographicHash>
#include <QUrlQuery>

using namespace syncserver;
using namespace syncserver::test;
using ledger::Role;

namespace {

const QString GET = QStringLiteral("GET");
const QString POST = QStringLiteral("POST");
const QString PUT = QStringLiteral("PUT");
const QString Password = QStringLiteral("password-123");

QJsonObject result(const Reply &r, int i = 0) { return r.json.value(QStringLiteral("results")).toArray().at(i).toObject(); }
QString status(const Reply &r, int i = 0) { return result(r, i).value(QStringLiteral("status")).toString(); }
// The rule's code of a rejected mutation ("detail"), and the field it names.
QString rejectedCode(const Reply &r, int i = 0)
{
    return result(r, i).value(QStringLiteral("error")).toObject().value(QStringLiteral("detail")).toObject().value(QStringLiteral("code")).toString();
}
QString rejectedField(const Reply &r, int i = 0) { return result(r, i).value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(); }
QString detailCode(const Reply &r)
{
    return r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("detail")).toObject().value(QStringLiteral("code")).toString();
}

void addUser(Fixture &f, const char *login, const char *unit, QList<Role> roles)
{
    f.server->accounts().createUser(QString::fromLatin1(login), QString::fromLatin1(login), QString::fromLatin1(unit), roles, Password,
                                    Actor{QStringLiteral("system"), QStringLiteral("test")});
}

QJsonObject withField(QJsonObject o, const QString &key, const QJsonValue &v)
{
    o.insert(key, v);
    return o;
}

// A lead crediting `people` (ids) rather than its author.
QJsonObject leadCrediting(const Client &author, const QString &unit, const QStringList &people)
{
    QJsonObject lead = leadJson(author, unit);
    QJsonObject credit = lead.value(QStringLiteral("credit")).toObject();
    credit.insert(QStringLiteral("people"), QJsonArray::fromStringList(people));
    lead.insert(QStringLiteral("credit"), credit);
    return lead;
}

QJsonObject awardJson(const QString &unit)
{
    ledger::Award a;
    a.meta.id = ledger::RecordId::create();
    a.meta.credit.unit = ledger::UnitCode(unit);
    a.category = ledger::AwardCategory::Fortune500;
    a.points = ledger::Points::whole(1);
    a.reason = QStringLiteral("引进世界500强企业，经领导小组研究加1分");
    a.date = QDate(2023, 11, 20);
    return ledger::wire::encode(ledger::Record(a));
}

QJsonObject headquartersJson(const QString &unit)
{
    ledger::HeadquartersClaim h;
    h.meta.id = ledger::RecordId::create();
    h.meta.credit.unit = ledger::UnitCode(unit);
    h.enterprise = ledger::EnterpriseId::create();
    h.type = ledger::HeadquartersType::ImportExport;
    h.date = QDate(2023, 11, 20);
    h.agreementDate = QDate(2023, 3, 1);
    h.businessRegistered = true;
    h.taxRegistered = true;
    h.importExport = ledger::Money::parse(QStringLiteral("35000000.00"), ledger::Currency::CNY).value();
    return ledger::wire::encode(ledger::Record(h));
}

QJsonObject enterpriseJson(const QString &name)
{
    ledger::Enterprise e;
    e.id = ledger::EnterpriseId::create();
    e.name = name;
    e.address = QStringLiteral("新乡经济开发区");
    return ledger::wire::encode(e);
}

const QByteArray Pdf = "%PDF-1.4\n" + QByteArray(3000, 'p') + "\n%%EOF\n";

QString shaOf(const QByteArray &bytes) { return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()); }

Reply upload(Fixture &f, const Client &c, const QByteArray &file)
{
    Request r;
    r.method = PUT;
    r.path = QStringLiteral("/api/v1/attachments/") + shaOf(file);
    r.query = {{QStringLiteral("offset"), QStringLiteral("0")}, {QStringLiteral("size"), QString::number(file.size())}};
    r.headers = {{"x-ledger-protocol", "1"}, {"x-ledger-schema", "1"}, {"authorization", "Bearer " + c.token.toLatin1()}, {"content-type", "application/pdf"}};
    r.body = file;
    return f.raw(r);
}

// A project of `unit` and its signing, the agreement attached as `file`.
QList<QJsonObject> signingWithProof(const QString &unit, const QByteArray &file)
{
    ledger::Project p;
    p.meta.id = ledger::RecordId::create();
    p.meta.credit.unit = ledger::UnitCode(unit);
    p.enterprise = ledger::EnterpriseId::create();
    p.name = QStringLiteral("精细化工项目");
    p.investment = ledger::Money::yuan(600000000);
    p.talksSince = QDate(2023, 3, 1);
    ledger::Milestone m;
    m.meta.id = ledger::RecordId::create();
    m.meta.credit.unit = ledger::UnitCode(unit);
    m.project = p.meta.id;
    m.date = QDate(2023, 6, 1);
    ledger::Attachment a;
    a.sha256 = *ledger::AttachmentHash::parse(shaOf(file));
    a.name = QStringLiteral("投资协议.pdf");
    a.mimeType = QStringLiteral("application/pdf");
    a.size = file.size();
    m.evidence = {a};
    return {ledger::wire::encode(ledger::Record(p)), ledger::wire::encode(ledger::Record(m))};
}

QString review(Fixture &f, const Client &who, const QString &id, const QString &action, const QString &reason = QStringLiteral("请补充材料"))
{
    const Reply r = f.call(POST, QStringLiteral("/api/v1/records/%1/review").arg(id), &who,
                           QJsonObject{{QStringLiteral("action"), action}, {QStringLiteral("reason"), reason}});
    return r.status == 200 ? r.json.value(QStringLiteral("review")).toObject().value(QStringLiteral("state")).toString()
                           : QString::number(r.status) + u' ' + detailCode(r) + u' ' + r.errorField();
}

// A fingerprint of what a refused request must not change.
QByteArray ledgerState(Fixture &f)
{
    return f.server->store().read([](ledger::Database &db) {
        QByteArray out;
        for (const char *sql : {"SELECT id, json, seq, deleted FROM entities ORDER BY id", "SELECT unit, person, share FROM pool_shares ORDER BY unit, person",
                                "SELECT id, active, password_hash FROM users ORDER BY id", "SELECT id, revoked FROM devices ORDER BY id",
                                "SELECT id, resolved_at FROM conflicts ORDER BY id",
                                "SELECT year, quarter, state, sha256 FROM quarter_signoffs ORDER BY year, quarter"}) {
            ledger::Statement s = db.prepare(QString::fromLatin1(sql));
            while (s.step())
                for (int i = 0; i < s.columnCount(); ++i)
                    out += s.columnText(i).toUtf8() + '|';
        }
        return out;
    });
}

// ---- the matrix ---------------------------------------------------------------------------------

// Everyone the matrix tries, as the fixture makes them: reviewer (ISB, staff + reviewer), pgo1
// (PGO staff), pgo2 (PGO staff + contact), eee1 (EEE staff), super (PGO supervisor), leader (ISB
// leader), admin (ISB administrator).
const QStringList Everyone{QStringLiteral("reviewer"), QStringLiteral("pgo1"), QStringLiteral("pgo2"), QStringLiteral("eee1"),
                           QStringLiteral("super"), QStringLiteral("leader"), QStringLiteral("admin")};

// One cell row: a request on one route, and who may make it. For a push, "allowed" means the
// mutation was applied (a refused one is answered 200 with the mutation rejected).
struct Cell
{
    const char *route; // "METHOD /pattern" as the router lists it
    const char *name;
    const char *path;  // with placeholders (see World::fill)
    const char *body;
    QStringList allowed;
};

// What every cell runs against: each unit's records, a proof file, a conflict, a record the
// reviewer wrote.
struct World
{
    Client pgo1, pgo2, eee1, reviewer;
    QString pgoRecord, eeeRecord, isbRecord, sha, conflict;

    explicit World(Fixture &f)
        : pgo1(f.signIn("pgo1"))
        , pgo2(f.signIn("pgo2"))
        , eee1(f.signIn("eee1"))
        , reviewer(f.signIn("reviewer"))
    {
        const QJsonObject lead = leadJson(pgo1, QStringLiteral("PGO"));
        pgoRecord = lead.value(QStringLiteral("id")).toString();
        f.push(pgo1, {lead});
        const QJsonObject eeeLead = leadJson(eee1, QStringLiteral("EEE"));
        eeeRecord = eeeLead.value(QStringLiteral("id")).toString();
        f.push(eee1, {eeeLead});
        const QJsonObject isbLead = leadJson(reviewer, QStringLiteral("ISB"));
        isbRecord = isbLead.value(QStringLiteral("id")).toString();
        f.push(reviewer, {isbLead});
        // A conflict: the contact and the author change the intention from the same version.
        const qint64 version = f.call(GET, QStringLiteral("/api/v1/records/") + pgoRecord, &pgo1).json.value(QStringLiteral("version")).toInteger();
        f.push(pgo2, {withField(lead, QStringLiteral("intention"), QStringLiteral("联络员改"))}, version, {QStringLiteral("intention")});
        f.push(pgo1, {withField(lead, QStringLiteral("intention"), QStringLiteral("填报人改"))}, version, {QStringLiteral("intention")});
        conflict = QString::number(f.call(GET, QStringLiteral("/api/v1/conflicts"), &pgo1)
                                       .json.value(QStringLiteral("conflicts")).toArray().first().toObject().value(QStringLiteral("id")).toInteger());
        sha = shaOf(Pdf);
        upload(f, pgo1, Pdf);
        f.push(pgo1, signingWithProof(QStringLiteral("PGO"), Pdf));
        // The first quarter signed off, the second closed and waiting for the leader.
        const Client leader = f.signIn("leader");
        f.call(POST, QStringLiteral("/api/v1/quarters/1/close"), &reviewer);
        f.call(POST, QStringLiteral("/api/v1/quarters/1/signoff"), &leader,
               QJsonObject{{QStringLiteral("number"), QStringLiteral("开招商〔2023〕4号")}, {QStringLiteral("date"), QStringLiteral("2023-04-08")}});
        f.call(POST, QStringLiteral("/api/v1/quarters/2/close"), &reviewer);
    }

    [[nodiscard]] QString fill(QString text, const Client &who) const
    {
        text.replace(QStringLiteral("PGOREC"), pgoRecord);
        text.replace(QStringLiteral("EEEREC"), eeeRecord);
        text.replace(QStringLiteral("ISBREC"), isbRecord);
        text.replace(QStringLiteral("NEWSHA"), shaOf(Pdf + "new"));
        text.replace(QStringLiteral("SHA"), sha);
        text.replace(QStringLiteral("CONFLICT"), conflict);
        text.replace(QStringLiteral("PGO1ID"), pgo1.userId);
        text.replace(QStringLiteral("PGO1DEVICE"), pgo1.device);
        text.replace(QStringLiteral("SELF"), who.userId);
        text.replace(QStringLiteral("LOGIN"), who.login);
        text.replace(QStringLiteral("REFRESH"), who.refreshToken);
        text.replace(QStringLiteral("NEWDEVICE"), ledger::RecordId::create().toString());
        text.replace(QStringLiteral("DEVICE"), who.device);
        return text;
    }
};

QStringList all() { return Everyone; }
QStringList readers() { return {QStringLiteral("reviewer"), QStringLiteral("super"), QStringLiteral("leader"), QStringLiteral("admin")}; }
QStringList pgoReaders() { return readers() + QStringList{QStringLiteral("pgo1"), QStringLiteral("pgo2")}; }

// A new lead for the unit, as a push body (the placeholders filled in per person).
QByteArray pushOf(const QString &unit)
{
    Client nobody;
    nobody.userId = ledger::PersonId::create().toString();
    QJsonObject lead = leadJson(nobody, unit);
    lead.insert(QStringLiteral("credit"), QJsonObject{{QStringLiteral("unit"), unit}, {QStringLiteral("people"), QJsonArray{}}});
    return QJsonDocument(QJsonObject{{QStringLiteral("device"), QStringLiteral("DEVICE")},
                                     {QStringLiteral("mutations"), QJsonArray{QJsonObject{{QStringLiteral("n"), 1}, {QStringLiteral("op"), QStringLiteral("upsert")},
                                                                                           {QStringLiteral("entity"), lead}, {QStringLiteral("baseVersion"), 0}}}}})
        .toJson(QJsonDocument::Compact);
}

QByteArray pushAward()
{
    return QJsonDocument(QJsonObject{{QStringLiteral("device"), QStringLiteral("DEVICE")},
                                     {QStringLiteral("mutations"), QJsonArray{QJsonObject{{QStringLiteral("n"), 1}, {QStringLiteral("op"), QStringLiteral("upsert")},
                                                                                           {QStringLiteral("entity"), awardJson(QStringLiteral("EEE"))},
                                                                                           {QStringLiteral("baseVersion"), 0}}}}})
        .toJson(QJsonDocument::Compact);
}

const QList<Cell> &cells()
{
    static const QByteArray pgoPush = pushOf(QStringLiteral("PGO")), isbPush = pushOf(QStringLiteral("ISB")), award = pushAward();
    static const QList<Cell> list{
        {"GET /api/v1/health", "health", "/api/v1/health", "", all()},
        {"GET /status", "status page", "/status", "", all()},
        {"POST /api/v1/auth/login", "sign in", "/api/v1/auth/login", R"({"login":"LOGIN","password":"password-123","device":{"id":"NEWDEVICE"}})", all()},
        {"POST /api/v1/auth/refresh", "refresh", "/api/v1/auth/refresh", R"({"refreshToken":"REFRESH","device":"DEVICE"})", all()},
        {"POST /api/v1/auth/logout", "sign out", "/api/v1/auth/logout", "", all()},
        {"GET /api/v1/me", "who am I", "/api/v1/me", "", all()},
        {"POST /api/v1/sync/push", "push a PGO record", "/api/v1/sync/push", pgoPush.constData(), {QStringLiteral("pgo1"), QStringLiteral("pgo2")}},
        {"POST /api/v1/sync/push", "push an ISB record", "/api/v1/sync/push", isbPush.constData(), {QStringLiteral("reviewer")}},
        {"POST /api/v1/sync/push", "push discretionary points", "/api/v1/sync/push", award.constData(), {QStringLiteral("reviewer")}},
        {"GET /api/v1/sync/pull", "pull", "/api/v1/sync/pull", "", all()},
        {"GET /api/v1/sync/rejected", "rejected", "/api/v1/sync/rejected", "", all()},
        {"GET /api/v1/conflicts", "conflicts", "/api/v1/conflicts", "", all()},
        {"POST /api/v1/conflicts/:id/resolve", "resolve pgo1's conflict", "/api/v1/conflicts/CONFLICT/resolve", R"({"keep":"server"})",
         {QStringLiteral("reviewer"), QStringLiteral("pgo1"), QStringLiteral("pgo2")}},
        {"GET /api/v1/records/:id", "read a PGO record", "/api/v1/records/PGOREC", "", pgoReaders()},
        {"GET /api/v1/records/:id", "read an EEE record", "/api/v1/records/EEEREC", "", readers() + QStringList{QStringLiteral("eee1")}},
        {"POST /api/v1/records/:id/review", "return a PGO record", "/api/v1/records/PGOREC/review", R"({"action":"return","reason":"请补充"})",
         {QStringLiteral("reviewer")}},
        {"POST /api/v1/records/:id/review", "return the reviewer's own record", "/api/v1/records/ISBREC/review", R"({"action":"return","reason":"请补充"})", {}},
        // EEE's lead names the enterprise PGO's lead named first, in the same month: it is a claim on it.
        {"POST /api/v1/records/:id/claim", "keep PGO's lead over EEE's claim", "/api/v1/records/EEEREC/claim",
         R"({"decision":"keep_first","reason":"党政办先行备案"})", {QStringLiteral("reviewer")}},
        {"GET /api/v1/review/duplicates", "suspected duplicates", "/api/v1/review/duplicates", "", readers()},
        {"GET /api/v1/review/inbox", "inbox", "/api/v1/review/inbox", "", readers() + QStringList{QStringLiteral("pgo2")}},
        {"GET /api/v1/review/decisions", "decisions on the bureau's records", "/api/v1/review/decisions?unit=ISB", "",
         {QStringLiteral("super"), QStringLiteral("admin")}},
        {"GET /api/v1/scores", "scores", "/api/v1/scores", "", all()},
        {"PUT /api/v1/pools/:unit/shares", "PGO's pool shares", "/api/v1/pools/PGO/shares", R"({"shares":{}})", {QStringLiteral("pgo2")}},
        {"GET /api/v1/exports/:table", "export PGO's leads", "/api/v1/exports/leads.csv?unit=PGO", "", pgoReaders()},
        {"GET /api/v1/exports/:table", "export EEE's leads", "/api/v1/exports/leads.csv?unit=EEE", "", readers() + QStringList{QStringLiteral("eee1")}},
        {"PUT /api/v1/attachments/:sha", "upload", "/api/v1/attachments/NEWSHA?offset=0&size=10", "%PDF-1.4\n", all()},
        {"GET /api/v1/attachments/:sha/status", "upload status", "/api/v1/attachments/SHA/status", "", all()},
        {"GET /api/v1/attachments/:sha", "PGO's proof file", "/api/v1/attachments/SHA", "", pgoReaders()},
        {"GET /api/v1/users", "list accounts", "/api/v1/users", "", {QStringLiteral("super"), QStringLiteral("admin")}},
        {"POST /api/v1/users", "create an account", "/api/v1/users",
         R"({"login":"newbie","name":"新人","unit":"PGO","roles":["staff"],"password":"password-123"})", {QStringLiteral("admin")}},
        {"POST /api/v1/users/:id/disable", "disable pgo1", "/api/v1/users/PGO1ID/disable", "", {QStringLiteral("admin")}},
        {"POST /api/v1/users/:id/enable", "enable pgo1", "/api/v1/users/PGO1ID/enable", "", {QStringLiteral("admin")}},
        {"POST /api/v1/users/:id/password", "pgo1's password", "/api/v1/users/PGO1ID/password",
         R"({"password":"new-password-1","currentPassword":"password-123"})", {QStringLiteral("pgo1"), QStringLiteral("admin")}},
        {"GET /api/v1/devices", "list devices", "/api/v1/devices", "", {QStringLiteral("admin")}},
        {"POST /api/v1/devices/:id/revoke", "revoke pgo1's tablet", "/api/v1/devices/PGO1DEVICE/revoke", "", {QStringLiteral("admin")}},
        {"GET /api/v1/audit", "audit log", "/api/v1/audit", "", {QStringLiteral("super"), QStringLiteral("admin")}},
        {"GET /api/v1/scheme", "the scheme", "/api/v1/scheme", "", all()},
        {"POST /api/v1/import", "import a ledger (dry run)", "/api/v1/import?name=leads.csv&dryRun=1",
         "报送月份,企业名称,投资意向,报送单位,报送人\r\n2023-03,甲公司,拟投资,ISB,吕岩\r\n", {QStringLiteral("reviewer")}},
        {"GET /api/v1/quarters", "the quarters", "/api/v1/quarters", "", all()},
        {"POST /api/v1/quarters/:quarter/close", "close Q3", "/api/v1/quarters/3/close", "", {QStringLiteral("reviewer")}},
        {"POST /api/v1/quarters/:quarter/reopen", "reopen Q2", "/api/v1/quarters/2/reopen", "", {QStringLiteral("reviewer"), QStringLiteral("leader")}},
        {"POST /api/v1/quarters/:quarter/signoff", "sign Q2 off", "/api/v1/quarters/2/signoff", R"({"number":"开招商〔2023〕8号","date":"2023-07-08"})",
         {QStringLiteral("leader")}},
        {"GET /api/v1/quarters/:quarter/snapshot", "Q1's snapshot", "/api/v1/quarters/1/snapshot", "", readers()},
        {"GET /api/v1/quarters/:quarter/changes", "changes since Q1", "/api/v1/quarters/1/changes", "", readers()},
        {"GET /api/v1/quarters/:quarter/notice", "Q3's notice", "/api/v1/quarters/3/notice", "", readers()},
        {"GET /office", "the office page", "/office", "", all()},
        {"GET /office/:file", "the office script", "/office/office.js", "", all()},
        {"GET /api/v1/office/views/:view", "the quarter by task", "/api/v1/office/views/tasks?quarter=3", "", all()},
        {"GET /api/v1/office/exports", "the exports' list", "/api/v1/office/exports", "", all()},
    };
    return list;
}

} // namespace

class TestRoles : public QObject
{
    Q_OBJECT

private slots:
    // ---- who writes ----

    // Accounts with only the leader's, the supervisor's or the administrator's role enter nothing,
    // not even for their own unit.
    void onlyStaffWriteRecords()
    {
        Fixture f;
        for (const char *login : {"leader", "admin", "super"}) {
            Client c = f.signIn(login);
            const Reply r = f.push(c, {leadJson(c, c.unit), enterpriseJson(QStringLiteral("某企业"))});
            QCOMPARE(status(r, 0), QStringLiteral("rejected"));
            QCOMPARE(rejectedCode(r, 0), QStringLiteral("not_a_writer"));
            QCOMPARE(rejectedField(r, 0), QStringLiteral("entity"));
            QCOMPARE(status(r, 1), QStringLiteral("rejected"));
            QCOMPARE(rejectedCode(r, 1), QStringLiteral("not_a_writer"));
        }
        Client staff = f.signIn("pgo1");
        QCOMPARE(status(f.push(staff, {leadJson(staff, QStringLiteral("PGO"))})), QStringLiteral("applied"));
        const Reply other = f.push(staff, {leadJson(staff, QStringLiteral("EEE"))});
        QCOMPARE(rejectedCode(other), QStringLiteral("other_unit_record"));
        QCOMPARE(rejectedField(other), QStringLiteral("entity.credit.unit"));
    }

    // Reviewers enter their own kind, discretionary points, for any unit; staff cannot; a reviewer
    // who is not also staff enters no unit records.
    void reviewersEnterTheirOwnKind()
    {
        Fixture f;
        addUser(f, "rev2", "ISB", {Role::Reviewer});
        Client reviewer = f.signIn("reviewer"), rev2 = f.signIn("rev2"), staff = f.signIn("eee1");
        QCOMPARE(status(f.push(reviewer, {awardJson(QStringLiteral("EEE"))})), QStringLiteral("applied"));
        QCOMPARE(status(f.push(rev2, {awardJson(QStringLiteral("PGO"))})), QStringLiteral("applied"));
        const Reply byStaff = f.push(staff, {awardJson(QStringLiteral("EEE"))});
        QCOMPARE(rejectedCode(byStaff), QStringLiteral("award_by_reviewer"));
        QCOMPARE(rejectedField(byStaff), QStringLiteral("entity.kind"));
        const Reply unitRecord = f.push(rev2, {leadJson(rev2, QStringLiteral("ISB"))});
        QCOMPARE(rejectedCode(unitRecord), QStringLiteral("not_a_writer"));
        QCOMPARE(status(f.push(reviewer, {leadJson(reviewer, QStringLiteral("ISB"))})), QStringLiteral("applied"));
    }

    // A headquarters claim is filed by the unit's staff for their unit, or entered by a reviewer for
    // any unit; a reviewer edits only the claims they entered, and another reviewer decides them.
    void headquartersClaimsByTheUnitOrTheBureau()
    {
        Fixture f;
        addUser(f, "rev2", "ISB", {Role::Reviewer});
        Client reviewer = f.signIn("reviewer"), rev2 = f.signIn("rev2"), staff = f.signIn("eee1"), pgo = f.signIn("pgo1");
        const QJsonObject byBureau = headquartersJson(QStringLiteral("EEE"));
        QCOMPARE(status(f.push(rev2, {byBureau})), QStringLiteral("applied"));
        const QJsonObject byUnit = headquartersJson(QStringLiteral("EEE"));
        QCOMPARE(status(f.push(staff, {byUnit})), QStringLiteral("applied"));
        // Staff still only for their own unit.
        const Reply other = f.push(pgo, {headquartersJson(QStringLiteral("EEE"))});
        QCOMPARE(rejectedCode(other), QStringLiteral("other_unit_record"));
        // The reviewer who entered it edits it; another reviewer may not, nor may the unit's staff.
        QJsonObject edited = byBureau;
        edited.insert(QStringLiteral("date"), QStringLiteral("2023-11-21"));
        QCOMPARE(status(f.push(rev2, {edited}, 999, {QStringLiteral("date")})), QStringLiteral("applied"));
        QCOMPARE(rejectedCode(f.push(reviewer, {edited}, 999, {QStringLiteral("date")})), QStringLiteral("review_not_editor"));
        QJsonObject unitEdit = byUnit;
        unitEdit.insert(QStringLiteral("date"), QStringLiteral("2023-11-22"));
        QCOMPARE(rejectedCode(f.push(rev2, {unitEdit}, 999, {QStringLiteral("date")})), QStringLiteral("review_not_editor"));
        // Decided by a reviewer who did not enter it.
        const QString id = byBureau.value(QStringLiteral("id")).toString();
        QCOMPARE(review(f, rev2, id, QStringLiteral("return")), QStringLiteral("403 review_own_record author"));
    }

    // A person who lost the staff role no longer changes or deletes what they wrote.
    void formerStaffNoLongerEditTheirRecords()
    {
        Fixture f;
        addUser(f, "was", "PGO", {Role::Staff});
        Client was = f.signIn("was");
        const QJsonObject lead = leadJson(was, QStringLiteral("PGO"));
        f.push(was, {lead});
        const User u = *f.server->accounts().user(QStringLiteral("was"));
        f.server->store().write([&](ledger::Database &db) {
            ledger::Statement s = db.prepare(QStringLiteral("UPDATE users SET roles = 'leader' WHERE id = ?"));
            s.bind(1, u.id);
            s.exec();
        });
        const Reply edit = f.push(was, {withField(lead, QStringLiteral("source"), QStringLiteral("改"))}, 999, {QStringLiteral("source")});
        QCOMPARE(rejectedCode(edit), QStringLiteral("not_a_writer"));
        const Reply del = f.pushRaw(was, QJsonArray{QJsonObject{{QStringLiteral("n"), was.nextMutation++}, {QStringLiteral("op"), QStringLiteral("delete")},
                                                                {QStringLiteral("id"), lead.value(QStringLiteral("id"))}, {QStringLiteral("baseVersion"), 999}}});
        QCOMPARE(rejectedCode(del), QStringLiteral("not_a_writer"));
        QCOMPARE(rejectedField(del), QStringLiteral("id"));
    }

    // ---- proof files ----

    // Staff and the contact of another unit get 404 for a proof file as for the record citing it;
    // the unit's own people and those who read every unit get the file. A hash merely quoted in
    // a record's text opens nothing.
    void aProofFileIsReadOnlyWithARecordCitingIt()
    {
        Fixture f;
        addUser(f, "eeec", "EEE", {Role::Staff, Role::UnitContact});
        Client pgo = f.signIn("pgo1"), eee = f.signIn("eee1"), eeeContact = f.signIn("eeec");
        const QString sha = shaOf(Pdf);
        QCOMPARE(upload(f, pgo, Pdf).json.value(QStringLiteral("complete")).toBool(), true);
        const QList<QJsonObject> records = signingWithProof(QStringLiteral("PGO"), Pdf);
        const Reply pushed = f.push(pgo, records);
        QCOMPARE(status(pushed, 1), QStringLiteral("applied"));
        const QString path = QStringLiteral("/api/v1/attachments/") + sha;
        for (const Client *c : {&eee, &eeeContact}) {
            const Reply r = f.call(GET, path, c);
            QCOMPARE(r.status, 404);
            QCOMPARE(detailCode(r), QStringLiteral("no_such_file"));
            QCOMPARE(r.errorField(), QStringLiteral("sha"));
            QVERIFY(!r.body.contains("%PDF"));
            QCOMPARE(f.call(GET, QStringLiteral("/api/v1/records/") + records[1].value(QStringLiteral("id")).toString(), c).status, 404);
        }
        for (const char *login : {"pgo1", "pgo2", "reviewer", "super", "leader", "admin"}) {
            const Client c = f.signIn(login);
            QCOMPARE(f.call(GET, path, &c).body, Pdf);
        }
        // Quoting the hash in one's own record's text does not make the file one's own.
        const Reply quoted = f.push(eee, {leadJson(eee, QStringLiteral("EEE"), QDate(2023, 11, 3), QStringLiteral("见协议 ") + sha)});
        QCOMPARE(status(quoted), QStringLiteral("applied"));
        QCOMPARE(f.call(GET, path, &eee).status, 404);
        // Once the citing record is gone, so is the file for its unit's staff.
        const QString milestone = records[1].value(QStringLiteral("id")).toString();
        const qint64 version = f.call(GET, QStringLiteral("/api/v1/records/") + milestone, &pgo).json.value(QStringLiteral("version")).toInteger();
        f.pushRaw(pgo, QJsonArray{QJsonObject{{QStringLiteral("n"), pgo.nextMutation++}, {QStringLiteral("op"), QStringLiteral("delete")},
                                              {QStringLiteral("id"), milestone}, {QStringLiteral("baseVersion"), version}}});
        QCOMPARE(f.call(GET, path, &pgo).status, 404);
    }

    // ---- enterprises ----

    // An enterprise is renamed or moved by the unit that added it (any of its people) or the
    // bureau's reviewers, and by nobody else.
    void anEnterpriseIsEditedByItsUnitOrTheBureau()
    {
        Fixture f;
        Client pgo1 = f.signIn("pgo1"), pgo2 = f.signIn("pgo2"), eee = f.signIn("eee1"), reviewer = f.signIn("reviewer");
        const QJsonObject e = enterpriseJson(QStringLiteral("河南某化工有限公司"));
        const QString id = e.value(QStringLiteral("id")).toString();
        QCOMPARE(status(f.push(pgo1, {e})), QStringLiteral("applied"));
        const QByteArray before = ledgerState(f);
        const Reply renamed = f.push(eee, {withField(e, QStringLiteral("name"), QStringLiteral("改名"))}, 999, {QStringLiteral("name")});
        QCOMPARE(status(renamed), QStringLiteral("rejected"));
        QCOMPARE(rejectedCode(renamed), QStringLiteral("enterprise_not_editor"));
        QCOMPARE(rejectedField(renamed), QStringLiteral("entity.id"));
        const Reply moved = f.push(eee, {withField(e, QStringLiteral("address"), QStringLiteral("郑州"))}, 999, {QStringLiteral("address")});
        QCOMPARE(rejectedCode(moved), QStringLiteral("enterprise_not_editor"));
        const Reply deleted = f.pushRaw(eee, QJsonArray{QJsonObject{{QStringLiteral("n"), eee.nextMutation++}, {QStringLiteral("op"), QStringLiteral("delete")},
                                                                    {QStringLiteral("id"), id}, {QStringLiteral("baseVersion"), 999}}});
        QCOMPARE(rejectedCode(deleted), QStringLiteral("enterprise_not_editor"));
        QCOMPARE(ledgerState(f), before);
        QCOMPARE(status(f.push(pgo2, {withField(e, QStringLiteral("name"), QStringLiteral("河南某精细化工有限公司"))}, 999, {QStringLiteral("name")})),
                 QStringLiteral("applied"));
        QCOMPARE(status(f.push(reviewer, {withField(e, QStringLiteral("address"), QStringLiteral("新乡经济开发区纬七路"))}, 999, {QStringLiteral("address")})),
                 QStringLiteral("applied"));
        const QJsonObject now = f.pullAll(eee).value(id);
        QCOMPARE(now.value(QStringLiteral("name")).toString(), QStringLiteral("河南某精细化工有限公司"));
        QCOMPARE(now.value(QStringLiteral("address")).toString(), QStringLiteral("新乡经济开发区纬七路"));
    }

    // ---- decisions ----

    // Nobody recognises, returns or revokes a record they wrote or are credited on; the bureau's
    // own records are decided by a reviewer with no stake in them.
    void nobodyDecidesOnTheirOwnRecord()
    {
        Fixture f;
        addUser(f, "rev2", "ISB", {Role::Staff, Role::Reviewer});
        addUser(f, "isb1", "ISB", {Role::Staff});
        Client reviewer = f.signIn("reviewer"), rev2 = f.signIn("rev2"), isb = f.signIn("isb1");
        const QJsonObject own = leadJson(reviewer, QStringLiteral("ISB"));
        const QString ownId = own.value(QStringLiteral("id")).toString();
        f.push(reviewer, {own});
        for (const char *action : {"recognise", "return", "revoke"})
            QCOMPARE(review(f, reviewer, ownId, QString::fromLatin1(action)), QStringLiteral("403 review_own_record author"));
        // Written by a colleague, crediting the reviewer: the same.
        const QJsonObject credited = leadCrediting(isb, QStringLiteral("ISB"), {isb.userId, reviewer.userId});
        const QString creditedId = credited.value(QStringLiteral("id")).toString();
        QCOMPARE(status(f.push(isb, {credited})), QStringLiteral("applied"));
        QCOMPARE(review(f, reviewer, creditedId, QStringLiteral("recognise")), QStringLiteral("403 review_own_record credit.people"));
        QCOMPARE(review(f, reviewer, creditedId, QStringLiteral("revoke")), QStringLiteral("403 review_own_record credit.people"));
        // Another reviewer of the bureau, with no stake, decides both.
        QCOMPARE(review(f, rev2, ownId, QStringLiteral("recognise")), QStringLiteral("recognised"));
        QCOMPARE(review(f, rev2, creditedId, QStringLiteral("return")), QStringLiteral("returned"));
        // A record of the reviewer's own unit with no stake of theirs is theirs to decide.
        const QJsonObject colleague = leadJson(isb, QStringLiteral("ISB"));
        f.push(isb, {colleague});
        QCOMPARE(review(f, reviewer, colleague.value(QStringLiteral("id")).toString(), QStringLiteral("recognise")), QStringLiteral("recognised"));
        // Discretionary points entered by one reviewer are revoked by another.
        const QJsonObject award = awardJson(QStringLiteral("EEE"));
        f.push(reviewer, {award});
        QCOMPARE(review(f, reviewer, award.value(QStringLiteral("id")).toString(), QStringLiteral("revoke"), QStringLiteral("重复加分")),
                 QStringLiteral("403 review_own_record author"));
        QCOMPARE(review(f, rev2, award.value(QStringLiteral("id")).toString(), QStringLiteral("revoke"), QStringLiteral("重复加分")), QStringLiteral("revoked"));
    }

    // The supervisor (党政办 in the scheme) lists every decision on the bureau's own records:
    // who decided, what, from which state to which, and why. Nobody else but an administrator may.
    void theSupervisorListsDecisionsOnTheBureausRecords()
    {
        Fixture f;
        addUser(f, "rev2", "ISB", {Role::Staff, Role::Reviewer});
        Client reviewer = f.signIn("reviewer"), rev2 = f.signIn("rev2"), eee = f.signIn("eee1"), super = f.signIn("super");
        const QJsonObject isbLead = leadJson(reviewer, QStringLiteral("ISB")), eeeLead = leadJson(eee, QStringLiteral("EEE"));
        f.push(reviewer, {isbLead});
        f.push(eee, {eeeLead});
        QCOMPARE(review(f, rev2, isbLead.value(QStringLiteral("id")).toString(), QStringLiteral("return"), QStringLiteral("请补充意向书")), QStringLiteral("returned"));
        QCOMPARE(review(f, reviewer, eeeLead.value(QStringLiteral("id")).toString(), QStringLiteral("recognise")), QStringLiteral("recognised"));
        const Reply isb = f.call(GET, QStringLiteral("/api/v1/review/decisions"), &super, {}, {{QStringLiteral("unit"), QStringLiteral("ISB")}});
        QCOMPARE(isb.status, 200);
        const QJsonArray list = isb.json.value(QStringLiteral("decisions")).toArray();
        QCOMPARE(list.size(), 1);
        const QJsonObject d = list.first().toObject();
        QCOMPARE(d.value(QStringLiteral("record")).toString(), isbLead.value(QStringLiteral("id")).toString());
        QCOMPARE(d.value(QStringLiteral("reviewer")).toString(), rev2.userId);
        QCOMPARE(d.value(QStringLiteral("reviewerName")).toString(), QStringLiteral("rev2"));
        QCOMPARE(d.value(QStringLiteral("action")).toString(), QStringLiteral("return"));
        QCOMPARE(d.value(QStringLiteral("from")).toString(), QStringLiteral("submitted"));
        QCOMPARE(d.value(QStringLiteral("to")).toString(), QStringLiteral("returned"));
        QCOMPARE(d.value(QStringLiteral("reason")).toString(), QStringLiteral("请补充意向书"));
        QCOMPARE(d.value(QStringLiteral("unit")).toString(), QStringLiteral("ISB"));
        QCOMPARE(d.value(QStringLiteral("kind")).toString(), QStringLiteral("lead"));
        // Every unit without the filter, paged after an entry.
        const Reply every = f.call(GET, QStringLiteral("/api/v1/review/decisions"), &super);
        QCOMPARE(every.json.value(QStringLiteral("decisions")).toArray().size(), 2);
        const Reply after = f.call(GET, QStringLiteral("/api/v1/review/decisions"), &super, {},
                                   {{QStringLiteral("after"), QString::number(d.value(QStringLiteral("audit")).toInteger())}});
        QCOMPARE(after.json.value(QStringLiteral("decisions")).toArray().size(), 1);
        const Reply unknown = f.call(GET, QStringLiteral("/api/v1/review/decisions"), &super, {}, {{QStringLiteral("unit"), QStringLiteral("XYZ")}});
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.errorField(), QStringLiteral("unit"));
        QCOMPARE(detailCode(unknown), QStringLiteral("unknown_value"));
        for (const Client *c : {&reviewer, &eee}) {
            const Reply refused = f.call(GET, QStringLiteral("/api/v1/review/decisions"), c, {}, {{QStringLiteral("unit"), QStringLiteral("ISB")}});
            QCOMPARE(refused.status, 403);
            QCOMPARE(detailCode(refused), QStringLiteral("role_required"));
        }
    }

    // ---- the matrix ----

    // Every route the router has holds at least one row of the matrix, and every row a route: a
    // new route without its row fails here.
    void theMatrixCoversEveryRoute()
    {
        Fixture f;
        QStringList routes = f.server->router().routes();
        QStringList rows;
        for (const Cell &c : cells())
            if (!rows.contains(QString::fromLatin1(c.route)))
                rows << QString::fromLatin1(c.route);
        routes.sort();
        rows.sort();
        QCOMPARE(rows, routes);
    }

    void roleMatrix_data()
    {
        QTest::addColumn<int>("cell");
        QTest::addColumn<QString>("login");
        for (qsizetype i = 0; i < cells().size(); ++i)
            for (const QString &login : Everyone)
                QTest::newRow(qPrintable(login + QStringLiteral(" × ") + QString::fromUtf8(cells()[i].name))) << int(i) << login;
    }

    void roleMatrix()
    {
        QFETCH(int, cell);
        QFETCH(QString, login);
        const Cell &c = cells()[cell];
        Fixture f;
        const World world(f);
        const Client who = f.signIn(login.toLatin1().constData());
        const QByteArray before = ledgerState(f);
        const QString method = QString::fromLatin1(c.route).section(u' ', 0, 0);
        const QUrl url(QStringLiteral("http://x") + world.fill(QString::fromUtf8(c.path), who));
        Request r;
        r.method = method;
        r.path = url.path();
        for (const auto &[k, v] : QUrlQuery(url).queryItems())
            r.query.insert(k, v);
        r.headers = {{"x-ledger-protocol", "1"}, {"x-ledger-schema", "1"}, {"authorization", "Bearer " + who.token.toLatin1()}};
        if (method == PUT && r.path.startsWith(QStringLiteral("/api/v1/attachments/")))
            r.headers.insert("content-type", "application/pdf");
        r.body = world.fill(QString::fromUtf8(c.body), who).toUtf8();
        const Reply reply = f.raw(r);
        const bool isPush = QByteArray(c.route) == "POST /api/v1/sync/push";
        const bool allowed = c.allowed.contains(login);
        if (isPush) {
            QCOMPARE(reply.status, 200);
            QCOMPARE(status(reply), allowed ? QStringLiteral("applied") : QStringLiteral("rejected"));
            if (!allowed)
                QVERIFY2(!rejectedCode(reply).isEmpty(), reply.body.constData());
        } else if (allowed) {
            QVERIFY2(reply.status >= 200 && reply.status < 300, reply.body.constData());
        } else {
            QVERIFY2(reply.status == 403 || reply.status == 404, reply.body.constData());
            QVERIFY2(!detailCode(reply).isEmpty(), reply.body.constData()); // coded, for the app to word
        }
        if (!allowed)
            QCOMPARE(ledgerState(f), before);
    }
};

QTEST_GUILESS_MAIN(TestRoles)
#include "tst_roles.moc"
