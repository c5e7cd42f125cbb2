// A server in a temporary folder with a movable clock and one account per role, and a small
// client that calls routes in process (no sockets) the way the app does.
#pragma once

#include "api.h"

#include "ledger/wire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace syncserver::test {

class FakeClock : public Clock
{
public:
    QDateTime t = QDateTime(QDate(2023, 12, 1), QTime(9, 0), Qt::UTC);
    [[nodiscard]] QDateTime now() const override { return t; }
};

struct Reply
{
    int status = 0;
    QJsonObject json;
    QByteArray body;
    [[nodiscard]] QString errorCode() const { return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(); }
    [[nodiscard]] QString errorField() const { return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(); }
    [[nodiscard]] QString errorMessage() const { return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString(); }
};

struct Client
{
    QString login;
    QString token;
    QString refreshToken;
    QString device;
    QString userId;
    QString unit;
    qint64 nextMutation = 1;
};

class Fixture
{
public:
    Fixture()
    {
        ServerConfig config;
        config.dataDir = m_dir.path();
        config.accounts.opsLimit = 1; // argon2id at its minimum cost keeps the tests quick
        config.accounts.memLimit = 8192;
        server = std::make_unique<Server>(config, clock);
        const Actor system{QStringLiteral("system"), QStringLiteral("test")};
        auto add = [&](const char *login, const char *name, const char *unit, QList<ledger::Role> roles) {
            server->accounts().createUser(QString::fromLatin1(login), QString::fromUtf8(name), QString::fromLatin1(unit), roles,
                                          QStringLiteral("password-123"), system);
        };
        using R = ledger::Role;
        add("admin", "系统管理员", "ISB", {R::Admin});
        add("reviewer", "吕岩", "ISB", {R::Staff, R::Reviewer});
        add("pgo1", "孙丽", "PGO", {R::Staff});
        add("pgo2", "郭威", "PGO", {R::Staff, R::UnitContact});
        add("eee1", "冯雪", "EEE", {R::Staff});
        add("super", "监督员", "PGO", {R::Supervisor});
        add("leader", "王明辉", "ISB", {R::Leader});
    }

    [[nodiscard]] QString dataDir() const { return m_dir.path(); }

    Reply call(const QString &method, const QString &path, const Client *who = nullptr, const QJsonObject &body = {},
               const QHash<QString, QString> &query = {}, bool versioned = true)
    {
        Request r;
        r.method = method;
        r.path = path;
        r.query = query;
        r.remoteAddress = QStringLiteral("127.0.0.1");
        if (versioned) {
            r.headers.insert("x-ledger-protocol", "1");
            r.headers.insert("x-ledger-schema", "1");
        }
        if (who)
            r.headers.insert("authorization", "Bearer " + who->token.toLatin1());
        if (!body.isEmpty())
            r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        return toReply(server->handle(r));
    }

    Reply raw(Request r)
    {
        r.remoteAddress = QStringLiteral("127.0.0.1");
        return toReply(server->handle(std::move(r)));
    }

    Client signIn(const char *login, const QString &device = ledger::RecordId::create().toString())
    {
        const Reply r = call(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/login"), nullptr,
                             QJsonObject{{QStringLiteral("login"), QString::fromLatin1(login)}, {QStringLiteral("password"), QStringLiteral("password-123")},
                                         {QStringLiteral("device"), QJsonObject{{QStringLiteral("id"), device}, {QStringLiteral("name"), QStringLiteral("平板")}}}});
        if (r.status != 200)
            qFatal("sign-in of %s failed: %s", login, r.body.constData());
        const QJsonObject user = r.json.value(QStringLiteral("user")).toObject();
        return Client{QString::fromLatin1(login), r.json.value(QStringLiteral("accessToken")).toString(),
                      r.json.value(QStringLiteral("refreshToken")).toString(), device, user.value(QStringLiteral("id")).toString(),
                      user.value(QStringLiteral("unit")).toString()};
    }

    // Pushes entities as the client's next mutations; `changed` names the fields an edit changed
    // (empty: the whole record, as for a new one).
    Reply push(Client &c, const QList<QJsonObject> &entities, qint64 baseVersion = 0, const QStringList &changed = {})
    {
        QJsonArray mutations;
        for (const auto &e : entities) {
            QJsonObject m{{QStringLiteral("n"), c.nextMutation++}, {QStringLiteral("op"), QStringLiteral("upsert")},
                          {QStringLiteral("entity"), e}, {QStringLiteral("baseVersion"), baseVersion}};
            if (!changed.isEmpty())
                m.insert(QStringLiteral("changed"), QJsonArray::fromStringList(changed));
            mutations.append(m);
        }
        return pushRaw(c, mutations);
    }

    Reply pushRaw(const Client &c, const QJsonArray &mutations)
    {
        return call(QStringLiteral("POST"), QStringLiteral("/api/v1/sync/push"), &c,
                    QJsonObject{{QStringLiteral("device"), c.device}, {QStringLiteral("mutations"), mutations}});
    }

    // Everything the client can see, by id, following the cursor to the end.
    QHash<QString, QJsonObject> pullAll(const Client &c)
    {
        QHash<QString, QJsonObject> out;
        qint64 cursor = 0;
        for (;;) {
            const Reply r = call(QStringLiteral("GET"), QStringLiteral("/api/v1/sync/pull"), &c, {},
                                 {{QStringLiteral("cursor"), QString::number(cursor)}, {QStringLiteral("limit"), QStringLiteral("100")}});
            for (const QJsonValue &v : r.json.value(QStringLiteral("changes")).toArray()) {
                const QJsonObject ch = v.toObject();
                if (ch.value(QStringLiteral("deleted")).toBool())
                    out.remove(ch.value(QStringLiteral("id")).toString());
                else
                    out.insert(ch.value(QStringLiteral("entity")).toObject().value(QStringLiteral("id")).toString(), ch.value(QStringLiteral("entity")).toObject());
            }
            cursor = r.json.value(QStringLiteral("cursor")).toInteger();
            if (!r.json.value(QStringLiteral("hasMore")).toBool())
                return out;
        }
    }

    FakeClock clock;
    std::unique_ptr<Server> server;

private:
    static Reply toReply(const Response &resp)
    {
        Reply out;
        out.status = resp.status;
        out.body = resp.body;
        out.json = QJsonDocument::fromJson(resp.body).object();
        return out;
    }

    QTemporaryDir m_dir;
};

// A lead as the app builds it.
inline QJsonObject leadJson(const Client &c, const QString &unit, QDate filed = QDate(2023, 11, 3), const QString &intention = QStringLiteral("拟投资建设年产5万吨专用化学品项目"))
{
    ledger::Lead l;
    l.meta.id = ledger::RecordId::create();
    l.meta.credit.unit = ledger::UnitCode(unit);
    l.meta.credit.people = {*ledger::PersonId::parse(c.userId)};
    l.enterpriseName = QStringLiteral("河南某精细化工有限公司");
    l.intention = intention;
    l.expectedInvestment = ledger::Money::yuan(300000000);
    l.industry = QStringLiteral("fine_chemicals");
    l.filed = filed;
    return ledger::wire::encode(ledger::Record(l));
}

} // namespace syncserver::test
