// Every route of the HTTP API: who may call it, what it reads from the request, which service
// does the work. Rules stay in shared/ and in the services; this file only wires.
#include "api.h"

#include "exports.h"
#include "statuspage.h"

#include "ledger/reportjson.h"
#include "ledger/scoring.h"
#include "ledger/wire.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <initializer_list>

namespace syncserver {

using ledger::Role;

namespace {

HttpError forbidden(const QString &why) { return HttpError{403, QStringLiteral("forbidden"), why, {}}; }

void requireAny(const Session &s, std::initializer_list<Role> roles, const QString &what)
{
    for (Role r : roles)
        if (s.user.has(r))
            return;
    throw forbidden(what);
}

QString stringField(const QJsonObject &o, const QString &key, bool required = true)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("missing"), key};
        return {};
    }
    if (!v.isString())
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected a string"), key};
    return v.toString();
}

qint64 integerParam(const Request &r, const QString &name, qint64 fallback, qint64 min, qint64 max)
{
    if (!r.query.contains(name))
        return fallback;
    bool ok = false;
    const qint64 v = r.query.value(name).toLongLong(&ok);
    if (!ok || v < min || v > max)
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected a whole number from %1 to %2").arg(min).arg(max), name};
    return v;
}

QDate dateParam(const Request &r, const QString &name)
{
    if (!r.query.contains(name))
        return {};
    const QDate d = QDate::fromString(r.query.value(name), Qt::ISODate);
    if (!d.isValid())
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected a date YYYY-MM-DD"), name};
    return d;
}

} // namespace

const Clock &Server::defaultClock()
{
    static const Clock clock;
    return clock;
}

ledger::Scheme loadConfiguredScheme(const QString &schemeFile)
{
    if (schemeFile.isEmpty())
        return ledger::scheme2023();
    const ledger::SchemeLoad load = ledger::loadSchemeFile(schemeFile);
    if (!load.scheme) {
        QStringList lines;
        for (const auto &p : load.problems)
            lines << p.toString();
        throw std::runtime_error(QStringLiteral("the scheme %1 does not load:\n  %2").arg(schemeFile, lines.join(QStringLiteral("\n  "))).toStdString());
    }
    return *load.scheme;
}

Server::Server(ServerConfig config, const Clock &clock)
    : m_config(std::move(config))
    , m_scheme(loadConfiguredScheme(m_config.schemeFile))
    , m_store(std::make_unique<Store>(m_config.dataDir, clock))
    , m_accounts(std::make_unique<Accounts>(*m_store, m_config.accounts))
    , m_sync(std::make_unique<SyncService>(*m_store, m_scheme))
    , m_attachments(std::make_unique<AttachmentStore>(*m_store, m_config.maxAttachmentBytes))
{
    addRoutes();
}

Session Server::authenticate(const Request &request) const
{
    const QByteArray auth = request.header("authorization");
    if (!auth.startsWith("Bearer "))
        throw HttpError{401, QStringLiteral("unauthorised"), QStringLiteral("sign in first (no access token)"), {}};
    const auto session = m_accounts->authenticate(QString::fromLatin1(auth.mid(7)));
    if (!session)
        throw HttpError{401, QStringLiteral("session_expired"), QStringLiteral("the access token is expired or revoked; refresh it or sign in again"), {}};
    return *session;
}

ledger::ScoreOptions Server::poolOptions(QByteArray *fingerprint)
{
    return m_store->read([&](ledger::Database &db) {
        ledger::ScoreOptions o;
        ledger::Statement s = db.prepare(QStringLiteral("SELECT unit, person, share FROM pool_shares ORDER BY unit, person"));
        while (s.step()) {
            if (fingerprint)
                *fingerprint += s.columnBlob(0) + '\t' + s.columnBlob(1) + '\t' + s.columnBlob(2) + '\n';
            const auto person = ledger::PersonId::parse(s.columnText(1));
            const auto share = ledger::Points::parse(s.columnText(2));
            if (person && share)
                o.manualShares[ledger::UnitCode(s.columnText(0))].insert(*person, *share);
        }
        return o;
    });
}

Response Server::scores(const Request &r, const Session &s)
{
    const ledger::Period period{int(integerParam(r, QStringLiteral("year"), m_scheme.year, m_scheme.year, m_scheme.year)),
                                int(integerParam(r, QStringLiteral("quarter"), 4, 1, 4)),
                                r.query.value(QStringLiteral("alone")) == u"1" || r.query.value(QStringLiteral("alone")) == u"true"};
    const bool details = r.query.value(QStringLiteral("details"), QStringLiteral("1")) != u"0";
    const QString detailOf = s.user.readsEveryUnit() ? QStringLiteral("*") : s.user.unit;
    const QString key = QStringLiteral("%1/%2/%3/%4/%5").arg(period.year).arg(period.quarter).arg(int(period.quarterAlone)).arg(int(details)).arg(detailOf);
    m_store->refresh(); // what another process (the `user` command) wrote counts too
    QByteArray shares;
    const ledger::ScoreOptions options = poolOptions(&shares);
    {
        QMutexLocker lock(&m_scoreCacheLock);
        auto it = m_scoreCache.find(key);
        if (it != m_scoreCache.end() && it->seq == m_store->lastSeq() && it->shares == shares) {
            it->lastUse = ++m_scoreCacheClock;
            return Response::bytes(it->body, "application/json; charset=utf-8");
        }
    }
    // Scored and encoded under the mirror's read lock, so the version is the one scored.
    // Staff see the records behind the points of their own unit only (ReportJsonOptions).
    ledger::ReportJsonOptions json{details};
    if (detailOf != u"*")
        json.detailOf = ledger::UnitCode(detailOf);
    qint64 seq = 0;
    const ledger::ScoreReport report = m_store->withLedger([&](const ledger::Ledger &l) {
        seq = m_store->lastSeq();
        return ledger::score(m_scheme, l, period, options);
    });
    QByteArray body = ledger::toJsonText(report, json);
    if (body.size() <= ScoreCacheBytes / 2) {
        QMutexLocker lock(&m_scoreCacheLock);
        m_scoreCache.remove(key);
        // Within the budget: reports of older versions go first, then the least recently used.
        qint64 total = body.size();
        for (const CachedReport &c : std::as_const(m_scoreCache))
            total += c.body.size();
        while (total > ScoreCacheBytes && !m_scoreCache.isEmpty()) {
            auto victim = m_scoreCache.begin();
            for (auto it = m_scoreCache.begin(); it != m_scoreCache.end(); ++it) {
                if ((it->seq != seq) != (victim->seq != seq) ? it->seq != seq : it->lastUse < victim->lastUse)
                    victim = it;
            }
            total -= victim->body.size();
            m_scoreCache.erase(victim);
        }
        m_scoreCache.insert(key, CachedReport{seq, shares, body, ++m_scoreCacheClock});
    }
    return Response::bytes(std::move(body), "application/json; charset=utf-8");
}

void Server::addRoutes()
{
    // Every API call but the health check states the protocol and schema it speaks, so an app
    // too old for this server is told to update instead of failing in odd ways.
    auto versioned = [](auto handler) {
        return [handler](const Request &r) -> Response {
            static const QByteArray protocolHeader = QByteArray(ledger::sync::ProtocolHeader).toLower();
            static const QByteArray schemaHeader = QByteArray(ledger::sync::SchemaHeader).toLower();
            if (const auto refused = ledger::sync::checkVersions(r.header(protocolHeader), r.header(schemaHeader)))
                throw HttpError{ledger::sync::httpStatus(*refused), refused->code, refused->message, {}};
            return handler(r);
        };
    };
    auto authed = [this, versioned](auto handler) {
        return versioned([this, handler](const Request &r) -> Response { return handler(r, authenticate(r)); });
    };

    m_router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/health"), [this](const Request &) {
        return Response::json({{QStringLiteral("status"), QStringLiteral("ok")}, {QStringLiteral("protocol"), ledger::sync::ProtocolVersion},
                               {QStringLiteral("schema"), ledger::wire::Version}, {QStringLiteral("scheme"), m_scheme.id},
                               {QStringLiteral("seq"), m_store->lastSeq()}});
    });

    m_router.add(QStringLiteral("GET"), QStringLiteral("/status"), [this](const Request &r) {
        if (!m_config.publicStatusPage)
            (void)authenticate(r);
        const QDate today = m_store->clock().now().date();
        const int quarter = today.year() == m_scheme.year ? (today.month() - 1) / 3 + 1 : 4;
        m_store->refresh();
        return m_store->withLedger([&](const ledger::Ledger &l) {
            const auto cumulative = ledger::score(m_scheme, l, ledger::Period{m_scheme.year, quarter, false});
            const auto alone = ledger::score(m_scheme, l, ledger::Period{m_scheme.year, quarter, true});
            return Response::bytes(statusPage(m_scheme, cumulative, alone, m_store->clock().now()), "text/html; charset=utf-8");
        });
    });

    // ---- sessions ----------------------------------------------------------------------------
    m_router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/login"), versioned([this](const Request &r) {
        const QJsonObject body = jsonBody(r);
        const QJsonObject device = body.value(QStringLiteral("device")).toObject();
        const TokenPair t = m_accounts->login(stringField(body, QStringLiteral("login")), stringField(body, QStringLiteral("password")),
                                              device.value(QStringLiteral("id")).toString(), device.value(QStringLiteral("name")).toString(),
                                              r.remoteAddress);
        const auto user = m_accounts->user(stringField(body, QStringLiteral("login")));
        return Response::json({{QStringLiteral("accessToken"), t.accessToken}, {QStringLiteral("refreshToken"), t.refreshToken},
                               {QStringLiteral("expiresIn"), t.accessExpiresIn}, {QStringLiteral("refreshExpiresIn"), t.refreshExpiresIn},
                               {QStringLiteral("user"), user->toJson()}});
    }));
    m_router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/refresh"), versioned([this](const Request &r) {
        const QJsonObject body = jsonBody(r);
        const TokenPair t = m_accounts->refresh(stringField(body, QStringLiteral("refreshToken")), stringField(body, QStringLiteral("device")));
        return Response::json({{QStringLiteral("accessToken"), t.accessToken}, {QStringLiteral("refreshToken"), t.refreshToken},
                               {QStringLiteral("expiresIn"), t.accessExpiresIn}, {QStringLiteral("refreshExpiresIn"), t.refreshExpiresIn}});
    }));
    m_router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/auth/logout"), authed([this](const Request &, const Session &s) {
        m_accounts->logout(s);
        return Response::json({{QStringLiteral("signedOut"), true}});
    }));
    m_router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/me"), authed([](const Request &, const Session &s) {
        QJsonObject me = s.user.toJson();
        me.insert(QStringLiteral("device"), s.deviceId);
        return Response::json(me);
    }));

    // ---- sync ----------------------------------------------------------------------------------
    m_router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/sync/push"), authed([this](const Request &r, const Session &s) {
        return Response::json(m_sync->push(s, jsonBody(r)));
    }));
    m_router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/sync/pull"), authed([this](const Request &r, const Session &s) {
        return Response::bytes(m_sync->pull(s, integerParam(r, QStringLiteral("cursor"), 0, 0, std::numeric_limits<qint64>::max()),
                                            int(integerParam(r, QStringLiteral("limit"), ledger::sync::DefaultPullPage, 1, ledger::sync::MaxPullPage))),
                               "application/json; charset=utf-8");
    }));
    m_router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/sync/rejected"), authed([this](const Request &, const Session &s) {
        return Response::json({{QStringLiteral("rejected"), m_sync->rejected(s)}});
    }));
    m_router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/conflicts"), authed([this](const Request &r, const Session &s) {
        return Response::json({{QStringLiteral("conflicts"), m_sync->conflicts(s, r.query.value(QStringLiteral("open"), QStringLiteral("1")) != u"0")}});
    }));
    m_router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/conflicts/:id/resolve"), authed([this](const Request &r, const Session &s) {
        bool ok = false;
        const qint64 id = r.params.value(QStringLiteral("id")).toLongLong(&ok);
        if (!ok)
            throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected a conflict number"), QStringLiteral("id")};
        return Response::json(m_sync->resolveConflict(s, id, stringField(jsonBody(r), QStringLiteral("keep"))));
    }));

    // ---- records and review (认定) ---------------------------------------------------------------
    m_router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/records/:id"), authed([this](const Request &r, const Session &s) {
        return Response::json(m_sync->explain(s, r.params.value(QStringLiteral("id"))));
    }));
    m_router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/records/:id/review"), authed([this](const Request &r, const Session &s) {
        const QJsonObject body = jsonBody(r);
        return Response::json(m_sync->review(s, r.params.value(QStringLiteral("id")), stringField(body, QStringLiteral("action")),
                                             stringField(body, QStringLiteral("reason"), false)));
    }));
    m_router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/review/inbox"), authed([this](const Request &r, const Session &s) {
        return Response::json({{QStringLiteral("records"), m_sync->inbox(s, r.query.value(QStringLiteral("state")), r.query.value(QStringLiteral("unit")),
                                                                         int(integerParam(r, QStringLiteral("limit"), 200, 1, 1000)))}});
    }));

    // ---- scores, pools ------------------------------------------------------------------------
    m_router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/scores"), authed([this](const Request &r, const Session &s) {
        return scores(r, s);
    }));
    m_router.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/pools/:unit/shares"), authed([this](const Request &r, const Session &s) {
        const QString unit = r.params.value(QStringLiteral("unit"));
        if (!(s.user.has(Role::UnitContact) && s.user.unit == unit))
            throw forbidden(QStringLiteral("only the unit's contact sets its personal shares"));
        const QJsonValue sharesValue = jsonBody(r).value(QStringLiteral("shares"));
        if (!sharesValue.isObject())
            throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected an object of person id → share"), QStringLiteral("shares")};
        const QJsonObject shares = sharesValue.toObject();
        QHash<ledger::PersonId, ledger::Points> parsed;
        ledger::Points sum;
        m_store->withLedger([&](const ledger::Ledger &l) {
            for (auto it = shares.begin(); it != shares.end(); ++it) {
                const QString field = QStringLiteral("shares.") + it.key();
                const auto person = ledger::PersonId::parse(it.key());
                const ledger::Person *p = person ? l.person(*person) : nullptr;
                if (!p || p->unit.code() != unit)
                    throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("not a person of unit %1").arg(unit), field};
                const auto share = it->isString() ? ledger::Points::parse(it->toString()) : std::nullopt;
                if (!share || *share < ledger::Points())
                    throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected a non-negative share such as \"12.5\""), field};
                parsed.insert(*person, *share);
                sum += *share;
            }
            const auto report = ledger::score(m_scheme, l, ledger::Period{m_scheme.year, 4, false});
            const ledger::UnitScore *u = report.unit(ledger::UnitCode(unit));
            if (!u)
                throw HttpError{404, QStringLiteral("not_found"), QStringLiteral("no such unit"), QStringLiteral("unit")};
            if (sum > u->pool)
                throw HttpError{422, QStringLiteral("over_pool"),
                                QStringLiteral("the shares add up to %1, more than the unit's pool of %2").arg(sum.toString(), u->pool.toString()), QStringLiteral("shares")};
            return 0;
        });
        m_store->write([&](ledger::Database &db) {
            ledger::Statement del = db.prepare(QStringLiteral("DELETE FROM pool_shares WHERE unit = ?"));
            del.bind(1, unit);
            del.exec();
            ledger::Statement ins = db.prepare(QStringLiteral("INSERT INTO pool_shares(unit, person, share, set_by, at) VALUES(?,?,?,?,?)"));
            QJsonObject detail;
            for (auto it = parsed.begin(); it != parsed.end(); ++it) {
                ins.reset();
                ins.bind(1, unit).bind(2, it.key().toString()).bind(3, it.value().toString()).bind(4, s.user.id)
                    .bind(5, m_store->clock().now().toString(Qt::ISODate));
                ins.exec();
                detail.insert(it.key().toString(), it.value().toString());
            }
            m_store->audit(db, Actor{s.user.id, s.deviceId}, QStringLiteral("pool.shares"), unit, detail);
        });
        return Response::json({{QStringLiteral("unit"), unit}, {QStringLiteral("total"), sum.toString()}});
    }));

    // ---- the office's tables and ledgers -----------------------------------------------------------
    m_router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/exports/:table"), authed([this](const Request &r, const Session &s) {
        QString key = r.params.value(QStringLiteral("table"));
        QString format = r.query.value(QStringLiteral("format"), QStringLiteral("xlsx"));
        if (key.endsWith(QStringLiteral(".csv")) || key.endsWith(QStringLiteral(".xlsx"))) {
            format = key.section(u'.', -1);
            key = key.section(u'.', 0, -2);
        }
        const auto table = exportTableFromKey(key);
        if (!table)
            throw HttpError{404, QStringLiteral("not_found"), QStringLiteral("no such table \"%1\"").arg(key), QStringLiteral("table")};
        if (format != u"csv" && format != u"xlsx")
            throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected csv or xlsx"), QStringLiteral("format")};
        ExportFilter filter;
        const QString unit = r.query.value(QStringLiteral("unit"));
        if (!s.user.readsEveryUnit()) {
            if (!unit.isEmpty() && unit != s.user.unit)
                throw forbidden(QStringLiteral("you may export your own unit's records only"));
            filter.unit = ledger::UnitCode(s.user.unit);
        } else if (!unit.isEmpty()) {
            if (!m_scheme.unit(ledger::UnitCode(unit)))
                throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("unknown unit \"%1\"").arg(unit), QStringLiteral("unit")};
            filter.unit = ledger::UnitCode(unit);
        }
        const int quarter = int(integerParam(r, QStringLiteral("quarter"), 4, 1, 4));
        const bool alone = r.query.value(QStringLiteral("alone")) == u"1";
        const ledger::Period period{m_scheme.year, quarter, alone};
        filter.from = dateParam(r, QStringLiteral("from"));
        filter.to = dateParam(r, QStringLiteral("to"));
        if (!filter.from.isValid())
            filter.from = period.first();
        if (!filter.to.isValid())
            filter.to = period.last();
        if (filter.to < filter.from)
            throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("the end date is before the start date"), QStringLiteral("to")};
        const ledger::ScoreOptions options = poolOptions();
        m_store->refresh();
        const Sheet sheet = m_store->withLedger([&](const ledger::Ledger &l) {
            const ledger::ScoreReport report = ledger::score(m_scheme, l, period, options);
            return buildSheet(*table, l, m_scheme, filter, &report);
        });
        Response out = format == u"csv" ? Response::bytes(toCsv(sheet), "text/csv; charset=utf-8")
                                        : Response::bytes(toXlsx(sheet), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        const QString fileName = sheet.title + QStringLiteral(".") + format;
        out.headers.insert("content-disposition", "attachment; filename=\"" + key.toLatin1() + '.' + format.toLatin1()
                                                      + "\"; filename*=UTF-8''" + QUrl::toPercentEncoding(fileName));
        return out;
    }));

    // ---- attachments ----------------------------------------------------------------------------
    m_router.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/attachments/:sha"), authed([this](const Request &r, const Session &s) {
        return Response::json(m_attachments->put(s, r.params.value(QStringLiteral("sha")),
                                                 integerParam(r, QStringLiteral("offset"), 0, 0, std::numeric_limits<qint64>::max()),
                                                 integerParam(r, QStringLiteral("size"), 0, 0, std::numeric_limits<qint64>::max()),
                                                 r.header("content-type"), r.body));
    }));
    m_router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/attachments/:sha/status"), authed([this](const Request &r, const Session &) {
        return Response::json(m_attachments->status(r.params.value(QStringLiteral("sha"))));
    }));
    m_router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/attachments/:sha"), authed([this](const Request &r, const Session &) {
        auto [bytes, type] = m_attachments->get(r.params.value(QStringLiteral("sha")));
        return Response::bytes(std::move(bytes), std::move(type));
    }));

    // ---- administration -------------------------------------------------------------------------------
    m_router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/users"), authed([this](const Request &, const Session &s) {
        requireAny(s, {Role::Admin, Role::Supervisor}, QStringLiteral("only administrators and the supervisor list accounts"));
        QJsonArray out;
        for (const User &u : m_accounts->users())
            out.append(u.toJson());
        return Response::json({{QStringLiteral("users"), out}});
    }));
    m_router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/users"), authed([this](const Request &r, const Session &s) {
        requireAny(s, {Role::Admin}, QStringLiteral("only administrators create accounts"));
        const QJsonObject body = jsonBody(r);
        QStringList roleNames;
        for (const QJsonValue &v : body.value(QStringLiteral("roles")).toArray())
            roleNames << v.toString();
        QString error;
        const auto roles = parseRoles(roleNames.join(u','), &error);
        if (!error.isEmpty())
            throw HttpError{400, QStringLiteral("invalid"), error, QStringLiteral("roles")};
        const QString unit = stringField(body, QStringLiteral("unit"));
        if (!m_scheme.unit(ledger::UnitCode(unit)))
            throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("unknown unit \"%1\"").arg(unit), QStringLiteral("unit")};
        const User u = m_accounts->createUser(stringField(body, QStringLiteral("login")), stringField(body, QStringLiteral("name")), unit,
                                              roles, stringField(body, QStringLiteral("password")), Actor{s.user.id, s.deviceId});
        return Response::json(u.toJson(), 201);
    }));
    for (const auto &[action, active] : {std::pair{QStringLiteral("disable"), false}, std::pair{QStringLiteral("enable"), true}}) {
        m_router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/users/:id/") + action, authed([this, active](const Request &r, const Session &s) {
            requireAny(s, {Role::Admin}, QStringLiteral("only administrators enable or disable accounts"));
            m_accounts->setActive(r.params.value(QStringLiteral("id")), active, Actor{s.user.id, s.deviceId});
            return Response::json({{QStringLiteral("id"), r.params.value(QStringLiteral("id"))}, {QStringLiteral("active"), active}});
        }));
    }
    m_router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/users/:id/password"), authed([this](const Request &r, const Session &s) {
        const QString id = r.params.value(QStringLiteral("id"));
        if (id != s.user.id)
            requireAny(s, {Role::Admin}, QStringLiteral("only administrators reset another person's password"));
        m_accounts->setPassword(id, stringField(jsonBody(r), QStringLiteral("password")), Actor{s.user.id, s.deviceId});
        return Response::json({{QStringLiteral("id"), id}, {QStringLiteral("passwordChanged"), true}});
    }));
    m_router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/devices"), authed([this](const Request &, const Session &s) {
        requireAny(s, {Role::Admin}, QStringLiteral("only administrators list devices"));
        return Response::json({{QStringLiteral("devices"), m_accounts->devices()}});
    }));
    m_router.add(QStringLiteral("POST"), QStringLiteral("/api/v1/devices/:id/revoke"), authed([this](const Request &r, const Session &s) {
        requireAny(s, {Role::Admin}, QStringLiteral("only administrators revoke devices"));
        m_accounts->revokeDevice(r.params.value(QStringLiteral("id")), Actor{s.user.id, s.deviceId});
        return Response::json({{QStringLiteral("id"), r.params.value(QStringLiteral("id"))}, {QStringLiteral("revoked"), true}});
    }));
    m_router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/audit"), authed([this](const Request &r, const Session &s) {
        requireAny(s, {Role::Supervisor, Role::Admin}, QStringLiteral("the audit log is for the supervisor and administrators"));
        const qint64 after = integerParam(r, QStringLiteral("after"), 0, 0, std::numeric_limits<qint64>::max());
        const int limit = int(integerParam(r, QStringLiteral("limit"), 200, 1, 5000));
        return Response::json(m_store->read([&](ledger::Database &db) {
            ledger::Statement q = db.prepare(QStringLiteral(
                "SELECT id, at, user_id, device_id, action, entity_id, detail, hash FROM audit WHERE id > ? ORDER BY id LIMIT ?"));
            q.bind(1, after).bind(2, limit);
            QJsonArray entries;
            while (q.step())
                entries.append(QJsonObject{{QStringLiteral("id"), qint64(q.columnInt64(0))}, {QStringLiteral("at"), q.columnText(1)},
                                           {QStringLiteral("user"), q.columnText(2)}, {QStringLiteral("device"), q.columnText(3)},
                                           {QStringLiteral("action"), q.columnText(4)}, {QStringLiteral("entity"), q.columnText(5)},
                                           {QStringLiteral("detail"), QJsonDocument::fromJson(q.columnText(6).toUtf8()).object()},
                                           {QStringLiteral("hash"), q.columnText(7)}});
            return QJsonObject{{QStringLiteral("entries"), entries}};
        }));
    }));
    m_router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/scheme"), authed([this](const Request &, const Session &) {
        QFile f(m_config.schemeFile.isEmpty() ? QStringLiteral(":/schemes/xxkfq-2023.json") : m_config.schemeFile);
        f.open(QIODevice::ReadOnly);
        return Response::bytes(f.readAll(), "application/json; charset=utf-8");
    }));
}

} // namespace syncserver
