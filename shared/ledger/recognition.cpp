// The evidence rules of 认定标准 (domain.md, "What counts") for each kind of record.
#include "ledger/recognition.h"

namespace ledger {

namespace {

void require(QList<FieldError> &out, bool ok, const QString &field, const QString &message)
{
    if (!ok)
        out.append({field, message});
}

QString milestoneName(MilestoneStage s)
{
    switch (s) {
    case MilestoneStage::Signed: return QStringLiteral("签约");
    case MilestoneStage::Landed: return QStringLiteral("落地");
    case MilestoneStage::Started: return QStringLiteral("开工");
    }
    return {};
}

struct Evidence
{
    const Ledger &ledger;
    const Scheme &scheme;
    QList<FieldError> out;

    void operator()(const Visit &v)
    {
        require(out, !v.enterprise.isNull(), QStringLiteral("enterprise"), QStringLiteral("未选择拜访的企业"));
        require(out, v.date.isValid(), QStringLiteral("date"), QStringLiteral("缺少拜访日期"));
        require(out, !v.outcome.trimmed().isEmpty(), QStringLiteral("outcome"), QStringLiteral("未填写拜访成果"));
        require(out, v.checkIn.has_value() || !v.noCheckInReason.trimmed().isEmpty(), QStringLiteral("checkIn"),
                QStringLiteral("既没有现场定位签到，也没有说明无法签到的原因"));
    }
    void operator()(const Trip &t)
    {
        require(out, !t.destination.trimmed().isEmpty(), QStringLiteral("destination"), QStringLiteral("未填写外出招商目的地"));
        require(out, t.start.isValid() && t.end.isValid() && t.start <= t.end, QStringLiteral("end"), QStringLiteral("出发和返回日期不完整或顺序不对"));
        require(out, !t.members.isEmpty(), QStringLiteral("members"), QStringLiteral("未填写外出人员"));
        require(out, isLeadingIndustryTrip(t, scheme), QStringLiteral("industries"), QStringLiteral("外出招商须围绕主导产业开展，未选择主导产业"));
        require(out, !t.summary.trimmed().isEmpty(), QStringLiteral("summary"), QStringLiteral("未提交外出招商情况小结"));
    }
    void operator()(const Lead &l)
    {
        require(out, !l.enterpriseName.trimmed().isEmpty() || l.enterprise.has_value(), QStringLiteral("enterpriseName"),
                QStringLiteral("未填写企业名称"));
        require(out, isValuableLead(l), QStringLiteral("intention"), QStringLiteral("没有明确的投资意向，不属于有价值的招商引资信息"));
        require(out, l.filed.isValid(), QStringLiteral("filed"), QStringLiteral("缺少报送日期"));
    }
    void operator()(const Project &p)
    {
        require(out, !p.enterprise.isNull(), QStringLiteral("enterprise"), QStringLiteral("未选择投资企业"));
        require(out, !p.name.trimmed().isEmpty(), QStringLiteral("name"), QStringLiteral("未填写项目名称"));
        require(out, p.investment.minor > 0, QStringLiteral("investment"), QStringLiteral("未填写投资额"));
    }
    void operator()(const Milestone &m)
    {
        const Project *p = ledger.project(m.project);
        require(out, p != nullptr, QStringLiteral("project"), QStringLiteral("所属项目不在台账中"));
        if (p && p->meta.review.state == ReviewState::Revoked)
            out.append({QStringLiteral("project"), QStringLiteral("所属项目已被认定为虚假：") + p->meta.review.reason});
        require(out, m.date.isValid(), QStringLiteral("date"), QStringLiteral("缺少") + milestoneName(m.stage) + QStringLiteral("日期"));
        switch (m.stage) {
        case MilestoneStage::Signed:
            require(out, !m.evidence.isEmpty(), QStringLiteral("evidence"), QStringLiteral("签约项目须上传正式投资协议"));
            break;
        case MilestoneStage::Landed:
            require(out, m.legalEntityRegistered, QStringLiteral("legalEntityRegistered"), QStringLiteral("落地项目须在开发区注册为独立核算法人企业"));
            require(out, m.taxRegistered, QStringLiteral("taxRegistered"), QStringLiteral("落地项目须完成税务登记"));
            require(out, !m.evidence.isEmpty(), QStringLiteral("evidence"), QStringLiteral("落地项目须上传营业执照和税务登记证明"));
            break;
        case MilestoneStage::Started:
            require(out, !m.evidence.isEmpty(), QStringLiteral("evidence"), QStringLiteral("开工项目须上传实质性开工建设的证明（现场照片或施工许可）"));
            break;
        }
    }
    void operator()(const FundsArrival &f)
    {
        require(out, f.amount.minor > 0, QStringLiteral("amount"), QStringLiteral("到位金额须大于零"));
        require(out, f.date.isValid(), QStringLiteral("date"), QStringLiteral("缺少到位日期"));
        require(out, !f.proof.isEmpty(), QStringLiteral("proof"), QStringLiteral("须有投资方提供的书面证明材料"));
    }
    void operator()(const Referral &r)
    {
        require(out, r.foreign || r.leadingIndustry, QStringLiteral("leadingIndustry"), QStringLiteral("引荐的企业须与主导产业相关联或为外资企业"));
        require(out, r.date.isValid(), QStringLiteral("date"), QStringLiteral("缺少拜访日期"));
        require(out, !r.evidence.isEmpty() || !r.notes.trimmed().isEmpty(), QStringLiteral("evidence"), QStringLiteral("须说明或附上拜访的证明（照片、接待记录）"));
    }
    void operator()(const HeadquartersClaim &h)
    {
        require(out, h.agreementDate.isValid(), QStringLiteral("agreementDate"), QStringLiteral("须签订入区协议"));
        require(out, h.businessRegistered, QStringLiteral("businessRegistered"), QStringLiteral("须完成工商注册"));
        require(out, h.taxRegistered, QStringLiteral("taxRegistered"), QStringLiteral("须完成税务注册"));
        if (auto why = headquartersShortfall(h, scheme.headquarters))
            out.append({QStringLiteral("type"), *why});
        require(out, !h.evidence.isEmpty(), QStringLiteral("evidence"), QStringLiteral("须上传协议、注册和数额的证明材料"));
    }
    void operator()(const Award &a)
    {
        require(out, a.points > Points(), QStringLiteral("points"), QStringLiteral("加分须大于零"));
        require(out, !a.reason.trimmed().isEmpty(), QStringLiteral("reason"), QStringLiteral("领导小组加分须写明理由"));
    }
    void operator()(const SigningEvent &e)
    {
        require(out, !e.title.trimmed().isEmpty(), QStringLiteral("title"), QStringLiteral("未填写签约活动名称"));
        require(out, !e.evidence.isEmpty(), QStringLiteral("evidence"), QStringLiteral("须上传签约活动的证明（照片、通稿）"));
    }
    void operator()(const MapCompletion &m)
    {
        require(out, !m.industries.isEmpty(), QStringLiteral("industries"), QStringLiteral("未列出图谱覆盖的主导产业"));
        require(out, !m.evidence.isEmpty(), QStringLiteral("evidence"), QStringLiteral("须上传招商图谱"));
    }
};

} // namespace

QList<FieldError> missingEvidence(const Record &record, const Ledger &ledger, const Scheme &scheme)
{
    Evidence e{ledger, scheme, {}};
    std::visit(e, record);
    return e.out;
}

QList<FieldError> whyNotCounting(const Record &record, const Ledger &ledger, const Scheme &scheme)
{
    QList<FieldError> out;
    const Review &review = metaOf(record).review;
    switch (review.state) {
    case ReviewState::Submitted:
        out.append({QStringLiteral("review"), QStringLiteral("待招商服务局认定")});
        break;
    case ReviewState::Returned:
        out.append({QStringLiteral("review"), QStringLiteral("已退回，待修改后重新提交：") + review.reason});
        break;
    case ReviewState::Revoked:
        out.append({QStringLiteral("review"), QStringLiteral("已认定为虚假信息，分值取消，单位和个人取消评先资格：") + review.reason});
        break;
    case ReviewState::Recognised:
        break;
    }
    out.append(missingEvidence(record, ledger, scheme));
    const QDate d = eventDate(record);
    if (d.isValid() && d.year() != scheme.year && kindOf(record) != RecordKind::Project)
        out.append({QStringLiteral("date"), QStringLiteral("发生在%1年，不计入%2年考核").arg(d.year()).arg(scheme.year)});
    if (kindOf(record) == RecordKind::Project)
        out.append({QStringLiteral("stage"), QStringLiteral("在谈项目本身不计分；签约、落地、开工各节点认定后计分")});
    if (kindOf(record) == RecordKind::Visit && !std::get<Visit>(record).institution)
        out.append({QStringLiteral("institution"), QStringLiteral("企业拜访本身不计分；拜访国家级机构、投资机构、知名企业家、行业协会计入遍访任务，引荐拜访计入加分")});
    return out;
}

bool countsForScore(const Record &record, const Ledger &ledger)
{
    if (metaOf(record).review.state != ReviewState::Recognised)
        return false;
    if (const auto *m = std::get_if<Milestone>(&record)) {
        const Project *p = ledger.project(m->project);
        return p && p->meta.review.state != ReviewState::Revoked;
    }
    return true;
}

std::optional<QString> headquartersShortfall(const HeadquartersClaim &h, const HeadquartersRule &rule)
{
    switch (h.type) {
    case HeadquartersType::ImportExport:
        if (h.importExport.minor < rule.minImportExport.minor)
            return QStringLiteral("进出口企业总部：当年海关反馈进出口额 ") + h.importExport.toDisplayString() + QStringLiteral(" 未达到 ")
                   + rule.minImportExport.toDisplayString();
        break;
    case HeadquartersType::Construction:
        if (h.annualOutput.minor < rule.minAnnualOutput.minor)
            return QStringLiteral("建筑企业总部：年产值 ") + h.annualOutput.toDisplayString() + QStringLiteral(" 未达到 ") + rule.minAnnualOutput.toDisplayString();
        if (h.localFiscal.minor < rule.minLocalFiscal.minor)
            return QStringLiteral("建筑企业总部：年度财政贡献地方留存 ") + h.localFiscal.toDisplayString() + QStringLiteral(" 未达到 ")
                   + rule.minLocalFiscal.toDisplayString();
        break;
    case HeadquartersType::Financial:
        if (h.registeredCapital.minor < rule.minRegisteredCapital.minor)
            return QStringLiteral("金融法人机构或总部：注册资金 ") + h.registeredCapital.toDisplayString() + QStringLiteral(" 未达到 ")
                   + rule.minRegisteredCapital.toDisplayString();
        if (h.paidInCapital.minor < rule.minPaidInCapital.minor)
            return QStringLiteral("金融法人机构或总部：实际到位注册资金 ") + h.paidInCapital.toDisplayString() + QStringLiteral(" 未达到 ")
                   + rule.minPaidInCapital.toDisplayString();
        break;
    }
    return std::nullopt;
}

Points referralPoints(const Referral &referral, const ReferralRule &rule)
{
    if (referral.foreign)
        return rule.foreign;
    if (referral.leadingIndustry)
        return rule.leadingIndustry;
    return {};
}

bool isValuableLead(const Lead &lead) { return !lead.intention.trimmed().isEmpty(); }

bool matches(const Project &p, const ProjectFilter &f, const Scheme &scheme)
{
    if (f.minInvestment && p.investment.minor < f.minInvestment->minor)
        return false;
    if (f.chemical && p.chemical != *f.chemical)
        return false;
    if (f.provincialLedger && p.provincialLedger != *f.provincialLedger)
        return false;
    if (f.foreignFunded && p.foreignFunded != *f.foreignFunded)
        return false;
    if (f.upgradeTransfer && p.upgradeTransfer != *f.upgradeTransfer)
        return false;
    if (f.leadingIndustry && scheme.isLeadingIndustry(p.industry) != *f.leadingIndustry)
        return false;
    return true;
}

bool isLeadingIndustryTrip(const Trip &trip, const Scheme &scheme)
{
    for (const auto &key : trip.industries) {
        if (scheme.isLeadingIndustry(key))
            return true;
    }
    return false;
}

} // namespace ledger
