// The investment map.
#include "investmentmapmodel.h"

namespace mobile {

InvestmentMapModel::InvestmentMapModel(QObject *parent)
    : StoreListModel(parent)
{
}

QHash<QString, QString> InvestmentMapModel::stages(const LocalStore &store)
{
    static const QStringList order{QStringLiteral("none"), QStringLiteral("visited"), QStringLiteral("talks"),
                                   QStringLiteral("signed"), QStringLiteral("landed"), QStringLiteral("started")};
    QHash<QString, QString> stage;
    auto raise = [&](const QString &enterprise, const QString &to) {
        if (order.indexOf(to) > order.indexOf(stage.value(enterprise, QStringLiteral("none"))))
            stage.insert(enterprise, to);
    };
    // Only what the map needs, aggregated by SQLite: no record is read into memory whole.
    const LocalStore::MapFacts facts = store.mapFacts();
    for (auto it = facts.kindsByEnterprise.cbegin(); it != facts.kindsByEnterprise.cend(); ++it) {
        if (it->contains(QStringLiteral("visit")) || it->contains(QStringLiteral("referral")))
            raise(it.key(), QStringLiteral("visited"));
        if (it->contains(QStringLiteral("project")))
            raise(it.key(), QStringLiteral("talks"));
    }
    for (auto it = facts.recognisedStagesOfProject.cbegin(); it != facts.recognisedStagesOfProject.cend(); ++it)
        for (const QString &s : *it)
            raise(facts.enterpriseOfProject.value(it.key()), s);
    return stage;
}

bool InvestmentMapModel::dependsOn(const QStringList &kinds) const
{
    static const QStringList shown{QStringLiteral("enterprise"), QStringLiteral("visit"), QStringLiteral("referral"),
                                   QStringLiteral("project"), QStringLiteral("milestone")};
    return std::any_of(kinds.cbegin(), kinds.cend(), [](const QString &k) { return shown.contains(k); });
}

void InvestmentMapModel::reload()
{
    m_links.clear();
    const QHash<QString, QString> stage = localStore() ? stages(*localStore()) : QHash<QString, QString>();
    QList<LocalEntity> enterprises = localStore() ? localStore()->entities(QStringLiteral("enterprise")) : QList<LocalEntity>();
    for (const ledger::Industry &industry : std::as_const(m_scheme.industries)) {
        QVariantList links;
        for (const QString &link : industry.chain) {
            QVariantList placed;
            for (const LocalEntity &e : std::as_const(enterprises)) {
                if (e.deleted || e.json.value(QStringLiteral("industry")).toString() != industry.key
                    || e.json.value(QStringLiteral("chainLink")).toString() != link)
                    continue;
                placed.append(QVariantMap{{QStringLiteral("id"), e.id}, {QStringLiteral("name"), e.json.value(QStringLiteral("name")).toString()},
                                          {QStringLiteral("stage"), stage.value(e.id, QStringLiteral("none"))}});
            }
            links.append(QVariantMap{{QStringLiteral("name"), link}, {QStringLiteral("enterprises"), placed}});
        }
        m_links.append(links);
    }
}

int InvestmentMapModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_scheme.industries.size()); }

QVariant InvestmentMapModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ledger::Industry &i = m_scheme.industries[index.row()];
    switch (role) {
    case IndustryRole: return i.key;
    case Qt::DisplayRole:
    case IndustryNameRole: return i.name;
    case LeadingRole: return i.leading;
    case LinksRole: return m_links.value(index.row());
    default: return {};
    }
}

QHash<int, QByteArray> InvestmentMapModel::roleNames() const
{
    return {{IndustryRole, "industry"}, {IndustryNameRole, "industryName"}, {LeadingRole, "leading"}, {LinksRole, "links"}};
}

} // namespace mobile
