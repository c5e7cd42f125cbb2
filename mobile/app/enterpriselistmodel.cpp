// Enterprises for lists and pickers.
#include "enterpriselistmodel.h"

#include "positionprovider.h"
#include "settings.h"

#include "ledger/checkin.h"

#include <QCollator>
#include <QLocale>

#include <algorithm>

namespace mobile {

namespace {
// The kinds of record that name an enterprise in their `enterprise` field, with their date field.
const QList<QPair<QString, QString>> &enterpriseRecords()
{
    static const QList<QPair<QString, QString>> kinds{{QStringLiteral("visit"), QStringLiteral("date")},
                                                      {QStringLiteral("project"), QStringLiteral("talksSince")},
                                                      {QStringLiteral("funds"), QStringLiteral("date")},
                                                      {QStringLiteral("referral"), QStringLiteral("date")}};
    return kinds;
}

std::optional<ledger::GeoPoint> pointOf(const QVariantMap &map)
{
    bool okLat = false;
    bool okLon = false;
    const double lat = map.value(QStringLiteral("latitude")).toDouble(&okLat);
    const double lon = map.value(QStringLiteral("longitude")).toDouble(&okLon);
    if (!okLat || !okLon)
        return std::nullopt;
    return ledger::GeoPoint{lat, lon};
}
} // namespace

EnterpriseListModel::EnterpriseListModel(QObject *parent)
    : StoreListModel(parent)
{
}

EnterpriseListModel::~EnterpriseListModel() { stopFollowing(); }

bool EnterpriseListModel::dependsOn(const QStringList &kinds) const
{
    if (kinds.contains(QStringLiteral("enterprise")))
        return true;
    if (!m_recentFirst)
        return false;
    return std::any_of(enterpriseRecords().cbegin(), enterpriseRecords().cend(), [&](const auto &k) { return kinds.contains(k.first); });
}

QHash<QString, QString> EnterpriseListModel::lastUsed() const
{
    QHash<QString, QString> latest;
    for (const auto &[kind, dateField] : enterpriseRecords())
        for (const LocalEntity &r : localStore()->entities(kind)) {
            if (r.deleted)
                continue;
            const QString enterprise = r.json.value(QStringLiteral("enterprise")).toString();
            const QString date = r.json.value(dateField).toString();
            if (!enterprise.isEmpty() && date > latest.value(enterprise))
                latest.insert(enterprise, date);
        }
    return latest;
}

void EnterpriseListModel::reload()
{
    m_rows.clear();
    if (!localStore())
        return;
    const QString needle = m_search.trimmed();
    const auto here = pointOf(m_near);
    const QHash<QString, QString> used = m_recentFirst ? lastUsed() : QHash<QString, QString>();
    for (const LocalEntity &e : localStore()->entities(QStringLiteral("enterprise"))) {
        if (e.deleted)
            continue;
        const QString name = e.json.value(QStringLiteral("name")).toString();
        const QString code = e.json.value(QStringLiteral("creditCode")).toString();
        if (!needle.isEmpty() && !name.contains(needle, Qt::CaseInsensitive) && !code.contains(needle, Qt::CaseInsensitive))
            continue;
        Row row{e.json, -1, used.value(e.id)};
        if (here && e.json.contains(QStringLiteral("site")))
            if (const auto site = pointOf(e.json.value(QStringLiteral("site")).toObject().toVariantMap()))
                row.distanceM = ledger::distanceMeters(*here, *site);
        m_rows.append(row);
    }
    // Nearest first (those with a site), else the latest used first; then Chinese names in the
    // order people expect them.
    QCollator collator(QLocale(QLocale::Chinese, QLocale::China));
    std::sort(m_rows.begin(), m_rows.end(), [&](const Row &a, const Row &b) {
        if ((a.distanceM >= 0) != (b.distanceM >= 0))
            return a.distanceM >= 0;
        if (a.distanceM >= 0 && a.distanceM != b.distanceM)
            return a.distanceM < b.distanceM;
        if (a.lastUsed != b.lastUsed)
            return a.lastUsed > b.lastUsed;
        return collator.compare(a.json.value(QStringLiteral("name")).toString(), b.json.value(QStringLiteral("name")).toString()) < 0;
    });
}

int EnterpriseListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant EnterpriseListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    const QJsonObject &e = row.json;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return e.value(QStringLiteral("name")).toString();
    case EnterpriseIdRole: return e.value(QStringLiteral("id")).toString();
    case CreditCodeRole: return e.value(QStringLiteral("creditCode")).toString();
    case IndustryRole: return e.value(QStringLiteral("industry")).toString();
    case IndustryNameRole: {
        const ledger::Industry *i = m_scheme.industry(e.value(QStringLiteral("industry")).toString());
        return i ? i->name : QString();
    }
    case ChainLinkRole: return e.value(QStringLiteral("chainLink")).toString();
    case HasSiteRole: return e.contains(QStringLiteral("site"));
    case DistanceRole: return row.distanceM;
    case LastUsedRole: return row.lastUsed;
    default: return {};
    }
}

QHash<int, QByteArray> EnterpriseListModel::roleNames() const
{
    return {{EnterpriseIdRole, "enterpriseId"}, {NameRole, "name"},         {CreditCodeRole, "creditCode"},
            {IndustryRole, "industry"},         {IndustryNameRole, "industryName"}, {ChainLinkRole, "chainLink"},
            {HasSiteRole, "hasSite"},           {DistanceRole, "distanceM"},  {LastUsedRole, "lastUsed"}};
}

int EnterpriseListModel::indexOfId(const QString &id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].json.value(QStringLiteral("id")).toString() == id)
            return int(i);
    return -1;
}

QString EnterpriseListModel::nameOf(const QString &id) const
{
    if (!localStore() || id.isEmpty())
        return {};
    const auto e = localStore()->entity(id);
    return e && e->kind == u"enterprise" ? e->json.value(QStringLiteral("name")).toString() : QString();
}

void EnterpriseListModel::setSearch(const QString &search)
{
    if (search == m_search)
        return;
    m_search = search;
    emit searchChanged();
    refresh();
}

void EnterpriseListModel::setNear(const QVariantMap &near)
{
    if (near == m_near)
        return;
    m_near = near;
    emit nearChanged();
    refresh();
}

void EnterpriseListModel::setRecentFirst(bool on)
{
    if (on == m_recentFirst)
        return;
    m_recentFirst = on;
    emit recentFirstChanged();
    refresh();
}

void EnterpriseListModel::setFollowPosition(bool follow)
{
    if (follow == m_followPosition)
        return;
    m_followPosition = follow;
    emit followPositionChanged();
    if (!follow) {
        stopFollowing();
        return;
    }
    QQmlEngine *engine = qmlEngine(this);
    auto *settings = engine ? engine->singletonInstance<Settings *>(qmlTypeId("Ledger.App", 1, 0, "Settings")) : nullptr;
    m_provider = settings ? settings->positionProvider() : nullptr;
    if (!m_provider)
        return;
    connect(m_provider, &PositionProvider::positionUpdated, this, [this](const ledger::PositionFix &fix) {
        setNear({{QStringLiteral("latitude"), fix.position.latitude}, {QStringLiteral("longitude"), fix.position.longitude}});
    });
    // Someone else (a check-in) may already be using it: then only listen.
    if (!m_provider->isActive()) {
        m_startedProvider = true;
        m_provider->start();
    }
}

void EnterpriseListModel::stopFollowing()
{
    if (!m_provider)
        return;
    disconnect(m_provider, nullptr, this, nullptr);
    if (m_startedProvider)
        m_provider->stop();
    m_startedProvider = false;
    m_provider = nullptr;
}

} // namespace mobile
