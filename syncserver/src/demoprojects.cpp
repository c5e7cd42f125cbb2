// DemoYear's results: the projects and their milestones, funds, referrals, headquarters claims,
// the award, the signing event and the investment map.
#include "demoyear.h"

#include "ledger/recognition.h"

namespace syncserver::demo {

int DemoYear::investorFor(const ProjectRow &row)
{
    const bool foreign = row.flags & Foreign;
    auto fits = [&](const Enterprise &e, int i) { return inZone(i) && e.industry == row.industry && e.foreignInvested == foreign; };
    for (int i = 0; i < int(m_enterprises.size()); ++i) {
        const Enterprise &e = m_enterprises[std::size_t(i)];
        if (!m_usedInvestors.contains(i) && e.site && fits(e, i)) {
            m_usedInvestors.insert(i);
            return i;
        }
    }
    const int any = pickEnterprise(fits);
    return any >= 0 ? any : pick(m_zone);
}

void DemoYear::addProjects()
{
    for (const ProjectRow &row : Projects) {
        const UnitCode unit(row.unit.toString());
        const QList<PersonId> people = crew(unit, 0.5);
        Project p;
        p.meta = meta(u"project", unit, people);
        p.enterprise = m_enterprises[std::size_t(investorFor(row))].id;
        p.name = row.name.toString();
        p.investment = Money::yuan(row.yuan);
        p.industry = row.industry.toString();
        p.chemical = row.flags & Chemical;
        p.provincialLedger = row.flags & Provincial;
        p.foreignFunded = row.flags & Foreign;
        p.upgradeTransfer = row.flags & Upgrade;
        p.talksSince = date(row.talks);
        const bool inTalksOnly = row.signedOn.month == 0;
        p.meta.review = inTalksOnly ? everydayReview(p.talksSince) : review(ReviewState::Recognised, p.talksSince);
        m_projectIds.insert(p.name, p.meta.id);
        m_projectEnterprises.insert(p.name, p.enterprise);

        const std::pair<MilestoneStage, Day> stages[] = {
            {MilestoneStage::Signed, row.signedOn}, {MilestoneStage::Landed, row.landed}, {MilestoneStage::Started, row.started}};
        int last = -1;
        for (int s = 0; s < 3; ++s)
            last = stages[s].second.month ? s : last;
        for (int s = 0; s <= last; ++s) {
            if (stages[s].second.month)
                addMilestone(p, stages[s].first, date(stages[s].second), s == last ? row.ending : Ending::Recognised);
        }
        m_records.push_back(std::move(p));
    }
}

void DemoYear::addMilestone(const Project &p, MilestoneStage stage, QDate day, Ending ending)
{
    const StageEvidence &evidence = evidenceFor(stage);
    const bool returned = ending == Ending::Returned;
    Milestone m;
    m.meta = meta(u"milestone", p.meta.credit.unit, p.meta.credit.people);
    m.project = p.meta.id;
    m.stage = stage;
    m.date = day;
    m.evidence = returned ? files(m.meta.id, {evidence.instead}) : files(m.meta.id, {evidence.files[0], evidence.files[1]});
    if (stage == MilestoneStage::Landed) {
        m.legalEntityRegistered = true;
        m.taxRegistered = !returned;
        m.notes = QStringLiteral("已在开发区注册为独立核算法人企业");
    }
    m.meta.review = reviewFor(ending, day, ending == Ending::Revoked ? ReasonFalseAgreement : evidence.returnedBecause);
    m_records.push_back(std::move(m));
}

void DemoYear::addFunds()
{
    for (const FundsRow &row : Funds) {
        const UnitCode unit(row.unit.toString());
        const bool usd = currencyOf(row.kind) == Currency::USD;
        FundsArrival f;
        f.meta = meta(u"funds", unit, crew(unit, 0.2));
        if (!row.project.isEmpty()) {
            f.project = m_projectIds.value(row.project.toString());
            f.enterprise = m_projectEnterprises.value(row.project.toString());
        } else {
            const int e = pickEnterprise(
                [&](const Enterprise &x, int i) { return inZone(i) && x.foreignInvested == usd && i != m_leasing; });
            f.enterprise = m_enterprises[std::size_t(e)].id;
        }
        f.kind = row.kind;
        f.amount = usd ? Money::usd(row.amount) : Money::yuan(row.amount);
        f.date = date(row.date);
        f.payer = payerOf(f.enterprise, usd);
        f.proof = usd ? files(f.meta.id, {u"外汇登记业务凭证.pdf", u"银行询证函.pdf"})
                      : files(f.meta.id, {u"银行进账单.pdf", u"投资方到位资金证明.pdf"});
        if (row.ending == Ending::Returned)
            f.proof = files(f.meta.id, {u"银行回单.jpg"});
        f.meta.review = reviewFor(row.ending, f.date, ReasonFundsProof);
        m_records.push_back(std::move(f));
    }
}

QString DemoYear::payerOf(const EnterpriseId &id, bool usd)
{
    if (usd || m_foreignParents.contains(id))
        return m_foreignParents.value(id, QStringLiteral("境外投资方"));
    return pick(Elsewhere).city.toString() + pick(Brands).toString() + QStringLiteral("投资集团有限公司");
}

void DemoYear::addReferrals()
{
    for (const ReferralRow &row : Referrals) {
        const UnitCode unit(row.unit.toString());
        Referral r;
        r.meta = meta(u"referral", unit, crew(unit, 0.3));
        const int e = pickEnterprise([&](const Enterprise &x, int i) {
            return x.foreignInvested == row.foreign && m_scheme.isLeadingIndustry(x.industry) == row.leadingIndustry
                   && (row.foreign || !inZone(i)) && i != m_institute;
        });
        const Enterprise &enterprise = m_enterprises[std::size_t(e)];
        r.enterprise = enterprise.id;
        r.date = date(row.date);
        r.direction = row.direction;
        r.foreign = row.foreign;
        r.leadingIndustry = row.leadingIndustry;
        r.notes = row.notes.toString();
        r.evidence = files(r.meta.id, {u"考察接待照片.jpg"});
        if (referralPoints(r, m_scheme.referral).isZero()) {
            const Industry *industry = m_scheme.industry(enterprise.industry);
            const QString what = industry ? industry->name + QStringLiteral("企业") : QStringLiteral("企业");
            r.meta.review = review(ReviewState::Returned, r.date,
                                   QStringLiteral("引荐的%1不属于主导产业关联企业，也不是外资企业，不予加分").arg(what));
        } else {
            r.meta.review = review(ReviewState::Recognised, r.date);
        }
        m_records.push_back(std::move(r));
    }
}

void DemoYear::addHeadquarters()
{
    const HeadquartersRule &rule = m_scheme.headquarters;
    HeadquartersClaim trade;
    const UnitCode plc(QStringLiteral("PLC"));
    trade.meta = meta(u"headquarters", plc, crew(plc, 0.5));
    trade.enterprise = m_enterprises[std::size_t(pickEnterprise([&](const Enterprise &e, int i) {
                                         return inZone(i) && !e.foreignInvested && e.industry == u"functional_food";
                                     }))].id;
    trade.type = HeadquartersType::ImportExport;
    trade.date = date({12, 10});
    trade.agreementDate = date({3, 1});
    trade.businessRegistered = true;
    trade.taxRegistered = true;
    trade.importExport = Money::yuan(rule.minImportExport.minor / 100 * 7 / 6); // 3500万 against 3000万
    trade.evidence = files(trade.meta.id, {u"入区协议.pdf", u"营业执照.jpg", u"海关进出口数据证明.pdf"});
    trade.meta.review = review(ReviewState::Recognised, trade.date);
    m_records.push_back(std::move(trade));

    HeadquartersClaim finance;
    const UnitCode fin(QStringLiteral("FIN"));
    finance.meta = meta(u"headquarters", fin, crew(fin, 0.5));
    finance.enterprise = m_enterprises[std::size_t(m_leasing)].id;
    finance.type = HeadquartersType::Financial;
    finance.date = date({11, 20});
    finance.agreementDate = date({5, 18});
    finance.businessRegistered = true;
    finance.taxRegistered = true;
    finance.registeredCapital = rule.minRegisteredCapital;
    finance.paidInCapital = Money::yuan(rule.minPaidInCapital.minor / 100 * 3 / 5); // 3000万 of the 5000万 needed
    finance.evidence = files(finance.meta.id, {u"入区协议.pdf", u"营业执照.jpg", u"验资报告.pdf"});
    const QString shortfall = headquartersShortfall(finance, rule).value_or(QString());
    finance.meta.review = review(ReviewState::Returned, finance.date, shortfall + QStringLiteral("，待实缴到位后重新申报"));
    m_records.push_back(std::move(finance));
}

void DemoYear::addAward()
{
    const UnitCode eds(QStringLiteral("EDS"));
    const int e = pickEnterprise([](const Enterprise &x, int) { return x.fortune500 && x.site.has_value(); });
    Award a;
    a.meta = meta(u"award", eds, crew(eds, 1.0));
    a.meta.author = m_reviewers.value(1); // entered by the bureau on the leading group's decision
    a.category = AwardCategory::Fortune500;
    a.points = Points::whole(1);
    a.date = date({12, 8});
    a.enterprise = m_enterprises[std::size_t(e)].id;
    a.reason = QStringLiteral("引进世界500强企业%1设立华中区域分拨中心，经领导小组研究加1分").arg(m_enterprises[std::size_t(e)].name);
    a.meta.review = review(ReviewState::Recognised, a.date);
    m_records.push_back(std::move(a));
}

void DemoYear::addSigningEvent()
{
    const UnitCode bureau(Bureau.toString());
    SigningEvent s;
    s.meta = meta(u"signing_event", bureau, crew(bureau, 1.0));
    s.title = QStringLiteral("新乡经济开发区%1年主导产业重大项目集中签约仪式").arg(m_year);
    for (const ProjectRow &row : Projects) {
        if (row.name == SignedAtTheEvent[0])
            s.date = date(row.signedOn);
    }
    s.venue = QStringLiteral("新乡经济开发区管委会");
    for (QStringView name : SignedAtTheEvent)
        s.projects.append(m_projectIds.value(name.toString()));
    s.evidence = files(s.meta.id, {u"签约仪式现场照片.jpg", u"新闻通稿.docx"});
    s.meta.review = review(ReviewState::Recognised, s.date);
    m_records.push_back(std::move(s));
}

void DemoYear::addMapCompletion()
{
    const UnitCode bureau(Bureau.toString());
    MapCompletion m;
    m.meta = meta(u"map_completion", bureau, crew(bureau, 1.0));
    m.date = date({12, 15});
    int targets = 0;
    for (const Industry &i : m_scheme.industries) {
        if (i.leading)
            m.industries.append(i.key);
    }
    for (const Enterprise &e : m_enterprises)
        targets += m.industries.contains(e.industry) && !e.chainLink.isEmpty();
    m.notes = QStringLiteral("绘制%1条主导产业链图谱，标注链上目标企业%2家").arg(m.industries.size()).arg(targets);
    m.evidence = files(m.meta.id, {u"主导产业招商图谱.pdf", u"目标企业清单.xlsx"});
    m.meta.review = review(ReviewState::Recognised, m.date);
    m_records.push_back(std::move(m));
}

} // namespace syncserver::demo
