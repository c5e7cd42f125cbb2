// Small builders for records in tests: a recognised record credited to a unit and people, with
// the evidence its kind needs, so a test states only what matters to it.
#pragma once

#include "ledger/entities.h"
#include "ledger/ledger.h"

#include <QDateTime>

namespace ledger::test {

inline Attachment pdf(const char *name = "agreement.pdf")
{
    Attachment a;
    a.sha256 = *AttachmentHash::parse(QStringLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
    a.name = QString::fromUtf8(name);
    a.mimeType = QStringLiteral("application/pdf");
    a.size = 1024;
    return a;
}

inline RecordMeta recognised(const char *unit, QList<PersonId> people = {})
{
    RecordMeta m;
    m.id = RecordId::create();
    m.credit.unit = UnitCode(QString::fromLatin1(unit));
    m.credit.people = std::move(people);
    m.review.state = ReviewState::Recognised;
    m.review.at = QDateTime(QDate(2023, 12, 31), QTime(12, 0), Qt::UTC);
    return m;
}

inline Project project(const char *unit, std::int64_t yuan, bool chemical = false, bool provincial = false,
                       bool foreign = false, bool upgrade = false, const char *industry = "fine_chemicals")
{
    Project p;
    p.meta = recognised(unit);
    p.enterprise = EnterpriseId::create();
    p.name = QStringLiteral("项目");
    p.investment = Money::yuan(yuan);
    p.industry = QString::fromLatin1(industry);
    p.chemical = chemical;
    p.provincialLedger = provincial;
    p.foreignFunded = foreign;
    p.upgradeTransfer = upgrade;
    p.talksSince = QDate(2023, 1, 5);
    return p;
}

inline Milestone milestone(const Project &p, MilestoneStage stage, QDate date, const char *unit = nullptr,
                           QList<PersonId> people = {})
{
    Milestone m;
    m.meta = recognised(unit ? unit : qPrintable(p.meta.credit.unit.code()), std::move(people));
    m.project = p.meta.id;
    m.stage = stage;
    m.date = date;
    m.evidence = {pdf()};
    m.legalEntityRegistered = true;
    m.taxRegistered = true;
    return m;
}

inline FundsArrival funds(const char *unit, FundsKind kind, std::int64_t major, QDate date, QList<PersonId> people = {})
{
    FundsArrival f;
    f.meta = recognised(unit, std::move(people));
    f.enterprise = EnterpriseId::create();
    f.kind = kind;
    f.amount = Money{currencyOf(kind), major * 100};
    f.date = date;
    f.proof = {pdf("proof.pdf")};
    return f;
}

inline Lead lead(const char *unit, QDate filed, QList<PersonId> people = {})
{
    Lead l;
    l.meta = recognised(unit, std::move(people));
    l.enterpriseName = QStringLiteral("河南某精细化工有限公司");
    l.intention = QStringLiteral("拟在开发区投资建设年产5万吨专用化学品项目");
    l.expectedInvestment = Money::yuan(300000000);
    l.industry = QStringLiteral("fine_chemicals");
    l.filed = filed;
    return l;
}

inline Referral referral(const char *unit, QDate date, bool foreign, bool leading = true)
{
    Referral r;
    r.meta = recognised(unit);
    r.enterprise = EnterpriseId::create();
    r.date = date;
    r.foreign = foreign;
    r.leadingIndustry = leading;
    r.evidence = {pdf("photo.jpg")};
    return r;
}

inline Trip trip(const char *unit, QDate start, int institutions = 0, const char *industry = "fine_chemicals")
{
    Trip t;
    t.meta = recognised(unit);
    t.destination = QStringLiteral("上海");
    t.start = start;
    t.end = start.addDays(3);
    t.members = {PersonId::create()};
    t.industries = {QString::fromLatin1(industry)};
    t.summary = QStringLiteral("拜访化工企业和行业协会");
    for (int i = 0; i < institutions; ++i)
        t.institutions.append({QStringLiteral("机构%1").arg(i + 1), InstitutionCategory::NationalIndustryAssociation, start});
    return t;
}

inline HeadquartersClaim headquarters(const char *unit, HeadquartersType type, QDate date)
{
    HeadquartersClaim h;
    h.meta = recognised(unit);
    h.enterprise = EnterpriseId::create();
    h.type = type;
    h.date = date;
    h.agreementDate = date.addDays(-30);
    h.businessRegistered = true;
    h.taxRegistered = true;
    h.importExport = Money::yuan(35000000);
    h.annualOutput = Money::yuan(600000000);
    h.localFiscal = Money::yuan(6000000);
    h.registeredCapital = Money::yuan(100000000);
    h.paidInCapital = Money::yuan(50000000);
    h.evidence = {pdf()};
    return h;
}

inline Award award(const char *unit, const char *points, QDate date)
{
    Award a;
    a.meta = recognised(unit);
    a.category = AwardCategory::Fortune500;
    a.points = *Points::parse(QString::fromLatin1(points));
    a.reason = QStringLiteral("引进世界500强企业区域总部");
    a.date = date;
    return a;
}

} // namespace ledger::test
