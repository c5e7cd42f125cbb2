// Enterprises for lists and pickers.
#include "enterpriselistmodel.h"

#include <QCollator>
#include <QLocale>

namespace mobile {

EnterpriseListModel::EnterpriseListModel(QObject *parent)
    : StoreListModel(parent)
{
}

void EnterpriseListModel::reload()
{
    m_rows.clear();
    if (localStore()) {
        const QString needle = m_search.trimmed();
        for (const LocalEntity &e : localStore()->entities(QStringLiteral("enterprise"))) {
            if (e.deleted)
                continue;
            const QString name = e.json.value(QStringLiteral("name")).toString();
            const QString code = e.json.value(QStringLiteral("creditCode")).toString();
            if (!needle.isEmpty() && !name.contains(needle, Qt::CaseInsensitive) && !code.contains(needle, Qt::CaseInsensitive))
                continue;
            m_rows.append(e.json);
        }
        // Chinese names in the order people expect them.
        QCollator collator(QLocale(QLocale::Chinese, QLocale::China));
        std::sort(m_rows.begin(), m_rows.end(), [&](const QJsonObject &a, const QJsonObject &b) {
            return collator.compare(a.value(QStringLiteral("name")).toString(), b.value(QStringLiteral("name")).toString()) < 0;
        });
    }
}

int EnterpriseListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant EnterpriseListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &e = m_rows[index.row()];
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
    default: return {};
    }
}

QHash<int, QByteArray> EnterpriseListModel::roleNames() const
{
    return {{EnterpriseIdRole, "enterpriseId"}, {NameRole, "name"}, {CreditCodeRole, "creditCode"}, {IndustryRole, "industry"},
            {IndustryNameRole, "industryName"}, {ChainLinkRole, "chainLink"}, {HasSiteRole, "hasSite"}};
}

int EnterpriseListModel::indexOfId(const QString &id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].value(QStringLiteral("id")).toString() == id)
            return int(i);
    return -1;
}

void EnterpriseListModel::setSearch(const QString &search)
{
    if (search == m_search)
        return;
    m_search = search;
    emit searchChanged();
    refresh();
}

} // namespace mobile
