// The ToDo singleton.
#include "todo.h"

#include "draftstore.h"
#include "errortext.h"
#include "format.h"
#include "localstore.h"
#include "scores.h"
#include "session.h"
#include "settings.h"

#include "ledger/ledger.h"
#include "ledger/recognition.h"
#include "ledger/wire.h"

#include <QLocale>

namespace mobile {

namespace {

const QStringList RecordKinds{QStringLiteral("visit"), QStringLiteral("trip"), QStringLiteral("lead"), QStringLiteral("project"),
                              QStringLiteral("milestone"), QStringLiteral("funds"), QStringLiteral("referral")};

QString pageOf(const QString &kind)
{
    return kind == u"enterprise" ? QStringLiteral("EnterpriseForm.qml") : QStringLiteral("RecordForm.qml");
}

QVariantMap item(const QString &type, const QString &id, const QString &kind, const QString &title, const QString &detail)
{
    return {{QStringLiteral("type"), type}, {QStringLiteral("recordId"), id}, {QStringLiteral("kind"), kind},
            {QStringLiteral("title"), title}, {QStringLiteral("detail"), detail}, {QStringLiteral("page"), pageOf(kind)}};
}

QVariantMap reminder(const QString &type, const QString &text)
{
    return {{QStringLiteral("type"), type}, {QStringLiteral("text"), text}};
}

} // namespace

ToDo::ToDo(const LocalStore &store, const DraftStore &drafts, const Session &session, const Settings &settings,
           const Format &format, const Scores &scores, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_drafts(drafts)
    , m_session(session)
    , m_settings(settings)
    , m_format(format)
    , m_scores(scores)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(SettleMs);
    connect(&m_settle, &QTimer::timeout, this, &ToDo::itemsChanged);
    connect(&m_store, &LocalStore::changed, this, &ToDo::stale);
    connect(&m_drafts, &DraftStore::changed, this, &ToDo::stale);
    connect(&m_session, &Session::signedInChanged, this, &ToDo::stale);
    connect(&m_format, &Format::languageChanged, this, &ToDo::stale);
    connect(&m_scores, &Scores::summaryChanged, this, &ToDo::stale);
}

void ToDo::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
    stale();
}

void ToDo::stale()
{
    m_fresh = false;
    m_settle.start();
}

QVariantList ToDo::items() const
{
    refresh();
    return m_items;
}

QVariantList ToDo::reminders() const
{
    refresh();
    return m_reminders;
}

void ToDo::refresh() const
{
    if (m_fresh)
        return;
    m_fresh = true;
    m_items.clear();
    m_reminders.clear();
    const QDateTime now = m_now();

    int oldDrafts = 0;
    for (const Draft &d : m_drafts.drafts()) {
        const bool old = d.updatedAt.secsTo(now) > OldDraftSecs;
        oldDrafts += old ? 1 : 0;
        QVariantMap entry = item(QStringLiteral("draft"), d.id, d.kind,
                                 d.kind == u"enterprise" ? tr("企业：%1").arg(d.json.value(QStringLiteral("name")).toString())
                                                         : m_format.describeRecord(d.json.toVariantMap()),
                                 tr("草稿，%1 保存").arg(QLocale().toString(d.updatedAt.toLocalTime(), QLocale::ShortFormat)));
        entry.insert(QStringLiteral("old"), old);
        m_items.append(entry);
    }

    // Refused by the server: anywhere in the ledger (few, and read by their own condition).
    int returned = 0;
    for (const LocalEntity &e : m_store.rejected()) {
        if (e.deleted || e.kind == u"enterprise")
            continue;
        m_items.append(item(QStringLiteral("rejected"), e.id, e.kind, m_format.describeRecord(e.json.toVariantMap()),
                            tr("服务器未接收：%1").arg(e.rejectedReason)));
        ++returned;
    }

    // Returned and short of evidence: my unit's records of this quarter, with a ledger of just
    // those and the projects their milestones name (what recognition looks up).
    const QDate today = m_settings.today();
    const QDate quarterStart(today.year(), (today.month() - 1) / 3 * 3 + 1, 1);
    const QDate quarterEnd = quarterStart.addMonths(3).addDays(-1);
    const QString unit = m_session.unitCode();
    ledger::Ledger mine;
    QList<std::pair<LocalEntity, ledger::Record>> records;
    for (const QString &kind : RecordKinds) {
        for (const LocalEntity &e : m_store.recordsBetween(kind, quarterStart, quarterEnd)) {
            if (e.deleted || !e.rejectedReason.isEmpty()
                || e.json.value(QStringLiteral("credit")).toObject().value(QStringLiteral("unit")).toString() != unit)
                continue; // other units' records are not decoded at all
            auto decoded = ledger::wire::decodeRecord(e.json);
            if (!decoded || ledger::metaOf(decoded.value()).credit.unit.code() != unit)
                continue;
            if (const auto *m = std::get_if<ledger::Milestone>(&decoded.value())) {
                if (const auto p = m_store.entity(m->project.toString()))
                    if (auto project = ledger::wire::decodeRecord(p->json))
                        mine.upsert(project.value());
            }
            mine.upsert(decoded.value());
            records.append({e, decoded.value()});
        }
    }
    QVariantList lacking; // after the returned ones: those need the person first
    for (const auto &[e, record] : std::as_const(records)) {
        const ledger::ReviewState state = ledger::metaOf(record).review.state;
        const QString title = m_format.describeRecord(e.json.toVariantMap());
        if (state == ledger::ReviewState::Returned) {
            m_items.append(item(QStringLiteral("returned"), e.id, e.kind, title,
                                tr("已退回：%1").arg(e.json.value(QStringLiteral("review")).toObject().value(QStringLiteral("reason")).toString())));
            ++returned;
            continue;
        }
        if (state != ledger::ReviewState::Submitted)
            continue;
        const QList<ledger::FieldError> lacks = ledger::missingEvidence(record, mine, m_settings.scheme());
        if (lacks.isEmpty())
            continue;
        QStringList words;
        for (const ledger::FieldError &f : lacks)
            words << errorText(f);
        lacking.append(item(QStringLiteral("evidence"), e.id, e.kind, title, tr("缺少认定材料：%1").arg(words.join(QStringLiteral("；")))));
    }
    const qsizetype missing = lacking.size();
    m_items.append(lacking);

    // The reminders.
    const int leads = m_scores.homeSummary().value(QStringLiteral("leadsThisMonth")).toInt();
    if (today.day() > today.daysInMonth() - 7 && leads < 4)
        m_reminders.append(reminder(QStringLiteral("leads"), tr("本月只剩 %1 天，本单位有效招商信息 %2 / 4 条，还差 %3 条")
                                                                 .arg(today.daysInMonth() - today.day() + 1)
                                                                 .arg(leads)
                                                                 .arg(4 - leads)));
    if (returned > 0)
        m_reminders.append(reminder(QStringLiteral("returned"), tr("%1 条记录被退回或未被接收，请修改后重新提交").arg(returned)));
    if (missing > 0)
        m_reminders.append(reminder(QStringLiteral("evidence"), tr("%1 条记录缺少认定材料").arg(missing)));
    if (oldDrafts > 0)
        m_reminders.append(reminder(QStringLiteral("oldDraft"), tr("%1 份草稿已超过一天未完成").arg(oldDrafts)));
}

} // namespace mobile
