// DemoYear's people and enterprises: the units' staff, the zone's enterprises and those met
// elsewhere, with their industries, sites and credit codes.
#include "demoyear.h"

#include "ledger/creditcode.h"

#include <algorithm>
#include <cmath>

namespace syncserver::demo {

void DemoYear::addPeople()
{
    for (const SchemeUnit &unit : m_scheme.units) {
        // The heads named in the scheme come first ("吕岩、梁波" are two people).
        for (const QString &head : unit.head.split(u'、', Qt::SkipEmptyParts))
            addPerson(unit.code, head, Role::Staff);
        for (const StaffRow &row : StaffTable) {
            if (row.unit == unit.code.code())
                addPerson(unit.code, row.name.toString(), row.role);
        }
    }
}

void DemoYear::addPerson(const UnitCode &unit, const QString &name, Role role)
{
    Person p;
    p.id = PersonId(uuid(QStringLiteral("person/%1/%2").arg(unit.code(), name)));
    p.name = name;
    p.unit = unit;
    if (role != Role::Leader)
        p.roles.append(Role::Staff);
    if (role != Role::Staff)
        p.roles.append(role);
    if (unit.code() == Bureau && !p.roles.contains(Role::Reviewer))
        p.roles.append(Role::Reviewer);
    std::sort(p.roles.begin(), p.roles.end());
    if (unit.code() == Bureau)
        m_reviewers.append(p.id);
    m_members.push_back({p.id, unit, role != Role::Leader});
    m_people.push_back(std::move(p));
}

QList<PersonId> DemoYear::fieldStaff(const UnitCode &unit) const
{
    QList<PersonId> out;
    for (const Member &m : m_members) {
        if (m.unit == unit && m.fieldStaff)
            out.append(m.id);
    }
    return out;
}

QList<PersonId> DemoYear::crew(const UnitCode &unit, double secondChance)
{
    QList<PersonId> staff = fieldStaff(unit);
    shuffle(staff);
    return staff.mid(0, chance(secondChance) ? 2 : 1);
}

const IndustryFlavour &DemoYear::flavour(QStringView key) const
{
    for (const IndustryFlavour &f : Flavours) {
        if (f.key == key)
            return f;
    }
    return Flavours[0];
}

const IndustryFlavour &DemoYear::weightedFlavour()
{
    int total = 0;
    for (const IndustryFlavour &f : Flavours)
        total += f.weight;
    int roll = between(0, total - 1);
    for (const IndustryFlavour &f : Flavours) {
        if ((roll -= f.weight) < 0)
            return f;
    }
    return Flavours[0];
}

const Place &DemoYear::placeIn(QStringView city)
{
    for (const Place &p : Elsewhere) {
        if (p.city == city)
            return p;
    }
    return Xinxiang;
}

QString DemoYear::chainLinkFor(QStringView industry)
{
    const Industry *i = m_scheme.industry(industry);
    return i && !i->chain.isEmpty() ? pick(i->chain) : QString();
}

QString DemoYear::creditCode(QStringView kind, QStringView division)
{
    static constexpr QStringView Charset = u"0123456789ABCDEFGHJKLMNPQRTUWXY";
    QString code = kind.toString() + division.toString();
    if (chance(0.6))
        code += QStringLiteral("MA"); // registered since the 2015 reform
    while (code.size() < 17)
        code += Charset[between(0, int(Charset.size()) - 1)];
    return code + *creditCodeCheckCharacter(code);
}

GeoPoint DemoYear::randomSite()
{
    const GeoPoint p = destinationPoint(ZoneCentre, std::max(300.0, MaxSiteRadiusM * std::sqrt(m_rng.generateDouble())),
                                        uniform(0, 360));
    return {std::round(p.latitude * 1e6) / 1e6, std::round(p.longitude * 1e6) / 1e6};
}

int DemoYear::addEnterprise(const QString &name, QStringView industry, const Place &place, QStringView kind)
{
    Enterprise e;
    e.id = EnterpriseId(uuid(QStringLiteral("enterprise/") + name));
    e.name = name;
    e.creditCode = creditCode(kind, place.division);
    e.industry = industry.toString();
    e.chainLink = chainLinkFor(industry);
    if (&place == &Xinxiang) {
        e.site = randomSite();
        e.address = QStringLiteral("新乡经济开发区%1%2号").arg(pick(ZoneRoads)).arg(between(1, 399));
        m_zone.append(int(m_enterprises.size()));
    } else {
        e.address = place.city.toString() + QStringLiteral("市") + place.district.toString();
    }
    m_enterprises.push_back(std::move(e));
    return int(m_enterprises.size()) - 1;
}

int DemoYear::addNamedEnterprise(const Place &place, const IndustryFlavour &f, bool listed)
{
    const QString prefix = &place == &Xinxiang ? (chance(0.3) ? QStringLiteral("河南") : QStringLiteral("新乡"))
                                               : place.city.toString();
    const QString name = prefix + nextBrand() + pick(f.words).toString()
                         + (listed ? QStringLiteral("股份有限公司") : QStringLiteral("有限公司"));
    const int i = addEnterprise(name, f.key, place);
    m_enterprises[std::size_t(i)].listed = listed;
    m_enterprises[std::size_t(i)].industryLeader = listed ? chance(0.5) : chance(0.05);
    return i;
}

void DemoYear::addEnterprises()
{
    m_brands = QList<QStringView>(std::begin(Brands), std::end(Brands));
    shuffle(m_brands);
    for (const ForeignRow &row : ForeignEnterprises) {
        const int i = addEnterprise(row.name.toString(), row.industry, placeIn(row.city));
        Enterprise &e = m_enterprises[std::size_t(i)];
        e.foreignInvested = true;
        e.fortune500 = row.fortune500;
        e.listed = row.fortune500;
        e.industryLeader = row.fortune500;
        m_foreignParents.insert(e.id, row.parent.toString());
    }
    // The enterprises the trips court, two in each city, in the trips' industries.
    for (const TripRow &trip : Trips) {
        QList<int> courted;
        for (int c = 0; c < 2; ++c) {
            const Place &city = placeIn(trip.cities[c]);
            courted.append(addNamedEnterprise(city, flavour(trip.industries[c]), chance(0.4)));
        }
        m_courted.append(courted);
    }
    // A national institute visited on a trip, and a leasing company claiming headquarters status.
    m_institute = addEnterprise(QStringLiteral("中国科学院过程工程研究所"), u"new_materials", placeIn(u"北京"), u"12");
    m_leasing = addEnterprise(QStringLiteral("新乡经开鼎盛融资租赁有限公司"), {}, Xinxiang);
    // Enterprises elsewhere that leads and referrals come from; one of them outside the leading
    // industries, for the referral that is sent back.
    addNamedEnterprise(pick(Elsewhere), flavour(u"electronic_information"), false);
    for (int i = between(7, 11); i > 0; --i)
        addNamedEnterprise(pick(Elsewhere), weightedFlavour(), chance(0.2));
    // The zone's own: every industry's minimum first, then the usual mix.
    for (const IndustryFlavour &f : Flavours) {
        for (int i = 0; i < f.minimumLocal; ++i)
            addNamedEnterprise(Xinxiang, f, chance(0.12));
    }
    const int total = between(72, 92);
    while (int(m_enterprises.size()) < total)
        addNamedEnterprise(Xinxiang, weightedFlavour(), chance(0.12));
    // A few of the zone's enterprises have no surveyed site yet: their check-ins cannot be placed.
    for (int i : std::as_const(m_zone)) {
        if (!m_enterprises[std::size_t(i)].foreignInvested && i != m_leasing && chance(0.06))
            m_enterprises[std::size_t(i)].site.reset();
    }
}

} // namespace syncserver::demo
