// DecisionQueue over the decisions table.
#include "decisionqueue.h"

#include "localstore.h"

#include "ledger/reviewflow.h"

#include <QCoreApplication>
#include <QDebug>

namespace mobile {

namespace {

const QString Columns = QStringLiteral("n, record_id, action, reason, made_at, refused, refusal");

QueuedDecision readRow(const ledger::Statement &s)
{
    QueuedDecision d;
    d.n = s.columnInt64(0);
    d.recordId = s.columnText(1);
    d.action = s.columnText(2);
    d.reason = s.columnText(3);
    d.madeAt = QDateTime::fromString(s.columnText(4), Qt::ISODateWithMs).toUTC();
    d.refused = s.columnInt64(5) != 0;
    d.refusal = s.columnText(6);
    return d;
}

} // namespace

DecisionQueue::DecisionQueue(const LocalStore &store, QObject *parent)
    : QObject(parent)
    , m_db(store.openSideConnection(QStringLiteral("decisions"), m_openError))
{
}

DecisionQueue::~DecisionQueue() = default;

template<class F>
std::optional<ledger::FieldError> DecisionQueue::write(F &&f)
{
    if (!m_db)
        return ledger::FieldError(QStringLiteral("decisions"), m_openError);
    try {
        ledger::Transaction t(*m_db);
        if (auto refused = f(*m_db))
            return refused; // rolled back
        t.commit();
    } catch (const ledger::DatabaseError &e) {
        return ledger::FieldError(QStringLiteral("decisions"), e.message());
    }
    emit changed();
    return std::nullopt;
}

std::optional<ledger::FieldError> DecisionQueue::enqueue(const QString &recordId, const QString &action, const QString &reason, const QDateTime &at)
{
    if (recordId.isEmpty())
        return ledger::FieldError(QStringLiteral("recordId"), ledger::ErrorCode::Empty);
    const auto move = ledger::reviewActionFromString(action);
    if (!move || !ledger::reviewMove(*move).byReviewer)
        return ledger::FieldError(QStringLiteral("action"), ledger::ErrorCode::UnknownValue, {action, QStringLiteral("recognise, return, revoke")});
    if (auto refused = ledger::refuseByReason(*move, reason))
        return refused;
    if (!at.isValid())
        return ledger::FieldError(QStringLiteral("madeAt"), ledger::ErrorCode::NotAnInstant);
    return write([&](ledger::Database &db) -> std::optional<ledger::FieldError> {
        ledger::Statement open = db.prepare(QStringLiteral("SELECT 1 FROM decisions WHERE record_id = ? AND refused = 0"));
        open.bind(1, QStringView(recordId));
        if (open.step())
            return ledger::FieldError(QStringLiteral("recordId"),
                                      QCoreApplication::translate("LocalStore", "这条记录已有一个待发送的认定决定"));
        ledger::Statement s = db.prepare(QStringLiteral(
            "INSERT INTO decisions(record_id, action, reason, made_at, refused, refusal) VALUES(?, ?, ?, ?, 0, '')"));
        s.bind(1, QStringView(recordId))
            .bind(2, QStringView(action))
            .bind(3, QStringView(reason.trimmed()))
            .bind(4, QStringView(at.toUTC().toString(Qt::ISODateWithMs)));
        s.exec();
        return std::nullopt;
    });
}

QList<QueuedDecision> DecisionQueue::select(bool refused) const
{
    QList<QueuedDecision> out;
    if (!m_db)
        return out;
    try {
        ledger::Statement s = m_db->prepare(QStringLiteral("SELECT ") + Columns + QStringLiteral(" FROM decisions WHERE refused = ? ORDER BY n"));
        s.bind(1, refused);
        while (s.step())
            out << readRow(s);
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "decisions:" << e.message();
    }
    return out;
}

QList<QueuedDecision> DecisionQueue::waiting() const { return select(false); }

QList<QueuedDecision> DecisionQueue::refused() const { return select(true); }

std::optional<QueuedDecision> DecisionQueue::waitingFor(const QString &recordId) const
{
    for (const QueuedDecision &d : waiting())
        if (d.recordId == recordId)
            return d;
    return std::nullopt;
}

int DecisionQueue::waitingCount() const
{
    if (!m_db)
        return 0;
    try {
        ledger::Statement s = m_db->prepare(QStringLiteral("SELECT count(*) FROM decisions WHERE refused = 0"));
        return s.step() ? int(s.columnInt64(0)) : 0;
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "decisions:" << e.message();
        return 0;
    }
}

std::optional<ledger::FieldError> DecisionQueue::markSent(qint64 n)
{
    return dismiss(n);
}

std::optional<ledger::FieldError> DecisionQueue::markRefused(qint64 n, const QString &why)
{
    return write([&](ledger::Database &db) -> std::optional<ledger::FieldError> {
        ledger::Statement s = db.prepare(QStringLiteral("UPDATE decisions SET refused = 1, refusal = ? WHERE n = ?"));
        s.bind(1, QStringView(why)).bind(2, n);
        s.exec();
        if (db.changes() == 0)
            return ledger::FieldError(QStringLiteral("n"), QStringLiteral("no decision %1 in the queue").arg(n));
        return std::nullopt;
    });
}

std::optional<ledger::FieldError> DecisionQueue::dismiss(qint64 n)
{
    return write([&](ledger::Database &db) -> std::optional<ledger::FieldError> {
        ledger::Statement s = db.prepare(QStringLiteral("DELETE FROM decisions WHERE n = ?"));
        s.bind(1, n);
        s.exec();
        if (db.changes() == 0)
            return ledger::FieldError(QStringLiteral("n"), QStringLiteral("no decision %1 in the queue").arg(n));
        return std::nullopt;
    });
}

} // namespace mobile
