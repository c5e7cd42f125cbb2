// The Scores singleton.
#include "scores.h"

#include "apirequest.h"
#include "format.h"
#include "localstore.h"
#include "session.h"
#include "settings.h"
#include "syncclient.h"

#include "ledger/recognition.h"
#include "ledger/wire.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

#include <algorithm>

namespace mobile {

Scores::Scores(const LocalStore &store, SyncClient &sync, const Session &session, const Settings &settings, const Format &format,
               QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_sync(sync)
    , m_session(session)
    , m_settings(settings)
    , m_format(format)
{
    // The home page counts this month's leads: only a change of leads changes it.
    connect(&m_store, &LocalStore::entitiesChanged, this, [this](const QStringList &kinds) {
        if (kinds.contains(QStringLiteral("lead")))
            emit summaryChanged();
    });
    connect(&m_sync, &SyncClient::syncFinished, this, [this](bool ok) {
        if (ok)
            refresh(m_settings.currentQuarter(), false);
    });
    connect(&m_format, &Format::languageChanged, this, [this] {
        emit reportChanged();
        emit summaryChanged();
    });
    loadCache();
}

QString Scores::cachePath() const { return m_store.dataDir() + QStringLiteral("/scores.json"); }

void Scores::loadCache()
{
    QFile f(cachePath());
    if (f.open(QIODevice::ReadOnly))
        m_report = QJsonDocument::fromJson(f.readAll()).object();
}

QString Scores::error() const
{
    return m_failure.isEmpty() ? QString() : tr("无法获取得分（%1）；显示的是上次同步的结果").arg(m_failure);
}

int Scores::leadsThisMonth() const
{
    // Leads of my unit filed this month that count as valuable (the rule is shared/'s). Only this
    // month's leads are read (SQLite picks them by filing date), not every lead.
    const QDate today = m_settings.today();
    const QDate monthStart(today.year(), today.month(), 1);
    int leads = 0;
    for (const LocalEntity &e : m_store.recordsBetween(QStringLiteral("lead"), monthStart, monthStart.addMonths(1).addDays(-1))) {
        const auto decoded = ledger::wire::decodeRecord(e.json);
        const auto *lead = decoded ? std::get_if<ledger::Lead>(&decoded.value()) : nullptr;
        if (lead && !e.deleted && lead->meta.credit.unit.code() == m_session.unitCode() && lead->filed.year() == today.year()
            && lead->filed.month() == today.month() && ledger::isValuableLead(*lead))
            ++leads;
    }
    return leads;
}

QVariantMap Scores::homeSummary() const
{
    QVariantMap out{{QStringLiteral("leadsThisMonth"), leadsThisMonth()}};
    // My unit's standing and its group's tasks, from the last scores the server sent.
    const QString unitCode = m_session.unitCode();
    for (const QJsonValue &u : m_report.value(QStringLiteral("units")).toArray()) {
        const QJsonObject unit = u.toObject();
        if (unit.value(QStringLiteral("unit")).toString() != unitCode)
            continue;
        out.insert(QStringLiteral("total"), unit.value(QStringLiteral("total")).toString());
        out.insert(QStringLiteral("rank"), unit.value(QStringLiteral("rank")).toInt());
        out.insert(QStringLiteral("periodLabel"), m_report.value(QStringLiteral("period")).toObject().value(QStringLiteral("label")).toString());
        for (const QJsonValue &g : m_report.value(QStringLiteral("groups")).toArray()) {
            if (g.toObject().value(QStringLiteral("id")).toString() != unit.value(QStringLiteral("group")).toString())
                continue;
            QVariantList tasks;
            for (const QJsonValue &t : g.toObject().value(QStringLiteral("tasks")).toArray()) {
                const QJsonObject task = t.toObject();
                const QString id = task.value(QStringLiteral("id")).toString();
                const double target = task.value(QStringLiteral("target")).toDouble();
                const double achieved = task.value(QStringLiteral("achieved")).toDouble();
                tasks.append(QVariantMap{{QStringLiteral("name"), task.value(QStringLiteral("name")).toString()},
                                         {QStringLiteral("points"), task.value(QStringLiteral("points")).toString()},
                                         {QStringLiteral("maxPoints"), task.value(QStringLiteral("maxPoints")).toString()},
                                         {QStringLiteral("progressText"), m_format.quantity(id, qint64(achieved)) + QStringLiteral(" / ")
                                                                              + m_format.quantity(id, qint64(target))},
                                         {QStringLiteral("ratio"), target > 0 ? std::min(1.0, achieved / target) : 0.0}});
            }
            out.insert(QStringLiteral("tasks"), tasks);
        }
    }
    return out;
}

void Scores::refresh(int quarter, bool alone)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("quarter"), QString::number(quarter));
    q.addQueryItem(QStringLiteral("alone"), alone ? QStringLiteral("1") : QStringLiteral("0"));
    apiRequest(m_sync, "GET", QStringLiteral("/api/v1/scores"), q, {}, [this, quarter, alone](const QJsonObject &report) {
        m_report = report;
        m_failure.clear();
        // The current quarter's figures are kept for the home page when offline.
        if (quarter == m_settings.currentQuarter() && !alone) {
            QFile f(cachePath());
            if (f.open(QIODevice::WriteOnly))
                f.write(QJsonDocument(report).toJson(QJsonDocument::Compact));
        }
        emit reportChanged();
        emit summaryChanged();
    }, [this](const QString &error) {
        m_failure = error;
        emit reportChanged();
    });
    // Signed or provisional: a server without sign-offs, or none reached, shows no badge.
    m_quarterState = {};
    emit quarterStateChanged();
    apiRequest(m_sync, "GET", QStringLiteral("/api/v1/quarters"), {}, {}, [this, quarter](const QJsonObject &answer) {
        for (const QJsonValue &q : answer.value(QStringLiteral("quarters")).toArray())
            if (q.toObject().value(QStringLiteral("quarter")).toInt() == quarter)
                m_quarterState = q.toObject();
        emit quarterStateChanged();
    }, [](const QString &) {});
}

} // namespace mobile
