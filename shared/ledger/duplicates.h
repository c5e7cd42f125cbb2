// One project, one credit (备案 first). The ledger is the register: an enterprise is identified by its
// unified social credit code (by its normalised name while it has none), a project by its enterprise
// and normalised name. When a second unit files a project, a stage of it, or a lead about the same
// enterprise in the same month, the filing that reached the ledger first (server order, not the
// event date) holds the credit; the later one is a duplicate claim (RecordMeta::claim), counting for
// nobody until a reviewer keeps the first, moves the credit or makes it a joint credit with shares.
// Zone totals count each project once whatever the decision. The server marks claims on arrival
// (firstFiling) and records decisions (refuseDecision); scoring and recognition read Claims.
#pragma once

#include "ledger/entities.h"
#include "ledger/ledger.h"
#include "ledger/result.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <functional>
#include <optional>

namespace ledger {

// A name as the register compares it: full-width forms as half-width (NFKC, so （） reads as ()),
// every bracket 【】〔〕［］[] as (), whitespace of every kind removed, case folded.
[[nodiscard]] QString normaliseName(QStringView name);

// A name's core, for the bureau's report of suspected duplicates: the normalised name without its
// bracketed parts (a place, "(新乡)") and its legal form (股份有限公司, 有限责任公司, 有限公司, 集团, 公司).
[[nodiscard]] QString nameCore(QStringView name);

// Who an enterprise is: its credit code (upper case, normalised) or, while it has none, its name.
struct EnterpriseIdentity
{
    QString code; // empty when the enterprise has no credit code yet
    QString name; // normalised
};
[[nodiscard]] EnterpriseIdentity identityOf(const Enterprise &enterprise);
// Two enterprises with credit codes are the same when the codes are; otherwise when the names are.
[[nodiscard]] bool sameEnterprise(const EnterpriseIdentity &a, const EnterpriseIdentity &b);

// Whether one project, one credit concerns records of this kind (projects, milestones, leads).
[[nodiscard]] bool isFiling(RecordKind kind);

// The filing already in the register that holds the credit for what `incoming` files: another unit's
// project of the same enterprise and name, stage of such a project, or lead about the same
// enterprise in the same month, itself no claim and not revoked. Every record of `ledger` reached
// the register before `incoming` (the server asks as the record arrives). `lookup` finds the
// incoming record's enterprise and (a milestone) project when they are not in `ledger` yet (the
// server looks in the transaction: a device pushes an enterprise, its project and its signing
// together). nullopt: `incoming` is the first filing.
struct FilingLookup
{
    std::function<const Project *(const RecordId &)> project;          // empty: the ledger's only
    std::function<const Enterprise *(const EnterpriseId &)> enterprise; // empty: the ledger's only
};
[[nodiscard]] std::optional<RecordId> firstFiling(const Record &incoming, const Ledger &ledger, const FilingLookup &lookup = {});

// The same question without reading the whole ledger each time: the register's filings (no claim,
// not revoked) by what they file, by credit code and by name. Kept up to date record by record
// (add, remove); a change of an enterprise or a project changes what its records file, so the
// register is then built again. firstFiling() checks each candidate against `ledger` as it stands.
class FilingRegister
{
public:
    FilingRegister() = default;
    explicit FilingRegister(const Ledger &ledger);

    // Registers the record as it is in `ledger` (after removing what it filed before).
    void add(const Record &record, const Ledger &ledger);
    void remove(const RecordId &id);
    [[nodiscard]] std::optional<RecordId> firstFiling(const Record &incoming, const Ledger &ledger,
                                                      const FilingLookup &lookup = {}) const;

private:
    QHash<QString, QList<RecordId>> m_byKey; // in the order the filings were added
    QHash<RecordId, QStringList> m_keysOf;
};

// The claims of a ledger, read in one pass: which part of the credit each record holds.
class Claims
{
public:
    explicit Claims(const Ledger &ledger);

    // The part of the credit the record holds for its unit's tasks (Points::whole(1): all of it;
    // zero: none): an undecided or kept claim none, a moved claim all, a joint claim its share,
    // a first filing what its claims leave it.
    [[nodiscard]] Points creditShare(const Record &record) const;
    // Whether the record stands for its project (stage, lead) in the zone's totals: each once,
    // by the first filing, or by the claim the credit moved to.
    [[nodiscard]] bool countsForZone(const Record &record) const;
    // The claims filed after this record, in ledger order.
    [[nodiscard]] QList<RecordId> claimsOn(const RecordId &first) const { return m_claims.value(first); }

private:
    QHash<RecordId, Points> m_given;     // first filing → the credit its live claims hold
    QSet<RecordId> m_movedAway;          // first filings whose credit moved to a claim
    QHash<RecordId, QList<RecordId>> m_claims;
};

// Why a reviewer's decision on `claim` cannot be recorded (naming "id", "decision" or "share"), or
// nullopt: it is a claim, the decision is one, a share goes with a joint credit only and lies
// strictly between 0 and 1, the claims' joint shares leave the first filing a part, and a moved
// credit is moved once (another claim's move is undone by keeping the first on it first).
[[nodiscard]] std::optional<FieldError> refuseDecision(const Record &claim, ClaimDecision decision, const std::optional<Points> &share,
                                                       const Ledger &ledger);

// The decisions a reviewer may make, by wire name ("keep_first", "move_credit", "joint").
[[nodiscard]] QStringList claimDecisionNames();

// Display names (Chinese source, context "ReviewFlow"): "重复申报，待认定", "功劳归首报单位", …
[[nodiscard]] const char *displayName(ClaimDecision decision);

} // namespace ledger
