// DemoYear's field work: the outbound trips, the visits with their check-ins (on site, far,
// inaccurate, mocked or missing) and the monthly leads.
#include "demoyear.h"

#include "ledger/checkin.h"

#include <algorithm>
#include <cmath>

namespace syncserver::demo {

QString DemoYear::busyKey(const PersonId &p, QDate day, int slot)
{
    return p.toString() + u'/' + day.toString(Qt::ISODate) + u'/' + QString::number(slot);
}

QDateTime DemoYear::slotTime(QDate day, int slot)
{
    const int minutes = (slot == 0 ? 60 : 6 * 60) + between(0, 150);
    return QDateTime(day, QTime(minutes / 60, minutes % 60, between(0, 59)), Qt::UTC);
}

std::vector<PlannedVisit> DemoYear::planTrips()
{
    std::vector<PlannedVisit> visits;
    const UnitCode bureau(Bureau.toString());
    const QList<PersonId> bureauStaff = fieldStaff(bureau);
    for (qsizetype t = 0; t < std::ssize(Trips); ++t) {
        const TripRow &row = Trips[t];
        Trip trip;
        // The head of the bureau leads, with one of its staff and a companion from another unit.
        QList<PersonId> people{bureauStaff.first(), bureauStaff[between(2, int(bureauStaff.size()) - 1)]};
        trip.meta = meta(u"trip", bureau, people);
        trip.start = date(row.start);
        trip.end = date(row.end);
        trip.members = people;
        trip.members.append(pick(fieldStaff(UnitCode(row.companionUnit.toString()))));
        const QString destination = row.cities[0] == row.cities[1]
                                        ? row.cities[0].toString()
                                        : row.cities[0].toString() + u'、' + row.cities[1].toString();
        trip.destination = destination;
        QStringList industryNames;
        for (QStringView key : row.industries) {
            trip.industries.append(key.toString());
            if (const Industry *i = m_scheme.industry(key))
                industryNames.append(i->name);
        }
        const int days = int(trip.start.daysTo(trip.end)) + 1;
        for (const InstitutionRow &inst : Institutions) {
            if (inst.city == row.cities[0] || inst.city == row.cities[1])
                trip.institutions.append({inst.name.toString(), inst.category, trip.start.addDays(between(0, days - 1))});
        }
        for (const PersonId &member : std::as_const(trip.members)) {
            for (int d = -1; d <= days; ++d) // and the travel days either side
                for (int slot = 0; slot < 2; ++slot)
                    m_busy.insert(busyKey(member, trip.start.addDays(d), slot));
        }
        for (int c = 0; c < 2; ++c) {
            const int e = m_courted[t][c];
            PlannedVisit v;
            v.time = slotTime(trip.start.addDays(1 + c % std::max(1, days - 1)), c % 2);
            v.unit = bureau;
            v.people = {people[c % 2]};
            v.enterprise = e;
            v.place = destinationPoint(placeIn(row.cities[c]).centre, uniform(500, 8000), uniform(0, 360));
            v.trip = trip.meta.id;
            visits.push_back(v);
        }
        trip.summary = QStringLiteral("赴%1围绕%2产业链开展招商，拜访国家级科研机构、投资机构、行业协会和知名企业家%3家，"
                                      "走访企业%4家，收集有明确投资意向的项目信息%5条。")
                           .arg(destination, industryNames.join(u'、'))
                           .arg(trip.institutions.size())
                           .arg(m_courted[t].size())
                           .arg(between(2, 5));
        trip.meta.review = review(ReviewState::Recognised, trip.end);
        trip.attachments = files(trip.meta.id, {u"外出招商情况小结.docx", u"外出招商统计表.xlsx"});
        m_trips.append(trip);
    }
    // On the last trip the institute is visited on its own record (not in the trip's list).
    PlannedVisit institute;
    const Trip &last = m_trips.back();
    institute.time = slotTime(last.end, 0);
    institute.unit = bureau;
    institute.people = {last.members.first()};
    institute.enterprise = m_institute;
    institute.place = destinationPoint(placeIn(u"北京").centre, 1200, 300);
    institute.trip = last.meta.id;
    institute.institution = InstitutionCategory::NationalResearchInstitution;
    visits.push_back(institute);
    return visits;
}

void DemoYear::planZoneVisits(std::vector<PlannedVisit> &visits)
{
    const int count = between(260, 320);
    const int fakedAfter = between(count / 4, count - 1);
    for (int n = 0; n < count; ++n) {
        PlannedVisit v;
        const SchemeUnit &unit = pick(m_scheme.units);
        // The bureau visits more than the others.
        v.unit = chance(0.25) ? UnitCode(Bureau.toString()) : unit.code;
        v.people = crew(v.unit);
        QDate day;
        int slot = 0;
        do {
            day = workday(between(1, 12));
            slot = between(0, 1);
        } while (m_busy.contains(busyKey(v.people.first(), day, slot)));
        m_busy.insert(busyKey(v.people.first(), day, slot));
        v.time = slotTime(day, slot);
        v.enterprise = n == fakedAfter ? pick(sitedZoneEnterprises()) : pick(m_zone);
        const Enterprise &e = m_enterprises[std::size_t(v.enterprise)];
        v.place = e.site ? *e.site : destinationPoint(ZoneCentre, uniform(500, MaxSiteRadiusM), uniform(0, 360));
        const double roll = m_rng.generateDouble();
        v.fix = roll < 0.07 ? FixKind::None : roll < 0.13 ? FixKind::Far : roll < 0.18 ? FixKind::Inaccurate : FixKind::OnSite;
        if (n == fakedAfter) {
            v.fix = FixKind::OnSite;
            visits.push_back(v);
            visits.push_back(fakedVisit(v));
            continue;
        }
        visits.push_back(v);
    }
}

QList<int> DemoYear::sitedZoneEnterprises() const
{
    QList<int> out;
    for (int i : m_zone) {
        if (m_enterprises[std::size_t(i)].site)
            out.append(i);
    }
    return out;
}

PlannedVisit DemoYear::fakedVisit(const PlannedVisit &genuine) const
{
    PlannedVisit fake = genuine;
    double farthest = -1;
    for (int i : sitedZoneEnterprises()) {
        const double d = distanceMeters(genuine.place, *m_enterprises[std::size_t(i)].site);
        if (d > farthest) {
            farthest = d;
            fake.enterprise = i;
        }
    }
    fake.place = *m_enterprises[std::size_t(fake.enterprise)].site;
    const double metresPerSecond = 2 * m_scheme.checkIn.maxSpeedKmh / 3.6;
    fake.time = genuine.time.addMSecs(std::max(qint64(1000), qint64(farthest / metresPerSecond * 1000)));
    fake.fix = FixKind::Mock;
    return fake;
}

PositionFix DemoYear::fixFor(const PlannedVisit &v)
{
    const CheckInRules &rules = m_scheme.checkIn;
    PositionFix fix;
    fix.time = v.time;
    double meters = uniform(3, 0.35 * rules.farFromSiteM);
    fix.accuracyM = std::round(uniform(3, 0.7 * rules.maxAccuracyM) * 10) / 10;
    switch (v.fix) {
    case FixKind::Far:
        meters = uniform(1.1 * rules.farFromSiteM, 6 * rules.farFromSiteM);
        break;
    case FixKind::Inaccurate:
        fix.accuracyM = std::round(uniform(1.1 * rules.maxAccuracyM, 4 * rules.maxAccuracyM));
        break;
    case FixKind::Mock:
        // A faker puts the person exactly on the registered coordinates, with a perfect accuracy.
        fix.position = v.place;
        fix.accuracyM = 5;
        fix.mock = true;
        return fix;
    case FixKind::OnSite:
    case FixKind::None:
        break;
    }
    const GeoPoint p = destinationPoint(v.place, meters, uniform(0, 360));
    fix.position = {std::round(p.latitude * 1e7) / 1e7, std::round(p.longitude * 1e7) / 1e7};
    return fix;
}

Review DemoYear::visitReview(const Visit &v, FixKind fix, bool tooBrief)
{
    if (fix == FixKind::Mock)
        return review(ReviewState::Returned, v.date, ReasonMock);
    if (v.checkIn && v.checkIn->flags.contains(CheckInFlag::FarFromSite) && chance(0.4)) {
        return review(ReviewState::Returned, v.date,
                      QStringLiteral("签到位置距企业注册地址%1米，超过%2米，请补充现场照片或说明原因")
                          .arg(qRound(*v.checkIn->distanceM))
                          .arg(m_scheme.checkIn.farFromSiteM));
    }
    if (tooBrief)
        return review(ReviewState::Returned, v.date, ReasonTooBrief);
    return everydayReview(v.date);
}

void DemoYear::addVisits(std::vector<PlannedVisit> plans)
{
    std::stable_sort(plans.begin(), plans.end(),
                     [](const PlannedVisit &a, const PlannedVisit &b) { return a.time < b.time; });
    QHash<PersonId, QList<CheckIn>> history;
    for (const PlannedVisit &plan : plans) {
        const Enterprise &enterprise = m_enterprises[std::size_t(plan.enterprise)];
        Visit v;
        v.meta = meta(u"visit", plan.unit, plan.people);
        v.enterprise = enterprise.id;
        v.date = plan.time.date();
        v.trip = plan.trip;
        v.institution = plan.institution;
        v.purpose = plan.institution ? QStringLiteral("对接科研成果转化和中试基地合作") : pick(VisitPurposes).toString();
        const bool tooBrief = chance(0.015);
        v.outcome = tooBrief ? QStringLiteral("已走访") : pick(VisitOutcomes).toString();
        if (plan.fix == FixKind::None) {
            v.noCheckInReason = pick(NoCheckInReasons).toString();
        } else {
            QList<CheckIn> &earlier = history[plan.people.first()];
            v.checkIn = makeCheckIn(fixFor(plan), enterprise, earlier, m_scheme.checkIn);
            earlier.append(*v.checkIn);
            if (plan.fix == FixKind::Far)
                v.notes = pick(FarNotes).toString();
        }
        if (plan.fix == FixKind::None || chance(0.35))
            v.attachments = files(v.meta.id, {u"拜访照片.jpg"});
        v.meta.review = visitReview(v, plan.fix, tooBrief);
        for (Trip &trip : m_trips) {
            if (v.trip == trip.meta.id)
                trip.visits.append(v.meta.id);
        }
        m_records.push_back(std::move(v));
    }
    for (Trip &trip : m_trips)
        m_records.push_back(std::move(trip));
}

void DemoYear::addLeads()
{
    static constexpr int Usual[] = {3, 4, 4, 4, 5, 5};
    static constexpr int Thin[] = {2, 3, 3, 4, 4, 5};
    for (const SchemeUnit &unit : m_scheme.units) {
        for (int month = 1; month <= 12; ++month) {
            for (int n = unit.code.code() == u"EEE" ? pick(Thin) : pick(Usual); n > 0; --n)
                addLead(unit.code, workday(month));
        }
    }
}

void DemoYear::addLead(const UnitCode &unit, QDate filed)
{
    Lead l;
    l.meta = meta(u"lead", unit, crew(unit, 0.1));
    const IndustryFlavour &f = weightedFlavour();
    l.industry = f.key.toString();
    // Some leads are about an enterprise already in the ledger, most about one only named.
    const int known = chance(0.3) ? pickEnterprise([&](const Enterprise &e, int i) { return !inZone(i) && e.industry == l.industry; })
                                  : -1;
    if (known >= 0) {
        l.enterprise = m_enterprises[std::size_t(known)].id;
        l.enterpriseName = m_enterprises[std::size_t(known)].name;
    } else {
        l.enterpriseName = pick(Elsewhere).city.toString() + pick(Brands).toString() + pick(f.words).toString()
                           + QStringLiteral("有限公司");
    }
    l.expectedInvestment = Money::yuan(qint64(between(5, 300)) * 10'000'000);
    l.filed = filed;
    l.source = pick(LeadSources).toString();
    if (chance(0.04)) {
        l.meta.review = review(ReviewState::Returned, filed, ReasonNoIntention);
    } else {
        l.intention = QStringLiteral("拟在开发区投资建设%1项目，预计总投资%2，%3")
                          .arg(pick(f.products).toString(), l.expectedInvestment.toDisplayString(),
                               pick(LeadProgress).toString());
        l.meta.review = everydayReview(filed);
    }
    m_records.push_back(std::move(l));
}

} // namespace syncserver::demo
