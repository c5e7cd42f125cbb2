// Naming records for the office's notices and tables.
#include "ledger/caption.h"

namespace ledger {

namespace {

QString enterpriseName(const Ledger &ledger, const EnterpriseId &id)
{
    const Enterprise *e = ledger.enterprise(id);
    return e ? e->name : QString();
}

QString inBrackets(const QString &s) { return s.isEmpty() ? QString() : QStringLiteral("（") + s + QStringLiteral("）"); }

QString quoted(const QString &s) { return QStringLiteral("「") + s + QStringLiteral("」"); }

QString day(QDate d) { return d.isValid() ? d.toString(QStringLiteral("yyyy-MM-dd")) : QString(); }

QString projectCaption(const Ledger &ledger, const Project &p)
{
    return QStringLiteral("项目") + quoted(p.name) + inBrackets(enterpriseName(ledger, p.enterprise));
}

} // namespace

QString kindCaption(const Record &record)
{
    struct Visitor
    {
        QString operator()(const Visit &) const { return QStringLiteral("拜访"); }
        QString operator()(const Trip &) const { return QStringLiteral("外出招商"); }
        QString operator()(const Lead &) const { return QStringLiteral("招商信息"); }
        QString operator()(const Project &) const { return QStringLiteral("项目"); }
        QString operator()(const Milestone &m) const
        {
            switch (m.stage) {
            case MilestoneStage::Signed: return QStringLiteral("签约");
            case MilestoneStage::Landed: return QStringLiteral("落地");
            case MilestoneStage::Started: return QStringLiteral("开工");
            }
            return QStringLiteral("项目节点"); // not a valid enumerator
        }
        QString operator()(const FundsArrival &) const { return QStringLiteral("到位资金"); }
        QString operator()(const Referral &) const { return QStringLiteral("以商引商"); }
        QString operator()(const HeadquartersClaim &) const { return QStringLiteral("总部企业"); }
        QString operator()(const Award &) const { return QStringLiteral("奖励"); }
        QString operator()(const SigningEvent &) const { return QStringLiteral("签约活动"); }
        QString operator()(const MapCompletion &) const { return QStringLiteral("招商图谱"); }
    };
    return std::visit(Visitor{}, record);
}

QString recordCaption(const Ledger &ledger, const Record &record)
{
    const QString kind = kindCaption(record);
    struct Visitor
    {
        const Ledger &ledger;
        const QString &kind;
        QString operator()(const Visit &v) const { return kind + enterpriseName(ledger, v.enterprise) + inBrackets(day(v.date)); }
        QString operator()(const Trip &t) const { return kind + t.destination + inBrackets(day(t.start)); }
        QString operator()(const Lead &l) const
        {
            const QString name = l.enterpriseName.isEmpty() && l.enterprise ? enterpriseName(ledger, *l.enterprise) : l.enterpriseName;
            return kind + name + inBrackets(day(l.filed));
        }
        QString operator()(const Project &p) const { return projectCaption(ledger, p); }
        QString operator()(const Milestone &m) const
        {
            const Project *p = ledger.project(m.project);
            return kind + (p ? projectCaption(ledger, *p) : QStringLiteral("项目（尚未同步）")); // 签约项目「…」（企业）
        }
        QString operator()(const FundsArrival &f) const
        {
            return kind + enterpriseName(ledger, f.enterprise) + inBrackets(day(f.date));
        }
        QString operator()(const Referral &r) const { return kind + enterpriseName(ledger, r.enterprise) + inBrackets(day(r.date)); }
        QString operator()(const HeadquartersClaim &h) const { return kind + enterpriseName(ledger, h.enterprise); }
        QString operator()(const Award &a) const { return kind + quoted(a.reason); }
        QString operator()(const SigningEvent &s) const { return kind + quoted(s.title) + inBrackets(day(s.date)); }
        QString operator()(const MapCompletion &m) const { return kind + inBrackets(day(m.date)); }
    };
    return std::visit(Visitor{ledger, kind}, record);
}

} // namespace ledger
