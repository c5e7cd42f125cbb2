// The quarter's sign-off (「分值统计结果提交区招商引资工作领导小组研究认定」): the bureau's reviewers
// close a quarter's tally, a leader signs it off, and the notice as signed is kept as a snapshot —
// the figures of the score report, the records behind them (id, stored version, SHA-256), the
// audit head, the number and the date — that no route or command changes (table quarter_signoffs,
// guarded by triggers) and that the audit chain holds by its SHA-256. What moved after the
// sign-off is listed as changes since it, and carried in the next quarter's notice.
#pragma once

#include "notice.h"
#include "store.h"

#include "ledger/scheme.h"
#include "ledger/scoring.h"

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace syncserver {

enum class QuarterState { Provisional, Closed, Signed };
[[nodiscard]] QString toString(QuarterState state); // "provisional", "closed", "signed"

// Where a quarter stands, and who moved it there.
struct QuarterStatus
{
    int year = 0;
    int quarter = 0;
    QuarterState state = QuarterState::Provisional;
    QString closedBy; // names, as the notice shows them
    QString closedAt; // UTC, ISO 8601
    QString signedBy;
    QString signedAt;
    QString number;   // 文号 of the signed notice
    QDate date;       // its date
    QString sha256;   // of the stored snapshot

    [[nodiscard]] QJsonObject toJson() const;
    // "已签认（2023年10月8日，王明辉）" or "暂定（未经领导小组签认）", as every notice is marked.
    [[nodiscard]] QString mark() const;
};

// A record whose stored version differs from the one the snapshot holds (a later recognition,
// return, revocation or edit), or one dated in the quarter that arrived after the sign-off.
struct RecordChange
{
    QString id;
    QString caption;
    QString unit;
    QString before; // its review state when signed ("—" when the snapshot did not hold it)
    QString after;  // its review state now ("已删除" when gone)
};

// A figure of the signed notice that is different now, and by how much.
struct FigureChange
{
    QString key;   // "unit/PGO/total", "zone/signedInvestment", "task/G1.1/points"
    QString label; // "规划建设局 总分"
    QString before;
    QString after;
    QString change; // "+2.0000", "-1.2亿元"
};

struct QuarterChanges
{
    int year = 0;
    int quarter = 0;
    QList<RecordChange> records;
    QList<FigureChange> figures;

    [[nodiscard]] bool isEmpty() const { return records.isEmpty() && figures.isEmpty(); }
    [[nodiscard]] QJsonObject toJson() const;
    // Both lists as one table, for the next quarter's notice.
    [[nodiscard]] Sheet sheet() const;
};

class QuarterSignOffs
{
public:
    // Creates the table (and the triggers that keep a signed row as it is) when it is missing.
    QuarterSignOffs(Store &store, const ledger::Scheme &scheme);
    QuarterSignOffs(const QuarterSignOffs &) = delete;
    QuarterSignOffs &operator=(const QuarterSignOffs &) = delete;

    // Every quarter of the scheme's year, in order.
    [[nodiscard]] QList<QuarterStatus> list();
    [[nodiscard]] QuarterStatus status(int quarter);

    // The reviewer closes the tally of a quarter that has ended (audited "quarter.close"), or
    // reopens it before it is signed ("quarter.reopen"). Throw HttpError 409 naming "quarter".
    void close(int quarter, const Actor &actor, const QString &name);
    void reopen(int quarter, const Actor &actor, const QString &name);
    // The leader signs a closed quarter off: the snapshot is made from the ledger as it is, kept,
    // and its SHA-256 written to the audit chain ("quarter.signoff"). A number must be given (at
    // most 40 characters) and a date not before the quarter's end; throws HttpError naming the field.
    QuarterStatus signOff(int quarter, const QString &number, QDate date, const ledger::ScoreOptions &options, const Actor &actor,
                          const QString &name);

    // The snapshot as stored (compact JSON, the bytes its SHA-256 is of); none unless signed.
    [[nodiscard]] std::optional<QByteArray> snapshot(int quarter);
    // What differs now from the signed snapshot. Throws HttpError 409 unless the quarter is signed.
    [[nodiscard]] QuarterChanges changes(int quarter, const ledger::ScoreOptions &options);

    // The notice of the quarter: a signed quarter's as signed (number and date its own), else
    // built now from the ledger, marked provisional and carrying the changes since the last
    // sign-off before it. `info` gives the number, date and footer of a provisional notice.
    [[nodiscard]] Notice notice(int quarter, NoticeInfo info, const ledger::ScoreOptions &options);

    // Every signed snapshot against the audit entry that signed it (and every such entry against
    // a stored snapshot): the problems found. For `verify`.
    [[nodiscard]] static QStringList verify(Store &store);

private:
    [[nodiscard]] ledger::Period periodOf(int quarter) const;
    // The records dated in the period with their stored version, hash and review state, read
    // from the entities table (inside a transaction or read()).
    [[nodiscard]] QJsonArray recordsOf(ledger::Database &db, const ledger::Period &period);
    [[nodiscard]] QuarterChanges diff(int quarter, const QJsonObject &snapshot, const ledger::ScoreOptions &options);

    Store &m_store;
    const ledger::Scheme &m_scheme;
};

} // namespace syncserver
