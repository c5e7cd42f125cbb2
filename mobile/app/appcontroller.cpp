// The App singleton.
#include "appcontroller.h"

#include "checkincontroller.h"
#include "nmeareplayprovider.h"
#include "qtpositionprovider.h"

#include "ledger/creditcode.h"
#include "ledger/recognition.h"
#include "ledger/wire.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>

#include <algorithm>

namespace mobile {

namespace {
AppController *g_instance = nullptr;

QString scoresCachePath(const LocalStore &store) { return store.dataDir() + QStringLiteral("/scores.json"); }

// The wire decoder explains problems in English for the API; the form speaks the person's language.
QString localised(const QString &message)
{
    static const QRegularExpression tooLong(QStringLiteral("^is (\\d+) characters; at most (\\d+)$"));
    if (message == u"missing" || message == u"must not be empty")
        return AppController::tr("必填");
    if (message.startsWith(QStringLiteral("not a valid date")))
        return AppController::tr("不是有效的日期（应为 年-月-日，如 2023-06-30）");
    if (message == u"must not be negative")
        return AppController::tr("不能为负数");
    if (message.startsWith(QStringLiteral("not a valid amount")))
        return AppController::tr("金额格式不对：最多两位小数，如 1011.50");
    if (const auto m = tooLong.match(message); m.hasMatch())
        return AppController::tr("太长：%1 个字，最多 %2 个字").arg(m.captured(1), m.captured(2));
    return message; // the credit-code and check-in problems are already in Chinese
}

QVariantMap failure(const ledger::FieldError &e)
{
    return {{QStringLiteral("ok"), false}, {QStringLiteral("field"), e.field}, {QStringLiteral("message"), localised(e.message)}};
}
} // namespace

void AppController::setInstance(AppController *instance) { g_instance = instance; }

AppController *AppController::create(QQmlEngine *, QJSEngine *)
{
    // The engine must not delete the instance main.cpp owns.
    QJSEngine::setObjectOwnership(g_instance, QJSEngine::CppOwnership);
    return g_instance;
}

AppController::AppController(LocalStore &store, SyncClient &sync, const ledger::Scheme &scheme, QDate today, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_sync(sync)
    , m_scheme(scheme)
    , m_today(today)
{
    connect(&m_sync, &SyncClient::signedInChanged, this, &AppController::sessionChanged);
    connect(&m_sync, &SyncClient::stateChanged, this, &AppController::syncChanged);
    connect(&m_sync, &SyncClient::progressChanged, this, &AppController::syncChanged);
    connect(&m_sync, &SyncClient::lastErrorChanged, this, &AppController::syncChanged);
    connect(&m_sync, &SyncClient::conflictsChanged, this, &AppController::syncChanged);
    connect(&m_store, &LocalStore::pendingCountChanged, this, &AppController::syncChanged);
    // The home page counts this month's leads: only a change of leads changes it.
    connect(&m_store, &LocalStore::entitiesChanged, this, [this](const QStringList &kinds) {
        if (kinds.contains(QStringLiteral("lead")))
            emit summaryChanged();
    });
    connect(&m_sync, &SyncClient::signInFinished, this, [this](bool ok, const QString &error) {
        m_busy = false;
        m_signInError = ok ? QString() : error;
        emit busyChanged();
        emit signInErrorChanged();
        if (ok)
            syncNow();
    });
    connect(&m_sync, &SyncClient::syncFinished, this, [this](bool ok) {
        if (ok)
            refreshScores(currentQuarter(), false);
    });
    loadCachedScores();
}

QString AppController::userId() const { return userJson().value(QStringLiteral("id")).toString(); }
QString AppController::userName() const { return userJson().value(QStringLiteral("name")).toString(); }
QString AppController::unitCode() const { return userJson().value(QStringLiteral("unit")).toString(); }

bool AppController::isReviewer() const
{
    return userJson().value(QStringLiteral("roles")).toArray().contains(QJsonValue(QStringLiteral("reviewer")));
}

QString AppController::serverUrl() const
{
    const QUrl url = m_store.session().serverUrl;
    return url.isEmpty() ? QStringLiteral("http://127.0.0.1:8080") : url.toString();
}

void AppController::setServerUrl(const QString &url)
{
    if (url == serverUrl())
        return;
    (void)m_store.setServerUrl(QUrl::fromUserInput(url));
    emit serverUrlChanged();
}

void AppController::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    emit languageChanged(language); // main.cpp swaps the translator and retranslates
}

QString AppController::syncState() const
{
    switch (m_sync.state()) {
    case SyncClient::State::Idle: return QStringLiteral("idle");
    case SyncClient::State::Syncing: return QStringLiteral("syncing");
    case SyncClient::State::UpToDate: return QStringLiteral("upToDate");
    case SyncClient::State::Waiting: return QStringLiteral("waiting");
    case SyncClient::State::Failed: return QStringLiteral("failed");
    case SyncClient::State::SignInNeeded: return QStringLiteral("signInNeeded");
    }
    return {};
}

QString AppController::syncStatusText() const
{
    switch (m_sync.state()) {
    case SyncClient::State::Syncing: return tr("正在同步…");
    case SyncClient::State::SignInNeeded: return tr("登录已过期，请重新登录（未同步的记录都保留在本机）");
    case SyncClient::State::Failed: return tr("同步失败：%1").arg(m_sync.lastError());
    case SyncClient::State::Waiting: return tr("%1 条待同步，网络恢复后自动同步").arg(pendingCount());
    default:
        return pendingCount() == 0 ? tr("已是最新") : tr("%1 条待同步").arg(pendingCount());
    }
}

QString AppController::lastSyncedText() const
{
    const QDateTime at = m_sync.lastSyncedAt();
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : tr("从未同步");
}

QVariantMap AppController::homeSummary() const
{
    // Leads of my unit filed this month that count as valuable (the rule is shared/'s).
    // Only this month's leads are read (SQLite picks them by filing date), not every lead.
    int leads = 0;
    const QDate monthStart(m_today.year(), m_today.month(), 1);
    for (const LocalEntity &e : m_store.recordsBetween(QStringLiteral("lead"), monthStart, monthStart.addMonths(1).addDays(-1))) {
        const auto decoded = ledger::wire::decodeRecord(e.json);
        const auto *lead = decoded ? std::get_if<ledger::Lead>(&decoded.value()) : nullptr;
        if (lead && !e.deleted && lead->meta.credit.unit.code() == unitCode() && lead->filed.year() == m_today.year()
            && lead->filed.month() == m_today.month() && ledger::isValuableLead(*lead))
            ++leads;
    }
    QVariantMap out{{QStringLiteral("leadsThisMonth"), leads}};
    // My unit's standing and its group's tasks, from the last scores the server sent.
    for (const QJsonValue &u : m_scores.value(QStringLiteral("units")).toArray()) {
        const QJsonObject unit = u.toObject();
        if (unit.value(QStringLiteral("unit")).toString() != unitCode())
            continue;
        out.insert(QStringLiteral("total"), unit.value(QStringLiteral("total")).toString());
        out.insert(QStringLiteral("rank"), unit.value(QStringLiteral("rank")).toInt());
        out.insert(QStringLiteral("periodLabel"), m_scores.value(QStringLiteral("period")).toObject().value(QStringLiteral("label")).toString());
        for (const QJsonValue &g : m_scores.value(QStringLiteral("groups")).toArray()) {
            if (g.toObject().value(QStringLiteral("id")).toString() != unit.value(QStringLiteral("group")).toString())
                continue;
            QVariantList tasks;
            for (const QJsonValue &t : g.toObject().value(QStringLiteral("tasks")).toArray()) {
                const QJsonObject task = t.toObject();
                const double target = task.value(QStringLiteral("target")).toDouble();
                const double achieved = task.value(QStringLiteral("achieved")).toDouble();
                tasks.append(QVariantMap{{QStringLiteral("name"), task.value(QStringLiteral("name")).toString()},
                                         {QStringLiteral("points"), task.value(QStringLiteral("points")).toString()},
                                         {QStringLiteral("maxPoints"), task.value(QStringLiteral("maxPoints")).toString()},
                                         {QStringLiteral("progressText"), formatQuantity(task.value(QStringLiteral("id")).toString(), qint64(achieved))
                                                                              + QStringLiteral(" / ")
                                                                              + formatQuantity(task.value(QStringLiteral("id")).toString(), qint64(target))},
                                         {QStringLiteral("ratio"), target > 0 ? std::min(1.0, achieved / target) : 0.0}});
            }
            out.insert(QStringLiteral("tasks"), tasks);
        }
    }
    return out;
}

QVariantMap AppController::checkInRules() const
{
    return {{QStringLiteral("maxAccuracyM"), m_scheme.checkIn.maxAccuracyM},
            {QStringLiteral("farFromSiteM"), m_scheme.checkIn.farFromSiteM},
            {QStringLiteral("maxSpeedKmh"), m_scheme.checkIn.maxSpeedKmh}};
}

void AppController::setDemoPositioning(bool on)
{
    if (on == m_demoPositioning)
        return;
    m_demoPositioning = on;
    delete m_provider; // the next check-in makes the provider it needs
    m_provider = nullptr;
    emit demoPositioningChanged();
}

void AppController::signIn(const QString &serverUrl, const QString &login, const QString &password)
{
    m_busy = true;
    m_signInError.clear();
    emit busyChanged();
    emit signInErrorChanged();
    m_sync.signIn(QUrl::fromUserInput(serverUrl), login.trimmed(), password);
}

void AppController::signOut() { m_sync.signOut(); }

void AppController::syncNow() { m_sync.syncNow(); }

QVariantMap AppController::newRecord(const QString &kind) const
{
    const QString today = m_today.toString(Qt::ISODate);
    QJsonObject r{{QStringLiteral("v"), ledger::wire::Version}, {QStringLiteral("kind"), kind},
                  {QStringLiteral("id"), ledger::RecordId::create().toString()},
                  {QStringLiteral("credit"), QJsonObject{{QStringLiteral("unit"), unitCode()}, {QStringLiteral("people"), QJsonArray{userId()}}}},
                  {QStringLiteral("review"), QJsonObject{{QStringLiteral("state"), QStringLiteral("submitted")}}}};
    // Sensible starting values: today's date, and the choices a form would otherwise leave empty.
    static const QHash<QString, QStringList> dateFields{
        {QStringLiteral("visit"), {QStringLiteral("date")}}, {QStringLiteral("trip"), {QStringLiteral("start"), QStringLiteral("end")}},
        {QStringLiteral("lead"), {QStringLiteral("filed")}}, {QStringLiteral("project"), {QStringLiteral("talksSince")}},
        {QStringLiteral("milestone"), {QStringLiteral("date")}}, {QStringLiteral("funds"), {QStringLiteral("date")}},
        {QStringLiteral("referral"), {QStringLiteral("date")}}};
    for (const QString &f : dateFields.value(kind))
        r.insert(f, today);
    // The wire format writes every list, empty or not.
    static const QHash<QString, QStringList> listFields{
        {QStringLiteral("visit"), {QStringLiteral("attachments")}},
        {QStringLiteral("trip"), {QStringLiteral("members"), QStringLiteral("industries"), QStringLiteral("visits"), QStringLiteral("institutions"),
                                  QStringLiteral("attachments")}},
        {QStringLiteral("milestone"), {QStringLiteral("evidence")}}, {QStringLiteral("funds"), {QStringLiteral("proof")}},
        {QStringLiteral("referral"), {QStringLiteral("evidence")}}};
    for (const QString &f : listFields.value(kind))
        r.insert(f, QJsonArray());
    if (kind == u"milestone") {
        r.insert(QStringLiteral("stage"), QStringLiteral("signed"));
        r.insert(QStringLiteral("legalEntityRegistered"), false);
        r.insert(QStringLiteral("taxRegistered"), false);
    } else if (kind == u"funds") {
        r.insert(QStringLiteral("fundsKind"), QStringLiteral("outside_province_rmb"));
    } else if (kind == u"referral") {
        r.insert(QStringLiteral("direction"), QStringLiteral("enterprise_visited_zone"));
        r.insert(QStringLiteral("leadingIndustry"), true);
        r.insert(QStringLiteral("foreign"), false);
    } else if (kind == u"project") {
        for (const char *flag : {"chemical", "provincialLedger", "foreignFunded", "upgradeTransfer"})
            r.insert(QString::fromLatin1(flag), false);
    } else if (kind == u"lead") {
        r.insert(QStringLiteral("expectedInvestment"), QJsonObject{{QStringLiteral("currency"), QStringLiteral("CNY")}, {QStringLiteral("amount"), QStringLiteral("0.00")}});
    } else if (kind == u"trip") {
        r.insert(QStringLiteral("members"), QJsonArray{userId()});
    }
    return r.toVariantMap();
}

QVariantMap AppController::newEnterprise() const
{
    return QJsonObject{{QStringLiteral("v"), ledger::wire::Version}, {QStringLiteral("id"), ledger::EnterpriseId::create().toString()},
                       {QStringLiteral("name"), QString()}, {QStringLiteral("foreignInvested"), false}, {QStringLiteral("listed"), false},
                       {QStringLiteral("fortune500"), false}, {QStringLiteral("industryLeader"), false}}
        .toVariantMap();
}

QVariantMap AppController::record(const QString &id) const
{
    const auto e = m_store.entity(id);
    if (!e)
        return {};
    QVariantMap m = e->json.toVariantMap();
    if (!e->rejectedReason.isEmpty())
        m.insert(QStringLiteral("_rejected"), e->rejectedReason);
    return m;
}

namespace {
// shared/'s rule for a visit the trip lists: on this trip unless it names another.
bool listedVisitIsOnTrip(const LocalEntity &visit, const QString &tripId)
{
    const auto trip = ledger::RecordId::parse(tripId);
    return trip && ledger::visitIsOnTrip(ledger::RecordId::parse(visit.json.value(QStringLiteral("trip")).toString()), *trip, true);
}

} // namespace

QVariantMap AppController::saveRecord(const QVariantMap &entity)
{
    QJsonObject json = QJsonObject::fromVariantMap(entity);
    json.remove(QStringLiteral("_rejected"));
    if (json.value(QStringLiteral("kind")).toString() == u"trip" && json.value(QStringLiteral("visits")).isArray()) {
        // A trip lists the visits made on it: those picked on the trip's form that name no other
        // trip, and those whose own form names this trip.
        const QString tripId = json.value(QStringLiteral("id")).toString();
        QJsonArray visits;
        for (const QJsonValue &listed : json.value(QStringLiteral("visits")).toArray()) {
            const auto v = m_store.entity(listed.toString());
            if (!v || listedVisitIsOnTrip(*v, tripId))
                visits.append(listed);
        }
        for (const LocalEntity &v : m_store.visitsOfTrip(tripId))
            if (!visits.contains(QJsonValue(v.id)))
                visits.append(v.id);
        json.insert(QStringLiteral("visits"), visits);
    }
    if (const auto error = m_store.save(json))
        return failure(*error);
    return {{QStringLiteral("ok"), true}, {QStringLiteral("id"), json.value(QStringLiteral("id")).toString()}};
}

namespace {
QVariantMap visitRow(const LocalEntity &v, const LocalStore &store, bool fromVisit)
{
    const auto enterprise = store.entity(v.json.value(QStringLiteral("enterprise")).toString());
    return {{QStringLiteral("id"), v.id},
            {QStringLiteral("date"), v.json.value(QStringLiteral("date")).toString()},
            {QStringLiteral("enterpriseName"), enterprise ? enterprise->json.value(QStringLiteral("name")).toString() : QString()},
            {QStringLiteral("purpose"), v.json.value(QStringLiteral("purpose")).toString()},
            {QStringLiteral("checkedIn"), v.json.contains(QStringLiteral("checkIn"))},
            {QStringLiteral("trip"), v.json.value(QStringLiteral("trip")).toString()},
            {QStringLiteral("fromVisit"), fromVisit}};
}
} // namespace

QVariantList AppController::tripVisits(const QString &tripId, const QStringList &listed) const
{
    QVariantList out;
    QStringList seen;
    for (const LocalEntity &v : m_store.visitsOfTrip(tripId)) {
        out.append(visitRow(v, m_store, true));
        seen << v.id;
    }
    for (const QString &id : listed) {
        if (seen.contains(id))
            continue;
        seen << id;
        if (const auto v = m_store.entity(id); v && v->kind == u"visit") {
            if (listedVisitIsOnTrip(*v, tripId)) // one that moved to another trip is that trip's
                out.append(visitRow(*v, m_store, false));
        }
        else // pulled later or deleted on this device: the id stays on the trip
            out.append(QVariantMap{{QStringLiteral("id"), id}, {QStringLiteral("enterpriseName"), tr("（本机没有这条拜访记录）")},
                                   {QStringLiteral("fromVisit"), false}});
    }
    std::sort(out.begin(), out.end(), [](const QVariant &a, const QVariant &b) {
        return a.toMap().value(QStringLiteral("date")).toString() < b.toMap().value(QStringLiteral("date")).toString();
    });
    return out;
}

QVariantList AppController::tripVisitCandidates(const QString &tripId, const QString &start, const QString &end,
                                                const QStringList &members, const QStringList &listed) const
{
    QVariantList out;
    const QDate from = QDate::fromString(start, Qt::ISODate);
    const QDate to = QDate::fromString(end, Qt::ISODate);
    if (!from.isValid() || !to.isValid() || to < from)
        return out;
    QSet<QString> onOtherTrips;
    for (const LocalEntity &t : m_store.entities(QStringLiteral("trip")))
        if (t.id != tripId)
            for (const QJsonValue &id : t.json.value(QStringLiteral("visits")).toArray())
                onOtherTrips.insert(id.toString());
    for (const LocalEntity &v : m_store.recordsBetween(QStringLiteral("visit"), from, to)) {
        const QString trip = v.json.value(QStringLiteral("trip")).toString();
        // Visits already on the trip's list, naming a trip (this one or another) or listed by
        // another trip are not offered: a visit is made on one trip.
        if (listed.contains(v.id) || !trip.isEmpty() || onOtherTrips.contains(v.id))
            continue;
        // Made by someone on the trip: credited to a member, or written by one.
        const QJsonArray people = v.json.value(QStringLiteral("credit")).toObject().value(QStringLiteral("people")).toArray();
        const bool byMember = members.contains(v.json.value(QStringLiteral("author")).toString())
                              || std::any_of(people.begin(), people.end(), [&](const QJsonValue &p) { return members.contains(p.toString()); });
        if (!byMember)
            continue;
        out.append(visitRow(v, m_store, false));
    }
    return out;
}

QVariantList AppController::tripChoices(const QString &visitDate) const
{
    const QDate date = QDate::fromString(visitDate, Qt::ISODate);
    QVariantList covering;
    QVariantList others;
    for (const LocalEntity &t : m_store.entities(QStringLiteral("trip"))) {
        const QString start = t.json.value(QStringLiteral("start")).toString();
        const QString end = t.json.value(QStringLiteral("end")).toString();
        const bool covers = date.isValid() && QDate::fromString(start, Qt::ISODate) <= date && date <= QDate::fromString(end, Qt::ISODate);
        const QVariantMap choice{{QStringLiteral("id"), t.id}, {QStringLiteral("covers"), covers},
                                 {QStringLiteral("label"), tr("%1（%2 至 %3）").arg(t.json.value(QStringLiteral("destination")).toString(), start, end)}};
        (covers ? covering : others).append(choice);
    }
    // Trips on the visit's date first, then the most recent.
    auto newestFirst = [](const QVariant &a, const QVariant &b) {
        return a.toMap().value(QStringLiteral("label")).toString().section(u'（', 1) > b.toMap().value(QStringLiteral("label")).toString().section(u'（', 1);
    };
    std::sort(covering.begin(), covering.end(), newestFirst);
    std::sort(others.begin(), others.end(), newestFirst);
    return covering + others;
}

QVariantMap AppController::attach(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    const QString mime = QMimeDatabase().mimeTypeForFile(path).name();
    const auto stored = m_store.storeAttachment(path, QFileInfo(path).fileName(), mime);
    if (!stored)
        return {{QStringLiteral("ok"), false}, {QStringLiteral("message"), stored.error().message}};
    const ledger::Attachment &a = stored.value();
    return {{QStringLiteral("ok"), true},
            {QStringLiteral("attachment"), QVariantMap{{QStringLiteral("sha256"), a.sha256.hex()}, {QStringLiteral("name"), a.name},
                                                       {QStringLiteral("mimeType"), a.mimeType}, {QStringLiteral("size"), a.size}}}};
}

QString AppController::kindName(const QString &kind) const
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("visit"), QT_TR_NOOP("企业拜访")}, {QStringLiteral("trip"), QT_TR_NOOP("外出招商")},
        {QStringLiteral("lead"), QT_TR_NOOP("招商信息")}, {QStringLiteral("project"), QT_TR_NOOP("项目")},
        {QStringLiteral("milestone"), QT_TR_NOOP("项目节点")}, {QStringLiteral("funds"), QT_TR_NOOP("到位资金")},
        {QStringLiteral("referral"), QT_TR_NOOP("引荐企业拜访")}, {QStringLiteral("headquarters"), QT_TR_NOOP("总部经济")},
        {QStringLiteral("award"), QT_TR_NOOP("领导小组加分")}, {QStringLiteral("signing_event"), QT_TR_NOOP("签约活动")},
        {QStringLiteral("map_completion"), QT_TR_NOOP("招商图谱")}, {QStringLiteral("enterprise"), QT_TR_NOOP("企业")}};
    const char *n = names.value(kind);
    return n ? tr(n) : kind;
}

QString AppController::unitNameOf(const QString &code) const
{
    const ledger::SchemeUnit *u = m_scheme.unit(ledger::UnitCode(code));
    if (!u)
        return code;
    return m_language == u"en" && !u->nameEn.isEmpty() ? u->nameEn : u->name;
}

QString AppController::industryName(const QString &key) const
{
    const ledger::Industry *i = m_scheme.industry(key);
    if (!i)
        return key;
    return m_language == u"en" && !i->nameEn.isEmpty() ? i->nameEn : i->name;
}

QVariantList AppController::industries() const
{
    QVariantList out;
    for (const ledger::Industry &i : m_scheme.industries)
        out.append(QVariantMap{{QStringLiteral("key"), i.key}, {QStringLiteral("name"), industryName(i.key)}, {QStringLiteral("leading"), i.leading}});
    return out;
}

QStringList AppController::chain(const QString &industry) const
{
    const ledger::Industry *i = m_scheme.industry(industry);
    return i ? i->chain : QStringList();
}

QString AppController::creditCodeProblem(const QString &code) const { return ledger::creditCodeProblem(code).value_or(QString()); }

QString AppController::formatMoney(const QVariantMap &money) const
{
    const auto currency = ledger::currencyFromCode(money.value(QStringLiteral("currency")).toString());
    const auto m = currency ? ledger::Money::parse(money.value(QStringLiteral("amount")).toString(), *currency) : std::nullopt;
    return m ? m->toDisplayString() : QString();
}

QString AppController::formatQuantity(const QString &taskId, qint64 quantity) const
{
    for (const auto &g : m_scheme.groups)
        for (const auto &t : g.tasks)
            if (t.id == taskId)
                return ledger::formatQuantity(t.measure, quantity);
    return QString::number(quantity);
}

QString AppController::describeRecord(const QVariantMap &entity) const
{
    const QString kind = entity.value(QStringLiteral("kind")).toString();
    QString what;
    for (const char *field : {"name", "enterpriseName", "title", "destination", "purpose", "reason"}) {
        what = entity.value(QString::fromLatin1(field)).toString();
        if (!what.isEmpty())
            break;
    }
    if (what.isEmpty()) {
        const QString enterpriseId = entity.value(QStringLiteral("enterprise")).toString();
        if (const auto e = m_store.entity(enterpriseId))
            what = e->json.value(QStringLiteral("name")).toString();
    }
    if (kind == u"milestone") {
        if (const auto p = m_store.entity(entity.value(QStringLiteral("project")).toString()))
            what = p->json.value(QStringLiteral("name")).toString();
        static const QHash<QString, const char *> stages{{QStringLiteral("signed"), QT_TR_NOOP("签约")},
                                                         {QStringLiteral("landed"), QT_TR_NOOP("落地")},
                                                         {QStringLiteral("started"), QT_TR_NOOP("开工")}};
        what = tr(stages.value(entity.value(QStringLiteral("stage")).toString(), "")) + QStringLiteral(" · ") + what;
    }
    if (kind == u"funds" && entity.value(QStringLiteral("amount")).isValid())
        what += QStringLiteral(" · ") + formatMoney(entity.value(QStringLiteral("amount")).toMap());
    return kindName(kind) + QStringLiteral("：") + what;
}

QString AppController::describeRecordId(const QString &id) const
{
    const auto e = m_store.entity(id);
    return e ? describeRecord(e->json.toVariantMap()) : id.left(8);
}

QString AppController::bonusName(const QString &kind) const
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("referral"), QT_TR_NOOP("引荐企业拜访")}, {QStringLiteral("capital_increase"), QT_TR_NOOP("外资增资")},
        {QStringLiteral("headquarters"), QT_TR_NOOP("引进总部经济")}, {QStringLiteral("discretionary"), QT_TR_NOOP("领导小组研究加分")}};
    const char *n = names.value(kind);
    return n ? tr(n) : kind;
}

void AppController::prepareCheckIn(QObject *controllerObject, const QString &enterpriseId)
{
    auto *controller = qobject_cast<CheckInController *>(controllerObject);
    if (!controller)
        return;
    if (!m_provider) {
        if (m_demoPositioning)
            m_provider = new NmeaReplayProvider(QStringLiteral(":/nmea/on_site.nmea"), this);
        else
            m_provider = new QtPositionProvider(this);
    }
    controller->setProvider(m_provider);
    controller->setRules(m_scheme.checkIn);
    // This person's earlier check-ins, for the repeated-coordinates and speed checks.
    controller->setEarlierCheckIns(m_store.checkInsOf(userId()));
    // Without an enterprise there is no site to compare with: the form starts it once one is chosen.
    if (const auto enterprise = m_store.entity(enterpriseId))
        controller->start(enterprise->json);
}

void AppController::get(const QString &path, const QUrlQuery &query, std::function<void(const QJsonObject &)> done,
                        std::function<void(const QString &)> failed)
{
    m_sync.request("GET", path, query, {}, [done, failed](const HttpResponse &r) {
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        if (r.status == 200)
            done(body);
        else
            failed(body.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString());
    }, failed);
}

void AppController::loadCachedScores()
{
    QFile f(scoresCachePath(m_store));
    if (f.open(QIODevice::ReadOnly))
        m_scores = QJsonDocument::fromJson(f.readAll()).object();
}

void AppController::refreshScores(int quarter, bool alone)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("quarter"), QString::number(quarter));
    q.addQueryItem(QStringLiteral("alone"), alone ? QStringLiteral("1") : QStringLiteral("0"));
    get(QStringLiteral("/api/v1/scores"), q, [this, quarter, alone](const QJsonObject &report) {
        m_scores = report;
        m_scoresError.clear();
        // The current quarter's figures are kept for the home page when offline.
        if (quarter == currentQuarter() && !alone) {
            QFile f(scoresCachePath(m_store));
            if (f.open(QIODevice::WriteOnly))
                f.write(QJsonDocument(report).toJson(QJsonDocument::Compact));
        }
        emit scoresChanged();
        emit summaryChanged();
    }, [this](const QString &error) {
        m_scoresError = tr("无法获取得分（%1）；显示的是上次同步的结果").arg(error);
        emit scoresChanged();
    });
}

void AppController::refreshInbox()
{
    get(QStringLiteral("/api/v1/review/inbox"), {}, [this](const QJsonObject &body) {
        m_inbox = body.value(QStringLiteral("records")).toArray();
        m_inboxError.clear();
        emit inboxChanged();
    }, [this](const QString &error) {
        m_inboxError = tr("无法获取待认定记录：%1").arg(error);
        emit inboxChanged();
    });
}

void AppController::review(const QString &recordId, const QString &action, const QString &reason)
{
    const QJsonObject body{{QStringLiteral("action"), action}, {QStringLiteral("reason"), reason}};
    m_sync.request("POST", QStringLiteral("/api/v1/records/%1/review").arg(recordId), {}, body, [this, recordId](const HttpResponse &r) {
        const QJsonObject reply = QJsonDocument::fromJson(r.body).object();
        const bool ok = r.status == 200;
        emit reviewFinished(recordId, ok, ok ? QString() : reply.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString());
        refreshInbox();
        m_sync.syncNow(); // the decision reaches this tablet's copy too
    }, [this, recordId](const QString &error) { emit reviewFinished(recordId, false, error); });
}

} // namespace mobile
