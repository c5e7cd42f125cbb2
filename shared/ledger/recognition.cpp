// The evidence rules of 认定标准 (the recognition standards of the zone's 2023 notice, as the scheme
// encodes them) for each kind of record.
#include "ledger/recognition.h"

#include "ledger/caption.h"
#include "ledger/duplicates.h"

namespace ledger {

namespace {

void require(QList<FieldError> &out, bool ok, const QString &field, ErrorCode code)
{
    if (!ok)
        out.append(FieldError(field, code));
}

ErrorCode noDate(MilestoneStage s)
{
    switch (s) {
    case MilestoneStage::Signed: return ErrorCode::SignedNoDate;
    case MilestoneStage::Landed: return ErrorCode::LandedNoDate;
    case MilestoneStage::Started: return ErrorCode::StartedNoDate;
    }
    return ErrorCode::SignedNoDate;
}

struct Evidence
{
    const Ledger &ledger;
    const Scheme &scheme;
    QList<FieldError> out;

    void operator()(const Visit &v)
    {
        require(out, !v.enterprise.isNull(), QStringLiteral("enterprise"), ErrorCode::VisitNoEnterprise);
        require(out, v.date.isValid(), QStringLiteral("date"), ErrorCode::VisitNoDate);
        require(out, !v.outcome.trimmed().isEmpty(), QStringLiteral("outcome"), ErrorCode::VisitNoOutcome);
        require(out, v.checkIn.has_value() || !v.noCheckInReason.trimmed().isEmpty(), QStringLiteral("checkIn"),
                ErrorCode::VisitNoCheckIn);
    }
    void operator()(const Trip &t)
    {
        require(out, !t.destination.trimmed().isEmpty(), QStringLiteral("destination"), ErrorCode::TripNoDestination);
        require(out, t.start.isValid() && t.end.isValid() && t.start <= t.end, QStringLiteral("end"), ErrorCode::TripDates);
        require(out, !t.members.isEmpty(), QStringLiteral("members"), ErrorCode::TripNoMembers);
        require(out, isLeadingIndustryTrip(t, scheme), QStringLiteral("industries"), ErrorCode::TripNotLeading);
        require(out, !t.summary.trimmed().isEmpty(), QStringLiteral("summary"), ErrorCode::TripNoSummary);
    }
    void operator()(const Lead &l)
    {
        require(out, !l.enterpriseName.trimmed().isEmpty() || l.enterprise.has_value(), QStringLiteral("enterpriseName"),
                ErrorCode::LeadNoName);
        require(out, isValuableLead(l), QStringLiteral("intention"), ErrorCode::LeadNoIntention);
        require(out, l.filed.isValid(), QStringLiteral("filed"), ErrorCode::LeadNoFiledDate);
    }
    void operator()(const Project &p)
    {
        require(out, !p.enterprise.isNull(), QStringLiteral("enterprise"), ErrorCode::ProjectNoEnterprise);
        require(out, !p.name.trimmed().isEmpty(), QStringLiteral("name"), ErrorCode::ProjectNoName);
        require(out, p.investment.minor > 0, QStringLiteral("investment"), ErrorCode::ProjectNoInvestment);
    }
    void operator()(const Milestone &m)
    {
        const Project *p = ledger.project(m.project);
        require(out, p != nullptr, QStringLiteral("project"), ErrorCode::MilestoneNoProject);
        if (p && p->meta.review.state == ReviewState::Revoked)
            out.append(FieldError(QStringLiteral("project"), ErrorCode::ProjectRevoked, {p->meta.review.reason}));
        require(out, m.date.isValid(), QStringLiteral("date"), noDate(m.stage));
        switch (m.stage) {
        case MilestoneStage::Signed:
            require(out, !m.evidence.isEmpty(), QStringLiteral("evidence"), ErrorCode::SignedNoAgreement);
            break;
        case MilestoneStage::Landed:
            require(out, m.legalEntityRegistered, QStringLiteral("legalEntityRegistered"), ErrorCode::LandedNoLegalEntity);
            require(out, m.taxRegistered, QStringLiteral("taxRegistered"), ErrorCode::LandedNoTax);
            require(out, !m.evidence.isEmpty(), QStringLiteral("evidence"), ErrorCode::LandedNoEvidence);
            break;
        case MilestoneStage::Started:
            require(out, !m.evidence.isEmpty(), QStringLiteral("evidence"), ErrorCode::StartedNoEvidence);
            break;
        }
    }
    void operator()(const FundsArrival &f)
    {
        require(out, f.amount.minor > 0, QStringLiteral("amount"), ErrorCode::FundsNotPositive);
        require(out, f.date.isValid(), QStringLiteral("date"), ErrorCode::FundsNoDate);
        require(out, !f.proof.isEmpty(), QStringLiteral("proof"), ErrorCode::FundsNoProof);
    }
    void operator()(const Referral &r)
    {
        require(out, r.foreign || r.leadingIndustry, QStringLiteral("leadingIndustry"), ErrorCode::ReferralNotEligible);
        require(out, r.date.isValid(), QStringLiteral("date"), ErrorCode::VisitNoDate);
        require(out, !r.evidence.isEmpty() || !r.notes.trimmed().isEmpty(), QStringLiteral("evidence"), ErrorCode::ReferralNoEvidence);
    }
    void operator()(const HeadquartersClaim &h)
    {
        require(out, h.agreementDate.isValid(), QStringLiteral("agreementDate"), ErrorCode::HqNoAgreement);
        require(out, h.businessRegistered, QStringLiteral("businessRegistered"), ErrorCode::HqNotBusinessRegistered);
        require(out, h.taxRegistered, QStringLiteral("taxRegistered"), ErrorCode::HqNotTaxRegistered);
        if (auto why = headquartersShortfallError(h, scheme.headquarters))
            out.append(*why);
        require(out, !h.evidence.isEmpty(), QStringLiteral("evidence"), ErrorCode::HqNoEvidence);
    }
    void operator()(const Award &a)
    {
        require(out, a.points > Points(), QStringLiteral("points"), ErrorCode::AwardNotPositive);
        require(out, !a.reason.trimmed().isEmpty(), QStringLiteral("reason"), ErrorCode::AwardNoReason);
    }
    void operator()(const SigningEvent &e)
    {
        require(out, !e.title.trimmed().isEmpty(), QStringLiteral("title"), ErrorCode::EventNoTitle);
        require(out, !e.evidence.isEmpty(), QStringLiteral("evidence"), ErrorCode::EventNoEvidence);
    }
    void operator()(const MapCompletion &m)
    {
        require(out, !m.industries.isEmpty(), QStringLiteral("industries"), ErrorCode::MapNoIndustries);
        require(out, !m.evidence.isEmpty(), QStringLiteral("evidence"), ErrorCode::MapNoEvidence);
    }
};

QString unitName(const Scheme &scheme, const UnitCode &code)
{
    const SchemeUnit *u = scheme.unit(code);
    return u ? u->name : code.code();
}

// One project, one credit: a claim counts for nobody until decided, a kept claim never; a first
// filing whose credit moved to a claim counts for nobody either.
void claimReasons(QList<FieldError> &out, const Record &record, const Ledger &ledger, const Scheme &scheme)
{
    const RecordMeta &meta = metaOf(record);
    if (meta.claim) {
        const Record *first = ledger.find(meta.claim->first);
        const QString firstUnit = first ? unitName(scheme, metaOf(*first).credit.unit) : meta.claim->first.toString();
        if (meta.claim->decision == ClaimDecision::Undecided)
            out.append(FieldError(QStringLiteral("claim"), ErrorCode::DuplicateClaimUndecided,
                                  {firstUnit, first ? recordCaption(ledger, *first) : QString()}));
        else if (meta.claim->decision == ClaimDecision::KeepFirst)
            out.append(FieldError(QStringLiteral("claim"), ErrorCode::DuplicateClaimKept, {firstUnit, meta.claim->reason}));
        return;
    }
    if (!isFiling(kindOf(record)))
        return;
    for (const Record &r : ledger.records()) {
        const RecordMeta &other = metaOf(r);
        if (other.claim && other.claim->first == meta.id && other.claim->decision == ClaimDecision::MoveCredit
            && other.review.state != ReviewState::Revoked)
            out.append(FieldError(QStringLiteral("claim"), ErrorCode::CreditMoved, {unitName(scheme, other.credit.unit), other.claim->reason}));
    }
}

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
        out.append(FieldError(QStringLiteral("review"), ErrorCode::AwaitingReview));
        break;
    case ReviewState::Returned:
        out.append(FieldError(QStringLiteral("review"), ErrorCode::Returned, {review.reason}));
        break;
    case ReviewState::Revoked:
        out.append(FieldError(QStringLiteral("review"), ErrorCode::Revoked, {review.reason}));
        break;
    case ReviewState::Recognised:
        break;
    }
    // A stage the leading group recognised counts without the standard evidence (route 4).
    if (!(review.state == ReviewState::Recognised && review.meetingDate))
        out.append(missingEvidence(record, ledger, scheme));
    claimReasons(out, record, ledger, scheme);
    const QDate d = eventDate(record);
    if (d.isValid() && d.year() != scheme.year && kindOf(record) != RecordKind::Project)
        out.append(FieldError(QStringLiteral("date"), ErrorCode::OutsideYear, {QString::number(d.year()), QString::number(scheme.year)}));
    if (kindOf(record) == RecordKind::Project)
        out.append(FieldError(QStringLiteral("stage"), ErrorCode::ProjectNotScored));
    if (kindOf(record) == RecordKind::Visit && !std::get<Visit>(record).institution)
        out.append(FieldError(QStringLiteral("institution"), ErrorCode::VisitNotScored));
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

std::optional<FieldError> headquartersShortfallError(const HeadquartersClaim &h, const HeadquartersRule &rule)
{
    // The amount claimed against the threshold it misses, both as a person reads money.
    const auto shortOf = [](ErrorCode code, const Money &have, const Money &need) -> std::optional<FieldError> {
        if (have.minor >= need.minor)
            return std::nullopt;
        return FieldError(QStringLiteral("type"), code, {have.toDisplayString(), need.toDisplayString()});
    };
    switch (h.type) {
    case HeadquartersType::ImportExport:
        return shortOf(ErrorCode::HqImportExportShort, h.importExport, rule.minImportExport);
    case HeadquartersType::Construction:
        if (auto e = shortOf(ErrorCode::HqOutputShort, h.annualOutput, rule.minAnnualOutput))
            return e;
        return shortOf(ErrorCode::HqFiscalShort, h.localFiscal, rule.minLocalFiscal);
    case HeadquartersType::Financial:
        if (auto e = shortOf(ErrorCode::HqRegisteredCapitalShort, h.registeredCapital, rule.minRegisteredCapital))
            return e;
        return shortOf(ErrorCode::HqPaidInShort, h.paidInCapital, rule.minPaidInCapital);
    }
    return std::nullopt;
}

std::optional<QString> headquartersShortfall(const HeadquartersClaim &h, const HeadquartersRule &rule)
{
    if (auto e = headquartersShortfallError(h, rule))
        return e->message;
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
