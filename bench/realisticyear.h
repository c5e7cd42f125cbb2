// The realistic year the benchmarks generate: a mix of records in the proportions of a zone's
// year (40 % visits, 25 % leads, then projects, milestones, funds, referrals, trips, headquarters
// claims and awards; 90 % recognised), each credited to one person drawn from `people`. Used by
// bench_scoring (a Ledger in memory) and bench_sync (a ledger filled through the server's store).
#pragma once

#include "ledger/entities.h"

#include <QRandomGenerator>

#include <vector>

namespace bench {

// One record of the year. `projects` collects the projects made so far, for milestones to refer
// to (the first milestone drawn before any project becomes a project).
inline ledger::Record realisticRecord(QRandomGenerator &rng, const std::vector<ledger::Person> &people,
                                      std::vector<ledger::RecordId> &projects)
{
    using namespace ledger;
    static const QString industries[] = {QStringLiteral("fine_chemicals"), QStringLiteral("functional_food"),
                                         QStringLiteral("equipment_manufacturing"), QStringLiteral("new_energy")};
    const Person &p = people[rng.bounded(quint32(people.size()))];
    RecordMeta m;
    m.id = RecordId::create();
    m.credit.unit = p.unit;
    m.credit.people = {p.id};
    m.author = p.id;
    m.review.state = rng.bounded(10) == 0 ? ReviewState::Submitted : ReviewState::Recognised;
    const QDate date = QDate(2023, 1, 1).addDays(rng.bounded(365));
    const int dice = int(rng.bounded(100));
    if (dice < 40) {
        Visit v;
        v.meta = m;
        v.enterprise = EnterpriseId::create();
        v.date = date;
        v.outcome = QStringLiteral("了解投资意向");
        v.noCheckInReason = QStringLiteral("室内无信号");
        if (rng.bounded(20) == 0)
            v.institution = InstitutionCategory::NationalIndustryAssociation;
        return v;
    }
    if (dice < 65) {
        Lead x;
        x.meta = m;
        x.enterpriseName = QStringLiteral("某企业");
        x.intention = QStringLiteral("拟投资建设生产线");
        x.filed = date;
        return x;
    }
    if (dice < 70 || (dice < 80 && projects.empty())) {
        Project pr;
        pr.meta = m;
        pr.enterprise = EnterpriseId::create();
        pr.name = QStringLiteral("项目");
        pr.investment = Money::yuan(50000000 + std::int64_t(rng.bounded(200)) * 50000000);
        pr.industry = industries[rng.bounded(4)];
        pr.chemical = rng.bounded(3) == 0;
        pr.provincialLedger = rng.bounded(4) == 0;
        pr.foreignFunded = rng.bounded(10) == 0;
        pr.upgradeTransfer = rng.bounded(2) == 0;
        pr.talksSince = date;
        projects.push_back(pr.meta.id);
        return pr;
    }
    if (dice < 80) {
        Milestone ms;
        ms.meta = m;
        ms.project = projects[rng.bounded(quint32(projects.size()))];
        ms.stage = MilestoneStage(rng.bounded(3));
        ms.date = date;
        return ms;
    }
    if (dice < 90) {
        FundsArrival f;
        f.meta = m;
        f.enterprise = EnterpriseId::create();
        f.kind = FundsKind(rng.bounded(3));
        f.amount = Money{currencyOf(f.kind), std::int64_t(rng.bounded(100000000)) * 100};
        f.date = date;
        return f;
    }
    if (dice < 96) {
        Referral r;
        r.meta = m;
        r.enterprise = EnterpriseId::create();
        r.date = date;
        r.foreign = rng.bounded(3) == 0;
        r.leadingIndustry = true;
        return r;
    }
    if (dice < 98) {
        Trip t;
        t.meta = m;
        t.destination = QStringLiteral("上海");
        t.start = date;
        t.end = date.addDays(3);
        t.industries = {industries[rng.bounded(4)]};
        t.institutions.append({QStringLiteral("协会"), InstitutionCategory::NationalIndustryAssociation, date});
        return t;
    }
    if (dice < 99) {
        HeadquartersClaim h;
        h.meta = m;
        h.enterprise = EnterpriseId::create();
        h.type = HeadquartersType(rng.bounded(3));
        h.agreementDate = date;
        h.date = date;
        h.importExport = Money::yuan(40000000);
        return h;
    }
    Award a;
    a.meta = m;
    a.points = Points::fromUnits(5000);
    a.reason = QStringLiteral("领导小组研究加分");
    a.date = date;
    return a;
}

} // namespace bench
