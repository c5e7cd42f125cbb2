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
    QHash<QString, QString> projectEnterprise;
    for (const LocalEntity &e : store.records()) {
        if (e.deleted || e.json.value(QStringLiteral("review")).toObject().value(QStringLiteral("state")).toString() == u"revoked")
            continue;
        if (e.kind == u"visit" || e.kind == u"referral")
            raise(e.json.value(QStringLiteral("enterprise")).toString(), QStringLiteral("visited"));
        if (e.kind == u"project") {
            projectEnterprise.insert(e.id, e.json.value(QStringLiteral("enterprise")).toString());
            raise(e.json.value(QStringLiteral("enterprise")).toString(), QStringLiteral("talks"));
        }
    }
    for (const LocalEntity &e : store.entities(QStringLiteral("milestone"))) {
        if (e.deleted || e.json.value(QStringLiteral("review")).toObject().value(QStringLiteral("state")).toString() != u"recognised")
            continue;
        raise(projectEnterprise.value(e.json.value(QStringLiteral("project")).toString()), e.json.value(QStringLiteral("stage")).toString());
    }
    return stage;
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
