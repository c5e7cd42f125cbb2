// One project, one credit: the register's identities, the first filing, the claims' shares and
// the checks on a reviewer's decision.
#include "ledger/duplicates.h"

#include <QCoreApplication>

#include <algorithm>

namespace ledger {

namespace {

const Points Whole = Points::whole(1);

// What a filing is about, to compare with another filing of the same kind.
struct Filing
{
    EnterpriseIdentity enterprise;
    QString project;  // projects and milestones: the project's normalised name
    std::optional<MilestoneStage> stage;
    int month = 0;    // leads: year × 12 + month filed
};

std::optional<EnterpriseIdentity> enterpriseOf(const Ledger &ledger, const FilingLookup &lookup, const EnterpriseId &id)
{
    const Enterprise *e = ledger.enterprise(id);
    if (!e && lookup.enterprise)
        e = lookup.enterprise(id);
    if (e)
        return identityOf(*e);
    return std::nullopt;
}

std::optional<Filing> filingOf(const Record &r, const Ledger &ledger, const FilingLookup &lookup)
{
    Filing f;
    if (const auto *p = std::get_if<Project>(&r)) {
        const auto e = enterpriseOf(ledger, lookup, p->enterprise);
        if (!e || p->name.trimmed().isEmpty())
            return std::nullopt;
        f.enterprise = *e;
        f.project = normaliseName(p->name);
        return f;
    }
    if (const auto *m = std::get_if<Milestone>(&r)) {
        const Project *p = ledger.project(m->project);
        if (!p && lookup.project)
            p = lookup.project(m->project);
        if (!p)
            return std::nullopt;
        auto of = filingOf(Record(*p), ledger, lookup);
        if (of)
            of->stage = m->stage;
        return of;
    }
    if (const auto *l = std::get_if<Lead>(&r)) {
        if (!l->filed.isValid())
            return std::nullopt;
        if (l->enterprise) {
            const auto e = enterpriseOf(ledger, lookup, *l->enterprise);
            if (!e)
                return std::nullopt;
            f.enterprise = *e;
        } else {
            f.enterprise.name = normaliseName(l->enterpriseName);
        }
        if (f.enterprise.name.isEmpty() && f.enterprise.code.isEmpty())
            return std::nullopt;
        f.month = l->filed.year() * 12 + l->filed.month();
        return f;
    }
    return std::nullopt;
}

// Where a filing is registered: once by its enterprise's credit code, once by its name, so that a
// match by either (sameEnterprise) is found among few candidates.
QStringList registerKeys(RecordKind kind, const Filing &f)
{
    const QString common = QString::number(int(kind)) + u'|' + (f.stage ? QString::number(int(*f.stage)) : QString()) + u'|'
                           + QString::number(f.month) + u'|' + f.project + u'|';
    QStringList keys;
    if (!f.enterprise.code.isEmpty())
        keys << common + QStringLiteral("c:") + f.enterprise.code;
    if (!f.enterprise.name.isEmpty())
        keys << common + QStringLiteral("n:") + f.enterprise.name;
    return keys;
}

bool sameFiling(const Filing &a, const Filing &b)
{
    return a.project == b.project && a.stage == b.stage && a.month == b.month && sameEnterprise(a.enterprise, b.enterprise);
}

// A bracket of any form, as the register writes it.
QChar bracket(QChar c)
{
    switch (c.unicode()) {
    case u'[': case u'【': case u'〔': case u'〖': case u'{': return u'(';
    case u']': case u'】': case u'〕': case u'〗': case u'}': return u')';
    default: return c;
    }
}

} // namespace

QString normaliseName(QStringView name)
{
    const QString compatible = name.toString().normalized(QString::NormalizationForm_KC);
    QString out;
    out.reserve(compatible.size());
    for (QChar c : compatible) {
        if (c.isSpace())
            continue;
        out.append(bracket(c));
    }
    return out.toCaseFolded();
}

QString nameCore(QStringView name)
{
    const QString normal = normaliseName(name);
    QString out;
    int depth = 0;
    for (QChar c : normal) {
        if (c == u'(')
            ++depth;
        else if (c == u')')
            depth = std::max(0, depth - 1);
        else if (depth == 0)
            out.append(c);
    }
    // Longest first, so that 股份有限公司 is not left as 股份.
    static const QString forms[] = {QStringLiteral("股份有限公司"), QStringLiteral("有限责任公司"), QStringLiteral("有限公司"),
                                    QStringLiteral("集团"), QStringLiteral("公司")};
    for (bool cut = true; cut;) {
        cut = false;
        for (const QString &form : forms) {
            if (out.size() > form.size() && out.endsWith(form)) {
                out.chop(form.size());
                cut = true;
            }
        }
    }
    return out;
}

EnterpriseIdentity identityOf(const Enterprise &enterprise)
{
    return {normaliseName(enterprise.creditCode).toUpper(), normaliseName(enterprise.name)};
}

bool sameEnterprise(const EnterpriseIdentity &a, const EnterpriseIdentity &b)
{
    if (!a.code.isEmpty() && !b.code.isEmpty())
        return a.code == b.code;
    return !a.name.isEmpty() && a.name == b.name;
}

bool isFiling(RecordKind kind)
{
    return kind == RecordKind::Project || kind == RecordKind::Milestone || kind == RecordKind::Lead;
}

std::optional<RecordId> firstFiling(const Record &incoming, const Ledger &ledger, const FilingLookup &lookup)
{
    if (!isFiling(kindOf(incoming)))
        return std::nullopt;
    return FilingRegister(ledger).firstFiling(incoming, ledger, lookup);
}

FilingRegister::FilingRegister(const Ledger &ledger)
{
    for (const Record &r : ledger.records())
        add(r, ledger);
}

void FilingRegister::add(const Record &record, const Ledger &ledger)
{
    const RecordMeta &meta = metaOf(record);
    remove(meta.id);
    if (!isFiling(kindOf(record)) || meta.claim || meta.review.state == ReviewState::Revoked)
        return;
    const auto filing = filingOf(record, ledger, {});
    if (!filing)
        return;
    QStringList keys = registerKeys(kindOf(record), *filing);
    for (const QString &key : std::as_const(keys))
        m_byKey[key].append(meta.id);
    m_keysOf.insert(meta.id, std::move(keys));
}

void FilingRegister::remove(const RecordId &id)
{
    const auto it = m_keysOf.constFind(id);
    if (it == m_keysOf.cend())
        return;
    for (const QString &key : *it) {
        QList<RecordId> &ids = m_byKey[key];
        ids.removeOne(id);
        if (ids.isEmpty())
            m_byKey.remove(key);
    }
    m_keysOf.erase(it);
}

std::optional<RecordId> FilingRegister::firstFiling(const Record &incoming, const Ledger &ledger, const FilingLookup &lookup) const
{
    const RecordKind kind = kindOf(incoming);
    if (!isFiling(kind))
        return std::nullopt;
    const auto filing = filingOf(incoming, ledger, lookup);
    if (!filing)
        return std::nullopt;
    const RecordMeta &meta = metaOf(incoming);
    for (const QString &key : registerKeys(kind, *filing)) {
        for (const RecordId &id : m_byKey.value(key)) {
            const Record *r = ledger.find(id);
            if (!r || kindOf(*r) != kind || id == meta.id)
                continue;
            const RecordMeta &other = metaOf(*r);
            if (other.credit.unit == meta.credit.unit || other.claim || other.review.state == ReviewState::Revoked)
                continue;
            if (const auto f = filingOf(*r, ledger, {}); f && sameFiling(*f, *filing))
                return id;
        }
    }
    return std::nullopt;
}

Claims::Claims(const Ledger &ledger)
{
    for (const Record &r : ledger.records()) {
        const RecordMeta &meta = metaOf(r);
        if (!meta.claim)
            continue;
        m_claims[meta.claim->first].append(meta.id);
        // A claim revoked as false takes nothing from the filing it claimed.
        if (meta.review.state == ReviewState::Revoked)
            continue;
        switch (meta.claim->decision) {
        case ClaimDecision::MoveCredit:
            m_given[meta.claim->first] += Whole;
            m_movedAway.insert(meta.claim->first);
            break;
        case ClaimDecision::Joint:
            m_given[meta.claim->first] += meta.claim->share.value_or(Points());
            break;
        case ClaimDecision::Undecided:
        case ClaimDecision::KeepFirst:
            break;
        }
    }
}

Points Claims::creditShare(const Record &record) const
{
    const RecordMeta &meta = metaOf(record);
    if (meta.claim) {
        switch (meta.claim->decision) {
        case ClaimDecision::MoveCredit: return Whole;
        case ClaimDecision::Joint: return meta.claim->share.value_or(Points());
        case ClaimDecision::Undecided:
        case ClaimDecision::KeepFirst: return {};
        }
        return {};
    }
    return max(Points(), Whole - m_given.value(meta.id));
}

bool Claims::countsForZone(const Record &record) const
{
    const RecordMeta &meta = metaOf(record);
    if (meta.claim)
        return meta.claim->decision == ClaimDecision::MoveCredit;
    return !m_movedAway.contains(meta.id);
}

std::optional<FieldError> refuseDecision(const Record &claim, ClaimDecision decision, const std::optional<Points> &share, const Ledger &ledger)
{
    const RecordMeta &meta = metaOf(claim);
    if (!meta.claim)
        return FieldError(QStringLiteral("id"), ErrorCode::NotADuplicateClaim);
    if (decision == ClaimDecision::Undecided)
        return FieldError(QStringLiteral("decision"), ErrorCode::ClaimDecisionNeeded, {claimDecisionNames().join(QStringLiteral(", "))});
    if (share.has_value() != (decision == ClaimDecision::Joint))
        return FieldError(QStringLiteral("share"), ErrorCode::ClaimShareJointOnly);
    if (share && (*share <= Points() || *share >= Whole))
        return FieldError(QStringLiteral("share"), ErrorCode::ClaimShareRange, {share->toString()});
    // The other live claims on the same first filing, as they stand.
    Points jointOthers;
    bool movedElsewhere = false;
    for (const Record &r : ledger.records()) {
        const RecordMeta &other = metaOf(r);
        if (!other.claim || other.id == meta.id || other.claim->first != meta.claim->first || other.review.state == ReviewState::Revoked)
            continue;
        movedElsewhere = movedElsewhere || other.claim->decision == ClaimDecision::MoveCredit;
        if (other.claim->decision == ClaimDecision::Joint)
            jointOthers += other.claim->share.value_or(Points());
    }
    if (movedElsewhere && decision != ClaimDecision::KeepFirst)
        return FieldError(QStringLiteral("decision"), ErrorCode::ClaimCreditMoved);
    if (decision == ClaimDecision::MoveCredit && jointOthers > Points())
        return FieldError(QStringLiteral("decision"), ErrorCode::ClaimJointHeld);
    if (decision == ClaimDecision::Joint && jointOthers + *share >= Whole)
        return FieldError(QStringLiteral("share"), ErrorCode::ClaimSharesOver, {(jointOthers + *share).toString()});
    return std::nullopt;
}

QStringList claimDecisionNames()
{
    return {toString(ClaimDecision::KeepFirst), toString(ClaimDecision::MoveCredit), toString(ClaimDecision::Joint)};
}

const char *displayName(ClaimDecision decision)
{
    switch (decision) {
    case ClaimDecision::Undecided: return QT_TRANSLATE_NOOP("ReviewFlow", "重复申报，待认定");
    case ClaimDecision::KeepFirst: return QT_TRANSLATE_NOOP("ReviewFlow", "功劳归先行备案单位");
    case ClaimDecision::MoveCredit: return QT_TRANSLATE_NOOP("ReviewFlow", "功劳移交本单位");
    case ClaimDecision::Joint: return QT_TRANSLATE_NOOP("ReviewFlow", "联合认定");
    }
    Q_UNREACHABLE();
    return "";
}

} // namespace ledger
