// The office's words for the ledger's things.
#include "exportnames.h"

using namespace ledger;

namespace syncserver {

QString reviewStateName(ReviewState s)
{
    switch (s) {
    case ReviewState::Submitted: return QStringLiteral("待认定");
    case ReviewState::Recognised: return QStringLiteral("已认定");
    case ReviewState::Returned: return QStringLiteral("已退回");
    case ReviewState::Revoked: return QStringLiteral("已认定虚假");
    }
    return QString(); // not a valid enumerator
}

QString institutionName(InstitutionCategory c)
{
    switch (c) {
    case InstitutionCategory::NationalResearchInstitution: return QStringLiteral("国家级科研机构");
    case InstitutionCategory::IndustrialInvestmentInstitution: return QStringLiteral("重点产业投资机构");
    case InstitutionCategory::WellKnownEntrepreneur: return QStringLiteral("行业知名企业家");
    case InstitutionCategory::NationalIndustryAssociation: return QStringLiteral("国家级行业协会");
    }
    return QString(); // not a valid enumerator
}

QString fundsKindName(FundsKind k)
{
    switch (k) {
    case FundsKind::OutsideProvinceRmb: return QStringLiteral("省外资金");
    case FundsKind::ForeignCapitalUsd: return QStringLiteral("外资资本金");
    case FundsKind::ForeignCapitalIncreaseUsd: return QStringLiteral("外资增资");
    }
    return QString(); // not a valid enumerator
}

QString yesNo(bool b) { return b ? QStringLiteral("是") : QStringLiteral("否"); }

QString unitName(const Scheme &scheme, const UnitCode &code)
{
    if (const SchemeUnit *u = scheme.unit(code))
        return u->name;
    return code.code(); // not in the scheme: show the code rather than nothing
}

// An unknown key is shown as it is, so a typo is visible rather than blank.
QString industryName(const Scheme &scheme, const QString &key)
{
    if (const Industry *i = scheme.industry(key))
        return i->name;
    return key;
}

QString personName(const Ledger &ledger, const PersonId &id)
{
    if (const Person *p = ledger.person(id); p && !p->name.isEmpty())
        return p->name;
    return id.toString();
}

QString personNames(const Ledger &ledger, const QList<PersonId> &ids)
{
    QStringList names;
    for (const PersonId &id : ids)
        names << personName(ledger, id);
    return names.join(kListSep);
}

} // namespace syncserver
